"""What perfxl writes into a workbook, as plain tables (no openpyxl, no xlwings).

The same ``OutputSheet`` is written by the file writer (``perfxl.io.writing.xlsx_writer``) and by the
Excel add-in (``perfxl.addin``), so 校验结果, 评分 and 报告 look the same from the CLI and from
the ribbon.  Output sheets are perfxl's own: each run replaces them whole, which keeps re-runs
idempotent; input sheets are never written, except the output column 得分（计算） of 指标体系.

``FINDINGS_APPENDIX``: the heading under which a generated 自评报告 lists the findings (校验 and
proofreading, templates/build_templates.py); the draft reader stops there, since those lines
are perfxl's notes to be deleted, not the report.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from perfxl.layout import FINDINGS_SHEET, REPORT_SHEET, SCORES_SHEET

FINDINGS_APPENDIX = "附：数据校验提示（请核对后删除本部分）"
LEVEL_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
LEVEL_FILLS = {"error": "F8CBAD", "warning": "FFE699", "info": "DDEBF7"}


@dataclass
class OutputSheet:
    """One output sheet: a title row, a header row, data rows.

    ``links``: (data row index, column index) -> (sheet, A1) the cell should jump to.
    ``widths``: column widths in Excel character units.
    """

    name: str
    title: str
    headers: list[str]
    rows: list[list[Any]]
    widths: list[float] = field(default_factory=list)
    links: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    number_formats: dict[int, str] = field(default_factory=dict)

    @property
    def first_data_row(self) -> int:
        return 3


def findings_sheet(findings: Iterable[Any],
                   accepted: Iterable[tuple[Any, str]] = ()) -> OutputSheet:
    """校验结果: one row per finding (level, code, message, sheet, cell with a link, expected,
    actual), then one per finding accepted with a reason (级别 已接受, the reason after the
    message; ``perfxl.checks.acceptance``).  ``findings`` are ``perfxl.checks.Finding``
    records (or anything with the same attributes); ``accepted`` (finding, reason) pairs."""
    rows: list[list[Any]] = []
    links: dict[tuple[int, int], tuple[str, str]] = {}
    items = [(f, None) for f in findings] + list(accepted)
    for i, (f, why) in enumerate(items):
        rows.append(["已接受" if why else LEVEL_NAMES.get(f.level, f.level), f.rule,
                     f.sheet or "", f.cell or "",
                     f"{f.message}（已接受：{why}）" if why else f.message,
                     _num(f.expected), _num(f.actual)])
        if f.sheet and f.cell:
            links[(i, 3)] = (f.sheet, f.cell)
    n_acc = sum(1 for _f, why in items if why)
    title = f"校验结果（共 {len(rows) - n_acc} 条" + (f"；另有已接受 {n_acc} 条）" if n_acc else "）")
    return OutputSheet(FINDINGS_SHEET.name, title,
                       ["级别", "规则", "工作表", "单元格", "说明", "应为", "实际"], rows,
                       [8, 8, 12, 9, 80, 14, 14], links)


def _num(v: Any) -> Any:
    return v if isinstance(v, (int, float)) or v is None else str(v)


def report_sheet(lines: Iterable[tuple[int, str]]) -> OutputSheet:
    """报告: the report text, one paragraph per row (level 0 = title, 1/2/... headings, 9 body)."""
    rows = [[level, text] for level, text in lines]
    # 96 wide: the text prints portrait, as the report does (perfxl.template.printing)
    return OutputSheet(REPORT_SHEET.name, "自评报告正文（由 perfxl 生成）", ["层级", "内容"], rows,
                       [6, 96])


def scores_sheet(rows: list[list[Any]], total_rows: list[list[Any]], title: str) -> OutputSheet:
    """评分: per item (指标, 分值, 计算得分, 填报得分, 差异, 规则) then the totals and grade."""
    return OutputSheet(SCORES_SHEET.name, title,
                       ["指标", "分值", "计算得分", "填报得分", "差异", "评分规则"],
                       rows + total_rows, [40, 8, 10, 10, 8, 60],
                       number_formats={1: "0.00", 2: "0.00", 3: "0.00", 4: "0.00"})
