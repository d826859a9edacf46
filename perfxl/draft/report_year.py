"""The report year of a draft, and whether the draft states it.

A report states its year in its title or first heading (「2023年度项目支出绩效自评报告」,
「关于2021年全区教育经费执行情况的报告」) or in words (「本年度（2023年）」).  An excerpt with no
title (a pasted page, a notice's body) does not: its most frequent 「20XX年」 may be a
publication date or the year in a notice's name (「关于2025年……资金的通知」), so a year found by
frequency is a guess.  A rule that reports a figure or a label *as of the wrong year* needs the
stated year (``stated``); a guess only helps tell this year's figures from last year's.
"""
from __future__ import annotations

import re

__all__ = ["guessed", "stated"]

#: the opening lines looked at for a title or a 「20XX年度」
HEAD_LINES = 40
_YEAR_DU = re.compile(r"(20\d\d)\s*年度")
#: a title line: one 「20XX年」 and a report's kind at its end, short, no cited document in it
_TITLE = re.compile(r"^\s*[^《》\n]{0,30}?(?<!\d)(20\d\d)\s*年[^《》\n\d]{0,40}"
                    r"(?:报告|说明|公告|通报|公示|自评表?|评价|情况)\s*$")
_TITLE_LINES = 5
#: the year named in words as the one evaluated: 「本年度（2023年）」「本年度即2023年」
_THIS_YEAR = re.compile(r"本年度\s*[(（]?\s*(?:即|为|是)?\s*(20\d\d)\s*年")
_ANY_YEAR = re.compile(r"(?<!\d)(20\d\d)\s*年(?!\d)")


def stated(text: str, starts: list[int]) -> int | None:
    """The year ``text`` states as its report's (int, e.g. 2023), or None.

    ``text`` is the draft's normalised text, ``starts`` the offset of each line.  Sources, in
    order: the first 「20XX年度」 of the first ``HEAD_LINES`` lines; a title among the first
    non-empty lines naming one year (「关于2021年……情况的报告」); 「本年度（20XX年）」."""
    head = text[: starts[min(HEAD_LINES, len(starts) - 1)] + 1] if starts else ""
    m = _YEAR_DU.search(head)
    if m:
        return int(m.group(1))
    lines = [line for line in head.split("\n") if line.strip()][:_TITLE_LINES]
    for line in lines:
        t = _TITLE.match(line)
        if t and len(set(_ANY_YEAR.findall(line))) == 1:
            return int(t.group(1))
    m = _THIS_YEAR.search(text)
    return int(m.group(1)) if m else None


def guessed(text: str) -> int | None:
    """The most frequent 「20XX年」 of ``text`` (int), or None: a guess, not a stated year.  Of
    years as frequent, the first written (not a set's order, which changes from run to run)."""
    years = _ANY_YEAR.findall(text)
    return int(max(dict.fromkeys(years), key=years.count)) if years else None
