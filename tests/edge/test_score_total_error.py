"""One score cell giving #VALUE! — an 实际值（数值） 「8094人」 the row's formula divides, a 分值
「10分」 it multiplies, a 执行率分值 「10分」 — makes the workbook's 得分合计（计算） #VALUE! (SUM over
a range holding an error), the 等级 with it, and every project's 总分得分（计算） when the row is
a project indicator's (SUMPRODUCT multiplies every row: 0 × #VALUE! is #VALUE!).  perfxl shows no
total there in check, score, batch and the report, and PX310 names the cells and the fix.
LibreOffice's recalculation is the oracle."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from perfxl import derived
from perfxl.batch import review_file
from perfxl.checks import check_model
from perfxl.io.office.libreoffice import convert
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.report.render import report_text
from perfxl.scoring import score_model
from perfxl.scoring.output import render_text
from tests.edge.typed import typed_copy

#: example 004: the first indicator's 实际值（数值）, the 执行率分值 and the first project
#: indicator's 分值 (a 定性·达成 row: 得分 = MIN(MAX(N(得分（填报）), 分值 × 0.8), 分值))
ERRORS = {("部门自评表", "K19"): "8094人", ("部门自评表", "B8"): "10分",
          ("项目自评表", "O51"): "10分"}
#: text the formulas never compute with: a 不适用 row's 实际值, and the 分值 of a 定性 row with
#: no 达成程度 (MIN(MAX(N(得分（填报）),0), 分值) skips it: the score is the stated 10)
QUIET = {("部门自评表", "K19"): "8094人", ("部门自评表", "M19"): "否",
         ("部门自评表", "N21"): "10分", ("部门自评表", "L21"): None}


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("total-error")
    return {"errors": typed_copy(tmp, ERRORS, name="errors"),
            "quiet": typed_copy(tmp, QUIET, name="quiet")}


def test_derived_has_no_total_where_the_workbook_has_an_error(books):
    model = read_workbook(books["errors"])
    assert derived.execution_score(model) is None and derived.execution_score_error(model)
    assert derived.indicator_row_error(model.rows("dept_indicators")[0])
    assert derived.dept_score_sum(model) is None and derived.dept_grade(model) is None
    assert derived.dept_score_sum_error(model)
    assert derived.indicator_row_error(model.rows("project_indicators")[0])
    # every project, not only the row's own: the formula sums the whole column
    assert [derived.project_score_total(model, p) for p in model.rows("projects")] == [None] * 3


def test_text_the_formulas_skip_leaves_the_total(books):
    model = read_workbook(books["quiet"])
    rows = model.rows("dept_indicators")
    assert not any(derived.indicator_row_error(r) for r in rows)
    assert derived.indicator_row_score(model, rows[0]) is None  # 不适用: ""
    assert derived.indicator_row_score(model, rows[2]) == 10.0  # was None: read as no 分值
    assert derived.dept_score_sum(model) == 99.68 and derived.dept_grade(model) == "优"


def test_score_gives_no_total_and_says_why(books):
    result = score_model(read_workbook(books["errors"]))
    assert result.total is None and result.grade is None
    assert ("得分合计无法计算：B11 算不出结果（B8 填写的“10分”不是数字）；P19 算不出结果"
            "（K19 填写的“8094人”不是数字）；请在这些单元格改填数字") in result.warnings
    assert result.items[0].rule == "执行率分值填写的“10分”不是数字，无法计算得分；请改填数字"
    assert not any("执行率分值未填写" in w for w in result.warnings)  # the cell is not empty
    assert [p.total for p in result.projects] == [None] * 3
    assert [p.grade for p in result.projects] == [None] * 3
    assert "其他项目的行也使它算不出结果" in result.projects[1].warnings[0]
    text = render_text(result)
    assert "总分：计算 —（分值合计 100）" in text and "等级 —" in text
    quiet = score_model(read_workbook(books["quiet"]))
    assert quiet.total == 99.68 and quiet.grade == "优"


def test_check_names_the_cells_and_compares_no_total(books):
    found = {(f.rule, f.sheet, f.cell): f.message for f in check_model(read_workbook(books["errors"]))}
    msg = found[("PX310", "部门自评表", "B62")]
    assert "B11 算不出结果（B8 填写的“10分”不是数字）；P19 算不出结果（K19 填写的“8094人”不是数字）" in msg
    msg = found[("PX310", "项目自评表", "N5")]
    assert msg.startswith("项目“现代服务业资金”、“招商引资资金”、“食品风险基金”的“总分得分（计算）”"
                          "（N5、N6、N7）算不出结果")
    assert "Q51 算不出结果（O51 填写的“10分”不是数字）" in msg
    assert not any(k[0] == "PX310" and k[2] in ("N6", "N7") for k in found)  # one finding
    assert ("PX306", "部门自评表", "B64") not in found  # no total to compare the stated 100 with
    assert ("PX403", "部门自评表", "K19") not in found  # was 「缺少实际值（数值）」
    assert ("PX009", "部门自评表", "K19") in found and ("PX009", "项目自评表", "O51") in found
    quiet = {(f.rule, f.cell) for f in check_model(read_workbook(books["quiet"]))}
    assert not any(rule == "PX310" for rule, _ in quiet)
    assert ("PX406", "N21") not in quiet  # was 「未填分值」: the cell holds text


def test_the_report_prints_no_total(books):
    model = read_workbook(books["errors"])
    lines = [t for _level, t in report_text(model)]
    assert any("得分合计（无法计算）分" in t for t in lines)
    assert any("自评得分（无法计算）分，评价等级为“（无法计算）”" in t for t in lines)
    project = [t for _level, t in report_text(model, outline="project", project="招商引资资金")]
    assert any("自评得分（无法计算）分，评价等级为“（无法计算）”" in t for t in project)
    quiet = [t for _level, t in report_text(read_workbook(books["quiet"]))]
    assert any("自评得分99.68分，评价等级为“优”" in t for t in quiet)


def test_batch_shows_no_total(books):
    review = review_file(books["errors"])
    assert review.total is None and review.grade is None
    assert any(f["rule"] == "PX310" for f in review.findings)
    assert review_file(books["quiet"]).total == 99.68


def test_libreoffice_shows_the_errors(books, soffice, tmp_path):
    out = dict(zip(books, convert(list(books.values()), "xlsx", tmp_path / "lo")))
    wb = openpyxl.load_workbook(out["errors"], data_only=True)
    dept, projects = wb["部门自评表"], wb["项目自评表"]
    assert dept["B11"].value == "#VALUE!" and dept["P19"].value == "#VALUE!"
    assert dept["B62"].value == "#VALUE!" and dept["B65"].value == "#VALUE!"  # 得分合计, 等级
    assert projects["Q51"].value == "#VALUE!"
    assert [projects[f"N{r}"].value for r in (5, 6, 7)] == ["#VALUE!"] * 3
    wb = openpyxl.load_workbook(out["quiet"], data_only=True)
    dept = wb["部门自评表"]
    assert dept["P19"].value in ("", None) and dept["P21"].value == 10
    assert dept["B62"].value == pytest.approx(99.68) and dept["B65"].value == "优"
