"""Text no formula reads as a number, typed where the template's formulas do arithmetic
(全年执行数 「3995.49万元」, 实际在职人数 「53人」) or into 年度 (「２０２３」): the workbook's
formulas give #VALUE! there and show 执行率 / 在职人员控制率 blank; perfxl shows the same
blank everywhere (check, score, report) instead of reading the cell as empty — an empty
全年执行数 is 0 to the formula, an empty 实际在职人数 falls back on the category sum — and does
not call a cell holding text 「为空」.  PX009 tells the user the fix either way."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from perfxl import derived
from perfxl.checks import check_model
from perfxl.io.office.libreoffice import convert
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.scoring import score_model
from tests.conftest import example_file
from tests.edge.typed import typed_copy


def _typed(tmp: Path, cells: dict) -> Path:
    return typed_copy(tmp, cells)


TYPED = {("部门自评表", "B7"): "3995.49万元", ("人员编制", "B13"): "53人",
         ("基本信息", "B6"): "２０２３"}


@pytest.fixture(scope="module")
def typed(tmp_path_factory) -> Path:
    return _typed(tmp_path_factory.mktemp("unreadable"), TYPED)


def test_the_rates_are_blank_as_in_the_workbook(typed):
    model = read_workbook(typed)
    assert model.values.get("executed") is None  # the model holds no number there
    assert derived.execution_rate(model) is None  # was 0.0: the blank read as 0
    assert derived.execution_score(model) is None
    assert derived.staff_control_rate(model) is None  # was 0.0: the category sum 0 ÷ 56


def test_no_finding_calls_the_text_empty_or_computes_from_it(typed):
    found = {(f.rule, f.sheet, f.cell): f.message for f in check_model(read_workbook(typed))}
    assert {k for k in found if k[0] == "PX009"} == {
        ("PX009", "部门自评表", "B7"), ("PX009", "人员编制", "B13"), ("PX009", "基本信息", "B6")}
    assert ("PX408", "部门自评表", "B7") not in found  # was 「全年执行数为空」
    assert ("PX404", "基本信息", "B6") not in found  # was 「“年度”为必填项，当前为空」
    assert ("PX206", "人员编制", "B19") not in found  # was 「应为 0.00%（实际在职人数 0 ÷ 56）」
    assert ("PX201", "部门自评表", "B10") not in found  # the rate is blank: nothing to compare


def test_the_checks_still_fire_on_the_cells_left_empty(tmp_path):
    wb = openpyxl.load_workbook(example_file("004"))
    wb["部门自评表"]["B7"] = None
    wb["基本信息"]["B6"] = None
    wb.save(tmp_path / "empty.xlsx")
    found = {(f.rule, f.sheet, f.cell) for f in check_model(read_workbook(tmp_path / "empty.xlsx"))}
    assert ("PX408", "部门自评表", "B7") in found and ("PX404", "基本信息", "B6") in found
    assert derived.execution_rate(read_workbook(tmp_path / "empty.xlsx")) == 0.0  # blank is 0


def test_score_says_why_there_is_no_execution_score(typed):
    result = score_model(read_workbook(typed))
    item = result.items[0]
    assert item.score is None
    assert "“3995.49万元”不是数字" in item.rule and "0.00%" not in item.rule


def test_libreoffice_shows_the_same_blanks(typed, soffice, tmp_path):
    (out,) = convert([typed], "xlsx", tmp_path / "lo")
    wb = openpyxl.load_workbook(out, data_only=True)
    assert wb["部门自评表"]["B9"].value in ("", None)  # 执行率（计算）
    assert wb["部门自评表"]["B11"].value in ("", None)  # 执行率得分（计算）
    assert wb["人员编制"]["B18"].value in ("", None)  # 在职人员控制率（计算）


def test_a_rate_with_nothing_to_compare_says_so_in_words(tmp_path):
    # 人员编制!B19 在职人员控制率（填报）94 with 实际在职人数 「53人」: no computed rate to compare
    typed = _typed(tmp_path, {**TYPED, ("人员编制", "B19"): 94})
    found = {(f.rule, f.sheet, f.cell): f.message for f in check_model(read_workbook(typed))}
    msg = found[("PX505", "人员编制", "B19")]
    assert "且无从计算比对" in msg and "计算值为 （" not in msg
    assert "公式可能把它当作 0 或算不出结果" in found[("PX009", "部门自评表", "B7")]
