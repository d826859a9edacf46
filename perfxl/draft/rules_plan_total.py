"""PX679: a fund's amount stated in one paragraph and its 资金安排 listed in full a little later,
the listed amounts not making the amount.

「2023年，省下达我县某某专项资金 80 万元。」 then, under its own heading, 「2023年我县某某资金安排
是：A 30 万元，B 40 万元。」 (70): the second paragraph names the same money (same year, same
place, the same fund's name) and gives its 安排 as the whole of it (「资金安排是：」, not 「其中」
or 「主要」), so the parts must make the amount.  PX604 / PX663 compare a total with parts in one
sentence; this rule joins the two paragraphs only in that exact shape.
"""
from __future__ import annotations

from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import amount_in, lazy_pattern, off, place_of, quote, shown
from perfxl.draft.numbers import figures
from perfxl.draft.rules_sums import _tolerance

#: the amount: 「2023年，省下达我县<name>资金 63.2 万元」
_AMOUNT = lazy_pattern(r"(?P<y>20\d\d)\s*年\s*,?\s*[\u4e00-\u9fff]{0,4}?(?:下达|拨付|分配)"
                     r"(?P<at>我[县区市镇乡])(?P<name>[^,;。:\d]{2,30}?)资金\s*"
                     r"(?P<t>\d+(?:\.\d+)?)\s*万元")
#: the whole 安排, at a paragraph's start: 「2023年我县<name>资金安排是:」
_PLAN = lazy_pattern(r"\s*(?P<y>20\d\d)\s*年\s*(?P<at>我[县区市镇乡])(?P<name>[^,;。:\d]{2,20}?)"
                   r"资金安排\s*(?:是|为|如下)\s*:")
#: words that make the list less than the whole, or its amounts something else than parts
_NOT_ALL = lazy_pattern(r"其中|主要|部分|重点|等|较|比上|增|减|%|结余|结转|剩余|累计|约|以上|以下")
_NAME_NOISE = lazy_pattern(r"\([^)]*\)|[\u4e00-\u9fff]{1,3}省(?=[\u4e00-\u9fff]{2})|专项|补助|中央|省级|"
                         r"转移支付")
#: paragraphs between the amount and the 安排 at most (a heading and the 安排's own heading)
_GAP = 4
_FORM = ("2023年度体育专项资金绩效自评报告\n"
         "2023年，市下达我区全民健身专项资金 40 万元。\n"
         "（二）资金安排情况\n"
         "2023年我区全民健身资金安排是：器材更新 {a} 万元，赛事活动 12 万元。\n")


def _has_plan(flat: str) -> bool:
    """A cheap test for 「资金安排是 / 为 / 如下」 before any pattern runs."""
    i = flat.find("资金安排")
    while i >= 0:
        if flat[i + 4:i + 8].lstrip().startswith(("是", "为", "如下")):
            return True
        i = flat.find("资金安排", i + 4)
    return False


@rule("PX679", "draft-plan-short-of-amount", "warning",
      title="后文列出的资金安排之和不等于前文下达的资金",
      message="“{quote}”：下达 {total}；{plan_at}列出的资金安排 {count} 项之和为 {sum_text}，"
              "相差 {gap}；请核对下达金额或补全资金安排",
      cases=[fails("安排之和少于下达数", text=_FORM.format(a="24"), at="2", expected=36),
             passes("安排之和等于下达数", text=_FORM.format(a="28")),
             passes("只列其中几项", text=_FORM.format(a="24").replace("安排是：", "安排是：其中"))])
def plan_short_of_amount(ctx):
    """前文一句写“20XX年，（上级）下达我县<资金名>资金 T 万元”，其后不超过几段的一段以
    “20XX年我县<资金名>资金安排是：”开头逐项列出金额，各项之和 S 与 T 不等（超出末位舍入）时
    提示。

    需要确定：两处年份相同、地方（我县 / 我区……）相同、后一处的资金名（去掉括注、“专项”
    “补助”“某某省”）包含在前一处的资金名里；后一段说的是整笔资金的安排（“资金安排是 / 为 /
    如下：”，列表里没有“其中 / 主要 / 部分 / 等 / 增减 / %”）；各项都是万元金额、至少两项。
    级别为警告：两段相隔，也可能另有一笔未列的安排。
    合格：下达 40 万元，安排器材更新 28 万元、赛事活动 12 万元。
    不合格（提示）：下达 40 万元，安排之和 36 万元。
    """
    doc, flat = ctx.doc, ctx.doc.flat
    if not _has_plan(flat):
        return  # no 「…资金安排是：」 anywhere: nothing to read (and nothing compiled)
    paras = doc.paragraphs
    amounts = []  # (paragraph index, match)
    for i, (a, b) in enumerate(paras):
        for m in _AMOUNT.finditer(flat, a, b):
            amounts.append((i, m))
        p = _PLAN.match(flat, a, b)
        if p is None:
            continue
        end = flat.find("。", p.end(), b)
        end = b if end < 0 else end
        if _NOT_ALL.search(flat, p.end(), end):
            continue
        parts = figures(flat, p.end(), end)
        if len(parts) < 2 or any(f.unit not in ("万元", "万") for f in parts):
            continue
        core = _NAME_NOISE.sub("", p.group("name"))
        same = [m for j, m in amounts if 0 < i - j <= _GAP and m.group("y") == p.group("y")
                and m.group("at") == p.group("at") and len(core) >= 2
                and core in _NAME_NOISE.sub("", m.group("name"))]
        if len(same) != 1:
            continue  # none, or several amounts of that fund: which one is planned is unsure
        m = same[0]
        got = figures(flat, m.start("t"), m.end())
        if len(got) != 1 or not got[0].money:
            continue
        total = got[0]
        s = sum((f.value_yuan for f in parts), Decimal(0))
        if not off(total.value_yuan, s, _tolerance(total, parts)):
            continue  # within the rounding of the amounts as written
        finest = max([total, *parts], key=lambda f: f.places)  # 39.5 is not shown as 40
        yield Hit((m.start("t"), m.end()), expected=s, actual=total.value_yuan,
                  args={"quote": quote(doc, m.start(), m.end()), "total": shown(doc, total),
                        "plan_at": place_of(doc, p.start("y")), "count": len(parts),
                        "sum_text": amount_in(s, finest),
                        "gap": amount_in(abs(s - total.value_yuan), finest)})
