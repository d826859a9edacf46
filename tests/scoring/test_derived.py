"""``perfxl.derived`` on the seeds: every figure checked against the seed or its audit."""
from __future__ import annotations

import pytest

from perfxl import derived as d
from perfxl.model import Model, Row
from perfxl.numbers import differs


@pytest.mark.parametrize("fn,stated", [
    pytest.param(d.staff_control_rate, 0.9464, id="004.X02-53of56-94.64pct"),
    pytest.param(d.execution_rate, 0.9679, id="004.X05-96.79pct"),
    pytest.param(d.three_public_change_rate, -0.4934, id="004.X07-minus-49.34pct"),
    pytest.param(d.three_public_control_rate, 0.1033, id="004-L79-5.76of55.77"),
])
def test_seed004_ratios(seed004, fn, stated):
    assert not differs(stated, fn(seed004), percent=True)


def test_seed004_sums(seed004):
    """004.H04: 3667.49 + 0 + 79.41 + 381.12 = 4128.02; 004.H05: 2202.32 + 1793.17 = 3995.49."""
    assert d.income_full_sum(seed004) == pytest.approx(4128.02)
    assert d.nature_executed_sum(seed004) == pytest.approx(3995.49)
    assert d.tp_change(seed004) == pytest.approx(5.76 - 11.37)   # stated totals win over rows


@pytest.mark.parametrize("fn,stated", [
    pytest.param(d.staff_control_rate, 0.9048, id="000.H02-19of21"),
    pytest.param(d.procurement_rate, 0.9971, id="000.H29-69710of69910"),
    pytest.param(d.stock_funds_change_rate, 0.1795, id="000.H27-17.95pct"),
    pytest.param(d.budget_adjustment_rate, 0.1036, id="000-L160-1780823.20of17190340.15"),
    pytest.param(d.execution_rate, 1.0083, id="000.H23-100.83pct"),
])
def test_seed000_ratios(seed000, fn, stated):
    assert not differs(stated, fn(seed000), percent=True)


def test_seed000_adjustment_rate_with_consistent_initial_budget(seed000):
    """000.H26: 1780823.20 ÷ 17210340.15 = 10.35%."""
    seed000.values["budget_initial"] = 17210340.15
    assert not differs(0.1035, d.budget_adjustment_rate(seed000), percent=True)


@pytest.mark.parametrize("subject,share", [
    ("一般公共服务支出", 0.1872), ("其他公共安全支出", 0.0006), ("社会保障和就业支出", 0.0438),
    ("卫生健康支出", 0.0130), ("城乡社区支出", 0.0042), ("商业服务业等支出", 0.7402),
    ("住房保障支出", 0.0111),
])
def test_seed000_function_shares(seed000, subject, share):
    """000.H07–H13: each 功能分类 share of 17333259.20."""
    row = seed000.row("exp_function", subject)
    assert not differs(share, d.function_row_share(seed000, row), percent=True)


def test_seed000_function_changes(seed000):
    """000.H17–H21, X03/X04: signed changes; prior total 6805660.47; 节能环保 has no current."""
    rows = {r.subject: r for r in seed000.rows("exp_function")}
    assert d.function_row_change(rows["社会保障和就业支出"]) == pytest.approx(-171152.91)
    assert d.function_row_change(rows["一般公共服务支出"]) == pytest.approx(210276.22)   # 增加
    assert d.function_row_change(rows["商业服务业等支出"]) == pytest.approx(11279028.99)
    assert d.function_row_share(seed000, rows["节能环保支出"]) is None
    assert d.function_row_change_rate(rows["其他公共安全支出"]) is None   # 上年决算数无
    assert d.function_prior_sum(seed000) == pytest.approx(6805660.47)
    assert d.function_current_sum(seed000) == pytest.approx(17333259.20)
    assert d.function_change(seed000) == pytest.approx(10527598.73)


def test_blank_inputs_give_none_where_the_workbook_shows_blank():
    m = Model()
    for fn in (d.staff_control_rate, d.three_public_change_rate, d.three_public_control_rate,
               d.public_funds_control_rate, d.procurement_rate, d.carryover_change_rate,
               d.stock_funds_change_rate, d.fixed_asset_utilization, d.execution_rate,
               d.budget_adjustment_rate, d.carryover_rate, d.budget_completion_rate_hunan,
               d.execution_score):
        assert fn(m) is None, fn.__name__
    # issue 13 #9: an empty table has no total and no 等级 (the formulas show "", not 0 / 差)
    assert d.dept_score_sum(m) is None and d.dept_grade(m) is None and d.dept_weight_sum(m) == 0


def test_blank_numerator_counts_zero_as_in_the_formula():
    """=IFERROR(final/budget,""): an empty 决算数 over a budget is 0, not blank."""
    m = Model(values={"public_funds_budget": 100.0, "procurement_budget": 10.0})
    assert d.public_funds_control_rate(m) == 0 and d.procurement_rate(m) == 0


def test_budget_completion_rate_hunan_S15():
    """(上年结转 + 年初预算 + 本年追加 − 年末结余) ÷ (上年结转 + 年初预算 + 本年追加)."""
    m = Model(values={"carryover_prior": 20.0, "budget_initial": 100.0, "budget_adjustment": 30.0,
                      "carryover_current": 15.0})
    assert d.budget_completion_rate_hunan(m) == pytest.approx(135 / 150)


def test_carryover_rate_53():
    m = Model(values={"carryover_current": 40.0, "budget_full": 800.0})
    assert d.carryover_rate(m) == 0.05


def test_fill_down_and_weight_sums(seed004):
    """004.H12: weights per 一级 40/30/10/20 with labels written once per block."""
    assert d.indicator_weight_sums(seed004) == {"产出指标": 40, "效益指标": 30, "满意度指标": 10,
                                                "成本指标": 20}
    assert d.indicator_weight_sums(seed004, "project_indicators", "level2",
                                   project="现代服务业资金")["产出指标 / 数量指标"] == 30


def test_fill_down_resets_level2_on_a_new_level1():
    rows = [Row("t", 0, {"level1": "A", "level2": "a1"}), Row("t", 1, {}),
            Row("t", 2, {"level1": "B"}), Row("t", 3, {"level2": "b1"})]
    assert [(v["level1"], v["level2"]) for v in d.fill_down(rows)] == [
        ("A", "a1"), ("A", "a1"), ("B", None), ("B", "b1")]


def test_bonus_row_score_mirrors_its_formula():
    def row(**kw):
        return Row("bonus", 0, kw)
    assert d.bonus_row_score(row()) is None
    assert d.bonus_row_score(row(points_each=1)) == 0
    assert d.bonus_row_score(row(points_each=1, score_stated=2)) == 2
    assert d.bonus_row_score(row(points_each=1, count=5, cap=3)) == 3
    assert d.bonus_row_score(row(points_each=0.5, count=3)) == 1.5


def test_measures_registry_names_derived_functions():
    for name, fn in d.MEASURES.items():
        assert fn is getattr(d, name)
