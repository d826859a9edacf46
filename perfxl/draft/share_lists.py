"""The whole of a list of shares that names none (「…的具体构成为:A a万元,占 r1%;B b万元,占 r2%」,
「…支出决算中,A a万元,占 r1%;B b万元,占 r2%」) for PX605.

A share written only as 「占 R%」 has no whole of its own.  The whole is certain in two shapes,
and only then is the claim marked ``sure`` (PX605 says nothing about every other one):

* the sentence opens with 「X的(具体)构成为:」 and the draft gives the quantity named exactly X
  (本年收入, 本年收入合计) one value, before the list and with no other area named between;
* every part of the list has its share, the shares add to 100 % (the list is complete) and the
  parts add to an amount written just before the list (in its sentence or the one before it):
  that amount is the whole the parts make;
* every share names one whole the draft gives no amount, the shares add to 100 % and the parts
  add to exactly one value written before the list (lines up, under another name: 「实际完成
  采购金额」 for 「采购总量」) with no other area named between.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from perfxl.draft.share_whole import scope_changes

#: 「本年收入的具体构成为:」: the list's whole, named before its parts.
_MAKEUP = re.compile(r"(?P<w>[^,;。:：\s]{2,20}?)的?(?:具体)?(?:构成|组成)(?:情况)?(?:为|是|如下)?\s*[:：]")
#: How far back (characters) the named whole is looked for.
_REACH = 1000


def _whole_by_name(out, name: str, part, sentence: tuple[int, int]):
    """The one current-year amount the draft names exactly ``name`` (合计 / 总计 aside), written
    before ``part`` within ``_REACH``; ``None`` when the draft gives that name no value or two."""
    year = out.doc.year
    hits = [(f, s) for f, s in out.amounts
            if f.start not in out.prior and f.year in (None, year) and "上年" not in f.label
            and re.sub(r"\s+|合计$|总计$|总额$", "", f.label) == name]
    if len({f.value_yuan for f, _s in hits}) != 1:
        return None
    before = [(f, s) for f, s in hits if f.end <= sentence[0] and part.start - f.start <= _REACH]
    if not before:
        return None
    whole, own = before[-1]
    if scope_changes(out.doc.flat, own, whole.end, sentence[1]):
        return None
    return whole


def _whole_of_complete_list(out, shares, sentence: tuple[int, int], prev: tuple[int, int] | None):
    """The amount the parts of a complete list of shares add to, written before the list in
    its sentence or the one before; ``None`` unless the shares add to 100 %."""
    if not _adds_to_100(shares):
        return None
    parts = [c.figures[0] for c in shares]
    total = sum((p.value_yuan for p in parts), Decimal(0))
    tol = sum((p.tol_yuan for p in parts), Decimal(0))
    lo = prev[0] if prev else sentence[0]
    for f, _s in reversed(out.amounts):
        if f.start >= parts[0].start or f.start < lo:
            continue
        if f.start in out.prior or "上年" in f.label:
            continue
        if abs(f.value_yuan - total) <= tol + f.tol_yuan:
            return f
    return None


def _whole_of_named_list(out, shares, sentence: tuple[int, int]):
    """The whole of a complete list of shares that all name one whole the draft gives no amount
    (「市级 a 亿元，占采购总量的 r1%；区县级 b 亿元，占采购总量的 r2%」, the total written lines
    up as 「实际完成采购金额 T 亿元」): the shares add to 100 % (the parts are all of it), and the
    parts add to exactly one value written before the list within ``_REACH``, with no other area
    named between; else ``None``."""
    subject = "".join(shares[0].subject.split())
    if len(subject) < 2 or any("".join(c.subject.split()) != subject for c in shares):
        return None
    if any(subject in "".join(f.label.split()) for f, _s in out.amounts):
        return None  # the name has an amount of its own: the name look-ups decide
    parts = [c.figures[0] for c in shares]
    total = sum((p.value_yuan for p in parts), Decimal(0))
    tol = sum((p.tol_yuan for p in parts), Decimal(0))
    hits = [(f, s) for f, s in out.amounts
            if parts[0].start - _REACH <= f.start < sentence[0] and f.start not in out.prior
            and "上年" not in f.label and abs(f.value_yuan - total) <= tol + f.tol_yuan]
    if len({f.value_yuan for f, _s in hits}) != 1:
        return None  # no amount the parts make, or two candidates
    whole, own = hits[-1]
    # up to the first part's name: the parts' own names are levels (市级, 区县级), no other area
    if scope_changes(out.doc.flat, own, whole.end, parts[0].label_start or parts[0].start):
        return None
    return whole


def _adds_to_100(shares) -> bool:
    rates = sum((c.figures[2].value for c in shares), Decimal(0))
    slack = sum((c.figures[2].tol for c in shares), Decimal(0))
    parts = [c.figures[0] for c in shares]
    return (len(shares) >= 2 and abs(rates - 100) <= slack
            and len({p.start for p in parts}) == len(parts))


def list_wholes(out) -> None:
    """Give the shares of a list that names no whole their certain whole, in place."""
    flat = out.doc.flat
    sentences = sorted({s for _f, s in out.amounts})
    where = {f.start: s for f, s in out.amounts}
    groups: dict[tuple[int, int], list[int]] = {}
    named: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(out.claims):
        if (c.kind == "share" and c.figures[1] is None and c.basis == "%"
                and c.figures[0].start in where):
            (named if c.subject.strip() else groups).setdefault(
                where[c.figures[0].start], []).append(i)
    found: list[tuple[list[int], object]] = []
    for sentence, todo in named.items():
        shares = [out.claims[i] for i in todo]
        if _adds_to_100(shares):
            found.append((todo, _whole_of_named_list(out, shares, sentence)))
    for sentence, todo in groups.items():
        shares = [out.claims[i] for i in todo]
        first = shares[0].figures[0]
        lead = _MAKEUP.search(flat, sentence[0], first.label_start or first.start)
        if lead:
            whole = _whole_by_name(out, lead.group("w"), first, sentence)
        else:
            k = sentences.index(sentence)
            whole = _whole_of_complete_list(out, shares, sentence, sentences[k - 1] if k else None)
        found.append((todo, whole))
    for todo, whole in found:
        for i in todo if whole is not None else ():
            c = out.claims[i]
            out.claims[i] = replace(c, figures=(c.figures[0], whole, c.figures[2]),
                                    sure=True, others=())
