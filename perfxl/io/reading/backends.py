"""Two ways to get at a workbook's cells, behind one small interface.

* ``OpenpyxlBook``: the reference reader (openpyxl, cached values of formula cells).
* ``CalamineBook``: the fast reader for batch review (python-calamine, ~10x faster; engines.md).

Both give the values Excel would show (cached values for formula cells, ``None`` for empty) by
sheet name and 1-based row/column, the Excel Tables by name, and merged ranges.  Defined names
and formula texts come from the package XML (``perfxl.io.reading.sheetxml``), the same for both.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

from perfxl.errors import WorkbookFormatError


class CalamineGaveUp(Exception):
    """python-calamine could not turn a sheet's cells into values (a number outside the date range
    in a date-formatted cell: an OverflowError, or a Rust panic, which Python sees as a
    BaseException).  Excel opens such a file (it shows ####), so the reader retries with openpyxl,
    the reference engine, instead of refusing it."""


_NUMBER_CELL = re.compile(
    r'<c\b(?=[^>]*\br="([A-Z]{1,3}\d+)")(?![^>]*\bt=)[^>]*>(?:<f\b[^>]*/>|<f\b.*?</f>)?<v>([^<]*)</v>',
    re.S)
_NUMBER = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$")


def _raise_bad_number(path: Path, data: bytes) -> None:
    """openpyxl cannot open a package whose number cell holds ``NaN``, ``INF`` or other text in
    ``<v>`` (no spreadsheet writes that, a script can); calamine reads it as a float and the
    reader refuses it by cell.  Name the same cell here, so both engines say the same."""
    from perfxl.io.reading.sheetxml import sheet_parts

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for sheet, part in sheet_parts(zf).items():
                xml = zf.read(part).decode("utf-8", "replace")
                for m in _NUMBER_CELL.finditer(xml):
                    if not _NUMBER.match(m.group(2)):
                        raise WorkbookFormatError(
                            f"不是有效数字（“{m.group(2)[:20]}”）；请填写数字，不适用时留空",
                            file=str(path), sheet=sheet, cell=m.group(1))
    except WorkbookFormatError:
        raise
    except Exception:  # noqa: BLE001 - only a better message; the caller raises its own
        return


class OpenpyxlBook:
    name = "openpyxl"

    def __init__(self, path: Path, data: bytes, package: zipfile.ZipFile | None = None) -> None:
        import openpyxl  # the edge: only readers and writers import openpyxl

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                self.wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True,
                                                 keep_links=False)
            except Exception as exc:  # openpyxl raises many kinds on a damaged package
                _raise_bad_number(path, data)
                raise WorkbookFormatError(f"工作簿无法打开（{type(exc).__name__}: {exc}）；"
                                          "请在 Excel 中打开后另存为 .xlsx", file=str(path)) from None
        self.sheetnames = list(self.wb.sheetnames)
        self._tables = {t: (ws.title, ws.tables[t].ref) for ws in self.wb.worksheets
                        for t in ws.tables}

    def value(self, sheet: str, row: int, col: int) -> Any:
        return self.wb[sheet].cell(row, col).value

    def table(self, name: str) -> tuple[str, str] | None:
        return self._tables.get(name)

    def merged(self, sheet: str) -> list[tuple[int, int, int, int]]:
        return [(m.min_row, m.min_col, m.max_row, m.max_col)
                for m in self.wb[sheet].merged_cells.ranges]

    def size(self, sheet: str) -> tuple[int, int]:
        ws = self.wb[sheet]
        return ws.max_row or 0, ws.max_column or 0


class CalamineBook:
    name = "calamine"

    def __init__(self, path: Path, data: bytes, package: zipfile.ZipFile | None = None) -> None:
        """``package``: the same bytes already open (``perfxl.io.reading.sniff.Package``),
        whose parts are then not decompressed again; left open."""
        import python_calamine as pc

        from perfxl.io.reading.sheetxml import error_cells, sheet_parts, table_refs

        self.file = str(path)
        # Table positions come from the package's table parts (a few small XML files): asking
        # calamine for a table materialises its cells, ~0.6 ms a table (engines.md, batch).
        # Error values (#REF!) of plain cells come from the XML too: calamine reads them as "".
        tables = None
        self._errors: dict[str, dict[str, str]] = {}
        try:
            zf = package if package is not None else zipfile.ZipFile(io.BytesIO(data))
            try:
                parts = sheet_parts(zf)
                tables = table_refs(zf, parts)
                self._errors = {s: e for s, p in parts.items() if (e := error_cells(zf, p))}
            finally:
                if zf is not package:
                    zf.close()
        except Exception:  # damaged or unusual: calamine decides below
            tables = None
        try:
            self.wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data),
                                                        load_tables=tables is None)
        except Exception as exc:  # calamine raises its own error types on damaged files
            raise WorkbookFormatError(f"工作簿无法打开（{type(exc).__name__}: {exc}）；"
                                      "请在 Excel 中打开后另存为 .xlsx", file=str(path)) from None
        self.sheetnames = list(self.wb.sheet_names)
        self._grid: dict[str, tuple[int, int, list[list[Any]]]] = {}
        self._sheets: dict[str, Any] = {}
        self._tables: dict[str, tuple[str, str]] = {}
        if tables is not None:
            self._tables = {n: (s, ref) for n, (s, ref) in tables.items() if s in self.sheetnames}
            return
        from perfxl.layout import get_column_letter as col

        for name in self.wb.table_names:
            t = self.wb.get_table_by_name(name)
            # calamine's table start is the first data row (0-based); the header is the row above
            (r0, c0), (r1, c1) = t.start, t.end
            self._tables[name] = (t.sheet, f"{col(c0 + 1)}{r0}:{col(c1 + 1)}{r1 + 1}")

    def _sheet(self, sheet: str):
        if sheet not in self._sheets:
            try:
                self._sheets[sheet] = self.wb.get_sheet_by_name(sheet)
            except Exception as exc:  # calamine parses the sheet here (XmlError on damage)
                raise CalamineGaveUp(sheet) from exc
        return self._sheets[sheet]

    def _rows(self, sheet: str) -> tuple[int, int, list[list[Any]]]:
        if sheet not in self._grid:
            s = self._sheet(sheet)
            try:
                start = s.start or (0, 0)
                grid = s.to_python(skip_empty_area=False)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:  # calamine's errors, and pyo3's PanicException
                raise CalamineGaveUp(sheet) from exc
            self._grid[sheet] = (start[0], start[1], grid)
        return self._grid[sheet]

    def value(self, sheet: str, row: int, col: int) -> Any:
        errors = self._errors.get(sheet)
        if errors:
            from perfxl.layout import get_column_letter

            err = errors.get(f"{get_column_letter(col)}{row}")
            if err is not None:
                return err
        r0, c0, grid = self._rows(sheet)
        i, j = row - 1 - r0, col - 1 - c0
        if i < 0 or j < 0 or i >= len(grid) or j >= len(grid[i]):
            return None
        v = grid[i][j]
        if v == "":
            return None
        if isinstance(v, dt.time):
            return v.isoformat()
        return v

    def table(self, name: str) -> tuple[str, str] | None:
        return self._tables.get(name)

    def merged(self, sheet: str) -> list[tuple[int, int, int, int]]:
        out = []
        for (r0, c0), (r1, c1) in self._sheet(sheet).merged_cell_ranges or []:
            out.append((r0 + 1, c0 + 1, r1 + 1, c1 + 1))
        return out

    def size(self, sheet: str) -> tuple[int, int]:
        s = self._sheet(sheet)
        return s.total_height, s.total_width


ENGINES = {"openpyxl": OpenpyxlBook, "calamine": CalamineBook}
