"""Tables of a draft: the rows of a .docx table, or of a table pasted into a .txt (and into
one-paragraph-per-line .docx) as one cell per line starting with a tab, rows separated by
blank lines (how Word and WPS export a table to text); and the forms pasted as text that
``perfxl.draft.tables_text`` reads (``|`` between cells; a PDF's text spaced).

``Table`` = title, rows; ``Row`` = its cells (``Cell``: text, span in ``Doc.text``).  A *header*
row holds no number and at least two column words (分值、得分、执行率、预算数…); the data rows
below it take its column names aligned from the right (merged first cells make the data rows'
first columns vary, their last columns never do).  ``Doc.tables`` is built once per draft.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal

from perfxl.draft.numbers import Figure, figures

__all__ = ["Cell", "Row", "Table", "read_tables", "norm_label", "WEIGHT_NOTE"]

_HEAD_WORDS = ("分值", "得分", "执行率", "控制率", "预算数", "执行数", "决算数", "编制数", "在职人数",
               "指标值", "完成值", "权重")
#: the weight a form's header states beside a block's name: 「绩效指标（90分）」
WEIGHT_NOTE = re.compile(r"[(（]\s*(\d{1,3}(?:\.\d+)?)\s*分\s*[)）]")
_NUMERIC = re.compile(r"^\s*[-+]?\d[\d,]*(?:\.\d+)?\s*(?:%|万元|元|亿元|分|人|个)?\s*$")
_NOT_IN_LABEL = re.compile(r"[\s“”\"'‘’:：,，、()（）\[\]]|万元|元|^\d+[.、．]|^[一二三四五六七八九十]+、")


def norm_label(s: str) -> str:
    """A row or quantity name for matching: no spaces, quotes, punctuation, numbering, units."""
    return _NOT_IN_LABEL.sub("", s)


@dataclass
class Cell:
    text: str
    start: int
    end: int

    @property
    def number(self) -> bool:
        return bool(_NUMERIC.match(self.text)) and bool(self.text.strip())


@dataclass
class Row:
    cells: list[Cell]
    header: list[str] | None = None  # column names, right-aligned to the cells

    @property
    def label(self) -> str:
        for c in self.cells:
            if c.text.strip() and not c.number:
                return norm_label(c.text)
        return ""

    @property
    def name(self) -> str:
        """The row's label, else (a data row under a header whose first cell names the rows,
        "财政供养人员情况 | 编制数 | …" over " | 56 | …") that header cell."""
        if self.label:
            return self.label
        if self.header and self.cells and not self.cells[0].text.strip():
            return norm_label(self.header[0])
        return ""

    def column(self, names: tuple[str, ...], *, loose: bool = False) -> Cell | None:
        """The cell under the first header column whose name contains one of ``names``
        (``loose``: also in a row with fewer cells, as a 总分 row whose label spans columns)."""
        if not self.header or (abs(len(self.cells) - len(self.header)) > 1 and not loose):
            return None  # a row of another shape (two label/value pairs side by side)
        off = len(self.cells) - len(self.header)
        for n in names:  # in order of preference: 全年预算数 before 预算数
            for i, h in enumerate(self.header):
                if n in h and 0 <= i + off < len(self.cells):
                    return self.cells[i + off]
        return None


    def merged_column(self, names: tuple[str, ...]) -> Cell | None:
        """``column``, and for an indicator row whose 一级 / 二级指标 cells are merged with the
        row above (fewer cells than its header of 二级指标 / 三级指标: a form pasted as text
        leaves them out) the cell its last columns put there."""
        c = self.column(names)
        if c is None and self.header and len(self.cells) < len(self.header) and any(
                w in h for h in self.header for w in ("二级指标", "三级指标")):
            c = self.column(names, loose=True)
        return c

    def columns(self) -> list[tuple[str, Cell]]:
        """(header name without spaces, cell) of each column of a row lined up with its header
        (right-aligned, one merged first cell allowed: the rule of ``column``)."""
        if not self.header or abs(len(self.cells) - len(self.header)) > 1:
            return []
        off = len(self.cells) - len(self.header)
        return [("".join(h.split()), self.cells[i + off]) for i, h in enumerate(self.header)
                if 0 <= i + off < len(self.cells)]


@dataclass
class Table:
    """``title``: the line above the table as the rules read it (full-width forms and traditional
    characters normalised, ``Doc.text``); ``shown``: the same line as the user wrote it, which a
    message quotes (``label``)."""

    title: str
    rows: list[Row] = field(default_factory=list)
    shown: str = ""

    @property
    def label(self) -> str:
        """The title as written in the draft, for messages (a quote is the user's own text)."""
        return self.shown or self.title

    @cached_property
    def unit(self) -> str | None:
        """The money unit the table states in its title or a one-cell caption row
        ("单位：万元"), read once (``stated_unit``)."""
        return stated_unit(self.title, *(r.cells[0].text for r in self.rows if len(r.cells) == 1))


def _is_header(cells: list[Cell]) -> bool:
    # "预 算 数": a justified cell spaces its characters out
    texts = ["".join(c.text.split()) for c in cells if c.text.strip()]
    return (len(texts) >= 2 and not any(c.number for c in cells)
            and sum(any(w in t for w in _HEAD_WORDS) for t in texts) >= 2)


def _text(doc, i: int) -> str:
    """Unit ``i``'s text with full-width digits and punctuation as ASCII (``Doc.text``), so
    "１２０．５０万元" is a number cell."""
    a = doc.starts[i]
    return doc.text[a:a + len(doc.units[i].text)]


def _txt_rows(doc) -> list[tuple[list[Cell], int]]:
    """Rows of tab-indented cells, with the index of their first unit."""
    rows, cur, first = [], [], 0
    for i, u in enumerate(doc.units):
        t = u.text
        if u.in_table:
            continue
        if t.lstrip(" ").startswith("\t"):
            s = doc.starts[i] + len(t) - len(t.lstrip(" \t"))
            if not cur:
                first = i
            cur.append(Cell(_text(doc, i).strip(" \t\u3000"), s, doc.starts[i] + len(t.rstrip())))
            continue
        if cur and not t.strip():
            rows.append((cur, first))
            cur = []
        elif cur and t.strip():  # a line continuing the last cell ("(万元)")
            cur[-1].text += _text(doc, i).strip()
    if cur:
        rows.append((cur, first))
    return rows


def _docx_rows(doc) -> list[tuple[list[Cell], int]]:
    rows: dict[tuple[int, int], list[Cell]] = {}
    firsts: dict[tuple[int, int], int] = {}
    for i, u in enumerate(doc.units):
        if u.in_table:
            key = (u.table, u.row)
            s = doc.starts[i]
            rows.setdefault(key, []).append(Cell(_text(doc, i).strip(), s, s + len(u.text)))
            firsts.setdefault(key, i)
    return [(cells, firsts[k]) for k, cells in rows.items()]


def _width(table: Table) -> int:
    """Cells per row: the header's, else the median row's."""
    for r in table.rows:
        if r.header:
            return len(r.header)
    lens = sorted(len(r.cells) for r in table.rows)
    return lens[len(lens) // 2] if lens else 0


_BLANK = re.compile(r"^[\s\-—–/／、]*$")


def _split(cells: list[Cell], width: int) -> list[list[Cell]]:
    """A row longer than the table is wide that reads "label, figures, label, figures": two
    rows glued together (a table pasted one cell per line lost the blank line between them:
    seed 004 "3、公务接待 / 2.4 / 0.81 / 793.24 / 3、本级专项资金 / 320 / 320")."""
    if len(cells) <= width or not cells or cells[0].number or not cells[0].text.strip():
        return [cells]
    for i in range(2, len(cells)):
        c = cells[i]
        before = cells[1:i]
        if (c.text.strip() and not c.number and any(b.number for b in before)
                and all(b.number or _BLANK.match(b.text) for b in before)
                and any(x.number for x in cells[i + 1:])):
            return [cells[:i]] + _split(cells[i:], width)
    return [cells]


def _unglue(table: Table) -> Table:
    width = _width(table)
    rows = []
    for r in table.rows:
        parts = _split(r.cells, width) if r.header is not None or not _is_header(r.cells) \
            else [r.cells]
        rows += [Row(p, r.header) for p in parts]
    table.rows = rows
    return table


def read_tables(doc) -> list[Table]:
    """Every table of the draft with its rows (glued rows split, ``_split``) and their column
    names.  Cell texts have full-width digits and punctuation as ASCII."""
    tables: list[Table] = []
    header: list[str] | None = None
    for cells, _first in sorted(_txt_rows(doc) + _docx_rows(doc), key=lambda r: r[1]):
        texts = [c.text for c in cells if c.text.strip()]
        if len(texts) == 1 and not cells[0].number and ("表" in texts[0][-4:]):
            tables.append(Table(texts[0]))
            header = None
            continue
        if not tables:
            tables.append(Table(""))
        if _is_header(cells):
            header = ["".join(c.text.split()) for c in cells]
            tables[-1].rows.append(Row(cells, None))
            continue
        tables[-1].rows.append(Row(cells, header))
    from perfxl.draft.tables_text import text_tables  # here: that module builds on this one
    return [_unglue(t) for t in tables] + text_tables(doc)


def figure_of(doc, cell: Cell) -> Figure | None:
    """The number a cell holds, as a ``Figure`` (unit from the cell, else none)."""
    figs = figures(doc.flat, cell.start, cell.end)
    return figs[0] if len(figs) == 1 else None


def value(doc, cell: Cell | None) -> Decimal | None:
    if cell is None or not cell.number:
        return None
    f = figure_of(doc, cell)
    return None if f is None else f.value


_UNIT_NOTE = re.compile(r"[(（]\s*(万元|亿元|元)\s*[)）]|单位\s*[:：]\s*(万元|亿元|元)")


def stated_unit(*texts: str) -> str | None:
    """The money unit the texts state ("(万元)", "单位：元"), or ``None`` when they state none or
    several different ones."""
    units = {a or b for t in texts if t for a, b in _UNIT_NOTE.findall(t)}
    return units.pop() if len(units) == 1 else None


@dataclass
class Pair:
    """A label cell and the one number cell right after it ("项目支出：" | "1793.17")."""

    label: Cell
    value: Cell
    figure: Figure
    #: the money unit of a bare number: its own, else the label's, else the header's, else the
    #: table's (its title or a one-cell caption row, "单位：万元")
    unit: str | None


def pairs(doc, table: Table, row: Row) -> list[Pair]:
    """The label/value pairs of a row: a non-number cell followed by a number cell that is not
    followed by another number cell (a row of several columns, "三公经费 | 11.37 | 55.77 |
    5.76", has no pair; "一般公共预算： | 3667.49 | 其中:基本支出： | 2202.32" has two).  A row
    with a number cell that follows no label ("3.公务接待 | 2.40 | | 0.81"), or with as many cells
    as its header, is read by columns, not in pairs."""
    out, cells = [], row.cells
    if row.header and len(cells) == len(row.header):
        return out
    for i, c in enumerate(cells):
        if c.number and (i == 0 or cells[i - 1].number or not cells[i - 1].text.strip()):
            return out
    for i in range(len(cells) - 1):
        lab, val = cells[i], cells[i + 1]
        nxt = cells[i + 2] if i + 2 < len(cells) else None
        if not lab.text.strip() or lab.number or not val.number:
            continue
        if nxt is not None and nxt.number:
            continue
        f = figure_of(doc, val)
        if f is None or f.rate or f.count or f.unit in ("年", "分", "other"):
            continue
        unit = (f.unit if f.money else
                stated_unit(lab.text) or stated_unit(*(row.header or ())) or table.unit)
        out.append(Pair(lab, val, f, {"万": "万元", "亿": "亿元"}.get(unit, unit)))
    return out
