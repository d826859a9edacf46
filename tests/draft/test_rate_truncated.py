"""PX607 and a rate cut off at its last written place: 「支出 499.9 万元，预算 500 万元，执行率 99%」
(99.98 %, kept below 100 % because 0.1 万元 is unspent) is the writer's choice of places, not a
contradiction; a rate more than one unit of its last place below, or any rate above, still is."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text


def _px607(text: str) -> list:
    return [f for f in check_text(text) if f.rule == "PX607"]


@pytest.mark.parametrize("text", [
    "本项目年度预算 500.00 万元，实际支出 499.90 万元，预算执行率 99%，结余 0.10 万元为零星尾款。",
    "全年预算 200.00 万元，执行 199.50 万元，执行率 99.7%。",  # 99.75 % cut at one decimal
])
def test_a_rate_cut_off_at_its_place_stays_quiet(text):
    assert _px607(text) == []


@pytest.mark.parametrize("text, expected", [
    # 99.98 % written 98 %: two units of the last place below, no cut-off
    ("本项目年度预算 500.00 万元，实际支出 499.90 万元，预算执行率 98%。", 99.98),
    # a rate above the computed one is never a cut-off
    ("全年预算 200.00 万元，执行 199.50 万元，执行率 99.9%。", 99.75),
])
def test_a_rate_further_off_still_fires(text, expected):
    (f,) = _px607(text)
    assert f.level == "error" and f.expected == pytest.approx(expected, abs=0.005)
