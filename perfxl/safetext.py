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

* ``terminal_text(s)``: text for a terminal or a CI log: every character a terminal acts on or
  that reorders what is shown is replaced by its visible escape (``\\x1b``, ``\\u202e``): C0
  controls but tab and line feed, DEL, C1 controls (U+0080–U+009F: U+009B is a CSI that starts an
  escape sequence on its own), bidi embeddings, overrides and isolates (Trojan Source), line and
  paragraph separators, lone surrogates (which no terminal encoding can write).
* ``escape_controls_json(s)`` / ``escape_controls_xml(s)``: a serialised JSON / XML text with the
  same characters as ``\\uXXXX`` escapes / ``&#x..;`` references (the parsed value is unchanged;
  no raw control character reaches a log that shows the file).

Leading "+", "-" and "@" need nothing in a saved .xlsx (only "=" makes openpyxl write ``<f>``;
Excel does not re-parse stored strings).  The add-in writes through Excel itself, which does
parse them: ``perfxl.io.live.xl_book.as_cell_text`` prefixes those with Excel's invisible "'".
"""
from __future__ import annotations

import math
import re

from perfxl.numbers import OUT_OF_RANGE

__all__ = ["cell_text", "safe_value", "keep_as_text", "terminal_text", "escape_controls_json",
           "escape_controls_xml", "XML_ILLEGAL", "TERMINAL_UNSAFE", "EXCEL_CELL_LIMIT",
           "OUT_OF_RANGE"]

#: Characters an XML 1.0 document cannot hold (and lone surrogates, which UTF-8 cannot encode).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Characters a terminal acts on or that reorder the text shown (see the module docstring).
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e"
                             "\u2066-\u2069\ud800-\udfff]")
#: The same, less what JSON and XML already escape (C0 controls) and lone surrogates (a file
#: name's undecodable bytes: "?" in JSON, as a UTF-8 write with errors="replace" shows them;
#: removed from XML by ``XML_ILLEGAL``).
_RAW_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
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


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(value: str) -> str:
    """``value`` with every ``TERMINAL_UNSAFE`` character shown as its escape (``\\x1b``)."""
    return TERMINAL_UNSAFE.sub(_visible, str(value))


def escape_controls_json(text: str) -> str:
    """A serialised JSON ``text`` with DEL, C1 and bidi controls as ``\\uXXXX`` escapes (JSON
    already escapes C0 controls; valid JSON, the same values) and lone surrogates as "?"."""
    return _RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", _SURROGATE.sub("?", text))


def escape_controls_xml(text: str) -> str:
    """An XML ``text`` (escaped already) with DEL, C1 and bidi controls as character references."""
    return _RAW_UNSAFE.sub(lambda m: f"&#x{ord(m.group()):x};", text)
