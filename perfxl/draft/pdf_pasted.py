"""A table pasted as text, one cell per line, in a PDF draft (``perfxl.draft.pdf``): only the rows
whose cells are certain are kept as rows.

A draft may paste a table as text: each cell on a line of its own starting with a tab, a blank
line between rows (``perfxl.draft.tables`` reads such rows in a .txt or .docx).  Printed, an
empty cell (a line holding only its tab; a tab prints nothing) and the blank line that ends a
row are the same empty line, so a row printed between two empty lines may have lost empty cells
at either end, and its figures would be read under the wrong columns (seed 004 printed one line
per paragraph, its rows read as printed: two wrong 总分 errors, PX618).  ``unpasted(units)``:
where an empty line stands between two cells of such a table, a row holding a figure stays a
row only when it has as many cells as the header above it (``perfxl.draft.tables``' header:
column words and no figure; a header prints all its cells, a full row has no empty cell to
lose); the other rows holding figures are read as lines of text (the tab dropped), so no rule
reads them by column.  A table of ruled lines (``perfxl.draft.pdf_tables``) is not concerned.
"""
from __future__ import annotations

from dataclasses import replace

from perfxl.draft.reading import Unit

__all__ = ["unpasted"]


def _pasted_forms(units: list[Unit]) -> list[tuple[list[list[int]], bool]]:
    """The tables pasted as text (cells: lines starting with a tab), each as its rows (runs of
    cells between empty lines; a line without a tab right under a cell goes on with it) and
    whether an empty line stands between two of its cells."""
    forms: list[tuple[list[list[int]], bool]] = []
    rows: list[list[int]] = []
    gap = False
    for n, u in enumerate(units):
        blank_before = n > 0 and units[n - 1].table is None and units[n - 1].paragraph is None
        if u.table is None and u.paragraph is not None and u.text.lstrip(" ").startswith("\t"):
            if rows and blank_before:
                gap = True
                rows.append([])
            elif not rows:
                rows.append([])
            rows[-1].append(n)
        elif u.table is not None or (u.paragraph is not None and rows and blank_before):
            if rows:
                forms.append((rows, gap))
            rows, gap = [], False
    if rows:
        forms.append((rows, gap))
    return forms


def unpasted(units: list[Unit]) -> list[Unit]:
    """``units`` with the cells of the uncertain rows of tables pasted as text read as lines of
    text (see the module doc)."""
    from perfxl.draft.tables import Cell, _is_header

    out = list(units)
    for rows, ambiguous in _pasted_forms(units):
        if not ambiguous:
            continue
        width = 0
        for row in rows:
            cells = [Cell(units[n].text.strip(" \t\u3000"), 0, 0) for n in row]
            if _is_header(cells):
                width = len(row)
            elif any(c.number for c in cells) and len(row) != width:
                for n in row:
                    out[n] = replace(units[n], text=units[n].text.lstrip(" \t"))
    return out
