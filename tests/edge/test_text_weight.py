"""A 分值 typed as text (「10」 as a string, as a person types it into a cell formatted as text):
the workbook's 分值合计（计算） (N(执行率分值) + SUMPRODUCT(…, 分值)) skips it, while the row's
score formula reads it as 10, so the total score is unchanged.  perfxl shows the 分值合计 the
workbook's cell shows — in check (PX112 / PX113), score, the report — and PX009 names each
text cell and the fix.  LibreOffice's recalculation is the oracle."""
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
from perfxl.scoring.output import render_text
from tests.conftest import example_file
from tests.edge.typed import typed_copy

#: example 004: 执行率分值 B8 and the second indicator's 分值 N20 (10 each) typed as text; the
#: first project's first indicator 分值 O51 (10) too
TYPED = {("部门自评表", "B8"): "10", ("部门自评表", "N20"): "10", ("项目自评表", "O51"): "10"}


@pytest.fixture(scope="module")
def typed(tmp_path_factory) -> Path:
    return typed_copy(tmp_path_factory.mktemp("text-weight"), TYPED)


def _found(path: Path) -> dict:
    return {(f.rule, f.sheet, f.cell): f.message for f in check_model(read_workbook(path))}


def test_the_weight_total_leaves_the_text_out(typed):
    model = read_workbook(typed)
    assert derived.dept_weight_sum(model) == 90.0  # 0 (text) + 100 − 10 (text): B61
    result = score_model(model)
    assert result.weight_total == 90.0  # was 110: the text counted
    assert result.total == 109.68  # the row formulas read the text as 10: the score stays
    project = next(p for p in result.projects if p.project == "现代服务业资金")
    assert project.weight_total == 90.0 and project.total == 100.0
    assert "分值合计 90" in render_text(result)


def test_check_shows_the_cells_figure_and_names_the_text(typed):
    found = _found(typed)
    assert {k[2] for k in found if k[0] == "PX009"} >= {"B8", "N20", "O51"}
    msg = found[("PX112", "部门自评表", "B61")]
    assert msg.startswith("部门自评表分值合计为 90（执行率分值 0 + 适用指标分值 90）")
    assert "B8、N20 填写的分值是文本，合计未计入；请改为数字后再核对" in msg
    assert "调整为" not in msg  # no fix computed from the figure the text leaves out
    msg = found[("PX113", "部门自评表", "B63")]
    assert "执行率分值 0 + 指标分值 90 = 90（B8、N20 填写的分值是文本，合计未计入）" in msg
    msg = found[("PX112", "项目自评表", "L5")]
    assert "分值合计为 90（执行率分值 10 + 指标分值 80）" in msg and "O51 填写的分值是文本" in msg
    assert "O51" in found[("PX113", "项目自评表", "L5")]


def test_numbers_only_leave_the_findings_as_they_were():
    found = _found(example_file("004"))
    msg = found[("PX112", "部门自评表", "B61")]
    assert msg == ("部门自评表分值合计为 110（执行率分值 10 + 适用指标分值 100），应为评价框架总分 100；"
                   "请把指标分值合计调整为 90")
    assert "文本" not in found[("PX113", "部门自评表", "B63")]
    assert not any(k[0] in ("PX112", "PX113") for k in found if k[1] == "项目自评表")
    assert score_model(read_workbook(example_file("004"))).weight_total == 110.0


def test_the_report_says_the_same_total(typed):
    lines = [t for _level, t in report_text(read_workbook(typed))]
    assert any("绩效指标分值合计90分，得分合计100分" in t for t in lines)
    # the 执行率分值 typed as text is not in the total: the sentence does not say it is
    assert any("部门整体支出绩效自评表分值合计90分，自评得分109.68分" in t for t in lines)
    assert not any("含预算执行率分值" in t for t in lines)


def test_a_number_leaves_the_sentence_whole():
    lines = [t for _level, t in report_text(read_workbook(example_file("004")))]
    assert any("分值合计110分（含预算执行率分值10分），自评得分109.68分" in t for t in lines)


def test_libreoffice_shows_the_same(typed, soffice, tmp_path):
    (out,) = convert([typed], "xlsx", tmp_path / "lo")
    wb = openpyxl.load_workbook(out, data_only=True)
    assert wb["部门自评表"]["B61"].value == 90  # 分值合计（计算）
    assert wb["部门自评表"]["B62"].value == pytest.approx(109.68)  # 得分合计（计算）
    assert wb["项目自评表"]["N5"].value == 100  # 总分得分（计算）


def test_a_weight_that_is_no_number_is_printed_as_typed(tmp_path):
    """「10分」 in a 分值 cell: the row's formula cannot read it, the 分值合计 leaves it out, and
    the project report's indicator sentence shows the typed text and says so (not 「未填写」)."""
    book = typed_copy(tmp_path, {("项目自评表", "O51"): "10分"})
    lines = [t for _level, t in report_text(read_workbook(book), outline="project",
                                            project="现代服务业资金")]
    first = next(t for t in lines if "加强市级统筹调度" in t)
    assert "分值“10分”（非数字，未计入分值合计），得分（无法计算）分" in first
    assert "未填写" not in first
    assert any("分值10分，得分10分" in t for t in lines if "对外投资额" in t)  # a number: as before
