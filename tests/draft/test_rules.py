"""Every PX6xx rule: its documented cases (draft texts) fire where they say and stay quiet."""
from __future__ import annotations

import pytest

from perfxl.checks import RULES, load_draft_rules
from perfxl.checks.cases import build_model
from perfxl.draft import check_text

load_draft_rules()
CASES = [(code, i) for code, r in sorted(RULES.items()) if r.draft for i in range(len(r.cases))]


def test_draft_rules_registered():
    assert len([c for c in RULES if c.startswith("PX6")]) >= 15


@pytest.mark.parametrize(("code", "i"), CASES, ids=[f"{c}-{i}" for c, i in CASES])
def test_case(code, i):
    case = RULES[code].cases[i]
    assert case.text is not None, f"{code}: a draft rule's case needs a text"
    model = build_model(case) if (case.values or case.rows) else None
    # every draft rule runs, as in ``perfxl check``, and the case looks at this rule's findings:
    # a rule may leave a figure to another (PX650 leaves to PX607 a rate it reports)
    found = [f for f in check_text(case.text, file="case.txt", workbook=model, notes=True)
             if f.rule == code]
    if not case.fires:
        assert found == [], f"{code} should be quiet ({case.note}): {[f.message for f in found]}"
        return
    assert found, f"{code} should fire ({case.note})"
    for f in found:
        assert f.message and "{" not in f.message
        assert f.quote and f.quote in case.text.split("\n")[f.line - 1], (f.quote, f.line)
    if case.at is not None:
        assert int(case.at) in [f.line for f in found], [(f.line, f.message) for f in found]
        found = [f for f in found if f.line == int(case.at)]
    if isinstance(case.expected, str):
        assert case.expected in [f.expected for f in found]
    elif case.expected is not None:
        assert any(f.expected == pytest.approx(case.expected, rel=1e-4) for f in found), \
            [(f.expected, f.actual) for f in found]
