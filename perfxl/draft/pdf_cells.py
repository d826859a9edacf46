"""A form pasted as text, one cell per line, then printed to PDF: its empty cells put back.

A draft may paste a table as text: each cell on a line of its own starting with a tab, a blank
line between two rows (how Word and WPS turn a table into text; ``perfxl.draft.tables`` reads
such rows).  Printed, an empty cell (a line holding only its tab) and the blank line that ends
a row look alike: the PDF has an empty line for each and nothing tells them apart.
``restore(units)`` puts the form back: each empty line of it becomes an empty cell (``"\\t"``)
or stays a row's end (``""``), by the form's shape:

* a form's rows are as wide as one another (its header's width; a row of empty cells too):
  of all the readings of its empty lines, the one with the fewest changes of width from a row
  to the next is taken, and of those the one with the fewest empty cells;
* the last row of a form (before a line of prose, a ruled table, a line of blanks only or the
  end of the document) ends with as many empty cells as the row above it: a 总分 / 合计 row
  whose label spans several columns keeps its figures under the columns of the row above;
* empty lines before a form's first cell are blank lines, as are those after its last row.

A form is a run of cell lines and empty lines; a line without a tab right under a cell
continues that cell (a wrapped "(万元)"), any other line ends the form.  Only the ``""`` units
of ``perfxl.draft.pdf`` (empty lines measured from the gaps between printed lines) are
decided; every other unit is returned as it is.
"""
from __future__ import annotations

from dataclasses import replace

from perfxl.draft.reading import Unit

__all__ = ["restore"]

#: A row wider than this is no row of a form: the reading is not pursued (bounds the search).
_MAX_WIDTH = 40
#: The cost of a reading: a row as wide as the row before costs nothing, another width
#: ``_CHANGE``; an empty cell in a row with text ``_EMPTY`` (a row of empty cells only: nothing).
_CHANGE, _EMPTY = 10, 3


def _change(before: int, width: int) -> int:
    return 0 if not before or before == width else _CHANGE
#: Readings costing this much more than the best so far are dropped (bounds the search).
_SLACK = 40

_CELL, _BLANK, _OTHER, _CONT = "c", "b", "x", "+"


def _kind(u: Unit, after_cell: bool) -> str:
    if u.table is not None:
        return _OTHER
    if u.text == "" and u.paragraph is None:
        return _BLANK
    if u.text.lstrip(" ").startswith("\t"):
        return _CELL
    if after_cell and u.text.strip():
        return _CONT
    return _OTHER


def _kinds(units: list[Unit]) -> list[str]:
    out: list[str] = []
    for u in units:
        out.append(_kind(u, bool(out) and out[-1] in (_CELL, _CONT)))
    return out


def _decide(seq: list[str]) -> list[bool]:
    """For a form's run of cells (``c``) and empty lines (``b``), from its first cell to its
    last: whether each empty line is an empty cell (True) or a row's end (False), as the module
    doc says."""
    widest, run = 1, 0
    for kind in seq:
        run = run + 1 if kind == _CELL else 0
        widest = max(widest, run)
    # state (cells in the open row, any text in it, width of the row before or 0) -> cost
    states: dict[tuple[int, bool, int], int] = {(0, False, 0): 0}
    back: list[dict] = []
    for kind in seq:
        nxt: dict[tuple[int, bool, int], int] = {}
        came: dict = {}

        def offer(state, cost, prev, empty):
            if state not in nxt or cost < nxt[state]:
                nxt[state] = cost
                came[state] = (prev, empty)

        for (k, h, w), cost in states.items():
            if kind == _CELL:
                if k < max(widest, 1):
                    offer((k + 1, True, w), cost, (k, h, w), False)
                continue
            if k < widest:  # an empty cell
                offer((k + 1, h, w), cost + _EMPTY, (k, h, w), True)
            if k:  # the row's end; a row of empty cells only costs nothing for them
                offer((0, False, k), cost + _change(w, k) - (0 if h else _EMPTY * k),
                      (k, h, w), False)
            else:  # a second blank line in a row: allowed, as a change of width
                offer((0, False, w), cost + _CHANGE, (k, h, w), False)
        best = min(nxt.values())
        states = {s: v for s, v in nxt.items() if v <= best + _SLACK}
        back.append(came)
    # the last row counts as the others (its empty cells at the end are decided by ``restore``)
    state = min(states, key=lambda s: states[s] + _change(s[2], s[0]))
    out: list[bool] = []
    for came in reversed(back):
        state, empty = came[state]
        out.append(empty)
    out.reverse()
    return out


def _trailing_empties(seq: list[str], empty: list[bool]) -> int:
    """Empty cells at the end of the row before the last one (0 when the form has one row)."""
    end = next((i for i in range(len(seq) - 1, -1, -1)
                if seq[i] == _BLANK and not empty[i]), None)
    if end is None:
        return 0
    n = 0
    for i in range(end - 1, -1, -1):
        if seq[i] == _BLANK and empty[i]:
            n += 1
        else:
            break
    return n


def restore(units: list[Unit]) -> list[Unit]:
    """``units`` with the empty lines of forms pasted as text that are empty cells as ``"\\t"``
    (see the module doc)."""
    kinds = _kinds(units)
    out = list(units)
    i = 0
    while i < len(kinds):
        if kinds[i] != _CELL:
            i += 1
            continue
        # the form: from this cell up to the line that ends it
        j = i
        while j < len(kinds) and kinds[j] in (_CELL, _BLANK, _CONT):
            j += 1
        idx = [n for n in range(i, j) if kinds[n] != _CONT]
        last = max(n for n in idx if kinds[n] == _CELL)
        body = [n for n in idx if n <= last]
        seq = [kinds[n] for n in body]
        empty = _decide(seq)
        for n, e in zip(body, empty):
            if e:
                out[n] = replace(units[n], text="\t")
        # the last row ends like the row above it
        tail = [n for n in idx if n > last]
        for n in tail[:_trailing_empties(seq, empty)]:
            out[n] = replace(units[n], text="\t")
        i = j
    return out
