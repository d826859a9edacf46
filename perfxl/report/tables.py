"""Rows of the Word tables of a report: 部门整体支出绩效自评表, 基础数据表, 项目支出绩效自评表.

Every cell is a string already formatted (``perfxl.report.fmt``): amounts without unit (the
table caption names it), rates with %, weights trimmed ("10"), scores with two decimals
("9.68").  Computed figures replace typed ones (执行率, 得分, 控制率, 合计).  Empty cells are "".
A repeated 一级/二级 label is left blank below its first row, as the official forms print it.
"""
from __future__ import annotations

from typing import Any

from perfxl import derived as D
from perfxl.layout import INCOME_SOURCES, THREE_PUBLIC_CAR_TOTAL, THREE_PUBLIC_ITEMS
from perfxl.model import Model, Row
from perfxl.numbers import excel_round
from perfxl.report.figures import column_total, num, staff_counts, three_public_totals, total
from perfxl.report.fmt import (clean_text, fmt_amount, fmt_count, fmt_rate, fmt_score, fmt_typed,
                               paragraphs)
from perfxl.report.scores import (Scores, dept_total, dept_weight_total, project_total,
                                  row_score, row_weight)

__all__ = ["dept_table", "base_table", "project_table", "indicator_rows"]


def _a(x: Any) -> str:
    return fmt_amount(num(x), missing="")


def _w(x: Any) -> str:
    return fmt_score(num(x), missing="")


def _s(x: Any) -> str:
    return fmt_score(num(x), fixed=True, missing="")


def _t(x: Any) -> str:
    return "" if x is None else clean_text(str(x)).strip()


def _lines(text: Any) -> list[str]:
    """Cell text as paragraphs; never empty (a Word cell must hold a paragraph)."""
    return paragraphs(text, empty="")


def _funds_row(label: str, initial: Any = None, full: Any = None, executed: Any = None,
               weight: str = "", rate: str = "", score: str = "") -> dict[str, str]:
    return {"label": label, "initial": _a(initial), "full": _a(full), "executed": _a(executed),
            "weight": weight, "rate": rate, "score": score}


#: the 分值 cell of a 不适用 indicator (its points count in no total)
NOT_COUNTED = "—"
#: the label of the 总分 row; when 不适用 indicators rescale the score to the full scale, the
#: row says so (its 得分 is then not the sum of the rows above it)
TOTAL, TOTAL_RESCALED = "总分", "总分（按百分制折算）"


def indicator_rows(rows: list[Row], scores: Scores) -> list[dict[str, str]]:
    """Indicator rows with computed scores; 一级/二级 labels blanked below their first row."""
    out = []
    last1 = last2 = None
    for r in rows:
        l1, l2 = _t(r.level1), _t(r.level2)
        applicable = r.applicable != "否"
        out.append({
            "level1": "" if l1 == last1 else l1,
            "level2": "" if (l1, l2) == last2 else l2,
            "level3": _t(r.level3),
            # typed values as typed (0.095 stays 0.095): only computed figures are rounded
            "target": _t(r.target_text) or fmt_typed(r.target),
            "actual": _t(r.actual_text) or fmt_typed(r.actual),
            # a 不适用 row's 分值 is not counted (the 总分 row sums the others): shown as —
            "weight": _w(row_weight(scores, r)) if applicable else NOT_COUNTED,
            "score": _s(row_score(scores, r)) if applicable else "不适用",
            "deviation": _t(r.deviation),
        })
        last1, last2 = l1, (l1, l2)
    return out


def _weight_sum(scores: Scores, execution_weight: Any, rows: list[Row]) -> float | None:
    return total([execution_weight] + [row_weight(scores, r) for r in rows
                                       if r.applicable != "否"])


def dept_table(model: Model, scores: Scores) -> dict[str, Any]:
    """部门整体支出绩效自评表: ``funds`` rows (年度资金总额 with 分值/执行率/得分, then 按收入性质分
    and 按支出性质分), ``goal_expected``/``goal_actual`` paragraphs, ``indicators`` and the
    computed ``weight_total`` / ``score_total`` (执行率 included)."""
    funds = [_funds_row("年度资金总额", model.get("budget_initial"), model.get("budget_full"),
                        model.get("executed"), _w(model.get("execution_weight")),
                        fmt_rate(D.execution_rate(model), missing=""),
                        "" if scores.unscored else _s(D.execution_score(model)))]
    income = sorted(model.rows("income"),
                    key=lambda r: INCOME_SOURCES.index(r.source)
                    if r.source in INCOME_SOURCES else len(INCOME_SOURCES))
    if income:
        funds.append(_funds_row("按收入性质分："))
        funds += [_funds_row(_t(r.source), r.budget_initial, r.budget_full, r.executed)
                  for r in income]
    nature = model.rows("exp_nature")
    if nature:
        funds.append(_funds_row("按支出性质分："))
        funds += [_funds_row(_t(r.item), r.budget_initial, r.budget_full, r.executed)
                  for r in nature]
    indicators = model.rows("dept_indicators")
    return {
        "funds": funds,
        "goal_expected": _lines(model.get("goal_expected")),
        "goal_actual": _lines(model.get("goal_actual")),
        "indicators": indicator_rows(indicators, scores),
        "weight_total": _w(dept_weight_total(scores)),
        "score_total": _s(dept_total(scores)),
        "total_label": TOTAL,
    }


def base_table(model: Model) -> dict[str, Any]:
    """基础数据表: ``staff`` (编制数, 实际在职人数, 控制率), ``control`` rows (上年决算数,
    本年预算数, 本年决算数) and the 厉行节约保障措施 paragraphs ``thrift``."""
    authorized, in_service = staff_counts(model)
    tp = {r.item: r for r in model.rows("three_public")}

    def tp_cells(*items: str) -> tuple[Any, ...]:
        """Each column's total of ``items`` among the rows that count in that column (the
        公务用车 subtotal stands for 购置 + 运行维护 where they are not split)."""
        return tuple(column_total([r for r in D.tp_counted_rows(model, col) if r.item in items],
                                  col) for col in ("prior_final", "budget", "final"))

    def row(label: str, prior: Any = None, budget: Any = None, final: Any = None) -> dict:
        return {"label": label, "prior": _a(prior), "budget": _a(budget), "final": _a(final)}

    car_buy, car_run, abroad, reception = THREE_PUBLIC_ITEMS[1], THREE_PUBLIC_ITEMS[2], \
        THREE_PUBLIC_ITEMS[0], THREE_PUBLIC_ITEMS[3]
    control = [
        row("“三公”经费", *three_public_totals(model)),
        row("1.公务用车购置和维护经费", *tp_cells(car_buy, car_run, THREE_PUBLIC_CAR_TOTAL)),
        row("其中：公车购置", *tp_cells(car_buy)),
        row("公车运行维护", *tp_cells(car_run)),
        row("2.出国经费", *tp_cells(abroad)),
        row("3.公务接待", *tp_cells(reception)),
    ]
    control.append(row("公用经费", None, model.get("public_funds_budget"),
                       model.get("public_funds_final")))
    control.append(row("政府采购金额", None, model.get("procurement_budget"),
                       model.get("procurement_actual")))
    if num(model.get("budget_adjustment")) is not None:
        control.append(row("部门整体支出预算调整", None, model.get("budget_adjustment"), None))
    # 项目支出 and its 其中 rows last: a row after a lone 「其中：项目A」 would read as one more
    # of its parts
    proj = model.row("exp_nature", "项目支出")
    control.append(row("项目支出", proj.prior_final if proj else None,
                       proj.budget_full if proj else None, proj.executed if proj else None))
    projects = [p for p in model.rows("projects") if p.project]
    # 「其中」 only when the projects fit inside 项目支出 (a 其中 list never exceeds its total)
    head = "其中：" if proj is not None and all(
        _fits(column_total(projects, col), proj.get(col)) for col in ("budget_full", "executed")) \
        else "自评项目："
    for p in projects:
        control.append(row(f"{head}{_t(p.project)}", None, p.budget_full, p.executed))
    return {
        "staff": {"authorized": fmt_count(authorized, missing=""),
                  "in_service": fmt_count(in_service, missing=""),
                  "rate": fmt_rate(D.staff_control_rate(model), missing="")},
        "control": control,
        "thrift": _lines(model.get("thrift_measures")),
    }


def _fits(parts: float | None, whole: Any) -> bool:
    """The parts' sum does not exceed the whole, as printed (two decimals); a blank whole or
    no parts bounds nothing."""
    w = num(whole)
    if parts is None or w is None:
        return True
    return excel_round(parts, 2) <= excel_round(w, 2)


def _project_weight(scores: Scores, project: Row, indicators: list[Row]) -> float | None:
    result = scores.projects.get(project.project)
    if result is not None and result.weight_total is not None:
        return num(result.weight_total)
    return _weight_sum(scores, project.execution_weight, indicators)


def project_table(model: Model, scores: Scores, project: Row) -> dict[str, Any]:
    """项目支出绩效自评表 of one project (a row of table ``projects``): header, ``funds`` by
    source then 年度资金总额 (分值/执行率/得分), goals, ``indicators`` and computed totals."""
    name = project.project
    funds = []
    for r in model.project_rows("project_funds", name):
        label = "其中：当年财政拨款" if r.source == "当年财政拨款" else _t(r.source)
        funds.append(_funds_row(label, r.budget_initial, r.budget_full, r.executed))
    funds.append(_funds_row("年度资金总额", project.budget_initial, project.budget_full,
                            project.executed, _w(project.execution_weight),
                            fmt_rate(D.project_execution_rate(project), missing=""),
                            _s(D.project_execution_score(project))))
    indicators = model.project_rows("project_indicators", name)
    return {
        "name": _t(name),
        "supervisor": _t(project.supervisor or model.get("supervisor")),
        "implementer": _t(project.implementer or model.get("department_name")),
        "funds": funds,
        "goal_expected": _lines(project.goal_expected),
        "goal_actual": _lines(project.goal_actual),
        "indicators": indicator_rows(indicators, scores),
        "weight_total": _w(_project_weight(scores, project, indicators)),
        "score_total": _s(project_total(scores, project)),
        "total_label": TOTAL if D.project_rescale(model, project) == 1 else TOTAL_RESCALED,
    }
