"""Helpers shared by the PX6xx rule modules: showing figures, comparing at the stated precision."""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.draft.numbers import UNIT_SCALE, Figure
from perfxl.numbers import round_decimal

__all__ = ["shown", "quote", "sentence_of", "per_draft", "han_only",
           "place_of", "amount_in", "rate_text", "off", "quantize", "quantity_name"]


def han_only(s: str) -> str:
    """``s`` with only its Chinese characters (U+4E00–U+9FFF) kept: a name without quotes,
    spaces, digits or marks.  (What a regular expression of the negated class of U+4E00–U+9FFF
    removes, without compiling a class of 20,992 characters in every process, ~1 ms.)"""
    return "".join(c for c in s if "\u4e00" <= c <= "\u9fff")


class lazy_pattern:  # noqa: N801 - used like re.compile
    """``re.compile(pattern)`` done at first use, once: a rule that most drafts never reach (its
    cheap substring test fails first) does not pay its patterns' compile time when the command
    starts (compiling the CJK classes of every rule's patterns is most of the draft path's
    import cost; benchmarks/README.md, issue 23)."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, *args) -> None:
        self._args, self._compiled = args, None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def per_draft(fn):
    """``fn(ctx)`` derived once per draft: the first call's result (a generator's items as a
    list) is kept in ``ctx.memo`` (``perfxl.draft.engine.DraftCtx``) and returned to every later
    call.  For a function of the draft alone, whose result no caller changes: several rules
    read the same derived figures (the prose figures outside tables, the table restatements)
    and must not derive them again."""
    import functools
    import types

    @functools.wraps(fn)
    def once(ctx):
        memo = ctx.memo
        if fn not in memo:
            got = fn(ctx)
            memo[fn] = list(got) if isinstance(got, types.GeneratorType) else got
        return memo[fn]
    return once



def shown(doc, f: Figure) -> str:
    """The figure as written in the draft ("3244335.7 元")."""
    return doc.raw[f.start:f.end].strip()


def place_of(doc, pos: int, *, column: bool = True) -> str:
    """Where offset ``pos`` of the draft is, as a finding names it ("第 92 行", "第 3 段",
    "表 1 第 2 行第 3 列", or "表 1 第 2 行" without ``column``;
    ``perfxl.checks.finding.place_text``)."""
    from perfxl.checks.finding import place_text
    u = doc.units[doc.unit_at(pos)]
    return place_text(u.line, u.paragraph, u.table, u.row, u.col if column else None, u.page)


def sentence_of(doc, pos: int) -> tuple[int, int]:
    """The ``(start, end)`` span of ``Doc.sentences`` holding offset ``pos`` (the whole text
    when none begins before it)."""
    import bisect
    i = bisect.bisect_right(doc.sentences, (pos, float("inf"))) - 1
    return doc.sentences[i] if i >= 0 else (0, len(doc.flat))


def quote(doc, start: int, end: int) -> str:
    """The draft's words from ``start`` to ``end`` on one line, as a message quotes them."""
    return doc.raw[start:end].replace("\n", "")


def quantize(x: Decimal, places: int) -> Decimal:
    """Excel's ROUND (half away from zero) to ``places`` decimals (``perfxl.numbers``)."""
    return round_decimal(x, places)


def amount_in(x_yuan: Decimal, like: Figure) -> str:
    """An amount in 元 written in the unit and decimals of ``like`` ("210276.22 元")."""
    unit = like.unit if like.unit in UNIT_SCALE else "元"
    v = quantize(x_yuan / UNIT_SCALE[unit], max(like.places, 2 if unit == "元" else like.places))
    return f"{v} {'万元' if unit == '万' else ('亿元' if unit == '亿' else unit)}"


def rate_text(x: Decimal, places: int = 2) -> str:
    """A fraction as a percentage at ``places`` decimals ("0.71%")."""
    return f"{quantize(x * 100, places)}%"


def off(stated: Decimal, computed: Decimal, tol: Decimal) -> bool:
    """True when ``stated`` is not ``computed`` within ``tol`` (with a hair for binary noise)."""
    return abs(stated - computed) > tol + Decimal("1e-9")


def rounded_tol(f, *, yuan: bool = True, among=()) -> Decimal:
    """Half a unit of the last decimal written when ``f`` (a ``Figure``) was rounded to decimals
    (13.05 -> 0.005, in 元 when ``yuan``); for a whole number of 万元 / 亿元 half of that unit too
    (969 万元 is anything from 968.5 to 969.5 万元: an amount in 万元 is rounded from 元); 0 for
    any other whole number (a head count, a 分值, an amount in 元 written in full: exact as
    written).  A whole number beside a figure of its relation (``among``) written with decimals
    in the same unit is exact too (「预算 9 万元，上年 15.6 万元」: the writer shows decimals where
    there are any)."""
    if not f.places and (f.unit not in ("万元", "万", "亿元", "亿")
                         or any(g is not None and g.places and g.unit == f.unit for g in among)):
        return Decimal(0)
    return f.tol_yuan if yuan else f.tol


def quotient_tol(a: Decimal, ta: Decimal, b: Decimal, tb: Decimal) -> Decimal:
    """How far a ÷ b may move when a and b are each correctly rounded (half-units ``ta``,
    ``tb``): a ratio computed from the exact figures and printed beside their rounded values
    (13.05 and 11.75 for 13.0456 and 11.741: 90.00%, not 90.04%) is not an error."""
    b_low = abs(b) - tb
    if b_low <= 0:
        return Decimal("Infinity")
    return (ta + abs(a / b) * tb) / b_low


#: what ``quantity_name`` takes out: years and qualifiers anywhere, fillers at the start
_QUALIFIERS = re.compile(r"(?:19|20)\d\d\s*年度?|本年度?|当年|本期|全年度?|年末|期末|我单位|本单位|我局|本局|"
                         r"决算数?|数$")
_LEAD_FILLERS = re.compile(r"^(?:其中|的|和|及|与)+")


def quantity_name(label: str) -> str:
    """The quantity a label names: without years, the unit name and qualifiers that do not change
    it (PX611 and the table rules, PX624–PX626)."""
    s = _QUALIFIERS.sub("", label)
    s = _LEAD_FILLERS.sub("", s)
    return s
