"""The tolerance rule of the checks (table-driven)."""
from __future__ import annotations

import pytest

from perfxl.checks.compare import fmt_amount, fmt_pts, fmt_rate, wrong
from perfxl.checks.identities import two_values


@pytest.mark.parametrize(("stated", "computed", "percent", "bad"), [
    (0.9679, 3995.49 / 4128.02, True, False),
    (0.96, 3995.49 / 4128.02, True, True),       # 96.00% typed: shows 0 decimals, 97 expected
    (0.97, 3995.49 / 4128.02, True, False),
    (0.9464, 53 / 56, True, False),
    (0.94, 53 / 56, True, True),
    (12830454.2, 12830454.25, False, True),      # exact half rounds up to .3
    (3244335.7, 3244335.71, False, False),
    (2202.32, 2202.33, False, True),
    (9.6, 9.68, False, True),
    (10, 9.68, False, False),                    # an integer score stands for [9.5, 10.5)
    (0.99999, 17333145.09 / 17333259.20, True, False),
])
def test_wrong(stated, computed, percent, bad):
    assert wrong(stated, computed, percent=percent) is bad


def test_two_values_uses_the_less_precise():
    assert not two_values(3244335.7, 3244335.71)
    assert two_values(12830454.2, 12830454.25)
    assert two_values(17210340.15, 17190340.15)


def test_formats():
    assert fmt_rate(3995.49 / 4128.02) == "96.79%"
    assert fmt_rate(0.96, like=0.96) == "96.00%"
    assert fmt_rate(0.99999, like=0.99999) == "99.999%"
    assert fmt_amount(17333259.2) == "17333259.20"
    assert fmt_pts(110.0) == "110" and fmt_pts(109.6) == "109.60"
