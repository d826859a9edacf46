"""PX661: a total whose parts come in the following sentences, tied by their counts.

「签约 N 个项目，总投资 X 亿元。正式签约 a 个，总投资 P 亿元。意向签约 b 个，总投资 Q 亿元。」
with a + b = N: the sentences after the total split its N items into kinds, so their amounts
of the same name make X.  Only the exact count ties them; anything less is silent.
"""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import amount_in, han_only, off, shown
from perfxl.draft.numbers import tolerance

#: a paragraph worth reading: three counts of items at least (the total's and two parts')
_COUNTS = re.compile(r"\d\s*(?:个|项|家)")
#: characters every kind of item shares, no sign that one name is a kind of another
_PLAIN = frozenset("项目个家完成实现共计其中的了和及与已在有等")
_CLAUSE = re.compile(r"[,;:]")


def _label(f) -> str:
    return han_only(f.label)


def _kin(part: str, total: str) -> bool:
    """The part's count name shares a word character with the total's (签约 / 正式签约 /
    签订意向协议), beyond the characters every count name has."""
    return bool((set(part) & set(total)) - _PLAIN)


def _part(flat: str, a: int, figs: list, name: str):
    """(count, amount) of a sentence that opens with a count of items and gives exactly one
    amount called ``name``, or ``None``."""
    if not figs or not figs[0].count or _CLAUSE.search(flat, a, figs[0].start):
        return None
    named = [f for f in figs if f.money and _label(f) == name]
    if len(named) != 1 or figs[0].start > named[0].start:
        return None
    return figs[0], named[0]


@rule("PX661", "draft-count-parts", "warning", title="后文按个数分列的各部分金额之和不等于总数",
      message="“{quote}”：共 {n} 个，其后分列的 {counts}（合计 {n} 个）的{name}为 {parts}，"
              "之和 {sum_text}，此处写 {total}；请核对总数或各部分（相差 {gap}）",
      cases=[fails("两类签约项目的投资额之和与总投资额不符", at="1", expected=95.2,
                   text="全年签约招商项目 20 个，总投资额 96.0 亿元。正式签约项目 15 个，总投资额 "
                        "70.5 亿元。签订意向协议 5 个，总投资额 24.7 亿元。"),
             passes("之和等于总投资额",
                    text="全年签约招商项目 20 个，总投资额 95.2 亿元。正式签约项目 15 个，总投资额 "
                         "70.5 亿元。签订意向协议 5 个，总投资额 24.7 亿元。"),
             passes("个数对不上（只列了一部分）",
                    text="全年签约招商项目 20 个，总投资额 96.0 亿元。正式签约项目 12 个，总投资额 "
                         "70.5 亿元。签订意向协议 5 个，总投资额 24.7 亿元。")])
def count_parts(ctx):
    """一句写“N 个……，总投资 X”，紧接的几句各以“a 个 / b 个……”开头、各写一个同名金额
    （“总投资额 P”“总投资额 Q”）：个数 a + b + … 恰等于 N、且各句所计的是 N 的一类（名称与
    N 的名称有共同的字，如“签约”与“正式签约”“签订意向协议”）时，这几句是 N 个的全部，金额
    之和应等于 X（按所写末位的半个单位比较）。需要确定：各部分句紧接总数句、在同一段；个数
    写在各句第一个分句；同名金额在总数句和各部分句里都恰有一个。个数对不上、名称不同、金额
    不止一个时不报告。各部分的金额口径可能另有说明，故为警告。

    合格：“签约项目 20 个，总投资额 95.2 亿元。正式签约项目 15 个，总投资额 70.5 亿元。签订
    意向协议 5 个，总投资额 24.7 亿元”。
    不合格：同上而总投资额写 96.0 亿元（70.5 + 24.7 = 95.2）。
    """
    doc, flat = ctx.doc, ctx.doc.flat
    for i, (pa, pb) in enumerate(doc.paragraphs):
        if len(_COUNTS.findall(flat, pa, pb)) < 3:
            continue
        figs, _ = ctx.paragraph_figures(i)
        sents = [(a, b, [f for f in figs if a <= f.start < b]) for a, b in doc.sentences_in(pa, pb)]
        for k, (a, b, own) in enumerate(sents[:-2]):
            yield from _check(ctx, own, sents[k + 1:])


def _check(ctx, own: list, after: list):
    doc, flat = ctx.doc, ctx.doc.flat
    counts = [f for f in own if f.count]
    names = {_label(f) for f in own if f.money}
    for name in names:
        totals = [f for f in own if f.money and _label(f) == name]
        if len(totals) != 1 or len(name) < 2:
            continue
        total = totals[0]
        parts = []
        for a, _b, figs in after:
            got = _part(flat, a, figs, name)
            if got is None:
                break
            parts.append(got)
            n = sum(c.value for c, _ in parts)
            tied = [c for c in counts if c.value == n and c.unit == parts[0][0].unit
                    and c.start < total.start]
            if len(parts) < 2 or not tied:
                continue
            if len(tied) != 1 or not all(_kin(_label(c), _label(tied[0])) for c, _ in parts):
                break
            if any(c.unit != tied[0].unit for c, _ in parts):
                break
            amounts = [m for _, m in parts]
            s = sum((m.value_yuan for m in amounts), Decimal(0))
            if off(total.value_yuan, s, tolerance(total, *amounts)):
                # the sum and gap at the finest decimals written (111.72 + 74.1 = 185.82)
                like = max((total, *(m for m in amounts if m.unit == total.unit)),
                           key=lambda f: f.places)
                yield Hit((total.start, total.end), expected=float(s),
                          actual=float(total.value_yuan),
                          args={"quote": doc.raw[tied[0].label_start:total.end].replace("\n", ""),
                                "n": n, "name": name,
                                "counts": "、".join(shown(doc, c) for c, _ in parts),
                                "parts": " + ".join(shown(doc, m) for m in amounts),
                                "sum_text": amount_in(s, like), "total": shown(doc, total),
                                "gap": amount_in(abs(s - total.value_yuan), like)})
            break
