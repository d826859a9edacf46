"""PX676: one item of a numbered list written in another unit than its total and its siblings,
when the list adds up to the total only with that item in their unit
(「专项经费指标总额为 84 万元，其中：」, then 「1、… 36 万元」 … 「5、… 15 元」: 36 + 16 + 12 + 5 + 15 = 84).

A list whose parts fall short of its total is not reported by itself (the list may leave items
out, PX604); but when the items add up to the total exactly once one amount is read in the unit
of all the others, the unit written on that amount is the slip, and that is certain.
"""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import quote, shown
from perfxl.draft.numbers import UNIT_SCALE
from perfxl.draft.rules_numbered_lists import _goes_on, _numbered

#: a line that ends with its total and opens a list: 「……总额为 84 万元，其中：」
_OPENS = re.compile(r"(?:,\s*)?(?:其中|具体(?:如下|为|是)?|分别(?:为|是)|包括)?\s*:\s*$")
_UNIT_WORD = {"万": "万元", "亿": "亿元", "元": "元"}


@rule("PX676", "draft-list-unit-slip", "error", title="编号列出的分项中有一项的金额单位与总额和其余各项不同",
      message="“{quote}”：其余各项与总额都以{unit}计，这一项写 {stated}；按{unit}计各项之和正好"
              "等于总额 {total}，请把“{slip}”改为“{unit}”",
      cases=[fails("第 3 项写成“元”，按万元计正好合上总额", at="4", expected=8.0,
                   text="本年专项经费总额为 20 万元，其中：\n1、设备维护经费为 7 万元；\n"
                        "2、培训经费为 5 万元；\n3、房屋租赁经费为 8 元。\n"),
             passes("按万元计也合不上总额（可能漏列一项），不报告",
                    text="本年专项经费总额为 20 万元，其中：\n1、设备维护经费为 7 万元；\n"
                         "2、培训经费为 5 万元；\n3、房屋租赁经费为 6 元。\n"),
             passes("各项单位相同",
                    text="本年专项经费总额为 20 万元，其中：\n1、设备维护经费为 7 万元；\n"
                         "2、培训经费为 5 万元；\n3、房屋租赁经费为 8 万元。\n")])
def list_unit_slip(ctx):
    """一行以总额 T（“……总额为 84 万元，其中：”）结尾，其下紧接从 1 起连续编号的各行各写一个
    金额时：若只有一项的单位与总额和其余各项不同（“15 元”，其余都是万元），而把这一项按其余
    各项的单位读，各项之和正好等于 T（分毫不差；只在舍入范围内相等的不报告），按所写单位读则不等，
    这一项的单位写错了。

    需要确定：开头一行只有总额一个金额；各编号行各只有一个金额；编号从 1 起、不跳号，列表
    之后不再出现同一种编号的下一项；其余各项（至少两项）与总额同单位。
    合格：总额 84 万元，五项 36、16、12、5、15 万元。
    不合格：第五项写“15 元”（按万元计正好 84 万元）。
    """
    doc, flat = ctx.doc, ctx.doc.flat
    paras = doc.paragraphs
    for i, (a, b) in enumerate(paras):
        if ":" not in flat[a:b]:
            continue
        head = [f for f in ctx.paragraph_figures(i)[0] if f.money]
        if len(head) != 1 or not _OPENS.fullmatch(flat, head[0].end, b):
            continue
        total = head[0]
        items, style, j = [], None, i + 1
        while j < len(paras):
            got = _numbered(flat[paras[j][0]:paras[j][1]])
            if got is None or (style is not None and got[0] != style) or got[1] != len(items) + 1:
                break
            money = [f for f in ctx.paragraph_figures(j)[0] if f.money]
            if len(money) != 1:
                items = []
                break
            style, j = got[0], j + 1
            items.append(money[0])
        if len(items) < 3 or _goes_on(flat, paras, j, style, len(items)):
            continue
        odd = [f for f in items if f.unit != total.unit]
        if len(odd) != 1:
            continue
        slip = odd[0]
        scale = UNIT_SCALE.get(total.unit, Decimal(1))
        as_written = sum((f.value_yuan for f in items), Decimal(0))
        as_meant = as_written - slip.value_yuan + slip.value * scale
        # exactly: the slip is certain only when the meant sum is the total to the last digit
        # (a sum within rounding of it could as well be a list with a rounded or missing part)
        if as_meant != total.value_yuan:
            continue
        unit = _UNIT_WORD.get(total.unit, total.unit)
        k = next(n for n, (pa, pb) in enumerate(paras) if pa <= slip.start < pb)
        yield Hit((slip.start, slip.end), expected=float(slip.value), actual=float(slip.value_yuan / scale),
                  unit=unit,
                  args={"quote": quote(doc, paras[k][0], slip.end)[-60:], "unit": unit,
                        "stated": shown(doc, slip), "total": shown(doc, total),
                        "slip": _UNIT_WORD.get(slip.unit, slip.unit)})
