"""A ``reference`` framework (``common_53``): the values of its measures, without scores.

财预〔2013〕53号 gives no weights or scoring standards (domain.md §2 [R]): each item reports the
ratio computed from the base data (``perfxl.derived``) and its formula; total and grade are
``None``.
"""
from __future__ import annotations

from perfxl import derived
from perfxl.frameworks.schema import Framework
from perfxl.model import Model
from perfxl.scoring.result import ScoreItem, ScoreResult
from perfxl.scoring.system import show_measure

__all__ = ["score_reference"]


def score_reference(model: Model, fw: Framework) -> ScoreResult:
    """One ``measure`` item per framework item, with its value (fraction) and formula."""
    items = []
    for it in fw.items:
        value = derived.measure(model, it.measure) if it.measure else None
        shown = show_measure(it.measure, value)
        text = (f"{it.formula} = {shown}" if value is not None
                else f"{it.formula}：基础数据不足，无法计算") + "（不计分）"
        cell = _cell(model, it.measure)
        items.append(ScoreItem(it.name, None, None, None, text, kind="measure", level1=it.level1,
                               level2=it.level2, value=value,
                               sheet=cell[0] if cell else None, cell=cell[1] if cell else None))
    # the framework scores nothing, but a total the user typed is still the user's (002 types
    # 自评总分 98 in 指标体系!B56): shown as typed beside "no computed total"
    stated = [v for v in (model.values.get("system_total_stated"),
                          model.values.get("dept_score_total_stated"))
              if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return ScoreResult(framework=fw.id, framework_name=fw.name, total=None, grade=None,
                       stated_total=float(stated[0]) if stated else None, weight_total=None,
                       items=tuple(items),
                       notes=("财预〔2013〕53号未规定分值与评分标准：仅列示计算值",))


def _cell(model: Model, measure: str | None) -> tuple[str, str] | None:
    """The workbook field of the same name, where the template computes it."""
    if measure and measure in model.layout.fields:
        return model.field_cell(measure)
    return None
