"""Issue 24 (one truth) and issue 22 (wrong or lost figures): each item as a case that failed
before.  The LibreOffice round trip over random books is ``test_differential.py``; the typed-text
cases are ``test_typed_text.py``."""
from __future__ import annotations

import json

from click.testing import CliRunner

from perfxl import derived
from perfxl.cli import main
from perfxl.model import Model
from perfxl.report.context import build_context
from perfxl.report.fmt import fmt_typed
from tests.conftest import example_file


def _book(**values) -> Model:
    m = Model()
    m.values.update({"department_name": "测试局", "year": 2023, "amount_unit": "万元",
                     "framework": "hunan_dept", **values})
    return m


def _text(ctx) -> str:
    return json.dumps(ctx, ensure_ascii=False)


# ---- 经费控制!B17: a blank total is not 0 ----------------------------------------------------
def test_three_public_change_blank_when_a_total_is_blank():
    m = _book(tp_final_stated=46.31)  # 上年 neither typed nor itemised
    assert derived.tp_change(m) is None and derived.three_public_change_rate(m) is None
    m.values["tp_prior_stated"] = 12.5
    assert derived.tp_change(m) == 46.31 - 12.5
    m = _book(tp_final_stated=46.31)
    m.add_row("three_public", {"item": "公务接待费", "prior_final": 12.5}, index=3)
    assert derived.tp_change(m) == 46.31 - 12.5  # the items stand for the untyped total


def test_three_public_formula_is_blank_when_a_total_is_blank():
    from perfxl.layout import LAYOUT
    f = LAYOUT.formula_cells[LAYOUT.field_cell("tp_change")]
    assert 'ISNUMBER' in f and 'N(' not in f  # no N(): a blank total is not counted as 0


def test_report_prints_no_change_against_a_blank_total():
    m = _book(tp_final_stated=46.31, tp_budget_stated=50)
    text = _text(build_context(m, "hunan"))
    assert "“三公”经费支出46.31万元" in text and "较上年决算" not in text.split("“三公”经费")[1][:60]


# ---- 支出: one 上年 total, one change -------------------------------------------------------
def test_expenditure_change_is_the_workbooks_when_both_bases_are_filled():
    m = _book()
    m.add_row("exp_nature", {"item": "基本支出", "executed": 60, "prior_final": 50}, index=0)
    m.add_row("exp_nature", {"item": "项目支出", "executed": 40, "prior_final": 5}, index=1)
    m.add_row("exp_function", {"subject": "一般公共服务支出", "current": 100, "prior": 44.3},
              index=0)
    sentence = build_context(m, "hunan")["expenditure"]
    # 支出!B20 = 100 − 44.30 = 55.70, not 100 − 55 = 45 of the 支出性质 basis
    assert derived.function_change(m) == 100 - 44.3
    assert "较上年决算增加55.70万元" in sentence and "45.00万元" not in sentence
    m.rows("exp_function")[0].values["current"] = 90  # the bases disagree (PX119): say nothing
    assert "较上年" not in build_context(m, "hunan")["expenditure"]


def test_function_change_blank_without_prior_column():
    m = _book()
    m.add_row("exp_function", {"subject": "一般公共服务支出", "current": 100}, index=0)
    assert derived.function_change(m) is None


# ---- typed indicator values as typed ----------------------------------------------------------
def test_typed_indicator_values_print_as_typed():
    assert fmt_typed(0.095) == "0.095" and fmt_typed(4.5625) == "4.5625"
    assert fmt_typed(8000.0) == "8000" and fmt_typed(1e-05) == "0.00001"
    m = _book(execution_weight=10, budget_full=100, executed=100)
    m.add_row("dept_indicators", {"level3": "比率", "nature": "定量", "direction": "≥",
                                  "target": 0.095, "actual": 4.5625, "weight": 10}, index=0)
    row = build_context(m, "hunan")["dept_table"]["indicators"][0]
    assert (row["target"], row["actual"]) == ("0.095", "4.5625")


# ---- common_53 gives no scores; no 加减分0分 ------------------------------------------------
def test_common_53_report_prints_no_score_total_or_grade():
    m = _book(framework="common_53", execution_weight=10, budget_full=100, executed=96)
    m.add_row("dept_indicators", {"level1": "产出指标", "level3": "完成率", "nature": "定性",
                                  "achievement": "达成", "weight": 40, "score_stated": 33.04},
              index=0)
    ctx = build_context(m, "hunan")
    text = _text(ctx)
    assert "33.04" not in text and "评价等级为" not in text and "执行率得分" not in text
    assert "不计分，不评定等级" in ctx["score_sentence"]
    assert ctx["dept_table"]["score_total"] == ""


def test_no_bonus_zero_without_bonus_rows():
    m = _book(framework="guangdong_dept_100")
    m.add_row("system_indicators", {"level1": "预算编制", "level3": "目标设置", "weight": 5,
                                    "score_stated": 4}, index=0)
    assert "加减分" not in build_context(m, "guangdong")["analysis_total"]
    m.add_row("bonus", {"item": "获奖", "points_each": 1, "count": 2}, index=0)
    assert "其中加减分2分" in build_context(m, "guangdong")["analysis_total"]


# ---- PX202: one 执行率 definition ---------------------------------------------------------------
def test_px202_keeps_the_workbook_rate_and_points_at_the_budget():
    from perfxl.checks import check_model
    m = _book(budget_initial=17190340.15, budget_adjustment=1780823.2,
              budget_full=17190340.15, executed=17333259.2, execution_rate_stated=1.0083)
    found = {f.rule: f for f in check_model(m)}
    assert "PX114" in found and found["PX114"].level == "error"
    px202 = found["PX202"]
    assert px202.level == "warning" and "91.37%" not in px202.message
    assert "全年预算数" in px202.message and "PX114" in px202.message


# ---- issue 22: wrong or lost figures ----------------------------------------------------------
def test_002_stated_total_is_kept():
    res = CliRunner().invoke(main, ["score", str(example_file("002")), "--format", "json"])
    assert json.loads(res.stdout)["stated_total"] == 98
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.report.render import report_text
    text = " ".join(t for _, t in report_text(read_workbook(example_file("002"))))
    assert "自评得分（未填写）分" not in text and "填报的自评总分为98分" in text


def test_002_in_service_above_posts_is_reported():
    res = CliRunner().invoke(main, ["check", str(example_file("002")), "--select", "PX5",
                                    "--format", "json"])
    items = json.loads(res.stdout)["files"][0]["findings"]
    assert any(f["rule"] == "PX502" and "180.00%" in f["message"] for f in items)


def test_blank_workbook_fails_check(tmp_path):
    out = tmp_path / "blank.xlsx"
    assert CliRunner().invoke(main, ["new", "-o", str(out)]).exit_code == 0
    res = CliRunner().invoke(main, ["check", str(out)])
    assert res.exit_code == 1 and "PX404" in res.stdout and "部门名称" in res.stdout


def test_execution_above_budget_leaves_a_place_for_its_reason():
    """执行率 > 100% asks for a reason (PX632 on drafts): the report leaves 「（未填写）」 there."""
    m = _book(budget_initial=100, budget_full=100, executed=110, execution_weight=10)
    text = build_context(m, "hunan")["execution"]
    assert "预算执行率110.00%，执行数超出预算数10.00万元，超出原因（未填写）" in text
    m.values["executed"] = 96
    assert "超出" not in build_context(m, "hunan")["execution"]
