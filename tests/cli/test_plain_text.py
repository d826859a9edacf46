"""The text report without colour (``perfxl.checks.plain_text``) is byte for byte what rich draws
(``perfxl.checks.output._rich_text``): on the examples' and the seeds' findings, and on
generated findings (CJK and ASCII words, long unbroken runs, brackets and backslashes that rich
reads as markup, wide and narrow consoles).  Where it cannot mirror rich it says so (``None``)
and rich draws."""
from __future__ import annotations

import glob
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfxl.checks.finding import Finding
from perfxl.checks.output import FileResult, _rich_text, to_text
from perfxl.checks.plain_text import plain_text
from tests.conftest import example_file


def _same(results, width: int) -> bool:
    """True when ``plain_text`` drew the report; asserts it is rich's."""
    got = plain_text(results, width)
    if got is not None:
        assert got == _rich_text(results, width=width)
    return got is not None


@pytest.mark.parametrize("ex", ["000", "002", "004"])
def test_examples_as_rich(ex):
    from perfxl.checks.engine import check_model
    from perfxl.io.reading.xlsx_reader import read_workbook

    path = example_file(ex)
    results = [FileResult(str(path), tuple(check_model(read_workbook(path, engine="calamine"),
                                                       file=str(path))))]
    assert results[0].findings
    _same(results, 80)  # the heading (the file's full path) may be too wide: rich draws
    for width in (140, 200):
        assert _same(results, width)


def test_drafts_as_rich():
    """The seeds (where this machine has them) and the held-out draft of tests/data."""
    from perfxl.draft import check_draft
    from tests.draft.measure import SEEDS

    held_out = Path(__file__).resolve().parents[1] / "data" / "drafts"
    drafts = sorted(glob.glob(str(SEEDS / "*.txt"))) + sorted(glob.glob(str(held_out / "*.txt")))
    results = [FileResult(p, tuple(check_draft(p))) for p in drafts]
    assert sum(len(r.findings) for r in results) > 0
    assert _same(results, 140) and _same(results, 100)


def test_headings_unreadable_and_clean_files_as_rich():
    results = [FileResult("坏.xlsx", (), "不是 .xlsx 文件"), FileResult("好.xlsx")]
    assert _same(results, 140)
    assert plain_text(results, 140) == "坏.xlsx：无法读取 —— 不是 .xlsx 文件\n好.xlsx：未发现问题\n"


def test_left_to_rich():
    """What is not mirrored goes to rich, and ``to_text`` still gives rich's text."""
    f = Finding("PX601", "error", "d.txt", "", "", "增加写成减少", line=3, quote="原文")
    g = Finding("PX101", "warning", "b.xlsx", "收入", "B10", "短")
    cases = [
        [FileResult("d.txt", (f._replace(message="两行\n文字"),))],  # a line break
        [FileResult("d.txt", (f._replace(quote="制表\t符"),))],  # a tab
        [FileResult("d.txt", (f._replace(message="比例 :smile: 写错"),))],  # an emoji code
        [FileResult("长" * 80 + ".txt", (f,))],  # a heading wider than the console
        [FileResult("d.txt", (), accepted=((f, "已核实"),))],  # accepted findings
        [FileResult("b.xlsx", (g._replace(sheet="收入:x:"),))],  # an emoji code in a title
        [FileResult("b.xlsx", (g._replace(sheet="收入" * 20),))],  # a title wider than the table
        [FileResult("d.txt", (f._replace(line=None, paragraph=1, table=1, row=1, col=1,
                                          quote="x" * 200),))],
    ]
    for results in cases[:7]:
        assert plain_text(results, 140) is None
        assert to_text(results) == _rich_text(results)
    assert plain_text(cases[7], 30) is None  # 说明 narrower than 10 cells
    assert to_text(cases[7], width=30) == _rich_text(cases[7], width=30)


_WORD = st.one_of(
    st.text(alphabet="预算执行率元万增加减少（）“”：；，。", min_size=1, max_size=12),
    st.text(alphabet="abcXYZ0123456789.%-/", min_size=1, max_size=30),
    st.sampled_from(["[b]", "[/]", "[link=x]", "\\", "\\[b]", "[red]红[/red]", "a]b[", "@", "#",
                     "　", "１２", "🙂", "é", "\u0301", "\u200b"]),
)
_TEXT = st.lists(st.tuples(_WORD, st.sampled_from(["", " ", "  ", "，"])), max_size=40).map(
    lambda ws: "".join(w + sep for w, sep in ws))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(_TEXT, _TEXT, st.sampled_from(["error", "warning", "info"]),
                               st.booleans(), st.text(alphabet="工作表收入AB ", max_size=8)),
                     min_size=1, max_size=6),
       width=st.integers(40, 200))
def test_generated_findings_as_rich(rows, width):
    findings = []
    for i, (message, quote, level, draft, sheet) in enumerate(rows):
        if draft:
            findings.append(Finding("PX6%02d" % i, level, "d.txt", "", "", message, line=i + 1,
                                    quote=quote or None))
        else:
            findings.append(Finding("PX1%02d" % i, level, "b.xlsx", sheet, f"B{i + 2}",
                                    message + quote))
    _same([FileResult("报告 [draft].txt", tuple(findings))], width)
