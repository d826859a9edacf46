"""The execution figures (全年执行数, 全年预算数) a stated 执行率 or 执行率得分 is judged against.

The workbook's own formula ``=IFERROR(执行数/预算数,"")`` reads a blank 全年执行数 as 0; a check
must not: a blank is missing data (PX408 reports it), so no rate is judged from it, and no
message says "执行率 0.00%（（空） ÷ 2690.62）".  When a project's own 年度资金总额 cannot give a
rate (全年预算数 0 or blank, or 全年执行数 blank) but its 资金来源 rows (项目资金 table) can, the
rate comes from their sums, so a stated 执行率 0 and 得分 0 beside 当年财政拨款 90 / 89.974 are still
checked (PX108 reports the wrong total itself).  Amounts are in the workbook's unit; rates are
fractions.
"""
from __future__ import annotations

from typing import NamedTuple

from perfxl.checks.compare import fmt_amount, is_number

__all__ = ["Execution", "department", "project", "score"]


class Execution(NamedTuple):
    """Both operands of an execution rate, known; ``note`` says where they come from when not
    the row itself (shown after the formula in messages)."""

    executed: float
    budget: float
    note: str = ""

    @property
    def rate(self) -> float:
        return self.executed / self.budget

    @property
    def formula(self) -> str:
        return f"{fmt_amount(self.executed)} ÷ {fmt_amount(self.budget)}{self.note}"


def _num(v) -> float | None:
    return float(v) if is_number(v) else None


def _own(executed, budget) -> Execution | None:
    ex, bud = _num(executed), _num(budget)
    if ex is None or bud is None or bud == 0:
        return None
    return Execution(ex, bud)


def department(ctx) -> Execution | None:
    """部门自评表: 全年执行数 ÷ 全年预算数, or ``None`` when either is blank (or the budget 0)."""
    return _own(ctx.model.values.get("executed"), ctx.model.values.get("budget_full"))


def project(ctx, row) -> Execution | None:
    """A 项目自评表 row: its own 全年执行数 ÷ 全年预算数; failing that, the sums of the project's
    资金来源 rows (当年财政拨款 + 上年结转 + 其他资金) where they hold both figures; else ``None``."""
    own = _own(row.values.get("executed"), row.values.get("budget_full"))
    if own is not None:
        return own
    funds = [f for f in ctx.rows("project_funds") if f.project == row.project]
    budgets = [b for b in (_num(f.values.get("budget_full")) for f in funds) if b is not None]
    executed = [e for e in (_num(f.values.get("executed")) for f in funds) if e is not None]
    if not budgets or not executed or sum(budgets) == 0:
        return None
    return Execution(sum(executed), sum(budgets), "，按各资金来源之和")


def score(ex: Execution | None, weight: float | None) -> float | None:
    """预算执行率得分 = ROUND(分值 × min(执行率, 1), 2) on ``ex``, ``None`` without either."""
    from perfxl.scoring.rules import execution_score

    return execution_score(ex.rate if ex is not None else None, weight)
