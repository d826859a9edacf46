"""PX677: the year's target stated under another year than the report's
(「2022年年度目标是……」 in a 2023年度 self-evaluation, followed by 「当年年度目标完成情况」).

A self-evaluation measures the year it is about against that year's target; a line that opens by
stating the target of another year, with no word saying the other year is meant (上年, 对比,
规划 …), has the year slipped (a template carried over from the year before).  Read only when the
report's year is certain: its title names 「N年度」 at least twice in the opening lines, and never
the year the line names.
"""
from __future__ import annotations

import re

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import lazy_pattern, quote

#: a line opening with a year's target: 「2022年年度目标是」「2022年度绩效目标:」
_TARGET = lazy_pattern(r"\s*(?P<y>20\d\d)\s*年(?:年度|度)?(?:绩效)?目标\s*(?:是|为|:)")
#: words that name another year on purpose: a comparison, a span, a plan period, a carry-over
_ASIDE = lazy_pattern(r"上年|去年|上一年|往年|历年|以前|以来|截至|截止|对比|比较|较|同比|同期|结转|"
                    r"规划|五年|十[一二三四五六]五|整改|明年|下一?年|20\d\d\s*年?\s*[-—~至到]")
_HEAD_LINES = 40


def _has_target(flat: str) -> bool:
    """A cheap test for 「…年…目标是 / 为 / :」 before any pattern runs."""
    i = flat.find("目标")
    while i >= 0:
        if flat[i + 2:i + 5].lstrip().startswith(("是", "为", ":")) and "年" in flat[max(0, i - 6):i]:
            return True
        i = flat.find("目标", i + 2)
    return False


@rule("PX677", "draft-target-year", "warning", title="年度目标写的年份与报告年度不一致",
      message="“{quote}”：本报告是 {year} 年度的自评，年度目标应是 {year} 年的，这里写“{stated}年”；"
              "若不是有意写另一年，请改为“{year}年”",
      cases=[fails("2023 年度的报告写“2022年年度目标是”", at="4", expected=2023,
                   text="某局2023年度项目绩效自评报告\n一、2023年度项目概况\n（二）年度绩效目标\n"
                        "2022年年度目标是提高设备完好率。\n当年年度目标完成情况：已完成。\n"),
             passes("年份与报告年度一致",
                    text="某局2023年度项目绩效自评报告\n一、2023年度项目概况\n（二）年度绩效目标\n"
                         "2023年年度目标是提高设备完好率。\n"),
             passes("有意与上年对比",
                    text="某局2023年度项目绩效自评报告\n一、2023年度项目概况\n"
                         "2022年年度目标是提高设备完好率，较上年有所调整。\n")])
def target_year(ctx):
    """一行以“N年年度目标是（为、：）……”开头、N 不是报告年度、这一行没有说明有意写另一年的
    词（上年、对比、规划、结转、整改……）时，年度目标的年份写错了（自评对照的是所评年度的目标）。

    需要确定：报告年度由开头几行的标题确定（“N年度”至少写了两次，且开头几行没有写过这一行
    所写的年份）。级别为警告：项目跨年度时也可能有意写上一年的目标。
    合格：2023 年度的报告写“2023年年度目标是……”。
    不合格：2023 年度的报告写“2022年年度目标是……”，下一行“当年年度目标完成情况”。
    """
    doc, flat = ctx.doc, ctx.doc.flat
    if not _has_target(flat):
        return  # no 「20XX年度目标是」: nothing to read (and no pattern compiled)
    year = doc.year_stated
    if year is None:
        return
    paras = doc.paragraphs
    head = flat[:paras[min(_HEAD_LINES, len(paras)) - 1][1]] if paras else ""
    if len(re.findall(rf"{year}\s*年度", head)) < 2:
        return
    for a, b in paras:
        m = _TARGET.match(flat, a, b)
        if not m or int(m.group("y")) == year or m.group("y") in head[:a] + head[b:]:
            continue  # the opening lines name that year too: which year is the report's is unsure
        if _ASIDE.search(flat, a, b):
            continue
        yield Hit((m.start("y"), m.end()), expected=year, actual=int(m.group("y")),
                  args={"quote": quote(doc, a, b)[:60], "year": year, "stated": m.group("y")})
