"""The standard-library .docx reader (the web page has no lxml) gives python-docx's units exactly."""
from __future__ import annotations

import sys

import docx
import pytest

from perfxl.draft import check_draft
from perfxl.draft.docx_plain import read_units
from perfxl.draft.reading import read_draft
from tests.conftest import example_file
from tests.draft.measure import SEED_IDS, SEEDS, make_docx, seed_path


def _tricky(path):
    """Paragraphs with tabs, breaks, hyperlink-free runs; a table with a horizontal and a
    vertical merge, an empty cell and two paragraphs in one cell; a second table."""
    d = docx.Document()
    d.add_paragraph("一、部门概况")
    p = d.add_paragraph("年初预算 ")
    p.add_run("4128.02").add_tab()
    p.add_run("万元").add_break()
    p.add_run("执行率 96.79%")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "项目"
    t.cell(0, 2).text = "金额"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "基本支出"
    t.cell(1, 1).text = "人员"
    t.cell(1, 2).text = "1,000.00"
    t.cell(2, 2).add_paragraph("第二段")
    d.add_paragraph("二、结论")
    d.add_table(rows=1, cols=2).cell(0, 1).text = "优"
    d.save(str(path))
    return path


def test_plain_reader_equals_python_docx_on_a_tricky_document(tmp_path):
    path = _tricky(tmp_path / "t.docx")
    units = read_units(path.read_bytes(), str(path))
    assert units == read_draft(path)
    assert [u.text for u in units if u.table == 1] == ["项目", "金额", "基本支出", "人员",
                                                       "1,000.00", "", "\n第二段"]
    assert units[1].text == "年初预算 4128.02\t万元\n执行率 96.79%"


@pytest.mark.skipif(not all(any(SEEDS.glob(f"{s}_*.txt")) for s in SEED_IDS),
                    reason="seed reports not available")
@pytest.mark.parametrize("sid", SEED_IDS)
def test_plain_reader_equals_python_docx_on_the_seeds(sid, tmp_path):
    path = make_docx(seed_path(sid), tmp_path / f"{sid}.docx")
    assert read_units(path.read_bytes(), str(path)) == read_draft(path)


def test_plain_reader_equals_python_docx_on_a_generated_report(tmp_path):
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.report.render import render_report

    out = tmp_path / "r.docx"
    render_report(read_workbook(example_file("004")), out)
    units = read_units(out.read_bytes(), str(out))
    assert any(u.table for u in units) and len(units) > 50
    assert units == read_draft(out)


def test_without_python_docx_a_docx_draft_is_still_checked(tmp_path, monkeypatch):
    path = _tricky(tmp_path / "t.docx")
    with_docx = check_draft(path)
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx -> ImportError, as on Pyodide
    assert read_draft(path) == read_units(path.read_bytes(), str(path))
    assert check_draft(path) == with_docx
