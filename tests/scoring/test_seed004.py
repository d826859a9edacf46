"""Seed 004 (岳阳市商务局 2023, 湖南 部门整体支出绩效自评表): the figures the issue names.

Expected values come from the seed and its audit (../shared/reference/seed-audit.md), not from
perfxl: 执行率 3995.49 ÷ 4128.02 = 96.79% → 9.68 (stated 96.00%, 9.60: 004.X05, 004.X06);
indicator weights 100 + 执行率 10 = 110 (004.X10); 总分 stated 100 (004.X11).
"""
from __future__ import annotations

import pytest

from perfxl.layout import LAYOUT
from perfxl.numbers import differs
from perfxl.scoring import score_model
from tests.scoring.conftest import SEED004_INDICATORS, SEED004_PROJECT


@pytest.fixture
def result(seed004):
    return score_model(seed004)


def test_framework_taken_from_the_workbook(result):
    assert result.framework == "hunan_dept"


def test_execution_item_scores_9_68_stated_9_60(result):
    """seed 004 L134–L140; seed-audit 004.X05/004.X06."""
    ex = result.item("预算执行率")
    assert ex.score == 9.68
    assert ex.stated_score == 9.60
    assert ex.weight == 10
    assert not differs(0.9679, ex.value, percent=True)   # 96.79%
    assert differs(0.96, ex.value, percent=True)          # the stated 96.00% is wrong
    assert "96.79%" in ex.rule and "4128.02" in ex.rule
    assert (ex.sheet, ex.cell) == LAYOUT.field_cell("execution_score")
    assert (ex.stated_sheet, ex.stated_cell) == LAYOUT.field_cell("execution_score_stated")


def test_each_indicator_computed_and_compared(result):
    """seed 004 L203–L300: 11 indicators, each stated score = its weight; each recomputed."""
    items = [i for i in result.items if i.kind == "indicator"]
    assert len(items) == len(SEED004_INDICATORS) == 11
    for it, row in zip(items, SEED004_INDICATORS):
        assert it.weight == row[9]
        assert it.stated_score == row[10]
        assert it.score == row[10]            # every indicator met (≥ targets met, 定性 达成 in band)
        assert it.cell and it.sheet == "部门自评表"
    quantitative = [i for i in items if i.rule.startswith("正向")]
    assert [round(i.value, 4) for i in quantitative] == [round(8094 / 8000, 4), 24 / 20,
                                                          round(9.5 / 7.5, 4)]


def test_total_and_weights_reported_beside_stated(result):
    """004.X10: weights 10 + 100 = 110; 004.X11: stated 总分 100 ignores 执行率."""
    assert result.weight_total == 110
    assert result.total == pytest.approx(9.68 + 100)
    assert result.stated_total == 100
    assert result.stated_sum == pytest.approx(9.60 + 100)
    assert any("110" in w and "100" in w for w in result.warnings)
    assert result.grade == "优"


def test_level1_totals_of_seed_004(result):
    """004.H12: 产出40 + 效益30 + 满意度10 + 成本20 = 100."""
    assert [(g.name, g.weight, g.score) for g in result.level1] == [
        ("产出指标", 40, 40), ("效益指标", 30, 30), ("满意度指标", 10, 10), ("成本指标", 20, 20)]


def test_project_table_scored_with_central_framework(result):
    """004.H20: 现代服务业资金 320/320/320, 执行率 100.00% → 10.00; 9 indicators × 10; 总分 100.00."""
    (p,) = result.projects
    assert p.project == "现代服务业资金" and p.framework == "central_project"
    assert p.items[0].score == 10 and p.items[0].value == 1
    assert len(p.items) == 1 + len(SEED004_PROJECT)
    assert p.total == 100 and p.stated_total == 100 and p.grade == "优"
    assert [(g.name, g.weight) for g in p.level1] == [("产出指标", 50), ("效益指标", 30),
                                                     ("满意度指标", 10)]
    assert not p.warnings


def test_a_wrong_stated_qualitative_score_is_moved_into_its_band(seed004):
    """domain.md §1.6: 达成 → [80%, 100%]; a stated 7 of 10 is raised to 8 and reported."""
    seed004.rows("dept_indicators")[3].values["score_stated"] = 7
    r = score_model(seed004)
    it = [i for i in r.items if i.kind == "indicator"][3]
    assert it.score == 8 and it.in_band is False and "不在区间内" in it.rule
