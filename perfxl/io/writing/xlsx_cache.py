"""Puts cached values into the formula cells of an .xlsx, as Excel or LibreOffice would have
saved them, without touching anything else in the package (used for the examples and the
benchmark set; openpyxl cannot write a formula and its value together)."""
from __future__ import annotations

import re
import zipfile
from html import escape
from pathlib import Path
from typing import Any

from perfxl.io.writing.atomic import atomic_path
from perfxl.io.reading.sheetxml import sheet_parts

_CELL = re.compile(r'<c r="(?P<r>[A-Z]+\d+)"(?P<attrs>[^>]*)><f>(?P<f>.*?)</f><v\s*/?>(?:</v>)?</c>')


def _v(value: Any) -> tuple[str | None, str]:
    """(t attribute, text of <v>) for a cached value."""
    if value is None or value == "":
        return "str", ""
    if isinstance(value, bool):
        return "b", "1" if value else "0"
    if isinstance(value, (int, float)):
        return None, repr(float(value)) if isinstance(value, float) else str(value)
    text = str(value)
    if text.startswith("#"):
        return "e", text
    return "str", escape(text, quote=False)


def inject_cached_values(path: str | Path, values: dict[tuple[str, str], Any]) -> None:
    """Rewrite ``path`` (atomically) with ``values`` as the cached values of its formula cells.

    Only cells written by openpyxl as ``<c r=".."><f>..</f><v></v></c>`` are filled; the rest of
    every part is copied byte for byte."""
    path = Path(path)
    by_sheet: dict[str, dict[str, Any]] = {}
    for (sheet, cell), v in values.items():
        by_sheet.setdefault(sheet, {})[cell] = v
    with zipfile.ZipFile(path) as zin:
        parts = sheet_parts(zin)
        members = {parts[s]: cells for s, cells in by_sheet.items() if s in parts}
        with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                cells = members.get(info.filename)
                if cells:
                    def sub(m: re.Match[str]) -> str:
                        r = m.group("r")
                        if r not in cells:
                            return m.group(0)
                        t, text = _v(cells[r])
                        attrs = re.sub(r'\s+t="[^"]*"', "", m.group("attrs"))
                        t_attr = f' t="{t}"' if t else ""
                        return f'<c r="{r}"{attrs}{t_attr}><f>{m.group("f")}</f><v>{text}</v></c>'
                    data = _CELL.sub(sub, data.decode("utf-8")).encode("utf-8")
                zout.writestr(info, data)
