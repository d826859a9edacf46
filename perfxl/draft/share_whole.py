"""Which whole a share (「占…的 R%」) is of, and whether that whole is certain (PX605).

A share's whole is certain when the sentence writes it with its amount (「占年初预算 2180 万元的
44.5%」), when it is the total the share's own 其中 list breaks down and the share names that
total or nothing (「收入合计 1000 元，其中财政拨款 900 元，占收入的 90%」), or when the name the
share gives (「占政府采购支出总额的」) has exactly one value in the whole draft and no other area
(a city, county or district, 全市 / 全省 / 市本级 …) is named between that value and the share.
A name unlike the 其中 total's (「其中：授予小微企业合同金额…，占政府采购支出总额的 6.7%」) is not
that total's share.  Every other whole is a guess: PX605 says nothing about it.
"""
from __future__ import annotations

import re

from perfxl.draft.common import quantity_name

__all__ = ["names_parent", "whole_name", "scope_changes", "AREA"]

#: Words that make a whole's name general without naming another quantity (总额, 合计 …).
_GENERAL = re.compile(r"总额|总计|合计|总量|总数|总规模|规模|全部|累计|共计|全年|本年|当年|总|的")
#: An area or level of government.  A place name is read by its ending (晋城市, 朔州市, 某某县,
#: 某某区 after a place of 2+ characters, 自治州 …); a few words ending alike that name no area
#: are left out (超市, 节省 …; 城市 stays: 晋城市).  Over-reading only makes PX605 quieter.
AREA = re.compile(r"全(?:国|省|市|县|区|州|盟|旗)|(?:省|市|县|区|州)本级|本级|(?:省|市|县|区)级|"
                  r"[\u4e00-\u9fff]{2,3}(?<!超|股|门|夜|节|俭)(?:省|市|县)(?![场民值])|"
                  r"自治[区州]|[\u4e00-\u9fff]{2}新区")


def whole_name(of: str) -> str:
    """The quantity a share's words name as its whole, without general words and areas
    (「一般公共预算支出总额」 -> 「一般公共预算支出」; 「比」, 「全市」 -> 「」: no name)."""
    name = quantity_name(re.sub(r"\s+", "", of or ""))
    name = AREA.sub("", name)
    name = _GENERAL.sub("", name)
    return "" if name in ("比", "比重", "比例", "其", "") else name


#: Words that make a share's whole the year's (the department's) total: 「占本年支出的」.
_WHOLE_YEAR = re.compile(r"本年|全年|当年|总")
#: Words that name the sum of all the parts: 「占收入合计的」 is a share of 收入合计, never of a
#: 其中 total labelled without the word (「财政拨款收入 4436.33 万元(其中…)」).
_SUM = re.compile(r"合计|总计")


def names_parent(of: str, label: str, written: str = "") -> bool:
    """True when a share's words (``of``) name the 其中 total labelled ``label`` (``written``: its
    label as the text writes it, 合计 included), or no whole at all (「占比」, 「占全市的」)."""
    n = whole_name(of)
    if len(n) < 2:
        return True
    total = _SUM.search(of or "")
    if total and total.group(0) not in label + written:
        return False
    if _WHOLE_YEAR.search(of or "") and len(whole_name(label)) > len(n):
        # 「占本年支出的」 after 「项目支出 200 万元，其中…」: the share names the year's whole, the
        # 其中 total is one kind of it (项目 支出), not that whole
        return False
    return n in whole_name(label) or n in re.sub(r"\s+", "", label)


def scope_changes(flat: str, whole_sentence: tuple[int, int], a: int, b: int) -> bool:
    """True when ``flat[a:b]`` (the text between a whole and its share, the share's sentence
    included) names an area that the whole's own sentence does not: the whole is another area's."""
    own = flat[whole_sentence[0]:whole_sentence[1]]
    # a place name is read with up to three characters before its ending, which may be other
    # words (「占全市」): the area is the whole's when any of its tails is in the whole's sentence
    return any(all(m.group(0)[k:] not in own for k in range(len(m.group(0)) - 1))
               for m in AREA.finditer(flat, a, b))
