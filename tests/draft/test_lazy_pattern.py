"""``perfxl.draft.common.lazy_pattern``: compiled at first use, once, and then the same as
``re.compile``; a rule whose cheap substring test fails never compiles its patterns."""
from __future__ import annotations

import re
import subprocess
import sys

from perfxl.draft.common import lazy_pattern


def test_it_matches_as_re_compile_and_compiles_once():
    lazy = lazy_pattern(r"(?P<n>\d+)\s*万余元")
    assert lazy._compiled is None
    text = "节约资金 253 万余元，另 12万余元。"
    assert [m.group("n") for m in lazy.finditer(text)] == ["253", "12"]
    first = lazy._compiled
    assert first is not None and lazy.search(text).span() == re.search(lazy.pattern, text).span()
    assert lazy._compiled is first


def test_a_draft_without_the_words_compiles_nothing_of_those_rules():
    """In a fresh process (other tests' drafts may have reached these rules): a draft with none
    of their words leaves their patterns uncompiled; one with 「万余元」 compiles PX643's."""
    code = ("from perfxl.draft import check_text, rules_approximate as a, rules_plan_total as p, "
            "rules_prose_target as t, rules_plus_total as u, rules_target_year as y\n"
            "check_text('2023年度部门决算说明\\n本年支出 100.00 万元，较上年增加 10.00 万元。\\n')\n"
            "print(a._APPROX._compiled is None, p._PLAN._compiled is None, "
            "t._PROSE._compiled is None, u._PLUS._compiled is None, y._TARGET._compiled is None)\n"
            "check_text('2023年度报告\\n节约资金 253 万余元。\\n')\n"
            "print(a._APPROX._compiled is None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True"] * 5 + ["False"]
