"""Why a total score cell of the workbook shows #VALUE!, in words that name the cells.

得分合计（计算） of the 部门自评表 is ROUND(N(执行率得分) + SUM(得分列), 2) and a project's
总分得分（计算） is ROUND((N(执行率得分) + SUMPRODUCT(EXACT(…)*1, 得分列)) × k, 2): one score
cell giving #VALUE! — a 分值 such as 「10分」 the formula multiplies, an 实际值（数值） such as
「8094人」 it divides — makes the total #VALUE! too, and the 等级 with it (LibreOffice and Excel
alike).  ``perfxl.derived`` decides which cells are errors; this module says which typed cell
causes each, for the check (PX310), the score warnings and the report.
"""
from __future__ import annotations

from typing import NamedTuple

from perfxl import derived
from perfxl.model import Model, Row

__all__ = ["Cause", "dept_causes", "project_causes", "describe"]


class Cause(NamedTuple):
    """A score cell giving #VALUE! (``score``: (sheet, A1)) because ``typed`` (sheet, A1) holds
    ``text``, which no formula reads as a number."""

    score: tuple[str, str]
    typed: tuple[str, str]
    text: str


def _row_cause(model: Model, row: Row) -> Cause:
    weight = derived.row_formula_value(row, "weight")
    if isinstance(weight, str):
        col, text = "weight", weight.strip()
    else:
        col, text = derived.indicator_text_operand(row)  # type: ignore[misc]
    return Cause(model.cell(row.table, row.index, "score"), model.cell(row.table, row.index, col),
                 text)


def dept_causes(model: Model) -> list[Cause]:
    """The causes of a #VALUE! 得分合计（计算） of the 部门自评表, in sheet order ([] when it
    shows a number or "")."""
    out = []
    if derived.execution_score_error(model):
        out.append(Cause(model.field_cell("execution_score"), model.field_cell("execution_weight"),
                         str(derived.formula_value(model, "execution_weight")).strip()))
    out += [_row_cause(model, r) for r in model.rows("dept_indicators")
            if derived.indicator_row_error(r)]
    return out


def project_causes(model: Model, project: Row) -> list[Cause]:
    """The causes of a #VALUE! 总分得分（计算） of project row ``project``: its own 执行率得分,
    then every row of the 项目绩效指标 table giving #VALUE!, whichever project it belongs to."""
    out = []
    if derived.project_execution_score_error(project):
        out.append(Cause(model.cell("projects", project.index, "execution_score"),
                         model.cell("projects", project.index, "execution_weight"),
                         str(derived.row_formula_value(project, "execution_weight")).strip()))
    out += [_row_cause(model, r) for r in model.rows("project_indicators")
            if derived.indicator_row_error(r)]
    return out


def describe(causes: list[Cause], sheet: str) -> str:
    """「P19 算不出结果（K19 填写的“8094人”不是数字）」, causes joined by 「；」; a cell on
    another sheet than ``sheet`` is named with its sheet."""
    def at(where: tuple[str, str]) -> str:
        return where[1] if where[0] == sheet else f"{where[0]}!{where[1]}"

    return "；".join(f"{at(c.score)} 算不出结果（{at(c.typed)} 填写的“{c.text}”不是数字）"
                    for c in causes)
