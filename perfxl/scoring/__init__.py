"""Scores, totals and grades of a self-evaluation, Excel-compatible.

* ``score_model(model, framework_id=None) -> ScoreResult`` (``perfxl.scoring.engine``): the one
  entry point; the framework comes from the workbook's 评价框架 cell when not given.
* ``rules``: the rules as pure functions of numbers (执行率, 定量/定性 indicators, tiers,
  deductions, grade), each score rounded with ``perfxl.numbers.excel_round``.
* ``result``: the records returned (``ScoreResult``, ``ProjectResult``, ``ScoreItem``).

Errors: ``perfxl.errors.FrameworkError`` (no or unknown framework, invalid framework file).
Rules and sources: docs/frameworks.md and domain.md.
"""
from __future__ import annotations

from perfxl.scoring.engine import score_model
from perfxl.scoring.result import GroupTotal, ProjectResult, ScoreItem, ScoreResult
from perfxl.scoring.rules import execution_score, grade, indicator_score

__all__ = ["score_model", "ScoreResult", "ProjectResult", "ScoreItem", "GroupTotal",
           "execution_score", "indicator_score", "grade"]
