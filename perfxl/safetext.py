"""Text copied from an input into an output, made safe for the output (issue 15, issue 13
"A hostile workbook").

* ``cell_text(s)``: what an .xlsx cell may hold: XML 1.0's forbidden control characters
  (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F), lone surrogates and U+FFFE/U+FFFF removed
  (openpyxl raises ``IllegalCharacterError`` on them and a hand-written part would be invalid
  XML), cut to Excel's 32,767 characters per cell with "…".  Tab, line feed, carriage return and
  right-to-left overrides are valid XML and stay.
* ``keep_as_text(ws)``: every string cell of an openpyxl worksheet written as a string
  (``data_type = "s"``): openpyxl turns any string that starts with "=" into a formula, so a
  department name ``=HYPERLINK("http://evil.example/x","点我")`` or ``=cmd|'/c calc'!A1`` would
  come out live in the reviewer's summary.  Only for sheets perfxl builds itself, which hold no
  formulas of their own.

Leading "+", "-" and "@" need nothing in a saved .xlsx (only "=" makes openpyxl write ``<f>``;
Excel does not re-parse stored strings).  The add-in writes through Excel itself, which does
parse them: ``perfxl.io.live.xl_book.as_cell_text`` prefixes those with Excel's invisible "'".
"""
from __future__ import annotations

import math
import re

from perfxl.numbers import OUT_OF_RANGE

__all__ = ["cell_text", "safe_value", "keep_as_text", "XML_ILLEGAL", "EXCEL_CELL_LIMIT", "OUT_OF_RANGE"]

#: Characters an XML 1.0 document cannot hold (and lone surrogates, which UTF-8 cannot encode).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Excel's limit of characters in one cell.
EXCEL_CELL_LIMIT = 32767


def cell_text(value: str, limit: int = EXCEL_CELL_LIMIT) -> str:
    """``value`` without XML-illegal characters, at most ``limit`` characters."""
    text = XML_ILLEGAL.sub("", value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def safe_value(value):
    """A cell value ready for openpyxl: strings through ``cell_text``, NaN/±inf as
    ``OUT_OF_RANGE`` text, others unchanged."""
    if isinstance(value, str):
        return cell_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        return OUT_OF_RANGE
    return value


def keep_as_text(ws) -> None:
    """Mark every string cell of openpyxl worksheet ``ws`` as a string, never a formula."""
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                c.data_type = "s"
