"""The report against LibreOffice (issue 24, one truth): every figure a generated report prints
that the workbook also shows, read back from the report and compared with the workbook cell as
LibreOffice recalculates it, in the report's own format.

``report_outcome(path, model, lo)`` writes the report(s) of one workbook (its default outline,
and the project outline for each project) beside ``path``, reads their text back, and returns
(figures compared, disagreements, the report's own proofreading findings).

What is compared (each only where the report prints it):

* sentences: 预算执行率, 执行率得分, 在职人员控制率, “三公”经费 较上年 change and rate, “三公”经费控制率,
  支出合计 较上年 change (the workbook's 支出!B20), 预算调整率, 公用经费控制率, 政府采购执行率,
  结转结余 / 存量资金 变动率, 固定资产利用率, 自评得分 and 评价等级;
* tables: each indicator's 得分 (部门自评表!P / 项目自评表!Q), its 年度指标值 / 实际完成值 as typed
  (the cell's General format), the 执行率 row, each project's 执行率 and 总分;
* a framework that gives no weights (common_53) prints no score, total or grade.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from perfxl import layout as L
from perfxl.model import Model

LAYOUT = L.LAYOUT


def _lo_num(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def typed_text(v: Any) -> str:
    """A typed number as a General-format cell shows it (0.095 -> "0.095", 8000.0 -> "8000")."""
    if isinstance(v, bool) or v is None:
        return ""
    if isinstance(v, (int, float)):
        d = Decimal(repr(float(v)))
        s = format(d, "f")
        return s.rstrip("0").rstrip(".") if "." in s else s
    return str(v).strip()


class _Compare:
    def __init__(self) -> None:
        self.figures = 0
        self.bad: list[tuple[str, Any, Any]] = []

    def eq(self, what: str, mine: Any, theirs: Any) -> None:
        self.figures += 1
        if mine != theirs:
            self.bad.append((what, mine, theirs))


def _find(pattern: str, lines: list[str]) -> list[str]:
    rx = re.compile(pattern)
    return [m.group(1) for ln in lines for m in rx.finditer(ln)]


def _sentences(c: _Compare, lines: list[str], model: Model, lo: dict, tag: str) -> None:
    from perfxl.report.fmt import fmt_amount, fmt_rate, fmt_score

    def cell(key: str) -> Any:
        return lo.get(LAYOUT.field_cell(key))

    def rate(v: Any) -> str | None:
        n = _lo_num(v)
        return None if n is None else fmt_rate(n)

    rates = (("预算调整率", "budget_adjustment_rate"), ("公用经费控制率", "public_funds_control_rate"),
             ("政府采购执行率", "procurement_rate"), ("结转结余变动率", "carryover_change_rate"),
             ("存量资金变动率", "stock_funds_change_rate"), ("固定资产利用率", "fixed_asset_utilization"),
             ("在职人员控制率", "staff_control_rate"),
             ("“三公”经费控制率", "three_public_control_rate"))
    for word, key in rates:
        for got in _find(re.escape(word) + r"(-?[\d,.]+%)", lines):
            c.eq(f"{tag}{word}", got, rate(cell(key)))
    if tag == "":
        for got in _find(r"(?<!项目)预算执行率(-?[\d,.]+%)", lines):
            c.eq("预算执行率", got, rate(cell("execution_rate")))
        for got in _find(r"，执行率得分([-\d.]+)分", lines):
            n = _lo_num(cell("execution_score"))
            c.eq("执行率得分", got, None if n is None else fmt_score(n))
    unit = model.unit
    # “三公”经费 较上年: the workbook's 经费控制!B17 / B18
    for ln in lines:
        m = re.search(r"“三公”经费支出[^；。]*；(较上年决算(增加|减少)([\d,.]+)" + re.escape(unit)
                      + r"(?:，(?:增长|下降)([\d,.]+%))?|与上年决算持平)", ln)
        if not m:
            continue
        ch, rt = _lo_num(cell("tp_change")), _lo_num(cell("three_public_change_rate"))
        if m.group(1) == "与上年决算持平":
            c.eq("“三公”经费较上年", "持平", "持平" if ch is not None and
                 fmt_amount(abs(ch)) == "0.00" else ch)
            continue
        sign = -1 if m.group(2) == "减少" else 1
        c.eq("“三公”经费较上年增减额", fmt_amount(sign * float(m.group(3).replace(",", ""))),
             None if ch is None else fmt_amount(ch))
        if m.group(4):
            c.eq("“三公”经费变动率", m.group(4), None if rt is None else fmt_rate(abs(rt)))
    # 支出合计 较上年: one change for one quantity (支出!B20 when the 功能分类 table is filled)
    ch = _lo_num(cell("function_change"))
    if ch is not None:
        for ln in lines:
            m = re.search(r"年度支出合计[\d,.]+" + re.escape(unit) + r"，(较上年决算(增加|减少)"
                          r"([\d,.]+)|与上年决算持平)", ln)
            if not m:
                continue
            if m.group(1) == "与上年决算持平":
                c.eq("支出较上年", "0.00", None if ch is None else fmt_amount(abs(ch)))
                continue
            sign = -1 if m.group(2) == "减少" else 1
            c.eq("支出较上年增减额", fmt_amount(sign * float(m.group(3).replace(",", ""))),
                 None if ch is None else fmt_amount(ch))


def _indicators(c: _Compare, tag: str, rows: list, printed: list[dict], lo: dict,
                table: str) -> None:
    from perfxl.report.fmt import fmt_score
    for row, shown in zip(rows, printed):
        where = f"{tag}{LAYOUT.table_cell(table, row.index, 'score')}"
        if shown["score"] != "不适用":
            v = _lo_num(lo.get(LAYOUT.table_cell(table, row.index, "score")))
            c.eq(f"{where}得分", shown["score"], "" if v is None else fmt_score(v, fixed=True))
        for col in ("target", "actual"):
            typed = row.get(f"{col}_text")
            want = typed_text(typed) if typed not in (None, "") else typed_text(row.get(col))
            if want:
                c.eq(f"{where}{col}", shown[col], want)


def _dept(c: _Compare, ctx: dict, model: Model, lo: dict, lines: list[str],
          framework_kind: str | None) -> None:
    from perfxl.report.fmt import fmt_score
    body = "\n".join(lines)
    if framework_kind == "reference":
        c.eq("不计分框架无得分", bool(re.search(r"自评得分[\d.]+分|评价等级为“[优良中差]”", body)),
             False)
        return
    if framework_kind == "department" and "dept_table" in ctx:
        table = ctx["dept_table"]
        _indicators(c, "", model.rows("dept_indicators"), table["indicators"], lo,
                    "dept_indicators")
        total = _lo_num(lo.get(LAYOUT.field_cell("dept_score_sum")))
        c.eq("得分合计", table["score_total"], "" if total is None else fmt_score(total, fixed=True))
        grade = lo.get(LAYOUT.field_cell("dept_grade")) or "（未填写）"
        for got in _find(r"评价等级为“([^”]*)”", lines):
            c.eq("评价等级", got, grade)
        for got in _find(r"自评得分([-\d.]+|（未填写）)分", lines):
            c.eq("自评得分", got, "（未填写）" if total is None else fmt_score(total))
    if "加减分0分" in body and not any(model.rows("bonus")):
        c.eq("加减分", "加减分0分", "无加减分项")


def _project(c: _Compare, ctx: dict, model: Model, lo: dict, lines: list[str], row) -> None:
    from perfxl.report.fmt import fmt_rate, fmt_score
    tag = f"项目{row.project}"
    p = ctx["project"]
    table = p["table"]
    _indicators(c, tag, [r for r in model.project_rows("project_indicators", row.project)],
                table["indicators"], lo, "project_indicators")
    total = _lo_num(lo.get(LAYOUT.table_cell("projects", row.index, "score_total")))
    c.eq(f"{tag}总分", table["score_total"], "" if total is None else fmt_score(total, fixed=True))
    for got in _find(r"自评得分([-\d.]+|（未填写）)分", [p["conclusion"]]):
        c.eq(f"{tag}自评得分", got, "（未填写）" if total is None else fmt_score(total))
    rate = _lo_num(lo.get(LAYOUT.table_cell("projects", row.index, "execution_rate")))
    for got in _find(r"预算执行率(-?[\d,.]+%)", p["overview"]):
        c.eq(f"{tag}执行率", got, None if rate is None else fmt_rate(rate))
    score = _lo_num(lo.get(LAYOUT.table_cell("projects", row.index, "execution_score")))
    for got in _find(r"其中预算执行率得分([-\d.]+|（未填写）)分", [p["conclusion"]]):
        c.eq(f"{tag}执行率得分", got, "（未填写）" if score is None else fmt_score(score))
    _sentences(c, lines, model, lo, tag)


def _kind(model: Model) -> str | None:
    from perfxl import frameworks
    try:
        return frameworks.load(str(model.get("framework")).strip()).kind
    except Exception:  # noqa: BLE001 — no or unknown framework: no kind
        return None


def report_outcome(path: Path, model: Model, lo: dict) -> tuple[int, list, list]:
    """(figures compared, [(what, report, LibreOffice)], proofreading findings) for the reports
    of the workbook at ``path`` read as ``model`` (see the module docstring)."""
    from perfxl.draft import check_draft
    from perfxl.report.context import build_context
    from perfxl.report.outlines import default_outline
    from perfxl.report.render import document_lines, render_report
    from docx import Document

    c = _Compare()
    found: list = []
    kind = _kind(model)
    jobs: list[tuple[str, Any]] = []
    if kind != "project":
        jobs.append((default_outline(model), None))
    jobs += [("project", r) for r in model.rows("projects") if r.project]
    for n, (outline, row) in enumerate(jobs):
        out = path.with_name(f"{path.stem}-r{n}.docx")
        project = row.project if row is not None else None
        render_report(model, out, outline=outline, project=project)
        lines = [t for _lvl, t in document_lines(Document(str(out)))]
        ctx = build_context(model, outline, project=project)
        if row is None:
            _sentences(c, lines, model, lo, "")
            _dept(c, ctx, model, lo, lines, kind)
        else:
            _project(c, ctx, model, lo, lines, row)
        found += [(out.name, f.rule, f.level, getattr(f, "place", ""), f.message)
                  for f in check_draft(out, workbook=model)]
    return c.figures, c.bad, found
