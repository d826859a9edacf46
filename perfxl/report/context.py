"""The template context of a report: a plain dict of strings, lists and dicts.

``build_context(model, outline, project=None, findings=None, score_result=None)`` gathers
everything a template places; the templates only place it (no arithmetic, no formatting in
them).  Rules:

* every figure is computed (``perfxl.derived``, ``perfxl.report.scores``); where the
  workbook holds a stated figure that disagrees, the computed one is printed (the 校验 findings
  report the disagreement);
* free texts the user typed go in as typed, one paragraph per line;
* an empty required input prints 「（未填写）」 at its place (``perfxl.report.fmt.MISSING``).

Errors: ``perfxl.errors.UsageError`` for an unknown outline or project; ``PerfxlError`` raised by
the scoring engine propagates.
"""
from __future__ import annotations

from typing import Any, Iterable

from perfxl.errors import UsageError
from perfxl.model import Model, Row
from perfxl.typed import TextNumber
from perfxl.checks.acceptance import without_confirmations
from perfxl.report.analysis import bonus_paragraphs, project_analysis, system_analysis
from perfxl import derived as D
from perfxl.report.figures import num, total
from perfxl.report.fmt import (MISSING, UNCOMPUTABLE, fmt_amount, fmt_date, fmt_quotient_rate, fmt_rate,
                               fmt_score, paragraphs,
                               text_or_missing, title_lines)
from perfxl.report.outlines import check_outline
from perfxl.report.scores import (Scores, collect_scores, dept_grade, dept_total,
                                  dept_total_missing, dept_weight_total, project_grade,
                                  project_total, project_total_missing, row_score,
                                  row_weight)
from perfxl.report import sentences as S
from perfxl.report.tables import base_table, dept_table, project_table

__all__ = ["build_context", "find_project", "finding_lines", "project_findings"]

_LEVELS = {"error": "错误", "warning": "警告", "warn": "警告", "info": "提示", "note": "提示"}


def finding_lines(findings: Iterable[Any] | None) -> list[str]:
    """「【错误】部门自评表!B9：<message>」 per finding (objects or dicts with ``level``,
    ``message``, ``sheet``, ``cell``; a finding in the report itself, with ``place``
    「第 12 段」, gives 「【错误】PX601 第 12 段：<message>」); [] for none."""
    out = []
    for f in findings or ():
        get = f.get if isinstance(f, dict) else (lambda k, f=f: getattr(f, k, None))
        level = _LEVELS.get(str(get("level") or "").lower(), str(get("level") or "提示"))
        where = (get("place") if get("in_draft") else
                 "!".join(str(x) for x in (get("sheet"), get("cell")) if x))
        rule = get("rule")
        head = f"【{level}】" + (f"{rule} " if rule else "") + (f"{where}：" if where else "")
        out.append(head + str(get("message") or ""))
    return out


def _texts(model: Model) -> dict[str, Any]:
    v = model.get
    return {
        "duties": paragraphs(v("duties"), required=True),
        "organization": paragraphs(v("organization"), required=True),
        "subordinate_units": paragraphs(v("subordinate_units")),
        "annual_tasks": paragraphs(v("annual_tasks")),
        "overall_goal": paragraphs(v("overall_goal"), required=True),
        "performance": paragraphs(v("performance_summary")),
        "conclusion": paragraphs(v("conclusion")),
        "achievements": paragraphs(v("achievements"), required=True),
        "problems": paragraphs(v("problems"), required=True),
        "improvements": paragraphs(v("improvements"), required=True),
        "result_application": paragraphs(v("result_application"), required=True),
        # a 「确认 PXnnn：理由」 line speaks to the checks, not to the report's reader
        "other_notes": paragraphs(without_confirmations(v("other_notes")), empty="无。"),
        # what of the 其他预算支出说明 names none of 政府性基金 / 国有资本 / 社会保险基金
        "special_note": S.other_budget_notes(model)[1],
    }


def _common(model: Model, scores: Scores, findings: Any) -> dict[str, Any]:
    unit = model.unit
    tot = dept_total(scores)
    ctx = {
        "department": text_or_missing(model.department_name),
        "year": S.year_text(model),
        "unit": unit,
        "budget_code": text_or_missing(model.get("budget_code"), required=False),
        "unit_head": text_or_missing(model.get("unit_head"), required=False),
        "preparer": text_or_missing(model.get("preparer"), required=False),
        "phone": text_or_missing(model.get("phone"), required=False),
        "fill_date": fmt_date(model.get("fill_date")),
        "staffing": S.staffing_sentences(model),
        "income": S.income_sentence(model),
        "expenditure": S.expenditure_sentence(model),
        "functions": S.function_sentences(model),
        "score": {"total": fmt_score(tot, missing=dept_total_missing(scores)),
                  "grade": dept_grade(scores) or dept_total_missing(scores),
                  "weight_total": fmt_score(dept_weight_total(scores))},
        "findings": finding_lines(findings),
    }
    ctx.update(_texts(model))
    return ctx


def _execution_weight_part(model: Model) -> str:
    """「（含预算执行率分值10分）」; "" when that 分值 is typed as text, which the workbook's
    分值合计 does not count (N() is 0 for text; PX009 names the cell)."""
    ew = D.formula_value(model, "execution_weight")
    if isinstance(ew, (TextNumber, str)):
        return ""
    return f"（含预算执行率分值{fmt_score(num(ew))}分）"


def _indicator_summary(rows: list[Row], scores: Scores) -> list[str]:
    """How many indicators, by 一级指标, their weights and scores, and which lost points."""
    rows = [r for r in rows if r.level3 or r.level2 or r.level1]
    if not rows:
        return [f"绩效指标{MISSING}。"]
    by_level: dict[str, int] = {}
    # 一级 labels written once for a merged block are carried down, as scoring does
    for vals in D.fill_down(rows):
        level1 = vals.get("level1") or "其他指标"
        by_level[level1] = by_level.get(level1, 0) + 1
    parts = "、".join(f"{k}{n}项" for k, n in by_level.items())
    applicable = [r for r in rows if r.applicable != "否"]
    w = total([row_weight(scores, r) for r in applicable])
    # SUM over the 得分 column: one row giving #VALUE! leaves no 得分合计
    error = any(D.indicator_row_error(r) for r in applicable)
    s = None if error else total([row_score(scores, r) for r in applicable])
    if scores.unscored:  # the framework gives no scores: the count and the weights only
        return [f"自评表共设置绩效指标{len(rows)}项，其中{parts}；绩效指标分值合计{fmt_score(w)}分。"]
    out = [f"自评表共设置绩效指标{len(rows)}项，其中{parts}；绩效指标分值合计{fmt_score(w)}分，"
           f"得分合计{fmt_score(s, missing=UNCOMPUTABLE if error else MISSING)}分。"]
    lost = []
    for r in applicable:
        sc, wt = row_score(scores, r), row_weight(scores, r)
        if sc is not None and wt is not None and sc < wt:
            lost.append(f"“{r.level3 or r.level2}”（分值{fmt_score(wt)}分，得分{fmt_score(sc)}分）")
    if lost:
        out.append(f"未得满分的指标：{'、'.join(lost)}。")
    return out


def _unscored_sentence(model: Model) -> str:
    """What the report says of the score under a framework without scores (common_53)."""
    from perfxl.frameworks import load
    name = load(str(model.get("framework")).strip()).name
    text = f"本次自评按“{name}”开展，该评价框架只计算各项指标的数值，不计分，不评定等级"
    stated = next((v for v in (num(model.get("system_total_stated")),
                               num(model.get("dept_score_total_stated"))) if v is not None), None)
    if stated is not None:  # the user's own total, as typed (nothing computes it)
        text += f"；工作簿填报的自评总分为{fmt_score(stated)}分"
    return text + "。"


def _hunan(model: Model, scores: Scores) -> dict[str, Any]:
    table = dept_table(model, scores)
    year, dept = S.year_text(model), text_or_missing(model.department_name)
    grade = dept_grade(scores) or dept_total_missing(scores)
    return {
        "title": f"{year}年度{dept}整体支出绩效自评报告",
        "intro": (f"根据预算绩效管理有关规定，{dept}对{year}年度部门整体支出开展了绩效自评，"
                  "现将自评有关情况报告如下。"),
        "basic": S.basic_sentence(model),
        "three_public": S.three_public_sentence(model) or f"“三公”经费支出{MISSING}。",
        "project_spending": S.project_spending(model),
        # a sentence of the 其他预算支出说明 goes to the section of the budget it names
        "gov_fund": S.other_budget_section(model, "gov_fund_exp"),
        "state_capital": S.other_budget_section(model, "state_capital_exp"),
        "social_insurance": S.other_budget_section(model, "social_insurance_exp"),
        "execution": S.execution_sentence(model),
        "control": S.control_sentences(model) or [f"预算配置与控制情况{MISSING}。"],
        "goal_actual": paragraphs(model.get("goal_actual"), required=True),
        "indicator_summary": _indicator_summary(model.rows("dept_indicators"), scores),
        "score_sentence": _unscored_sentence(model) if scores.unscored else (
                           f"部门整体支出绩效自评表分值合计{table['weight_total'] or MISSING}分"
                           f"{_execution_weight_part(model)}，"
                           f"自评得分{fmt_score(dept_total(scores), missing=dept_total_missing(scores))}分，"
                           f"评价等级为“{grade}”。"),
        "dept_table": table,
        "base_table": base_table(model),
    }


def _guangdong(model: Model, scores: Scores) -> dict[str, Any]:
    rows = model.rows("system_indicators")
    bonus_rows = model.rows("bonus")
    unit = model.unit
    year = S.year_text(model)
    items_bonus = total([row_score(scores, r) for r in bonus_rows])
    # the 加减分 the total counts: the framework caps it (广东 加分项总分 5 分)
    bonus = scores.bonus_total if scores.bonus_total is not None else items_bonus
    tot = dept_total(scores)
    grade = dept_grade(scores) or dept_total_missing(scores)
    head = _unscored_sentence(model) if scores.unscored else (
        f"根据年初设定的绩效目标，部门整体支出绩效自评得分为{fmt_score(tot)}分，"
        f"评价等级为“{grade}”。")
    conclusion = (f"{head}全年预算数{fmt_amount(model.get('budget_full'), unit)}，"
                  f"执行数{fmt_amount(model.get('executed'), unit)}，"
                  f"预算执行率{fmt_quotient_rate(D.execution_rate(model), model.get('budget_full'))}"
                  + S.over_budget_note(D.execution_rate(model), model.get("executed"),
                                       model.get("budget_full"), unit) + "。")
    return {
        "title": f"{year}年度部门整体支出绩效自评报告",
        "conclusion_sentence": conclusion,
        "analysis": system_analysis(rows, scores) if rows else [],
        "analysis_missing": [] if rows else [f"指标体系评分{MISSING}。"],
        "bonus": bonus_paragraphs(bonus_rows, scores),
        "analysis_total": _analysis_total(tot, bonus, bool(bonus_rows), scores.unscored,
                                          items_bonus),
    }


def _analysis_total(tot: float | None, bonus: float | None, has_bonus: bool,
                    unscored: bool, items_bonus: float | None = None) -> str:
    """「以上各项指标得分合计X分（其中加减分Y分）。」: the 加减分 part only when the workbook has
    加减分项 (no 「加减分0分」 where the score has none), Y as the total counts it (capped by the
    framework, and then said so); "" under a framework without scores."""
    if unscored:
        return ""
    text = f"以上各项指标得分合计{fmt_score(tot)}分"
    if has_bonus:
        b = bonus if bonus is not None else 0
        capped = items_bonus is not None and fmt_score(items_bonus) != fmt_score(b)
        text += (f"（其中加减分{fmt_score(b)}分"
                 + (f"：各加减分项合计{fmt_score(items_bonus)}分，按评价框架的上限计" if capped
                    else "") + "）")
    return text + "。"


def find_project(model: Model, project: str | None) -> Row:
    """The row of table ``projects`` named ``project`` (the only project when ``None`` and there
    is exactly one); ``UsageError`` listing the projects otherwise."""
    rows = [r for r in model.rows("projects") if r.project]
    names = [str(r.project) for r in rows]
    if project is None:
        if len(rows) == 1:
            return rows[0]
        if not rows:
            raise UsageError("工作簿的“项目自评表”中没有项目，无法生成项目支出绩效自评报告")
        raise UsageError(f"请用 --project 指定项目；工作簿中的项目：{'、'.join(names)}")
    for r in rows:
        if str(r.project).strip() == str(project).strip():
            return r
    raise UsageError(f"工作簿中没有项目「{project}」；现有项目：{'、'.join(names) or '（无）'}")


def _project(model: Model, scores: Scores, row: Row) -> dict[str, Any]:
    unit, year = model.unit, S.year_text(model)
    table = project_table(model, scores, row)
    overview = []
    who = []
    if table["supervisor"]:
        who.append(f"主管部门为{table['supervisor']}")
    if table["implementer"]:
        who.append(f"实施单位为{table['implementer']}")
    if who:
        overview.append(f"“{table['name']}”项目{'，'.join(who)}。")
    funds = (f"{year}年度项目资金年初预算数{fmt_amount(row.budget_initial, unit)}，全年预算数"
             f"{fmt_amount(row.budget_full, unit)}，全年执行数{fmt_amount(row.executed, unit)}，"
             f"预算执行率{fmt_quotient_rate(D.project_execution_rate(row), row.budget_full)}"
             + S.over_budget_note(D.project_execution_rate(row), row.executed, row.budget_full,
                                  unit))
    sources = [r for r in model.project_rows("project_funds", row.project)
               if num(r.executed) is not None]
    if sources:
        funds += "；全年执行数中，" + "，".join(
            f"{r.source}{fmt_amount(r.executed, unit)}" for r in sources)
    overview.append(funds + "。")
    indicators = model.project_rows("project_indicators", row.project)
    tot = project_total(scores, row)
    weight_text = f"{table['weight_total'] or MISSING}分"
    if D.project_rescale(model, row) != 1:
        # 不适用指标不计分，按百分制折算 (domain.md §1.5 [S5]): the score is on the full scale
        ind = D.project_indicator_rows(model, row)
        # as the workbook's SUMPRODUCT: a 分值 typed as text is not counted
        na = total([r.weight for r in ind if r.applicable == "否"]) or 0.0
        full = total([row.execution_weight] + [r.weight for r in ind]) or 0.0
        weight_text = (f"{fmt_score(full)}分（其中不适用指标{fmt_score(na)}分不计分，"
                       f"得分按百分制折算）")
    gap = project_total_missing(scores, row)
    conclusion = (f"经自评，本项目分值合计{weight_text}，自评得分"
                  f"{fmt_score(tot, missing=gap)}分，评价等级为“{project_grade(scores, row) or gap}”；"
                  f"其中预算执行率得分{fmt_score(D.project_execution_score(row))}分（分值"
                  f"{fmt_score(num(row.execution_weight))}分）。")
    problems = []
    for r in indicators:
        sc, wt = row_score(scores, r), row_weight(scores, r)
        if r.applicable != "否" and sc is not None and wt is not None and sc < wt:
            reason = (r.deviation or "").strip() or MISSING
            problems.append(f"“{r.level3 or r.level2}”未得满分（分值{fmt_score(wt)}分，得分"
                            f"{fmt_score(sc)}分）。偏差原因分析及改进措施：{reason}")
    if not problems:
        problems = ["本项目各项绩效指标均取得满分，未发现偏离绩效目标的情况。"]
    goal_actual = paragraphs(row.goal_actual, required=True)
    # introduced, so a short typed 「完成」 does not stand alone under the conclusion
    goal_actual[0] = f"年度总体目标实际完成情况：{goal_actual[0]}"
    return {
        "title": f"{year}年度{table['name']}项目支出绩效自评报告",
        "project": {
            "name": table["name"],
            "overview": overview,
            "goal": paragraphs(row.goal_expected, required=True),
            "goal_actual": goal_actual,
            "conclusion": conclusion,
            "analysis": project_analysis(indicators, scores) or [],
            "analysis_missing": [] if indicators else [f"绩效指标{MISSING}。"],
            "problems": problems,
            # the workbook keeps 建议 and 其他说明 for the department only: they are not the
            # project's (the department report prints them)
            "suggestions": ["无。"],
            "other_notes": ["无。"],
            "table": table,
        },
    }


def project_findings(model: Model, row: Row, findings: Iterable[Any] | None) -> list[Any]:
    """The findings about project ``row``: on its rows of the 项目自评表 (project, funds,
    indicators), or on the report's own text; the department's other findings are not the
    project report's."""
    places = set()
    for table in ("projects", "project_funds", "project_indicators"):
        rows = [row] if table == "projects" else model.project_rows(table, row.project)
        for r in rows:
            sheet, a1 = model.cell(table, r.index, "project")
            places.add((sheet, a1.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")))
    out = []
    for f in findings or ():
        get = f.get if isinstance(f, dict) else (lambda k, f=f: getattr(f, k, None))
        cell = str(get("cell") or "").split(":")[0]
        if get("in_draft") or (get("sheet"), cell.lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZ")) in places:
            out.append(f)
    return out


def build_context(model: Model, outline: str, *, project: str | None = None,
                  findings: Iterable[Any] | None = None,
                  score_result: Any | None = None) -> dict[str, Any]:
    """The context of ``outline`` ("hunan", "guangdong" or "project") for ``model``.

    ``project`` names the project of a project report; ``findings`` (校验 findings, objects or
    dicts) are listed in an appendix; ``score_result`` is a ``perfxl.scoring`` result (computed
    when omitted and the scoring engine exists).
    """
    check_outline(outline)
    row = find_project(model, project) if outline == "project" else None
    scores = collect_scores(model, score_result)
    if row is not None:
        findings = project_findings(model, row, findings)
    ctx = _common(model, scores, findings)
    if outline == "hunan":
        ctx.update(_hunan(model, scores))
    elif outline == "guangdong":
        ctx.update(_guangdong(model, scores))
    else:
        assert row is not None
        ctx.update(_project(model, scores, row))
    ctx["outline"] = outline
    ctx["title_lines"] = title_lines(ctx["title"])
    return ctx

