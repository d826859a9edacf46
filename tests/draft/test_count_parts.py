"""PX661: a total whose parts come in the next sentences, tied by their counts (issue 20,
principle 3).  Drafts of our own wording."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text

TEXT = ("全年共举办招商推介会 4 次，落地项目 25 个，其中 1 亿元以上项目 9 个，合同投资额 58.6 亿元。"
        "落地已开工项目 17 个，其中 1 亿元以上项目 6 个，合同投资额 41.35 亿元；5 亿元以上项目 2 个。"
        "落地待开工项目 8 个，合同投资额 16.05 亿元。\n")


def px661(text: str) -> list[tuple[int, str, float, float, str]]:
    return [(f.line, f.level, f.expected, f.actual, f.unit) for f in check_text(text)
            if f.rule == "PX661"]


def test_kinds_whose_counts_make_the_total_must_make_its_amount():
    got = [f for f in check_text(TEXT) if f.rule == "PX661"]
    assert [(f.line, f.level, f.expected, f.actual, f.unit) for f in got] == [
        (1, "warning", 57.4, 58.6, "亿元")]
    assert "41.35 亿元 + 16.05 亿元" in got[0].message and "之和 57.40 亿元" in got[0].message


@pytest.mark.parametrize("old, new, why", [
    ("58.6 亿元", "57.4 亿元", "the amounts add up"),
    ("落地待开工项目 8 个", "落地待开工项目 7 个", "17 + 7 is not 25: some items unlisted"),
    ("落地待开工项目 8 个，合同投资额", "落地待开工项目 8 个，计划投资额", "another amount of the kinds"),
    ("落地待开工项目 8 个，合同投资额 16.05 亿元", "储备客户 8 个，合同投资额 16.05 亿元",
     "not the total's kind of item"),
    ("合同投资额 16.05 亿元。", "合同投资额 16.05 亿元、合同投资额 2 亿元。",
     "two amounts of the name in one part"),
])
def test_parts_not_tied_to_the_total_stay_quiet(old, new, why):
    assert old in TEXT
    assert px661(TEXT.replace(old, new)) == [], why


def test_a_count_in_another_unit_is_no_part():
    assert px661(TEXT.replace("落地待开工项目 8 个", "落地待开工项目 8 家")) == []


def test_parts_in_another_paragraph_stay_quiet():
    assert px661(TEXT.replace("亿元；5 亿元以上项目 2 个。", "亿元；5 亿元以上项目 2 个。\n")) == []
