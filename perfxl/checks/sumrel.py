"""Sum relations shared by the PX1xx rules: a stated total against the sum of its parts.

A relation is wrong when the stated total is not the sum rounded to the decimals the total shows
(``compare.wrong``).  In a 万元 workbook every amount is itself rounded from 元, so a sum may
miss its total by the rounding of its parts: a difference within half a unit of the second
decimal per figure involved (``slack``) is reported by PX150 as a rounding-level warning
(尾差), a larger one by the relation's own rule as an error (seed 004: 924.72 + 265.4 + 1009.27
+ 2.94 = 2202.33 against 基本支出 2202.32 is a 尾差, seed-audit 004.X03).
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, NamedTuple

from perfxl.checks.compare import fmt_amount, fmt_num, rounded_amount, wrong
from perfxl.numbers import shown_decimals

__all__ = ["SumRel", "GENERATORS", "generator", "slack", "beyond_slack", "parts_text"]


class SumRel(NamedTuple):
    """``total`` (stated, at ``where``) should equal Σ ``parts``.

    ``what`` names the relation for messages (「基本支出经济分类的全年执行数」); ``total_label``
    names the stated cell (「基本支出全年执行数」); ``parts`` are (value, label) pairs;
    ``money`` says whether the figures are amounts (rounded in a 万元 workbook)."""

    what: str
    total: float
    where: tuple[str, str]
    total_label: str
    parts: tuple[tuple[float, str], ...]
    money: bool = True
    related: tuple[tuple[str, str], ...] = ()

    @property
    def sum(self) -> float:
        return float(sum(v for v, _ in self.parts))


def slack(rel: SumRel, unit: str) -> float:
    """The largest difference rounding can explain: in a 万元 workbook, half a unit of the last
    decimal (at least the second) of every figure involved; otherwise 0 (元 amounts, counts
    and weights are exact)."""
    if not rel.money or unit != "万元":
        return 0.0
    figs = [rel.total, *(v for v, _ in rel.parts)]
    return sum(0.5 * 10 ** -max(2, shown_decimals(v)) for v in figs)


def beyond_slack(rel: SumRel, unit: str) -> bool:
    return abs(rel.total - rel.sum) > slack(rel, unit) + 1e-9


def parts_text(rel: SumRel, limit: int = 8) -> str:
    """"3667.49 + 0.00 + 79.41 + 381.12" (at most ``limit`` parts, then "……")."""
    fmt = fmt_amount if rel.money else fmt_num
    shown = [fmt(v) for v, _ in rel.parts[:limit]]
    if len(rel.parts) > limit:
        shown.append(f"……共 {len(rel.parts)} 项")
    return " + ".join(shown)


def args(rel: SumRel) -> dict[str, str]:
    """Template arguments every sum rule offers: {what} {parts} {sum} {total} {total_label}."""
    fmt = fmt_amount if rel.money else fmt_num
    return {"what": rel.what, "parts": parts_text(rel), "sum": fmt(rel.sum),
            "total": fmt(rel.total), "total_label": rel.total_label}


def expected_actual(rel: SumRel) -> tuple[float, float]:
    if rel.money:
        return rounded_amount(rel.sum), rel.total  # type: ignore[return-value]
    return rel.sum, rel.total


#: rule code -> generator of the relations that rule checks (PX150 walks them all).
GENERATORS: dict[str, Callable[[object], Iterable[SumRel]]] = {}


def generator(code: str):
    """Register ``fn(ctx) -> Iterable[SumRel]`` as the relations of rule ``code``."""
    def deco(fn):
        GENERATORS[code] = fn
        return fn
    return deco


def errors(ctx, code: str) -> Iterator[SumRel]:
    """The relations of ``code`` that are wrong beyond rounding."""
    for rel in GENERATORS[code](ctx):
        if wrong(rel.total, rel.sum) and beyond_slack(rel, ctx.model.unit):
            yield rel


def rounding_only(ctx) -> Iterator[tuple[str, SumRel]]:
    """(code, relation) of every relation that is wrong only within the rounding slack."""
    for code, gen in sorted(GENERATORS.items()):
        for rel in gen(ctx):
            if wrong(rel.total, rel.sum) and not beyond_slack(rel, ctx.model.unit):
                yield code, rel
