"""Properties every score keeps, on generated inputs (hypothesis).

* 0 ≤ score ≤ weight (domain.md §5 check 4, S6 "得分不得突破权重");
* 正向 scores never fall as the actual rises; 反向 never rise (domain.md §1.5);
* grade boundaries are inclusive lower bounds (domain.md §1.8 [S1]).
"""
from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from perfxl.frameworks import load
from perfxl.frameworks.schema import Rule
from perfxl.scoring import rules
from perfxl.udfs import grade as udf_grade

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)
weights = st.sampled_from([1, 2, 3, 5, 6, 8, 10, 20, 30, 40, 50]) | \
    st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda w: round(w, 2))
natures = st.sampled_from(["定量", "定性", None])
directions = st.sampled_from(["≥", "≤", "=", "区间", None])
levels = st.sampled_from(["达成", "部分达成", "未达成", None])
stated = st.none() | st.floats(min_value=-50, max_value=150, allow_nan=False)
bands = st.sampled_from([load("central_project").bands, load("hubei_project_2020").bands])


@settings(max_examples=400)
@given(natures, directions, st.none() | finite, st.none() | finite, weights, levels, stated,
       st.none() | finite, bands)
def test_score_between_zero_and_weight(nature, direction, target, actual, weight, level, st_,
                                       upper, b):
    s = rules.indicator_score(nature, direction, target, actual, weight, level, st_, upper,
                              bands=b)
    assert s is not None
    assert 0 <= s <= weight + 1e-9


@given(positive, positive, positive, weights)
def test_forward_never_falls_as_actual_rises(target, a1, a2, weight):
    lo, hi = sorted((a1, a2))
    s_lo = rules.indicator_score("定量", "≥", target, lo, weight)
    s_hi = rules.indicator_score("定量", "≥", target, hi, weight)
    assert s_lo <= s_hi


@given(positive, positive, positive, weights)
def test_reverse_never_rises_as_actual_rises(target, a1, a2, weight):
    lo, hi = sorted((a1, a2))
    assert rules.indicator_score("定量", "≤", target, lo, weight) >= \
        rules.indicator_score("定量", "≤", target, hi, weight)


@given(positive, positive, positive, weights)
def test_forward_full_score_once_target_met(target, actual, _unused, weight):
    assume(actual >= target)
    assert rules.indicator_score("定量", "≥", target, actual, weight) == \
        rules.indicator_score("定量", "≥", 1, 1, weight)


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False), positive, weights)
def test_execution_score_within_weight(executed, budget, weight):
    s = rules.execution_score(rules.execution_rate(executed, budget), weight)
    assert 0 <= s <= weight + 1e-9


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False),
       st.floats(min_value=0, max_value=1e7, allow_nan=False), positive, weights)
def test_execution_score_never_falls_as_spending_rises(e1, e2, budget, weight):
    lo, hi = sorted((e1, e2))
    assert rules.execution_score(lo / budget, weight) <= rules.execution_score(hi / budget, weight)


@given(st.floats(min_value=-1, max_value=5, allow_nan=False),
       st.floats(min_value=-1, max_value=5, allow_nan=False), weights,
       st.sampled_from(["exact", "ceil", "floor"]))
def test_deduction_within_weight_and_monotone(v1, v2, weight, steps):
    r = Rule(kind="deduct", measure="x", limit=1.0, per=0.01, points=0.5, steps=steps)
    lo, hi = sorted((v1, v2))
    s_lo, s_hi = rules.deduct_score(lo, weight, r), rules.deduct_score(hi, weight, r)
    assert 0 <= s_hi <= s_lo <= weight + 1e-9


@given(st.floats(min_value=0, max_value=120, allow_nan=False).map(lambda x: round(x, 2)))
def test_grade_inclusive_lower_bounds(total):
    expected = "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"
    assert rules.grade(total) == expected == udf_grade(total)


def test_grade_boundaries_exact():
    for bound, g in ((90, "优"), (80, "良"), (60, "中")):
        assert rules.grade(bound) == g
        assert rules.grade(bound - 0.01) != g
