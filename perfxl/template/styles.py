"""Cell styles of the standard workbook: one look per role, number formats per kind.

Input cells are pale yellow and unlocked, stated figures pale orange and unlocked, formula cells
grey and locked (sheet protection without password), output cells pale blue.
"""
from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

from perfxl import layout as L
from perfxl.template.printing import display_width  # noqa: F401 - the widths of this module

FONT = "等线"
TITLE_FONT = Font(name=FONT, size=14, bold=True)
BLOCK_FONT = Font(name=FONT, size=11, bold=True, color="1F4E78")
HEADER_FONT = Font(name=FONT, size=10, bold=True)
BODY_FONT = Font(name=FONT, size=10)
NOTE_FONT = Font(name=FONT, size=9, color="7F7F7F")

FILLS = {
    L.INPUT: PatternFill("solid", fgColor="FFF9E5"),
    L.STATED: PatternFill("solid", fgColor="FCE4D6"),
    L.FORMULA: PatternFill("solid", fgColor="EDEDED"),
    L.OUTPUT: PatternFill("solid", fgColor="DDEBF7"),
}
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

NUMBER_FORMATS = {
    L.AMOUNT: "#,##0.00",
    L.RATE: "0.00%",
    L.COUNT: "0",
    L.YEAR: "0",
    L.SCORE: "0.00",
    L.NUMBER: "General",
    L.DATE: "yyyy-mm-dd",
}

WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def protection(role: str) -> Protection:
    return Protection(locked=role in (L.FORMULA, L.OUTPUT))


def column_width(header: str, preferred: float | None, lines: int = 1) -> float:
    """Width of a column for ``header`` (wrapped over ``lines`` lines) and the layout's
    ``preferred`` width, in character units."""
    return max(preferred or 0.0, min(display_width(header) / lines + 2, 40.0), 6.0)


#: Lines a table header may wrap over (its row is made that tall): narrower columns, so that a
#: wide table prints at a readable scale.
HEADER_LINES = 2

