"""PX643: an approximate amount (「节约资金253万余元」) outside the range of the exact amount the
draft gives the same quantity (issue 20: a headline against its body).

「N万余元」 is N 万元 and some: at least N and under N + 1 万元 (「1.2亿余元」: at least 1.2 and
under 1.3 亿元, one unit of the last digit written).  Only this form is read: 「N余万元」 and
「N多万元」 leave open which digit the 余 rounds, 「近N万元」 is below N by an unsaid amount.
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import lazy_pattern, place_of, quote, shown
from perfxl.draft.numbers import UNIT_SCALE
from perfxl.draft.quantities import _AREA_WORD

_APPROX = lazy_pattern(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*(?P<u>万|亿)余元")
#: the words naming it: the run of characters before the figure, back to a clause mark
_LABEL = lazy_pattern(r"[\u4e00-\u9fff“”\"]{2,40}$")
_NAME = lazy_pattern(r"[\u4e00-\u9fff]+$")
_UNIT_WORD = lazy_pattern(r"^(?:万元|亿元|元|万|亿)")
_RELATION = lazy_pattern(r"^(?:的|为|是|共|共计|合计|达)+")
#: names that say nothing of which quantity, and change words (a change is another quantity)
_BARE = {"支出", "收入", "资金", "金额", "经费", "总额", "合计", "总计", "共计", "增加", "减少",
         "增长", "下降", "增收", "减收"}
_PRIOR = lazy_pattern(r"上年|去年|上一年|同期")
#: the period a sentence speaks of
_PERIOD = lazy_pattern(r"上半年|下半年|第?[一二三四1-4]季度|\d{1,2}\s*[-—至~]\s*\d{1,2}\s*月|"
                     r"\d{1,2}\s*月(?:份|底|末)?|全年|(?:19|20)\d\d\s*年|当月|累计")
#: stage and role words: a planned and an achieved amount of one name are two quantities
_STAGE = lazy_pattern(r"年初|调整|预算|决算|执行|计划|安排|申请|目标|完成|实际|到位|支付|拨付|下达|批复|"
                    r"累计|当月|本月")
#: the areas of the quantity model (全市 / 市本级 / 县区 / 乡镇…), and 其中
_AREA = lazy_pattern(rf"{_AREA_WORD}|其中")


def _name_of(label: str) -> str:
    """The quantity a label names: its last run of characters after the last figure, without a
    unit word before it or relation words (「比预算的7136.74万元节约资金」 -> 节约资金)."""
    m = _NAME.search(re.sub(r"\s", "", label))
    if not m:
        return ""
    return _RELATION.sub("", _AREA.sub("", _UNIT_WORD.sub("", m.group(0))))


def _periods(text: str) -> set[str]:
    return {re.sub(r"\s", "", p) for p in _PERIOD.findall(text)}


def _sentence(doc, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(doc.sentences, (pos, len(doc.flat))) - 1
    if i >= 0 and doc.sentences[i][0] <= pos < doc.sentences[i][1]:
        return doc.sentences[i]
    return pos, pos


@rule("PX643", "draft-approximate-amount", "error",
      title="“N万余元”的约数与同一数量的确数不符",
      message="“{quote}”：“{approx}”是 {low}以上、不足 {high}，而{where}写{name} {exact}；"
              "同一数量前后不符；请核对，若 {exact} 无误，约数应写“{fix}”",
      cases=[fails("标题的约数与正文确数不符", at="1", expected=371.46,
                   text="某县财政局前三季度政府采购节约资金320万余元\n前三季度，本县政府采购预算 5200.00 万元，"
                        "实际采购 4828.54 万元，节约资金 371.46 万元，节约率 7.14%。"),
             passes("约数与确数相符",
                    text="某县财政局前三季度政府采购节约资金371万余元\n前三季度，本县政府采购预算 5200.00 万元，"
                         "实际采购 4828.54 万元，节约资金 371.46 万元，节约率 7.14%。"),
             passes("同名的确数有两个（不能确定是哪一个）",
                    text="某县政府采购节约资金320万余元\n货物类节约资金 371.46 万元。\n服务类节约资金 52.10 万元。")])
def approximate_amount(ctx):
    """“N万余元”表示 N 万元以上、不足 N+1 万元（“1.2亿余元”：1.2 亿元以上、不足 1.3 亿元，按
    所写末位加一个单位）。报告（常在标题）用约数写某个数量、别处又写了它的确数，确数不在
    这个范围内时，两处至少一处写错。

    需要确定是同一数量（否则不报告）：名称相同（约数前的名称以确数的名称结尾，如“……政府
    采购节约资金”与“节约资金”；不是“支出 / 资金 / 增加”等泛称或增减），报告里这个名称只有
    一个确数，两处写的阶段与性质（预算 / 计划 / 完成 / 实际 / 累计……）相同，两处所说的期间（上半年、一季度、1—6月、全年、年份）相容，都没写“全市 / 市本级 /
    县区 / 乡镇 / 其中”等不同的范围，确数不是上年数。名称、期间、范围都确定，故为错误。“N余万元”“N多万元”
    “近 N 万元”不确定差多少，不核对。
    合格：标题“节约资金371万余元”，正文“节约资金 371.46 万元”。
    不合格：标题“政府采购节约资金253万余元”，正文“比预算节约资金290.72万元”（应为“290万余元”）。
    """
    doc = ctx.doc
    flat = doc.flat
    if "余元" not in flat:
        return  # no 「N万余元」: nothing to read (and no pattern compiled)
    approx = []
    for m in _APPROX.finditer(flat):
        lab = _LABEL.search(flat, max(0, m.start() - 40), m.start())
        name = _name_of(lab.group(0)) if lab else ""
        if lab and len(name) >= 3 and name not in _BARE and not _PRIOR.search(lab.group(0)):
            approx.append((m, lab.group(0), name))
    if not approx:
        return
    for m, label, name in approx:
        named = [(f, s, _name_of(f.label or "")) for f, s in ctx.claims.amounts
                 if not _PRIOR.search(flat[s[0]:f.end])]
        cores = {n for _f, _s, n in named if len(n) >= 3 and n not in _BARE and label.endswith(n)}
        # a more particular name of the core (货物类节约资金) is a rival value too
        exact = [x for x in named if any(x[2].endswith(c) for c in cores)]
        if any(set(_STAGE.findall(n)) != set(_STAGE.findall(label)) for _f, _s, n in exact):
            continue  # 「完成总投资」 against 「计划总投资」: another stage or role
        if len({f.value_yuan for f, _s, _n in exact}) != 1:
            continue  # none, or several values of the name: which one is not known
        f, (a, b), fname = exact[0]
        sa, sb = _sentence(doc, m.start())
        mine, theirs = _periods(flat[sa:m.end()]), _periods(flat[a:b])
        if not (mine <= theirs or theirs <= mine):
            continue
        if set(_AREA.findall(flat[sa:m.end()])) != set(_AREA.findall(flat[a:f.end])):
            continue
        n, unit = Decimal(m.group("n")), m.group("u")
        places = len(m.group("n").partition(".")[2])
        step = Decimal(1).scaleb(-places)
        scale = UNIT_SCALE[unit]
        if n * scale <= f.value_yuan < (n + step) * scale:
            continue
        whole = (f.value_yuan / scale).quantize(step, rounding="ROUND_FLOOR")
        word = "万元" if unit == "万" else "亿元"
        yield Hit((m.start(), m.end()), expected=float(f.value_yuan / scale),
                  actual=float(n), unit=word,
                  args={"quote": quote(doc, max(sa, m.start() - len(label)), m.end()).strip(),
                        "approx": doc.raw[m.start():m.end()],
                        "low": f"{n}{word}", "high": f"{n + step}{word}",
                        "where": place_of(doc, f.start), "name": fname,
                        "exact": shown(doc, f), "fix": f"{whole}{unit}余元"})
