"""Optional worksheet functions for Excel with xlwings: PERFXL_EXECUTION_SCORE,
PERFXL_INDICATOR_SCORE and PERFXL_GRADE.

They wrap the pure functions of ``perfxl.udfs`` (which agree with the template's own formulas)
so a user can check one figure in a spare cell.  The standard workbook never depends on them:
its formulas are native, because WPS and LibreOffice users have no add-in.

Use: in xlwings' configuration, ``UDF Modules`` = ``perfxl.udfs_xl``, then "Import Functions"
(xlwings' own add-in or ``xw.import_udfs``).  Excel writes a VBA wrapper per function, so the
function and argument names are ASCII; the Chinese descriptions reach Excel's function wizard
through ``Application.MacroOptions`` (at most 255 characters each, hence the short docstrings).
An invalid argument gives the text "#VALUE!" or "#NUM!", as ``perfxl.udfs`` documents.

Off Windows, ``xw.func`` and ``xw.arg`` are no-op decorators, so this module imports anywhere.
The arguments carry no type hints on purpose: xlwings would take a hint as a converter.
"""
from __future__ import annotations

import xlwings as xw

from perfxl import udfs

__all__ = ["PERFXL_EXECUTION_SCORE", "PERFXL_INDICATOR_SCORE", "PERFXL_GRADE"]

CATEGORY = "perfxl 绩效自评"


@xw.func(category=CATEGORY)
@xw.arg("executed", doc="全年执行数")
@xw.arg("budget", doc="全年预算数（与执行数同一单位）")
@xw.arg("weight", doc="执行率分值，一般为 10")
def PERFXL_EXECUTION_SCORE(executed, budget, weight):
    """预算执行率得分 = ROUND(分值 × MIN(全年执行数 ÷ 全年预算数, 1), 2)；预算数或分值为空时返回空。"""
    return udfs.execution_rate_score(executed, budget, weight)


@xw.func(category=CATEGORY)
@xw.arg("nature", doc="指标性质：定量 / 定性")
@xw.arg("direction", doc="方向：≥ ≤ = 区间")
@xw.arg("target", doc="指标值（数值）")
@xw.arg("actual", doc="实际值（数值）")
@xw.arg("weight", doc="分值")
@xw.arg("achievement", doc="达成程度：达成 / 部分达成 / 未达成（定性指标）")
@xw.arg("stated", doc="得分（填报）")
@xw.arg("upper", doc="区间上限（方向为区间时）")
@xw.arg("framework", doc="评价框架 ID（可省略）")
def PERFXL_INDICATOR_SCORE(nature, direction, target, actual, weight, achievement=None,
                           stated=None, upper=None, framework=None):
    """一个绩效指标的得分，与模板“得分（计算）”列的公式一致；无分值时返回空。"""
    return udfs.indicator_score(nature, direction, target, actual, weight, achievement, stated,
                                upper, framework)


@xw.func(category=CATEGORY)
@xw.arg("total", doc="总分（分）")
def PERFXL_GRADE(total):
    """等级：优（≥90）、良（≥80）、中（≥60）、差；空单元格返回空。"""
    return udfs.grade(total)
