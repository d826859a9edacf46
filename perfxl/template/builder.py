"""Builds the standard workbook from the layout description (``perfxl.layout``).

``build_workbook(framework=...)`` returns an openpyxl Workbook; ``write_template(path)`` saves it
atomically.  Everything a user needs without Python is in it: Excel Tables and defined names,
data validation, native formulas (a small set Excel, WPS and LibreOffice all compute), styles
per role, protected formula cells (no password), frozen title rows, A4 print set-up as the
paper forms print (``perfxl.template.printing``).
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table as XLTable, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from perfxl import TEMPLATE_VERSION
from perfxl import layout as L
from perfxl.template import printing as P
from perfxl.template import styles as S

# Amount fields that may legitimately be negative (adjustments and changes).
SIGNED = {"budget_adjustment", "target", "actual", "target_upper", "basis_value", "value",
          "points_each", "score_stated", "score"}

INSTRUCTIONS = {
    L.INPUT: "浅黄色：填写",
    L.STATED: "浅橙色：照抄报表或报告中填报的数字（用于核对）",
    L.FORMULA: "灰色：公式自动计算，请勿改写",
}


def framework_ids() -> tuple[str, ...]:
    """Ids of the framework files shipped with perfxl (for the 评价框架 list)."""
    from importlib import resources
    folder = resources.files("perfxl.frameworks")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


#: Hidden sheet holding the dropdown lists too long for an inline list (Excel reads at most 255
#: characters between the quotes of a list validation): the 评价框架 entries 「id 名称」.
LISTS_SHEET = "下拉列表"
_INLINE_LIMIT = 255


def framework_choices() -> tuple[str, ...]:
    """The 评价框架 dropdown: 「id 名称」 per shipped framework (the reader takes the id before
    the space, ``perfxl.frameworks.resolve_id``; the indicator formula finds the id in the text
    for the 湖北 bands), so the accountant picks by the Chinese name."""
    from perfxl.frameworks import load

    return tuple(f"{i} {load(i).name}" for i in framework_ids())


def _list_range(wb: Workbook, choices: tuple[str, ...]) -> str:
    """The reference of ``choices`` written in a column of the hidden ``LISTS_SHEET``."""
    if LISTS_SHEET in wb.sheetnames:
        ws = wb[LISTS_SHEET]
    else:
        ws = wb.create_sheet(LISTS_SHEET)
        ws.sheet_state = "hidden"
        ws.protection.sheet = True
        ws.page_setup.paperSize = ws.PAPERSIZE_A4  # unhidden and printed: as every sheet
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.column_dimensions["A"].width = 60
    col = ws.max_column + 1 if ws["A1"].value is not None else 1
    for i, text in enumerate(choices, start=1):
        ws.cell(i, col, text)
    letter = L.get_column_letter(col)
    return f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(choices)}"


class _Validations:
    """Collects data validations per sheet so that equal rules share one object."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.rules: dict[tuple, DataValidation] = {}

    def add(self, kind: str, choices, key: str, cell: str) -> None:
        rule = self._rule(kind, choices, key)
        if rule is None:
            return
        rule.add(cell)

    def _rule(self, kind: str, choices, key: str) -> DataValidation | None:
        sig: tuple
        if choices:
            sig = ("list", tuple(choices))
        elif kind in (L.AMOUNT, L.SCORE, L.COUNT, L.RATE):
            sig = (kind, key in SIGNED)
        elif kind == L.YEAR:
            sig = ("year",)
        else:
            return None
        if sig in self.rules:
            return self.rules[sig]
        if sig[0] == "list":
            inline = '"' + ",".join(sig[1]) + '"'
            if len(inline) - 2 > _INLINE_LIMIT:
                inline = _list_range(self.ws.parent, sig[1])
            dv = DataValidation(type="list", formula1=inline,
                                allow_blank=True, showErrorMessage=True,
                                errorTitle="请从列表中选择", error="请从下拉列表中选择一项。")
        elif sig[0] == "year":
            dv = DataValidation(type="whole", operator="between", formula1="2000", formula2="2100",
                                allow_blank=True, showErrorMessage=True, errorTitle="年度",
                                error="年度应为 2000–2100 之间的整数。")
        else:
            whole = kind == L.COUNT
            if sig[1]:
                dv = DataValidation(type="decimal", operator="between", formula1="-1E+15",
                                    formula2="1E+15", allow_blank=True, showErrorMessage=True,
                                    errorTitle="请填写数字", error="此处应填写数字。")
            else:
                dv = DataValidation(type="whole" if whole else "decimal",
                                    operator="greaterThanOrEqual", formula1="0",
                                    allow_blank=True, showErrorMessage=True,
                                    errorTitle="请填写数字",
                                    error="此处应填写不小于 0 的数字。")
        self.ws.add_data_validation(dv)
        self.rules[sig] = dv
        return dv


def _style(cell, kind: str, role: str) -> None:
    cell.fill = S.FILLS[role]
    cell.border = S.BORDER
    cell.font = S.BODY_FONT
    cell.protection = S.protection(role)
    if kind in S.NUMBER_FORMATS:
        cell.number_format = S.NUMBER_FORMATS[kind]
    if kind in (L.LONGTEXT, L.TEXT):
        cell.alignment = S.WRAP


def _title(ws: Worksheet, sheet: L.Sheet, width: int) -> None:
    ws["A1"] = sheet.title
    ws["A1"].font = S.TITLE_FONT
    ws["A2"] = "　".join(INSTRUCTIONS.values()) if not sheet.output else "本表由 perfxl 生成，重新运行会覆盖"
    ws["A2"].font = S.NOTE_FONT


def _field_block(wb: Workbook, ws: Worksheet, block: L.FieldBlock, lay: L.Layout,
                 dv: _Validations, frameworks: tuple[str, ...], sheet: L.Sheet) -> None:
    place = lay.places[block.key]
    # beside a table a long text spreads over the printed width (the table's columns are narrow)
    spread = P.print_columns(sheet) if any(isinstance(b, L.Table) for b in sheet.blocks) else 0
    ws.cell(place.title_row, 1, block.title).font = S.BLOCK_FONT
    for i, f in enumerate(block.fields):
        r = place.first_row + i
        label = ws.cell(r, 1, f.label)
        label.font = S.HEADER_FONT
        label.border = S.BORDER
        label.alignment = S.WRAP
        value = ws.cell(r, 2)
        _style(value, f.kind, f.role)
        if f.role == L.FORMULA and f.formula:
            value.value = lay.expand(f.formula, sheet=ws.title)
        choices = frameworks if f.choices == "frameworks" else f.choices
        if f.role != L.FORMULA:
            dv.add(f.kind, choices, f.key, value.coordinate)
        if f.kind == L.LONGTEXT:
            ws.row_dimensions[r].height = 60
            if spread > 2 and not f.note:
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=spread)
        if f.note:
            note = ws.cell(r, 3, f.note)
            note.font = S.NOTE_FONT
            note.alignment = S.WRAP  # the print area ends at column C: never clipped
        wb.defined_names[f.name] = DefinedName(
            f.name, attr_text=f"'{ws.title}'!${value.column_letter}${r}")


def _table(ws: Worksheet, table: L.Table, lay: L.Layout, dv: _Validations) -> None:
    place = lay.places[table.key]
    ws.cell(place.title_row, 1, table.title).font = S.BLOCK_FONT
    hdr = place.first_row
    for j, col in enumerate(table.columns, start=1):
        c = ws.cell(hdr, j, col.header)
        c.font = S.HEADER_FONT
        c.fill = S.HEADER_FILL
        c.border = S.BORDER
        c.alignment = S.CENTER
    for i in range(table.n_rows):
        r = hdr + 1 + i
        for j, col in enumerate(table.columns, start=1):
            cell = ws.cell(r, j)
            fixed_label = table.rows is not None and j == 1
            role = L.FORMULA if fixed_label else col.role
            _style(cell, col.kind, role)
            if fixed_label:
                cell.value = table.rows[i]
            elif col.role == L.FORMULA and col.formula:
                cell.value = lay.expand(col.formula, sheet=ws.title, table=table.key, row=r)
            elif col.role != L.OUTPUT:
                dv.add(col.kind, col.choices, col.key, cell.coordinate)
    t = XLTable(displayName=table.name, ref=lay.table_ref(table.key))
    t.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    ws.add_table(t)


#: The width a field's value needs beside a table (its labels and notes wrap in the table's
#: columns; a long text is merged over the printed width): a 12-digit amount, a rate, a date.
VALUE_WIDTHS = {L.AMOUNT: 14, L.RATE: 9, L.DATE: 11, L.TEXT: 12, L.CHOICE: 8}


def _widths(ws: Worksheet, sheet: L.Sheet) -> float:
    """Set the column widths of ``sheet``; returns their sum (character units).  Table headers
    wrap over ``S.HEADER_LINES`` lines.  Where a table shares the field blocks' columns the
    tables set the widths: the fields' labels and notes wrap in them and a value gets only the
    room its kind needs (``VALUE_WIDTHS``), so a form prints at a readable scale
    (``perfxl.template.printing.MIN_SCALE``).  The note column (C) of a sheet of fields is as
    wide as notes need, and absent when no field has one."""
    widths: dict[int, float] = {}
    headers: dict[int, list[L.Column]] = {}
    has_table = any(isinstance(b, L.Table) for b in sheet.blocks)
    for block in sheet.blocks:
        if isinstance(block, L.Table):
            for j, col in enumerate(block.columns, start=1):
                widths[j] = max(widths.get(j, 0), S.column_width(col.header, col.width,
                                                                 S.HEADER_LINES))
                headers.setdefault(j, []).append(col)
            continue
        notes = any(f.note for f in block.fields)
        if has_table:  # labels wrap over 2-3 lines (never a 「）」 alone on one: below)
            widths[1] = max(widths.get(1, 0), 10)
            widths[2] = max([widths.get(2, 0)] + [VALUE_WIDTHS.get(f.kind, 8)
                                                  for f in block.fields if f.kind != L.LONGTEXT])
            if notes:
                widths[3] = max(widths.get(3, 0), 12)
            continue
        label = max(S.column_width(f.label, None) for f in block.fields)
        widths[1] = max(widths.get(1, 0), label)
        long = any(f.kind == L.LONGTEXT for f in block.fields)
        widths[2] = max(widths.get(2, 0), 70 if long else 24)
        if notes:
            widths[3] = max(widths.get(3, 0), 30)
    for j, cols in headers.items():  # no header wraps a 「）」 alone on its last line
        # an amount keeps the width a 12-digit figure needs; other figures fit in 7
        floor = widths[j] if any(c.kind == L.AMOUNT for c in cols) else min(widths[j], 7.0)
        widths[j] = P.header_width([c.header for c in cols], widths[j], floor)
    if has_table and 1 in widths:
        widths[1] = P.label_width([f.label for b in sheet.blocks if isinstance(b, L.FieldBlock)
                                   for f in b.fields], widths[1])
    for j, w in widths.items():
        ws.column_dimensions[L.get_column_letter(j)].width = round(w, 1)
    return sum(round(w, 1) for w in widths.values())


def fit_row_heights(ws: Worksheet, first_row: int = 3) -> None:
    """Make each row from ``first_row`` down tall enough for its wrapped texts (labels, notes,
    headers, typed long texts; ``perfxl.template.printing.row_height``), a merged cell as wide
    as the columns it spans.  Rows only grow."""
    widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
    spans = {r.start_cell.coordinate: sum(widths.get(L.get_column_letter(j), 8.43)
                                          for j in range(r.min_col, r.max_col + 1))
             for r in ws.merged_cells.ranges}
    for row in ws.iter_rows(min_row=first_row):
        cells = [(c.value, spans.get(c.coordinate) or widths.get(c.column_letter, 8.43))
                 for c in row
                 if isinstance(c.value, str) and not c.value.startswith("=")
                 and c.alignment is not None and c.alignment.wrap_text]
        height = P.row_height(cells)
        if height:
            dim = ws.row_dimensions[row[0].row]
            dim.height = max(dim.height or 15, height)


def _print_setup(ws: Worksheet, sheet: L.Sheet, width: float, lay: L.Layout) -> None:
    """A4 as the paper form prints (``perfxl.template.printing``): fit to width, landscape where
    wide, the main table's header repeated, the print area over the first rows of each table."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    orient = P.orientation(width, any(isinstance(b, L.Table) for b in sheet.blocks))
    ws.page_setup.orientation = orient
    pages = P.pages_wide(width, orient)
    ws.page_setup.fitToWidth = pages
    ws.page_setup.fitToHeight = 0
    if P.title_columns(pages):  # two pages wide: left half, then right half of the same rows
        ws.print_title_cols = P.title_columns(pages)
        ws.page_setup.pageOrder = "overThenDown"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = P.title_rows(sheet, lay)
    area = P.print_area(sheet, None, lay)
    if area:
        ws.print_area = area
    ws.page_margins.left = ws.page_margins.right = P.MARGIN_SIDE
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.freeze_panes = "A3"


def build_workbook(framework: str | None = None, lay: L.Layout = L.LAYOUT) -> Workbook:
    """The standard workbook, empty but for labels, formulas and (optionally) the framework id.

    ``framework``: a framework id (see ``framework_ids()``) preset in 基本信息/评价框架.
    Raises ``perfxl.errors.UsageError`` for an unknown framework id.
    """
    from perfxl.errors import UsageError

    if framework is not None and framework not in framework_ids():
        raise UsageError(f"未知的评价框架“{framework}”；可选：{'、'.join(framework_ids())}")
    frameworks = framework_choices()
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in lay.sheets:
        ws = wb.create_sheet(sheet.name)
        ws.sheet_properties.tabColor = "9BC2E6" if sheet.output else None
        _title(ws, sheet, 6)
        dv = _Validations(ws)
        for block in sheet.blocks:
            if isinstance(block, L.FieldBlock):
                _field_block(wb, ws, block, lay, dv, frameworks, sheet)
            else:
                _table(ws, block, lay, dv)
        _print_setup(ws, sheet, _widths(ws, sheet), lay)
        fit_row_heights(ws)
        if not sheet.output:
            ws.protection.sheet = True
            ws.protection.formatColumns = False
            ws.protection.formatRows = False
            ws.protection.formatCells = False
            ws.protection.autoFilter = False
            ws.protection.sort = False
    if LISTS_SHEET in wb.sheetnames:  # after every sheet of the layout
        wb.move_sheet(LISTS_SHEET, len(wb.sheetnames) - 1 - wb.sheetnames.index(LISTS_SHEET))
    info = lay.field_cell("template_version")
    wb[info[0]][info[1]] = f"perfxl-{TEMPLATE_VERSION}"
    if framework:
        s, c = lay.field_cell("framework")
        wb[s][c] = framework
    wb.calculation.fullCalcOnLoad = True
    wb.active = 0
    return wb


def save_atomic(wb: Workbook, path: str | Path) -> Path:
    """Save to a temporary file beside ``path`` and rename it into place (never a partial file)."""
    from perfxl.io.writing.atomic import atomic_path

    path = Path(path)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def write_template(path: str | Path, framework: str | None = None) -> Path:
    """Build the standard workbook and save it to ``path`` atomically."""
    return save_atomic(build_workbook(framework), path)
