"""PX641 / PX642: a heading or contents entry that names another year than the report's.

A report's headings name its year (「第二部分 2022年度部门决算表」, 「一、2022年收入情况」); a
heading, or its line in the contents, that names another year with no word saying so on
purpose (上年, 对比, 2020-2022年, 十四五…) is a slip of the year (issue 20, class 6).  The
headings are the draft's numbered lines (第一部分 / 一、 / (一) / 1. / (1)) of one short line
without an amount; a heading's *list* is the headings of its numbering between two headings of
a higher level, its *parent* the nearest higher heading before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import place_of, quote
from perfxl.draft.numbers import figures

#: numbering -> level (0 the highest): 第一部分 / 一、 / (一) / 1. / (1)
_LEVELS = ((0, re.compile(r"\s*第[一二三四五六七八九十\d]{1,3}\s*[部分章篇]")),
           (1, re.compile(r"\s*[一二三四五六七八九十]{1,3}\s*、")),
           (2, re.compile(r"\s*\(\s*[一二三四五六七八九十]{1,3}\s*\)")),
           (3, re.compile(r"\s*\d{1,2}\s*[.、](?!\d)")),
           (4, re.compile(r"\s*\(\s*\d{1,2}\s*\)")))
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
#: a year in a title, also the first of a span (「2023-2024年度」)
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:年|[-—~至到]\s*(?:19|20)\d\d)")
#: words that name another year on purpose: a comparison, a span, a plan period, a carry-over,
#: a founding, a plan for a later year, last year's findings and how they were acted on
_ON_PURPOSE = re.compile(r"上年|去年|上一年|往年|历年|以前|以来|截至|截止|起|至|到|对比|比较|较|比|"
                         r"同比|同期|结转|结余|规划|五年|十[一二三四五六]五|成立|设立|组建|始建|"
                         r"计划|打算|目标|思路|展望|整改|反馈|审计|巡视|巡察|应用|"
                         r"(?:19|20)\d\d\s*年?\s*[-—~]")
#: a heading that is a project's or a fund's name (「（三）2021年中央财政衔接推进乡村振兴补助资金项目」):
#: its year names the batch the money came with, carried into this year on purpose
_PROJECT_NAME = re.compile(r"(?:项目|工程|专项资金|补助资金)\s*[:：。]?\s*$")
#: a later year's budget or tasks: a 决算 or evaluation looks ahead to them on purpose
_AHEAD = re.compile(r"预算|安排|部署|重点|任务|措施|方向|设想")
#: a budget (not a 决算 or an evaluation) looks back at the year before on purpose
_BUDGET_DOC = re.compile(r"预算")
_LOOKS_BACK = re.compile(r"决算|自评|评价|绩效报告|总结")
_MAX_HEADING = 40
#: the first characters a numbered heading may open with
_OPENS = frozenset("第一二三四五六七八九十(0123456789")


@dataclass(frozen=True)
class _Heading:
    level: int
    start: int  # offset in Doc.text of the line
    end: int
    years: tuple[int, ...]
    match: re.Match | None  # the first year


def _headings(ctx) -> tuple[list[_Heading], list[int]]:
    """The draft's numbered headings in order, and the years its title lines name (the lines
    before the first heading, at most five); read once per draft for both rules."""
    if "headings" not in ctx.memo:
        ctx.memo["headings"] = _read_headings(ctx)
    return ctx.memo["headings"]


def _read_headings(ctx) -> tuple[list[_Heading], list[int]]:
    doc = ctx.doc
    text = doc.text
    out: list[_Heading] = []
    title: list[int] = []
    for i, u in enumerate(doc.units):
        if u.in_table or i in ctx.row_starts:
            continue
        a = doc.starts[i]
        b = a + len(u.text)
        line = text[a:b]
        body = line.strip()
        if not body:
            continue
        level = (next((lv for lv, rx in _LEVELS if rx.match(line)), None)
                 if body[0] in _OPENS else None)
        years = list(_YEAR.finditer(text, a, b))
        if level is None:
            if not out and len(title) < 5 and len(line.strip()) <= _MAX_HEADING:
                title += [int(y) for m in _TITLE_YEAR.finditer(text, a, b)
                          for y in re.findall(r"(?:19|20)\d\d", m.group(0))]
            continue
        if (len(body) > _MAX_HEADING or "。" in body.rstrip("。")
                or (years and any(f.money or f.rate for f in figures(text, a, b)))):
            continue
        out.append(_Heading(level, a, b, tuple(int(m.group(1)) for m in years),
                            years[0] if years else None))
    return out, title


def _list_of(hs: list[_Heading], k: int) -> tuple[list[_Heading], _Heading | None]:
    """The other headings of ``hs[k]``'s list and its parent."""
    level = hs[k].level
    sib: list[_Heading] = []
    parent = None
    for j in range(k - 1, -1, -1):
        if hs[j].level < level:
            parent = hs[j]
            break
        if hs[j].level == level:
            sib.append(hs[j])
    for j in range(k + 1, len(hs)):
        if hs[j].level < level:
            break
        if hs[j].level == level:
            sib.append(hs[j])
    return sib, parent


def _odd_headings(ctx):
    """(heading, its list, its parent, other headings naming a year) of each heading that names
    one year other than the report's while the title and every other heading naming a year
    name the report's; nothing when the report's year is not certain."""
    year = ctx.doc.year_stated
    if year is None:
        return
    hs, title = _headings(ctx)
    if not title or set(title) != {year}:
        return  # the title must name the report's year, and only it
    dated = [h for h in hs if h.years]
    odd = [h for h in dated if h.years != (year,)]
    if len({_as_written(ctx.doc.text[h.start:h.end]) for h in odd}) != 1:
        return  # none, or several headings of another year: perhaps on purpose
    for h in odd:  # one heading, or the same one in the contents and in the body
        yield from _odd(ctx, hs, h, [g for g in dated if g not in odd], year)


def _as_written(line: str) -> str:
    """A heading without spaces and the page number the contents give it (「……5」)."""
    return re.sub(r"[\s.…·•\d]+$", "", re.sub(r"\s+", "", line))


def _odd(ctx, hs, h, dated, year):
    flat_title = ctx.doc.text[:h.start]
    line = ctx.doc.text[h.start:h.end]
    if len(set(h.years)) != 1 or _ON_PURPOSE.search(line):
        return
    y = h.years[0]
    if _PROJECT_NAME.search(line):
        return
    if y > year and _AHEAD.search(line):
        return  # 「四、2023年预算安排情况」 in a 2022 report: next year's budget, meant
    if (y == year - 1 and _BUDGET_DOC.search(flat_title[:200])
            and not _LOOKS_BACK.search(flat_title[:200])):
        return  # a budget tells the year before it on purpose
    sib, parent = _list_of(hs, hs.index(h))
    yield h, y, [g for g in sib if g in dated or not g.years], parent, dated


def slips(ctx) -> list[tuple[str, _Heading, int, int]]:
    """(rule code, heading, the year it names, where the year it should name is written) of
    each heading year slip, found once per draft: PX641 when at least two other headings of
    its list name the report's year (and none another), PX642 when its list names no year and
    its parent heading (or two other headings) names the report's.  PX628 leaves these
    headings to them."""
    if "heading_slips" in ctx.memo:
        return ctx.memo["heading_slips"]
    out = []
    year = ctx.doc.year_stated
    for h, y, sib, parent, dated in _odd_headings(ctx):
        same = [g for g in sib if g.years]
        if same:
            if len(same) >= 2 and all(g.years == (year,) for g in same):
                out.append(("PX641", h, y, same[0].start))
        elif parent is not None and parent.years == (year,):
            out.append(("PX642", h, y, parent.start))
        elif len(dated) >= 2:
            out.append(("PX642", h, y, dated[0].start))
    ctx.memo["heading_slips"] = out
    return out


def _hits(ctx, code: str):
    for c, h, y, at in slips(ctx):
        if c == code:
            yield Hit((h.match.start(1), h.match.end()), expected=ctx.doc.year, actual=y,
                      args={"quote": quote(ctx.doc, h.start, h.end).strip(),
                            "year": ctx.doc.year, "stated": y, "where": place_of(ctx.doc, at)})


@rule("PX641", "draft-heading-year", "error", title="同一级标题中一条的年份与其余各条及报告年度不一致",
      message="“{quote}”：本报告是 {year} 年度，同一级的标题（如{where}）都写“{year}年”，这一条写成了"
              "“{stated}年”；请改为“{year}年”",
      cases=[fails("同一级标题都写本年，一条写成了前年", at="4", expected=2023,
                   text="2023年度部门决算说明\n一、2023年度收入决算情况\n二、2023年度支出决算情况\n"
                        "三、2021年度“三公”经费决算情况\n四、2023年度政府采购情况"),
             passes("有意写往年（与上年对比）",
                    text="2023年度部门决算说明\n一、2023年度收入决算情况\n二、2023年度支出决算情况\n"
                         "三、2023年与2022年“三公”经费对比情况\n四、2023年度政府采购情况"),
             passes("各条写了不同年份（规划期、往年各一条），报告年度不能确定哪条是错",
                    text="2023年度部门决算说明\n一、2023年度收入决算情况\n二、2022年度支出决算情况\n"
                         "三、2021年度“三公”经费决算情况")])
def heading_year(ctx):
    """目录或正文里同一级的编号标题（“一、”“（一）”……）各条都写报告年度，一条写成另一年、
    又没有“上年 / 对比 / 2020—2022年 / 十四五 / 结转 / 计划 / 整改 / 结果应用”等有意写另一年的
    字样：年份笔误。

    需要确定：报告年度（标题行写了它且只写了它）；写了年份的标题中只有这一条
    写另一年（目录与正文里同一条标题算一条，各报告一次），且只写了一个年份；同一级（同一上级标题下、同一种编号）至少另有两条写报告年度。
    预算报告回顾上一年属有意，不报告；决算、自评报告展望下一年的预算、安排、重点任务（“四、
    2023年预算安排情况”，年份晚于报告年度）也属有意；标题就是一个项目或一笔资金的名称（“（三）
    2021年中央财政衔接推进乡村振兴补助资金项目”）时，年份是该项目的批次，不报告。同一级的其他标题不写年份时见 PX642（警告）。
    合格：“三、2023年与2022年“三公”经费对比情况”（有意对比）。
    不合格：2023 年度决算“一、2023年度收入决算情况 二、2023年度支出决算情况 三、2021年度“三公”经费
    决算情况”。
    """
    yield from _hits(ctx, "PX641")


@rule("PX642", "draft-heading-year-parent", "warning", title="标题的年份与上级标题及报告年度不一致",
      message="“{quote}”：本报告是 {year} 年度，上级标题和其他标题（如{where}）都写“{year}年”，"
              "这一条写成了“{stated}年”；若不是有意写另一年，请改为“{year}年”",
      cases=[fails("目录中一条写了前年，同级各条不写年份，上级标题写本年", at="5", expected=2022,
                   text="2022年度部门决算公开\n第一部分 2022年度部门决算表\n第二部分 2022年度部门决算情况说明\n"
                        "一、收入决算情况说明\n二、关于2020年度预算绩效情况的说明\n三、国有资产占用情况说明"),
             passes("写的是本年",
                    text="2022年度部门决算公开\n第一部分 2022年度部门决算表\n第二部分 2022年度部门决算情况说明\n"
                         "一、收入决算情况说明\n二、关于2022年度预算绩效情况的说明\n三、国有资产占用情况说明"),
             passes("预算报告回顾上一年",
                    text="2023年部门预算公开\n第一部分 2023年部门预算表\n第二部分 2023年部门预算情况说明\n"
                         "一、部门职责\n二、2022年度重点工作完成情况\n三、2023年度收支预算情况")])
def heading_year_parent(ctx):
    """一条编号标题（常在目录里）写了另一年，而报告的标题、它的上级标题和其他写年份的标题都
    写报告年度，同一级的其他标题不写年份：多半是年份笔误，但同级标题没有写本年可作对照，
    故为警告。与 PX641 同样不报告有意写另一年的标题（上年、对比、年份区间、规划期、结转、
    计划、成立），也不报告预算报告里回顾上一年的标题。

    需要确定：报告年度（标题行写了它且只写了它）；写了年份的标题中只有这一条写另一年；它的
    上级标题写报告年度，或另有至少两条标题写报告年度。
    合格：“二、关于2022年度预算绩效情况的说明”（2022 年度决算）。
    不合格：“十三、关于2020年度预算绩效情况的说明”（2022 年度决算，“第三部分 2022年度部门决算
    情况说明”之下）。
    """
    yield from _hits(ctx, "PX642")
