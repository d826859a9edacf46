"""What scoring returns: immutable records, serialisable to the JSON of ``perfxl score``.

Scores and weights are in 分, rounded to 2 decimals with ``excel_round``; ``value`` is the rate
or measure a score rests on, as a fraction.  ``sheet``/``cell`` locate the computed score (a
formula cell of the template, or an output cell when ``writable``); ``stated_cell`` the score
the user typed.
"""
from __future__ import annotations

from typing import Any, NamedTuple

__all__ = ["ScoreItem", "GroupTotal", "ProjectResult", "ScoreResult"]


class ScoreItem(NamedTuple):
    """One scored line: 预算执行率, an indicator, or a 加减分项.

    * ``kind``: "execution", "indicator", "bonus" or "measure" (a value without a score).
    * ``rule``: the rule applied, in Chinese, with its numbers (never where the rule was found:
      that is in the framework file and docs/frameworks.md).
    * ``confirmed``: ``False`` when the rule or weight is a configurable default that no source
      confirms (domain.md [X]); a checker should not call a difference an error then.
    * ``in_band``: for 定性 indicators, whether the stated score lies in its band.
    * ``table``/``index``: the workbook row scored (``perfxl.model.Row`` of that table), ``None``
      for 预算执行率.
    """

    indicator: str
    weight: float | None
    score: float | None
    stated_score: float | None
    rule: str
    kind: str = "indicator"
    level1: str | None = None
    level2: str | None = None
    project: str | None = None
    value: float | None = None
    applicable: bool = True
    confirmed: bool = True
    in_band: bool | None = None
    sheet: str | None = None
    cell: str | None = None
    stated_sheet: str | None = None
    stated_cell: str | None = None
    writable: bool = False
    table: str | None = None
    index: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``perfxl score --format json`` item: indicator, weight, score, stated_score, rule."""
        return {"indicator": self.indicator, "weight": self.weight, "score": self.score,
                "stated_score": self.stated_score, "rule": self.rule}


class GroupTotal(NamedTuple):
    """Σ weight and Σ score of the applicable items of one 一级 indicator; ``framework_weight``
    is the framework's weight for it (``None`` when the framework leaves it to the unit)."""

    name: str
    weight: float
    score: float
    framework_weight: float | None = None


class ProjectResult(NamedTuple):
    """The 项目支出绩效自评表 of one project (a row of table ``projects``)."""

    project: str
    framework: str
    total: float | None
    grade: str | None
    stated_total: float | None
    weight_total: float
    items: tuple[ScoreItem, ...]
    level1: tuple[GroupTotal, ...] = ()
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    sheet: str | None = None
    cell: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"project": self.project, "framework": self.framework, "total": self.total,
                "grade": self.grade, "stated_total": self.stated_total,
                "weight_total": self.weight_total,
                "items": [i.to_json() for i in self.items], "warnings": list(self.warnings)}


class ScoreResult(NamedTuple):
    """The scores of one workbook under one framework.

    * ``total``: the recomputed total in 分 (``None`` for a reference framework, or a project
      framework scoring several projects); ``stated_total`` the total the workbook states.
    * ``stated_sum``: Σ of the stated item scores (and stated 加减分), to set beside both.
    * ``weight_total``: Σ of the applicable weights, 预算执行率 included.
    * ``items``: the department's items in sheet order; ``projects``: one result per project.
    * ``warnings``: what the user should fix or know (weights not adding up, a rate above 100%,
      a stated total that is not the sum of its parts); ``notes``: information only.
    """

    framework: str
    framework_name: str
    total: float | None
    grade: str | None
    stated_total: float | None
    weight_total: float | None
    items: tuple[ScoreItem, ...]
    level1: tuple[GroupTotal, ...] = ()
    projects: tuple[ProjectResult, ...] = ()
    bonus_total: float | None = None
    stated_sum: float | None = None
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    file: str | None = None
    total_cell: tuple[str, str] | None = None
    grade_cell: tuple[str, str] | None = None

    def item(self, indicator: str, project: str | None = None) -> ScoreItem:
        """The first item named ``indicator`` (of ``project``); ``KeyError`` if none."""
        pool = self.items if project is None else next(
            (p.items for p in self.projects if p.project == project), ())
        for it in pool:
            if it.indicator == indicator:
                return it
        raise KeyError(indicator)

    def to_json(self) -> dict[str, Any]:
        """The JSON of ``perfxl score``: file, framework, total, grade, stated_total, items
        (plus weight_total, bonus_total, stated_sum, warnings, projects)."""
        return {"file": self.file, "framework": self.framework, "total": self.total,
                "grade": self.grade, "stated_total": self.stated_total,
                "items": [i.to_json() for i in self.items],
                "weight_total": self.weight_total, "bonus_total": self.bonus_total,
                "stated_sum": self.stated_sum, "warnings": list(self.warnings),
                "projects": [p.to_json() for p in self.projects]}
