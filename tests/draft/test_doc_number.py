"""PX662: one allocation named by its document number with two amounts (issue 20, principle 4).
Drafts of our own wording."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text

FIRST = "根据甲财建〔2024〕17号《关于下达2024年农村公路养护补助资金的通知》，下达我区资金 38.5 万元。\n"


def px662(text: str) -> list[tuple[int, str, float, float, str]]:
    return [(f.line, f.level, f.expected, f.actual, f.unit) for f in check_text(text)
            if f.rule == "PX662"]


def test_a_use_above_the_whole_of_its_notice_is_reported():
    text = FIRST + "区交通局按甲财建〔2024〕17号文件安排村道安全生命防护工程 40.2 万元。\n"
    got = [f for f in check_text(text) if f.rule == "PX662"]
    assert [(f.line, f.level, f.expected, f.actual, f.unit) for f in got] == [
        (2, "warning", 38.5, 40.2, "万元")]
    assert "甲财建〔2024〕17号在第 1 行下达的资金写 38.5 万元" in got[0].message


def test_two_statements_of_the_whole_must_agree():
    text = FIRST + "财政局依据甲财建〔2024〕17号下达我区资金 36.5 万元，已全部拨付。\n"
    assert px662(text) == [(2, "warning", 38.5, 36.5, "万元")]


@pytest.mark.parametrize("second, why", [
    ("区交通局按甲财建〔2024〕17号文件安排村道安全生命防护工程 30.2 万元。", "a use within the whole"),
    ("财政局依据甲财建〔2024〕17号下达我区资金 38.50 万元。", "the same amount"),
    ("财政局依据甲财建〔2024〕17号下达全市资金 120 万元。", "the whole of another recipient"),
    ("财政局依据甲财建〔2024〕18号下达我区资金 36.5 万元。", "another number"),
    ("财政局依据甲财建〔2023〕17号下达我区资金 36.5 万元。", "another year"),
    ("财政局依据乙财建〔2024〕17号下达我区资金 36.5 万元。", "another issuer's series"),
    ("依据甲财建〔2024〕17号和甲财建〔2024〕21号，下达我区资金 60 万元。", "two numbers in one sentence"),
    ("依据甲财建〔2024〕17号，安排桥梁维修 20 万元、村道养护 22 万元。", "two amounts after it"),
])
def test_mentions_not_tied_to_one_allocation_stay_quiet(second, why):
    assert px662(FIRST + second + "\n") == [], why


def test_two_uses_of_one_notice_are_no_whole():
    text = ("按甲财建〔2024〕17号文件安排村道养护 30 万元。\n"
            "按甲财建〔2024〕17号文件安排桥梁维修 45 万元。\n")
    assert px662(text) == []
