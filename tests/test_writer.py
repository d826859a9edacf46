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
        changed = {parts["校验结果"], parts["评分"], parts["指标体系"]}
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


def test_refuses_input_as_output_and_non_output_cells(outputs, tmp_path):
    src, sheets, _cells = outputs
    with pytest.raises(UsageError):
        write_outputs(src, src, sheets=sheets)
    with pytest.raises(UsageError, match="不是输出单元格"):
        write_outputs(src, tmp_path / "x.xlsx", cells={("部门自评表", "B4"): 1})
    assert not (tmp_path / "x.xlsx").exists()
