"""A ``ScoreResult`` as what perfxl shows and writes: the 评分 output sheet, the output cells
(指标体系 得分（计算）), and the plain-text table of ``perfxl score``.  No openpyxl here."""
from __future__ import annotations

import unicodedata
from typing import Any

from perfxl.outputs import OutputSheet, scores_sheet
from perfxl.scoring.indicators import fmt
from perfxl.numbers import excel_round
from perfxl.scoring.result import ProjectResult, ScoreItem, ScoreResult

__all__ = ["score_rows", "scores_output", "output_cells", "render_text"]


def _diff(it: ScoreItem) -> float | None:
    if it.score is None or it.stated_score is None:
        return None
    return excel_round(it.stated_score - it.score, 2)


def score_rows(items: tuple[ScoreItem, ...], prefix: str = "") -> list[list[Any]]:
    """Rows (指标, 分值, 计算得分, 填报得分, 差异, 评分规则) of the 评分 sheet."""
    return [[prefix + it.indicator, it.weight, it.score, it.stated_score, _diff(it), it.rule]
            for it in items]


def scores_output(result: ScoreResult) -> tuple[OutputSheet, dict[tuple[str, str], Any]]:
    """The 评分 sheet (department items, then each project, then totals and grades) and the
    output cells to write (computed scores of 指标体系 rows)."""
    own = _own(result)
    rows = score_rows(own)
    for p in result.projects:
        rows += score_rows(p.items, f"［{p.project}］")
    totals: list[list[Any]] = []
    if result.total is not None or result.stated_total is not None:
        totals.append(["总分", result.weight_total, result.total, result.stated_total,
                       None if result.total is None or result.stated_total is None
                       else excel_round(result.stated_total - result.total, 2),
                       f"等级：{result.grade or '—'}"])
    for p in result.projects:
        totals.append([f"［{p.project}］总分", p.weight_total, p.total, p.stated_total, None,
                       f"等级：{p.grade or '—'}"])
    for w in result.warnings:
        totals.append(["提示", None, None, None, None, w])
    sheet = scores_sheet(rows, totals, f"评分结果（{result.framework_name}）")
    for i, it in enumerate(list(own) + [i for p in result.projects for i in p.items]):
        if it.sheet and it.cell:
            sheet.links[(i, 0)] = (it.sheet, it.cell)
    return sheet, output_cells(result)


def _own(result: ScoreResult) -> tuple[ScoreItem, ...]:
    """The department's items (a project framework's result repeats its project's items)."""
    return tuple(i for i in result.items if i.project is None)


def output_cells(result: ScoreResult) -> dict[tuple[str, str], Any]:
    """(sheet, A1) -> computed score, for items whose score cell is an output cell."""
    return {(it.sheet, it.cell): it.score for it in result.items
            if it.writable and it.sheet and it.cell}


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _cut(s: str, n: int) -> str:
    out, w = "", 0
    for ch in s:
        cw = _width(ch)
        if w + cw > n - 1:
            return out + "…"
        out, w = out + ch, w + cw
    return out


def _pad(s: str, n: int) -> str:
    s = _cut(s, n) if _width(s) > n else s
    return s + " " * (n - _width(s))


def _differs(it: ScoreItem) -> bool:
    """The computed score is not the stated one (marked * in the table)."""
    return not (it.score is None or it.stated_score is None
                or abs(it.score - it.stated_score) < 0.005)


#: the legend under the tables when a row is marked
MARK_LEGEND = "* 计算得分与填报得分不同：请核对该行的填报得分或所依据的数据"


def _table(items: tuple[ScoreItem, ...]) -> list[str]:
    lines = [f"{_pad('指标', 34)} {_pad('分值', 6)} {_pad('得分', 7)} {_pad('填报', 7)} 规则"]
    for it in items:
        mark = " *" if _differs(it) else ""
        lines.append(f"{_pad(it.indicator, 34)} {_pad(fmt(it.weight), 6)} "
                     f"{_pad(fmt(it.score) + mark, 7)} {_pad(fmt(it.stated_score), 7)} {it.rule}")
    return lines


def _project_text(p: ProjectResult) -> list[str]:
    from perfxl.frameworks import load

    lines = [f"项目「{p.project}」（{load(p.framework).name}）"]
    lines += ["  " + ln for ln in _table(p.items)]
    lines.append(f"  总分：计算 {fmt(p.total)}（分值 {fmt(p.weight_total)}），填报 "
                 f"{fmt(p.stated_total)}；等级 {p.grade or '—'}")
    return lines


def render_text(result: ScoreResult) -> str:
    """The human output of ``perfxl score``: items, totals, grade, warnings; * marks a computed
    score that differs from the stated one."""
    lines = []
    if result.file:
        lines.append(f"文件：{result.file}")
    lines.append(f"评价框架：{result.framework_name}（编号 {result.framework}）")
    own = _own(result)
    if own:
        lines += _table(own)
    # no total where nothing is scored; 「—」 where a score cell makes the workbook's total
    # #VALUE! (the warnings say which)
    if own and (result.total is not None or any(i.score is not None for i in own)):
        bonus = "" if result.bonus_total is None else f"，其中加减分 {fmt(result.bonus_total)}"
        lines.append(f"总分：计算 {fmt(result.total)}（分值合计 {fmt(result.weight_total)}{bonus}），"
                     f"填报 {fmt(result.stated_total)}，各项填报得分之和 {fmt(result.stated_sum)}；"
                     f"等级 {result.grade or '—'}")
    for p in result.projects:
        lines += [""] + _project_text(p)
    if any(_differs(it) for it in (*own, *(i for p in result.projects for i in p.items))):
        lines += ["", MARK_LEGEND]
    if result.warnings:
        lines += ["", "提示："] + [f"  - {w}" for w in result.warnings]
    return "\n".join(lines)
