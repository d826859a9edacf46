"""Helpers for the figures a report prints, on top of ``perfxl.derived``.

Every derived figure (执行率, 控制率, 变动率, 得分 ...) comes from ``perfxl.derived``, whose functions
mirror the workbook's own formulas; this module adds only what writing sentences needs:

* ``num``, ``total``, ``ratio``, ``shares``, ``column_total``: arithmetic that keeps "empty"
  apart from 0 (``None`` when nothing is filled), so a report says 「（未填写）」 instead of "0.00";
* ``staff_counts`` and ``three_public_totals``: the operands the derived rates use, to print
  them beside the rate (「控制率94.64%（实际在职人数53人，编制数56人）」).

Units: amounts in ``model.unit``; rates and shares are fractions.  Nothing here raises on
missing data.
"""
from __future__ import annotations

from typing import Any

from perfxl.model import Model, Row
from perfxl.typed import TextNumber

__all__ = ["num", "total", "ratio", "shares", "column_total", "staff_counts",
           "three_public_totals"]


def num(value: Any) -> float | None:
    """A cell value as a float, or ``None`` for empty cells and text (text in a number cell is
    reported by the checks; the report treats it as empty).  A ``TextNumber`` (「10」 typed as
    text where arithmetic reads it) stays one, so ``total`` still skips it as SUM does."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, TextNumber):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return None


def total(values: list[Any]) -> float | None:
    """Sum of the numbers among ``values``, as the workbook's SUM takes them: a figure typed as
    text (``TextNumber``, which PX009 reports) is skipped, so the report's 合计 is the one the
    workbook shows; ``None`` when there is none (an empty column is not 0)."""
    nums = [v for v in (num(x) for x in values if not isinstance(x, TextNumber)) if v is not None]
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


def staff_counts(model: Model) -> tuple[float | None, float | None]:
    """(编制数, 实际在职人数) as ``perfxl.derived.staff_control_rate`` takes them
    (``perfxl.derived.staff_counts``): the typed figures when typed, else the sums of the
    编制与实有人数 table."""
    from perfxl.derived import staff_counts as counts
    return counts(model)


def three_public_totals(model: Model) -> tuple[float | None, float | None, float | None]:
    """(上年决算, 本年预算, 本年决算) of the “三公”经费 as 经费控制 takes them
    (``perfxl.derived.tp_total``): the typed total (基础数据表) when typed, else the sum of the
    item rows.  Item rows are often incomplete (seed 004 has no 公务接待 budget), so a typed
    total is the operand; where it disagrees with its items the checks say so."""
    from perfxl.derived import tp_total
    return tp_total(model, "prior_final"), tp_total(model, "budget"), tp_total(model, "final")
