"""The batch summary workbook: 汇总 (one row per workbook), 全部问题 (every finding, linked to
its file), 图表 (grade distribution, stated vs computed totals, the most frequent rules)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable

from perfxl.batch import FileReview
from perfxl.io.atomic import atomic_path

SUMMARY_HEADERS = ["文件", "部门名称", "年度", "评价框架", "填报总分", "计算总分", "等级",
                   "错误数", "警告数", "主要问题1", "主要问题2", "主要问题3", "状态"]
FINDING_HEADERS = ["文件", "规则", "级别", "工作表", "单元格", "说明", "应为", "实际"]
GRADES = ("优", "良", "中", "差")
LEVELS = {"error": "错误", "warning": "警告", "info": "提示"}


def _link(path: str, base: Path) -> str:
    p = Path(path).resolve()
    try:
        return p.relative_to(base.resolve()).as_posix()
    except ValueError:
        return p.as_uri()


def write_summary(reviews: Iterable[FileReview], out: str | Path) -> Path:
    """Write the summary workbook to ``out`` (atomically); returns the path."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference, ScatterChart, Series
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.table import Table, TableStyleInfo

    reviews = list(reviews)
    out = Path(out)
    base = out.parent
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(SUMMARY_HEADERS)
    link_font = Font(color="0563C1", underline="single")
    for i, r in enumerate(reviews, start=2):
        top = r.top(3) + [""] * 3
        if r.error:
            top = [r.error, "", ""]
        ws.append([Path(r.file).name, r.department, r.year, r.framework, r.stated_total, r.total,
                   r.grade, r.errors, r.warnings, *top[:3], r.status])
        c = ws.cell(i, 1)
        c.hyperlink = _link(r.file, base)
        c.font = link_font
        if r.status == "无法读取":
            ws.cell(i, 13).fill = PatternFill("solid", fgColor="F8CBAD")
    widths = [30, 24, 8, 18, 10, 10, 6, 8, 8, 50, 50, 50, 10]
    for j, w in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(1, j).column_letter].width = w
    ws.freeze_panes = "B2"
    if reviews:
        t = Table(displayName="T_summary", ref=f"A1:M{len(reviews) + 1}")
        t.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        ws.add_table(t)

    wf = wb.create_sheet("全部问题")
    wf.append(FINDING_HEADERS)
    row = 2
    for r in reviews:
        for f in r.findings:
            wf.append([Path(r.file).name, f["rule"], LEVELS.get(f["level"], f["level"]),
                       f["sheet"], f["cell"], f["message"], _plain(f["expected"]),
                       _plain(f["actual"])])
            c = wf.cell(row, 1)
            c.hyperlink = _link(r.file, base)
            c.font = link_font
            row += 1
    for j, w in enumerate([30, 8, 6, 12, 8, 90, 14, 14], start=1):
        wf.column_dimensions[wf.cell(1, j).column_letter].width = w
    wf.freeze_panes = "A2"

    wc = wb.create_sheet("图表")
    grades = Counter(r.grade for r in reviews if r.grade)
    wc.append(["等级", "份数"])
    for g in GRADES:
        wc.append([g, grades.get(g, 0)])
    bar = BarChart()
    bar.title = "等级分布"
    bar.y_axis.title = "份数"
    bar.add_data(Reference(wc, min_col=2, min_row=1, max_row=5), titles_from_data=True)
    bar.set_categories(Reference(wc, min_col=1, min_row=2, max_row=5))
    bar.height, bar.width = 7, 12
    wc.add_chart(bar, "E2")

    rules = Counter(f["rule"] for r in reviews for f in r.findings).most_common(10)
    start = 8
    wc.cell(start, 1, "规则")
    wc.cell(start, 2, "次数")
    for k, (rule, n) in enumerate(rules, start=start + 1):
        wc.cell(k, 1, rule)
        wc.cell(k, 2, n)
    if rules:
        rb = BarChart()
        rb.type = "bar"
        rb.title = "最常见的问题（规则）"
        rb.add_data(Reference(wc, min_col=2, min_row=start, max_row=start + len(rules)),
                    titles_from_data=True)
        rb.set_categories(Reference(wc, min_col=1, min_row=start + 1, max_row=start + len(rules)))
        rb.height, rb.width = 9, 12
        wc.add_chart(rb, "E18")

    pairs = [(r.stated_total, r.total) for r in reviews
             if isinstance(r.stated_total, (int, float)) and isinstance(r.total, (int, float))]
    col0 = 4
    wc.cell(1, col0, "")
    base_row = 30
    wc.cell(base_row, 1, "填报总分")
    wc.cell(base_row, 2, "计算总分")
    for k, (s, c) in enumerate(pairs, start=base_row + 1):
        wc.cell(k, 1, s)
        wc.cell(k, 2, c)
    if pairs:
        sc = ScatterChart()
        sc.title = "填报总分与计算总分"
        sc.style = 13
        sc.x_axis.title = "填报总分"
        sc.y_axis.title = "计算总分"
        xs = Reference(wc, min_col=1, min_row=base_row + 1, max_row=base_row + len(pairs))
        ys = Reference(wc, min_col=2, min_row=base_row, max_row=base_row + len(pairs))
        s = Series(ys, xs, title_from_data=True)
        s.marker.symbol = "circle"
        s.graphicalProperties.line.noFill = True
        sc.series.append(s)
        sc.height, sc.width = 9, 12
        wc.add_chart(sc, "N2")
    with atomic_path(out) as tmp:
        wb.save(tmp)
    return out


def _plain(v):
    return v if isinstance(v, (int, float, str)) or v is None else str(v)
