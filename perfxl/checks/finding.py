"""The finding: one immutable record of one problem at one cell.

Equality and hashing use the location and the rule (``rule, file, sheet, cell`` and, for a
finding in a report draft, ``line, paragraph, table, row, col, quote``), never the wording or
the numbers, so tests pin *where* and *which* while messages stay free to improve (yamllint's
``LintProblem`` does the same).  Ordering is the report order: file, sheet (in workbook order),
row, column, then the draft location, rule.

``Finding`` is a ``NamedTuple`` (a new one with changed fields: ``finding._replace(...)``): every
``perfxl check`` defines it, and a dataclass costs several times as much to define.
"""
from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

__all__ = ["Finding", "LEVELS", "ERROR", "WARNING", "INFO", "level_rank", "cell_position",
           "DRAFT_FIELDS", "place_text"]

ERROR, WARNING, INFO = "error", "warning", "info"
#: Levels from the most to the least severe.
LEVELS = (ERROR, WARNING, INFO)
#: The location fields of a finding in a report draft (``None`` for a workbook finding).
DRAFT_FIELDS = ("line", "paragraph", "table", "row", "col", "quote", "from_line",
                "from_paragraph", "page")

_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
#: the sort rank of a finding with no sheet (a whole file, a draft) or a sheet the layout does not
#: know: after every sheet of the layout (the sheet name then orders them)
_NO_SHEET = 1 << 30


@functools.cache
def _sheet_order() -> dict[str, int]:
    """Sheet name -> its rank in the layout; built on first use: a draft's findings have no
    sheet and do not pay for importing the layout."""
    from perfxl.layout import LAYOUT

    return {s.name: i for i, s in enumerate(LAYOUT.sheets)}


def place_text(line: int | None = None, paragraph: int | None = None, table: int | None = None,
               row: int | None = None, col: int | None = None, page: int | None = None) -> str:
    """A place in a report draft, in Chinese: ``第 12 行`` (.txt), ``第 3 段`` (.docx body
    paragraph), ``表 1 第 2 行第 3 列`` (.docx table cell; ``表 1 第 2 行`` without ``col``),
    with ``第 4 页`` before it for a PDF (``第 4 页第 3 段``: the 3rd paragraph that begins on
    page 4), "" for none."""
    if page is not None:
        return f"第 {page} 页" + place_text(line, paragraph, table, row, col)
    if line is not None:
        return f"第 {line} 行"
    if paragraph is not None:
        return f"第 {paragraph} 段"
    if table is not None:
        return f"表 {table} 第 {row} 行" + (f"第 {col} 列" if col is not None else "")
    return ""


def level_rank(level: str) -> int:
    """0 for error, 1 for warning, 2 for info (smaller is more severe)."""
    return LEVELS.index(level)


def cell_position(cell: str) -> tuple[int, int]:
    """"C12" -> (12, 3); an empty or unusual address -> (0, 0)."""
    m = _A1.match(cell or "")
    if not m:
        return 0, 0
    from perfxl.layout import column_index

    return int(m.group(2)), column_index(m.group(1))


class Finding(NamedTuple):
    """One problem.

    * ``rule``: the rule code (``PX201``); ``level``: error / warning / info.
    * ``file``: the workbook path ("" for a model built in code); ``sheet`` and ``cell`` (A1)
      locate the cell to fix ("" when the finding concerns the whole file).
    * ``message``: Chinese, with the numbers and the fix.
    * ``expected`` / ``actual``: what the cell should hold and what it holds — numbers where
      the rule is numeric, otherwise text or ``None``.  A workbook finding gives amounts in the
      workbook's unit, rates as fractions, scores in 分 (``unit`` ``None``).  A draft finding
      gives both in the unit the text writes the figure in, named by ``unit`` (2202.33 and
      2202.32 with ``unit`` "万元"; 96.79 and 96.0 with "%"; ``perfxl.draft.units``).
    * Draft location (a 自评报告 draft, ``perfxl.draft``; all ``None`` for a workbook finding):
      ``line`` (1-based line of a .txt), ``paragraph`` (1-based index of a .docx body paragraph,
      see ``perfxl.draft.reading``), ``table`` / ``row`` / ``col`` (1-based table of the .docx
      body and the cell in it), ``quote`` (the exact fragment of the text the finding is about),
      ``page``: the page of a PDF draft (``paragraph`` then counts on that page),
      ``from_line`` / ``from_paragraph``: for a cell of a table pasted one cell per line (a .txt,
      or a .docx with one paragraph per line), the line (paragraph) where that table row starts;
      the finding is about the row ``from_line`` .. ``line`` (``None`` otherwise).
    """

    rule: str
    level: str
    file: str
    sheet: str
    cell: str
    message: str
    expected: Any = None
    actual: Any = None
    #: Other cells the finding relies on (operands), for display; not part of identity.
    related: tuple[tuple[str, str], ...] = ()
    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    quote: str | None = None
    from_line: int | None = None
    from_paragraph: int | None = None
    #: the page of a PDF draft (``paragraph`` then counts on that page)
    page: int | None = None
    #: the unit of ``expected`` / ``actual`` ("万元", "元", "%", "个百分点", "人", "分"...);
    #: ``None`` when they are text, absent, or in the rules' scale (see the class doc)
    unit: str | None = None

    @property
    def location(self) -> tuple:
        return (self.rule, self.file, self.sheet, self.cell, self.page, self.line,
                self.paragraph, self.table, self.row, self.col, self.quote)

    @property
    def in_draft(self) -> bool:
        """True for a finding located in a report draft (a line, paragraph or table cell)."""
        return any(v is not None for v in (self.line, self.paragraph, self.table, self.page))

    @property
    def place(self) -> str:
        """Where to fix it, in Chinese: ``第 12 行``, ``第 3 段``, ``第 9–12 行`` (a table row
        pasted one cell per line, ending at the cell), ``表 1 第 2 行第 3 列``, or
        ``工作表!单元格`` for a workbook finding ("" for the whole file)."""
        if self.line is not None and self.from_line:
            return f"第 {self.from_line}–{self.line} 行"
        if self.line is None and self.paragraph is not None and self.from_paragraph:
            return f"第 {self.from_paragraph}–{self.paragraph} 段"
        if self.in_draft:
            return place_text(self.line, self.paragraph, self.table, self.row, self.col,
                              self.page)
        return f"{self.sheet}!{self.cell}" if self.sheet else ""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self.location == other.location

    def __ne__(self, other: object) -> bool:  # a tuple's own != would compare every field
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self) -> int:
        return hash(self.location)

    @property
    def sort_key(self) -> tuple:
        row, col = cell_position(self.cell)
        draft = tuple(-1 if v is None else v for v in
                      (self.page, self.line, self.paragraph, self.table, self.row, self.col))
        sheet = _sheet_order().get(self.sheet, _NO_SHEET) if self.sheet else _NO_SHEET
        return (self.file, sheet, self.sheet, row, col,
                draft, self.rule, self.quote or "")

    def __lt__(self, other: "Finding") -> bool:
        return self.sort_key < other.sort_key

    # report order for the other comparisons too (a tuple's own would compare field by field)
    def __gt__(self, other: "Finding") -> bool:
        return other.sort_key < self.sort_key

    def __le__(self, other: "Finding") -> bool:
        return not other.sort_key < self.sort_key

    def __ge__(self, other: "Finding") -> bool:
        return not self.sort_key < other.sort_key

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"rule", "level", "message", "sheet", "cell", "expected",
        "actual", "unit"}`` (the file is given once per file in the report), plus, for a finding
        in a report draft, ``{"line", "paragraph", "table", "row", "col", "quote", "from_line",
        "from_paragraph", "page"}`` (``null`` where not applicable)."""
        d = self._asdict()
        keys = ("rule", "level", "message", "sheet", "cell", "expected", "actual", "unit")
        if self.in_draft:
            keys += DRAFT_FIELDS
        return {k: d[k] for k in keys}
