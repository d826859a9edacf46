"""Comparing and showing figures the way the checks need.

* ``wrong(stated, computed)``: the tolerance rule of the issue — a stated figure is right when it
  is the computed figure rounded (Excel's ROUND, half away from zero) to the decimals the stated
  figure shows; ``perfxl.numbers.differs`` decides, and an exact half (12830454.25 shown as
  12830454.2) is settled by rounding so it is never let through by floating-point luck.
* ``fmt_*``: how numbers appear in messages (amounts with 2 decimals, rates as percentages,
  scores with 2 decimals, weights and counts without trailing zeros).
* ``rounded_*``: the numbers a finding carries as ``expected`` / ``actual``.
"""
from __future__ import annotations

import functools
import math

from perfxl.numbers import (OUT_OF_RANGE, differs, excel_round, fmt_fixed, fmt_percent,
                            shown_decimals)


def _total(fmt):
    """A formatter that shows ``OUT_OF_RANGE`` for NaN and ±inf."""
    @functools.wraps(fmt)
    def wrapper(x, *args, **kwargs):
        if isinstance(x, float) and not math.isfinite(x):
            return OUT_OF_RANGE
        return fmt(x, *args, **kwargs)
    return wrapper

__all__ = ["wrong", "unit_of_last", "fmt_amount", "fmt_rate", "fmt_stated_rate", "fmt_score",
           "fmt_num", "fmt_pts",
           "rounded_amount", "rounded_rate", "rounded_score", "is_number"]


def is_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def wrong(stated: float, computed: float, *, percent: bool = False) -> bool:
    """True when ``stated`` is not ``computed`` rounded to the decimals ``stated`` shows.

    >>> wrong(0.96, 3995.49 / 4128.02, percent=True), wrong(0.9679, 3995.49 / 4128.02, percent=True)
    (True, False)
    """
    if differs(stated, computed, percent=percent):
        return True
    d = shown_decimals(stated, percent=percent)
    s, c = (stated * 100, computed * 100) if percent else (stated, computed)
    return excel_round(c, d) != excel_round(s, d)


def unit_of_last(stated: float, *, percent: bool = False) -> float:
    """One unit of the last decimal ``stated`` shows (in the units of ``stated``)."""
    unit = 10.0 ** -shown_decimals(stated, percent=percent)
    return unit / 100 if percent else unit


def _decimals(x: float, *, at_least: int, at_most: int = 6, percent: bool = False) -> int:
    return max(at_least, min(at_most, shown_decimals(x, percent=percent)))


@_total
def fmt_amount(x: float | None, like: float | None = None) -> str:
    """3995.49 -> "3995.49"; 10000 -> "10000.00" (2 decimals, more when ``like`` shows more)."""
    if x is None:
        return "（空）"
    d = 2 if like is None else _decimals(like, at_least=2)
    return fmt_fixed(x, d)


@_total
def fmt_rate(x: float | None, like: float | None = None) -> str:
    """0.967895 -> "96.79%"; with ``like`` = 0.99999 -> "99.999%" (the decimals it shows)."""
    if x is None:
        return "（空）"
    d = 2 if like is None else _decimals(like, at_least=2, percent=True)
    return fmt_percent(x, d)


@_total
def fmt_stated_rate(x: float) -> str:
    """A stated rate as typed: 0.96 -> "96.00%", 0.99999 -> "99.999%"."""
    return fmt_rate(x, like=x)


@_total
def fmt_score(x: float | None) -> str:
    """9.6 -> "9.60" (scores always with 2 decimals, as official tables show them)."""
    if x is None:
        return "（空）"
    return fmt_fixed(x, 2)


@_total
def fmt_num(x: float | None) -> str:
    """Weights and counts: 110.0 -> "110", 2.5 -> "2.5"."""
    if x is None:
        return "（空）"
    v = excel_round(x, 4)
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


@_total
def fmt_pts(x: float | None) -> str:
    """Points (分): 100.0 -> "100", 109.6 -> "109.60"."""
    if x is None:
        return "（空）"
    v = excel_round(x, 2)
    return str(int(v)) if float(v).is_integer() else fmt_fixed(v, 2)


def rounded_amount(x: float | None, like: float | None = None) -> float | None:
    if x is None:
        return None
    return excel_round(x, 2 if like is None else _decimals(like, at_least=2))


def rounded_rate(x: float | None, like: float | None = None) -> float | None:
    """A rate as the fraction shown: 0.967895 -> 0.9679 (4 decimals; more when ``like`` shows
    more)."""
    if x is None:
        return None
    d = 2 if like is None else _decimals(like, at_least=2, percent=True)
    return excel_round(x, d + 2)


def rounded_score(x: float | None) -> float | None:
    return None if x is None else excel_round(x, 2)
