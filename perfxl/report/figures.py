"""The computed figures a report prints, each as the standard workbook's formula defines it.

Source of every definition: the formula of the matching calculated cell in ``perfxl.layout``
(which the checks compare stated figures against), so a report never prints a figure the user
typed where the workbook computes one.  When ``perfxl.derived`` (the project's module for derived
figures) provides a function of the same name taking the model, that function is used instead,
so there is one definition per figure; the local definitions below are the same formulas.

Shapes and units: amounts are floats in ``model.unit``; rates and shares are fractions
(0.9679 is 96.79%); a figure that cannot be computed (operand empty, division by zero) is
``None``.  No function raises on missing data.
"""
from __future__ import annotations

import importlib
from typing import Any, Callable

from perfxl.model import Model, Row
from perfxl.numbers import excel_round

__all__ = [
    "num", "total", "ratio", "shares", "column_total", "figure",
    "execution_rate", "execution_score", "budget_adjustment_rate",
    "staff_counts", "staff_control_rate",
    "three_public_totals", "three_public_change", "three_public_change_rate",
    "three_public_control_rate", "public_funds_control_rate", "procurement_rate",
    "carryover_change_rate", "stock_funds_change_rate", "fixed_asset_utilization",
    "project_execution_rate", "project_execution_score", "grade",
]


def num(value: Any) -> float | None:
    """A cell value as a float, or ``None`` for empty cells and text (text in a number cell is
    reported by the checks; the report treats it as empty)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    return None


def total(values: list[Any]) -> float | None:
    """Sum of the numbers among ``values``; ``None`` when there is none (an empty column is not
    0)."""
    nums = [v for v in (num(x) for x in values) if v is not None]
    return sum(nums) if nums else None


def ratio(a: Any, b: Any) -> float | None:
    """a / b, or ``None`` when either is empty or b is 0 (the workbook's IFERROR(...,""))."""
    a, b = num(a), num(b)
    if a is None or b is None or b == 0:
        return None
    return a / b


def shares(values: list[Any]) -> list[float | None]:
    """Each value's share of their total (``None`` for empty values or a zero total)."""
    t = total(values)
    return [ratio(v, t) if num(v) is not None else None for v in values]


def column_total(rows: list[Row], column: str) -> float | None:
    """Sum of ``column`` over ``rows`` (``None`` when every cell is empty)."""
    return total([r.get(column) for r in rows])


def _derived(name: str) -> Callable[[Model], Any] | None:
    try:
        mod = importlib.import_module("perfxl.derived")
    except ModuleNotFoundError as exc:
        if exc.name not in ("perfxl.derived", "perfxl"):
            raise
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def figure(name: str, model: Model) -> Any:
    """Figure ``name`` of ``model``: ``perfxl.derived.<name>(model)`` when that exists, else the
    local definition of this module."""
    fn = _derived(name) or _LOCAL[name]
    return fn(model)


# ---- 部门自评表: 预算执行 ----------------------------------------------------------------------
def execution_rate(model: Model) -> float | None:
    """执行率 = 全年执行数 / 全年预算数 (layout ``execution_rate``)."""
    return ratio(model.get("executed"), model.get("budget_full"))


def execution_score(model: Model) -> float | None:
    """执行率得分 = ROUND(分值 × MIN(执行率, 1), 2) (layout ``execution_score``)."""
    w, r = num(model.get("execution_weight")), figure("execution_rate", model)
    if w is None or r is None:
        return None
    return excel_round(w * min(r, 1.0), 2)


def budget_adjustment_rate(model: Model) -> float | None:
    """预算调整率 = 预算调整数 / 年初预算数."""
    return ratio(model.get("budget_adjustment"), model.get("budget_initial"))


# ---- 人员 -------------------------------------------------------------------------------------
def staff_counts(model: Model) -> tuple[float | None, float | None]:
    """(编制数, 实际在职人数) as the 控制率 uses them: the 基础数据表 figures when typed, else the
    sums of the 编制与实有人数 table (layout ``staff_control_rate``)."""
    rows = model.rows("staffing")
    authorized = num(model.get("authorized_total"))
    if authorized is None:
        authorized = column_total(rows, "authorized")
    in_service = num(model.get("in_service_total"))
    if in_service is None:
        in_service = column_total(rows, "actual")
    return authorized, in_service


def staff_control_rate(model: Model) -> float | None:
    """在职人员控制率 = 实际在职人数 / 编制数."""
    authorized, in_service = staff_counts(model)
    return ratio(in_service, authorized)


# ---- “三公”经费与其他控制 -----------------------------------------------------------------------
def three_public_totals(model: Model) -> tuple[float | None, float | None, float | None]:
    """(上年决算, 本年预算, 本年决算) totals: the sums of the item rows (the computed figures); a
    column with no item typed falls back to its typed total.  The change and the rates below
    take these totals, so a report is consistent with itself even where a typed total
    disagrees with its items (the checks report that disagreement)."""
    rows = model.rows("three_public")
    out = []
    for col, stated in (("prior_final", "tp_prior_stated"), ("budget", "tp_budget_stated"),
                        ("final", "tp_final_stated")):
        s = column_total(rows, col)
        out.append(s if s is not None else num(model.get(stated)))
    return out[0], out[1], out[2]


def three_public_change(model: Model) -> float | None:
    """“三公”经费较上年增减额 = 本年决算 − 上年决算 (layout ``tp_change``)."""
    prior, _budget, final = three_public_totals(model)
    if prior is None and final is None:
        return None
    return (final or 0.0) - (prior or 0.0)


def three_public_change_rate(model: Model) -> float | None:
    """“三公”经费变动率 = 增减额 / 上年决算."""
    prior, _b, _f = three_public_totals(model)
    return ratio(figure("three_public_change", model), prior)


def three_public_control_rate(model: Model) -> float | None:
    """“三公”经费控制率 = 本年决算 / 本年预算."""
    _p, budget, final = three_public_totals(model)
    return ratio(final, budget)


def public_funds_control_rate(model: Model) -> float | None:
    """公用经费控制率 = 公用经费决算数 / 公用经费预算数."""
    return ratio(model.get("public_funds_final"), model.get("public_funds_budget"))


def procurement_rate(model: Model) -> float | None:
    """政府采购执行率 = 实际采购金额 / 政府采购预算数."""
    return ratio(model.get("procurement_actual"), model.get("procurement_budget"))


def _change_rate(model: Model, current: str, prior: str) -> float | None:
    c, p = num(model.get(current)), num(model.get(prior))
    if c is None:
        return None
    return ratio(c - (p or 0.0), p)


def carryover_change_rate(model: Model) -> float | None:
    """结转结余变动率 = (本年末 − 上年末) / 上年末."""
    return _change_rate(model, "carryover_current", "carryover_prior")


def stock_funds_change_rate(model: Model) -> float | None:
    """存量资金变动率 = (本年末 − 上年末) / 上年末."""
    return _change_rate(model, "stock_funds_current", "stock_funds_prior")


def fixed_asset_utilization(model: Model) -> float | None:
    """固定资产利用率 = 在用固定资产总额 / 固定资产总额."""
    return ratio(model.get("fixed_assets_in_use"), model.get("fixed_assets_total"))


# ---- 项目 -------------------------------------------------------------------------------------
def project_execution_rate(row: Row) -> float | None:
    """A project's 执行率 = 全年执行数 / 全年预算数 (row of table ``projects``)."""
    return ratio(row.executed, row.budget_full)


def project_execution_score(row: Row) -> float | None:
    """A project's 执行率得分 = ROUND(分值 × MIN(执行率, 1), 2)."""
    w, r = num(row.execution_weight), project_execution_rate(row)
    if w is None or r is None:
        return None
    return excel_round(w * min(r, 1.0), 2)


def grade(score: float | None) -> str | None:
    """评价等级 from a 百分制 total: ≥90 优, ≥80 良, ≥60 中, else 差 (domain.md §1.8)."""
    if score is None:
        return None
    s = excel_round(score, 2)
    return "优" if s >= 90 else "良" if s >= 80 else "中" if s >= 60 else "差"


_LOCAL: dict[str, Callable[[Model], Any]] = {
    f.__name__: f for f in (
        execution_rate, execution_score, budget_adjustment_rate, staff_control_rate,
        three_public_change, three_public_change_rate, three_public_control_rate,
        public_funds_control_rate, procurement_rate, carryover_change_rate,
        stock_funds_change_rate, fixed_asset_utilization)
}
