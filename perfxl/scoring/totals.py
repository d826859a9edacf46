"""Totals per 一级 indicator and the weight checks that go with them (分)."""
from __future__ import annotations

from perfxl.derived import summed
from perfxl.frameworks.schema import Framework
from perfxl.numbers import excel_round
from perfxl.scoring import rules
from perfxl.scoring.indicators import fmt
from perfxl.scoring.result import GroupTotal, ScoreItem

__all__ = ["level1_totals", "level1_messages", "sum_scores", "framework_level1"]


def sum_scores(items: list[ScoreItem] | tuple[ScoreItem, ...]) -> float:
    """ROUND(Σ scores, 2) of the applicable items (missing scores count 0)."""
    return excel_round(sum(i.score or 0.0 for i in items if i.applicable), 2)  # type: ignore


def framework_level1(fw: Framework, name: str | None):
    """The framework's 一级 whose name or alias is ``name`` (or ``None``)."""
    if not name:
        return None
    for lv in fw.level1:
        if name == lv.name or name in lv.aliases:
            return lv
    return None


def level1_totals(items: list[ScoreItem] | tuple[ScoreItem, ...], fw: Framework
                  ) -> tuple[GroupTotal, ...]:
    """One ``GroupTotal`` per 一级 in order of first appearance (预算执行率 excluded); the
    framework weight is that of the 一级 with the same name or alias."""
    order: list[str] = []
    acc: dict[str, list[float]] = {}
    for it in items:
        if it.kind != "indicator" or not it.applicable:
            continue
        name = it.level1 or "（未填一级指标）"
        if name not in acc:
            order.append(name)
            acc[name] = [0.0, 0.0]
        acc[name][0] += summed(it.weight) or 0.0  # a 分值 typed as text: not counted
        acc[name][1] += it.score or 0.0
    out = []
    for name in order:
        lv = framework_level1(fw, name)
        out.append(GroupTotal(name, excel_round(acc[name][0], 2),  # type: ignore[arg-type]
                              excel_round(acc[name][1], 2),  # type: ignore[arg-type]
                              lv.weight if lv else None))
    return tuple(out)


def level1_messages(groups: tuple[GroupTotal, ...], fw: Framework, who: str = ""
                    ) -> tuple[list[str], list[str]]:
    """(warnings, notes): a 一级 whose weights differ from the framework's is a note when the
    framework lets units override weights (财预〔2020〕10号 "如有特殊情况可适当调整"), else a
    warning; a framework 一级 with a weight but no rows is reported the same way."""
    warnings: list[str] = []
    notes: list[str] = []
    bucket = notes if fw.weights_overridable else warnings
    seen = set()
    for g in groups:
        lv = framework_level1(fw, g.name)
        if lv is None or lv.weight is None or not lv.complete:
            if lv is not None:
                seen.add(lv.name)
            continue
        seen.add(lv.name)
        if not rules.compare(g.weight, "=", lv.weight):
            bucket.append(f"{who}一级指标「{g.name}」分值合计 {fmt(g.weight)}，评价框架为 "
                          f"{fmt(lv.weight)}" + ("" if lv.confirmed else "（评价框架未明确规定此分值）"))
    for lv in fw.level1:
        if lv.weight is not None and lv.name not in seen:
            bucket.append(f"{who}未设置一级指标「{lv.name}」（评价框架 {fmt(lv.weight)} 分）")
    return warnings, notes
