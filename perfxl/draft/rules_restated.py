"""PX609–PX611: one figure labelled with the wrong year, one quantity written twice with two values."""
from __future__ import annotations

import re

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import amount_in, place_of, quantity_name, quantize, quote, shown

_PRIOR = re.compile(r"上年|去年|上一年|较|同比|比上")
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

    合格：“2022 年决算支出 100 元，2021 年决算支出 90 元”（两年各一数）。
    不合格：“2021 年乐昌市商务局决算支出 17333259.20 元，较上年决算 6805660.47 增加……”
    （seed 000 第 96 行；第 83 行同一金额标为 2022 年）。
    """
    year = ctx.doc.year
    if year is None:
        return
    amounts = ctx.claims.amounts
    by_value: dict = {}
    for g, _ in amounts:
        if g.year == year and g.places >= 2:
            by_value.setdefault(g.value_yuan, []).append(g)
    for f, (a, b) in amounts:
        if f.year is None or f.year == year:
            continue
        same = [g for g in by_value.get(f.value_yuan, []) if g.start != f.start]
        compared = bool(_PRIOR.search(ctx.doc.flat[f.end:b])) and f.year == year - 1
        if same or compared:
            where = ctx.doc.locate(*(same[0].start, same[0].end))[0] if same else None
            other = (f"{where.line} 行" if where and where.line else
                     f"{where.paragraph} 段" if where and where.paragraph else "本句“较上年”")
            yield Hit((f.label_start, f.end), expected=year, actual=f.year,
                      args={"quote": quote(ctx.doc, f.label_start, f.end),
                            "figure": shown(ctx.doc, f), "other": other, "year": year,
                            "stated": f.year})


@rule("PX610", "draft-other-year", "warning", title="本年度的指标引用了另一年的数字",
      message="“{quote}”：本报告是 {year} 年度，这里写的是 {stated} 年的数字；若是笔误请改为"
              "“{year} 年”，若确是 {stated} 年数据请说明原因",
      cases=[fails("指标段落引用上一年的预算",
                   text="2022 年度自评报告\n2021 年政府采购预算 69910.00 元，实际采购 69710.00 元，"
                        "政府采购执行率 99.71%。", at="2", expected=2022),
             passes("两年对比", text="2022 年度自评报告\n2021 年末存量资金 31906.8 元，2022 年末存量资金 37633.45 元。")])
def other_year(ctx):
    """一句里只有另一年的年份、没有“上年 / 较 / 同比”等对比词、也没有报告年度的年份时，
    这句的金额多半是本年度的，年份写错了（也可能确是往年数据，故为警告）。

    合格：“2021 年末存量资金 31906.8 元，2022 年末存量资金 37633.45 元”（两年对比）。
    不合格：“2021 年政府采购预算 69910.00 元，实际采购 69710.00 元”（2022 年度报告；seed 000
    第 172 行）。
    """
    year = ctx.doc.year
    if year is None:
        return
    done = set()
    current: dict = {}
    for g, _ in ctx.claims.amounts:
        current.setdefault(g.value_yuan, []).append(g)
    for f, (a, b) in ctx.claims.amounts:
        if f.year is None or f.year == year or (a, b) in done:
            continue
        sent = ctx.doc.flat[a:b]
        years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)\s*年", sent)}
        if year in years or len(years) > 1 or _PRIOR.search(sent) or f.year > year:
            continue
        if any(g.year == year for g in current.get(f.value_yuan, [])):
            continue  # PX609 reports it
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
    对应，正文“专项资金”即“项目支出”）；恰差一个末位的见 PX626（警告）。

    不合格：第 92 行“12830454.25 元”、第 96 行“12830454.2 元”（seed 000）。
    """
    from perfxl.draft.rules_table_text import table_conflicts
    yield from _pairs(ctx, rounding=False)
    yield from table_conflicts(ctx)


@rule("PX612", "draft-restated-precision", "warning", title="同一数字前后保留的位数不同",
      message="“{quote}”：{label} 这里写 {stated}，{where}写 {other}；请统一写成 {other}",
      cases=[fails("一处少写了一位小数", at="2", expected=3244335.71,
                   text="一般公共服务支出 3244335.71 元，占收入支出的 18.72%。\n"
                        "一般公共服务支出 3244335.7 元,较上年决算 3034059.49 元增加 210276.21 元。"),
             passes("位数一致", text="一般公共服务支出 3244335.71 元。\n一般公共服务支出 3244335.71 元。")])
def restated_precision(ctx):
    """同一名称的本年金额一处写全、一处少写了末位（四舍五入或截去），数值本身不矛盾，但由少
    写的那个算出的增减额、占比会差一个末位。

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


def _pairs(ctx, *, rounding: bool):
    year = ctx.doc.year
    # labels that may name one quantity end alike: bucket them by their last four characters
    seen: dict[str, list[tuple[str, object, tuple[int, int]]]] = {}
    for f, sent in ctx.claims.amounts:
        if f.start in ctx.claims.prior or (f.year not in (None, year)) or "上年" in f.label:
            continue
        key = quantity_name(f.label)
        if (len(key) < 4 or key in _GENERIC or re.search(r"增加|减少|节约|结余|比上年", key)
                or re.search(r"\d", key)):
            continue
        for gkey, g, gsent in seen.get(key[-4:], [])[-50:]:
            if gsent == sent or not _same(key, gkey) or f.value_yuan == g.value_yuan:
                continue
            coarse, fine = (f, g) if f.places < g.places else (g, f)
            is_round = _rounding(coarse, fine)
            if is_round != rounding:
                break
            place = place_of(ctx.doc, g.start)
            fix = (f"请核对哪个正确（相差 {amount_in(abs(f.value_yuan - g.value_yuan), f)}）")
            yield Hit((f.label_start, f.end), expected=float(fine.value_yuan if rounding else
                                                             g.value_yuan),
                      actual=float(f.value_yuan),
                      args={"quote": quote(ctx.doc, f.label_start, f.end),
                            "label": f.label, "stated": shown(ctx.doc, f), "where": place,
                            "other": shown(ctx.doc, g), "fix": fix})
            break
        seen.setdefault(key[-4:], []).append((key, f, sent))
