"""Text no formula reads as a number, typed in a table row where the template's formulas do
arithmetic: a project's 全年执行数 「320万元」, an indicator's 实际值（数值） 「8094人」, a 加减分项's
次数 「2次」.  The workbook's formulas give #VALUE! there (the project's 执行率 is blank through
IFERROR); perfxl shows the same no-value in check, score and report instead of reading the cell
as empty (an empty 全年执行数 is 0 to the formula: 执行率 0.00%).  PX009 names the cell and the
fix either way."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from perfxl import derived
from perfxl.checks import check_model
from perfxl.io.office.libreoffice import convert
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.report.render import report_text
from perfxl.scoring import score_model
from tests.conftest import example_file
from tests.edge.typed import typed_copy

TYPED = {("项目自评表", "F5"): "320万元",  # 现代服务业资金 全年执行数
         ("部门自评表", "K19"): "8094人",  # the first indicator's 实际值（数值）, ≥ 8000
         # the second (≥, 分值 10) with 指标值 0: text is above every number, a full score
         ("部门自评表", "G20"): 0, ("部门自评表", "K20"): "24人"}


def _typed(tmp: Path, example: str, cells: dict) -> Path:
    return typed_copy(tmp, cells, example, f"typed-{example}")


@pytest.fixture(scope="module")
def typed(tmp_path_factory) -> Path:
    return _typed(tmp_path_factory.mktemp("row-text"), "004", TYPED)


@pytest.fixture(scope="module")
def bonus(tmp_path_factory) -> Path:  # example 000: 加减分项 每项分值 1, 上限 3, 次数 「2次」
    return _typed(tmp_path_factory.mktemp("row-text"), "000", {("指标体系", "D48"): "2次"})


def test_the_row_records_the_text(typed):
    model = read_workbook(typed)
    project = model.rows("projects")[0]
    assert project.executed is None and project.unreadable == {"executed": "320万元"}
    assert model.rows("dept_indicators")[0].unreadable == {"actual": "8094人"}
    assert model.rows("projects")[1].unreadable == {}


def test_the_derived_figures_are_blank_as_in_the_workbook(typed, bonus):
    model = read_workbook(typed)
    project = model.rows("projects")[0]
    assert derived.project_execution_rate(project) is None  # was 0.0: the text read as blank
    assert derived.project_execution_score(project) is None  # was 0.0
    assert derived.indicator_row_score(model, model.rows("dept_indicators")[0]) is None  # was 0
    assert derived.indicator_row_score(model, model.rows("dept_indicators")[1]) == 10.0
    row = read_workbook(bonus).rows("bonus")[0]
    assert derived.bonus_row_score(row) is None  # was 0.0: 次数 read as blank, N(自评得分)


def test_the_figures_stay_when_the_cells_are_empty_or_numbers(tmp_path):
    model = read_workbook(_typed(tmp_path, "004", {("项目自评表", "F5"): None}))
    assert derived.project_execution_rate(model.rows("projects")[0]) == 0.0  # blank is 0
    model = read_workbook(example_file("004"))
    assert derived.project_execution_rate(model.rows("projects")[0]) == 1.0
    assert derived.indicator_row_score(model, model.rows("dept_indicators")[0]) == 10.0


@pytest.mark.parametrize("direction,target,actual,upper,expected", [
    ("≥", 8000, "8094人", None, None), ("≥", 0, "8094人", None, 10.0), ("≥", "8000人", 8094, None, None),
    ("≤", "5%", 0, None, 10.0), ("≤", 5, "3%", None, None), ("=", 0, "无", None, 0.0),
    ("=", "达标", "达标", None, 10.0), ("=", 5, "5次", None, None),
    ("区间", 5, "8次", 0, 0.0), ("区间", 5, "8次", 10, None),
])
def test_an_indicator_with_text_scores_as_its_formula(direction, target, actual, upper, expected):
    from perfxl.model import Row
    values = {"nature": "定量", "direction": direction, "weight": 10.0, "target_upper": upper}
    text = {}
    for key, v in (("target", target), ("actual", actual)):
        if isinstance(v, str):
            text[key] = v
        else:
            values[key] = float(v)
    row = Row("dept_indicators", 0, values, text)
    assert derived.indicator_text_operand(row) is not None
    assert derived.text_indicator_score(row) == expected


def test_score_says_why_a_bonus_has_no_score(bonus):
    item = next(i for i in score_model(read_workbook(bonus)).items if i.cell == "F48")
    assert item.score is None  # was 0.0: 「未填次数与得分」
    assert item.rule.startswith("次数填写的“2次”不是数字")


def test_check_names_the_cell_and_computes_nothing_from_it(typed):
    found = {(f.rule, f.sheet, f.cell): f.message for f in check_model(read_workbook(typed))}
    assert ("PX009", "项目自评表", "F5") in found and ("PX009", "部门自评表", "K19") in found
    assert ("PX408", "项目自评表", "F5") not in found  # the cell is not empty


def test_score_and_report_show_no_rate(typed):
    model = read_workbook(typed)
    result = score_model(model)
    project = next(p for p in result.projects if p.project == "现代服务业资金")
    assert project.items[0].score is None
    assert "“320万元”不是数字" in project.items[0].rule and "0.00%" not in project.items[0].rule
    dept = next(i for i in result.items if i.cell == "P19")
    assert dept.score is None and "“8094人”不是数字" in dept.rule
    line = next(t for _level, t in report_text(model) if "开展绩效自评的项目" in t)
    assert "“现代服务业资金”项目预算320.00万元，项目执行（未填写）；" in line  # no 执行率0.00%


def test_libreoffice_shows_the_same(typed, bonus, soffice, tmp_path):
    (out,) = convert([typed], "xlsx", tmp_path / "lo")
    wb = openpyxl.load_workbook(out, data_only=True)
    assert wb["项目自评表"]["H5"].value in ("", None)  # 执行率（计算）
    assert wb["项目自评表"]["J5"].value in ("", None)  # 执行率得分（计算）
    assert wb["部门自评表"]["P19"].value == "#VALUE!"  # 得分（计算）: no number
    assert wb["部门自评表"]["P20"].value == 10  # 「24人」 >= 0: full, with no arithmetic
    (out,) = convert([bonus], "xlsx", tmp_path / "lo000")
    assert openpyxl.load_workbook(out, data_only=True)["指标体系"]["F48"].value == "#VALUE!"
