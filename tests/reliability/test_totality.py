"""Issue 15: every number formatter is total — figures at and beyond Excel's range (1e308
class, NaN, ±inf: a sum of huge amounts overflows) give a value or a clear phrase, never
``decimal.InvalidOperation``."""
from __future__ import annotations

import math

import pytest

from perfxl.checks import compare
from perfxl.numbers import excel_round
from perfxl.report import fmt

HUGE = [1.7976931348623157e308, -1.7976931348623157e308, 1e308, 9.99999999999999e307, 1e300,
        -1e200, 1e16 + 2, 5e-324]


@pytest.mark.parametrize("x", HUGE)
@pytest.mark.parametrize("digits", [0, 2, 4, -2])
def test_excel_round_is_total_on_finite_floats(x, digits):
    got = excel_round(x, digits)
    assert math.isfinite(got)
    if abs(x) >= 1e16:
        assert got == pytest.approx(x, rel=1e-14)  # nothing to round at that magnitude


def test_excel_round_keeps_its_known_values():
    assert excel_round(1.005, 2) == 1.01 and excel_round(-2.5, 0) == -3.0
    assert excel_round(1234, -2) == 1200 and excel_round(None) is None
    assert math.isnan(excel_round(float("nan"))) and excel_round(float("inf")) == math.inf


@pytest.mark.parametrize("x", HUGE + [float("inf"), float("-inf"), float("nan")])
def test_check_message_formatters_are_total(x):
    for f in (compare.fmt_amount, compare.fmt_rate, compare.fmt_stated_rate, compare.fmt_score,
              compare.fmt_num, compare.fmt_pts):
        s = f(x)
        assert isinstance(s, str) and s
        if not math.isfinite(x):
            assert s == "（数值超出范围）"


@pytest.mark.parametrize("x", HUGE + [float("inf"), float("-inf"), float("nan")])
def test_report_formatters_are_total(x):
    for f in (fmt.fmt_number, fmt.fmt_amount, fmt.fmt_rate, fmt.fmt_share, fmt.fmt_score,
              fmt.fmt_count):
        s = f(x)
        assert isinstance(s, str) and s
        if not math.isfinite(x):
            assert s.startswith("（数值超出范围）") and not s.endswith("%")
    assert fmt.change_phrase(1.7976931348623157e308, -1.7976931348623157e308, "万元") == ""
    assert fmt.fmt_number(1e20) == "100,000,000,000,000,000,000.00"


def test_scoring_comparisons_are_total_on_nan():
    from perfxl.scoring.rules import compare

    nan = float("nan")
    assert [compare(nan, op, 1.0) for op in ("<", "<=", ">", ">=", "=")] == [False] * 5
    assert compare(nan, "<>", 1.0) and compare(1.0, ">=", 0.5)
