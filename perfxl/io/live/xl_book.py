"""A live xlwings workbook as a perfxl backend: reading its model, writing perfxl's outputs.

The Excel add-in (``perfxl.addin``, through ``perfxl.api``) works on the workbook the user has
open, an ``xlwings.Book`` (Excel over COM on Windows, or xlwings' remote engine in the tests).
This module is the only place that talks to it, for reading and writing alike:

* ``XlwingsBook(book)``: the backend interface of ``perfxl.io.reading.backends`` (``sheetnames``,
  ``value``, ``table``, ``merged``, ``size``) over the live book.  Each sheet's values are read
  once, with one range read of its used range, and every cell is served from that grid.  Tables
  come from ``sheet.tables``, defined names from ``book.names``.
* ``read_xl_book(book) -> Model``: the model, through ``perfxl.io.reading.xlsx_reader.read_book`` with
  ``scanned=None`` (formula texts are not read, so the formula-hygiene checks stay silent).
* ``write_output_sheet(book, OutputSheet)``: replaces an output sheet whole (delete, add at the
  same place, or in layout order when new), all values in one range write, then the formats of
  the file writer (``perfxl.io.writing.xlsx_writer.write_sheet``): number formats, hyperlinks to cells,
  header fill, column widths, frozen header.  Running it twice gives the same sheet.
* ``write_output_cells(book, cells)``: output cells only (refuses any other cell), one range
  write per run of adjacent cells of a column.

Engines differ in what they can do; what one cannot do is skipped (``NotImplementedError``),
never faked: xlwings' remote engine cannot read merged cells or fills, and measures column
widths in points.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from perfxl import layout as L
from perfxl.errors import UsageError
from perfxl.model import Model
from perfxl.outputs import OutputSheet
from perfxl.safetext import cell_text

__all__ = ["XlwingsBook", "read_xl_book", "defined_names", "write_output_sheet",
           "write_output_cells", "engine_name", "as_cell_text"]

_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
_RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")
#: Text that Excel would turn into a number, date, time, percentage or formula when written, or
#: whose leading apostrophe it would take for its text prefix.
_COERCED = re.compile(r"^\s*([=+\-@(']|[$¥￥€£]?\s*[\d.,]+(e[+-]?\d+)?\s*%?\s*$|"
                      r"\d{1,4}\s*[-/年月]\s*\d{1,2}|\d{1,2}:\d{2}|(true|false)\s*$)", re.I)

#: Hidden sheet of perfxl's highlight records (``perfxl.addin.marks``); kept after the outputs.
MARKS_SHEET = "_perfxl_marks"
HEADER_FILL = "#D9E1F2"
#: Column width: Excel character units -> points (the remote engine's unit; Calibri 11, ~7 px
#: per character at 96 dpi).
POINTS_PER_CHAR = 5.25


def engine_name(book) -> str:
    """``"excel"`` (COM, Windows), ``"remote"`` (xlwings' remote engine), ... or ``""``."""
    try:
        return book.app.engine.name
    except Exception:  # an engine without apps or engines: nothing engine-specific is used
        return ""


def _bare(address: str) -> str:
    """``"$A$5:$R$45"`` or ``"'表'!$A$5"`` -> ``"A5:R45"`` / ``"A5"``."""
    return address.rsplit("!", 1)[-1].replace("$", "")


# ----------------------------------------------------------------------------------------------
# Reading
# ----------------------------------------------------------------------------------------------
class XlwingsBook:
    """The backend interface over a live ``xlwings.Book``; see the module docstring."""

    name = "xlwings"

    def __init__(self, book) -> None:
        self.book = book
        self.sheetnames = [s.name for s in book.sheets]
        self._grids: dict[str, tuple[int, int, list[list[Any]]]] = {}
        self._tables: dict[str, tuple[str, str]] | None = None

    # one read per sheet ---------------------------------------------------------------------
    def _grid(self, sheet: str) -> tuple[int, int, list[list[Any]]]:
        if sheet not in self._grids:
            used = self.book.sheets[sheet].used_range
            values = used.options(ndim=2).value or []
            self._grids[sheet] = (used.row, used.column, values)
        return self._grids[sheet]

    def value(self, sheet: str, row: int, col: int) -> Any:
        r0, c0, grid = self._grid(sheet)
        i, j = row - r0, col - c0
        if i < 0 or j < 0 or i >= len(grid) or j >= len(grid[i]):
            return None
        v = grid[i][j]
        return None if v == "" else v

    def size(self, sheet: str) -> tuple[int, int]:
        r0, c0, grid = self._grid(sheet)
        if not grid:
            return 0, 0
        return r0 + len(grid) - 1, c0 + max(len(r) for r in grid) - 1

    # tables and merged cells ----------------------------------------------------------------
    def tables(self) -> dict[str, tuple[str, str]]:
        """Every Excel Table: name -> (sheet, "A5:R45")."""
        if self._tables is None:
            self._tables = {}
            for sheet in self.book.sheets:
                for t in sheet.tables:
                    rng = t.range
                    if rng is not None:
                        self._tables[t.name] = (sheet.name, _bare(rng.address))
        return self._tables

    def table(self, name: str) -> tuple[str, str] | None:
        return self.tables().get(name)

    def merged(self, sheet: str) -> list[tuple[int, int, int, int]]:
        """Merged areas inside the sheet's tables (the only place the reader looks for them),
        as (first row, first col, last row, last col).  Probes each table with one call, then
        row by row and cell by cell only where merges are.  ``[]`` where the engine cannot tell
        (xlwings' remote engine)."""
        ws = self.book.sheets[sheet]
        found: set[tuple[int, int, int, int]] = set()
        try:
            for tsheet, ref in self.tables().values():
                if tsheet == sheet:
                    _merged_in(ws, ws.range(ref), found)
        except NotImplementedError:
            return []
        return sorted(found)

    # defined names --------------------------------------------------------------------------
    @property
    def names(self) -> dict[str, str]:
        return defined_names(self.book)


def _merged_in(ws, rng, found: set) -> None:
    if rng.merge_cells is False:  # COM: False none, True all, None some
        return
    for r in range(rng.row, rng.row + rng.shape[0]):
        row = ws.range((r, rng.column), (r, rng.column + rng.shape[1] - 1))
        if row.merge_cells is False:
            continue
        for c in range(rng.column, rng.column + rng.shape[1]):
            cell = ws.range((r, c))
            if cell.merge_cells:
                area = cell.merge_area
                found.add((area.row, area.column, area.row + area.shape[0] - 1,
                           area.column + area.shape[1] - 1))


def defined_names(book) -> dict[str, str]:
    """Defined names of ranges -> ``"Sheet!$B$7"`` (the form ``perfxl.io.reading.sheetxml`` gives).
    Workbook-scoped names win over sheet-scoped ones of the same name."""
    book_scope: dict[str, str] = {}
    sheet_scope: dict[str, str] = {}
    for n in book.names:
        try:
            full, refers = n.name, n.refers_to
        except Exception:  # a name the engine cannot describe (constants, formulas)
            continue
        if not isinstance(refers, str) or "!" not in refers:
            continue
        short = full.rsplit("!", 1)[-1]
        (sheet_scope if "!" in full else book_scope).setdefault(short, refers.lstrip("="))
    return {**sheet_scope, **book_scope}


def read_xl_book(book, *, layout: L.Layout = L.LAYOUT) -> Model:
    """The model of a live xlwings book (``WorkbookFormatError`` as ``read_workbook`` raises)."""
    from perfxl.io.reading.xlsx_reader import read_book

    xb = XlwingsBook(book)
    return read_book(xb, xb.names, None, file=_fullname(book), layout=layout)


def _fullname(book) -> str:
    try:
        return str(book.fullname)
    except Exception:
        return str(book.name)


# ----------------------------------------------------------------------------------------------
# Writing
# ----------------------------------------------------------------------------------------------
def as_cell_text(value: Any) -> Any:
    """A value as it must be written for Excel to keep it: text that Excel would turn into a
    number, date or formula (=, +, -, @, a DDE form) gets the invisible ``'`` prefix; control
    characters are removed (``perfxl.safetext.cell_text``); ``None`` stays empty."""
    if isinstance(value, str):
        value = cell_text(value)  # control characters out, at most 32,767 characters
        if _COERCED.match(value):
            return "'" + value
    return value


def _position(names: list[str], name: str) -> int:
    """Where a new output sheet goes: before the output sheets that follow it in the layout
    (and before perfxl's hidden marks sheet), else last."""
    order = list(L.OUTPUT_SHEET_NAMES)
    later = order[order.index(name) + 1:] if name in order else []
    later.append(MARKS_SHEET)
    found = [names.index(n) for n in later if n in names]
    return min(found) if found else len(names)


def _recreate(book, name: str):
    """Delete sheet ``name`` if present and add an empty one in its place; returns it."""
    names = [s.name for s in book.sheets]
    if name in names:
        index = names.index(name)
        book.sheets[name].delete()
    else:
        index = _position(names, name)
    sheets = book.sheets
    # always "after" the previous sheet: the remote engine places "before" one sheet too early
    if index == 0:
        return sheets.add(name, before=sheets[0])
    return sheets.add(name, after=sheets[index - 1])


def _runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted row numbers -> [(first, last)] runs of adjacent rows."""
    out: list[tuple[int, int]] = []
    for r in sorted(rows):
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


def _try(action) -> bool:
    """Run a formatting step; ``False`` when the engine cannot do it."""
    try:
        action()
    except NotImplementedError:
        return False
    return True


def write_output_sheet(book, out: OutputSheet) -> None:
    """Replace output sheet ``out.name`` (or create it): title, header and data rows in one
    range write, then number formats, hyperlinks to cells (``#'Sheet'!A1``), header fill,
    column widths and the frozen header, as the file writer does."""
    width = max([len(out.headers)] + [len(r) for r in out.rows])
    grid = [[out.title] + [None] * (width - 1),
            list(out.headers) + [None] * (width - len(out.headers))]
    grid += [[as_cell_text(v) for v in row] + [None] * (width - len(row)) for row in out.rows]
    sheet = _recreate(book, out.name)
    sheet.range((1, 1)).value = grid

    first = out.first_data_row
    last = first + len(out.rows) - 1
    _try(lambda: _font(sheet.range((1, 1)), size=14, bold=True))
    header = sheet.range((2, 1), (2, len(out.headers)))
    header.color = HEADER_FILL
    _try(lambda: _font(header, bold=True))
    if out.rows:
        _try(lambda: setattr(sheet.range((first, 1), (last, width)), "wrap_text", True))
    for j, fmt in sorted(out.number_formats.items()):
        numeric = [first + i for i, row in enumerate(out.rows)
                   if j < len(row) and isinstance(row[j], (int, float))
                   and not isinstance(row[j], bool)]
        for r0, r1 in _runs(numeric):
            sheet.range((r0, j + 1), (r1, j + 1)).number_format = fmt
    for (i, j), (target_sheet, cell) in sorted(out.links.items()):
        value = out.rows[i][j] if j < len(out.rows[i]) else None
        _hyperlink(book, sheet.range((first + i, j + 1)), target_sheet, cell,
                   "" if value is None else str(value))
    points = engine_name(book) == "remote"
    for j, w in enumerate(out.widths, start=1):
        col = sheet.range((1, j))
        if not _try(lambda: setattr(col, "column_width",
                                    round(w * POINTS_PER_CHAR, 2) if points else w)):
            break
    _try(lambda: sheet.freeze_panes.freeze_at("A3"))


def _font(rng, **props) -> None:
    for key, value in props.items():
        setattr(rng.font, key, value)


def _hyperlink(book, rng, sheet: str, cell: str, text: str) -> None:
    """A link from ``rng`` to ``sheet!cell`` inside the workbook."""
    quoted = sheet.replace("'", "''")
    tip = f"跳转到 {sheet}!{cell}"
    if engine_name(book) == "excel":
        try:  # Excel's own way for a link inside the workbook: empty Address, SubAddress
            rng.api.Hyperlinks.Add(Anchor=rng.api, Address="", SubAddress=f"'{quoted}'!{cell}",
                                   ScreenTip=tip, TextToDisplay=text)
            return
        except Exception:  # not Windows' COM objects (macOS): xlwings' own call below
            pass
    rng.add_hyperlink(f"#'{quoted}'!{cell}", text, tip)


def _output_cells(xb: XlwingsBook) -> tuple[dict[tuple[str, str], tuple[int, int]], set]:
    """Where output cells may be: (sheet, column letter) -> (first, last data row) of each
    output column of a layout table, as the table lies in the book; and the output fields."""
    columns: dict[tuple[str, str], tuple[int, int]] = {}
    for tkey, (sheet, table) in L.LAYOUT.tables.items():
        outs = [i for i, c in enumerate(table.columns) if c.role == L.OUTPUT]
        found = xb.table(table.name)
        if not outs or found is None:
            continue
        m = _RANGE.match(found[1])
        if not m:
            continue
        first, last = int(m.group(2)) + 1, int(m.group(4) or m.group(2))
        for i in outs:
            columns[(found[0], L.get_column_letter(L.column_index(m.group(1)) + i))] = (first, last)
    fields = {L.LAYOUT.field_cell(k) for k, (_s, _b, f) in L.LAYOUT.fields.items()
              if f.role == L.OUTPUT and k != "template_version"}
    return columns, fields


def write_output_cells(book, cells: dict[tuple[str, str], Any]) -> int:
    """Write values into output cells only: (sheet, A1) -> value.  ``UsageError`` (nothing
    written) if any cell is not an output cell of the workbook as it lies.  One range write per
    run of adjacent rows of one column.  Returns the number of cells written."""
    if not cells:
        return 0
    columns, fields = _output_cells(XlwingsBook(book))
    by_column: dict[tuple[str, str], dict[int, Any]] = {}
    for (sheet, a1), value in cells.items():
        m = _A1.match(a1)
        span = columns.get((sheet, m.group(1))) if m else None
        if m is None or not ((span and span[0] <= int(m.group(2)) <= span[1])
                             or (sheet, a1) in fields):
            raise UsageError(f"内部错误：{sheet}!{a1} 不是输出单元格，拒绝写入")
        by_column.setdefault((sheet, m.group(1)), {})[int(m.group(2))] = value
    for (sheet, letter), values in sorted(by_column.items()):
        ws = book.sheets[sheet]
        col = L.column_index(letter)
        for r0, r1 in _runs(values):
            ws.range((r0, col), (r1, col)).value = [[as_cell_text(values[r])]
                                                    for r in range(r0, r1 + 1)]
    return len(cells)
