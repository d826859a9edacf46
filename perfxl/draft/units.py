"""A draft finding's expected and actual in the unit the text uses (``Finding.unit``).

The PX6xx rules compute in one scale: amounts in 元, rates as fractions, counts, scores and
years as written.  A reader sees the draft's own unit: 「应为 2202.33万元；实为 2202.32万元」, not
「应为 22023300；实为 2202.32万元」.  ``in_text_unit(doc, hit)`` finds the figure of the draft the
finding is about (the last figure in the hit's span whose value is the hit's ``actual``) and
gives both numbers in its unit (when the span holds none, the nearest such figure of its
paragraph, within ``NEAR`` characters: a breakdown's total stated before the span):

* an amount (``万元`` / ``元`` / ``亿元``; ``万`` alone reads as 万元): both divided by the unit's
  元, ``expected`` rounded (Excel's ROUND) to the figure's decimals, at least 2;
* a rate written with ``%``: both × 100, unit ``%``, ``expected`` rounded the same way;
  ``个百分点``: the same, unit ``个百分点``;
* a count, score or year (``人``, ``个``, ``分``, ``年``...): unchanged, unit as written.

A rule that already yields numbers in the text's unit says so with ``Hit.unit``; they are kept
as they are.  Text values (增加 / 优) and numbers that are no figure of the span keep ``unit``
``None`` and are left unchanged (no unit is guessed).
"""
from __future__ import annotations

import bisect
import math
from decimal import Decimal
from typing import Any

from perfxl.draft.numbers import UNIT_SCALE, figures
from perfxl.numbers import round_decimal

__all__ = ["in_text_unit", "unit_name", "money_in"]

_HAIR = Decimal("1e-9")


def unit_name(unit: str) -> str:
    """The unit as a finding names it: 万 -> 万元, 亿 -> 亿元, pp -> 个百分点."""
    return {"万": "万元", "亿": "亿元", "pp": "个百分点"}.get(unit, unit)


def money_in(like, *yuan: Decimal) -> tuple[list[float], str]:
    """Amounts in 元 written in the unit of the draft figure ``like`` (at its decimals, at least
    2), and that unit's name: for a rule whose finding's figures are not in its span (a
    difference, an amount the text leaves out)."""
    unit = like.unit if like.money else "元"
    return ([float(round_decimal(Decimal(y) / UNIT_SCALE[unit], max(like.places, 2)))
             for y in yuan], unit_name(unit))


def _number(x: Any) -> bool:
    """A finite number (an overflowed sum, inf or NaN, is left as it is: no unit to give it)."""
    return (isinstance(x, (int, float, Decimal)) and not isinstance(x, bool)
            and math.isfinite(x))


def _scale(f) -> tuple[Decimal, Decimal] | None:
    """(what one unit of ``f`` is in the rules' scale, ``f``'s value in that scale), or None."""
    if f.money:
        return UNIT_SCALE[f.unit], f.value_yuan
    if f.unit in ("%", "pp"):
        return Decimal("0.01"), f.value / 100
    if f.unit and f.unit != "other":
        return Decimal(1), f.value
    return None


def _tol(f, one: Decimal) -> Decimal:
    return f.tol * one + _HAIR


#: How far from the span (characters) a figure of its paragraph may be.
NEAR = 2000


def _candidates(ctx, start: int, end: int):
    """The figures of the span, last first, then those of its paragraph within ``NEAR``
    characters, nearest first (a breakdown's total or a change's base stated before the span).
    The paragraph's figures are read once per draft (``DraftCtx.paragraph_figures``)."""
    doc = ctx.doc
    i = bisect.bisect_right(doc.paragraphs, (start, len(doc.flat))) - 1
    if not (0 <= i < len(doc.paragraphs) and doc.paragraphs[i][0] <= start < end
            <= doc.paragraphs[i][1]):
        yield from reversed(figures(doc.flat, start, end))  # a span over a paragraph break
        return
    figs, starts = ctx.paragraph_figures(i)
    a, b = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    yield from reversed([f for f in figs[a:b] if f.end <= end])
    lo, hi = bisect.bisect_left(starts, start - NEAR), bisect.bisect_right(starts, end + NEAR)
    rest = [f for f in figs[lo:hi] if f.end <= start or f.start >= end]
    yield from sorted(rest, key=lambda f: min(abs(f.end - start), abs(f.start - end)))


def in_text_unit(ctx, start: int, end: int, expected: Any, actual: Any,
                 unit: str | None = None) -> tuple[Any, Any, str | None]:
    """``(expected, actual, unit)`` of a hit over ``ctx.doc.flat[start:end]`` (``ctx`` a
    ``perfxl.draft.engine.DraftCtx``; see the module doc)."""
    if unit is not None or not _number(actual):
        return expected, actual, unit
    a = Decimal(repr(float(actual))) if not isinstance(actual, Decimal) else actual
    for f in _candidates(ctx, start, end):
        got = _scale(f)
        if got is None:
            continue
        one, value = got
        if abs(value - a) > _tol(f, one):
            continue
        name = unit_name(f.unit)
        if one == 1:  # a count, score or year: the rules' scale is the text's
            return expected, actual, name
        if _number(expected):  # at the figure's decimals, at least 2 (as the message shows it)
            expected = float(round_decimal(Decimal(repr(float(expected))) / one,
                                           max(f.places, 2)))
        return expected, float(f.value), name
    return expected, actual, None
