"""perfxl's marks in a workbook: highlighted cells and the 校验结果 sheet, and how to undo them.

Every fill perfxl applies is recorded first, with the cell's previous fill, in a hidden sheet
``_perfxl_marks`` (columns 工作表 / 单元格 / 原填充色; the colour as ``#RRGGBB``, empty for no fill
or when the engine cannot read fills, like xlwings' remote engine).  :func:`clear_marks`
restores those fills, then deletes ``_perfxl_marks`` and ``校验结果``; nothing else is touched, so
validating twice gives the same workbook.  A hidden sheet is used rather than a defined name
because a name cannot hold thousands of cells on several sheets, and it travels with the file.

Functions take an ``xlwings.Book`` (live Excel or the remote engine) and read or write each range
in one call where the API allows.  Sheets the user renamed or deleted since are skipped.
"""
from __future__ import annotations

from typing import Iterable

RESULTS_SHEET = "校验结果"
MARKS_SHEET = "_perfxl_marks"
HEADER = ["工作表", "单元格", "原填充色"]


def _hex(color) -> str:
    """xlwings' colour (RGB tuple, int or hex string) as ``#RRGGBB``; ``""`` for no fill."""
    if color is None:
        return ""
    if isinstance(color, str):
        return color if color.startswith("#") else f"#{color}"
    if isinstance(color, int):
        color = (color & 0xFF, color >> 8 & 0xFF, color >> 16 & 0xFF)
    return "#{:02X}{:02X}{:02X}".format(*color)


def _original_fill(rng) -> str:
    try:
        return _hex(rng.color)
    except NotImplementedError:  # the remote engine cannot read fills synchronously
        return ""


def _sheet_names(book) -> list[str]:
    return [sheet.name for sheet in book.sheets]


def _append_marks(book, rows: list[list[str]]) -> None:
    """Write ``rows`` below the recorded ones in the hidden marks sheet (created when missing,
    hidden, last, with its header); the active sheet stays active."""
    if MARKS_SHEET in _sheet_names(book):
        sheet = book.sheets[MARKS_SHEET]
        sheet[f"A{sheet.used_range.last_cell.row + 1}"].value = rows
        return
    active = book.sheets.active
    sheet = book.sheets.add(MARKS_SHEET, after=book.sheets[len(book.sheets) - 1])
    sheet["A1"].value = [HEADER] + rows
    sheet.visible = False
    if active is not None:
        active.activate()


def read_marks(book) -> list[tuple[str, str, str]]:
    """The recorded ``(sheet, address, previous fill)`` rows, oldest first."""
    if MARKS_SHEET not in _sheet_names(book):
        return []
    rows = book.sheets[MARKS_SHEET].used_range.options(ndim=2).value or []
    return [(str(r[0]), str(r[1]), r[2] or "") for r in rows[1:] if r and r[0] and r[1]]


def highlight(book, cells: Iterable[tuple[str, str, str]]) -> int:
    """Fill each ``(sheet, address, "#RRGGBB")`` after recording its previous fill.

    Returns the number of cells filled.  ``KeyError`` if a sheet does not exist.
    """
    cells = list(cells)
    if not cells:
        return 0
    _append_marks(book, [[sheet_name, address, _original_fill(book.sheets[sheet_name][address])]
                         for sheet_name, address, _ in cells])
    for sheet_name, address, color in cells:
        book.sheets[sheet_name][address].color = color
    return len(cells)


def clear_marks(book) -> int:
    """Restore recorded fills, delete ``_perfxl_marks`` and ``校验结果``; returns cells restored."""
    names = _sheet_names(book)
    restored = 0
    for sheet_name, address, original in reversed(read_marks(book)):  # first record wins
        if sheet_name in names:
            book.sheets[sheet_name][address].color = original or None
            restored += 1
    for name in (MARKS_SHEET, RESULTS_SHEET):
        if name in names:
            book.sheets[name].delete()
    return restored
