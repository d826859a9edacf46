"""Every text ``perfxl score`` shows (text table, 评分 sheet, JSON ``rule``) is Chinese and speaks
of the rule: no English notes, no references to files or to where a rule was found (issue 22)."""
from __future__ import annotations

import re

import pytest

from perfxl.frameworks import available, load
from perfxl.scoring import score_model
from perfxl.scoring.output import render_text, scores_output
from tests.conftest import example_file
from tests.scoring.conftest import build_seed000, build_seed004

#: Excel function names a formula in a rule text may use (what the accountant types in Excel).
EXCEL_WORDS = {"MIN", "MAX", "ROUND"}

MODELS = {"seed004": build_seed004, "seed000": build_seed000}


def _models():
    from perfxl.io.reading.xlsx_reader import read_workbook
    out = {k: f() for k, f in MODELS.items()}
    for n in ("000", "002", "004"):
        out[n] = read_workbook(example_file(n))
    return out


def foreign_words(text: str) -> list[str]:
    """ASCII words (not Excel function names, not a framework id), 'seed', '.md', '§'."""
    text = str(text)
    for fid in sorted(available(), key=len, reverse=True):
        text = text.replace(fid, "")
    bad = [w for w in re.findall(r"[A-Za-z][A-Za-z_]+", text) if w not in EXCEL_WORDS]
    bad += [m for m in ("seed", ".md", "§", "[S", "L1", "L2") if m in text]
    return bad


@pytest.fixture(scope="module")
def models():
    return _models()


@pytest.mark.parametrize("framework", available())
def test_score_texts_are_chinese(models, framework):
    load(framework)
    for name, model in models.items():
        result = score_model(model, framework)
        texts = [ln for ln in render_text(result).splitlines() if not ln.startswith("文件：")]
        sheet, _ = scores_output(result)
        texts += [str(c) for row in sheet.rows for c in row if isinstance(c, str)]
        texts += [str(c) for row in getattr(sheet, "totals", []) for c in row if isinstance(c, str)]
        texts += [it.rule for it in result.items] + list(result.warnings) + list(result.notes)
        for p in result.projects:
            texts += [it.rule for it in p.items] + list(p.warnings)
        bad = {t: foreign_words(t) for t in texts if foreign_words(t)}
        assert not bad, f"{name} under {framework}: {bad}"


def test_scan_fires_on_an_english_note():
    assert foreign_words("按填报自评得分 5（seed 000 L122）")
    assert foreign_words("(scoring standard not stated: stated score kept)")
    assert foreign_words("（domain.md §1.4）")
    assert not foreign_words("得分 = 分值 × MIN(执行率, 1) = 10 × 96.79% = 9.68")
