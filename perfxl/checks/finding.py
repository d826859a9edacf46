"""The finding: one immutable record of one problem at one cell.

Equality and hashing use the location and the rule (``rule, file, sheet, cell``), never the
wording or the numbers, so tests pin *where* and *which* while messages stay free to improve
(yamllint's ``LintProblem`` does the same).  Ordering is the report order: file, sheet (in
workbook order), row, column, rule.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from perfxl.layout import LAYOUT, column_index

__all__ = ["Finding", "LEVELS", "ERROR", "WARNING", "INFO", "level_rank", "cell_position"]

ERROR, WARNING, INFO = "error", "warning", "info"
#: Levels from the most to the least severe.
LEVELS = (ERROR, WARNING, INFO)

_A1 = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
_SHEET_ORDER = {s.name: i for i, s in enumerate(LAYOUT.sheets)}


def level_rank(level: str) -> int:
    """0 for error, 1 for warning, 2 for info (smaller is more severe)."""
    return LEVELS.index(level)


def cell_position(cell: str) -> tuple[int, int]:
    """"C12" -> (12, 3); an empty or unusual address -> (0, 0)."""
    m = _A1.match(cell or "")
    if not m:
        return 0, 0
    return int(m.group(2)), column_index(m.group(1))


@dataclass(frozen=True, eq=False)
class Finding:
    """One problem.

    * ``rule``: the rule code (``PX201``); ``level``: error / warning / info.
    * ``file``: the workbook path ("" for a model built in code); ``sheet`` and ``cell`` (A1)
      locate the cell to fix ("" when the finding concerns the whole file).
    * ``message``: Chinese, with the numbers and the fix.
    * ``expected`` / ``actual``: what the cell should hold and what it holds — numbers where
      the rule is numeric (amounts in the workbook's unit, rates as fractions, scores in 分),
      otherwise text or ``None``.
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
    related: tuple[tuple[str, str], ...] = field(default=())

    @property
    def location(self) -> tuple[str, str, str, str]:
        return (self.rule, self.file, self.sheet, self.cell)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self.location == other.location

    def __hash__(self) -> int:
        return hash(self.location)

    @property
    def sort_key(self) -> tuple:
        row, col = cell_position(self.cell)
        return (self.file, _SHEET_ORDER.get(self.sheet, len(_SHEET_ORDER)), self.sheet, row, col,
                self.rule)

    def __lt__(self, other: "Finding") -> bool:
        return self.sort_key < other.sort_key

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"rule", "level", "message", "sheet", "cell", "expected",
        "actual"}`` (the file is given once per file in the report)."""
        d = asdict(self)
        return {k: d[k] for k in ("rule", "level", "message", "sheet", "cell", "expected",
                                  "actual")}
