"""Score a department indicator system (framework kind ``system``: ``guangdong_dept_100``,
``hunan_53_tiers``) from the 指标体系 sheet: ``system_indicators`` rows + ``bonus`` rows.

Each row is matched to a framework item by its wording (``perfxl.scoring.matching``) and scored
by the item's rule — recomputed from the base data where the framework gives a rule and the
workbook the figures (``perfxl.derived`` measures, else the row's 依据数值), otherwise the stated
自评得分 capped to [0, 分值]; ``rule`` says which.  A 不适用 item's weight moves to the item its
framework names (``move_to``; seed 000 L180).  加减分项: 每项分值 × 次数 capped per line and in
total (seed 000 L276).  Total = ROUND(Σ item scores + 加减分, 2).
"""
from __future__ import annotations

from typing import Any

from perfxl import derived
from perfxl.frameworks.schema import Bonus, BonusItem, Framework, Item
from perfxl.model import Model, Row
from perfxl.numbers import excel_round
from perfxl.scoring import rules
from perfxl.scoring.indicators import fmt, num, pct
from perfxl.scoring.matching import match_item, norm
from perfxl.scoring.result import ScoreItem, ScoreResult
from perfxl.scoring.totals import level1_messages, level1_totals

__all__ = ["score_system", "show_measure", "BASIS_MEASURES"]

#: Measures a framework may cite that the standard workbook has no base data for: their value
#: is the row's 依据数值 (``system_indicators.basis_value``).
BASIS_MEASURES = {
    "key_spending_rate": "重点支出安排率 = 重点项目支出 ÷ 项目总支出",
    "late_special_funds": "未按时下达的专项资金个数",
    "compliance_violations": "资金使用合规性违反项数",
}

_OP_TEXT = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "=": "=", "<>": "≠"}


def show_measure(name: str | None, value: float | None) -> str:
    """A measure for messages: rates as percentages, amounts and counts as numbers."""
    if name and (name.endswith("rate") or name.endswith("utilization")):
        return pct(value)
    return fmt(value)


def _measure_values(model: Model, fw: Framework) -> dict[str, float | None]:
    names = set(derived.MEASURES)
    for it in fw.items:
        for t in it.rule.tiers:
            if isinstance(t.value, str):
                names.add(t.value)
    return {n: derived.measure(model, n) for n in names}


def _stated(stated: float | None, w: float) -> tuple[float | None, str]:
    if stated is None:
        return None, "未填写自评得分"
    score = excel_round(min(max(stated, 0.0), w), 2)
    extra = "" if rules.compare(stated, "=", score) else f"，超出 [0, {fmt(w)}]，取 {fmt(score)}"
    return score, f"按填报自评得分 {fmt(stated)}{extra}"


def _apply_rule(it: Item, w: float, stated: float | None, value: float | None, vsrc: str,
                measures: dict[str, float | None]) -> tuple[float | None, str]:
    r = it.rule
    mname = r.measure or it.measure
    shown = f"{vsrc} {show_measure(mname, value)}"
    if r.kind == "stated":
        score, text = _stated(stated, w)
        return score, text + (f"；{shown}" if value is not None else "")
    if value is None:
        score, text = _stated(stated, w)
        return score, f"缺少{vsrc or '依据数值'}，{text}"
    if r.kind == "proportional":
        score = rules.proportional_score(value, w)
        return score, f"{fmt(w)} × MIN({shown}, 1) = {fmt(score)}"
    if r.kind == "deduct":
        score = rules.deduct_score(abs(value) if r.use_abs else value, w, r)
        where = "超过" if r.direction == "above" else "低于"
        return score, (f"{shown}：{where} {show_measure(mname, r.limit)} 每 "
                       f"{show_measure(mname, r.per) if mname and mname.endswith('rate') else fmt(r.per)}"
                       f" 扣 {fmt(r.points)} 分，得 {fmt(score)}")
    v = abs(value) if r.use_abs else value
    s, tier = rules.tier_score(v, r.tiers, measures)
    if tier is not None:
        bound = measures.get(tier.value) if isinstance(tier.value, str) else tier.value
        score = excel_round(min(max(s or 0.0, 0.0), w), 2)
        return score, (f"{shown}{'（取绝对值）' if r.use_abs else ''} {_OP_TEXT[tier.op]} "
                       f"{show_measure(mname, bound)}，得 {fmt(score)}")
    if r.otherwise == "stated":
        score, text = _stated(stated, w)
        return score, f"{shown}：未触及评分档，{text}"
    score = excel_round(min(max(float(r.otherwise or 0.0), 0.0), w), 2)
    return score, f"{shown}：不在以上各档，得 {fmt(score)}"


#: the 加减分项 cells the score formula does arithmetic on, with their headers
_BONUS_NUMBERS = (("count", "次数"), ("points_each", "每项分值"), ("cap", "上限"))


def _bonus_items(model: Model, bonus: Bonus | None) -> tuple[list[ScoreItem], float | None]:
    rows = model.rows("bonus")
    if bonus is None and not rows:
        return [], None
    items: list[ScoreItem] = []
    for row in rows:
        spec = _match_bonus(bonus, row.item)
        pts = num(row.points_each)
        cap = num(row.cap)
        origin = ""
        if pts is None and spec is not None and row.count is not None:
            pts, origin = spec.points_each, "（每项分值取自评价框架）"
        if cap is None and spec is not None and spec.cap is not None and row.count is not None:
            cap, origin = spec.cap, "（分值、上限取自评价框架）"
        values = dict(row.values, points_each=pts, cap=cap)
        score = derived.bonus_row_score(Row("bonus", row.index, values, row.unreadable))
        typed = next(((label, row.unreadable[k]) for k, label in _BONUS_NUMBERS
                      if k in row.unreadable and values.get(k) is None), None)
        if typed is not None and score is None:  # #VALUE! in the formula: no score
            text = f"{typed[0]}填写的“{typed[1]}”不是数字，无法计算得分；请改填数字"
        elif num(row.count) is None:
            text = "未填次数：按填报得分" if num(row.score_stated) is not None else "未填次数与得分"
        else:
            text = (f"{fmt(pts)} 分 × {fmt(num(row.count))} 次" +
                    (f"，上限 {fmt(cap)}" if cap is not None else "") + f" = {fmt(score)}")
        text += origin
        if num(row.count) is None and spec is not None and spec.points_each is not None:
            text += (f"（评价框架：每项 {fmt(spec.points_each)} 分" +
                     (f"，上限 {fmt(spec.cap)} 分" if spec.cap is not None else "") + "）")
        sheet, cell = model.cell("bonus", row.index, "score")
        ssheet, scell = model.cell("bonus", row.index, "score_stated")
        items.append(ScoreItem(str(row.item or f"加减分项第 {row.index + 1} 行"), cap,
                               None if score is None else excel_round(score, 2),
                               num(row.score_stated), text, kind="bonus", sheet=sheet, cell=cell,
                               stated_sheet=ssheet, stated_cell=scell, table="bonus",
                               index=row.index))
    raw = sum(i.score or 0.0 for i in items)
    if bonus is not None and bonus.total_cap is not None:
        raw = min(raw, bonus.total_cap)
    return items, excel_round(raw, 2)


def _match_bonus(bonus: Bonus | None, text: Any) -> BonusItem | None:
    if bonus is None or not text:
        return None
    n = norm(text)
    for b in bonus.items:
        if n in (norm(b.name), *(norm(a) for a in b.aliases)):
            return b
    return None


def score_system(model: Model, fw: Framework) -> ScoreResult:
    """The department result of a ``system`` framework (projects are added by the caller)."""
    rows = model.rows("system_indicators")
    vals = derived.fill_down(rows)
    found = [match_item(fw.items, v.get("level2"), v.get("level3")) for v in vals]
    applicable = [v.get("applicable") != "否" for v in vals]
    weights = [num(v.get("weight")) if num(v.get("weight")) is not None
               else (it.weight if it else None) for v, it in zip(vals, found)]
    warnings: list[str] = []
    notes: list[str] = []
    moved: dict[int, list[tuple[str, float]]] = {}
    for i, it in enumerate(found):
        if applicable[i] or fw.not_applicable != "move" or it is None or not it.move_to:
            continue
        j = next((k for k, other in enumerate(found)
                  if other is not None and other.name == it.move_to and applicable[k]), None)
        if j is None:
            warnings.append(f"「{it.name}」不适用，但表中没有可接收其分值的「{it.move_to}」")
        else:
            moved.setdefault(j, []).append((it.name, weights[i] or 0.0))
    measures = _measure_values(model, fw)
    items: list[ScoreItem] = []
    for i, (row, v, it) in enumerate(zip(rows, vals, found)):
        items.append(_row_item(model, fw, row, v, it, weights[i], applicable[i],
                               moved.get(i, []), measures, warnings, notes))
    bonus_items, bonus_total = _bonus_items(model, fw.bonus)
    main_total = sum(i.score or 0.0 for i in items if i.applicable)
    total = excel_round(main_total + (bonus_total or 0.0), 2)
    weight_total = excel_round(sum(derived.summed(i.weight) or 0.0 for i in items
                                   if i.applicable), 2)
    if fw.complete and fw.total is not None and not rules.compare(weight_total, "=", fw.total):
        warnings.append(f"指标分值合计 {fmt(weight_total)}，评价框架满分为 {fmt(fw.total)}")
    named = {it.name for it in found if it is not None}
    for it in fw.items:
        if it.name not in named:
            (warnings if fw.complete else notes).append(f"评价框架指标「{it.name}」（{fmt(it.weight)} 分）"
                                                       "未在指标体系表中填写")
    groups = level1_totals(items, fw)
    w2, n2 = level1_messages(groups, fw)
    warnings += w2
    notes += n2
    stated_total = num(model.values.get("system_total_stated"))
    st_items = [i.stated_score for i in items if i.applicable and i.stated_score is not None]
    st_bonus = [i.stated_score for i in bonus_items if i.stated_score is not None]
    stated_bonus = num(model.values.get("bonus_total_stated"))
    stated_sum = None
    if st_items or st_bonus or stated_bonus is not None:
        stated_sum = excel_round(sum(st_items) + (stated_bonus if stated_bonus is not None
                                                   else sum(st_bonus)), 2)
    if stated_total is not None and stated_sum is not None and \
            not rules.compare(stated_total, "=", stated_sum):
        warnings.append(f"自评总分 {fmt(stated_total)} 不等于各项自评得分之和 {fmt(stated_sum)}"
                        "（含加减分）")
    return ScoreResult(
        framework=fw.id, framework_name=fw.name, total=total, grade=rules.grade(total, fw.grades),
        stated_total=stated_total, weight_total=weight_total, items=tuple(items + bonus_items),
        level1=groups, bonus_total=bonus_total, stated_sum=stated_sum, warnings=tuple(warnings),
        notes=tuple(notes))


def _row_item(model: Model, fw: Framework, row: Row, v: dict[str, Any], it: Item | None,
              weight: float | None, applicable: bool, moved_in: list[tuple[str, float]],
              measures: dict[str, float | None], warnings: list[str], notes: list[str]
              ) -> ScoreItem:
    stated = num(v.get("score_stated"))
    name = str(v.get("level3") or v.get("level2") or f"第 {row.index + 1} 行指标")
    level1 = it.level1 if it and it.level1 else v.get("level1")
    level2 = it.level2 if it and it.level2 else v.get("level2")
    w = weight
    if it is not None and it.weight is not None and num(v.get("weight")) is not None \
            and not rules.compare(num(v.get("weight")), "=", it.weight):  # type: ignore[arg-type]
        (notes if fw.weights_overridable else warnings).append(
            f"「{name}」分值 {fmt(num(v.get('weight')))}，评价框架为 {fmt(it.weight)}")
    extra = ""
    if moved_in and w is not None:
        add = sum(x for _, x in moved_in)
        extra = "；".join(f"含「{n}」不适用调入的 {fmt(x)} 分" for n, x in moved_in)
        w = w + add
    mname = (it.rule.measure or it.measure) if it else None
    value, vsrc = (measures.get(mname), "基础数据计算") if mname else (None, "")
    if value is None and num(v.get("basis_value")) is not None:
        value, vsrc = num(v.get("basis_value")), "依据数值"
    confirmed = bool(it is None or (it.confirmed and it.rule.confirmed))
    if not applicable:
        target = it.move_to if (it and fw.not_applicable == "move") else None
        text = (f"不适用：分值 {fmt(w)} 调整至「{target}」" if target
                else "不适用：不计分，分值不计入合计")
        score = None
    elif w is None:
        score, text = None, "未填写分值：不计分"
    elif it is None:
        score, text = _stated(stated, w)
        text = f"评价框架未列此指标：{text}"
    else:
        score, text = _apply_rule(it, w, stated, value, vsrc, measures)
        if not confirmed:
            text += "；评价框架未明确此项的评分标准或分值，计算结果仅供参考"
            own, own_text = _stated(stated, w)
            if own is not None and (score is None or not rules.compare(own, "=", score)):
                # An inferred rule never overrides the stated score: the workbook's 指标得分
                # 合计 sums the stated scores, and no source says the inference is right
                # (issue 13 #8: seed 000 states 政府采购执行率 99.71% → 2 分; 2 × 99.71% = 1.99).
                text += (f"，参考得分 {fmt(score) if score is not None else '（无法计算）'}；"
                         f"计分取填报的自评得分：{own_text}")
                score = own
    if extra:
        text = f"分值 {fmt(w)}（{extra}）；{text}"
    sheet, cell = model.cell("system_indicators", row.index, "score")
    ssheet, scell = model.cell("system_indicators", row.index, "score_stated")
    return ScoreItem(name, w, score, stated, text, level1=level1, level2=level2, value=value,
                     applicable=applicable, confirmed=confirmed, sheet=sheet, cell=cell,
                     stated_sheet=ssheet, stated_cell=scell, writable=True,
                     table="system_indicators", index=row.index)
