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
自评报告 draft) in ``perfxl.draft``.  Pure Python over
``perfxl.model.Model``: no openpyxl, no xlwings.
"""
from __future__ import annotations

from perfxl.checks.finding import ERROR, INFO, LEVELS, WARNING, Finding, level_rank
from perfxl.checks.registry import FAMILIES, RULES, Case, Hit, Rule, rule, select_rules

# Importing the rule modules registers their rules.
from perfxl.checks import (changes, completeness, hygiene, identities,  # noqa: E402,F401
                           plausibility, ratios, report_figures, scores, sums, weights)

from perfxl.checks.engine import check_model  # noqa: E402


def load_draft_rules() -> None:
    """Register the report-draft rules (PX6xx, ``perfxl.draft``).  Not imported with the
    workbook rules: checking a workbook does not pay for their regexes (~20 ms of imports)."""
    from perfxl.draft import rules  # noqa: F401

__all__ = ["check_model", "load_draft_rules", "Finding", "RULES", "Rule", "Case", "Hit", "rule", "select_rules",
           "FAMILIES", "LEVELS", "ERROR", "WARNING", "INFO", "level_rank"]
