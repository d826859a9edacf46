"""Worksheet-function-style scoring: positional arguments, error values, no exceptions."""
from __future__ import annotations

import pytest

from perfxl import udfs


@pytest.mark.parametrize("args,expected", [
    pytest.param((3995.49, 4128.02, 10), 9.68, id="seed004-L134-9.68"),
    pytest.param((120, 100, 10), 10.0, id="capped-at-100pct"),
    pytest.param((None, 100, 10), 0.0, id="blank-executed-is-0"),
    pytest.param((10, None, 10), "", id="no-budget-blank"),
    pytest.param((10, 0, 10), "", id="zero-budget-blank"),
    pytest.param((10, 100, None), "", id="no-weight-blank"),
    pytest.param(("十", 100, 10), "#VALUE!", id="text-executed"),
    pytest.param((10, "100", 10), "#VALUE!", id="text-budget"),
    pytest.param((10, 100, True), "#VALUE!", id="bool-weight"),
])
def test_execution_rate_score(args, expected):
    assert udfs.execution_rate_score(*args) == expected


@pytest.mark.parametrize("args,expected", [
    pytest.param(("定量", "≥", 8000, 8094, 10), 10.0, id="seed004-L206"),
    pytest.param(("定量", "≤", 5, 10, 10), 5.0, id="S5-reverse"),
    pytest.param(("定性", None, None, None, 10, "部分达成", 9), 8.0, id="C1-band-cap"),
    pytest.param(("定性", None, None, None, 10, "部分达成", 5.5, None, "hubei_project_2020"), 5.5,
                 id="S6-80-50"),
    pytest.param(("定性", None, None, None, 10, "部分达成", 5.5), 6.0, id="default-80-60"),
    pytest.param(("定量", "区间", 90, 125, 10, None, None, 100), 8.0, id="interval-above"),
    pytest.param(("定量", "≥", 1, 1, None), "", id="no-weight-blank"),
    pytest.param(("定量", "≥", "八千", 8094, 10), "#VALUE!", id="text-target"),
    pytest.param(("定量", ">>", 1, 1, 10), "#NUM!", id="unknown-direction"),
    pytest.param(("定额", "≥", 1, 1, 10), "#NUM!", id="unknown-nature"),
    pytest.param(("定性", None, None, None, 10, "完成", 10), "#NUM!", id="unknown-level"),
])
def test_indicator_score(args, expected):
    assert udfs.indicator_score(*args) == expected


@pytest.mark.parametrize("total,expected", [
    (90, "优"), (89.99, "良"), (80, "良"), (60, "中"), (59.99, "差"), (None, ""), ("", ""),
    ("九十", "#VALUE!"),
])
def test_grade(total, expected):
    assert udfs.grade(total) == expected
