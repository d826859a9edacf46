"""Scores for the report: per indicator row, per project and the department total.

Where they come from, in order:

1. the ``ScoreResult`` passed in, or computed with ``perfxl.scoring.score_model(model)`` when that
   module exists: ``total``, ``grade`` and ``items``.  An item is matched to its indicator row by
   ``item.table`` + ``item.index`` or by ``item.row`` (a ``perfxl.model.Row``);
2. ``perfxl.scoring.indicator_score(row)`` for an indicator row no item covers;
3. without a scoring engine, the score the user typed (``score_stated``), kept inside
   [0, 分值] (an indicator never scores above its weight, domain.md §5 rule 4).

Shapes: ``Scores.rows`` maps (table key, row index) -> score (float) or ``None`` (not
applicable / nothing to score); ``Scores.total`` is the department total (float or ``None``);
``Scores.source`` says which of the three sources gave the figures ("scoring" or "stated").
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable

from perfxl.model import Model, Row
from perfxl.numbers import excel_round
from perfxl.report.figures import figure, grade, num, project_execution_score

__all__ = ["Scores", "collect_scores", "row_score", "project_total", "dept_total", "dept_grade"]

INDICATOR_TABLES = ("dept_indicators", "project_indicators", "system_indicators", "bonus")


@dataclass
class Scores:
    """Computed scores of one model (see module docstring)."""

    rows: dict[tuple[str, int], float | None] = field(default_factory=dict)
    total: float | None = None
    grade: str | None = None
    source: str = "stated"
    indicator_score: Callable[[Row], Any] | None = None


def _scoring_module() -> Any | None:
    try:
        return importlib.import_module("perfxl.scoring")
    except ModuleNotFoundError as exc:
        if exc.name not in ("perfxl.scoring", "perfxl"):
            raise
        return None


def _item_key(item: Any) -> tuple[str, int] | None:
    row = getattr(item, "row", None)
    if isinstance(row, Row):
        return row.table, row.index
    table, index = getattr(item, "table", None), getattr(item, "index", None)
    if isinstance(table, str) and isinstance(index, int):
        return table, index
    return None


def collect_scores(model: Model, score_result: Any | None = None) -> Scores:
    """Gather the scores of ``model`` from ``score_result`` (or ``perfxl.scoring``) as described
    in the module docstring.  Errors of the scoring engine (``PerfxlError``) propagate."""
    scoring = _scoring_module()
    if score_result is None and scoring is not None and hasattr(scoring, "score_model"):
        score_result = scoring.score_model(model)
    out = Scores()
    if scoring is not None and callable(getattr(scoring, "indicator_score", None)):
        out.indicator_score = scoring.indicator_score
    if score_result is not None:
        out.source = "scoring"
        out.total = num(getattr(score_result, "total", None))
        out.grade = getattr(score_result, "grade", None)
        for item in getattr(score_result, "items", None) or ():
            key = _item_key(item)
            if key is not None:
                out.rows[key] = num(getattr(item, "score", None))
    return out


def _stated_capped(row: Row) -> float | None:
    s, w = num(row.score_stated), num(row.weight)
    if s is None:
        return None
    if w is not None:
        s = min(max(s, 0.0), w)
    return s


def _bonus_score(row: Row) -> float | None:
    """加减分项 得分 as the workbook's formula computes it (layout table ``bonus``)."""
    each, count, cap = num(row.points_each), num(row.count), num(row.cap)
    if each is None or count is None:
        return num(row.score_stated)
    return each * count if cap is None else min(each * count, cap)


def row_score(scores: Scores, row: Row) -> float | None:
    """The computed score of one indicator row (``None`` when not applicable)."""
    if row.applicable == "否":
        return None
    key = (row.table, row.index)
    if key in scores.rows:
        return scores.rows[key]
    if row.table == "bonus":
        return _bonus_score(row)
    if scores.indicator_score is not None and row.table in ("dept_indicators",
                                                            "project_indicators"):
        return num(scores.indicator_score(row))
    return _stated_capped(row)


def dept_total(model: Model, scores: Scores) -> float | None:
    """部门整体 总分: the scoring engine's total, else 执行率得分 + Σ indicator scores
    (Hunan 自评表), or Σ 指标体系 scores + 加减分 (Guangdong 百分制) when that table is used."""
    if scores.total is not None:
        return scores.total
    system = model.rows("system_indicators")
    if system:
        parts = [row_score(scores, r) for r in system] + [row_score(scores, r)
                                                          for r in model.rows("bonus")]
    else:
        parts = [figure("execution_score", model)] + [row_score(scores, r)
                                                      for r in model.rows("dept_indicators")]
    nums = [p for p in parts if p is not None]
    return excel_round(sum(nums), 2) if nums else None


def dept_grade(model: Model, scores: Scores) -> str | None:
    """评价等级: the scoring engine's grade, else from the total (≥90 优 …)."""
    return scores.grade or grade(dept_total(model, scores))


def project_total(model: Model, scores: Scores, project: Row) -> float | None:
    """A project's 总分 = 执行率得分 + Σ its indicator scores (layout ``score_total``)."""
    parts = [project_execution_score(project)] + [
        row_score(scores, r) for r in model.project_rows("project_indicators", project.project)]
    nums = [p for p in parts if p is not None]
    return excel_round(sum(nums), 2) if nums else None
