"""Score items of the 自评表 kind: the 预算执行率 line and indicator rows (定量/定性).

Both department (``dept_indicators``) and project (``project_indicators``) rows are scored here,
with the rules of ``perfxl.scoring.rules`` and a Chinese explanation of each score (``rule``).
Sources: domain.md §1.4 (执行率), §1.5 (定量), §1.6 (定性).
"""
from __future__ import annotations

from typing import Any

from perfxl.typed import TextNumber

from perfxl import derived
from perfxl.frameworks.schema import Bands
from perfxl.layout import LAYOUT, OUTPUT
from perfxl.model import Model, Row
from perfxl.numbers import fmt_percent, fmt_trimmed
from perfxl.scoring import rules
from perfxl.scoring.result import ScoreItem

__all__ = ["fmt", "pct", "num", "execution_item", "indicator_item"]


def num(v: Any) -> float | None:
    """A number cell's value as float, else ``None`` (text, bool and blanks are not numbers); a
    ``TextNumber`` stays one (the scoring rules read it as the workbook's formulas do)."""
    if isinstance(v, TextNumber):
        return v
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def fmt(x: float | None) -> str:
    """A score or amount for messages: up to 2 decimals, trailing zeros dropped ("9.6", "10")."""
    if x is None:
        return "—"
    return fmt_trimmed(x, 2)


def pct(x: float | None) -> str:
    """A fraction as a percentage with 2 decimals ("96.79%")."""
    return "—" if x is None else fmt_percent(x, 2)


def _writable(table: str, column: str) -> bool:
    return LAYOUT.table(table).column(column).role == OUTPUT


def execution_item(*, executed: Any, budget: Any, weight: Any, stated: Any,
                   cell: tuple[str, str], stated_cell: tuple[str, str],
                   project: str | None = None, framework_weight: float | None = None
                   ) -> tuple[ScoreItem, list[str]]:
    """The 预算执行率 item and its warnings: rate = 全年执行数 ÷ 全年预算数, score = 分值 ×
    min(rate, 1) (domain.md §1.4 [S3, S4, S6, S9]); a rate above 100% is reported (cap [X])."""
    warnings: list[str] = []
    w = num(weight)
    # text no formula reads as a number ("3995.49万元"): the workbook's 执行率 is blank, not 0
    unreadable = next(((label, v.strip()) for label, v in (("全年执行数", executed),
                                                           ("全年预算数", budget))
                       if isinstance(v, str) and v.strip()), None)
    rate = None if unreadable else rules.execution_rate(num(executed), num(budget))
    score = rules.execution_score(rate, w)
    who = f"项目「{project}」" if project else ""
    weight_text = weight.strip() if isinstance(weight, str) and weight.strip() else None
    if weight_text is not None and rate is not None:  # ROUND(分值 × …, 2) is #VALUE!
        score = None
        rule = f"执行率分值填写的“{weight_text}”不是数字，无法计算得分；请改填数字"
    elif unreadable:
        rule = f"{unreadable[0]}填写的“{unreadable[1]}”不是数字，无法计算执行率；请改填数字"
    elif rate is None:
        rule = "缺少全年预算数（或为 0），无法计算执行率"
    else:
        rule = (f"执行率 = 全年执行数 {fmt(num(executed) or 0)} ÷ 全年预算数 {fmt(num(budget))} = "
                f"{pct(rate)}；得分 = 分值 × MIN(执行率, 1)")
        if w is not None:
            rule += f" = {fmt(w)} × {pct(min(rate, 1.0))} = {fmt(score)}"
        if rules.compare(rate, ">", 1):
            rule += "；执行率超过 100%，按 100% 计分"
            warnings.append(f"{who}预算执行率 {pct(rate)} 超过 100%（执行数大于全年预算数），请核实")
    if w is None:
        if weight_text is None:  # a text 分值 is not missing: PX009 names it
            warnings.append(f"{who}执行率分值未填写" + (f"（框架为 {fmt(framework_weight)} 分）"
                                                      if framework_weight is not None else ""))
    elif framework_weight is not None and not rules.compare(w, "=", framework_weight):
        warnings.append(f"{who}执行率分值 {fmt(w)} 与评价框架的 {fmt(framework_weight)} 分不同")
    item = ScoreItem("预算执行率", w, score, num(stated), rule, kind="execution", project=project,
                     value=rate, sheet=cell[0], cell=cell[1], stated_sheet=stated_cell[0],
                     stated_cell=stated_cell[1])
    return item, warnings


def _explain(v: dict[str, Any], w: float, score: float | None, bands: Bands
             ) -> tuple[str, float | None, bool | None]:
    nature, d = v.get("nature") or "", v.get("direction") or ""
    t, a, u, st = num(v.get("target")), num(v.get("actual")), num(v.get("target_upper")), \
        num(v.get("score_stated"))
    if nature == "定性":
        band = rules.qualitative_band(w, v.get("achievement"), bands)
        if band is None:
            return (f"定性、未选达成程度：按填报得分 {fmt(st)}，限于 [0, {fmt(w)}]"
                    "", None, None)
        inside = st is not None and rules.compare(st, ">=", band[0]) and \
            rules.compare(st, "<=", band[1])
        text = (f"定性·{v.get('achievement')}：得分区间 [{fmt(band[0])}, {fmt(band[1])}]，"
                f"填报 {fmt(st)}" + ("，在区间内" if inside else f"，不在区间内，取 {fmt(score)}")
                )
        return text, None, inside
    if t is None or a is None:
        return (f"定量但缺少指标值或实际值（数值）：按填报得分 {fmt(st)}，限于 [0, {fmt(w)}]",
                None, None)
    if d == "≤":
        ratio = None if a <= 0 else t / a
        text = (f"反向（≤）：实际 {fmt(a)} ≤ 0，得满分" if ratio is None else
                f"反向（≤）：{fmt(w)} × MIN(指标值 {fmt(t)} ÷ 实际 {fmt(a)}, 1) = {fmt(score)}")
        return text, ratio, None
    if d == "=":
        ratio = None if t == 0 else a / t
        return (f"等于（=）：实际 {fmt(a)}，指标值 {fmt(t)}，得分 {fmt(score)}"
                "（相等得满分，否则同正向）"), ratio, None
    if d == "区间" and u is not None:
        return (f"区间 [{fmt(t)}, {fmt(u)}]：实际 {fmt(a)}，得分 {fmt(score)}"
                "（区间内满分，区间外按偏离比例）"), None, None
    ratio = None if t <= 0 else a / t
    text = (f"正向（≥）：指标值 {fmt(t)} ≤ 0，实际 {fmt(a)}，得分 {fmt(score)}" if ratio is None else
            f"正向（≥）：{fmt(w)} × MIN(实际 {fmt(a)} ÷ 指标值 {fmt(t)}, 1) = {fmt(score)}")
    return text, ratio, None


def indicator_item(model: Model, table: str, row: Row, values: dict[str, Any], bands: Bands,
                   project: str | None = None) -> ScoreItem:
    """One indicator row scored like ``INDICATOR_SCORE_FORMULA`` (``values`` are the row's
    values with 一级/二级 carried down)."""
    w = num(values.get("weight"))
    applicable = values.get("applicable") != "否"
    score = rules.indicator_score(values.get("nature"), values.get("direction"),
                                  num(values.get("target")), num(values.get("actual")), w,
                                  values.get("achievement"), num(values.get("score_stated")),
                                  num(values.get("target_upper")),
                                  applicable=values.get("applicable"), bands=bands)
    typed = derived.indicator_text_operand(row)
    weight_text = row.unreadable.get("weight")
    if not applicable:
        text, ratio, inside = "不适用：不计分，分值不计入合计", None, None
    elif weight_text is not None:  # 「10分」: the formula multiplies it, or leaves it out
        score = derived.text_weight_score(row)
        text = (f"分值填写的“{weight_text}”不是数字，" +
                ("无法计算得分" if score is None else f"公式未用到分值，得 {fmt(score)} 分") +
                "；请在分值中改填数字")
        ratio, inside = None, None
    elif w is None:
        text, ratio, inside = "未填写分值：不计分", None, None
    elif typed is not None:  # the formula's arithmetic on the text is #VALUE!: no score
        score = derived.text_indicator_score(row)
        what = "指标值（数值）" if typed[0] == "target" else "实际值（数值）"
        text = (f"{what}填写的“{typed[1]}”不是数字，" +
                ("无法计算得分" if score is None else f"按公式的比较得 {fmt(score)} 分") +
                f"；请在{what}中改填数字")
        ratio, inside = None, None
    else:
        text, ratio, inside = _explain(values, w, score, bands)
    name = values.get("level3") or values.get("level2") or values.get("level1") or \
        f"第 {row.index + 1} 行指标"
    sheet, cell = model.cell(table, row.index, "score")
    ssheet, scell = model.cell(table, row.index, "score_stated")
    return ScoreItem(str(name), w, score, num(values.get("score_stated")), text,
                     level1=values.get("level1"), level2=values.get("level2"), project=project,
                     value=ratio, applicable=applicable, in_band=inside, sheet=sheet, cell=cell,
                     stated_sheet=ssheet, stated_cell=scell, writable=_writable(table, "score"),
                     table=table, index=row.index)
