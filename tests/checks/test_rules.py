"""Every rule: documented, with a firing and a quiet case, and each case behaves as documented."""
from __future__ import annotations

import pytest

from perfxl.checks import LEVELS, RULES, check_model, load_draft_rules
from perfxl.checks.cases import build_model, resolve_at
from perfxl.checks.context import Ctx
from perfxl.checks.engine import run_rule

load_draft_rules()  # documented like the others
# Draft rules (PX6xx) run their cases on draft texts: tests/draft/test_rules.py.
CASES = [(code, i) for code, r in sorted(RULES.items()) if not r.draft
         for i in range(len(r.cases))]


def test_at_least_forty_rules():
    assert len(RULES) >= 40


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented(code):
    r = RULES[code]
    assert r.name and r.title and r.level in LEVELS
    assert "合格" in r.doc and "不合格" in r.doc, f"{code}: docstring needs 合格/不合格 examples"
    assert any(c.fires for c in r.cases), f"{code}: no firing case"
    assert any(not c.fires for c in r.cases), f"{code}: no quiet case"
    assert all(c.note for c in r.cases)


@pytest.mark.parametrize(("code", "i"), CASES, ids=[f"{c}-{i}" for c, i in CASES])
def test_case(code, i):
    rule = RULES[code]
    case = rule.cases[i]
    model = build_model(case)
    found = run_rule(rule, Ctx(model))
    if not case.fires:
        assert found == [], f"{code} should be quiet ({case.note}): {[f.message for f in found]}"
        return
    assert found, f"{code} should fire ({case.note})"
    for f in found:  # every message is filled and shows something to fix
        assert f.message and "{" not in f.message
    if case.at is not None:
        where = resolve_at(model, case.at)
        assert where in [(f.sheet, f.cell) for f in found], (where, found)
        hits = [f for f in found if (f.sheet, f.cell) == where]
    else:
        hits = found
    if case.expected is not None:
        assert any(f.expected == pytest.approx(case.expected) for f in hits), \
            [(f.expected, f.actual) for f in hits]


def test_select_and_ignore_by_prefix():
    case = RULES["PX201"].cases[0]
    model = build_model(case)
    assert {f.rule for f in check_model(model, select=["PX2"])} == {"PX201"}
    assert check_model(model, select=["px20"], ignore=["PX201"]) == []
    assert check_model(model, ignore=["PX"]) == []


def test_findings_sorted_and_unique():
    from perfxl.examples import load_example_data
    from pathlib import Path
    p = Path(__file__).resolve().parents[2] / "examples" / "data" / "004.toml"
    if not p.exists():
        pytest.skip("example data missing")
    found = check_model(load_example_data(p))
    assert found == sorted(found)
    assert len(set(found)) == len(found)
