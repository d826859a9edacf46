"""PX640 / PX645: the parts of a change against the change of their whole (issue 20, class 5).

「“三公”经费较年初预算数减少 4 万元……其中：公务用车购置及运行维护费……较年初预算数减少 4 万元；
公务接待费……较年初预算数减少 1 万元」: a whole's change against a base (较上年 / 比预算数 /
较年初预算数) is the sum of its parts' changes against the same base.  The parts are the changes
of that same base listed after it — behind 其中 / 主要是 / 分别为 up to the end of that sentence
(each a 「较年初预算数减少 C」 of its own, or a bare 「A 减少 C」 when the whole is the only
change before the list), or, for a whole made of named parts by definition
(``perfxl.glossary.QUANTITY_PARTS``: “三公”经费), the paragraphs after it, one part each.

What the parts *not* listed may have done decides what is certain (``_verdict``):

* all the whole's parts by definition are listed: their changes add up to the whole's — PX640;
* the parts not listed spent 0 this year (the draft's own breakdown of the whole says so): their
  change against any base is 0 − base ≤ 0, so the listed parts' changes add up to at least the
  whole's (a decrease of the listed parts larger than the whole's is impossible) — PX640;
* otherwise an unlisted part may have moved the other way: only listed parts that all move the
  whole's way and add up to more than the whole are reported, as a warning — PX645.

Figures are compared with each written figure's rounding (``perfxl.draft.common.rounded_tol``:
whole 万元 are exact when the list writes decimals elsewhere).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.claims import DOWN, FLAT, UP, Claim
from perfxl.draft.common import amount_in, quote, rounded_tol, shown
from perfxl.draft.numbers import Figure, open_paren
from perfxl.draft.quantities import stage_of, synonym
from perfxl.draft.units import money_in
from perfxl.glossary import QUANTITY_PARTS

#: the bases a change is measured against, one spelling each
_BASES = {"上年度": "上年", "上一年度": "上年", "上一年": "上年", "去年": "上年", "年初": "年初预算"}
#: words that open a list of the parts of what was just said
_ANCHOR = re.compile(r"其中\s*[:,]?|主要(?:是|为|系|包括)\s*[:,]?|分别(?:是|为)\s*[:,]?")
#: the direction words of a change (``claims``), those of one character (多, 少, 减) left out:
#: inside a name they are no direction
_MOVES = "|".join(sorted((w for w in UP + DOWN if len(w) > 1), key=len, reverse=True))
#: where an item's name ends: its first figure, its comparison or its direction word
_NAME_END = re.compile(r"\d|较|比|与|同比|环比|相比|持平|" + _MOVES)
_YEAR = re.compile(r"(?:19|20)\d\d\s*年度?")
_NAME_JUNK = re.compile(r"^(?:其中|主要(?:是|为|系|包括)|分别(?:是|为)|经比较|经对比|[,:;、\s])+|\s+")
#: a clause that says something of the item named before it (「占年初预算的 25%」)
_NO_NAME = re.compile(r"占|完成|实现|主要|同比|环比")
#: a whole of ``QUANTITY_PARTS`` by its name as prose writes it
_WHOLES = (("“三公”经费", re.compile(r"三公")),
           ("公务用车购置及运行维护费", re.compile(r"(?:公务用车|公车)购置及?运行")))
#: a bare signed part 「A 减少 C」 after the list's anchor (a direction word right before it)
_SIGN = re.compile(r"(?P<w>" + _MOVES + r")了?\s*$")


def _whole_of(name: str | None) -> str | None:
    """The ``QUANTITY_PARTS`` whole a prose name stands for, or ``None``."""
    return next((w for w, rx in _WHOLES if name and rx.search(name)), None)


def _part_of(name: str | None, whole: str) -> str | None:
    """The pattern of ``QUANTITY_PARTS[whole]`` a prose name (after the glossary's synonyms:
    「公务用车购置及运行费」 is 公务用车购置及运行维护费) matches, or ``None``."""
    if not name:
        return None
    s = synonym(name)
    return next((p for p in QUANTITY_PARTS[whole] if re.search(p, s)), None)


def _clause_start(flat: str, lo: int, i: int) -> int:
    """Where the clause ending at ``i`` starts: after the nearest , ; : 、 。 outside parentheses,
    or after a "(" left open (no further back than ``lo``)."""
    depth = 0
    for k in range(i - 1, lo - 1, -1):
        ch = flat[k]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return k + 1
            depth -= 1
        elif depth == 0 and ch in ",;:、。":
            return k + 1
    return lo


def _item(flat: str, lo: int, pos: int) -> tuple[str | None, int | None]:
    """(name, year) of the item a figure at ``pos`` is said of: the words opening the nearest
    clause before it that opens with words (「公务用车购置及运行维护费 21 万元,较上年减少 16 万元,
    较年初预算数减少 4 万元」: the third clause's item is the first's), never looking past a
    ``;`` / ``。`` or ``lo``."""
    i = pos
    while i > lo:
        j = _clause_start(flat, lo, i)
        text = flat[j:i]
        m = _YEAR.search(text)
        year = int(m.group(0)[:4]) if m else None
        words = _NAME_JUNK.sub("", _YEAR.sub("", text))
        stop = _NAME_END.search(words)
        name = _NAME_JUNK.sub("", words[:stop.start()] if stop else words)
        if name and not _NO_NAME.match(name):
            return name, year
        if j <= lo or flat[j - 1] in ";。":
            return None, None
        i = j - 1
    return None, None


def _basis(c: Claim, flat: str) -> str:
    """The base a change is measured against, with the stage written after it: 「较上年决算数」
    and 「较上年预算数」 are two bases, 「较上年」 a third (what it means is the text's)."""
    if not c.basis:
        return ""
    at = flat.rfind(c.basis, c.span[0], c.figures[2].start)
    after = flat[at + len(c.basis):c.figures[2].start] if at >= 0 else ""
    stage = next((w for w in ("决算", "执行", "预算") if w in after and w not in c.basis), "")
    return _BASES.get(c.basis, c.basis) + stage


def _signed(c: Claim) -> Decimal:
    amount = c.figures[2]
    return -amount.value_yuan if c.words in DOWN else amount.value_yuan


@dataclass(frozen=True)
class _Part:
    name: str
    figure: Figure
    value: Decimal  # signed, in 元
    year: int | None = None


@dataclass(frozen=True)
class _Whole:
    claim: Claim
    name: str | None
    year: int | None
    value: Decimal  # signed, in 元


def _sentence_year(ctx, pos: int) -> int | None:
    """The first year written in the sentence holding ``pos``, or ``None``."""
    for a, b in ctx.doc.sentences_in(*ctx.doc.paragraphs[_para(ctx, pos)]):
        if a <= pos < b:
            m = _YEAR.search(ctx.doc.flat, a, b)
            return int(m.group(0)[:4]) if m else None
    return None


def _para(ctx, pos: int) -> int:
    """Index of the paragraph holding offset ``pos``."""
    paras = ctx.doc.paragraphs
    return max(0, bisect.bisect_right(paras, (pos, float("inf"))) - 1)


def _changes(ctx) -> list[Claim]:
    """The change claims with an amount of money, a base and a direction."""
    return [c for c in ctx.claims.of("change") if c.figures[2] is not None
            and c.figures[2].money and c.basis and c.words not in FLAT]


_OPENS_LIST = re.compile(r"\s*其中\s*[:,]")


def _anchors(flat: str, paras, k: int, at: int):
    """The anchors after offset ``at`` in paragraph ``k``, then the 其中 a next paragraph opens
    with (「……较上年减少 3 万元。」 / 「其中：……」: one list cut by a line break)."""
    pa, pb = paras[k]
    yield from ((m, (pa, pb)) for m in _ANCHOR.finditer(flat, at, pb))
    if k + 1 < len(paras):
        qa, qb = paras[k + 1]
        if _OPENS_LIST.match(flat, qa):
            yield _ANCHOR.search(flat, qa, qb), (qa, qb)


def _listed(ctx, w: Claim, changes: list[Claim]) -> list[_Part] | None:
    """The parts listed after ``w`` behind an anchor (其中 / 主要是 / 分别为) up to the end of
    the anchor's sentence (in ``w``'s paragraph or a next one opening with 其中), or ``None``."""
    flat, paras = ctx.doc.flat, ctx.doc.paragraphs
    k = _para(ctx, w.span[1] - 1)
    base = _basis(w, flat)
    for m, (pa, pb) in _anchors(flat, paras, k, w.span[1]):
        end = next((b for a, b in ctx.doc.sentences_in(pa, pb) if a <= m.start() < b), pb)
        between = [c for c in changes if w.span[1] <= c.figures[2].start < m.start()]
        if any(_basis(c, flat) == base for c in between):
            return None  # another change of this base comes first: the list is its
        # a part's own parts in parentheses (「公务用车购置及运行费 500 万元（购置费……）」) are not
        # the whole's
        own = [c for c in changes if m.end() <= c.figures[2].start < end
               and open_paren(flat, m.end(), c.figures[2].start) is None]
        parts: list[_Part] = []
        if own:
            for c in own:
                if _basis(c, flat) != base:
                    continue
                name, year = _item(flat, m.start(), c.figures[2].start)
                if name is None:
                    return None
                parts.append(_Part(name, c.figures[2], _signed(c), year))
        elif not between and "。" not in flat[w.span[1]:m.start()]:
            # 「较年初预算数减少 4 万元，其中 A 减少 4 万元，B 减少 1 万元」: bare signed parts
            figs = [f for f, _s in ctx.claims.amounts if m.end() <= f.start < end
                    and open_paren(flat, m.end(), f.start) is None]
            for f in figs:
                s = _SIGN.search(flat, max(m.end(), f.start - 6), f.start)
                if s is None:
                    return None  # an amount that is no change: what the list holds is unclear
                name, year = _item(flat, m.start(), s.start())
                if name is None:
                    return None
                v = -f.value_yuan if s.group("w") in DOWN else f.value_yuan
                parts.append(_Part(name, f, v, year))
        parts = _without_nested(flat, m.end(), end, parts)
        if parts is None:
            return None
        if len(parts) >= 2:
            return parts
        if parts or own:
            return None
    return None


#: a 其中 inside a list: it breaks down the item right before it
_INNER = re.compile(r"其中\s*[:,]?")


def _without_nested(flat: str, a: int, b: int, parts: list[_Part]) -> list[_Part] | None:
    """``parts`` (listed between ``a`` and ``b``) without the items of a 其中 inside the list (「其中：
    公务用车购置及运行维护费增加 6.32 万元；其中：购置费增加 0 万元，运行维护费增加 6.32 万元；公务接待费
    增加 20.63 万元」: 0 and 6.32 are the changes of the item before that 其中, not more parts of
    the whole): the items after it whose changes add up to that item's; ``None`` when they never
    do (which items are whose cannot be told)."""
    rest = list(parts)
    for m in _INNER.finditer(flat, a, b):
        if open_paren(flat, a, m.start()) is not None:
            continue
        host = [p for p in rest if p.figure.end <= m.start()]
        if not host:
            continue
        inner, acc, met = [], Decimal(0), False
        for p in (p for p in rest if p.figure.start > m.start()):
            inner.append(p)
            acc += p.value
            slack = sum((rounded_tol(q.figure) for q in (host[-1], *inner)), Decimal(0))
            if abs(acc - host[-1].value) <= slack + Decimal("1e-9"):
                met = True
                break
        if not met:
            return None
        rest = [p for p in rest if p not in inner]
    return rest


def _following(ctx, w: Claim, whole: str, changes: list[Claim]) -> list[_Part] | None:
    """For a whole made of parts by definition: the changes of the same base in the paragraphs
    after ``w``, one per part (「一、因公出国(境)经费」 / 「……比预算数减少 31 万元」 / …), up to a
    change of that base said of anything else."""
    flat = ctx.doc.flat
    k = _para(ctx, w.span[1] - 1)
    start = ctx.doc.paragraphs[k][1]
    parts: list[_Part] = []
    for c in changes:
        if c.figures[2].start < start or _basis(c, flat) != _basis(w, flat):
            continue
        pa, _pb = ctx.doc.paragraphs[_para(ctx, c.figures[2].start)]
        name, year = _item(flat, pa, c.figures[2].start)
        if _part_of(name, whole) is None:
            break
        parts.append(_Part(name, c.figures[2], _signed(c), year))
    return parts if len(parts) >= 2 else None


def _spent(ctx, w: _Whole, whole: str) -> dict[str, tuple[set[Decimal], str]]:
    """This year's amount of each part of ``whole`` in the draft's own breakdowns of it (「“三公”
    经费 41 万元，其中：因公出国(境)费 0 万元，……」), by part pattern, with the part's name as
    the draft writes it: the breakdown's total is the whole's current amount, or — when the
    change states none — is named as the whole in the same year."""
    flat, cur = ctx.doc.flat, w.claim.figures[0]
    out: dict[str, tuple[set[Decimal], str]] = {}
    for c in ctx.claims.of("breakdown"):
        if c.words not in ("其中", "其中…"):
            continue
        total, *parts = c.figures
        if cur is not None:
            if total.value_yuan != cur.value_yuan:
                continue
        else:
            name, year = _item(flat, ctx.doc.paragraphs[_para(ctx, total.start)][0], total.start)
            year = year or _sentence_year(ctx, total.start)
            if _whole_of(name) != whole or year is None or year != w.year:
                continue
        for p in parts:
            pname, _y = _item(flat, c.span[0], p.start)
            pattern = _part_of(pname, whole)
            if pattern is not None:
                out.setdefault(pattern, (set(), pname))[0].add(p.value_yuan)
    return out


def _verdict(ctx, w: _Whole, parts: list[_Part]) -> tuple[str, str] | None:
    """(rule, why) when the parts cannot be the whole's, else ``None``."""
    figs = [w.claim.figures[2], *(p.figure for p in parts)]
    # the amounts written from the whole's sentence to the list's end: where the writer shows
    # decimals (「较上年减少 2.5 万元」), a whole 万元 of the list is exact, not rounded
    lo = next((a for a, b in ctx.doc.sentences if a <= w.claim.span[0] < b), w.claim.span[0])
    hi = max(f.end for f in figs)
    among = figs + [f for f, _s in ctx.claims.amounts if lo <= f.start < hi]
    tol = sum((rounded_tol(f, among=among) for f in figs), Decimal(0)) + Decimal("1e-9")
    s = sum((p.value for p in parts), Decimal(0))
    whole = _whole_of(w.name)
    names = [_part_of(p.name, whole) for p in parts] if whole else []
    if whole and None not in names and len(set(names)) == len(names):
        rest = [n for n in QUANTITY_PARTS[whole] if n not in names]
        if not rest:
            if abs(w.value - s) > tol:
                return "PX640", f"{'、'.join(p.name for p in parts)}就是{whole}的全部组成项，" \
                                f"各项的增减之和应等于合计的增减"
            return None
        spent = _spent(ctx, w, whole)
        if all(spent.get(n, (None,))[0] == {Decimal(0)} for n in rest):
            if s < w.value - tol:  # the unlisted parts can only have gone down
                unlisted = "、".join(spent[n][1] for n in rest)
                more = "多减少" if w.value < 0 else "少增加"
                return "PX640", f"未列出的{unlisted}本年为 0，其增减只能是减少或不变，" \
                                f"所列各项合计不能比合计{more}"
            return None
    same_way = all((p.value < 0) == (w.value < 0) for p in parts)
    if same_way and abs(s) > abs(w.value) + tol:
        return "PX645", "其中各项与合计同向变动，各项之和却超过合计"
    return None


_MESSAGE = ("“{quote}”：{subject}{basis_text}{direction} {stated}，而所列各项 {parts} 合计{sum_text}；"
            "{why}；请核对合计或各项的增减")


def _lists(ctx) -> list[tuple[_Whole, list[_Part]]]:
    """Every change of a whole with the parts listed for it; a change that is itself a listed
    part of another is no whole (the list after it, 「主要是……」, explains it)."""
    memo = ctx.memo.get("change_parts")
    if memo is not None:
        return memo
    changes = _changes(ctx)
    flat, paras = ctx.doc.flat, ctx.doc.paragraphs
    found: list[tuple[_Whole, list[_Part]]] = []
    for w in changes:
        k = _para(ctx, w.span[1] - 1)
        name = w.subject or _item(flat, paras[k][0], w.figures[2].start)[0]
        cur = w.figures[0]
        year_m = _YEAR.search(w.subject or "")
        year = (int(year_m.group(0)[:4]) if year_m else
                (cur.year if cur is not None and cur.year else
                 _sentence_year(ctx, w.figures[2].start)))
        parts = _listed(ctx, w, changes)
        defined = _whole_of(name)
        if (parts is None and defined is not None and "其中" not in flat[w.span[1]:paras[k][1]]
                and not (k + 1 < len(paras) and _OPENS_LIST.match(flat, paras[k + 1][0]))):
            parts = _following(ctx, w, defined, changes)
        if parts:
            found.append((_Whole(w, name, year, _signed(w)), parts))
    listed = {p.figure.start for _w, parts in found for p in parts}
    out = ctx.memo["change_parts"] = [(w, parts) for w, parts in found
                                      if w.claim.figures[2].start not in listed]
    return out


def _hits(ctx, code: str):
    for whole, parts in _lists(ctx):
        w = whole.claim
        name = whole.name or ""
        # parts of another stage or year are no parts of this change
        stage = stage_of(name)
        if any(stage and stage_of(p.name) and stage_of(p.name) != stage for p in parts):
            continue
        if whole.year and any(p.year and p.year != whole.year for p in parts):
            continue
        got = _verdict(ctx, whole, parts)
        if got is None or got[0] != code:
            continue
        s = sum((p.value for p in parts), Decimal(0))
        amount = w.figures[2]
        (want, have), unit = money_in(amount, s, whole.value)
        yield Hit(w.span, expected=want, actual=have, unit=unit,
                  args={"quote": quote(ctx.doc, w.span[0], w.span[1]),
                        "subject": _whole_of(name) or (
                            _NAME_JUNK.sub("", _YEAR.sub("", name)) or "合计"),
                        "basis_text": "较" + w.basis,
                        "direction": "减少" if whole.value < 0 else "增加",
                        "stated": shown(ctx.doc, amount),
                        "parts": "、".join(f"{p.name}{'减少' if p.value < 0 else '增加'} "
                                          f"{shown(ctx.doc, p.figure)}" for p in parts),
                        "sum_text": ("减少 " if s < 0 else "增加 ") + amount_in(abs(s), amount),
                        "why": got[1]})


@rule("PX640", "draft-change-parts", "error", title="各项的增减与合计的增减不符（同一对比基数）",
      message=_MESSAGE,
      cases=[fails("三项俱全，各项较预算减少之和不等于合计", at="1", expected=-120,
                   text="本单位“三公”经费支出 300 万元，比预算数减少 150 万元。\n"
                        "一、因公出国(境)费 20 万元，比预算数减少 10 万元。\n"
                        "二、公务接待费 80 万元，比预算数减少 60 万元。\n"
                        "三、公务用车购置及运行维护费 200 万元，比预算数减少 50 万元。"),
             passes("三项俱全，之和等于合计",
                    text="本单位“三公”经费支出 300 万元，比预算数减少 120 万元。\n"
                         "一、因公出国(境)费 20 万元，比预算数减少 10 万元。\n"
                         "二、公务接待费 80 万元，比预算数减少 60 万元。\n"
                         "三、公务用车购置及运行维护费 200 万元，比预算数减少 50 万元。"),
             fails("未列出的一项本年为 0，所列两项减少之和超过合计", at="2", expected=-3.5,
                   text="2023年“三公”经费 12.5 万元，其中：因公出国(境)费 0 万元，公务接待费 4.5 万元，"
                        "公务用车购置及运行维护费 8 万元。\n2023年“三公”经费较年初预算减少 2.5 万元。其中：公务接待费"
                        "较年初预算减少 1.5 万元；公务用车购置及运行维护费较年初预算减少 2 万元。"),
             passes("未列出的一项本年为 0，所列两项减少之和小于合计（差额可以是它的预算）",
                    text="2023年“三公”经费 12.5 万元，其中：因公出国(境)费 0 万元，公务接待费 4.5 万元，"
                         "公务用车购置及运行维护费 8 万元。\n2023年“三公”经费较年初预算减少 4.5 万元。其中：公务接待费"
                         "较年初预算减少 1.5 万元；公务用车购置及运行维护费较年初预算减少 2 万元。"),
             passes("各项写的是另一个对比基数（较上年），不与较预算的合计相比",
                    text="“三公”经费 30 万元，较上年减少 6 万元，较预算减少 2 万元。其中：公务接待费较上年减少 4 万元；"
                         "公务用车购置及运行维护费较上年减少 2 万元。")])
def change_parts(ctx):
    """合计较某一基数（上年、预算数、年初预算数）的增减，等于其各组成项较同一基数的增减之和。
    各项是合计之后“其中 / 主要是 / 分别为”所列、同一基数的增减（同一段或以“其中”开头的下一段，
    到该句句号为止；括号里是某一项自己的细项，不算），或按定义由
    几项组成的合计（“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；
    公务用车购置及运行维护费 = 购置费 + 运行维护费，``perfxl.glossary.QUANTITY_PARTS``）其后
    各段逐项写的同一基数的增减。

    需要确定（否则不报告，或只由 PX645 警告）：各项与合计是同一基数（“较上年”不与“较年初
    预算”相比）、同一阶段；并且
    - 合计按定义的各组成项都已列出：各项增减之和（减少记负）应等于合计的增减；或
    - 未列出的组成项在报告自己对合计的分项（“其中：因公出国(境)费 0 万元……”，合计与增减句的
      本年数相同或同名同年）中本年为 0：它较任何基数只能减少或不变，所列各项的增减之和不能
      比合计更小（减少不能比合计减少得多，增加不能比合计增加得少）。
    比较时每个数按所写末位四舍五入的范围放宽（万元整数在同一列举中别处写了小数时视为精确）。

    合格：“‘三公’经费比预算数减少 120 万元”，三项分别减少 10、60、50 万元。
    不合格：“较年初预算数减少 4 万元……其中：公务用车购置及运行维护费较年初预算数减少 4 万元；
    公务接待费较年初预算数减少 1 万元”，而因公出国（境）费本年为 0。
    """
    yield from _hits(ctx, "PX640")


@rule("PX645", "draft-change-parts-exceed", "warning",
      title="所列各项的增减同向且之和超过合计的增减", message=_MESSAGE,
      cases=[fails("“其中”两项减少之和超过合计的减少", at="1", expected=-5,
                   text="本年商品和服务支出较年初预算减少 4.00 万元，其中办公费减少 3.00 万元，差旅费减少 2.00 万元。"),
             passes("两项之和不超过合计（可能还有未列出的项）",
                    text="本年商品和服务支出较年初预算减少 4.00 万元，其中办公费减少 2.00 万元，差旅费减少 1.00 万元。"),
             passes("两项方向不同，不判断",
                    text="本年商品和服务支出较年初预算减少 4.00 万元，其中办公费减少 6.00 万元，差旅费增加 1.00 万元。")])
def change_parts_exceed(ctx):
    """“合计较上年减少 4 万元，其中 A 减少 3 万元、B 减少 2 万元”：各项与合计同向，之和（5 万元）
    超过合计（4 万元），只有未列出的项反向变动才说得通。未列出的项可能确有反向变动，故为警告；
    各项方向不一、或之和不超过合计时不报告。能确定未列项不会反向变动时由 PX640 报错误。
    列举中又有“其中”（“公务用车购置及运行维护费增加 6.32 万元；其中：购置费增加 0 万元，运行维护费
    增加 6.32 万元；公务接待费……”）时，它之后增减之和等于前一项增减的那几项是前一项的分项，
    不与前一项一起计入（PX640 同此）；凑不出前一项的增减时不能确定各项归属，不报告。

    合格：“较年初预算减少 4 万元，其中办公费减少 2 万元，差旅费减少 1 万元”。
    不合格（警告）：“较年初预算减少 4 万元，其中办公费减少 3 万元，差旅费减少 2 万元”。
    """
    yield from _hits(ctx, "PX645")
