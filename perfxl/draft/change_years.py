"""The two figures of a change claim that writes neither (「2022年三公经费决算数较上年增加 C 万元」)
from the prose before it: the draft's amounts of the same quantity labelled with the claim's
year and with the year before (「2022年的三公经费决算数合计为 B 万」「2021年的三公经费决算数合计
为 A 万」), for PX601–PX603.

Both are certain only when the draft gives the quantity exactly one value for each of the two
years, and both are written before the claim; otherwise the claim keeps no figures (no finding).
"""
from __future__ import annotations

import re

from perfxl.draft.common import quantity_name

_LAST_YEAR = ("上年", "上年度", "去年", "上一年", "上一年度")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


def _name(label: str) -> str:
    """The quantity a label names, without years, quotation marks, the area before 的 and a
    trailing 合计 / 总计 / 总额 (「鄂城区的“三公”经费决算数合计」 → 三公经费)."""
    s = re.sub(r"[\s“”\"'‘’「」]", "", label or "")
    s = quantity_name(s)
    s = s.rsplit("的", 1)[-1]
    return re.sub(r"(?:合计|总计|总额)$", "", s)


def from_prose(ctx, c):
    """(current, prior) figures for change claim ``c`` from earlier prose, or ``None``."""
    if c.basis not in _LAST_YEAR:
        return None
    name = _name(c.subject)
    if len(name) < 3:
        return None
    m = _YEAR.search(c.subject)
    year = int(m.group(1)) if m else ctx.doc.year
    if year is None:
        return None
    out = ctx.claims
    by_year: dict[int, list] = {year: [], year - 1: []}
    for f, _s in out.amounts:
        if f.year in by_year and _name(f.label) == name:
            if f.year == year and f.start in out.prior:
                continue
            by_year[f.year].append(f)
    picked = []
    for y in (year, year - 1):
        got = by_year[y]
        if len({f.value_yuan for f in got}) != 1 or got[0].start >= c.span[0]:
            return None
        picked.append(got[0])
    return tuple(picked)


_RELATIVE = re.compile(r"^(?:本年度?|当年|上年度?|去年|上一年度?)")
_LAST_LABEL = re.compile(r"^\s*[“\"]?(?:上年度?|去年|上一年度?)")


def prior_from_prose(ctx, c, cur):
    """The prior-year figure of change claim ``c`` that writes its current amount ``cur`` but
    no base (「本年“三公”经费支出 15.00 万元，较上年下降 20%」), from the prose before it: the draft's
    one value of the same quantity labelled 上年 (or the year before the report's), else ``None``."""
    year = ctx.doc.year
    if c.basis not in _LAST_YEAR or year is None:
        return None
    name = _RELATIVE.sub("", _name(cur.label))
    if len(name) < 3:
        return None
    got = [(f, sent) for f, sent in ctx.claims.amounts
           if f.end <= cur.start and (f.year == year - 1 or (f.year is None and _LAST_LABEL.match(f.label)))
           and _RELATIVE.sub("", _name(f.label)) == name]
    if len({f.value_yuan for f, _s in got}) != 1:
        return None
    f, sent = got[0]
    if any(g is not f and (not g.label.strip() or name in _name(g.label))
           for g, s2 in ctx.claims.amounts if s2 == sent):
        return None  # another amount of its sentence may be the same quantity (「（含结转）B」)
    return f
