"""Score a 部门整体支出绩效自评表 (framework kind ``department``, e.g. ``hunan_dept``).

Items: 预算执行率 (sheet 部门自评表, block 年度资金总额与预算执行率) then every row of
``dept_indicators``.  Total = ROUND(执行率得分 + Σ indicator scores, 2), exactly as the
workbook's ``dept_score_sum``; the weight total (``dept_weight_sum``) is set against the
framework's full score and reported when it differs (seed 004: 10 + 100 = 110, seed-audit
004.X10).  Source of the shape: seed 004 L120–L304; domain.md §3.1.
"""
from __future__ import annotations

from perfxl import derived, score_errors
from perfxl.frameworks.schema import Framework
from perfxl.model import Model
from perfxl.numbers import excel_round
from perfxl.scoring import rules
from perfxl.scoring.indicators import execution_item, fmt, indicator_item, num
from perfxl.scoring.result import ScoreItem, ScoreResult
from perfxl.scoring.totals import level1_messages, level1_totals

__all__ = ["score_department"]


def score_department(model: Model, fw: Framework) -> ScoreResult:
    """The department result (projects are added by the caller)."""
    v = model.values
    items: list[ScoreItem] = []
    ex, warnings = execution_item(
        executed=derived.formula_value(model, "executed"),
        budget=derived.formula_value(model, "budget_full"),
        weight=derived.formula_value(model, "execution_weight"),
        stated=v.get("execution_score_stated"), cell=model.field_cell("execution_score"),
        stated_cell=model.field_cell("execution_score_stated"),
        framework_weight=fw.execution.weight if fw.execution else None)
    items.append(ex)
    rows = model.rows("dept_indicators")
    for row, vals in zip(rows, derived.fill_down(rows)):
        items.append(indicator_item(model, "dept_indicators", row, vals, fw.bands))
    notes: list[str] = []
    # as the workbook's 得分合计（计算）: "" (None) when nothing is scored, so no 等级 either
    scored = [i.score for i in items if i.score is not None]
    total = excel_round(sum(scored), 2) if scored else None
    causes = score_errors.dept_causes(model)
    if causes:  # the workbook's 得分合计 shows #VALUE!: no total, no 等级
        total = None
        warnings.append(f"得分合计无法计算：{score_errors.describe(causes, '部门自评表')}；"
                        "请在这些单元格改填数字")
    # the workbook's 分值合计（计算）: a 分值 typed as text is not counted (PX009 names it)
    weight_total = derived.dept_weight_sum(model)
    ex_weight = derived.summed(ex.weight) or 0.0
    if fw.total is not None and not rules.compare(weight_total, "=", fw.total):
        warnings.append(f"分值合计 {fmt(weight_total)}（含预算执行率 {fmt(ex_weight)}），"
                        f"评价框架满分为 {fmt(fw.total)}")
    ind_weight = weight_total - ex_weight
    if fw.indicator_total is not None and not rules.compare(ind_weight, "=", fw.indicator_total):
        warnings.append(f"绩效指标分值合计 {fmt(ind_weight)}，评价框架为 {fmt(fw.indicator_total)}"
                        f"（预算执行率 {fmt(fw.execution.weight if fw.execution else None)} 分另计）")
    groups = level1_totals(items, fw)
    w2, n2 = level1_messages(groups, fw)
    warnings += w2
    notes += n2
    stated_total = num(v.get("dept_score_total_stated"))
    stated_scores = [i.stated_score for i in items if i.applicable and i.stated_score is not None]
    stated_sum = excel_round(sum(stated_scores), 2) if stated_scores else None
    if stated_total is not None and stated_sum is not None and \
            not rules.compare(stated_total, "=", stated_sum):
        warnings.append(f"填报总分 {fmt(stated_total)} 不等于各项填报得分之和 {fmt(stated_sum)}"
                        "（含预算执行率）")
    return ScoreResult(
        framework=fw.id, framework_name=fw.name, total=total, grade=rules.grade(total, fw.grades),
        stated_total=stated_total, weight_total=weight_total, items=tuple(items), level1=groups,
        stated_sum=stated_sum, warnings=tuple(warnings), notes=tuple(notes),
        total_cell=model.field_cell("dept_score_sum"), grade_cell=model.field_cell("dept_grade"))
