"""Table-driven tests of every scoring rule, each case named by its source (domain.md tags,
seed + line, seed-audit id)."""
from __future__ import annotations

import pytest

from perfxl.frameworks import load
from perfxl.frameworks.schema import Rule, Tier
from perfxl.scoring import rules

HUBEI = load("hubei_project_2020").bands


# ---- 预算执行率 (domain.md §1.4) --------------------------------------------------------------
@pytest.mark.parametrize("executed,budget,weight,expected", [
    pytest.param(3995.49, 4128.02, 10, 9.68, id="seed004-L134-audit-004.X06-9.68"),
    pytest.param(76, 100, 10, 7.6, id="S9-chongqing-76pct-7.6"),
    pytest.param(89.974, 90, 10, 10.0, id="S3-anhui-89.974-of-90"),
    pytest.param(45, 60, 20, 15.0, id="S6-hubei-20xrate"),
    pytest.param(17333259.20, 17190340.15, 10, 10.0, id="X-cap-above-100pct-seed000-L112"),
    pytest.param(0, 100, 10, 0.0, id="nothing-spent"),
    pytest.param(None, 100, 10, 0.0, id="blank-executed-counts-0-as-workbook"),
])
def test_execution_score(executed, budget, weight, expected):
    rate = rules.execution_rate(executed, budget)
    assert rules.execution_score(rate, weight) == expected


@pytest.mark.parametrize("budget", [None, 0])
def test_execution_score_without_budget_is_blank(budget):
    """The workbook shows "" (IFERROR) when the 全年预算数 is empty or 0."""
    assert rules.execution_rate(10, budget) is None
    assert rules.execution_score(rules.execution_rate(10, budget), 10) is None


# ---- 定量 (domain.md §1.5) --------------------------------------------------------------------
@pytest.mark.parametrize("direction,target,actual,upper,weight,expected", [
    pytest.param("≥", 8000, 8094, None, 10, 10.0, id="S5-S6-forward-met-seed004-L206"),
    pytest.param("≥", 20, 15, None, 10, 7.5, id="S5-S6-forward-15of20"),
    pytest.param("≥", 1000, 213, None, 3, 0.64, id="S6-forward-seed000-FDI-213of1000"),
    pytest.param("≥", 10, -5, None, 10, 0.0, id="C2-negative-actual-floored"),
    pytest.param("≥", 0, 0, None, 10, 10.0, id="C1-target-0-actual-0-full"),
    pytest.param("≥", 0, -1, None, 10, 0.0, id="C1-target-0-actual-below-0"),
    pytest.param(None, 20, 15, None, 10, 7.5, id="blank-direction-read-as-forward"),
    pytest.param("≤", 5, 4, None, 10, 10.0, id="S5-S6-reverse-met"),
    pytest.param("≤", 5, 10, None, 10, 5.0, id="S5-S6-reverse-A-over-B"),
    pytest.param("≤", 5, 0, None, 10, 10.0, id="C2-reverse-actual-0-full"),
    pytest.param("≤", -5, 10, None, 10, 0.0, id="reverse-negative-target-floored"),
    pytest.param("=", 100, 100, None, 10, 10.0, id="C1-equal-met"),
    pytest.param("=", 100, 90, None, 10, 9.0, id="C1-equal-as-forward"),
    pytest.param("=", 100, 110, None, 10, 10.0, id="C1-equal-over-capped"),
    pytest.param("=", 0, 1, None, 10, 0.0, id="C1-equal-target-0-missed"),
    pytest.param("区间", 90, 95, 100, 10, 10.0, id="interval-inside"),
    pytest.param("区间", 90, 90, 100, 10, 10.0, id="interval-lower-edge-inclusive"),
    pytest.param("区间", 90, 45, 100, 10, 5.0, id="interval-below"),
    pytest.param("区间", 90, 125, 100, 10, 8.0, id="interval-above"),
    pytest.param("区间", 90, 95, None, 10, 10.0, id="interval-without-upper-as-forward"),
])
def test_quantitative(direction, target, actual, upper, weight, expected):
    assert rules.indicator_score("定量", direction, target, actual, weight, upper=upper) == expected


def test_quantitative_without_target_takes_stated_capped():
    """No numeric target/actual: the stated score, capped to [0, 分值] (S6: 不得突破权重)."""
    assert rules.indicator_score("定量", "≥", None, 5, 10, stated=12) == 10
    assert rules.indicator_score("定量", "≥", 5, None, 10, stated=7) == 7
    assert rules.indicator_score("定量", "≥", None, None, 10, stated=-1) == 0


def test_rounding_is_excel_rounding():
    """Issue 3: Excel rounds half away from zero on the 15-digit value: 2.01 × 0.5 = 1.005 → 1.01
    (Python's round gives 1.0)."""
    assert round(2.01 * 0.5, 2) == 1.0
    assert rules.indicator_score("定量", "≤", 1, 2, 2.01) == 1.01


# ---- 定性 (domain.md §1.6) --------------------------------------------------------------------
@pytest.mark.parametrize("achievement,stated,expected", [
    pytest.param("达成", 10, 10.0, id="C1-achieved-full"),
    pytest.param("达成", 8, 8.0, id="C1-achieved-lower-edge"),
    pytest.param("达成", 7, 8.0, id="C1-achieved-below-band-raised"),
    pytest.param("达成", None, 8.0, id="C1-achieved-no-stated-band-low"),
    pytest.param("部分达成", 7, 7.0, id="C1-partial-inside"),
    pytest.param("部分达成", 9, 8.0, id="C1-partial-above-band-capped"),
    pytest.param("部分达成", 5, 6.0, id="C1-partial-below-band-raised"),
    pytest.param("未达成", 3, 3.0, id="C1-not-achieved-inside"),
    pytest.param("未达成", 7, 6.0, id="C1-not-achieved-capped-60pct"),
    pytest.param(None, 12, 10.0, id="no-level-stated-capped"),
])
def test_qualitative_default_bands(achievement, stated, expected):
    assert rules.indicator_score("定性", None, None, None, 10, achievement, stated) == expected


@pytest.mark.parametrize("achievement,stated,expected", [
    pytest.param("部分达成", 5.5, 5.5, id="S6-partial-80-50-inside"),
    pytest.param("部分达成", 4, 5.0, id="S6-partial-80-50-raised"),
    pytest.param("未达成", 5.5, 5.0, id="S6-not-achieved-capped-50pct"),
])
def test_qualitative_hubei_bands(achievement, stated, expected):
    assert rules.indicator_score("定性", None, None, None, 10, achievement, stated,
                                 bands=HUBEI) == expected


def test_qualitative_band_in_points():
    assert rules.qualitative_band(6, "达成") == pytest.approx((4.8, 6.0))
    assert rules.qualitative_band(10, "部分达成", HUBEI) == pytest.approx((5.0, 8.0))
    assert rules.qualitative_band(10, "完成") is None


@pytest.mark.parametrize("applicable,weight", [("否", 10), (None, None)])
def test_not_applicable_or_unweighted_is_blank(applicable, weight):
    """domain.md §1.5 [S5]: 不适用 indicators are not scored; the workbook shows ""."""
    assert rules.indicator_score("定量", "≥", 1, 1, weight, applicable=applicable) is None


# ---- local tier and deduction tables (domain.md §3.1, seed 000) -------------------------------
HUNAN_ADJUST = (Tier("<=", 0.0, 3), Tier("<=", 0.10, 2), Tier("<=", 0.20, 1), Tier("<=", 0.30, 0.5))


@pytest.mark.parametrize("rate,expected", [
    pytest.param(0.0, 3, id="S13-adjust-0"),
    pytest.param(0.05, 2, id="S13-adjust-5pct"),
    pytest.param(0.10, 2, id="S13-adjust-10pct-inclusive"),
    pytest.param(0.1035, 1, id="S13-adjust-10.35pct"),
    pytest.param(0.25, 0.5, id="S13-adjust-25pct"),
    pytest.param(0.31, None, id="S13-adjust-above-30pct-otherwise"),
])
def test_hunan_adjustment_tiers(rate, expected):
    assert rules.tier_score(rate, HUNAN_ADJUST)[0] == expected


def test_guangdong_adjustment_rule_seed000_L228():
    """调整比率为10.35%，大于10%，自评得分0分."""
    tiers = load("guangdong_dept_100").item("预算调整率").rule.tiers
    assert rules.tier_score(1780823.20 / 17210340.15, tiers)[0] == 0
    assert rules.tier_score(0.10, tiers) == (None, None)  # ≤10%: not stated, stated score kept


def test_tier_bound_may_be_another_measure():
    """S13 资金结余: ≤ 上年结转 → 2."""
    tiers = (Tier("<=", 0.0, 3), Tier("<=", "carryover_prior", 2))
    assert rules.tier_score(50, tiers, {"carryover_prior": 80})[0] == 2
    assert rules.tier_score(90, tiers, {"carryover_prior": 80})[0] is None
    assert rules.tier_score(90, tiers, {})[0] is None


def test_tiers_compare_at_15_digits():
    """engines.md: 0.72/0.9 >= 0.8 is TRUE in LibreOffice (binary floating point says FALSE)."""
    assert not (0.72 / 0.9 >= 0.8)
    assert rules.compare(0.72 / 0.9, ">=", 0.8)
    assert rules.tier_score(0.72 / 0.9, (Tier(">=", 0.8, 4),))[0] == 4


STAFF = Rule(kind="deduct", measure="staff_control_rate", limit=1.0, per=0.01, points=0.5)


@pytest.mark.parametrize("rate,expected", [
    pytest.param(0.9464, 5, id="S13-staff-within-100pct-seed004-53of56"),
    pytest.param(1.0, 5, id="S13-staff-exactly-100pct"),
    pytest.param(1.03, 3.5, id="S13-staff-3pp-over"),
    pytest.param(1.015, 4.25, id="S13-staff-part-point-exact"),
    pytest.param(1.8, 0, id="S13-staff-floor-0-seed002-18of10"),
])
def test_hunan_staff_deduction(rate, expected):
    assert rules.deduct_score(rate, 5, STAFF) == expected


def test_deduction_step_modes():
    """每低于5%扣2分 (S15): ceil counts a part step whole, floor ignores it."""
    base = dict(kind="deduct", measure="budget_completion_rate", limit=1.0, direction="below",
                per=0.05, points=2)
    # 0.93 is 7 points below 100%: 1.4 steps of 5%
    assert rules.deduct_score(0.93, 5, Rule(**base, steps="ceil")) == 1
    assert rules.deduct_score(0.93, 5, Rule(**base, steps="floor")) == 3
    assert rules.deduct_score(0.90, 5, Rule(**base, steps="floor")) == 1
    assert rules.deduct_score(0.93, 5, Rule(**base)) == 2.2


def test_proportional_seed000_L172():
    """政府采购执行率 69710 ÷ 69910 = 99.71% → 2 × 99.71% = 1.99 (rule inferred)."""
    assert rules.proportional_score(69710 / 69910, 2) == 1.99
    assert rules.proportional_score(1.2, 2) == 2 and rules.proportional_score(-0.1, 2) == 0
    assert rules.proportional_score(None, 2) is None


# ---- grade (domain.md §1.8 [S1]) ---------------------------------------------------------------
@pytest.mark.parametrize("total,expected", [
    (100, "优"), (90, "优"), (89.99, "良"), (80, "良"), (79.99, "中"), (60, "中"),
    (59.99, "差"), (0, "差"), (109.68, "优"), (None, None),
])
def test_grade_bands_inclusive_S1(total, expected):
    assert rules.grade(total) == expected
