"""The batch summary workbook: 汇总 (one row per workbook), 全部问题 (every finding, linked to
its file), 图表 (grade distribution, stated vs computed totals, the most frequent rules).

On 图表 the charts and their small tables sit in A1:V44 (the print area: one landscape page, so
the sheet prints or exports to PDF as one picture); the per-file points of the scatter chart are
listed from column X on, with the file name, so a point can be traced to its workbook.

The sheets are built from the same records as the analyst's DataFrames (``workbook_records``,
``finding_records``; ``perfxl.batch.frames``).  Files are named by their file name, and where two
share a name by their path relative to the folder all share (县A/自评表.xlsx, 县B/自评表.xlsx), frameworks by their Chinese
name; two workbooks of one department and year are noted in 备注 (``duplicates``).

Speed (1,000 workbooks, ~13,000 findings: a few seconds): the link of each file is made per sheet,
and styled cells copy the style of one prototype cell instead of building a style per cell.
Memory (``summarize``): flat in the number of workbooks.  The workbook is written in openpyxl's
write-only mode and the reviews are taken one at a time as ``perfxl.batch.iter_reviews`` hands
them out; each finding goes straight to 全部问题, each workbook's 汇总 record (about 1 KB: 汇总 is
written after the last review, as 备注 needs them all) waits on disk (``perfxl.batch.spool``),
图表 keeps counts, and the hyperlinks wait on disk until the save (``perfxl.batch.links``).  Each
workbook's findings share one hyperlink over their rows (``ref="A5:A17"``), not one per finding.
"""
from __future__ import annotations

import math
import os
import warnings
from collections import Counter
from copy import copy
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from perfxl.batch import UNREADABLE, FileReview, _dept_key
from perfxl.batch.figures import FIGURES
from perfxl.batch.spool import RecordSpool
from perfxl.io.writing.atomic import atomic_path
from perfxl.safetext import XML_ILLEGAL, keep_as_text, safe_value

REVIEW_HEADERS = ["文件", "部门名称", "年度", "评价框架", "填报总分", "计算总分", "等级",
                  "错误数", "警告数", "主要问题1", "主要问题2", "主要问题3", "状态", "备注"]
#: The 汇总 columns: the review, then the key figures (amounts in 万元, rates).
SUMMARY_HEADERS = REVIEW_HEADERS + [label for label, _ in FIGURES]
FINDING_HEADERS = ["文件", "规则", "级别", "工作表", "单元格", "说明", "应为", "实际"]
GRADES = ("优", "良", "中", "差")
LEVELS = {"error": "错误", "warning": "警告", "info": "提示"}
#: Where the scatter chart's points are listed on 图表 (file, stated, computed).
POINTS_COL = 24  # column X
PRINT_AREA = "A1:V44"
#: Up to this many workbooks the scatter chart labels each point with its file name.
LABELLED_POINTS = 30


class _Links:
    """Hyperlink target of each file, relative to the summary's folder where possible (made
    when asked, twice per file: a cache of them all would grow with the number of files)."""

    def __init__(self, base: Path) -> None:
        self.base = Path(os.path.abspath(base))

    def __call__(self, path: str) -> str:
        # the path as given, made absolute without following links: a looping or broken
        # link is a row of the summary too (Path.resolve raised on a loop)
        p = Path(os.path.abspath(path))
        try:
            got = p.relative_to(self.base).as_posix()
        except ValueError:
            got = p.as_uri()
        # a control character in a file name cannot stand in the XML: percent-encoded, as
        # a URI writes it (the link still opens the file)
        return XML_ILLEGAL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode(
            "utf-8", "surrogateescape")), got)


def is_summary(path: str | Path) -> bool:
    """True when ``path`` is a summary perfxl batch wrote (sheets 汇总 and 全部问题, no perfxl
    workbook names): a re-run may replace it, and it is no input to review.  Any other file,
    a submitted workbook above all, is not (the output guard then refuses it)."""
    import stat
    import zipfile

    try:
        # asked of every file found in a folder, before the reader's guards: only a regular
        # file (a FIFO or a device would block or never end), and only a small workbook part
        # (a compression bomb is never inflated here)
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("xl/workbook.xml")
            if info.file_size > 256 * 1024:
                return False
            wb = zf.read(info).decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - missing, not a zip, no workbook part: not a summary
        return False
    return ('name="汇总"' in wb and 'name="全部问题"' in wb and "pf_" not in wb)


def display_names(files: Iterable[str]) -> dict[str, str]:
    """File -> its name in the summary: the file name, or, for names two files share, the path
    relative to the deepest folder all files share (``县A/自评表.xlsx`` and ``县B/自评表.xlsx``),
    so they are told apart."""
    files = list(dict.fromkeys(files))
    names = _Names(files)
    return {f: names[f] for f in files}


class _Names:
    """``display_names`` as a lookup that keeps only the names other than the file name (those
    of files sharing a name), so a run of many files holds no name per file; a file not among
    ``files`` is named by its file name."""

    def __init__(self, files: Iterable[str]) -> None:
        files = list(dict.fromkeys(files))
        count = Counter(Path(f).name for f in files)
        clash = [f for f in files if count[Path(f).name] > 1]
        self.other: dict[str, str] = {}
        if not clash:
            return
        absolute = {f: os.path.abspath(f) for f in files}
        try:
            common = os.path.commonpath([os.path.dirname(a) for a in absolute.values()])
        except ValueError:  # different drives (Windows): the full paths
            self.other = {f: absolute[f] for f in clash}
            return
        self.other = {f: Path(os.path.relpath(absolute[f], common)).as_posix() for f in clash}

    def __getitem__(self, file: str) -> str:
        got = self.other.get(file)
        return Path(file).name if got is None else got


def framework_label(fid: str | None, name: str | None = None) -> str | None:
    """A framework as the reviewer reads it: its Chinese name (the id when it is not one
    perfxl knows: the workbook says so in its findings)."""
    if name or not fid:
        return name or fid
    from perfxl.errors import PerfxlError
    from perfxl.frameworks import load

    try:
        return load(fid).name
    except (PerfxlError, OSError, ValueError):
        return fid


def duplicates(reviews: Iterable[FileReview], names: dict[str, str]) -> dict[str, str]:
    """File -> 「与 X 为同一部门、同一年度」 for every workbook sharing 部门名称 (blanks ignored)
    and 年度 with another reviewed workbook."""
    return _duplicate_notes(((r.file, r.department, r.year) for r in reviews), names)


def _duplicate_notes(books: Iterable[tuple[str, str, int | None]],
                     names: dict[str, str]) -> dict[str, str]:
    """``duplicates`` of (file, 部门名称, 年度) triples."""
    groups: dict[tuple[str, int], list[str]] = {}
    for file, department, year in books:
        dept = _dept_key(department)
        if dept and year is not None:
            groups.setdefault((dept, year), []).append(file)
    out = {}
    for files in groups.values():
        if len(files) > 1:
            for f in files:
                others = [names[o] for o in dict.fromkeys(files) if o != f]
                if not others:  # the same file named twice: not two submissions
                    continue
                out[f] = _duplicate_note(others[:3], len(others))
    return out


def _duplicate_note(first: list[str], count: int) -> str:
    """备注 of a workbook ``count`` other files share 部门名称 and 年度 with, ``first`` the names
    of the first three of them."""
    more = f"等 {count} 个文件" if count > 3 else ""
    return f"与{'、'.join(first)}{more}为同一部门、同一年度，请核对是否重复报送"


def _record(r: FileReview, names: dict[str, str]) -> dict:
    """The 汇总 record of one review, 备注 left blank (it needs every review: ``_duplicate_notes``)."""
    top = [r.error, "", ""] if r.error else r.top(3) + [""] * 3
    rec = dict(zip(REVIEW_HEADERS, (
        names[r.file], r.department, r.year, framework_label(r.framework, r.framework_name),
        r.stated_total, r.total, r.grade, r.errors, r.warnings, *top[:3], r.status, "")))
    rec.update({label: r.figures.get(label) for label, _ in FIGURES})
    rec["路径"] = r.file
    return rec


def _add_notes(records: list[dict], names: dict[str, str]) -> None:
    dup = _duplicate_notes(((rec["路径"], rec["部门名称"], rec["年度"]) for rec in records), names)
    for rec in records:
        rec["备注"] = dup.get(rec["路径"], "")


def workbook_records(reviews: Iterable[FileReview]) -> list[dict]:
    """One dict per workbook: the 汇总 columns (``SUMMARY_HEADERS``: the review, then the key
    figures of ``perfxl.batch.figures.FIGURES``, amounts in 万元) and 路径 (the file as given)."""
    reviews = list(reviews)
    names = display_names(r.file for r in reviews)
    out = [_record(r, names) for r in reviews]
    _add_notes(out, names)
    return out


#: The 级别 of a finding accepted with a reason (listed after the others, not counted).
ACCEPTED = "已接受"


def _finding_records(r: FileReview, names: dict[str, str], rules: dict) -> Iterator[dict]:
    for f in [*r.findings, *r.accepted]:
        rule = rules.get(f["rule"])
        why = f.get("reason")
        yield dict(zip(FINDING_HEADERS, (
            names[r.file], f["rule"], ACCEPTED if why else LEVELS.get(f["level"], f["level"]),
            f["sheet"], f["cell"], f"{f['message']}（已接受：{why}）" if why else f["message"],
            _plain(f["expected"]), _plain(f["actual"]))),
            规则名称=rule.title if rule else "", 路径=r.file)


def finding_records(reviews: Iterable[FileReview]) -> list[dict]:
    """One dict per finding: the 全部问题 columns (``FINDING_HEADERS``) plus 规则名称 and 路径."""
    from perfxl.checks import RULES

    reviews = list(reviews)
    names = display_names(r.file for r in reviews)
    return [rec for r in reviews for rec in _finding_records(r, names, RULES)]


def _row_height(values: list, widths: dict[int, float]) -> float | None:
    """The height (points) row ``values`` needs when the texts of the columns of ``widths``
    (1-based -> width) wrap (at most 6 lines), or None for one line: neither Excel nor
    LibreOffice grows the rows of a generated file by itself."""
    import unicodedata

    lines = 1
    for col, width in widths.items():
        text = str(values[col - 1] or "")
        units = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
        lines = max(lines, min(6, math.ceil(units / max(width - 1, 1))))
    return 15 * lines if lines > 1 else None


class _Rows:
    """Rows appended to a write-only sheet: every value a cell of its own (a text stays a text:
    no formula, no DDE), styled by column from prototype styles, and the row's height set just
    for the row being written (the sheet keeps no row behind it).  With ``links`` (a
    ``perfxl.batch.links.LinkedSheets``) the sheet's hyperlinks wait on disk until the save."""

    def __init__(self, ws, widths: list[float], wrap: tuple[int, ...] = (),
                 links: Any = None) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment

        self.ws, self.cell = ws, WriteOnlyCell
        self.links, self.spool = links, None
        for j, w in enumerate(widths, start=1):
            ws.column_dimensions[_col(j)].width = w
        self.widths = {c: widths[c - 1] for c in wrap}
        proto = WriteOnlyCell(ws)
        proto.alignment = Alignment(wrap_text=True, vertical="top")
        self.styles = {c: proto._style for c in wrap}
        self.row = 0

    def style(self, **kw) -> Any:
        """A style (font, fill, number_format...) registered once with the workbook."""
        proto = self.cell(self.ws)
        for k, v in kw.items():
            setattr(proto, k, v)
        return proto._style

    def append(self, values: list, styles: dict[int, Any] | None = None) -> None:
        """Append ``values``; ``styles``: column -> style on top of the wrapped columns' style."""
        if self.links is not None and self.spool is None:  # before the sheet's first row
            self.spool = self.links.sheet(self.ws)
        self.row += 1
        values = [safe_value(v) for v in values]
        cells = []
        for j, v in enumerate(values, start=1):
            c = self.cell(self.ws, v)
            if isinstance(c.value, str):
                c.data_type = "s"
            st = (styles or {}).get(j) or (self.styles.get(j) if self.row > 1 else None)
            if st is not None:
                c._style = copy(st)
            cells.append(c)
        height = _row_height(values, self.widths) if self.row > 1 and self.widths else None
        if height:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(cells)
        self.ws.row_dimensions.pop(self.row, None)

    def link(self, first: int, last: int, target: str) -> None:
        """A hyperlink to ``target`` on column A of rows ``first`` to ``last`` (written rows)."""
        self.spool.add(f"A{first}" if first == last else f"A{first}:A{last}", target)


def _print_setup(ws) -> None:
    """Landscape, fit to the page width (as many pages down as needed), the header row repeated,
    an autofilter on the header."""
    ws.page_setup.orientation = "landscape"
    from openpyxl.worksheet.worksheet import Worksheet  # its constants: a write-only sheet lacks them

    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True


def write_summary(reviews: Iterable[FileReview], out: str | Path, *,
                  files: Iterable[str | Path] | None = None) -> Path:
    """Write the summary workbook to ``out`` (atomically); returns the path.  With ``files``
    (the reviewed files, in the order of ``reviews``) the reviews are consumed as a stream
    (``summarize``)."""
    summarize(reviews, out, files=files).close()
    return Path(out)


def summarize(reviews: Iterable[FileReview], out: str | Path, *,
              files: Iterable[str | Path] | None = None) -> RecordSpool:
    """Write the summary workbook to ``out`` (atomically) and return its 汇总 records
    (``workbook_records``) as a ``RecordSpool``: sized, iterated as often as wanted, on disk
    until it is closed.  The workbook is written in openpyxl's write-only mode and the reviews
    are taken one at a time (``perfxl.batch.iter_reviews``): each finding goes straight to
    全部问题 and each workbook's 汇总 record to the spool, the charts keep counts, so the memory
    does not grow with the number of workbooks.  The names of the files (``display_names``)
    are needed before the first row: without ``files`` every review is read first."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from perfxl.batch.links import LinkedSheets
    from perfxl.checks import RULES

    if files is None:
        reviews = list(reviews)
        files = [r.file for r in reviews]
    names = _Names(str(f) for f in files)
    out = Path(out)
    link = _Links(out.parent)
    wb = Workbook(write_only=True)
    ws, wf, wc = (wb.create_sheet(t) for t in ("汇总", "全部问题", "图表"))
    links = LinkedSheets()

    # 全部问题: written as the reviews come
    found = _Rows(wf, [24, 8, 6, 12, 8, 70, 14, 14], wrap=(6,), links=links)
    link_style = found.style(font=Font(color="0563C1", underline="single"))
    wf.freeze_panes = "A2"
    _print_setup(wf)
    found.append(FINDING_HEADERS)
    records, tally = RecordSpool(_duplicate_note), _Tally()
    rules = tally.rules
    for r in reviews:
        rec = _record(r, names)
        records.add(rec)
        tally.add(rec)
        # one hyperlink over the book's rows (A5:A17), not one per finding (a range link
        # opens the file from each of its cells): Excel's file stays small
        first = found.row + 1
        for rec in _finding_records(r, names, RULES):
            if rec["级别"] != ACCEPTED:  # the chart counts the problems still open
                rules[rec["规则"]] += 1
            found.append([rec[h] for h in FINDING_HEADERS], {1: link_style})
        if found.row >= first:
            found.link(first, found.row, link(r.file))
    wf.auto_filter.ref = f"A1:H{max(found.row, 2)}"

    # 汇总: the printed columns (A–N) fit a landscape A4 at about 65%: the long texts wrap
    books = _Rows(ws, [22, 18, 6, 20, 8, 8, 5, 6, 6, 30, 30, 30, 8, 24] + [14] * len(FIGURES),
                  wrap=(4, 10, 11, 12, 14), links=links)
    bad_style = books.style(fill=PatternFill("solid", fgColor="F8CBAD"))
    first = len(REVIEW_HEADERS) + 1
    figure_styles = {j: books.style(number_format="0.00%" if callable(src) else "#,##0.00")
                     for j, (_, src) in enumerate(FIGURES, start=first)}
    ws.freeze_panes = "B2"
    _print_setup(ws)
    books.append(SUMMARY_HEADERS)
    for rec in records:
        styles = {**figure_styles, 1: link_style}
        if rec["状态"] == UNREADABLE:
            styles[13] = bad_style
        books.append([rec[h] for h in SUMMARY_HEADERS], styles)
        books.link(books.row, books.row, link(rec["路径"]))
    if records:  # an Excel Table: its header row carries the autofilter
        _table(ws, f"A1:{_col(len(SUMMARY_HEADERS))}{len(records) + 1}")
    ws.print_area = f"A1:N{len(records) + 1}"  # the review; the figures columns are for analysis

    _charts(wc, tally, lambda: (_point(rec) for rec in records.records(notes=False)))
    with atomic_path(out) as tmp:
        links.save(wb, tmp)
    return records


def _table(ws, ref: str) -> None:
    """The 汇总 Table (style TableStyleLight9, striped rows); its columns named from the
    headers here, as a write-only sheet cannot read its header row back."""
    from openpyxl.worksheet.table import Table, TableStyleInfo

    t = Table(displayName="T_summary", ref=ref)
    t.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    t._initialise_columns()
    for col, h in zip(t.tableColumns, SUMMARY_HEADERS):
        col.name = h
    with warnings.catch_warnings():  # openpyxl warns in write-only mode whatever the columns
        warnings.filterwarnings("ignore", "In write-only mode you must add table columns")
        ws.add_table(t)


class _Tally:
    """What 图表 needs of the 汇总 records, counted as they come: grades, statuses, findings per
    rule (open ones), and the stated-vs-computed points' number and range."""

    def __init__(self) -> None:
        self.grades: Counter = Counter()
        self.status: Counter = Counter()
        self.rules: Counter = Counter()
        self.points = 0
        self.lo = self.hi = None

    def add(self, rec: dict) -> None:
        if rec["等级"]:
            self.grades[rec["等级"]] += 1
        self.status[rec["状态"]] += 1
        point = _point(rec)
        if point is not None:
            _, s, c = point
            self.points += 1
            # as min() / max() over all the points: the first of equal values is kept
            self.lo = min(s, c) if self.lo is None else min(self.lo, min(s, c))
            self.hi = max(s, c) if self.hi is None else max(self.hi, max(s, c))


def _point(rec: dict) -> tuple[str, float, float] | None:
    """(文件, 填报总分, 计算总分) of a record with both totals, a point of the scatter chart."""
    s, c = rec["填报总分"], rec["计算总分"]
    if isinstance(s, (int, float)) and isinstance(c, (int, float)) and math.isfinite(s) \
            and math.isfinite(c):
        return rec["文件"], s, c
    return None


def _charts(wc, tally: _Tally, points: Callable[[], Iterator[tuple | None]]) -> None:
    """图表 of the 汇总 records' ``tally`` and ``points()`` (each record's ``_point``, in order);
    its small tables are laid out in a grid first, as a write-only sheet is written row by row,
    and the points listed from column X are read back as their rows are written."""
    from openpyxl.chart import BarChart, Reference, ScatterChart, Series
    from openpyxl.chart.data_source import StrRef
    from openpyxl.chart.label import DataLabelList
    from openpyxl.chart.series import SeriesLabel
    from openpyxl.styles import Font

    from perfxl.checks import RULES

    grid: dict[tuple[int, int], Any] = {}
    bold_cells = set()

    def put(row: int, col: int, value: Any, bold: bool = False) -> None:
        grid[row, col] = value
        if bold:
            bold_cells.add((row, col))

    grades = tally.grades
    put(1, 1, "等级", True)
    put(1, 2, "份数", True)
    for k, g in enumerate(GRADES, start=2):
        put(k, 1, g)
        put(k, 2, grades.get(g, 0))
    bar = BarChart()
    bar.title = "等级分布"
    bar.y_axis.title = "份数"
    bar.legend = None
    bar.add_data(Reference(wc, min_col=2, min_row=1, max_row=5), titles_from_data=True)
    bar.set_categories(Reference(wc, min_col=1, min_row=2, max_row=5))
    _axes(bar)
    _count_axis(bar.y_axis, max(grades.values(), default=0))
    bar.height, bar.width = 7.5, 12
    wc.add_chart(bar, "D2")

    top = tally.rules.most_common(10)
    start = 8
    put(start, 1, "规则", True)
    put(start, 2, "次数", True)
    for k, (rule, n) in enumerate(top, start=start + 1):
        # the category label says what the rule checks, not only its code
        put(k, 1, f"{rule} {RULES[rule].title}" if rule in RULES else rule)
        put(k, 2, n)
    if top:
        rb = BarChart()
        rb.type = "bar"
        rb.title = "最常见的问题（前 10 条）"
        rb.legend = None
        rb.add_data(Reference(wc, min_col=2, min_row=start, max_row=start + len(top)),
                    titles_from_data=True)
        rb.set_categories(Reference(wc, min_col=1, min_row=start + 1, max_row=start + len(top)))
        rb.x_axis.scaling.orientation = "maxMin"  # the most frequent on top
        _axes(rb)
        _count_axis(rb.y_axis, top[0][1])
        rb.height, rb.width = 9, 12
        wc.add_chart(rb, "D18")

    status = tally.status
    put(22, 1, "状态", True)
    put(22, 2, "份数", True)
    for k, (s, n) in enumerate(sorted(status.items()), start=23):
        put(k, 1, s)
        put(k, 2, n)

    n = tally.points
    c0 = POINTS_COL
    for j, h in enumerate(("文件", "填报总分", "计算总分"), start=c0):
        put(1, j, h, True)
    if n:
        lo, hi = tally.lo, tally.hi
        # y = x, for reading off the points: two points on the diagonal
        put(1, c0 + 4, "对角线", True)
        put(2, c0 + 4, lo)
        put(3, c0 + 4, hi)
        sc = ScatterChart()
        sc.title = "填报总分与计算总分"
        sc.style = 13
        sc.scatterStyle = "lineMarker"
        sc.x_axis.title = "填报总分"
        sc.y_axis.title = "计算总分"
        if n <= LABELLED_POINTS:
            # one series per file, labelled with its name: each point says which workbook it is
            for k in range(2, n + 2):
                pts = Series(Reference(wc, min_col=c0 + 2, min_row=k),
                             Reference(wc, min_col=c0 + 1, min_row=k),
                             title=None)
                pts.tx = SeriesLabel(strRef=StrRef(f"'{wc.title}'!${_col(c0)}${k}"))
                _marker(pts)
                pts.dLbls = DataLabelList(showSerName=True, showVal=False, showCatName=False,
                                          showLegendKey=False, dLblPos="r")
                sc.series.append(pts)
            sc.legend = None
        else:  # too many names to print: the points, and their list beside the chart
            xs = Reference(wc, min_col=c0 + 1, min_row=2, max_row=n + 1)
            ys = Reference(wc, min_col=c0 + 2, min_row=1, max_row=n + 1)
            pts = Series(ys, xs, title_from_data=True)
            _marker(pts)
            sc.series.append(pts)
        diag = Series(Reference(wc, min_col=c0 + 4, min_row=1, max_row=3),
                      Reference(wc, min_col=c0 + 4, min_row=2, max_row=3), title_from_data=True)
        diag.marker.symbol = "none"
        diag.graphicalProperties.line.solidFill = "A6A6A6"
        diag.graphicalProperties.line.dashStyle = "dash"
        sc.series.append(diag)
        pad = max(1.0, (hi - lo) * 0.05)
        for ax in (sc.x_axis, sc.y_axis):
            ax.scaling.min = float(int(lo - pad))
            ax.scaling.max = float(int(hi + pad) + 1)
        _axes(sc)
        sc.height, sc.width = 12, 13
        wc.add_chart(sc, "M2")
    sheet = _Rows(wc, [])
    wc.column_dimensions["A"].width = 10
    wc.column_dimensions[_col(c0)].width = 30
    wc.print_area = PRINT_AREA
    wc.page_setup.orientation = "landscape"
    wc.page_setup.fitToWidth = 1
    wc.page_setup.fitToHeight = 1
    wc.sheet_properties.pageSetUpPr.fitToPage = True
    bold = sheet.style(font=Font(bold=True))
    rows: dict[int, dict[int, Any]] = {}
    for (r, c), v in sorted(grid.items()):
        rows.setdefault(r, {})[c] = v
    listed = (p for p in points() if p is not None)
    for row in range(1, max(max(rows, default=0), n + 1 if n else 0) + 1):
        cells = rows.pop(row, {})
        if 2 <= row <= n + 1:  # the next point, beside the small tables of this row
            cells.update(zip(range(c0, c0 + 3), next(listed)))
        sheet.append([cells.get(c) for c in range(1, max(cells, default=0) + 1)],
                     {c: bold for c in cells if (row, c) in bold_cells})


def _marker(series) -> None:
    series.marker.symbol = "circle"
    series.marker.size = 7
    series.marker.graphicalProperties.solidFill = "2F5597"
    series.marker.graphicalProperties.line.solidFill = "2F5597"
    series.graphicalProperties.line.noFill = True


def _col(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


def _count_axis(axis, largest: int) -> None:
    """A count axis in whole numbers: integer labels, a step of at least 1 (Excel chose 0.2 for
    counts up to 1)."""
    from openpyxl.chart.data_source import NumFmt

    axis.numFmt = NumFmt(formatCode="0", sourceLinked=False)
    axis.majorUnit = max(1, math.ceil(largest / 8))
    axis.scaling.min = 0


def _axes(chart) -> None:
    """Axes drawn (openpyxl 3.1 leaves them to the application, and newer Excel hides them)."""
    for ax in (chart.x_axis, chart.y_axis):
        ax.delete = False


def _plain(v):
    return v if isinstance(v, (int, float, str)) or v is None else str(v)

