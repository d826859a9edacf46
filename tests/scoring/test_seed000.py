"""Seed 000 (乐昌市商务局 2022, 广东 100-point system): each stated sub-score is carried, the
recomputed total is reported beside the stated 93.

Expected values from the seed and its audit: Σ stated item scores = 87 (seed-audit 000.X19);
预算调整率 1780823.20 ÷ 17190340.15 = 10.36% > 10% → 0 (L228); 政府采购执行率 69710 ÷ 69910 =
99.71% → 2 分 as stated (the inferred proportional rule gives 1.99, and an inferred rule never
overrides a stated score: issue 13 #8, the workbook sums 87; L172); 资金下达合法性 不适用, its 3
分 moved to 部门预算资金支出率 (L180, 000.X18).
"""
from __future__ import annotations

import pytest

from perfxl.scoring import score_model
from tests.scoring.conftest import SEED000_SYSTEM


@pytest.fixture
def result(seed000):
    return score_model(seed000)


def _name(row):
    return row[2] or row[1]


def test_each_stated_sub_score_is_carried(result):
    items = {i.indicator: i for i in result.items if i.kind == "indicator"}
    assert len(items) == len(SEED000_SYSTEM) == 29
    for row in SEED000_SYSTEM:
        assert items[_name(row)].stated_score == row[4], _name(row)


def test_stated_scores_sum_to_87_beside_stated_93(result):
    """seed-audit 000.X19: the 28 stated item scores add up to 87; the report says 93."""
    assert result.stated_sum == 87
    assert result.stated_total == 93
    assert any("93" in w and "87" in w for w in result.warnings)


def test_recomputed_total(result):
    """87 stated = the workbook's 指标得分合计 (issue 13 #8: no longer 86.99); no 加减分
    occurrence is stated, so the bonus is 0."""
    assert result.bonus_total == 0
    assert result.total == 87
    assert result.grade == "良"
    assert result.weight_total == 100


def test_adjustment_rate_recomputed_from_base_data_L228(result):
    it = result.item("预算调整率")
    assert it.value == pytest.approx(1780823.20 / 17190340.15)
    assert it.score == 0 and it.weight == 2 and not it.confirmed
    assert "10.36%" in it.rule and "L228" not in it.rule  # provenance lives in the docs


def test_adjustment_rate_at_or_below_10pct_keeps_stated_score(seed000):
    seed000.values["budget_adjustment"] = 1000000.0          # 5.82%
    seed000.rows("system_indicators")[23].values["score_stated"] = 2
    it = score_model(seed000).item("预算调整率")
    assert it.score == 2 and "未触及评分档" in it.rule


def test_procurement_rate_recomputed_L172(result):
    it = result.item("政府采购执行率")
    assert it.value == pytest.approx(69710 / 69910)
    assert it.score == 2 and it.stated_score == 2
    assert not it.confirmed and "参考得分 1.99" in it.rule and "计分取填报的自评得分" in it.rule


def test_not_applicable_weight_moves_to_named_indicator_L180(result):
    moved = result.item("资金下达合法性")
    assert not moved.applicable and moved.score is None and "部门预算资金支出率" in moved.rule
    target = result.item("部门预算资金支出率")
    assert target.weight == 6 and target.score == 3 and target.stated_score == 3


def test_level1_totals_28_42_30(result):
    assert [(g.name, g.weight, g.framework_weight) for g in result.level1] == [
        ("预算编制情况", 28, 28), ("预算执行情况", 42, 42), ("资金使用效益", 30, 30)]
    assert [g.score for g in result.level1] == pytest.approx([26, 35, 26])


def test_stated_item_scores_are_capped_to_weight(seed000):
    seed000.rows("system_indicators")[0].values["score_stated"] = 7    # 预算编制合理性, 5 分
    it = score_model(seed000).item("预算编制合理性")
    assert it.score == 5 and "取 5" in it.rule


@pytest.mark.parametrize("count1,count2,expected", [
    pytest.param(2, 1, 2.5, id="L276-2x1+1x0.5"),
    pytest.param(5, 0, 3, id="L276-province-capped-at-3"),
    pytest.param(4, 6, 5, id="L276-both-lines-capped-3+2"),
])
def test_bonus_points_and_caps_L276(seed000, count1, count2, expected):
    b = seed000.rows("bonus")
    b[0].values["count"], b[1].values["count"] = count1, count2
    r = score_model(seed000)
    assert r.bonus_total == expected
    assert r.total == pytest.approx(87 + expected)


def test_scores_are_written_to_output_cells(result):
    it = result.item("预算编制规划性")
    assert it.writable and it.sheet == "指标体系" and it.table == "system_indicators"
    assert it.index == 2


def test_bonus_total_cap_of_5_L276(seed000):
    """加分项总分为 5 分: a third line (stated 2, no count) cannot lift the bonus above 5."""
    b = seed000.rows("bonus")
    b[0].values["count"], b[1].values["count"] = 3, 4
    seed000.add_row("bonus", {"item": "其他表彰", "score_stated": 2})
    assert score_model(seed000).bonus_total == 5
