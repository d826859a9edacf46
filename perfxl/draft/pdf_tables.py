"""Ruled tables of a text-layer PDF (``perfxl.draft.pdf``): a table's parts on successive pages
joined into one table, its columns numbered by position, a row broken by the page made whole.

pdfplumber finds a ruled table page by page (``Page.find_tables``), each part with a grid of
its own: a part shows only the column lines its rows use, so the same column can have another
number on another page.  Here:

* ``parts(page)`` gives each part with the left edge of each cell (``None`` for a position a
  merged cell covers);
* ``continues(a, b)``: part ``b`` (the first thing on its page) goes on with part ``a`` (the
  last thing on the page before) when both span the same width (within ``_TOL`` points);
* ``cells(parts)`` gives ``(row, col, text)`` of one table made of parts: columns numbered by
  the cell's left edge over the whole table (the first column 1), rows counted over the parts.
  A row Word / WPS broke at the page's end reads as one row: the first row of a part is joined
  to the last row of the part before when they have the same cells (left edges), each of its
  texts is under a text that wrapped in its cell (a label that fits on one line is whole) and
  stops short of a sentence's or a label's end (。；：) and is no bare number, and one of the
  cells it leaves empty holds text above (a new row fills its own label cells).  A cell's
  lines are joined as wrapped lines are (``join``).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Callable

__all__ = ["Part", "parts", "continues", "cells"]

#: Points within which two edges are the same line (a ruled line is drawn about 0.5 pt wide).
_TOL = 2.0
_SENTENCE_END = "。！？!?；;：:"
_NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?%?$")


@dataclass
class Part:
    """A ruled table's part on one page: ``rows`` of cells ``(text, left edge)`` or ``None``."""

    page: int
    bbox: tuple[float, float, float, float]
    rows: list[list[tuple[str, float] | None]]

    @property
    def is_table(self) -> bool:
        """Two rows or more and two columns or more: a frame around a paragraph is no table."""
        return len(self.rows) >= 2 and max(sum(c is not None for c in r) for r in self.rows) >= 2


def parts(page, pno: int) -> list[Part]:
    """The ruled table parts of a pdfplumber page, in the order pdfplumber finds them."""
    out = []
    for t in page.find_tables():
        texts = t.extract()
        rows = []
        for row, values in zip(t.rows, texts):
            rows.append([None if box is None or text is None else (text, box[0])
                         for box, text in zip(row.cells, values)])
        if rows:
            out.append(Part(pno, tuple(t.bbox), rows))
    return out


def continues(a: Part, b: Part) -> bool:
    """``b`` is ``a`` going on on the next page (the same left and right edges)."""
    return (b.page == a.page + 1 and abs(a.bbox[0] - b.bbox[0]) <= _TOL
            and abs(a.bbox[2] - b.bbox[2]) <= _TOL)


def _layout(row) -> list[float]:
    return [c[1] for c in row if c is not None]


def _same_layout(a, b) -> bool:
    la, lb = _layout(a), _layout(b)
    return len(la) == len(lb) and all(abs(x - y) <= _TOL for x, y in zip(la, lb))


def _broken(last, first) -> bool:
    """``first`` (a part's first row) is the rest of ``last`` (the part before's last row)."""
    if not _same_layout(last, first):
        return False
    above = [c for c in last if c is not None]
    below = [c for c in first if c is not None]
    if not any(t.strip() for t, _ in below):
        return False
    for (up, _), (down, _) in zip(above, below):
        if down.strip():
            up = up.strip()
            if ("\n" not in up or up[-1] in _SENTENCE_END
                    or _NUMBER.match(up.replace("\n", ""))):
                return False
    return any(up.strip() and not down.strip() for (up, _), (down, _) in zip(above, below))


def cells(table: list[Part], join: Callable[[str, str], str]) -> list[tuple[int, int, int, str]]:
    """``(page, row, col, text)`` of each cell of the table made of ``table``'s parts (see the
    module doc); a cell's lines joined with ``join``."""
    rows: list[tuple[int, list]] = []
    for n, part in enumerate(table):
        body = part.rows
        if n and rows and body and _broken(rows[-1][1], body[0]):
            below = iter([c for c in body[0] if c is not None])
            rows[-1] = (rows[-1][0], [None if up is None else (up[0] + "\n" + next(below)[0], up[1])
                                      for up in rows[-1][1]])
            body = body[1:]
        rows += [(part.page, r) for r in body]
    edges: list[float] = []
    for x in sorted(c[1] for _, r in rows for c in r if c is not None):
        if not edges or x - edges[-1] > _TOL:
            edges.append(x)

    def col(x: float) -> int:
        return bisect.bisect_right(edges, x + _TOL)

    out = []
    for r, (page, row) in enumerate(rows, 1):
        for c in row:
            if c is not None:
                text = functools.reduce(join, c[0].split("\n")) if c[0] else ""
                out.append((page, r, col(c[1]), text))
    return out
