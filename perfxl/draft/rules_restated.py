"""PX609–PX611: one figure labelled with the wrong year, one quantity written twice with two values."""
from __future__ import annotations

import bisect
import re

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import (amount_in, han_only, place_of, quantity_name, quantize, quote,
                                 sentence_of, shown)
from perfxl.draft.numbers import figures

_PRIOR = re.compile(r"上年|去年|上一年|较|同比|比上")
#: Words that tie a year's figure to another period on purpose: carried from it (2021年结转, its
#: 结余 / 年末 balance), accumulated through it (截至2021年底累计), since it (以来 / 起), a month
#: of it (2021年12月提前下达), or this year named in words.
_OTHER_PERIOD = re.compile(r"结转|结余|年末|年底|截至|截止|累计|以来|(?:19|20)\d\d\s*年起|自\s*(?:19|20)\d\d|"
                           r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月|"
                           r"(?:本年|今年|当年)(?!度?(?:支出|收入|预算|决算|合计))")
#: the comparison names the year before by a relative word: 「较2020年」「较年初预算」 name their own base
_VS_LAST_YEAR = re.compile(r"(?:较|比|同比|与)\s*(?:上年|去年|上一年|上年度)|同比|比上年")
#: a year that dates a point or a part of the year, or ends a range: not the year of a yearly figure
_RANGE_END = re.compile(r"(?:19|20)\d\d\s*年?\s*[-—–~～至到]\s*$")
_PART_OF_YEAR = re.compile(r"\s*度?\s*(?:\d{1,2}\s*月|[一二三四1-4]\s*季度|第[一二三四]季度|[上下]半年|"
                           r"年末|年初|年底|末|初|底|同期)")
_EQUAL = re.compile(r"持平|相同|一致|不变|同为|均为|无增减|无变化")
_LABEL_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
#: Labels too generic to name one quantity across the report.
_GENERIC = {"执行数", "预算数", "决算数", "支出", "收入", "合计", "金额", "资金", "经费", "其他",
            "全年执行数", "预算", "实际支出", "节约资金"}


@rule("PX609", "draft-year-label", "error", title="本年数字标成了另一年",
      message="“{quote}”：{figure} 在第 {other} 处标为 {year} 年，这里标为 {stated} 年；"
              "本报告是 {year} 年度，请改为“{year} 年”",
      cases=[fails("同一决算数前后标了两个年份",
                   text="2022 年度部门整体支出绩效自评报告\n2022 年部门决算收入支出 17333259.20 元。\n"
                        "2021 年部门决算支出 17333259.20 元,较上年决算 6805660.47 增加 10527598.73 元。",
                   at="3", expected=2022),
             passes("上年数标上年", text="2022 年度自评报告\n2022 年决算支出 100 元，2021 年决算支出 90 元。")])
def year_label(ctx):
    """报告年度（标题“20XX 年度”）的数字不得标成另一年：同一金额在别处标为报告年度，或所在
    句把它与“上年”比较（那它就是本年数），却写成“2021 年”。

    需要确定：报告年度由报告写明（标题、开头的“20XX年度”或“本年度（20XX年）”，只按出现次数
    推断的不算）；年份标的是全年的数（“2019-2021年累计”的区间、“2021年12月”“2021年末结转结余”
    这样的月份、时点不算：上年末就是本年初）；别处标为报告年度的同一金额是同一数量（名称、
    阶段、口径、资金范围按 ``perfxl.draft.quantities`` 都相同，只差年份：下年预算安排恰与本年
    决算相等不报告；两处之一写明两年相等，“与上年持平”“同为”，也不报告）；或所在句用“较上年 / 同比”这样的相对说法与上年比较（“较2020年”自己写明了
    对比年度，不算；同一段里同名的报告年度金额也写了时是逐年叙述，不算）。

    合格：“2022 年决算支出 100 元，2021 年决算支出 90 元”（两年各一数）。
    不合格：“2021 年乐昌市商务局决算支出 17333259.20 元，较上年决算 6805660.47 增加……”
    （seed 000 第 96 行；第 83 行同一金额标为 2022 年）。
    """
    year = ctx.doc.year_stated  # a year guessed from frequency never makes a year wrong
    if year is None:
        return
    amounts = ctx.claims.amounts
    by_value: dict = {}
    for g, _ in amounts:
        if g.year == year and g.places >= 2:
            by_value.setdefault(g.value_yuan, []).append(g)
    prior = ctx.claims.prior
    flat = ctx.doc.flat
    qs = None
    for f, (a, b) in amounts:
        if f.year is None or f.year == year or f.start in prior:
            continue  # a change amount ("较2021年增加 1.68 万元") is no year's figure
        if not _yearly(flat, f):
            continue
        # the first other figure of the same value labelled with the report's year (the
        # first two looked at: a draft repeated 6,000 times must not rescan them all)
        same = [g for g in by_value.get(f.value_yuan, [])[:2] if g.start != f.start][:1]
        if same:
            qs = qs if qs is not None else {q.start: q for q in ctx.quantities}
            if not _same_but_year(qs.get(f.start), qs.get(same[0].start)) or any(
                    _EQUAL.search(flat, *sentence_of(ctx.doc, x.start)) for x in (f, same[0])):
                # an equal amount of another quantity (next year's budget, a balance), or
                # the two years' equality said in words (「与上年持平」「同为」)
                same = []
        # 「2021年投入 280 万元，较上年增加 20 万元；2022年投入 300 万元，较上年……」: the years
        # set side by side tell a history, the year before's change is meant
        compared = (bool(_VS_LAST_YEAR.search(flat[f.end:b])) and f.year == year - 1
                    and not _beside_report_year(ctx, f, year))
        if same or compared:
            where = ctx.doc.locate(*(same[0].start, same[0].end))[0] if same else None
            other = (f"{where.line} 行" if where and where.line else
                     f"{where.paragraph} 段" if where and where.paragraph else "本句“较上年”")
            yield Hit((f.label_start, f.end), expected=year, actual=f.year,
                      args={"quote": quote(ctx.doc, f.label_start, f.end),
                            "figure": shown(ctx.doc, f), "other": other, "year": year,
                            "stated": f.year})


def _yearly(flat: str, f) -> bool:
    """``f``'s year label dates a whole year: not 「2019-2021年累计」 (a range), 「2021年12月」,
    「2021年末结转结余」 (a month, a point of the year: the end of one year is the start of the next)."""
    m = None
    for y in _LABEL_YEAR.finditer(flat, f.label_start, f.start):
        if int(y.group(1)) == f.year:
            m = y
    if m is None:
        return True
    return not (_RANGE_END.search(flat, max(0, m.start() - 8), m.start())
                or _PART_OF_YEAR.match(flat, m.end()))


def _same_but_year(q, other) -> bool:
    """``q`` and ``other`` are one quantity but for the year: both named, same name, stage, role
    and scope (``perfxl.draft.quantities``); an unresolved part means not."""
    if q is None or other is None or not q.name or not other.name:
        return False
    return (q.name, q.stage, q.role, q.scope) == (other.name, other.stage, other.role, other.scope)


def _headings(doc) -> list[tuple[int, str]]:
    """(offset, text) of the draft's numbered headings (「二、2021年“三公”经费决算情况」), in text
    order, spaces taken out."""
    from perfxl.draft.text import _HEADING
    out = []
    for a, b in doc.paragraphs:
        t = doc.flat[a:b]
        if len(t) <= 40 and _HEADING.match(t):
            out.append((a, re.sub(r"\s+", "", t)))
    return out


def _quantity(label: str) -> str:
    """A label's quantity name in Chinese characters only (quotes and spaces taken out)."""
    return han_only(quantity_name(label))


def _beside_report_year(ctx, f, year: int) -> bool:
    """True when ``f``'s paragraph gives the same quantity (a name of 4+ characters, one ending
    the other: 「鄂城区的“三公”经费决算数」 and 「三公经费决算数」) for the report's ``year``
    too: the two years are set side by side to compare them."""
    paras = ctx.doc.paragraphs
    i = bisect.bisect_right(paras, (f.start, float("inf"))) - 1
    name = _quantity(f.label)
    if i < 0 or len(name) < 4:
        return False
    pa, pb = paras[i]
    for g, _ in ctx.claims.amounts:
        if g.year == year and pa <= g.start < pb:
            other = _quantity(g.label)
            if len(other) >= 4 and (other.endswith(name) or name.endswith(other)):
                return True
    return False


@rule("PX610", "draft-other-year", "warning", title="本年度的指标引用了另一年的数字",
      message="“{quote}”：本报告是 {year} 年度，这里写的是 {stated} 年的数字；若是笔误请改为"
              "“{year} 年”，若确是 {stated} 年数据请说明原因",
      cases=[fails("指标段落引用上一年的预算",
                   text="2022 年度自评报告\n2021 年政府采购预算 69910.00 元，实际采购 69710.00 元，"
                        "政府采购执行率 99.71%。", at="2", expected=2022),
             passes("两年对比", text="2022 年度自评报告\n2021 年末存量资金 31906.8 元，2022 年末存量资金 37633.45 元。"),
             passes("所在节的标题写明是往年数据",
                    text="2022 年度三公经费预算说明\n二、2021年三公经费决算情况\n"
                         "2021 年三公经费合计支出 20.12 万元。"),
             passes("同段先写本年、再写上年的同一数字",
                    text="2022 年度三公经费决算说明\n2022年的公务接待费决算数为 6.20 万元。"
                         "2021年的公务接待费决算数为 5.80 万元。")])
def other_year(ctx):
    """一句里只有另一年的年份、没有“上年 / 较 / 同比”等对比词、也没有报告年度的年份时，
    这句的金额多半是本年度的，年份写错了（也可能确是往年数据，故为警告）。所在节的标题写明
    了那一年（“二、2021年“三公”经费决算情况”）时，或同一段写了同一数字的报告年度数
    （“2022年的三公经费决算数合计为……。2021年的三公经费决算数合计为……”，两年对照）时，
    往年数据是有意写的，不报告。句中把那一年与另一时期连起来的（“2021年结转资金”“2021年度
    结余资金”“截至2021年底累计投入”“自2019年起”“2021年12月提前下达”“……本年已全部使用”）
    也是有意写的，不报告。

    需要确定：报告年度由报告写明（标题或开头的“20XX年度”、标题“关于20XX年……的报告”、
    “本年度（20XX年）”）；没有标题的摘录里出现最多的年份（发布日期、所引文件名中的年份）
    不算报告年度，不报告。

    合格：“2021 年末存量资金 31906.8 元，2022 年末存量资金 37633.45 元”（两年对比）。
    不合格：“2021 年政府采购预算 69910.00 元，实际采购 69710.00 元”（2022 年度报告；seed 000
    第 172 行）。
    """
    year = ctx.doc.year_stated  # a year guessed from frequency never makes a year wrong
    if year is None:
        return
    done = set()
    current = {g.value_yuan for g, _ in ctx.claims.amounts if g.year == year}
    headings = _headings(ctx.doc)
    for f, (a, b) in ctx.claims.amounts:
        if f.year is None or f.year == year or (a, b) in done:
            continue
        i = bisect.bisect_right(headings, (a, "\uffff"))
        if i and f"{f.year}年" in headings[i - 1][1]:
            continue  # under 「二、2021年“三公”经费决算情况」 the 2021 figures are meant
        sent = ctx.doc.flat[a:b]
        years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)\s*年", sent)}
        if (year in years or len(years) > 1 or _PRIOR.search(sent) or f.year > year
                or _OTHER_PERIOD.search(sent)):
            continue
        if f.value_yuan in current:
            continue  # PX609 reports it
        if _beside_report_year(ctx, f, year):
            continue  # 「2022年…合计为 1000.86 万…。2021年的…合计为 807.95 万」: compared on purpose
        done.add((a, b))
        yield Hit((f.label_start, f.end), expected=year, actual=f.year,
                  args={"quote": quote(ctx.doc, f.label_start, f.end),
                        "year": year, "stated": f.year})


def _rounding(coarse, fine) -> bool:
    """``coarse`` is ``fine`` rounded (Excel's ROUND) to the decimals ``coarse`` shows; a value
    cut short instead (12830454.25 -> 12830454.2) is a different figure."""
    if coarse.places >= fine.places:
        return False
    scale = coarse.value_yuan / coarse.value if coarse.value else 1
    return coarse.value == quantize(fine.value_yuan / scale, coarse.places)


@rule("PX611", "draft-restated", "error", title="同一数字在报告中前后写法不一",
      message="“{quote}”：{label} 这里写 {stated}，{where}写 {other}；{fix}",
      cases=[fails("同一项目前后差 0.05", at="2", expected=12830454.25,
                   text="商业服务业等支出 12830454.25 元，占收入支出的 74.02%。\n"
                        "商业服务业等支出 12830454.2 元,较上年决算 1551425.26 元增加 11279028.94 元。"),
             passes("同一项目前后一致",
                    text="商业服务业等支出 12830454.25 元。\n商业服务业等支出 12830454.25 元，较上年增加。"),
             passes("同一句中的两个“执行数”是不同分项",
                    text="其中基本支出预算 3190340.15 元，全年执行数 3351318.85 元，项目支出预算 "
                         "14020000 元，全年执行数 13981940.35 元。"),
             fails("正文的专项资金与自评表的项目支出不一", at="1", expected=1793.17,
                   text="本年共支出专项资金 1,803.17 万元。\n\t部门整体支出绩效自评表\n\n"
                        "\t年初预算数(万元)\n\t全年预算数(万元)\n\t全年执行数(万元)\n\t分值\n"
                        "\t执行率\n\t得分\n\n\t\n\t纳入专户管理的非税收入拨款：\n\t79.41\n"
                        "\t项目支出：\n\t1793.17\n")])
def restated(ctx):
    """一个具体名称（如“商业服务业等支出”“年初预算数”）的本年金额在报告中写了两次且不相等：
    换算成元后相差超过两者中较粗末位的半个单位即报告。较少位数的那个恰是另一个四舍五入的
    结果时，写法不一但数值一致，见 PX612（警告）。上年数、增减额、同一句里的
    同名分项、过于笼统的名称（执行数、预算数……）不比较。

    合格：两处都写“商业服务业等支出 12830454.25 元”。
    正文金额与表中同一数量（一行里的名称与数值一对，如自评表“项目支出：1793.17”，表头或
    表名写明了单位）相差超过一个末位时也报告（名称按 ``perfxl.glossary.QUANTITY_SYNONYMS``
    对应，正文“专项资金”即“项目支出”）；恰差一个末位的见 PX626（警告）。按年度分行的表
    （“年度 | 合计 | 公务接待费 | …”，“2016年 | 2364 | …”）的一格与正文同名、同年、同阶段的金额
    也这样比较，所需确定的各项见 PX626；表未写单位时，须另有两格与正文金额按其单位恰好相等。
    表名或该列表头写明的年度、阶段须与正文金额的相同（“2021年决算表”不与本年金额比较，
    “2022年年初预算表”不与写“决算”或不写阶段的金额比较：不写阶段的是本年的支出）。

    不合格：第 92 行“12830454.25 元”、第 96 行“12830454.2 元”（seed 000）。

    需要确定（``perfxl.draft.quantities``，任何一项不明即不比较）：两处金额的名称（去掉年份、
    单位名称和阶段词后按同义词归一；只写“年初预算为”的取本句前一个金额的名称）、阶段（年初
    预算 / 年中调整 / 调整预算 / 全年预算 / 预算 / 决算 / 执行 / 实际支出）、年度（金额或本句
    写的年份）、口径（计划数 / 实际数）和资金范围（财政拨款、政府性基金……）都相同。所以
    “2022 年预算公务接待费 11.8 万元”与“2021 年决算公务接待费 12.39 万元”、“公务用车运行
    维护费……年初预算为 0.95 万元”与“三公经费……年初预算为 2.95 万元”都不比较。地区（全市、
    市本级……开头的段落）和项目（以“某某工程已完成……”这样写明所说项目开头的段落，到下一个
    编号标题为止）也是范围的一部分：整个计划的“完成地方投资”与其后某工程段落里的“完成地方
    投资”不比较。段落中间另起的地区（“全市……。市本级……”，到段末为止）、编号标题写明的四本
    预算之一（一般公共预算 / 政府性基金 / 国有资本经营 / 社会保险基金，预算法第五条；到下一个
    写明另一本预算的标题为止）同样是范围：两本预算各自的“上级补助收入”不比较。地区还包括
    地区（盟）的“地本级”“盟本级”，它是“全区”的一部分，以及“县区”“区县”“县(市、区)”
    和“乡镇”（“市本级……未分配 0.32 亿元”与下一段“县区……未分配 0.08 亿元”不比较）。编号列出的各个
    项目（“指标1:某村某项目,……总投资……”“(2)某某专项资金项目……”“2.2021年某某项目……”）
    各有自己的金额，到本段末为止。两个不写名称的合计各自“其中”的同名分项（“财政拨款支出……其中：
    基本支出”“本年支出合计……其中：基本支出”）是两个合计的分项，不比较。“其他税收收入”
    是税收收入中的一项，不是税收收入本身：名称前的“其他”保留。以“绩效目标:”“年度目标:”开头的
    句子写的是计划数，与实际完成数不比较。两数须像抄错、打错的那样只差一两位数字（按较细的
    位数写出后比较：改、增、删一位或颠倒相邻两位算一处，最多两处，不足六位的数只许一处），
    相差更多的只作提示，见 PX648。
    """
    from perfxl.draft.rules_table_text import table_conflicts
    yield from _pairs(ctx, rounding=False, slip=True)
    yield from table_conflicts(ctx)


@rule("PX648", "draft-restated-distant", "info", title="同名的两个金额相差多位数字，可能不是同一数量",
      message="“{quote}”：{label} 这里写 {stated}，{where}写 {other}；两数相差多位数字，"
              "更可能是两个不同的数量（不同项目、地区或口径）；若是同一数量请核对，若不是请写明",
      cases=[fails("两处同名金额各位数字都不同", at="2", expected=2170.1,
                   text="全年实际采购金额 2170.10 万元。\n实际采购金额 14993.34 万元，节约 5%。"),
             passes("只差一两位数字的归 PX611（错误）",
                    text="全年实际采购金额 2170.10 万元。\n实际采购金额 2710.10 万元，节约 5%。")])
def restated_distant(ctx):
    """同一名称、阶段、年度、口径和范围的两个金额，数字相差较多（按较细的位数写出后，把一个
    改成另一个要改、增、删两处以上的数字，颠倒相邻两位算一处；不足六位的数一处以上）：抄错、
    打错一个数通常只错一两位或颠倒两位，
    相差这么多更可能是文字没写明的两个不同数量（两个项目、全地区与本级、两本预算），所以只作
    提示（``perfxl check --show-notes`` 才列出），不报错误；只差一两位的见 PX611。

    需要确定：与 PX611 相同（``perfxl.draft.quantities``）。
    合格：“实际采购金额 2170.10 万元”“实际采购金额 2170.10 万元”。
    不合格（提示）：“实际采购金额 2170.10 万元”“实际采购金额 14993.34 万元”。
    """
    yield from _pairs(ctx, rounding=False, slip=False)


@rule("PX612", "draft-restated-precision", "warning", title="同一数字前后保留的位数不同",
      message="“{quote}”：{label} 这里写 {stated}，{where}写 {other}；请统一写成 {other}",
      cases=[fails("一处少写了一位小数", at="2", expected=3244335.71,
                   text="一般公共服务支出 3244335.71 元，占收入支出的 18.72%。\n"
                        "一般公共服务支出 3244335.7 元,较上年决算 3034059.49 元增加 210276.21 元。"),
             passes("位数一致", text="一般公共服务支出 3244335.71 元。\n一般公共服务支出 3244335.71 元。")])
def restated_precision(ctx):
    """同一名称的本年金额一处写全、一处少写了末位（四舍五入或截去），数值本身不矛盾，但由少
    写的那个算出的增减额、占比会差一个末位。写明是约数的（“约 1234.6 万元”“1234.6 万元左右”）
    是有意取整，不报告。

    合格：两处都写“3244335.71 元”。
    不合格：第 86 行“3244335.71 元”、第 96 行“3244335.7 元”（seed 000）。
    """
    yield from _pairs(ctx, rounding=True)


_ENTITY = re.compile(r"(?:局|委|办|中心|单位|部门|本级|机关)$")


def _same(k1: str, k2: str) -> bool:
    """Two labels name one quantity: equal, or one is the other behind the unit's name
    ("乐昌市商务局年初预算" and "年初预算"; not "全市内联引资到位资金" and "到位资金")."""
    if k1 == k2:
        return True
    long, short = (k1, k2) if len(k1) > len(k2) else (k2, k1)
    return long.endswith(short) and bool(_ENTITY.search(long[:-len(short)]))


def _digit_slip(a, b) -> bool:
    """``a`` and ``b`` (figures) written at the finer one's places are a slip of each other: at
    most two digit edits apart (a digit changed, added or dropped; two neighbours swapped count
    as one), and only one for a number of fewer than six digits (so 1.07 against 3, 203.09
    against 203.71 or 0.08 against 0.32 is not a slip: much of such a short number differs).  That is the size of a
    mistyped or miscopied figure; values further apart are, on real reports, mostly two
    quantities the text does not tell apart (the second to fourth validation sets: 15 such wrong
    PX611 errors, none right)."""
    # the digits of each value in units of the finer last digit written (in 元, so 万元 and 元
    # amounts compare; exact: the values are Decimals)
    step = min(a.tol_yuan, b.tol_yuan) * 2
    x, y = (str(int((abs(f.value_yuan) / step).to_integral_value())) for f in (a, b))
    allowed = 2 if max(len(x), len(y)) >= 6 else 1
    if abs(len(x) - len(y)) > allowed:
        return False
    # optimal string alignment distance (Damerau: a swap of neighbours is one edit)
    d = [[i + j if i * j == 0 else 0 for j in range(len(y) + 1)] for i in range(len(x) + 1)]
    for i in range(1, len(x) + 1):
        for j in range(1, len(y) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] != y[j - 1]))
            if i > 1 and j > 1 and x[i - 1] == y[j - 2] and x[i - 2] == y[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(x)][len(y)] <= allowed


#: An amount written as approximate: 约 / 近 / 大约 before it, 左右 / 余 / 多 after it.
_APPROX_BEFORE = re.compile(r"(?:约|近|大约|接近)\s*$")
_APPROX_AFTER = re.compile(r"\s*(?:左右|余|多)")


def _approximate(flat: str, f) -> bool:
    return bool(_APPROX_BEFORE.search(flat, max(0, f.start - 4), f.start)
                or _APPROX_AFTER.match(flat, f.end))


def _pairs(ctx, *, rounding: bool, slip: bool | None = None):
    """Pairs of amounts that are one quantity (``perfxl.draft.quantities.same_quantity``: name,
    stage, period, role and scope all known and equal) written with two values; ``slip`` keeps
    only the pairs that are (True) or are not (False) a ``_digit_slip`` of each other."""
    from perfxl.draft.quantities import same_quantity
    # one quantity's amounts share their whole identity: bucket by it, and within a bucket keep
    # the first two amounts of each value (a draft repeated 6,000 times repeats values, not
    # quantities: the look-up stays a few comparisons per amount)
    seen: dict[tuple, dict] = {}
    for q in ctx.quantities:
        f = q.figure
        if (not q.known or q.name in _GENERIC or (q.name and len(q.name) < 3)
                or q.name in ctx.ambiguous_names):
            continue
        bucket = seen.setdefault((q.name, q.stage, q.period, q.role, q.scope), {})
        for value, gs in reversed(list(bucket.items())[-50:]):
            if value == f.value_yuan:
                continue
            g = next((g for g in gs if g.sentence != q.sentence and same_quantity(q, g)), None)
            if g is None:
                continue
            gf = g.figure
            coarse, fine = (f, gf) if f.places < gf.places else (gf, f)
            if _rounding(coarse, fine) != rounding or (rounding and _approximate(ctx.doc.flat, coarse)):
                break  # 「约 1234.6 万元」 is rounded on purpose
            if slip is not None and _digit_slip(f, gf) != slip:
                break
            fix = f"请核对哪个正确（相差 {amount_in(abs(f.value_yuan - gf.value_yuan), f)}）"
            yield Hit((f.label_start, f.end), expected=float(fine.value_yuan if rounding else
                                                             gf.value_yuan),
                      actual=float(f.value_yuan),
                      args={"quote": quote(ctx.doc, f.label_start, f.end),
                            "label": f.label or q.name, "stated": shown(ctx.doc, f),
                            "where": place_of(ctx.doc, gf.start), "other": shown(ctx.doc, gf),
                            "fix": fix})
            break
        same = bucket.setdefault(f.value_yuan, [])
        if len(same) < 2:
            same.append(q)


_YEAR_AT = re.compile(r"((?:19|20)\d\d)\s*年度?")
_NOT_A_LABEL = re.compile(r"上年|去年|较|比|同比|以来|截至|起|本年|今年|当年|(?:19|20)\d\d\s*年?\s*[-—~至到]|"
                          r"[-—~至到]\s*(?:19|20)\d\d")


#: Words of a plan: a sentence of the next year in them speaks of the future on purpose.
_PLAN = re.compile(r"将|计划|安排|拟|预计|力争|打算|目标")


def _year_frame(ctx, a: int, b: int):
    """(year, frame, where) of each year in the sentence ``[a, b)``: the frame is the few
    words around it ("迪庆州州本级#度“三公”经"), what a sibling sentence repeats."""
    flat = ctx.doc.flat
    for m in _YEAR_AT.finditer(flat, a, b):
        before = re.sub(r"\s", "", flat[max(a, m.start() - 6):m.start()])
        after = re.sub(r"\s", "", flat[m.end(1):min(b, m.end(1) + 12)])[:5]
        yield int(m.group(1)), (before[-4:], after), m


@rule("PX628", "draft-year-label-text", "warning", title="一句话的年份与同类各句不一致",
      message="“{quote}”：本报告是 {year} 年度，同样写法的{where}写的是“{year}年”，这里写成了"
              "“{stated}年”；请核对年份",
      cases=[fails("一句没有数字的话写成了上一年",
                   text="2022年度单位决算说明\n2022年本单位无国有资本经营预算支出。\n"
                        "2021年本单位无政府性基金预算支出。", at="3", expected=2022),
             passes("与上年对比的句子",
                    text="2022年度单位决算说明\n2022年本单位无国有资本经营预算支出。\n"
                         "2021年本单位无政府性基金预算支出，2022年与上年相同。"),
             passes("没有同类写法的句子",
                    text="2022年度单位决算说明\n2022年本单位无国有资本经营预算支出。\n"
                         "2021年起本单位实行新的预算管理办法。")])
def year_label_text(ctx):
    """没有金额的一句话（标题、“本单位无……支出”）写了非报告年度的年份，而报告里同样写法的
    另一句（年份前后的字相同）写的是报告年度：多半是年份笔误。句中有“上年 / 较 / 比 / 起 /
    至”等对比或起止词、或用“本年 / 今年 / 当年”另提报告年度的不报告，写下一年的计划（将 / 计划 /
    安排 / 拟 / 预计）也不报告；有金额的句子由 PX609、PX610 核对。

    需要确定：报告年度（标题或开头写明，只按出现次数推断的不算）、一句同样写法且写报告年度的句子。编号标题的年份
    由 PX641 / PX642 报告时，这里不再重复。
    合格：“2022年本单位无国有资本经营预算支出。”与“2022年本单位无政府性基金预算支出。”
    不合格：“迪庆州州本级2020年度“三公”经费决支出情况说明”（2021 年度报告，标题写
    “迪庆州州本级2021年度“三公”经费决算支出情况说明”）。
    """
    year = ctx.doc.year_stated  # a year guessed from frequency never makes a year wrong
    if year is None:
        return
    doc = ctx.doc
    frames: dict[tuple, int] = {}
    odd = []
    for a, b in _segments(ctx):
        years = list(_year_frame(ctx, a, b))
        if not years:
            continue
        for y, frame, m in years:
            if y == year:
                frames.setdefault(frame, m.start())
        if len(years) != 1 or years[0][0] == year or _NOT_A_LABEL.search(doc.flat, a, b):
            continue
        y, frame, m = years[0]
        if abs(y - year) != 1 or not frame[1] or (y > year and _PLAN.search(doc.flat, a, b)):
            continue  # 「2023年本单位无扩编安排」: next year's plan is meant
        if any(f.money or f.rate for f in figures(doc.flat, a, b)):
            continue
        odd.append((y, frame, m, a, b))
    from perfxl.draft.rules_heading_year import slips
    headings = {h.match.start() for _c, h, _y, _at in slips(ctx)}  # PX641 / PX642's
    for y, frame, m, a, b in odd:
        at = frames.get(frame)
        if at is None or m.start() in headings:
            continue
        yield Hit((m.start(), m.end()), expected=year, actual=y,
                  args={"quote": quote(doc, a, b).strip()[:40], "year": year, "stated": y,
                        "where": place_of(doc, at)})


def _segments(ctx):
    """The draft's sentences cut at line ends too (a title line stands alone even when the
    reader joined it to the line before), without table cells."""
    doc = ctx.doc
    for i, u in enumerate(doc.units):
        if u.in_table or i in ctx.row_starts:
            continue
        a = doc.starts[i]
        for m in re.finditer(r"[^。!?]+", doc.flat[a:a + len(u.text)]):
            if len(re.sub(r"\s|\d|年|度|\|", "", m.group(0))) >= 8:
                yield a + m.start(), a + m.end()


def _compatible(a, b) -> bool:
    """Every part equal or left unsaid on one side (and the two not already one quantity)."""
    return (a.period == b.period and all(x == y or not x or not y for x, y in (
        (a.stage, b.stage), (a.scope, b.scope), (a.role, b.role))))


@rule("PX630", "draft-restated-unresolved", "info", title="同名的两个金额不等，阶段或口径没写明",
      message="“{quote}”：{label} 这里写 {stated}，{where}写 {other}；两处没写明是否同一阶段"
              "（预算 / 决算 / 执行）或同一资金范围，若是同一数量请核对，若不是请写明",
      cases=[fails("一处写了“决算”，一处没写", at="3", expected=18.4,
                   text="2024年度自评报告\n2024年办公设备购置费决算 18.40 万元。\n"
                        "2024年办公设备购置费 16.90 万元，主要用于更换电脑。"),
             passes("两处都写明了阶段，是两个数量",
                    text="2024年度自评报告\n2024年办公设备购置费预算 18.40 万元。\n"
                         "2024年办公设备购置费决算 16.90 万元。")])
def restated_unresolved(ctx):
    """同一名称、同一年度的两个金额不等，而一处写明了阶段（预算 / 决算 / 执行…）或资金范围、
    另一处没写：可能是同一数量写错了，也可能本就是两个数量。这只是一个提示（note），默认不
    显示，``perfxl check --show-notes`` 才列出；PX611 只在各项都写明且相同时报告错误。

    需要确定：名称与年度相同（``perfxl.draft.quantities``）；阶段、资金范围、口径至少一处一边
    没写、写了的都相同。
    合格：“办公设备购置费预算 18.40 万元”“办公设备购置费决算 16.90 万元”（两个阶段，两个数量）。
    不合格（提示）：“办公设备购置费决算 18.40 万元”“办公设备购置费 16.90 万元”（后一处没写阶段）。
    """
    from perfxl.draft.quantities import same_quantity
    seen: dict[str, list] = {}
    for q in ctx.quantities:
        f = q.figure
        if (not q.known or not q.name or q.name in _GENERIC or len(q.name) < 3
                or q.name in ctx.ambiguous_names):
            continue
        for g in reversed(seen.get(q.name, [])[-20:]):
            if (g.sentence == q.sentence or g.value_yuan == f.value_yuan
                    or same_quantity(q, g) or not _compatible(q, g)):
                continue
            coarse, fine = (f, g.figure) if f.places < g.figure.places else (g.figure, f)
            if _rounding(coarse, fine):
                continue
            yield Hit((f.label_start, f.end), expected=float(g.value_yuan),
                      actual=float(f.value_yuan),
                      args={"quote": quote(ctx.doc, f.label_start, f.end), "label": q.name,
                            "stated": shown(ctx.doc, f), "where": place_of(ctx.doc, g.start),
                            "other": shown(ctx.doc, g.figure)})
            break
        seen.setdefault(q.name, []).append(q)
