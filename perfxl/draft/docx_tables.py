"""The cells of a .docx table with their grid positions, walked without python-docx's grid.

python-docx builds a table's grid from ``w:gridSpan`` and follows vertical merges cell by cell
upward by recursion, so a hostile table breaks it: ``w:gridSpan w:val="200000000"`` allocates
that many slots (13 s, 1.8 GB), ``w:val="two"`` raises ValueError, ``<w:vMerge/>`` in the top
row or under a column the row above does not fill raises ValueError, 1,500 rows of one vertical
merge raise RecursionError.  ``cells`` walks the XML once, in constant stack, and gives the
positions python-docx gives where it can read the table at all (``_Row.cells`` order).
It takes lxml elements (python-docx) and the standard library's ElementTree elements alike
(``perfxl.draft.docx_plain``, where lxml cannot be loaded): only ``find``/``findall``/``get``.
"""
from __future__ import annotations

from typing import Iterator

__all__ = ["cells", "cell_at", "W"]

#: WordprocessingML's namespace in ElementTree's {uri}tag notation (ECMA-376 Part 1, 17).
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TR, _TC, _TRPR, _TCPR = f"{W}tr", f"{W}tc", f"{W}trPr", f"{W}tcPr"
_SPAN, _BEFORE, _VMERGE, _VAL = f"{W}gridSpan", f"{W}gridBefore", f"{W}vMerge", f"{W}val"


def _number(parent, tag: str) -> int:
    """The w:val of child ``tag`` of ``parent`` as a count of grid columns (1 when absent or not
    a whole number, as Word reads it)."""
    el = parent.find(tag) if parent is not None else None
    try:
        return max(int(el.get(_VAL)), 0) if el is not None else 0
    except (TypeError, ValueError):
        return 0


def _continues(tc) -> bool:
    """True for a ``<w:tc>`` that continues a vertical merge from the row above."""
    pr = tc.find(_TCPR)
    vm = pr.find(_VMERGE) if pr is not None else None
    return vm is not None and (vm.get(_VAL) or "continue") == "continue"


def cells(tbl) -> Iterator[tuple[int, int, object]]:
    """``(row, col, tc)`` for each cell of the ``<w:tbl>`` element ``tbl`` read once: ``row``
    the 1-based index of its ``<w:tr>``, ``col`` 1 + the grid columns the earlier cells of the
    row span (python-docx ``_Row.cells`` numbering).  A cell continuing a vertical merge is the
    cell above it and is skipped; when no cell starts at its grid column in the row above (a
    merge in the top row, under an unfilled column) it is read as a cell of its own."""
    above: set[int] = set()
    for r, tr in enumerate(tbl.findall(_TR), 1):
        offset = _number(tr.find(_TRPR), _BEFORE)  # grid columns left empty before the row
        col = 1
        starts: set[int] = set()
        for tc in tr.findall(_TC):
            span = _number(tc.find(_TCPR), _SPAN) or 1
            starts.add(offset)
            if not (_continues(tc) and offset in above):
                yield r, col, tc
            col += span
            offset += span
        above = starts


def cell_at(tbl, row: int, col: int):
    """The ``<w:tc>`` ``cells`` gives at (``row``, ``col``), or ``None``."""
    for r, c, tc in cells(tbl):
        if r == row and c == col:
            return tc
        if r > row:
            return None
    return None
