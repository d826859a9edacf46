"""PX675: a total built in one sentence by 加上 from the paragraph's first amount
(「一般公共预算支出完成 59.69 亿元。加上上解支出 1.4 亿元、调出资金 0.46 亿元…后，支出总计
66.05 亿元」).

The budget-execution report's balance sentence: the year's 收入 (支出) and the transfers added to
it make the 收入总计 (支出总计).  Read only when certain: the base is the paragraph's only amount
before 加 (a change aside) and names the same side (收入 / 支出) as the total; every item after 加上 carries its own amount
(「加上上级补助收入、上年结转等，收入总计 T」 names items without amounts and is not read); no
amount inside parentheses (a breakdown of an item) is added.
"""
from __future__ import annotations

from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import amount_in, lazy_pattern, quantize, quote, shown
from perfxl.draft.numbers import UNIT_SCALE, open_paren

#: 加上 (加) opening a clause, and the total it ends in
_PLUS = lazy_pattern(r"(?:^|(?<=[。,;]))\s*(?:再)?加上?")
_TOTAL = lazy_pattern(r"(?P<side>收入|支出)(?:总计|合计)(?:为|是|达到?)?\s*$")
#: the items of the 加上 list: split at 、 , 和 以及 及
_ITEM_SEP = lazy_pattern(r"[、,]\s*(?:以及|和|及)?|以及|和|及")
#: an item without its own amount in the list: 「等」 groups items under one amount
_GROUPED = lazy_pattern(r"等")


@rule("PX675", "draft-plus-total", "error", title="“A，加上 B、C……，收入（支出）总计 T”中 T 不等于各数之和",
      message="“{quote}”：{base} 加上 {items}，合计 {sum}，文字写 {stated}；请核对总计或各项"
              "（是否漏写了一项）",
      cases=[fails("加上各项后之和 65.83，写总计 66.05", at="1", expected=65.83,
                   text="全县一般公共预算支出完成 59.69 亿元，下降 18.2%。加上上解支出 1.4 亿元、"
                        "调出资金 0.46 亿元，以及结转下年 4.28 亿元后，支出总计 66.05 亿元。"),
             passes("之和与总计一致",
                    text="全县一般公共预算支出完成 59.69 亿元，下降 18.2%。加上上解支出 1.4 亿元、"
                         "调出资金 0.46 亿元，以及结转下年 4.5 亿元后，支出总计 66.05 亿元。"),
             passes("“等”把没有金额的几项合在一起，不核对",
                    text="全区一般公共预算收入 423 万元，加上上级补助收入、上年结转等 700 万元，"
                         "收入总计 1196 万元。"),
             passes("基数写的是收入、总计写的是支出，不核对",
                    text="全县一般公共预算收入 100 万元，加上上解支出 20 万元，支出总计 150 万元。")])
def plus_total(ctx):
    """“（收入 / 支出）A……。加上 B1、B2……（以及 Bn）（后），收入（支出）总计 T”：T 应等于
    A + B1 + … + Bn（按各数所写末位的半个单位之和比较，单位换算后比较）。A 是该段在“加”之前
    唯一的金额（增减额、上年数除外；有两个时，如总收入与其中的地方收入，不知加的是哪一个，
    不核对），其名称与总计同为收入或同为支出；各项都写了自己的金额（“等”把几项合写一个金额的、
    某项没有金额的不核对）；括号内的金额（某项的其中数）不计入。

    来源：预算执行情况报告“收支平衡”的写法（收入总计 = 本级收入 + 转移性收入等，支出总计 =
    本级支出 + 上解、调出、还本、结转下年等）。
    合格：“支出完成 59.69 亿元。加上上解支出 1.4 亿元、调出资金 0.46 亿元，以及结转下年 4.5 亿元
    后，支出总计 66.05 亿元”。
    不合格：同一句写“以及结转下年 4.28 亿元后，支出总计 66.05 亿元”（各数之和 65.83 亿元）。
    """
    doc = ctx.doc
    flat = doc.flat
    if "加" not in flat or ("总计" not in flat and "合计" not in flat):
        return  # no 「加…总计」: nothing to read (and no pattern compiled)
    paras = doc.paragraphs
    for k, (pa, pb) in enumerate(paras):
        if "加" not in flat[pa:pb]:
            continue
        figs, _starts = ctx.paragraph_figures(k)
        money = [f for f in figs if f.money and open_paren(flat, pa, f.start) is None]
        for m in _PLUS.finditer(flat, pa, pb):
            hit = _check(ctx, money, m, pa, pb)
            if hit is not None:
                yield hit


def _check(ctx, money, m, pa, pb):
    flat = ctx.doc.flat
    end = min((i for i in (flat.find(ch, m.end(), pb) for ch in "。;") if i >= 0), default=pb)
    inside = [f for f in money if m.end() <= f.start < end]
    said = next(((f, t) for f in inside
                 if (t := _TOTAL.search(flat, max(m.end(), f.label_start), f.start))), None)
    if said is None:
        return None
    total, side = said[0], said[1].group("side")
    items = [f for f in inside if f.end <= total.label_start]
    # the base: the one amount of the paragraph before 加 (a change or last year's figure aside);
    # with two (总收入 and its 其中 地方收入, or a running total) which one is added is not said
    before = [f for f in money if f.start < m.start() and f.start not in ctx.claims.prior]
    if not items or len(before) != 1 or side not in before[0].label:
        return None
    base = before[0]
    if _PLUS.search(flat, m.end(), total.label_start):
        return None  # 「加 B，加 C，再加 D」: a chain whose running total is written in between
    if side == "收入" and "支出" in base.label or side == "支出" and "收入" in base.label:
        return None
    if _GROUPED.search(flat, m.end(), total.label_start):
        return None
    # every item of the list carries one amount of its own
    text = flat[m.end():items[-1].end]
    chunks = [c for c in _ITEM_SEP.split(text) if c.strip()]
    if len(chunks) != len(items):
        return None
    if any(f.unit != total.unit for f in (base, *items)):
        return None  # one unit throughout: the sum is said in it
    got = base.value_yuan + sum((f.value_yuan for f in items), Decimal(0))
    tol = base.tol_yuan + total.tol_yuan + sum((f.tol_yuan for f in items), Decimal(0))
    if abs(got - total.value_yuan) <= tol + Decimal("1e-9"):
        return None
    fine = max((base, *items, total), key=lambda f: f.places)
    return Hit((base.start, total.end),
               expected=float(quantize(got / UNIT_SCALE.get(total.unit, Decimal(1)), fine.places)),
               actual=float(total.value),
               unit=total.unit,
               args={"quote": quote(ctx.doc, m.start(), total.end),
                     "base": shown(ctx.doc, base), "items": "、".join(shown(ctx.doc, f) for f in items),
                     "sum": amount_in(got, fine), "stated": shown(ctx.doc, total)})
