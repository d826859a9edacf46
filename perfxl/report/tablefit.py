"""The tables of a rendered report laid out as the official paper forms print them.

``finish_tables(document)`` runs on the python-docx ``Document`` docxtpl has filled (the rows
exist only then) and, for every table of the body:

* **figures never wrap**: a column holding a figure (「109.68」, 「4,128.02」, 「96.79%」) is
  widened to the figure's printed width plus the cell margins; the width comes first from room
  a text column does not use, then from the columns of text (which wrap anyway), never below
  ``TEXT_FLOOR``.  The grid (``w:gridCol``) and every
  cell's ``w:tcW`` are set (a merged cell to the sum of its columns), since Word reads the one
  and LibreOffice the other;
* **一级指标 merged vertically**: below its first row a 一级指标 label is blank
  (``perfxl.report.tables.indicator_rows``); that blank cell is merged into the one above
  (``w:vMerge``), as the paper form prints it.  The 二级指标 stays unmerged (blank below its
  first row): the draft reader (``perfxl.draft.tables``) aligns a row with fewer cells than
  its header by one merged cell only, and the report proofreads itself;
* **rows kept together sensibly**: a short row never breaks across a page (``w:cantSplit``; a
  row of long text may, or Word would clip it), and the last ``KEEP_LAST`` rows of a table keep
  with each other (``w:keepNext`` on their paragraphs), so no page carries only the last row or
  two.  The header row is repeated on each page by the template (``w:tblHeader``).

Widths are estimates in twips (1/20 pt) for the 五号 (10.5 pt) table text: a CJK character
is one em, any other character ``NARROW`` em (digits of the substituted fonts are about 0.55 em).
"""
from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

__all__ = ["finish_tables", "text_twips", "FIGURE", "TEXT_FLOOR", "KEEP_LAST"]

EM = 210                 # 10.5 pt in twips
NARROW = 0.6             # width of a digit, point, comma or % in em (generous)
CELL_MARGINS = 108 * 2   # Word's default left + right cell margins (0.19 cm each)
SLACK = 60               # rounding of the layout engines
TEXT_FLOOR = 1100        # a text column keeps at least ~19 mm (four characters and margins)
KEEP_LAST = 4            # rows at the end of a table that stay on one page
LONG_ROW = 120           # characters: a row longer than this may break across pages

#: A figure as the report tables print it: amount, rate, score, count (optional sign or ≥/≤).
FIGURE = re.compile(r"[≥≤<>=＋+\-−]?\d[\d,]*(?:\.\d+)?%?")


def text_twips(text: str) -> int:
    """Printed width of ``text`` in twips at 10.5 pt (an estimate, see the module docstring)."""
    wide = sum(1 for ch in text if ord(ch) > 0x2E7F)
    return int(EM * (wide + NARROW * (len(text) - wide)))


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def _grid_cells(tr) -> list[tuple[int, int, object]]:
    """(first grid column, span, w:tc) of each cell of a row."""
    out, col = [], 0
    for tc in tr.iterchildren(qn("w:tc")):
        span = tc.grid_span
        out.append((col, span, tc))
        col += span
    return out


def _fit_figures(tbl) -> None:
    grid = tbl.find(qn("w:tblGrid"))
    if grid is None:
        return
    cols = list(grid.iterchildren(qn("w:gridCol")))
    widths = [int(c.get(qn("w:w")) or 0) for c in cols]
    need = [0] * len(widths)      # the widest figure of each column (0: none)
    longest = [0] * len(widths)   # the widest paragraph of each column
    for tr in tbl.iterchildren(qn("w:tr")):
        for col, span, tc in _grid_cells(tr):
            if span != 1 or col >= len(need):
                continue
            for p in tc.iterchildren(qn("w:p")):
                t = _text(p).strip()
                wide = text_twips(t) + CELL_MARGINS + SLACK
                longest[col] = max(longest[col], wide)
                if FIGURE.fullmatch(t):
                    need[col] = max(need[col], wide)
    new = [max(n, w) for n, w in zip(need, widths)]
    deficit = sum(new) - sum(widths)
    donors = [i for i, (n, w) in enumerate(zip(need, widths)) if not n and w > TEXT_FLOOR]
    # first the room a text column does not use (an empty 偏差原因 column), then in proportion
    # to what each has above the floor
    for i in donors:
        unused = widths[i] - max(longest[i], TEXT_FLOOR)
        give = min(max(unused, 0), deficit)
        new[i] -= give
        deficit -= give
    spare = sum(new[i] - TEXT_FLOOR for i in donors)
    take = min(deficit, spare)
    if take > 0:
        shares = {i: new[i] - TEXT_FLOOR for i in donors}
        for i in donors:
            new[i] -= take * shares[i] // spare  # whole twips
    for c, w in zip(cols, new):
        c.set(qn("w:w"), str(w))
    for tr in tbl.iterchildren(qn("w:tr")):  # every cell, merged ones too, as wide as its grid
        for col, span, tc in _grid_cells(tr):
            tc.width = Twips(sum(new[col:col + span]))


def _label_column(tbl) -> int | None:
    first = tbl.find(qn("w:tr"))
    if first is None:
        return None
    heads = {_text(tc).strip(): col for col, span, tc in _grid_cells(first) if span == 1}
    return heads.get("一级指标")


def _merge_labels(tbl) -> None:
    """Merge a blank 一级指标 cell into the cell above."""
    c1 = _label_column(tbl)
    if c1 is None:
        return
    above = None                    # the cell a blank below merges into
    for tr in list(tbl.iterchildren(qn("w:tr")))[1:]:
        cells = {col: tc for col, span, tc in _grid_cells(tr) if span == 1}
        tc = cells.get(c1)
        if tc is None:              # the 总分 row (a merged label): the block ends
            above = None
        elif _text(tc).strip() or above is None:
            above = tc
        else:
            if above.vMerge is None:
                above.vMerge = "restart"
            tc.vMerge = "continue"


def _keep_rows(tbl) -> None:
    rows = list(tbl.iterchildren(qn("w:tr")))
    for tr in rows:
        if len(_text(tr)) <= LONG_ROW:
            trpr = tr.get_or_add_trPr()
            if trpr.find(qn("w:cantSplit")) is None:
                trpr.insert(0, OxmlElement("w:cantSplit"))
    if len(rows) <= KEEP_LAST + 1:
        return
    for tr in rows[-KEEP_LAST:-1]:  # each keeps with the row after it
        for p in tr.iter(qn("w:p")):
            p.get_or_add_pPr().keepNext_val = True


def finish_tables(document) -> None:
    """Lay out every table of ``document`` (a python-docx ``Document``) in place."""
    for tbl in document.element.body.iterchildren(qn("w:tbl")):
        _merge_labels(tbl)
        _fit_figures(tbl)
        _keep_rows(tbl)
