"""PX635: the shares of 基本支出 and 项目支出 in a whole the text never states.

「基本支出 2476260.58 元，占一般公共预算支出的 84.06%」 and 「项目支出 469500 元，占一般公共预算支出的
19.62%」: 基本支出 and 项目支出 make the whole between them (domain.md: 支出 = 基本支出 + 项目支出),
so the whole is 2945760.58 and the second share is 15.94%.  The text says which of the two it
got wrong by getting the other right: a finding needs one share that agrees with the whole so
derived (the identity holds for this whole) and one that does not.
"""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import amount_in, off, quote, quotient_tol, rate_text, shown
from perfxl.draft.quantities import subject_name
from perfxl.numbers import excel_round

#: the two parts that make any expenditure whole between them
_PARTS = ("基本支出", "项目支出")
_OF = re.compile(r"占(?P<of>[^,;。%\d]{1,24}?)的?\s*(?:比重|比例)?(?:为)?\s*$")

_TEXT = ("（二）按支出结构分类\n1. 基本支出预算 2476260.58 元，占一般公共预算支出的 84.06%，同比减少 4966.66 元。\n"
         "2. 项目支出 469500 元，占一般公共预算支出的 {r}%，同比增加 70100 元。\n")


def _part(label: str) -> str | None:
    name, _scope = subject_name(re.sub(r"^\s*\d+\s*[.、]", "", label))
    return name if name in _PARTS else None


def _of(ctx, c) -> str | None:
    """The whole a share names (「占一般公共预算支出的」 -> 一般公共预算支出)."""
    part, _total, r = c.figures
    m = _OF.search(ctx.doc.flat, part.end, r.start)
    return re.sub(r"\s+", "", m.group("of")) if m else None


def _candidates(ctx):
    """(whole's name) -> {part name: share claim} for shares of 基本支出 / 项目支出 whose whole
    the text does not state (no total resolved); a name given twice is dropped."""
    got: dict[str, dict[str, object]] = {}
    twice: set[tuple[str, str]] = set()
    for c in ctx.claims.of("share"):
        part, total, r = c.figures
        if total is not None or c.basis != "%" or not part.money:
            continue
        name, of = _part(part.label), _of(ctx, c)
        if name is None or not of:
            continue
        if name in got.get(of, {}):
            twice.add((of, name))
        got.setdefault(of, {})[name] = c
    return {of: d for of, d in got.items() if len(d) == 2
            and not any((of, n) in twice for n in d)}


@rule("PX635", "draft-share-of-parts", "error",
      title="基本支出、项目支出占同一总数的比重与二者之和不符",
      message="“{quote}”：{whole}应为基本支出 {a} + 项目支出 {b} = {sum}（{other}与此相符），"
              "{part} ÷ {sum} = {expected_text}，文字写 {stated}；请改为 {expected_text}",
      cases=[fails("项目支出占比按别的数算", at="3", expected=15.94, text=_TEXT.format(r="19.62")),
             passes("两个占比都与二者之和相符", text=_TEXT.format(r="15.94")),
             passes("只写了一个占比",
                    text="1. 基本支出预算 2476260.58 元，占一般公共预算支出的 84.06%。\n")])
def share_of_parts(ctx):
    """“基本支出 A，占 X 的 r1%”“项目支出 B，占 X 的 r2%”而文中没有写出 X 时，X = A + B
    （支出按结构只分基本支出和项目支出，domain.md），r1、r2 应分别等于 A ÷ (A + B)、
    B ÷ (A + B)，按所写百分数末位的半个单位（及各数的舍入）比较。

    需要确定：两个占比说的是同一个 X（“占”后的名称相同），各只写了一次；其中一个与 A + B
    相符（X 确是二者之和），另一个不符。两个都不符时，X 可能另含别的支出，不报告。
    合格：基本支出 2476260.58、项目支出 469500，占比 84.06%、15.94%。
    不合格：占比写 84.06%、19.62%（19.62% 不是 469500 ÷ 2945760.58 = 15.94%）。
    """
    doc = ctx.doc
    for of, by in _candidates(ctx).items():
        ca, cb = by["基本支出"], by["项目支出"]
        a, b = ca.figures[0], cb.figures[0]
        whole = a.value_yuan + b.value_yuan
        if whole <= 0:
            continue
        bad = []
        for c in (ca, cb):
            part, _t, r = c.figures
            x = part.value_yuan / whole
            tol = r.tol / 100 + quotient_tol(part.value_yuan, part.tol_yuan, whole,
                                             a.tol_yuan + b.tol_yuan)
            bad.append(off(r.value / 100, x, tol))
        if bad.count(True) != 1:
            continue
        c, good = (ca, cb) if bad[0] else (cb, ca)
        part, _t, r = c.figures
        x = part.value_yuan / whole
        yield Hit(c.span, expected=excel_round(x * 100, max(r.places, 2)),
                  actual=float(r.value), unit="%",
                  args={"quote": quote(doc, c.span[0], c.span[1]), "whole": of,
                        "a": shown(doc, a), "b": shown(doc, b), "sum": amount_in(whole, a),
                        "other": f"{_part(good.figures[0].label)}的 {shown(doc, good.figures[2])}",
                        "part": shown(doc, part), "stated": shown(doc, r),
                        "expected_text": rate_text(x, r.places)})
