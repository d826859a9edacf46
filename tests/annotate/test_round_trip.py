"""The round trip of issue 12: ``perfxl report BOOK -o r.docx`` then ``perfxl check r.docx
--workbook BOOK``.

* perfxl's own sentences are consistent by construction: with every text the user typed
  replaced by a neutral phrase, the report of each example gives no finding at all;
* what the user's typed texts carry in is found, and only there: every finding's quote lies in a
  typed text of the workbook (004: 「“三公”经费支出总额较上年增加0.11万元，上升1.99%」, typed in
  经费控制说明 a few lines above the computed 5.76 万元 from 11.37);
* a copy of r.docx with one computed figure changed gives exactly one finding more, on it.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from perfxl.cli import main
from perfxl.layout import INPUT, LAYOUT, LONGTEXT, TEXT
from tests.conftest import example_file

SEEDS = ("000", "002", "004")
NEUTRAL = "按要求开展了相关工作。"


def typed_texts(model) -> list[str]:
    """Every text the user typed: text fields and text columns of the input tables."""
    out = [v for k, v in model.values.items() if isinstance(v, str) and k in LAYOUT.fields
           and LAYOUT.field(k).kind in (TEXT, LONGTEXT)]
    for key, rows in model.tables.items():
        table = LAYOUT.table(key)
        cols = [c.key for c in table.columns if c.kind in (TEXT, LONGTEXT)]
        out += [r.values[c] for r in rows for c in cols if isinstance(r.values.get(c), str)]
    return out


def neutral(model):
    """``model`` with every long text the user typed (职能职责, 说明, 偏差原因…) made neutral."""
    m = copy.deepcopy(model)
    for k, (_s, _b, f) in LAYOUT.fields.items():
        if f.kind == LONGTEXT and f.role == INPUT and m.values.get(k):
            m.values[k] = NEUTRAL
    for key, rows in m.tables.items():
        longs = [c.key for c in LAYOUT.table(key).columns if c.kind == LONGTEXT]
        for r in rows:
            for c in longs:
                if r.values.get(c):
                    r.values[c] = NEUTRAL
    return m


def _report(model, path: Path) -> Path:
    from perfxl.checks import check_model
    from perfxl.report import render_report

    errors = [f for f in check_model(model) if f.level == "error"]
    return render_report(model, path, findings=errors)


def _check(report: Path, model):
    from perfxl.draft import check_draft

    return check_draft(report, workbook=model)


def _where(f) -> tuple:
    """A finding's identity without the file (the changed copy is another file)."""
    return (f.rule, f.paragraph, f.table, f.row, f.col, f.quote)


def _show(findings) -> str:
    return "\n".join(f"{f.rule} {f.place} {f.quote!r}: {f.message}" for f in findings)


@pytest.fixture(scope="module")
def models():
    from perfxl.io.reading.xlsx_reader import read_workbook

    return {s: read_workbook(example_file(s)) for s in SEEDS}


@pytest.fixture(scope="module")
def reports(models, tmp_path_factory):
    d = tmp_path_factory.mktemp("rt")
    return {s: _report(m, d / f"{s}.docx") for s, m in models.items()}


@pytest.mark.parametrize("seed", SEEDS)
def test_perfxl_sentences_give_no_finding(seed, models, tmp_path):
    m = neutral(models[seed])
    report = _report(m, tmp_path / "neutral.docx")
    findings = _check(report, m)
    assert findings == [], _show(findings)


def disputed_labels(model) -> set[str]:
    """Labels of the workbook fields an error-level 校验 finding says are wrong (000: PX114 on
    全年预算数, 年初预算数 + 调整 ≠ 全年).  perfxl prints such a figure as the workbook holds it,
    so a sentence built on it cannot be consistent with the rest, by construction or otherwise."""
    from perfxl.checks import check_model

    where = {LAYOUT.field_cell(k): LAYOUT.field(k).label for k in LAYOUT.fields}
    return {where[(f.sheet, f.cell)] for f in check_model(model) if f.level == "error"
            and (f.sheet, f.cell) in where}


@pytest.mark.parametrize("seed", SEEDS)
def test_findings_lie_in_the_typed_texts(seed, models, reports):
    typed = typed_texts(models[seed])
    disputed = disputed_labels(models[seed])
    findings = _check(reports[seed], models[seed])
    outside = [f for f in findings if not (f.quote and any(f.quote in t for t in typed))
               and not any(label in f.quote for label in disputed)]
    assert outside == [], _show(outside)


def test_004_typed_three_public_sentence_is_found(models, reports):
    findings = _check(reports["004"], models["004"])
    doc = Document(str(reports["004"]))
    typed = "“三公”经费支出总额较上年增加0.11万元，上升1.99%"
    index = next(i for i, p in enumerate(doc.paragraphs, 1) if typed in doc.paragraphs[i - 1].text)
    here = [f for f in findings if f.paragraph == index]
    assert here, _show(findings)
    # the quotes are fragments of that sentence: the change 0.11 against 5.76 − 11.37, and/or
    # the direction 增加 / 1.99% against the fall
    assert all(f.quote in typed for f in here), _show(here)
    assert any("0.11" in f.quote or "1.99%" in f.quote for f in here)


#: One computed figure per example, as perfxl prints it; the same with the figure mistyped; the
#: mistyped figure.
CHANGES = {
    "004": ("预算执行率96.79%", "预算执行率96.97%", "96.97%"),
    "002": ("基本支出269.75万元，占65.11%", "基本支出269.75万元，占56.11%", "56.11%"),
    "000": ("基本支出3,351,318.85元，占19.33%", "基本支出3,351,318.85元，占19.53%", "19.53%"),
}


def _changed_copy(report: Path, old: str, new: str, out: Path) -> int:
    """``report`` with the first paragraph holding ``old`` rewritten; returns its number."""
    doc = Document(str(report))
    for i, p in enumerate(doc.paragraphs, 1):
        if old in p.text:
            text = p.text.replace(old, new, 1)
            for r in p.runs[1:]:
                r._r.getparent().remove(r._r)
            p.runs[0].text = text
            doc.save(str(out))
            return i
    raise AssertionError(f"{old!r} not in the report")


@pytest.mark.parametrize("seed", SEEDS)
def test_one_changed_figure_gives_exactly_its_finding(seed, models, reports, tmp_path):
    old, new, figure = CHANGES[seed]
    changed = tmp_path / "changed.docx"
    index = _changed_copy(reports[seed], old, new, changed)
    before = {_where(f) for f in _check(reports[seed], models[seed])}
    after = _check(changed, models[seed])
    extra = [f for f in after if _where(f) not in before]
    assert len(extra) == 1, _show(extra)
    assert extra[0].paragraph == index and figure in extra[0].quote, _show(extra)
    assert extra[0].level == "error"


def test_round_trip_through_the_command_line(tmp_path):
    """The commands of the issue, as the accountant runs them."""
    book = example_file("004")
    r_docx = tmp_path / "r.docx"
    run = CliRunner().invoke(main, ["report", str(book), "-o", str(r_docx)])
    assert run.exit_code == 0, run.output
    check = CliRunner().invoke(main, ["check", str(r_docx), "--workbook", str(book),
                                      "--format", "json"])
    assert check.exit_code == 1, check.output
    found = json.loads(check.stdout)["files"][0]["findings"]
    assert found and all(f["paragraph"] or f["table"] for f in found)
    assert any("0.11" in f["quote"] or "1.99%" in f["quote"] for f in found)


def test_the_findings_appendix_is_not_read_as_the_draft(tmp_path):
    """perfxl's appendix repeats stated figures (「表中填写 96.00%」) to be deleted: not prose."""
    from perfxl.draft.reading import read_draft
    from perfxl.outputs import FINDINGS_APPENDIX

    d = Document()
    d.add_paragraph("预算执行率96.79%。")
    d.add_paragraph(FINDINGS_APPENDIX)
    d.add_paragraph("【错误】PX201 部门自评表!B10：执行率应为 96.79%，表中填写 96.00%")
    d.save(tmp_path / "r.docx")
    assert [u.text for u in read_draft(tmp_path / "r.docx")] == ["预算执行率96.79%。"]


def test_template_appendix_heading_is_the_one_the_reader_knows(reports):
    from perfxl.outputs import FINDINGS_APPENDIX

    for report in reports.values():
        assert FINDINGS_APPENDIX in [p.text for p in Document(str(report)).paragraphs]
