"""项目支出绩效自评表 scoring: per project, 执行率 + indicators, 不适用 rescale (domain.md §1.5 [S5]),
一级 weights set against the framework (财预〔2020〕10号 defaults, overridable)."""
from __future__ import annotations

import pytest

from perfxl import derived
from perfxl.errors import FrameworkError
from perfxl.model import Model
from perfxl.scoring import score_model


def project_model(framework="central_project", na=False, weights=(50, 30, 10)) -> Model:
    m = Model(values={"framework": framework})
    m.add_row("projects", {"project": "P", "budget_full": 100, "executed": 80,
                           "execution_weight": 10, "score_total_stated": 90})
    rows = [("产出指标", "数量指标", "定量", "≥", 100, 90, weights[0] - 10, None),
            ("产出指标", "质量指标", "定性", None, None, None, 10, "部分达成"),
            ("效益指标", "社会效益指标", "定量", "≤", 5, 10, weights[1], None),
            ("满意度指标", "服务对象满意度指标", "定量", "≥", 0.9, 0.95, weights[2], None)]
    for i, (l1, l2, nat, dr, t, a, w, ach) in enumerate(rows):
        m.add_row("project_indicators", {
            "project": "P", "level1": l1, "level2": l2, "level3": f"指标{i}", "nature": nat,
            "direction": dr, "target": t, "actual": a, "weight": w, "achievement": ach,
            "score_stated": 7 if ach else None,
            "applicable": "否" if (na and i == 2) else None})
    return m


def test_project_framework_scores_its_single_project():
    r = score_model(project_model())
    (p,) = r.projects
    # 执行率 80% → 8; 36 (90% of 40); 定性 部分达成 7 in [6, 8]; 5/10 × 30 = 15; 满意度 10
    assert [i.score for i in p.items] == [8, 36, 7, 15, 10]
    assert r.total == p.total == 76 and r.grade == "中" and r.stated_total == 90
    assert not p.warnings and not p.notes


def test_not_applicable_rows_are_rescaled_S5():
    """不适用指标不计分，按百分制折算: (8 + 36 + 7 + 10) × 100 / 70."""
    m = project_model(na=True)
    (p,) = score_model(m).projects
    assert p.items[3].score is None and not p.items[3].applicable
    assert p.total == pytest.approx(round(61 * 100 / 70, 2))
    assert p.weight_total == 70
    assert any("折算" in n for n in p.notes)
    assert derived.project_score_total(m, m.rows("projects")[0]) == p.total   # the workbook's


def test_overridden_weights_are_notes_not_warnings():
    """财预〔2020〕10号: 一级 weights may be adjusted per project (S4 note 1)."""
    (p,) = score_model(project_model(weights=(60, 20, 10))).projects
    assert not p.warnings
    assert any("产出指标" in n and "50" in n for n in p.notes)


def test_missing_satisfaction_level_is_noted():
    m = project_model()
    m.tables["project_indicators"] = m.rows("project_indicators")[:3]
    (p,) = score_model(m).projects
    assert any("满意度指标" in n for n in p.notes)
    assert any("分值合计 90" in w for w in p.warnings)


def test_execution_above_100pct_is_reported():
    m = project_model()
    m.rows("projects")[0].values["executed"] = 120
    (p,) = score_model(m).projects
    assert p.items[0].score == 10 and "超过 100%" in p.items[0].rule
    assert any("120.00%" in w for w in p.warnings)


def test_hubei_framework_uses_its_bands_and_execution_weight():
    """S6: 执行率 20 分; 部分达成 band 50–80%."""
    m = project_model("hubei_project_2020")
    m.rows("projects")[0].values["execution_weight"] = 20
    m.rows("project_indicators")[1].values["score_stated"] = 5.5
    (p,) = score_model(m).projects
    assert p.items[0].score == 16 and p.items[2].score == 5.5


def test_several_projects_have_no_single_total():
    m = project_model()
    m.add_row("projects", {"project": "Q", "budget_full": 10, "executed": 10,
                           "execution_weight": 10})
    r = score_model(m)
    assert r.total is None and [p.project for p in r.projects] == ["P", "Q"]
    assert r.projects[1].total == 10


def test_no_framework_is_a_framework_error():
    with pytest.raises(FrameworkError, match="评价框架"):
        score_model(Model())


def test_explicit_framework_overrides_the_workbook():
    r = score_model(project_model(), "central_project_cost")
    assert r.framework == "central_project_cost"
    assert any("成本指标" in n for n in r.projects[0].notes)
