"""PX604 on a list of funds by level of government (issue 20, principle 2a): 中央 + 地方, and
中央 + 省级 + 市级 + 县级 when all four are named, are every part of their total
(``perfxl.glossary.COMPLETE_BREAKDOWNS``).  Drafts of our own wording."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text


def px604(text: str) -> list[tuple[int, float, float]]:
    return [(f.line, f.expected, f.actual) for f in check_text(text) if f.rule == "PX604"]


def test_central_and_local_short_of_their_total_is_reported():
    text = "截至9月底，全区衔接资金共计 42.60 亿元，其中：中央下达资金 30.15 亿元，地方配套资金 12.05 亿元。\n"
    assert px604(text) == [(1, 42.2, 42.6)]


def test_four_levels_all_named_short_of_their_total_is_reported():
    text = ("本年到位资金 980 万元，其中：中央资金 500 万元，省级资金 200 万元，市级资金 150 万元，"
            "县级资金 100 万元。\n")
    assert px604(text) == [(1, 950.0, 980.0)]


@pytest.mark.parametrize("text, why", [
    ("全区衔接资金共计 42.60 亿元，其中：中央下达资金 30.15 亿元，地方配套资金 12.45 亿元。", "adds up"),
    ("本年资金 980 万元，其中：中央资金 500 万元，省级资金 200 万元，市级资金 150 万元。", "县级 not named"),
    ("本年收入 980 万元，其中：中央转移支付 500 万元，地方政府债券 300 万元。", "a bond is a kind, not a level"),
    ("本年收入 980 万元，其中：上级补助 500 万元，地方配套 300 万元。", "上级 is no level of the partition"),
])
def test_lists_not_known_complete_stay_quiet(text, why):
    assert px604(text + "\n") == [], why
