"""Tables of a draft: the rows of a .docx table, or of a table pasted into a .txt (and into
one-paragraph-per-line .docx) as one cell per line starting with a tab, rows separated by
blank lines (how Word and WPS export a table to text).

``Table`` = title, rows; ``Row`` = its cells (``Cell``: text, span in ``Doc.text``).  A *header*
row holds no number and at least two column words (分值、得分、执行率、预算数…); the data rows
below it take its column names aligned from the right (merged first cells make the data rows'
first columns vary, their last columns never do).  ``Doc.tables`` is built once per draft.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from perfxl.draft.numbers import Figure, figures

__all__ = ["Cell", "Row", "Table", "read_tables", "norm_label"]

_HEAD_WORDS = ("分值", "得分", "执行率", "控制率", "预算数", "执行数", "决算数", "编制数", "在职人数",
               "指标值", "完成值", "权重")
_NUMERIC = re.compile(r"^\s*[-+]?\d[\d,]*(?:\.\d+)?\s*(?:%|万元|元|亿元|分|人|个)?\s*$")


def norm_label(s: str) -> str:
    """A row or quantity name for matching: no spaces, quotes, punctuation, numbering, units."""
    s = re.sub(r"[\s“”\"'‘’:：,，、()（）\[\]]|万元|元|^\d+[.、．]|^[一二三四五六七八九十]+、", "", s)
    return s


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


@dataclass
class Table:
    title: str
    rows: list[Row] = field(default_factory=list)


def _is_header(cells: list[Cell]) -> bool:
    texts = [c.text for c in cells if c.text.strip()]
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
            header = [c.text for c in cells]
            tables[-1].rows.append(Row(cells, None))
            continue
        tables[-1].rows.append(Row(cells, header))
    return [_unglue(t) for t in tables]


def figure_of(doc, cell: Cell) -> Figure | None:
    """The number a cell holds, as a ``Figure`` (unit from the cell, else none)."""
    figs = figures(doc.flat, cell.start, cell.end)
    return figs[0] if len(figs) == 1 else None


def value(doc, cell: Cell | None) -> Decimal | None:
    if cell is None or not cell.number:
        return None
    f = figure_of(doc, cell)
    return None if f is None else f.value
