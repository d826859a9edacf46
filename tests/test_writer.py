"""write_outputs: output sheets and cells into a copy, every other part byte for byte."""
from __future__ import annotations

import zipfile

import openpyxl
import pytest

from perfxl.checks import check_model
from perfxl.errors import UsageError
from perfxl.examples import example
from perfxl.io.reading.sheetxml import sheet_parts
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.io.writing.xlsx_writer import write_outputs
from perfxl.outputs import findings_sheet
from perfxl.scoring import score_model
from perfxl.scoring.output import scores_output


@pytest.fixture(scope="module")
def outputs():
    src = example("000").output_path()
    model = read_workbook(src)
    sheet, cells = scores_output(score_model(model))
    return src, [findings_sheet(check_model(model)), sheet], cells


def test_only_output_parts_change(outputs, tmp_path):
    src, sheets, cells = outputs
    out = write_outputs(src, tmp_path / "out.xlsx", sheets=sheets, cells=cells)
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(out) as b:
        parts = sheet_parts(a)
        # styles.xml too stays byte for byte: the output sheets use the template's formats
        # workbook.xml: the empty 报告 sheet hidden (it printed a page of its title alone)
        changed = {parts["校验结果"], parts["评分"], parts["指标体系"], "xl/workbook.xml"}
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name not in changed:
                assert a.read(name) == b.read(name), name
        assert a.read(parts["指标体系"]) != b.read(parts["指标体系"])
    wb = openpyxl.load_workbook(out)
    assert wb["评分"]["A1"].value and wb["校验结果"].max_row == 2 + len(sheets[0].rows)
    link = wb["校验结果"]["D3"].hyperlink
    assert link is not None and link.location.startswith("'")
    # the output cells hold the computed scores; the stated ones are untouched
    for (sheet, a1), v in cells.items():
        assert wb[sheet][a1].value == v
    assert read_workbook(out).values == read_workbook(src).values


def test_twice_is_once(outputs, tmp_path):
    src, sheets, cells = outputs
    once = write_outputs(src, tmp_path / "once.xlsx", sheets=sheets, cells=cells)
    twice = write_outputs(once, tmp_path / "twice.xlsx", sheets=sheets, cells=cells)
    with zipfile.ZipFile(once) as a, zipfile.ZipFile(twice) as b:
        assert all(a.read(n) == b.read(n) for n in a.namelist())


def test_falls_back_to_openpyxl_when_an_output_sheet_is_gone(outputs, tmp_path):
    src, sheets, cells = outputs
    wb = openpyxl.load_workbook(src)
    wb.remove(wb["评分"])
    trimmed = tmp_path / "trimmed.xlsx"
    wb.save(trimmed)
    out = write_outputs(trimmed, tmp_path / "out.xlsx", sheets=sheets, cells=cells)
    assert "评分" in openpyxl.load_workbook(out).sheetnames


def _states(path) -> dict[str, str]:
    wb = openpyxl.load_workbook(path)
    return {n: wb[n].sheet_state for n in ("校验结果", "评分", "报告")}


@pytest.mark.parametrize("fallback", [False, True])
def test_an_empty_output_sheet_is_hidden_and_a_written_one_shown(outputs, tmp_path, fallback):
    src, sheets, cells = outputs
    if fallback:  # the openpyxl path (a workbook whose 评分 sheet was deleted) does the same
        wb = openpyxl.load_workbook(src)
        wb.remove(wb["评分"])
        src = tmp_path / "trimmed.xlsx"
        wb.save(src)
    scored = write_outputs(src, tmp_path / "scored.xlsx", sheets=sheets[1:], cells=cells)
    # 校验结果 and 报告 hold only their title: they would print a page of it (issue 22)
    assert _states(scored) == {"校验结果": "hidden", "评分": "visible", "报告": "hidden"}
    both = write_outputs(scored, tmp_path / "both.xlsx", sheets=sheets[:1])
    assert _states(both) == {"校验结果": "visible", "评分": "visible", "报告": "hidden"}


def test_libreoffice_prints_no_page_of_an_empty_output_sheet(outputs, tmp_path, soffice):
    import shutil
    import subprocess

    from perfxl.io.office.libreoffice import convert

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    src, sheets, cells = outputs
    scored = write_outputs(src, tmp_path / "scored.xlsx", sheets=sheets[1:], cells=cells)
    (pdf,) = convert([scored], "pdf", tmp_path / "pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "评分结果" in text
    assert "本表由 perfxl 生成" not in text  # was a page each for 校验结果 and 报告


def test_the_active_sheet_is_never_hidden():
    from perfxl.io.writing.package_writer import set_output_states
    xml = ('<workbook><bookViews><workbookView activeTab="1"/></bookViews><sheets>'
           '<sheet name="评分" sheetId="1" r:id="rId1"/><sheet name="报告" sheetId="2" '
           'state="visible" r:id="rId2"/></sheets></workbook>')
    out = set_output_states(xml, {"评分", "报告"}, set())
    assert '<sheet name="评分" sheetId="1" r:id="rId1" state="hidden"/>' in out
    assert 'name="报告" sheetId="2" state="visible"' in out  # the active one


def test_refuses_input_as_output_and_non_output_cells(outputs, tmp_path):
    src, sheets, _cells = outputs
    with pytest.raises(UsageError):
        write_outputs(src, src, sheets=sheets)
    with pytest.raises(UsageError, match="不是输出单元格"):
        write_outputs(src, tmp_path / "x.xlsx", cells={("部门自评表", "B4"): 1})
    assert not (tmp_path / "x.xlsx").exists()
