"""PX643: 「N万余元」 against the exact amount of the same quantity (issue 20).  Drafts of our own
wording: where the approximate amount is out of its range, and where the identity is not sure."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text

BODY = ("{title}\n1—9月，本区政府采购预算金额 8420.36 万元，实际采购金额 7935.14 万元，"
        "节约财政资金 485.22 万元，资金节约率 5.76%。\n")


def px643(text: str) -> list[tuple[int, float, float, str]]:
    return [(f.line, f.expected, f.actual, f.unit) for f in check_text(text) if f.rule == "PX643"]


def test_a_headline_below_its_body_is_an_error():
    got = check_text(BODY.format(title="区财政局1—9月政府采购节约财政资金448万余元"))
    (f,) = [f for f in got if f.rule == "PX643"]
    assert (f.line, f.level, f.expected, f.actual, f.unit) == (1, "error", 485.22, 448.0, "万元")
    assert "448万元以上、不足 449万元" in f.message and "若 485.22 万元 无误，约数应写“485万余元”" in f.message


@pytest.mark.parametrize("approx", ["485万余元", "0.04亿余元"])  # 485.22 万元 = 0.0485 亿元
def test_an_approximate_amount_in_its_range_is_quiet(approx):
    assert px643(BODY.format(title=f"区财政局1—9月政府采购节约财政资金{approx}")) == []


def test_one_decimal_of_yi_gives_a_range_of_a_tenth():
    text = ("全市1—6月土地出让收入3.1亿余元\n1—6月，全市土地出让收入 34215.60 万元，完成年度预算的 48.2%。\n")
    assert px643(text) == [(1, 3.42156, 3.1, "亿元")]
    assert px643(text.replace("3.1亿余元", "3.4亿余元")) == []


@pytest.mark.parametrize("title, why", [
    ("区财政局一季度政府采购节约财政资金448万余元", "another period"),
    ("全区1—9月政府采购节约财政资金448万余元", "another area word"),
    ("区财政局1—9月政府采购节约资金448余万元", "余万元: which digit is open"),
    ("区财政局1—9月政府采购较上年增加448万余元", "a change, not the quantity"),
])
def test_an_identity_not_sure_is_quiet(title, why):
    assert px643(BODY.format(title=title)) == [], why


def test_two_exact_values_of_the_name_leave_it_open():
    text = BODY.format(title="区财政局1—9月政府采购节约财政资金448万余元") + \
        "其中货物类节约财政资金 301.50 万元。\n"
    assert px643(text) == []


def test_a_planned_and_a_completed_amount_are_two_quantities():
    text = ("全县完成总投资650万余元\n全县计划总投资 980.00 万元。\n")
    assert px643(text) == []
    assert px643(text.replace("计划总投资", "完成总投资")) == [(1, 980.0, 650.0, "万元")]
