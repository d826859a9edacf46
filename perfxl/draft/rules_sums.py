"""PX604–PX606: breakdowns (其中 / 包括 / 分别为) and shares (占…的 R%) in the draft's prose."""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import amount_in, off, quote, quotient_tol, rate_text, rounded_tol, shown
from perfxl.draft.numbers import Figure, tolerance
from perfxl.draft.units import money_in


def _tolerance(total: Figure, parts: list[Figure]) -> Decimal:
    """Half a unit of the coarsest last digit; for 万元 (and 亿元) figures at least the rounding
    slack the workbook's sum rules allow (``perfxl.checks.sumrel.slack``: every 万元 amount is
    itself rounded from 元, so four parts may miss their total by 0.01 万元; an amount in 亿元
    is rounded from 万元 alike: 605.82 + 959.62 + 1181.64 亿元 may be written 2747.07); when
    every figure is a whole number of 万元 / 亿元, each is rounded to the whole unit
    (``rounded_tol``: 38 + 958 万元 may be written 995)."""
    from perfxl.checks.sumrel import SumRel, slack

    figs = (total, *parts)
    tol = tolerance(total, *parts)
    for units, scale in ((("万元", "万"), 10000), (("亿元", "亿"), 100000000)):
        if all(f.unit in units for f in figs):
            rel = SumRel("", float(total.value), ("", ""), "",
                         tuple((float(p.value), "") for p in parts))
            tol = max(tol, Decimal(repr(slack(rel, "万元"))) * scale)
            if not any(f.places for f in figs):
                tol = max(tol, sum((rounded_tol(f) for f in figs), Decimal(0)))
    return tol


def _part_name(p: Figure) -> str:
    from perfxl.draft.common import quantity_name
    from perfxl.draft.quantities import synonym
    return synonym(quantity_name(re.sub(r"[\s“”\"]", "", p.label)))


#: a part that holds whatever the others leave (其他收入, 其他支出, 其他): the list is complete
#: (not a class of its own that starts with the word: 其他资本性支出, 其他商品和服务支出)
_REST = re.compile(r"(?:^|[,;、:]|和|以及|及)\s*其他(?:收入|支出|资金)?\s*(?:为|是|:)?\s*$")


def _complete(flat: str, parts: list[Figure]) -> bool:
    """Whether a 其中 list names every part of its total: one part of nothing (an item listed
    with 0 is listed because every item is), a last part that is the rest (其他收入), or exactly
    the parts of a whole that has no other (``perfxl.glossary.COMPLETE_BREAKDOWNS``: 人员经费 +
    公用经费)."""
    from perfxl.glossary import COMPLETE_BREAKDOWNS
    if any(p.value == 0 for p in parts):
        return True
    names = [_part_name(p) for p in parts]
    if _REST.search(flat, parts[-2].end, parts[-1].start):
        return True
    for whole in COMPLETE_BREAKDOWNS:
        if len(whole) == len(names) and all(
                sum(bool(re.search(w, n)) for w in whole) == 1 for n in names) and all(
                sum(bool(re.search(w, n)) for n in names) == 1 for w in whole):
            return True
    return False


def _overlapping(parts: list[Figure]) -> bool:
    """A part that is a whole of other classes (民生支出, ``perfxl.glossary.OVERLAPPING_PARTS``)
    listed beside others: those are inside it, the list is no sum."""
    from perfxl.glossary import OVERLAPPING_PARTS
    return len(parts) > 1 and any(w in p.label for p in parts for w in OVERLAPPING_PARTS)


@rule("PX604", "draft-breakdown-sum", "warning", title="文字中“其中”各项之和不等于合计",
      message="“{quote}”：{which} {parts} 之和为 {sum_text}，合计写 {total}；"
              "请核对合计或各分项（相差 {gap}）",
      cases=[fails("分项之和比合计多 0.1",
                   text="岳阳市进出口总值693.1亿元，其中，进口值536.7亿元，出口值156.5亿元。",
                   at="1", expected=693.2),
             passes("分项之和等于合计",
                    text="2022 年度收入合计 414.31 万元，其中：一般公共预算财政拨款收入 414.21 万元；"
                         "其他收入 0.10 万元。"),
             passes("万元各数四舍五入的尾差（与工作簿 PX104 同一容差）",
                    text="基本支出2,202.32万元，其中：工资福利支出924.72万元；商品和服务支出265.40万元；"
                         "对个人和家庭的补助1,009.27万元；资本性支出2.94万元。"),
             passes("两个合计各有其分项（预算、执行）",
                    text="全年预算 300 元，全年执行 290 元。其中基本支出预算 100 元，全年执行数 95 元，"
                         "项目支出预算 200 元，全年执行数 195 元。"),
             fails("一句里先后两个合计，只有第二个与其分项不符", at="1", expected=470,
                   text="总收入 500.00 万元，其中财政拨款 450.00 万元、其他收入 50.00 万元；"
                        "总支出 480.00 万元，其中基本支出 300.00 万元、项目支出 170.00 万元。"),
             fails("没写“其中”：共计之后按资金来源列出的各数超过共计", at="1", expected=3155.88,
                   text="项目实际投入共计 2765.24 万元，财政拨款 195.32 万元，自筹资金 2960.56 万元。"),
             passes("按资金来源只列了一部分（少于共计）",
                    text="项目实际投入共计 2765.24 万元，财政拨款 195.32 万元，自筹资金 1960.56 万元。"),
             passes("“其中”只举了几项（之和少于合计）",
                    text="全县一般公共预算支出 82.60 亿元，其中：教育支出 15.30 亿元，农林水支出 9.80 亿元。"),
             fails("列出了合计的全部组成（人员经费、公用经费），之和少于合计", at="1", expected=480,
                   text="基本支出 500.00 万元，其中：人员经费 420.00 万元，公用经费 60.00 万元。"),
             fails("列出了为 0 的一项，即逐项列全，之和少于合计", at="1", expected=19.5,
                   text="“三公”经费 20.50 万元，其中：公务接待费 3.20 万元，公务用车运行维护费 16.30 万元，"
                        "因公出国（境）费 0 万元。"),
             passes("分项之一（民生支出）本身包含另一分项（卫生健康支出）",
                    text="全市一般公共预算支出 300.0 亿元，其中民生支出 240.0 亿元，卫生健康支出 70.0 亿元。"),
             passes("“加……”起另一个汇总（收入合计），不是“其中”的分项",
                    text="一般公共预算收入 300 亿元，其中税收收入 210 亿元；加上级补助收入 90 亿元，"
                         "调入资金 20 亿元，收入合计 410 亿元。"),
             fails("“由……组成”列的是全部组成，之和少于合计", at="1", expected=280,
                   text="项目总投资 300.00 万元，由中央资金 200.00 万元、省级资金 50.00 万元及县级配套 30.00 万元组成。"),
             passes("“主要由……组成”只列了主要部分",
                    text="项目总投资 300.00 万元，主要由中央资金 200.00 万元、省级资金 50.00 万元组成。"),
             fails("“其中：”之后逐行编号列出各分项", at="1", expected=28,
                   text="“三公”经费支出 30.00 万元。其中：\n1.因公出国（境）费 0 万元；\n"
                        "2.公务用车购置及运行维护费 22.00 万元；\n3.公务接待费 6.00 万元。"),
             passes("编号在说明段之后续上：分项不全在这里",
                    text="“三公”经费支出 30.00 万元。其中：\n1.因公出国（境）费 0 万元；\n"
                         "2.公务用车购置及运行维护费 22.00 万元；\n说明：公务用车用于执法。\n3.公务接待费 8.00 万元。"),
             passes("分项下的“其中”不再计入合计",
                    text="本年支出 100.00 万元，其中基本支出 60.00 万元，其中人员经费 50.00 万元、"
                         "公用经费 10.00 万元，项目支出 40.00 万元。")])
def breakdown_sum(ctx):
    """“合计 T，其中 A、B、C”：A + B + C 应等于 T，按所写各数中最粗的末位的半个单位比较；
    万元各数本身由元四舍五入而来，差额不超过工作簿合计规则的尾差容差（PX104 等，
    ``perfxl.checks.sumrel.slack``：每个数第二位小数的半个单位之和）时不报告
    （seed 004：924.72 + 265.40 + 1009.27 + 2.94 = 2202.33，基本支出写 2202.32）；亿元各数
    由万元四舍五入而来，同样处理（605.82 + 959.62 + 1181.64 = 2747.08，合计写 2747.07 亿元
    不报告）。合计和各分项都写成整数万元（或亿元）时，每个数是取整到万元的，各数半个万元
    之和以内的差不报告（38 + 958 = 996，合计写 995 万元不报告）。
    上年数、增减额不算分项（分项金额后写的“增收 / 减收 / 增支 / 减支 / 增加 / 减少 C”是该分项
    的增减，不是另一个分项）；一句有两个合计（预算 T1、执行 T2）时，分项按“预算 / 执行 /
    决算 / 收入 / 支出”归到对应的合计。一句里先后写了几个合计、各带“其中”（“总收入 A，
    其中 B、C；总支出 D，其中 E、F”：分号之后，或逗号之后写“总…/…合计”的数）时，每个合计
    只与它自己的分项比较。括号里的、分项自己“其中”下的细项不再计入合计；细项之和与该分项
    对不上、分不清哪些数属于它时不报告。“其中：”后只列了一项就结束了段落、其后各段各以
    一个分项金额开头（“公用经费 71339.2 元，主要包括……”）时，这些段到下一个标题为止的分项
    一并计入（不以标题结束、又未超过合计时不报告）。没写“其中”、而“共计 / 合计 T”之后同一句
    只列按资金来源命名的数（财政拨款、自筹资金、配套资金……）时，它们是 T 的来源：之和超过 T
    才报告（可能只列了部分来源）。合计的增减（“较上年……增加 15.15 万元”）下一句以“其中：”
    列出各分项的增减（“公务接待费减少 0.26 万元，公务用车运行维护费增加 14.79 万元”）、且
    不少于上文该合计的非零分项时，各分项增减（减少记负）之和应等于合计的增减。
    哪些数是哪个合计的分项：分号后的“其中”只分该分句的合计、分项到下一个分号为止；括号里的
    “其中”只分括号前的那个数、分项只取括号内的；一句有几个不同年度的合计时，各取本年度的分项；
    “一般公共预算”是资金来源，不使“支出”成为“预算”数。列表可能延续到句子以外（句号落在括号
    里、下一句又以一个分项金额开头）或只是举例（“A、B 为 a、b”）时，只在分项之和超过合计时
    报告。

    “其中”不一定列全：分项之和少于合计时，只在确知列全了才报告——列了一项 0（逐项列出才会
    写 0）、最后一项是“其他……”（其余都在其中）、或各项恰是一个合计的全部组成
    （``perfxl.glossary.COMPLETE_BREAKDOWNS``：税收收入 + 非税收入，基本支出 + 项目支出，人员经费
    + 公用经费，“三公”经费的三项或四项）；超过合计总是报告。分项之一是包含其他分项的汇总口径
    （民生支出含教育、卫生健康等，``OVERLAPPING_PARTS``）时各项不能相加，不报告。“其中 A；加 B、
    C……收入合计 T”里“加 / 减 / 扣除”起的分句另算一个汇总，其后的数和叫“合计 / 总计”的数都不是
    “其中”的分项。分项是按名称区分的组成部分（一项资金、一个项目、一种用途）；只以执行阶段
    命名的数（“已支出”“已拨付”“累计使用”“结余”“执行”）说的是合计本身花了多少、剩多少，
    不是又一个分项，列表到它为止（“520 万元，其中：某补助资金 520 万元，已支出 388.16 万元”
    不相加）。分项可能只列了主要部分，故为警告。

    没写“其中”而写“T，由 A、B 及 C 组成（构成）”时，所列就是全部组成，之和少于 T 同样报告；
    “T，包括 A 和 B”与“其中”同样处理。“T。其中：”结束一段、其下各行以 1. / (1) / ① 从 1 起连续
    编号、每行以一个分项金额开头时，这些行是 T 的分项（编号在其后隔段又续上时不读）。
    其下各行不编号时，只在合计的名称本身写明了它由哪几项组成（“公务用车购置及运行维护费”即
    购置费与运行维护费，``perfxl.glossary.QUANTITY_PARTS``）、其后各行恰好各以其中一项的金额
    开头时，这些行是 T 的全部分项。
    反过来，“1、A x 万元，其中 y 万元；2、B z 万元”里“其中”后的分项没有编号，下一个编号项（“2、”
    “（二）”）是 A 的并列项，不是 A 的分项，分项到它为止。

    合格：“收入合计 414.31 万元，其中：财政拨款收入 414.21 万元；其他收入 0.10 万元”。
    不合格：“进出口总值693.1亿元，其中，进口值536.7亿元……出口值156.5亿元”（之和 693.2；
    seed 004 第 179 行）。
    """
    for c in ctx.claims.of("breakdown"):
        total, *parts = c.figures
        s = sum((p.value_yuan for p in parts), Decimal(0))
        if c.words in ("来源", "其中…") and s <= total.value_yuan:
            continue  # the sources named, or a list that may go on, may be only some parts
        if c.words != "增减" and (_overlapping(parts) or (
                s < total.value_yuan and c.words != "组成" and not _complete(ctx.doc.flat, parts))):
            continue  # a part inside another, or a list that need not name every part
        if off(total.value_yuan, s, _tolerance(total, parts)):
            signed = c.words == "增减"
            # signed changes are no figures of the text as written: given in its unit here
            (want, got), unit = (money_in(total, s, total.value_yuan) if signed
                                 else ((float(s), float(total.value_yuan)), None))
            yield Hit(c.span, expected=want, actual=got, unit=unit,
                      args={"quote": ctx.doc.raw[total.start:total.end]
                            + {"来源": "……", "组成": "，由……组成"}.get(c.words, "，其中……"),
                            "which": {"来源": "所列各资金来源", "增减": "其中各项的增减",
                                      "组成": "所列各组成部分"}.get(
                                c.words, "其中各项"),
                            "parts": " + ".join(("−" if signed and p.value < 0 else "")
                                                + shown(ctx.doc, p) for p in parts).replace(
                                                    "+ −", "− "),
                            "sum_text": (("减少 " if s < 0 else "增加 ") + amount_in(abs(s), total)
                                         if signed else amount_in(s, total)),
                            "total": (("减少 " if total.value < 0 else "增加 ") if signed else "")
                            + shown(ctx.doc, total),
                            "gap": amount_in(abs(s - total.value_yuan), total)})


def _shares(ctx):
    for c in ctx.claims.of("share"):
        part, total, r = c.figures
        if total is None or total.value_yuan == 0:
            continue
        yield c, part, total, r, part.value_yuan / total.value_yuan


def _share_tol(part: Figure, total: Figure, r: Figure) -> Decimal:
    """How far a share written as ``r`` may be from part ÷ total: half a unit of its last
    digit, plus what the two amounts' own rounding may move the quotient."""
    return r.tol / 100 + quotient_tol(part.value_yuan, rounded_tol(part, among=(total,)),
                                      total.value_yuan, rounded_tol(total, among=(part,)))


#: 「人员经费 600、公用经费 100，合计占本年支出的 70%」: a share of several parts together.
_SUMMED = re.compile(r"(?:合计|共计|累计|总计|两项|二者|两者|以上|上述|三项)[共约]?占|共占")
#: 「A 万元，占 R%」: a share that names no whole (only 占 / 占比 between the amount and R).
_BARE = re.compile(r"[，,、\s]*占(?:比)?(?:为|达|约)?\s*")


def _nested(ctx, part: Figure, total: Figure, r: Figure) -> tuple[Figure, ...]:
    """For a share naming no whole, the amounts of its sentence between its total and its part
    that are smaller than the total and larger than the part: a sub-total the part may be a
    piece of (「项目支出 300 万元……项目支出中专项业务费 240 万元，占 80%」, 「基本支出 700 万元（人员
    经费 600 万元，占 85.71%；公用经费 100 万元，占 14.29%）」), so another whole it may be of."""
    if not _BARE.fullmatch(ctx.doc.flat, part.end, r.start):
        return ()
    return tuple(f for f, (a, b) in ctx.claims.amounts
                 if total.end <= f.start < part.start and a <= part.start < b
                 and part.value_yuan < f.value_yuan < total.value_yuan)


@rule("PX605", "draft-share", "error", title="文字中的占比不等于分项÷合计",
      message="“{quote}”：{part} ÷ {total} = {expected_text}，文字写 {stated}；请改为 {expected_text}",
      cases=[fails("占比算错",
                   text="收入合计 1000 元，其中财政拨款 900 元，占收入的 80%，其他收入 100 元，占收入的 10%。",
                   at="1", expected=90),
             passes("占比按所写位数四舍五入后一致",
                    text="收入合计 17333259.20 元，其中财政拨款 17333145.09 元，占收入的 99.999%，"
                         "其他收入 114.11 元，占收入的 0.001%。"),
             passes("两个金额都只写到一位小数，占比在其舍入范围内",
                    text="税费收入共 45.3 亿元，其中营业税费 38.2 亿元，占税费收入的 84.4%。"),
             passes("万元整数在其舍入范围内（740.5 至 741.5 ÷ 1659.5 至 1660.5）",
                    text="全县累计完成税收收入 741 万元，占年初预算 1660 万元的 44.7%。"),
             passes("占比写的合计不是“其中”句的合计",
                    text="全年政府采购支出总额 5000.00 万元。\n授予中小企业合同金额 2000.00 万元，"
                         "其中，授予小型企业合同金额 600.00 万元，占政府采购支出总额的 12.0%。"),
             passes("省的总数之后是某市的段落：合计不确定",
                    text="全省一般公共预算支出 2000.0 亿元。\n东川市全市一般公共预算支出完成 150.0 亿元。"
                         "其中，教育支出 30.0 亿元，占一般公共预算支出的 20.0%。")])
def share(ctx):
    """“A，占合计的 R%”：R 应等于 A ÷ 合计，按所写百分数末位的半个单位比较，加上 A 与合计各按
    所写末位四舍五入所能带来的偏差（“65.7 亿元，占 77.6 亿元的 84.6%”：两数各差 0.05 亿元时
    比值可在 84.55% 与 84.78% 之间，不报告；以万元、亿元为单位的整数同样是四舍五入来的，
    “969 万元”可以是 968.5 至 969.5 万元，除非同一关系中另一个同单位的数写了小数）。建议的
    改法不比原文多写位数。

    需要确定合计是哪一个数，否则不报告：
    - 占比本身写出了合计及其金额（“占年初预算 2180 万元的 44.5%”）；或
    - 合计是所在“其中”句的合计，且占比没写合计名称、或写的名称就是它（“收入合计 1000 元，
      其中财政拨款 900 元，占收入的 90%”）；占比写了另一个名称时（“其中：授予小微企业合同
      金额……，占政府采购支出总额的 6.7%”）按该名称找，不取“其中”句的合计；或
    - 占比写的名称在报告中找得到（同一名称写了几个不同数时，对每一个都不符才报告），并且
      从该数到占比之间没有写出别的地区或级次（某某市、某某县、全市、全省、市本级……）：
      省的总数之后逐段写各市的，各市段落中的占比不是省总数的占比；或
    - 只写“占 R%”的一串占比：句首写明“某某的（具体）构成为：”，且报告中名为该名称（合计、
      总计不计）的数只有一个、写在这串之前（“本年收入的具体构成为：财政拨款收入 450 万元，
      占 90%……”，合计取“本年收入合计 500 万元”）；或各项都写了占比、占比合计 100%，且各项金额之和等于
      本句或上一句中写在这串之前的一个金额（“三公经费支出决算 2.50 万元……公务接待费 0.75
      万元，占 30%；公务用车运行维护费 1.75 万元，占 70%”）；或
    - 一串占比都写同一个合计名称、而报告中没有这个名称的金额（“占采购总量的 R%”）：各项占比
      合计 100%（所列就是全部），各项金额之和恰等于前文（同一名称之外）写过的一个数（“实际完成
      采购金额 71.22 亿元”），只有这一个数、其间没有写出别的地区时，合计就是它。

    “合计占……”“两项共占……”是前面几项之和的占比，不按最后一项核对。只写“占 R%”而合计与
    分项之间还有比分项大的小计（“项目支出 300 万元……项目支出中专项
    业务费 240 万元，占 80%”、括号里列的是某一项的构成）时，合计也可能是该小计：对它相符就
    不报告。

    同一个数以“2万5884.2亿元”这样万字夹在中间的写法出现时按 25884.2 亿元读；万字后面不是
    四位数字的写法读法不确定，不作为金额。

    合格：“其中财政拨款收入支出 17333145.09 元，占收入支出的 99.999%”（17333145.09 ÷
    17333259.20 = 99.99934%）。
    不合格：“财政拨款 900 元，占收入的 80%”（合计 1000 元，应为 90%）。
    """
    for c, part, total, r, x in _shares(ctx):
        if c.basis != "%" or not c.sure:
            continue  # a whole that is a guess (``perfxl.draft.share_whole``): no finding
        if _SUMMED.search(ctx.doc.flat, part.end, r.start):
            continue  # 「A、B，合计占…的 70%」: the share of the listed parts together
        others = c.others + _nested(ctx, part, total, r)
        if off(r.value / 100, x, _share_tol(part, total, r)) and all(
                o.value_yuan and off(r.value / 100, part.value_yuan / o.value_yuan,
                                     _share_tol(part, o, r)) for o in others):
            yield Hit(c.span, expected=float(x), actual=float(r.value / 100),
                      args={"quote": quote(ctx.doc, c.span[0], c.span[1]),
                            "part": shown(ctx.doc, part), "total": shown(ctx.doc, total),
                            "stated": shown(ctx.doc, r),
                            "expected_text": rate_text(x, r.places)})


@rule("PX606", "draft-share-no-percent", "warning", title="文字中的占比漏写了百分号",
      message="“{quote}”：占比写成 {stated}，没有“%”；按字面是 {literal}，而 {part} ÷ {total} = "
              "{expected_text}；请写成 {expected_text}",
      cases=[fails("占比 0.001 漏了 %",
                   text="决算收入 17333259.20 元，其中财政拨款 17333145.09 元，占收入的 99.999%，"
                        "其他收入 114.11 元，占收入的 0.001。", at="1"),
             passes("占比带 %", text="收入 100 元，其中财政拨款 60 元，占收入的 60%，其他 40 元，占收入的 40%。")])
def share_without_percent(ctx):
    """占比要带百分号：“占收入支出的 0.001”按字面是 0.1%，与同段其他带“%”的占比口径不一，
    读者会把它当成小数。分项 ÷ 合计给出正确写法。写的数恰是分项 ÷ 合计的小数（“占收入的
    0.35”，35 ÷ 100，按所写末位）时写法虽不统一但数不错，不报告。

    合格：“其他收入 114.11 元，占收入支出的 0.001%”。
    不合格：“其他收入 114.11 元，占收入支出的 0.001。”（seed 000 第 85 行）。
    """
    for c, part, total, r, x in _shares(ctx):
        if c.basis == "%" or not off(r.value, x, r.tol):
            continue  # 「占收入的 0.35」 with 35 ÷ 100: a right decimal fraction, no slip
        # the fix is a way of writing: what to write and what is written, as the message says
        yield Hit(c.span, expected=rate_text(x, max(r.places, 2)), actual=shown(ctx.doc, r),
                  args={"quote": quote(ctx.doc, c.span[0], c.span[1]),
                        "stated": shown(ctx.doc, r), "literal": rate_text(r.value, 1),
                        "part": shown(ctx.doc, part), "total": shown(ctx.doc, total),
                        "expected_text": rate_text(x, max(r.places, 2))})


_SPENDING_TOTAL = ("本年支出合计", "支出合计", "本年支出", "决算支出", "实际支出")
_CARRY = ("年末结转和结余", "年末结转", "结转和结余", "结转结余", "年末结余")
#: A balance at the start of the year (年初结转和结余, 上年结转) is no 年末 balance.
_OPENING = re.compile(r"年初|期初|上年|以前年度")
#: The 决算 table's other kinds of 本年支出 (上缴上级支出, 经营支出, 对附属单位补助支出): with one
#: stated, 本年支出合计 is more than 基本支出 + 项目支出 and the identity is not resolved.
_OTHER_SPENDING = re.compile(r"上缴上级支出|经营支出|对附属单位补助支出|对下级单位补助")


@rule("PX629", "draft-carry-over-as-spending", "warning", title="年末结转结余算进了本年支出",
      message="“{quote}”：基本支出 {basic} + 项目支出 {project} = {sum_text}，本年支出合计写 "
              "{total}，相差的 {diff} 正是{where}的年末结转和结余 {carry}；结转结余不是本年支出，"
              "请核对本年支出合计",
      cases=[fails("本年支出合计把年末结转算了进去", at="1", expected=734,
                   text="2023年本年支出合计 860.00 万元。\n其中基本支出 512.30 万元，项目支出 221.70 万元。\n"
                        "年末结转和结余 126.00 万元。"),
             passes("本年支出合计 = 基本支出 + 项目支出",
                    text="2023年本年支出合计 734.00 万元。\n其中基本支出 512.30 万元，项目支出 221.70 万元。\n"
                         "年末结转和结余 126.00 万元。"),
             passes("相差的不是结转结余（另有原因，PX604 的事）",
                    text="2023年本年支出合计 860.00 万元。\n其中基本支出 512.30 万元，项目支出 221.70 万元。\n"
                         "年末结转和结余 26.00 万元。")])
def carry_over_as_spending(ctx):
    """本年支出合计 = 基本支出 + 项目支出（部门决算的口径）；年末结转和结余是没有花出去的钱，
    不是支出。报告别处写的本年支出合计比基本支出与项目支出之和多出的部分恰好等于它写的年末
    结转和结余时，是把结转结余算成了支出。

    需要确定：基本支出、项目支出、本年支出合计、年末结转和结余各只有一个本年的数（按
    ``perfxl.draft.quantities`` 的名称与年度），差额与结转结余在所写末位的半个单位内相等；
    其余情形不报告（“支出总计”按决算表口径本就含结转结余，不比较）。结转结余须是年末的
    （“年初结转和结余”“上年结转”不算）；写了上缴上级支出、经营支出、对附属单位补助支出等
    另一类本年支出时，本年支出合计本就不止基本支出与项目支出，不报告。
    合格：“本年支出合计 734.00 万元”，基本支出 512.30 万元、项目支出 221.70 万元，年末结转
    126.00 万元。
    不合格：“本年支出合计 860.00 万元”（= 734.00 + 结转 126.00）。
    """
    year = ctx.doc.year or 0
    found: dict[str, list] = {"total": [], "basic": [], "project": [], "carry": []}
    for q in ctx.quantities:
        f = q.figure
        if q.period not in (year, 0) or q.role in ("change", "prior") or q.scope:
            continue
        label = f.label
        if "总计" in label:
            continue
        if any(label.endswith(w) or label == w for w in _SPENDING_TOTAL):
            found["total"].append(f)
        elif q.name == "基本支出":
            found["basic"].append(f)
        elif q.name in ("项目支出",):
            found["project"].append(f)
        elif any(w in label for w in _CARRY) and not _OPENING.search(label):
            found["carry"].append(f)
        elif _OTHER_SPENDING.search(label):
            return  # another kind of spending stated: 基本 + 项目 is not the whole
    groups = {k: {g.value_yuan: g for g in v} for k, v in found.items()}
    if any(len(v) != 1 for v in groups.values()):
        return  # none or several values of one: not resolved
    (total,), (basic,), (project,), (carry,) = (list(groups[k].values()) for k in
                                               ("total", "basic", "project", "carry"))
    s = basic.value_yuan + project.value_yuan
    tol = tolerance(total, basic, project, carry)
    diff = total.value_yuan - s
    if diff <= tol or off(diff, carry.value_yuan, tol):
        return
    from perfxl.draft.common import place_of
    yield Hit((total.label_start, total.end), expected=float(s), actual=float(total.value_yuan),
              args={"quote": quote(ctx.doc, total.label_start, total.end),
                    "basic": shown(ctx.doc, basic), "project": shown(ctx.doc, project),
                    "sum_text": amount_in(s, total), "total": shown(ctx.doc, total),
                    "diff": amount_in(diff, total), "carry": shown(ctx.doc, carry),
                    "where": place_of(ctx.doc, carry.start)})
