"""PX663: a list the text says is complete (全部用于 / 分别为 / 包括…共 N 项) whose amounts do not
make its total (issue 20, principle 2b).  Drafts of our own wording."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text


def px663(text: str) -> list[tuple[int, str, float, float, str]]:
    return [(f.line, f.level, f.expected, f.actual, f.unit) for f in check_text(text + "\n")
            if f.rule == "PX663"]


@pytest.mark.parametrize("text, want", [
    ("镇级配套资金 12.60 万元，全部用于渠道清淤 7.20 万元、护坡修补 4.90 万元。", 12.1),
    ("镇级配套资金 12.60 万元，全部用于渠道清淤 7.20 万元、护坡修补 5.90 万元。", 13.1),
    ("两所学校共获营养餐补助 35.4 万元，分别为城关小学 20.1 万元、河西小学 14.8 万元。", 34.9),
    # whole 万元 are each rounded (PX604's tolerance): 3 + 3 + 1 cannot make 10, 3 + 3 + 2 may make 9
    ("奖补资金 10 万元，分别用于东村 3 万元、西村 3 万元和南村 1 万元。", 7),
    ("专项经费 48 万元，包括培训费 20 万元、印刷费 13 万元、劳务费 10 万元，共三项。", 43),
])
def test_a_list_said_complete_must_make_its_total(text, want):
    (got,) = px663(text)
    assert got[:2] == (1, "warning") and got[2] == want and got[4] == "万元"


@pytest.mark.parametrize("text, why", [
    ("镇级配套资金 12.60 万元，全部用于渠道清淤 7.70 万元、护坡修补 4.90 万元。", "adds up"),
    ("专项经费 48 万元，主要包括培训费 20 万元、印刷费 13 万元。", "main items only"),
    ("专项经费 48 万元，包括培训费 20 万元、印刷费 13 万元、劳务费 10 万元等，共四项。", "4 named, 3 listed"),
    ("专项经费 48 万元，包括培训费 20 万元、印刷费 13 万元、劳务费 10 万元。", "no count: maybe some"),
    ("镇级配套资金 12.60 万元，全部用于渠道清淤，其中人工费 7.20 万元、材料费 4.90 万元。",
     "a 其中 list (PX604's)"),
    ("两所学校营养餐补助 35.4 万元，分别为上年的 20.1 万元、14.8 万元。", "prior-year figures"),
    ("两所学校营养餐补助 35.4 万元，分别为 102 人、88 人，人均 0.19 万元。", "counts among the items"),
    ("奖补资金 9 万元，分别用于三个村的垃圾收运 3 万元、3 万元和 2 万元。", "a count among the items"),
])
def test_lists_not_said_complete_stay_quiet(text, why):
    assert px663(text) == [], why
