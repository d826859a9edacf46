"""PX601–PX603 and PX620: changes against the previous year or the budget, in the draft's prose.

A change claim is ``B，较上年 A 增加/减少 C(，上升 R%)`` (``perfxl.draft.claims``): the direction
word must match the sign of B − A, C must be |B − A|, R must be (B − A) / A, each compared at half
a unit of the last digit written (domain.md, rounding tolerance).  Without the two figures in
the sentence, a table row named by its subject gives them (``_from_table``); PX620 compares two
changes of one subject with each other.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.change_years import from_prose, prior_from_prose
from perfxl.draft.claims import DOWN, FLAT, UP
from perfxl.draft.common import (amount_in, off, place_of, quantize, quote, quotient_tol,
                                 rate_text, rounded_tol, shown)
from perfxl.draft.numbers import tolerance
from perfxl.draft.tables import figure_of, norm_label


_TP = ("“三公”经费支出总额较上年{word}5.61万元，下降49.34%。\n\n\t2023年度基础数据表\n\n"
       "\t经费控制情况(万元)\n\t2022年决算数\n\t2023年预算数\n\t2023年决算数\n\n"
       "\t三公经费\n\t11.37\n\t55.77\n\t5.76\n")


def _row_index(ctx) -> dict:
    """Label -> the first table row with that label (and a header), for ``_from_table``: a
    lookup by the subject's prefixes instead of a scan of every row for every change claim (a
    long draft has thousands of both)."""
    index: dict = {}
    for t in ctx.tables:
        for r in t.rows:
            if len(r.label) >= 2 and r.header:
                index.setdefault(r.label, r)
    return index


def _from_table(ctx, c, amount, rows: dict):
    """(current, prior) of a change claim that names a table row ("“三公”经费支出总额较上年增加
    0.11万元" and the row 三公经费 | 2022年决算数 11.37 | … | 2023年决算数 5.76), else None.
    ``rows`` is ``_row_index(ctx)``; the row whose label is the longest prefix of the subject
    is taken."""
    year = ctx.doc.year
    subject = norm_label(c.subject)
    if year is None or len(subject) < 2 or c.basis not in ("上年", "上年度", "去年", "上一年"):
        return None
    best = next((rows[subject[:k]] for k in range(len(subject), 1, -1) if subject[:k] in rows),
                None)
    if best is None:
        return None
    cur = best.column((f"{year}年决算", f"{year}年执行", "本年决算", "本年执行", "本年实际"))
    prior = best.column((f"{year - 1}年决算", f"{year - 1}年执行", "上年决算", "上年执行",
                         "上年实际"))
    figs = [figure_of(ctx.doc, x) if x is not None and x.number else None for x in (cur, prior)]
    if None in figs:
        return None
    unit = amount.unit if amount is not None and amount.money else "元"
    return tuple(replace(f, unit=unit) for f in figs)


def _pairs(ctx) -> list:
    """(claim, current, prior, amount, rate) of every change claim whose two figures are known,
    found once per draft and shared by PX601–PX603 and PX628 (the table lookup is the costly
    part)."""
    if "change_pairs" not in ctx.memo:
        ctx.memo["change_pairs"] = list(_find_pairs(ctx))
    return ctx.memo["change_pairs"]


def _find_pairs(ctx):
    rows = None
    for c in ctx.claims.of("change"):
        cur, prior, amount, r = c.figures
        if cur is None and prior is None:
            if rows is None:
                rows = _row_index(ctx)
            found = _from_table(ctx, c, amount, rows) or from_prose(ctx, c)
            if found:
                cur, prior = found
        elif cur is not None and prior is None and amount is None and cur.money:
            prior = prior_from_prose(ctx, c, cur)  # 「上年 A。」 / 「本年 B，较上年下降 R%」
        if cur is None or prior is None or not cur.money:
            continue
        if prior.unit == "" and cur.money:  # "较上年决算 6805660.47 增加" — unit of the current
            prior = type(prior)(prior.start, prior.end, prior.value, prior.places, cur.unit,
                                prior.label, prior.year, prior.label_start)
        if not prior.money:
            continue
        if _unit_in_doubt(ctx, c, cur, prior, r):
            ctx.memo.setdefault("change_unit_doubt", set()).add(id(c))
            continue
        yield c, cur, prior, amount, r


def _unit_in_doubt(ctx, c, cur, prior, r) -> bool:
    """The two figures of a change carry different units (「89410万元，比上年的131870.68元减少
    32.20%」) while the written rate — or, without a rate, the direction word — fits them read in
    one unit: one of the two units is a slip, and which one is unsaid, so the change is not
    checked (a fix read from the units as written would be wrong: 「增长677912%」)."""
    if cur.unit == prior.unit:
        return False
    alt = replace(prior, unit=cur.unit)
    diff = cur.value_yuan - alt.value_yuan
    if r is not None and r.unit == "%" and alt.value_yuan:
        stated, tol = _stated_rate(ctx, c, r), _rate_tol(cur, alt, r)
        return not off(stated, diff / alt.value_yuan, tol)
    word = c.words.rstrip("了")
    return (word in UP and diff > 0) or (word in DOWN and diff < 0)


@rule("PX601", "draft-change-direction", "error", title="文字中的增减方向与两个数字相反",
      message="“{quote}”：本期 {cur} 比对比期 {prior} {real}{diff}，文字却写“{word}”；"
              "请把“{word}”改为“{fix}”（或核对两个数字）",
      cases=[fails("一般公共服务支出增加了却写“减少”",
                   text="一般公共服务支出 3244335.71 元，较上年决算 3034059.49 元减少 210276.22 元。",
                   at="1", expected="增加"),
             passes("方向与数字一致",
                    text="社会保障和就业支出 758799.44 元，较上年决算 929952.35 元减少 171152.91 元。"),
             passes("持平且两个数相等", text="住房保障支出 192282 元，与上年 192282 元持平。"),
             passes("整数万元与带小数的上年数相比", text="培训费 3万元，较上年 3.4 减少 0.4 万元。"),
             passes("单位不同而按同一单位读时增减率相符：单位存疑",
                    text="全县教育经费投入 6000 万元，比上年的 8000 元减少 25.00%。"),
             fails("单位不同、按同一单位读时增减率不符：按所写单位核对", at="1", expected="增加",
                   text="办公设备购置费 1.2 万元，比上年的 8000 元减少 50.00%。"),
             fails("句中没有数字，取表中“三公经费”一行", at="1", expected="减少",
                   text=_TP.format(word="增加")),
             passes("与表中“三公经费”一行一致", text=_TP.format(word="减少")),
             fails("“与上年的 A 同口径相比增 R%”，本年数却更小", at="1", expected="减少",
                   text="2023年培训经费为 300 万元，与上年的 400 万元同口径相比增 5%。"),
             passes("“与上年的 A 同口径相比增 R%”，方向相符",
                    text="2023年培训经费为 420 万元，与上年的 400 万元同口径相比增 5%。")])
def direction(ctx):
    """增减方向词与两个数字的差的符号一致：B 较 A“增加 / 上升 / 增长”要求 B > A，
    “减少 / 下降 / 降低”要求 B < A，“持平 / 无增减 / 无变化”要求两数相等（按所写末位的
    半个单位比较；整数万元与同关系中带小数的数字并列时按所写的数比较，“3万元，较上年 3.4
    减少”是对的）。句中没有写出两个数字、而主语是报告中某张表的一行（“三公经费”）时，取该行
    本年与上年的决算数（表头“2023年决算数”“2022年决算数”）；没有这样的表时，取前文中同一
    名称分别标明本年、上年年份的金额（“2022年的三公经费决算数合计为 B”“2021年的三公经费
    决算数合计为 A”），两个年份在全文中各只有一个数、且都写在这句之前时才比较。方向词后
    紧跟负号（“增长-3.20%”“增加-5.00 万元”，表中增减栏的写法）表示相反的方向；“基本持平”
    容许小的增减而没有界限，不核对；“负增长”即下降；紧跟数字的单字“增”即增长（“与上年的
    A 同口径相比增 R%”，写出了对比期数时“同口径相比”同“相比”）。“与上年 A 持平”同“较上年 A 持平”。PX602、
    PX603 同此。两个数字单位不同（“89410万元，比上年的131870.68元减少32.20%”）、而按同一单位
    读时所写的增减率（没写增减率时为方向词）相符的，单位写错了哪一个不能确定，不核对。

    合格：“卫生健康支出 225387.8 元，较上年决算 171405.49 元增加 53982.31 元”。
    不合格：“一般公共服务支出 3244335.7 元，较上年决算 3034059.49 元减少 210276.21 元”
    （3244335.7 > 3034059.49，应为“增加”；seed 000 第 96 行）。
    """
    for c, cur, prior, amount, _r in _pairs(ctx):
        diff = cur.value_yuan - prior.value_yuan
        tol = tolerance(cur, prior)
        word = c.words.rstrip("了")
        if word.startswith("基本"):
            continue  # 「基本持平」 allows a small change and names no bound for it
        if abs(diff) <= tol:
            real, fix = "相等", "持平"
            # a whole 万元 beside a figure of its relation written with decimals is exact
            # (「5万元,较上年5.5减少0.5万元」): then the pair differs and its direction word is right
            exact = max(rounded_tol(cur, among=(prior, amount)),
                        rounded_tol(prior, among=(cur, amount)))
            bad = word not in FLAT and not (
                abs(diff) > exact and word in (UP if diff > 0 else DOWN))
        elif diff > 0:
            real, fix = "增加", "增加"
            bad = word not in UP
        else:
            real, fix = "减少", "减少"
            bad = word not in DOWN
        if bad:
            yield Hit(c.span, expected=fix, actual=word,
                      args={"quote": quote(ctx.doc, c.span[0], c.span[1]),
                            "cur": shown(ctx.doc, cur), "prior": shown(ctx.doc, prior),
                            "real": real, "word": word, "fix": fix,
                            "diff": "" if real == "相等" else " " + amount_in(abs(diff), cur)})


@rule("PX602", "draft-change-amount", "error", title="文字中的增减额不等于两个数字之差",
      message="“{quote}”：{cur} 与 {prior} 相差 {expected_text}，文字写 {stated}；"
              "请改为 {expected_text}（或核对两个数字）",
      cases=[fails("增减额算错", text="卫生健康支出 225387.8 元，较上年决算 171405.49 元增加 53000 元。",
                   at="1", expected=53982.31),
             passes("增减额与两数之差一致（末位四舍五入）",
                    text="卫生健康支出 225387.8 元，较上年 171405.49 元增加 5.40 万元。")])
def change_amount(ctx):
    """增减额等于两个数字之差的绝对值，按所写各数中最粗的末位的半个单位比较（domain.md
    的舍入容差），单位（元 / 万元 / 亿元）换算后比较。

    需要确定：本期数是句中“较上年”之前主语的那个金额；“占预算 Y 的 Z%”“为年初预算 Y 的
    Z%”“完成预算 Y 的 Z%”中的 Y 只是该比例的分母，“超收 / 节约”之后的金额是差额，都不是
    本期数（“完成 X 万元，占预算 Y 万元的 Z%，较上年同期 W 万元下降 R%”比较的是 X 与 W）；
    金额与“较”之间有“其中”时增减说的是分项（“支出 500 万元，……其中人员经费较上年增加 30 万元”），
    分项的本期数没写出，不核对。

    合格：“城乡社区支出 72000 元，较上年决算 436211.88 减少 364211.88 元”。
    不合格：“卫生健康支出 225387.8 元，较上年决算 171405.49 元增加 53000 元”（应为 53982.31 元）。
    """
    for c, cur, prior, amount, _r in _pairs(ctx):
        if amount is None or not amount.money:
            continue
        diff = abs(cur.value_yuan - prior.value_yuan)
        # each of the three figures rounded on its own: their half-units add up
        if off(amount.value_yuan, diff, max(tolerance(cur, prior, amount), rounded_tol(cur, among=(prior, amount))
                                            + rounded_tol(prior, among=(cur, amount))
                                            + rounded_tol(amount, among=(cur, prior)))):
            yield Hit(c.span, expected=float(diff), actual=float(amount.value_yuan),
                      args={"quote": quote(ctx.doc, c.span[0], c.span[1]),
                            "cur": shown(ctx.doc, cur), "prior": shown(ctx.doc, prior),
                            "stated": shown(ctx.doc, amount),
                            "expected_text": amount_in(diff, amount)})


@rule("PX603", "draft-change-rate", "error", title="文字中的增减率不等于（本期−对比期）÷对比期",
      message="“{quote}”：({cur} − {prior}) ÷ {prior} = {expected_text}，文字写 {stated}；"
              "请改为 {expected_text}",
      cases=[fails("增长率算错",
                   text="进出口总值 693.1 亿元，比上年 734.9 亿元下降 41.8 亿元，下降 4.9%。",
                   at="1", expected=-5.69),
             passes("增长率正确（同比增长 35.65%）",
                    text="营业收入 135.65 万元，同比 100 万元增长 35.65 万元，增长 35.65%。"),
             fails("上年数没写出：上年 = 本年 − 增加额", at="1", expected=2.72,
                   text="地方一般公共预算收入完成 78.14 亿元，同比增收 2.07 亿元，增长 6.7%。"),
             passes("上年数没写出，增减率与本年、增减额相符（按末位的舍入区间）",
                    text="一般公共预算总收入完成 126.05 亿元，同比增收 9.74 亿元，增长 8.38%。")])
def change_rate(ctx):
    """增减率等于（本期 − 对比期）÷ 对比期，按所写百分数末位的半个单位比较；“下降 / 减少”
    后的百分数按负数理解。句中没写上年数、只写了本期数和增减额时，上年数 = 本期数 ∓ 增减额，
    按各数所写末位的舍入区间比较（区间内任何一值相符都不报告）。以万元、亿元为单位的整数
    也按其末位的半个单位计（同一关系中另一个同单位的数写了小数时除外）；建议的改法不比原文
    多写位数。

    需要确定：本期数、增减方向和增减率在同一句；对比期数写出，或者由本期数与增减额算出
    （对比期是上年时）。本期数是主语的金额，不是“占预算 Y 的 Z%”“为年初预算 Y 的 Z%”中
    作分母的预算数 Y，也不是“超收 / 节约”的差额（同 PX602）。紧跟在乱码字符（“?”）后面的
    数字可能丢了前几位，不核对（各条规则同此）。

    合格：“营业收入 135.65 万元，同比 100 万元增长 35.65 万元，增长 35.65%”。
    不合格：“693.1 亿元，比上年 734.9 亿元下降 41.8 亿元，下降 4.9%”（应为 5.69%）。
    """
    yield from _implied_base_rate(ctx)
    for c, cur, prior, _amount, r in _pairs(ctx):
        if r is None or r.unit != "%" or prior.value_yuan == 0:
            continue
        rate = (cur.value_yuan - prior.value_yuan) / prior.value_yuan
        stated, tol = _stated_rate(ctx, c, r), _rate_tol(cur, prior, r)
        if off(stated, rate, tol) and off(-stated, rate, tol):
            # in % as the message says them: (本期 − 对比期) ÷ 对比期 signed, the stated rate
            # signed by its word (下降 4.9% is −4.9)
            yield Hit(c.span, expected=float(quantize(rate * 100, max(r.places, 2))),
                      actual=float(stated * 100), unit="%",
                      args={"quote": quote(ctx.doc, c.span[0], c.span[1]),
                            "cur": shown(ctx.doc, cur), "prior": shown(ctx.doc, prior),
                            "stated": shown(ctx.doc, r),
                            "expected_text": ("下降 " if rate < 0 else "增长 ")
                            + rate_text(abs(rate), r.places)})


def _stated_rate(ctx, c, r) -> Decimal:
    """The rate ``r`` of change claim ``c`` as a fraction, negative after 下降 / 减少."""
    stated = r.value / 100
    word = ctx.doc.flat[max(c.span[0], r.start - 6):r.start]
    if any(w in word for w in DOWN) and not any(w in word for w in UP):
        stated = -stated
    return stated


def _rate_tol(cur, prior, r) -> Decimal:
    """How far a rate written as ``r`` may be from (cur − prior) ÷ prior: half a unit of its last
    digit, plus what the two amounts' own rounding may move the quotient."""
    tc, tp = rounded_tol(cur, among=(prior,)), rounded_tol(prior, among=(cur,))
    return r.tol / 100 + quotient_tol(cur.value_yuan - prior.value_yuan, tc + tp,
                                      prior.value_yuan, tp)


def _implied_base_rate(ctx):
    """「支出 8.40 万元，较上年减少 1.20 万元，下降 14.29%」: the base is 8.40 + 1.20 = 9.60 and the
    rate 12.50%; the same against a budget (「与年初预算相比」) unless a table above gives that
    budget (PX634).  Compared over the interval the written figures allow (each ± half a unit of
    its last digit), so a rate computed from unrounded amounts is never reported."""
    from perfxl.draft.rules_table_bases import BUDGET_BASES, table_base
    for c in ctx.claims.of("change"):
        cur, prior, amount, r = c.figures
        if (prior is not None or cur is None or amount is None or r is None or r.unit != "%"
                or not (cur.money and amount.money)
                or c.basis not in _PRIOR_BASES + BUDGET_BASES + ("",)):
            continue
        if c.basis in BUDGET_BASES and (ctx.codes is None or "PX634" in ctx.codes) \
                and table_base(ctx, c) is not None:
            continue  # the budget is in a table above: PX634 checks against it
        word = c.words.rstrip("了")
        sign = -1 if word in DOWN else (1 if word in UP else 0)
        if not sign or not _sole_amount(ctx, cur):
            continue
        rates = []
        for dc in (-cur.tol_yuan, cur.tol_yuan):
            for da in (-amount.tol_yuan, amount.tol_yuan):
                b, x = cur.value_yuan + dc, amount.value_yuan + da
                base = b - sign * x
                if base <= 0:
                    break
                rates.append(x / base)
            else:
                continue
            break
        if len(rates) != 4:
            continue
        stated = r.value / 100
        lo, hi = min(rates) - r.tol / 100, max(rates) + r.tol / 100
        if lo - Decimal("1e-9") <= stated <= hi + Decimal("1e-9"):
            continue
        base = cur.value_yuan - sign * amount.value_yuan
        rate = amount.value_yuan / base
        fine = amount if amount.unit == cur.unit and amount.places > cur.places else cur
        yield Hit(c.span, expected=float(sign * rate), actual=float(sign * stated),
                  args={"quote": quote(ctx.doc, c.span[0], c.span[1]),
                        "cur": shown(ctx.doc, cur),
                        # the base at the finer decimals of the two it is made of (36,399 +
                        # 571.6 = 36970.6, not 36971)
                        "prior": f"{_base_name(c.basis)} {amount_in(base, fine)}",
                        "stated": shown(ctx.doc, r),
                        "expected_text": ("下降 " if sign < 0 else "增长 ")
                        + rate_text(rate, r.places)})


def _base_name(basis: str) -> str:
    """What the base of a change is called in a message: 上年数, 年初预算数…"""
    from perfxl.draft.quantities import stage_of
    stage = stage_of(basis) if basis not in _PRIOR_BASES + ("",) else ""
    return f"{'年初预算' if basis == '年初' else stage}数" if stage else "上年数"


def _sole_amount(ctx, cur) -> bool:
    """``cur`` is the only amount of its clause chain (since the last ; or 。, parts in
    parentheses aside): 「支出 90 万元，人员经费 50 万元，较上年增加 10 万元」 does not say whose
    change it is, and the base is not derived."""
    import bisect
    from perfxl.draft.claims import not_current
    from perfxl.draft.numbers import open_paren
    doc, prior = ctx.doc, ctx.claims.prior
    paras = doc.paragraphs
    k = bisect.bisect_right(paras, (cur.start, float("inf"))) - 1
    if k < 0:
        return False
    figs, starts = ctx.paragraph_figures(k)
    a = max(paras[k][0], max(doc.flat.rfind(ch, paras[k][0], cur.start) for ch in ";。") + 1)
    lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, cur.start)
    return not any(f.money and f.start not in prior and open_paren(doc.flat, a, f.start) is None
                   and not not_current(doc.flat, f) for f in figs[lo:hi])


#: 「同口径比上年」「按可比口径较上年」: words on how the change is measured, not on what changed.
_BASIS_WORDS = re.compile(r"^(?:按|以)?(?:同口径|可比口径|同比|可比价格?|现价)(?:计算|计)?$")
_PRIOR_BASES = ("上年", "上年度", "去年", "上一年", "上年同期", "去年同期", "上一年度")


def _subject(text: str) -> str:
    """The quantity a change is about: "“三公”经费支出总额" -> "三公经费"."""
    s = norm_label(text)
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"(?:总额|总计|合计|总支出|支出|决算数?|金额)$", "", s)
    return re.sub(r"^(?:其中|本年度?|全年|我单位|本单位|我局)", "", s)


def _signed(c) -> tuple[Decimal | None, Decimal | None]:
    """(signed amount in 元, signed rate) of a change claim as written."""
    _cur, _prior, amount, r = c.figures
    sign = -1 if c.words.rstrip("了") in DOWN else (0 if c.words in FLAT else 1)
    a = sign * amount.value_yuan if amount is not None and amount.money else None
    x = sign * r.value / 100 if r is not None and r.unit == "%" else None
    if sign == 0:
        a, x = Decimal(0), Decimal(0)
    return a, x


@rule("PX620", "draft-change-restated", "error", title="同一项目的增减在报告中前后说法不一",
      message="“{quote}”：这里写{this}，{where}写{other}；同一项目较上年的增减只能有一个，"
              "请按两个年度的数字改正",
      cases=[fails("前面减少 5.61 万元，后面增加 0.11 万元", at="2", expected="减少 5.61万元（49.34%）",
                   text="“三公”经费支出5.76万元，其中：公务接待费0.81万元；较上年决算减少5.61万元，"
                        "下降49.34%。\n“三公”经费支出总额较上年增加0.11万元，上升1.99%。"),
             passes("只写了口径的增减不与合计的增减比较",
                    text="全市义务教育经费为8000万元，同口径比上年下降12.50%。\n"
                         "城区小学生均经费为4100元，同口径比上年增长6.25%。"),
             passes("两处一致",
                    text="“三公”经费支出5.76万元，较上年决算减少5.61万元，下降49.34%。\n"
                         "“三公”经费支出总额较上年减少5.61万元。")])
def change_restated(ctx):
    """同一项目（“三公”经费支出、一般公共服务支出……）较上年的增减额或增减率在报告中写了两次
    而方向或数值不同（按两者所写末位中较粗的半个单位比较）。报告后面的那一处被报告；能由
    写出的两个年度数字（或表中一行）核对的那一处不报告（PX601–PX603 核对它）。

    合格：两处都写“较上年决算减少5.61万元”。
    不合格：第 37 段“较上年决算减少5.61万元，下降49.34%”，第 50 段“较上年增加0.11万元，
    上升1.99%”（perfxl 为 seed 004 生成的报告，用户填写的说明文字带进了旧数字）。

    需要确定：两处增减说的是同一数量（名称、阶段、资金范围、年度按 ``perfxl.draft.quantities``
    相同；“三公”经费本就是财政拨款安排的，写不写“一般公共预算财政拨款”是同一范围），对比期
    都是上年（写成“比2020年”而报告是 2021 年度的也算）。“同口径比上年下降R%”之前只有口径、
    没有名称的（“幼儿园为2299.11元，同口径比上年下降30.57%”），说的是哪一数量不能确定，不与别处比较。
    """
    from perfxl.draft.quantities import areas
    seen: dict[tuple, list[tuple[object, Decimal | None, Decimal | None]]] = {}
    anchored = {id(c) for c, *_ in _pairs(ctx)} | ctx.memo.get("change_unit_doubt", set())
    marks = areas(ctx.doc)
    for c in ctx.claims.of("change"):
        key = _change_key(ctx, c, marks)
        if key is None:
            continue
        a, x = _signed(c)
        for c2, a2, x2 in seen.get(key, [])[-20:]:
            amount, r = c.figures[2], c.figures[3]
            bad_a = a is not None and a2 is not None and abs(a - a2) > max(
                amount.tol_yuan if amount is not None else Decimal(0),
                c2.figures[2].tol_yuan if c2.figures[2] is not None else Decimal(0)) + Decimal("1e-9")
            bad_x = x is not None and x2 is not None and abs(x - x2) > max(
                (r.tol if r is not None else Decimal(0)),
                (c2.figures[3].tol if c2.figures[3] is not None else Decimal(0))) / 100 + Decimal("1e-9")
            if not (bad_a or bad_x) or id(c) in anchored:
                continue
            place = place_of(ctx.doc, c2.span[0])
            yield Hit(c.span, expected=_say(c2), actual=_say(c),
                      args={"quote": quote(ctx.doc, c.span[0], c.span[1]),
                            "this": _say(c), "where": place, "other": _say(c2)})
            break
        seen.setdefault(key, []).append((c, a, x))


def _change_key(ctx, c, marks=()):
    """What a change against last year is a change *of*: (name, stage, scope, year, area) of its
    subject through the quantity model (``perfxl.draft.quantities``; the area of ``marks``,
    ``quantities.areas``: 全市 / 市本级 …), or ``None`` when the
    subject names no quantity or the basis is not last year (a year written out counts when it
    is the year before the report's)."""
    from perfxl.draft.quantities import stage_of, subject_name
    year = ctx.doc.year
    basis = c.basis
    m = re.fullmatch(r"((?:19|20)\d\d)年度?", basis)
    if not (basis in _PRIOR_BASES or (m and year is not None and int(m.group(1)) == year - 1)):
        return None
    if _BASIS_WORDS.match(norm_label(c.subject)):
        return None  # 「幼儿园为2299.11元，同口径比上年下降30.57%」: the subject is left unsaid
    name, scope = subject_name(c.subject)
    if not name or len(_subject(c.subject)) < 2:
        return None
    ys = re.findall(r"((?:19|20)\d\d)\s*年", c.subject)
    period = int(ys[-1]) if ys else year
    from perfxl.draft.quantities import area_at
    return name, stage_of(c.subject), scope, period, area_at(list(marks), c.span[0])


def _say(c) -> str:
    _cur, _prior, amount, r = c.figures
    bits = [c.words.rstrip("了")]
    if amount is not None:
        bits.append(f" {amount.value}{'万元' if amount.unit == '万' else amount.unit}")
    if r is not None:
        bits.append(f"（{r.value}%）")
    return "".join(bits)
