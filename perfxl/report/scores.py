"""Scores and weights for the report, from the scoring engine.

``collect_scores(model, score_result=None) -> Scores`` takes the ``perfxl.scoring.ScoreResult``
passed in, or computes it with ``perfxl.scoring.score_model(model)``.  Each ``ScoreItem`` is
matched to its table row by the cell of the row's computed score (``item.sheet``/``item.cell`` =
``model.cell(table, index, "score")``), so the report prints the engine's score and weight for
every indicator (the weight may come from the framework, e.g. a 不考核 indicator's points moved to
another one).  Without a result (no framework named, ``FrameworkError``), each row falls back to
``perfxl.derived`` (the workbook's formulas): ``indicator_row_score``, ``bonus_row_score``,
``dept_score_sum``, ``project_score_total``; a 指标体系 row to its stated score within [0, 分值].

Shapes: ``Scores.rows`` / ``Scores.weights`` map (table key, row index) -> 分 (float or
``None``); ``total``/``grade``/``weight_total`` are the department's; ``projects`` maps a project
name to its ``ProjectResult``; ``source`` is "scoring" or "derived".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from perfxl import derived as D
from perfxl.errors import FrameworkError
from perfxl.model import Model, Row
from perfxl.numbers import excel_round
from perfxl.report.figures import num, total
from perfxl.report.fmt import MISSING, UNCOMPUTABLE
from perfxl.scoring import grade as grade_of
from perfxl.scoring import score_model

__all__ = ["Scores", "collect_scores", "unscored_framework", "row_score", "row_weight", "dept_total", "dept_grade",
           "dept_weight_total", "project_total", "project_grade", "dept_total_missing",
           "project_total_missing", "row_score_missing"]

#: Tables whose rows carry a computed score (column ``score``).
SCORED_TABLES = ("dept_indicators", "project_indicators", "system_indicators", "bonus")


@dataclass
class Scores:
    """Computed scores of one model (see module docstring)."""

    model: Model
    rows: dict[tuple[str, int], float | None] = field(default_factory=dict)
    weights: dict[tuple[str, int], float | None] = field(default_factory=dict)
    total: float | None = None
    grade: str | None = None
    weight_total: float | None = None
    projects: dict[str, Any] = field(default_factory=dict)
    source: str = "derived"
    #: the 评价框架 gives no weights and no scores (``common_53``): the department part of the
    #: report prints no item score, total or grade
    unscored: bool = False
    #: the 加减分 the engine's total counts (its framework's cap applied), 分
    bonus_total: float | None = None


def _project_framework(score_result: Any) -> bool:
    from perfxl.errors import FrameworkError
    from perfxl.frameworks import load
    try:
        return load(str(score_result.framework)).kind == "project"
    except (FrameworkError, AttributeError, TypeError):
        return False


def unscored_framework(model: Model) -> bool:
    """True when the workbook's 评价框架 gives no weights and no scores (kind ``reference``,
    财预〔2013〕53号 共性指标: values only)."""
    from perfxl.frameworks import load
    try:
        return load(str(model.get("framework") or "").strip()).kind == "reference"
    except (FrameworkError, AttributeError, TypeError, ValueError):
        return False


def collect_scores(model: Model, score_result: Any | None = None) -> Scores:
    """Gather the scores of ``model`` (see module docstring).  A ``FrameworkError`` of the
    engine (no or unknown 评价框架) falls back to the workbook formulas; the checks report the
    framework problem."""
    out = Scores(model, unscored=unscored_framework(model))
    if score_result is None:
        try:
            score_result = score_model(model)
        except FrameworkError:
            return out
    out.source = "scoring"
    if not _project_framework(score_result):
        # a project framework's total is a project's, never the 部门 total the workbook shows
        out.total = num(score_result.total)
        out.bonus_total = num(getattr(score_result, "bonus_total", None))
        out.grade = score_result.grade
        out.weight_total = num(score_result.weight_total)
    cells = {model.cell(t, r.index, "score"): (t, r.index)
             for t in SCORED_TABLES for r in model.rows(t)}
    items = list(score_result.items)
    for p in getattr(score_result, "projects", ()) or ():
        out.projects[p.project] = p
        items += [i for i in p.items if i not in score_result.items]
    for item in items:
        key = cells.get((item.sheet, item.cell))
        if key is not None:
            out.rows[key] = num(item.score)
            out.weights[key] = num(item.weight)
    return out


def _stated_capped(row: Row) -> float | None:
    s, w = num(row.score_stated), num(row.weight)
    if s is None:
        return None
    return min(max(s, 0.0), w) if w is not None else s


def row_score(scores: Scores, row: Row) -> float | None:
    """The computed score of one scored row (``None`` when 不适用 or nothing to score)."""
    key = (row.table, row.index)
    if scores.unscored and row.table != "project_indicators":
        return None
    if key in scores.rows:
        return scores.rows[key]
    if row.applicable == "否":
        return None
    if row.table == "bonus":
        return D.bonus_row_score(row)
    if row.table in ("dept_indicators", "project_indicators"):
        return D.indicator_row_score(scores.model, row)
    return _stated_capped(row)


def row_weight(scores: Scores, row: Row) -> float | None:
    """The weight (分值) of a scored row: the engine's (framework) weight, else the typed one."""
    w = scores.weights.get((row.table, row.index))
    return w if w is not None else num(row.weight)


def _nothing_scored(model: Model) -> bool:
    """True when the workbook holds no indicator and no 执行率分值: there is no total to print
    (the report says 「（未填写）」 rather than 0分)."""
    return not (model.rows("dept_indicators") or model.rows("system_indicators")
                or num(model.get("execution_weight")) is not None)


def dept_total(scores: Scores) -> float | None:
    """部门整体 总分: the engine's total, else the workbook formulas (执行率得分 + Σ indicator
    scores; or Σ 指标体系 scores + 加减分 when the 指标体系 table is used); ``None`` when
    nothing is scored."""
    model = scores.model
    if _nothing_scored(model) or scores.unscored:
        return None
    if scores.source == "scoring":  # the engine's total, also when it has none (nothing
        return scores.total         # scorable): never a table the framework does not score
    if scores.total is not None:
        return scores.total
    if model.rows("system_indicators"):
        parts = [row_score(scores, r) for r in model.rows("system_indicators")]
        parts += [row_score(scores, r) for r in model.rows("bonus")]
        t = total(parts)
        return None if t is None else excel_round(t, 2)
    return D.dept_score_sum(model)


def dept_weight_total(scores: Scores) -> float | None:
    """Σ applicable weights (执行率分值 included): the engine's, else the workbook formula;
    ``None`` when nothing is scored."""
    model = scores.model
    if _nothing_scored(model):
        return None
    if scores.weight_total is not None:
        return scores.weight_total
    if model.rows("system_indicators"):
        return total([row_weight(scores, r) for r in model.rows("system_indicators")
                      if r.applicable != "否"])
    return D.dept_weight_sum(model)


def dept_grade(scores: Scores) -> str | None:
    """评价等级: the engine's, else from the total (≥90 优, ≥80 良, ≥60 中, else 差);
    ``None`` when nothing is scored."""
    if dept_total(scores) is None:
        return None
    return scores.grade or grade_of(dept_total(scores))


def project_total(scores: Scores, project: Row) -> float | None:
    """A project's 总分: the engine's, else ``perfxl.derived.project_score_total``."""
    p = scores.projects.get(project.project)
    if p is not None and p.total is not None:
        return num(p.total)
    return D.project_score_total(scores.model, project)


def project_grade(scores: Scores, project: Row) -> str | None:
    """A project's 评价等级: the engine's, else from its total."""
    p = scores.projects.get(project.project)
    if p is not None and p.grade:
        return p.grade
    return grade_of(project_total(scores, project))


def dept_total_missing(scores: Scores) -> str:
    """What the report prints for a 部门 total (or 等级) it has not: 「（无法计算）」 where the
    workbook's 得分合计（计算） shows #VALUE! (``perfxl.derived.dept_score_sum_error``), else
    「（未填写）」."""
    return UNCOMPUTABLE if D.dept_score_sum_error(scores.model) else MISSING


def project_total_missing(scores: Scores, project: Row) -> str:
    """As ``dept_total_missing`` for a project's 总分得分（计算）."""
    return UNCOMPUTABLE if D.project_score_total_error(scores.model, project) else MISSING


def row_score_missing(row: Row) -> str:
    """As ``dept_total_missing`` for an indicator row's 得分（计算）."""
    return UNCOMPUTABLE if D.indicator_row_error(row) else MISSING
