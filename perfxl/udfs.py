"""Worksheet-function-style scoring: positional arguments, error values instead of exceptions.

Each function takes what a cell can hold (numbers, text, ``None`` for an empty cell) and returns
a number, a text, ``""`` where the workbook's own formula shows "" (nothing to score), or an
Excel error value ("#VALUE!" for text where a number belongs, "#NUM!" for an unknown choice).
They wrap ``perfxl.scoring.rules`` and agree with the template's formulas; the Excel add-in
(``perfxl.addin``) exposes them as PERFXL.* functions.  Units: amounts in one unit (元 or 万元),
rates as fractions, scores and weights in 分.
"""
from __future__ import annotations

from typing import Any

from perfxl.layout import ACHIEVEMENT, DIRECTIONS, NATURES
from perfxl.scoring import rules

__all__ = ["execution_rate_score", "indicator_score", "grade", "VALUE", "NUM"]

VALUE = "#VALUE!"
NUM = "#NUM!"


class _Bad(Exception):
    def __init__(self, code: str) -> None:
        self.code = code


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v.strip() == "")


def _number(v: Any) -> float | None:
    """A numeric argument: blank -> None; number -> float; anything else -> #VALUE!."""
    if _blank(v):
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise _Bad(VALUE)
    return float(v)


def _choice(v: Any, allowed: tuple[str, ...]) -> str | None:
    if _blank(v):
        return None
    if not isinstance(v, str) or v.strip() not in allowed:
        raise _Bad(NUM)
    return v.strip()


def execution_rate_score(executed: Any, budget: Any, weight: Any) -> float | str:
    """预算执行率得分 = ROUND(分值 × min(全年执行数 ÷ 全年预算数, 1), 2) in 分 (domain.md §1.4).
    ``""`` when the budget or the weight is empty or the budget is 0 (the workbook shows "");
    "#VALUE!" when an argument is text."""
    try:
        ex, bu, w = _number(executed), _number(budget), _number(weight)
    except _Bad as bad:
        return bad.code
    score = rules.execution_score(rules.execution_rate(ex, bu), w)
    return "" if score is None else score


def indicator_score(nature: Any, direction: Any, target: Any, actual: Any, weight: Any,
                    achievement: Any = None, stated: Any = None, upper: Any = None,
                    framework: Any = None) -> float | str:
    """Score in 分 of one indicator row, as the template's 得分（计算） formula: 指标性质 (定量/定性),
    方向 (≥ ≤ = 区间), 指标值, 实际值, 分值, 达成程度, 得分（填报）, 区间上限, and optionally the
    framework id (its 定性 bands, e.g. ``hubei_project_2020``: 80/50).  ``""`` without a weight;
    "#VALUE!" for text in a number argument; "#NUM!" for an unknown 性质/方向/达成程度."""
    try:
        n = _choice(nature, NATURES)
        d = _choice(direction, DIRECTIONS)
        a = _choice(achievement, ACHIEVEMENT)
        t, act, w, st, up = (_number(x) for x in (target, actual, weight, stated, upper))
    except _Bad as bad:
        return bad.code
    from perfxl.scoring.bands import workbook_bands
    score = rules.indicator_score(n, d, t, act, w, a, st, up, bands=workbook_bands(framework))
    return "" if score is None else score


def grade(total: Any) -> str:
    """等级 of a total in 分: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差 (inclusive lower bounds,
    domain.md §1.8 [S1]); ``""`` for an empty cell, "#VALUE!" for text."""
    try:
        t = _number(total)
    except _Bad as bad:
        return bad.code
    return "" if t is None else (rules.grade(t) or "")
