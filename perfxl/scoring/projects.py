"""Score each 项目支出绩效自评表 (a row of ``projects`` with its ``project_indicators`` rows).

Per project: 预算执行率 + indicators (domain.md §1.2–§1.6); total = ROUND(Σ scores, 2), and when
a row is 不适用 and the framework says ``not_applicable = "rescale"``, the sum is scaled by
(all weights) ÷ (applicable weights) — 不适用指标不计分，按百分制折算 (domain.md §1.5 [S5]) — as
the workbook's ``score_total`` formula does.
"""
from __future__ import annotations

from perfxl import derived, score_errors
from perfxl.frameworks.schema import Framework
from perfxl.model import Model, Row
from perfxl.numbers import excel_round
from perfxl.scoring import rules
from perfxl.scoring.indicators import execution_item, fmt, indicator_item, num
from perfxl.scoring.result import ProjectResult, ScoreItem
from perfxl.scoring.totals import level1_messages, level1_totals

__all__ = ["score_project", "score_projects"]


def score_project(model: Model, row: Row, fw: Framework) -> ProjectResult:
    """The result of project ``row.project`` under project framework ``fw``."""
    name = str(row.project)
    who = f"项目「{name}」"
    ex, warnings = execution_item(
        executed=derived.row_formula_value(row, "executed"),
        budget=derived.row_formula_value(row, "budget_full"),
        weight=derived.row_formula_value(row, "execution_weight"),
        stated=row.execution_score_stated, cell=model.cell("projects", row.index, "execution_score"),
        stated_cell=model.cell("projects", row.index, "execution_score_stated"), project=name,
        framework_weight=fw.execution.weight if fw.execution else None)
    items: list[ScoreItem] = [ex]
    ind_rows = [r for r in model.rows("project_indicators") if r.project == row.project]
    for r, vals in zip(ind_rows, derived.fill_down(ind_rows)):
        items.append(indicator_item(model, "project_indicators", r, vals, fw.bands, project=name))
    notes: list[str] = []
    raw = (ex.score or 0.0) + sum(i.score or 0.0 for i in items[1:])
    # as the workbook's N() and SUMPRODUCT: a 分值 typed as text counts nothing (PX009 names it)
    ew = derived.summed(ex.weight) or 0.0
    all_w = ew + sum(derived.summed(r.weight) or 0.0 for r in ind_rows)
    applicable_w = ew + sum(derived.summed(i.weight) or 0.0 for i in items[1:] if i.applicable)
    k = 1.0
    if any(not i.applicable for i in items[1:]):
        if fw.not_applicable == "rescale" and applicable_w:
            k = all_w / applicable_w
            notes.append(f"{who}有不适用指标：得分按 {fmt(all_w)} ÷ {fmt(applicable_w)} 折算"
                         "（不适用指标不计分，按百分制折算）")
    total = excel_round(raw * k, 2)
    causes = score_errors.project_causes(model, row)
    ex_cell = model.cell("projects", row.index, "execution_score")
    if causes:  # the workbook's 总分得分 shows #VALUE!: no total, no 等级
        total = None
        own = {ex_cell} | {model.cell(r.table, r.index, "score") for r in ind_rows}
        other = any(c.score not in own for c in causes)
        warnings.append(f"{who}总分无法计算：{score_errors.describe(causes, '项目自评表')}" +
                        ("（总分公式对整列得分求和，其他项目的行也使它算不出结果）" if other else "") +
                        "；请在这些单元格改填数字")
    if fw.total is not None and not rules.compare(all_w, "=", fw.total):
        warnings.append(f"{who}分值合计 {fmt(all_w)}（含预算执行率），评价框架满分为 {fmt(fw.total)}")
    groups = level1_totals(items, fw)
    w2, n2 = level1_messages(groups, fw, who)
    warnings += w2
    notes += n2
    sheet, cell = model.cell("projects", row.index, "score_total")
    return ProjectResult(
        project=name, framework=fw.id, total=total, grade=rules.grade(total, fw.grades),
        stated_total=num(row.score_total_stated), weight_total=excel_round(applicable_w, 2),  # type: ignore[arg-type]
        items=tuple(items), level1=groups, warnings=tuple(warnings), notes=tuple(notes),
        sheet=sheet, cell=cell)


def score_projects(model: Model, fw: Framework) -> tuple[ProjectResult, ...]:
    """Every named project of the workbook, in sheet order."""
    return tuple(score_project(model, r, fw) for r in model.rows("projects") if r.project)
