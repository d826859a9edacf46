"""The scoring rules as pure functions of numbers: one function per rule, no model, no I/O.

Every score is rounded once, at the end, with ``perfxl.numbers.excel_round`` (Excel's ROUND: half
away from zero at 15 significant digits), so Python and the workbook's own formulas agree.
Weights and scores are in 分; rates, ratios and band edges are fractions (0.9679 = 96.79%).

* ``execution_score``: 预算执行率 — 分值 × min(执行率, 1) (domain.md §1.4 [S3, S4, S6, S9]).
* ``indicator_score``: one indicator row, the Python twin of ``perfxl.layout.
  INDICATOR_SCORE_FORMULA`` (定量 ≥ ≤ = 区间, domain.md §1.5; 定性 bands, §1.6).
* ``qualitative_band``: the band of a 达成程度 in 分.
* ``tier_score`` / ``deduct_score`` / ``proportional_score``: the rules of local indicator systems
  (domain.md §3.1 tier and deduction tables; seed 000 L228).
* ``grade``: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60, inclusive lower bounds (domain.md §1.8 [S1]).
"""
from __future__ import annotations

import math
from decimal import Decimal

from perfxl.frameworks.schema import DEFAULT_GRADES, Bands, GradeBand, Rule, Tier
from perfxl.numbers import excel_round
from perfxl.typed import TextNumber

__all__ = ["execution_rate", "execution_score", "indicator_score", "qualitative_band",
           "proportional_score", "tier_score", "deduct_score", "grade", "compare", "DEFAULT_BANDS"]

DEFAULT_BANDS = Bands()


def _d(x: float) -> Decimal:
    return Decimal(format(float(x), ".15g"))


def compare(a: float, op: str, b: float) -> bool:
    """``a <op> b`` on the 15-significant-digit values, as spreadsheets compare (engines.md:
    ``0.72/0.9 >= 0.8`` is TRUE in LibreOffice, FALSE in binary floating point)."""
    x, y = _d(a), _d(b)
    if x.is_nan() or y.is_nan():  # inf - inf of overflowing sums: no comparison holds (Excel: #NUM!)
        return op == "<>"
    return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y, "=": x == y,
            "<>": x != y}[op]


def execution_rate(executed: float | None, budget: float | None) -> float | None:
    """执行率 = 全年执行数 ÷ 全年预算数 (fraction); ``None`` when the budget is missing or 0 (the
    workbook shows ""); a blank 执行数 counts as 0, as in the workbook formula."""
    if budget is None or budget == 0:
        return None
    return (executed or 0.0) / budget


def execution_score(rate: float | None, weight: float | None) -> float | None:
    """预算执行率得分 = ROUND(分值 × max(0, min(执行率, 1)), 2) in 分; ``None`` without rate or
    weight.  A rate above 100% scores the full weight (the cap is not stated in any source [X];
    S6's "得分不得突破权重" supports it) — callers report the excess; a negative rate scores 0
    (a score is never below 0: domain.md §5 第 4 条, 得分 ∈ [0, 分值])."""
    if rate is None or weight is None:
        return None
    return excel_round(weight * max(0.0, min(rate, 1.0)), 2)


def qualitative_band(weight: float, achievement: str | None,
                     bands: Bands = DEFAULT_BANDS) -> tuple[float, float] | None:
    """(low, high) in 分 of the band of 达成 / 部分达成 / 未达成, else ``None``."""
    b = bands.band(achievement)
    return None if b is None else (weight * b[0], weight * b[1])


def _clip(x: float, lo: float, hi: float) -> float:
    return min(max(x, lo), hi)


def indicator_score(nature: str | None, direction: str | None, target: float | None,
                    actual: float | None, weight: float | None, achievement: str | None = None,
                    stated: float | None = None, upper: float | None = None, *,
                    applicable: str | None = None, bands: Bands = DEFAULT_BANDS) -> float | None:
    """Score in 分 of one indicator row; ``None`` where the workbook shows "" (不适用, no weight).

    * 定性 (domain.md §1.6): the stated score moved into the band of its 达成程度 (达成 80–100%,
      部分达成 60–80%, 未达成 0–60% of the weight; ``bands`` for variants such as 80/50 [S6]);
      without a 达成程度, the stated score capped to [0, weight].
    * 定量 without target or actual: the stated score capped to [0, weight].
    * ≥ 正向 (§1.5 [S5, S6]): weight × min(actual ÷ target, 1), floored at 0; target ≤ 0: full
      when actual ≥ target, else 0.
    * ≤ 反向: weight × min(target ÷ actual, 1), floored at 0; actual ≤ 0 scores full (C2: negative
      actuals count as 0).
    * = : full when actual = target; else 0 when target is 0, else as ≥ (C1).
    * 区间 [target, upper]: full inside; below: weight × actual ÷ target (0 when target ≤ 0);
      above: weight × upper ÷ actual (0 when upper ≤ 0); without ``upper``, as ≥.
    A blank direction is read as ≥.  Blank ``stated`` counts 0 (Excel's N()).
    """
    if applicable == "否" or weight is None:
        return None
    w = float(weight)
    # the workbook caps with MIN(…, N19): a 分值 typed as text ("10") is skipped there, as MIN
    # skips a text cell, while N19*0.8 reads it as 10 (perfxl.typed.TextNumber)
    cap = math.inf if isinstance(weight, TextNumber) else w
    st = float(stated) if isinstance(stated, (int, float)) and not isinstance(stated, bool) else 0.0
    if isinstance(stated, TextNumber):
        st = 0.0  # N(O19): text is 0
    if (nature or "") == "定性":
        band = qualitative_band(w, achievement, bands)
        if band is None:
            raw = _clip(st, 0.0, cap)
        else:
            raw = _clip(st, band[0], cap if bands.band(achievement)[1] == 1 else band[1])
        return excel_round(raw, 2)
    if target is None or actual is None:
        return excel_round(_clip(st, 0.0, cap), 2)
    t, a = float(target), float(actual)
    d = direction or ""
    if d == "≤":
        raw = w if compare(a, "<=", 0) else w * max(0.0, min(t / a, 1.0))
    elif d == "=":
        if compare(a, "=", t):
            raw = w
        elif compare(t, "=", 0):
            raw = 0.0
        else:
            raw = w * max(0.0, min(a / t, 1.0))
    elif d == "区间" and upper is not None:
        u = float(upper)
        if compare(a, "<", t):
            raw = 0.0 if compare(t, "<=", 0) else w * max(0.0, a / t)
        elif compare(a, "<=", u):
            raw = w
        else:
            raw = 0.0 if compare(u, "<=", 0) else w * min(1.0, u / a)
    else:
        if compare(t, "<=", 0):
            raw = w if compare(a, ">=", t) else 0.0
        else:
            raw = w * max(0.0, min(a / t, 1.0))
    return excel_round(raw, 2)


def proportional_score(value: float | None, weight: float) -> float | None:
    """weight × min(max(value, 0), 1), rounded; ``None`` without a value."""
    if value is None:
        return None
    return excel_round(weight * _clip(value, 0.0, 1.0), 2)


def tier_score(value: float | None, tiers: tuple[Tier, ...],
               resolve: dict[str, float | None] | None = None) -> tuple[float | None, Tier | None]:
    """The score of the first tier whose condition ``value <op> tier.value`` holds, with that
    tier; (None, None) when none holds (the caller applies ``otherwise``) or ``value`` is None.
    A tier value that is a measure name is looked up in ``resolve``; a missing one never holds."""
    if value is None:
        return None, None
    for t in tiers:
        bound = t.value
        if isinstance(bound, str):
            bound = (resolve or {}).get(bound)
            if bound is None:
                continue
        if compare(value, t.op, float(bound)):
            return t.score, t
    return None, None


def deduct_score(value: float | None, weight: float, rule: Rule) -> float | None:
    """weight − points × (steps beyond the limit), floored at 0 (e.g. "≤100% 满分，每超1个百分点
    扣0.5分": limit 1.0, per 0.01, points 0.5).  ``rule.steps``: ``exact`` counts part steps pro
    rata, ``ceil`` as whole steps, ``floor`` only whole steps."""
    if value is None or rule.limit is None:
        return None
    excess = (value - rule.limit) if rule.direction == "above" else (rule.limit - value)
    if compare(excess, "<=", 0):
        return excel_round(weight, 2)
    steps = float(_d(excess / rule.per))
    if rule.steps == "ceil":
        steps = math.ceil(steps)
    elif rule.steps == "floor":
        steps = math.floor(steps)
    return excel_round(max(0.0, weight - rule.points * steps), 2)


def grade(total: float | None, bands: tuple[GradeBand, ...] = DEFAULT_GRADES) -> str | None:
    """等级 of a total in 分: the first band whose inclusive lower bound the total reaches
    (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差; domain.md §1.8 [S1]).  ``None`` for ``None``."""
    if total is None:
        return None
    for b in sorted(bands, key=lambda b: -b.lower):
        if compare(total, ">=", b.lower):
            return b.grade
    return sorted(bands, key=lambda b: b.lower)[0].grade
