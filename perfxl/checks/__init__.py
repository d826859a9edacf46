"""Consistency checks of a self-evaluation workbook (校验): the rule registry and its runner.

* ``check_model(model, select=(), ignore=()) -> list[Finding]``: every finding, sorted by file,
  sheet, row, column, rule.
* ``Finding``: an immutable record (rule, level, file, sheet, cell, message, expected, actual);
  equality is location + rule, never wording.
* ``RULES``: code -> ``Rule`` (name, title, level, message template, documented cases).

Rule families, one module each: ``hygiene`` PX0xx (formulas, cached values, choices, links),
``sums`` / ``weights`` / ``identities`` PX1xx (totals, weight sums, identities, restatements),
``ratios`` / ``changes`` / ``statements`` PX2xx (rates and changes against their operands),
``scores`` PX3xx, ``completeness`` PX4xx, ``plausibility`` PX5xx; PX6xx (the prose of a
自评报告 draft) in ``perfxl.draft``.  The families are registered when first needed
(``load_workbook_rules``: by ``check_model``, ``select_rules``, reading ``RULES`` from this
package), the draft rules by ``load_draft_rules``.  Pure Python over
``perfxl.model.Model``: no openpyxl, no xlwings.
"""
from __future__ import annotations

from perfxl.checks.finding import ERROR, INFO, LEVELS, WARNING, Finding, level_rank
from perfxl.checks.registry import (FAMILIES, Case, Hit, Rule, load_draft_rules,
                                    load_workbook_rules, rule, select_rules)


def __getattr__(name: str):
    """``RULES`` and ``check_model`` on first use: the workbook rule families are registered
    then, so a draft check (``perfxl.draft``, which needs only the registry, ``Finding`` and the
    output) does not import them (~20 ms)."""
    if name == "RULES":
        from perfxl.checks.registry import RULES
        load_workbook_rules()
        return RULES
    if name == "check_model":
        from perfxl.checks.engine import check_model
        return check_model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["check_model", "load_draft_rules", "load_workbook_rules", "Finding", "RULES", "Rule",
           "Case", "Hit", "rule", "select_rules", "FAMILIES", "LEVELS", "ERROR", "WARNING",
           "INFO", "level_rank"]
