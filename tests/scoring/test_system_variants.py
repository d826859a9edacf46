"""The 财预〔2013〕53号 frameworks: ``common_53`` (values only) and ``hunan_53_tiers`` (the 岳阳 tier
and deduction tables, domain.md §3.1 [S13]); and how 指标体系 rows find their framework item."""
from __future__ import annotations

import pytest

from perfxl.frameworks import load
from perfxl.model import Model
from perfxl.scoring import score_model
from perfxl.scoring.matching import match_item, norm


def hunan_model(**values) -> Model:
    m = Model(values={"framework": "hunan_53_tiers", "authorized_total": 20,
                      "in_service_total": 21, "tp_prior_stated": 10.0, "tp_final_stated": 10.3,
                      "tp_budget_stated": 10.0, "budget_initial": 1000.0,
                      "budget_adjustment": -150.0, "carryover_prior": 50.0,
                      "carryover_current": 40.0, **values})
    for l1, l2, l3, w, s, basis in [
        ("投入", "预算配置", "财政供养人员控制率", 5, 5, None),
        (None, None, "“三公经费”变动率", 5, 5, None),
        (None, None, "重点支出安排率", 5, 5, 0.85),
        ("过程", "预算执行", "预算调整率", 3, 3, None),
        (None, None, "支付进度", 3, 3, 2),
        (None, None, "资金结余", 3, 3, None),
        (None, None, "“三公经费”控制率", 6, 6, None),
        (None, "预算管理", "管理制度健全性", 3, 3, None),
        (None, None, "资金使用合规性", 3, 3, 1),
        (None, None, "预决算信息公开性和完善性", 4, 4, None),
    ]:
        m.add_row("system_indicators", {"level1": l1, "level2": l2, "level3": l3, "weight": w,
                                         "score_stated": s, "basis_value": basis})
    return m


@pytest.mark.parametrize("indicator,expected", [
    pytest.param("财政供养人员控制率", 2.5, id="S13-21of20-5pp-over-minus-0.5-each"),
    pytest.param("“三公经费”变动率", 3.5, id="S13-3pct-rise-minus-0.5-each"),
    pytest.param("重点支出安排率", 4, id="S13-85pct-in-80-90-band"),
    pytest.param("预算调整率", 1, id="S13-abs-15pct-in-10-20-band"),
    pytest.param("支付进度", 2, id="S13-2-late-minus-0.5-each"),
    pytest.param("资金结余", 2, id="S13-40-below-last-year-50"),
    pytest.param("“三公经费”控制率", 3, id="S13-103pct-minus-1-each"),
    pytest.param("管理制度健全性", 3, id="S13-stated"),
    pytest.param("资金使用合规性", 2, id="S13-1-violation-minus-1"),
    pytest.param("预决算信息公开性和完善性", 4, id="not-in-framework-stated"),
])
def test_hunan_53_tier_scores(indicator, expected):
    r = score_model(hunan_model())
    assert r.item(indicator).score == expected


def test_hunan_53_incomplete_framework_gives_notes_not_warnings():
    r = score_model(hunan_model())
    assert not any("满分" in w for w in r.warnings)
    assert r.item("预决算信息公开性和完善性").rule.startswith("评价框架未列此指标")


def test_hunan_53_carryover_above_last_year_scores_0():
    assert score_model(hunan_model(carryover_current=60.0)).item("资金结余").score == 0
    assert score_model(hunan_model(carryover_current=0.0)).item("资金结余").score == 3


def test_common_53_reports_values_without_scores(seed004):
    r = score_model(seed004, "common_53")
    assert r.total is None and r.grade is None
    staff = r.item("在职人员控制率")
    assert staff.score is None and staff.value == pytest.approx(53 / 56)
    assert (staff.sheet, staff.cell) == seed004.field_cell("staff_control_rate")
    assert r.item("“三公经费”变动率").value == pytest.approx((5.76 - 11.37) / 11.37)
    assert "无法计算" in r.item("固定资产利用率").rule
    assert r.projects  # the project tables are still scored (central_project)


@pytest.mark.parametrize("level2,level3,expected", [
    ("资金管理", "(7) 预决算信息,绩效评价结果公开性（4 分）", "预决算信息公开性"),
    ("资金管理", "（3）国库集中支付结转结余存量资金效率性（3 分）", "国库集中支付结转结余存量资金效率性"),
    ("人员管理", None, "人员管理"),
    ("经济性", "三公经费", "“三公”经费控制"),
    ("预算编制", "合理性", "预算编制合理性"),
    ("目标设置", "合理性", "绩效目标合理性"),
    ("经济性", "日常公用经费控制情况", "公用经费控制"),
    ("其他", "完全无关的指标", None),
])
def test_rows_match_their_guangdong_item(level2, level3, expected):
    it = match_item(load("guangdong_dept_100").items, level2, level3)
    assert (it.name if it else None) == expected


def test_norm_drops_numbers_points_and_punctuation():
    assert norm("（1）预算编制合理性（5分）。") == "预算编制合理性"
    assert norm("1. “三公”经费") == "三公经费"
    assert norm("三公经费") == "三公经费"
