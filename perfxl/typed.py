"""One normalization of typed input, the same in the workbook's formulas and in the reader.

The template's formulas read choice cells (是否适用, 指标性质, 方向, 达成程度 ...) and the
blank tests of number cells through ``TRIM`` (``perfxl.layout``), so the reader must read them
through the same function: ``excel_trim`` is Excel's / LibreOffice's TRIM — leading and
trailing ASCII spaces removed, inner runs of spaces collapsed to one; other white space
(full-width spaces, tabs, line breaks) is kept, as TRIM keeps it.
"""
from __future__ import annotations

import re

__all__ = ["excel_trim", "is_trim_blank", "TextNumber"]

_SPACES = re.compile(" {2,}")


def excel_trim(text: str) -> str:
    """TRIM(text): ``excel_trim("  达成 ") == "达成"``, ``excel_trim("a   b") == "a b"``,
    ``excel_trim("达成\\u3000") == "达成\\u3000"`` (TRIM removes only ASCII spaces)."""
    return _SPACES.sub(" ", text.strip(" "))


def is_trim_blank(value: object) -> bool:
    """``TRIM(cell)=""`` in a formula: an empty cell, or text of ASCII spaces only."""
    return value is None or (isinstance(value, str) and excel_trim(value) == "")


class TextNumber(float):
    """A figure typed as text ("10", "95%") in a cell the workbook's formulas read both ways: as
    the number it spells in arithmetic (``=MIN(K19/G19,1)``, ``=B10*...``) and as nothing in
    SUM / SUMPRODUCT / N() / COUNT, which skip text.  It is that number to arithmetic;
    ``perfxl.derived``'s SUM, N and COUNT mirrors skip it.  PX009 tells the user to type it
    as a number."""

    __slots__ = ()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"TextNumber({float(self)!r})"
