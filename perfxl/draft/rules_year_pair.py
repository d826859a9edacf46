"""PX672: a change written right after the two amounts it is between, with no 较 to anchor it
(「2023年支出 450.00 万元，2022年支出 500.00 万元，减少 60.00 万元」,
「本年支出 900.00 万元，上年支出 1000.00 万元，较上年增加 100.00 万元」).

PX601–PX603 read a change from its 较 / 比 and the amount before it; when the sentence first
writes both years' amounts, the amount before the change is the prior year's, and the change is
between the two.  Only a pair that is certain is read: two amounts of one sentence, adjacent,
of the same name once the year is taken away, one of the report's year and one of the year
before, the change words right after the second.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import quantity_name, quantize, shown
from perfxl.draft.numbers import UNIT_SCALE, figures

_THIS = re.compile(r"本年度?|当年|本期")
_LAST = re.compile(r"上年度?|去年|上一年度?|上期")
#: the change after the second amount: direction, then an amount and / or a rate
#: (「同口径」: the same scope in both years, as the pair already says; 「本年比上年」 restates the
#: pair; a sign after the word, 「增长-13.19%」, turns the direction as in a table's 增减 column)
_AFTER = re.compile(r"\s*,\s*(?:同口径)?\s*(?:(?:本年|本期)?(?:较|比)上年|同比|与上年相比,?)?\s*"
                    r"(?P<dir>增加|减少|增长|下降|上升|降低)了?\s*(?P<neg>[-−－](?=\d))?"
                    r"(?P<rest>[^,。;:()]*(?:,\s*(?:增长|下降|增幅|降幅|上升|降低)(?:率)?(?:为)?\s*"
                    r"\d[\d.]*\s*%)?)")
_UP = ("增加", "增长", "上升")
#: a label that is only a year word (「本年」「上年」), and a label that ends in one
_YEAR_ONLY = re.compile(r"(?:本年度?|当年|本期|上年度?|去年|上一年度?|上期)(?:为|是)?")
_YEAR_IN = re.compile(r"(?:本年度?|当年|本期|上年度?|去年|上一年度?|上期)(?:为|是)?$")
_SEP = re.compile(r"\s*,\s*")
_WORDS = re.compile(r"[\s“”\"'‘’「」]")


def _year(f, doc_year: int | None) -> int | None:
    if f.year:
        return f.year
    if doc_year is None:
        return None
    if _LAST.search(f.label):
        return doc_year - 1
    if _THIS.search(f.label):
        return doc_year
    return None


def _name(label: str) -> str:
    s = _WORDS.sub("", label)
    s = _LAST.sub("", quantity_name(s))
    return s


@rule("PX672", "draft-year-pair-change", "error",
      title="文字中紧随两个年度数之后的增减额（增减率）与两数不符",
      message="“{quote}”：{cur_text}、{prior_text}，{how}；请核对",
      cases=[fails("两年之差 50，写减少 60", at="1", expected=-50,
                   text="2023年支出 450.00 万元，2022年支出 500.00 万元，减少 60.00 万元。"),
             passes("两年之差与所写一致",
                    text="2023年支出 450.00 万元，2022年支出 500.00 万元，减少 50.00 万元。"),
             fails("本年少于上年，写“增加”", at="2", expected=-100,
                   text="2023年度报告\n本年支出 900.00 万元，上年支出 1000.00 万元，较上年增加 100.00 万元。"),
             passes("两数名称不同（预算、支出），不比较",
                    text="2023年预算 450.00 万元，2022年支出 500.00 万元，减少 60.00 万元。"),
             passes("增减率按上年数计算",
                    text="2022年支出 150.00 万元，2023年支出 165.00 万元，增长 10%。"),
             fails("“某某上年 A，本年 B，同口径比上年增长 R%”：R 不等于 (B − A) ÷ A", at="2",
                   expected=1.0,
                   text="2023年度报告\n甲类学校上年 1000.00 元，本年 1010.00 元，同口径比上年增长 20.00%。"),
             passes("同一写法，增长率相符",
                    text="2023年度报告\n甲类学校上年 1000.00 元，本年 1010.00 元，同口径比上年增长 1.00%。"),
             fails("单位只写在第二个数后", at="2", expected=5.0,
                   text="2023年度报告\n托育点上年 2000，本年 2100.00 元，本年比上年增长 50%。"),
             passes("增长后跟负号即下降",
                    text="2023年度报告\n乙类学校上年 2000.00 元，本年 1500.00 元，同口径增长-25.00%。"),
             fails("数字下降却写“增加”（只写增减率）", at="2", expected=-500.0,
                   text="2023年度报告\n乙类学校上年 2000.00 元，本年 1500.00 元，同口径增加 3.00%。")])
def year_pair_change(ctx):
    """同一句中先后写出同一名称的本年数与上年数（“2023年支出 A，2022年支出 B”，或“本年…上年…”，
    顺序不限），紧接第二个数写“（较上年）增加 / 减少 / 增长 / 下降 C（，增长 R%）”时：增减方向
    应与 A − B 的正负一致，C 应等于 |A − B|（按所写末位的半个单位比较，元与万元换算后比较），
    R 应等于 |A − B| ÷ B（按所写末位的半个单位比较）。

    也读“某某上年 A，本年 B，（同口径）（本年比上年）增长 R%”：第二个数只写年份（“本年”）时
    与第一个数同名；第一个数没写单位、第二个数写了时，单位只写了一次，两数同单位。增减词后
    紧跟负号（“增长-13.19%”）表示相反的方向。

    需要确定：两数相邻、同名（去掉年份后相同）、一个是报告年度、一个是上一年度，增减词紧随
    第二个数之后。
    合格：“2023年支出 450.00 万元，2022年支出 500.00 万元，减少 50.00 万元”。
    不合格：同一句写“减少 60.00 万元”；“本年支出 900.00 万元，上年支出 1000.00 万元，较上年增加
    100.00 万元”（应为减少）。
    """
    doc, flat = ctx.doc, ctx.doc.flat
    money = [f for f, _ in ctx.claims.amounts]
    for f1, f2 in _pairs(flat, money):
        if re.search(r"[。;\n]", flat[f1.end:f2.start]):
            continue
        m = _AFTER.match(flat, f2.end)
        if not m:
            continue
        y1, y2 = _year(f1, doc.year), _year(f2, doc.year)
        if y1 is None or y2 is None or abs(y1 - y2) != 1 or doc.year not in (y1, y2):
            continue
        n1, n2 = _name(f1.label), _name(f2.label)
        if not n2 and _YEAR_ONLY.fullmatch(_WORDS.sub("", f2.label)) and _YEAR_IN.search(f1.label):
            n2 = n1  # 「普通小学上年 A，本年 B」: the second names only its year
        if len(n1) < 2 or n1 != n2:
            continue
        cur, prior = (f1, f2) if y1 > y2 else (f2, f1)
        diff = cur.value_yuan - prior.value_yuan
        tol = cur.tol_yuan + prior.tol_yuan
        rest = figures(flat, m.start("rest"), m.end("rest"))
        c = next((g for g in rest if g.money), None)
        r = next((g for g in rest if g.unit == "%"), None)
        if c is None and r is None:
            continue  # 「……，增加的原因是……」: no change written, only the word
        up = (m.group("dir") in _UP) != bool(m.group("neg"))
        how, rate = "", None
        if abs(diff) > tol and (diff > 0) != up:
            how = (f"本年比上年{'增加' if diff > 0 else '减少'} {_in(abs(diff), cur)}，"
                   f"文字写“{m.group('dir')}{m.group('neg') or ''}”")
        elif c is not None and abs(c.value_yuan - abs(diff)) > tol + c.tol_yuan:
            how = f"两数相差 {_in(abs(diff), c)}，文字写 {shown(doc, c)}"
        elif r is not None and prior.value_yuan > 0:
            want = abs(diff) / prior.value_yuan * 100
            slack = r.tol + tol / prior.value_yuan * 100 * 2
            if abs(want - r.value) > slack:
                how = (f"按上年数计算应为{'增长' if diff > 0 else '下降'} {quantize(want, 2)}%，"
                       f"文字写“{m.group('dir')}{m.group('neg') or ''}{shown(doc, r)}”")
                rate = (want, r.value)
        if how:
            like = c or cur
            scale = UNIT_SCALE.get(like.unit, Decimal(1))
            want, got, unit = ((float(quantize(rate[0], 2)), float(rate[1]), "%")
                               if rate else (float(diff / scale), float(c.value if up else -c.value)
                                             if c else None, like.unit))
            yield Hit((f1.start, m.end()), expected=want, actual=got, unit=unit,
                      args={"quote": doc.raw[max(f1.label_start, f1.start - 30):m.end()].replace("\n", "")[:80],
                            "cur_text": "本年 " + shown(doc, cur), "prior_text": "上年 " + shown(doc, prior), "how": how})


def _pairs(flat: str, money: list):
    """Adjacent amounts of the draft, and an amount with its unit left off just before one with
    a unit (「幼儿园上年 2709.16，本年 2845.20 元」: the unit written once, after the pair), read in
    that unit."""
    for f1, f2 in zip(money, money[1:]):
        yield f1, f2
    for f2 in money:
        if not _YEAR_ONLY.fullmatch(_WORDS.sub("", f2.label)):
            continue
        lo = max(flat.rfind(ch, 0, f2.start) for ch in "。;\n") + 1
        before = [f for f in figures(flat, lo, f2.start) if f.end <= f2.start]
        if before and before[-1].unit == "" and _SEP.fullmatch(flat[before[-1].end:f2.label_start]) \
                and _YEAR_IN.search(before[-1].label):
            yield replace(before[-1], unit=f2.unit), f2


def _in(x_yuan: Decimal, like) -> str:
    """``x_yuan`` in the unit of figure ``like``, with its decimals."""
    v = quantize(x_yuan / UNIT_SCALE.get(like.unit, Decimal(1)), like.places)  # Excel's ROUND
    return f"{v} {like.unit}"
