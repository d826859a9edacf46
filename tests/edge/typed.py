"""A copy of an example workbook with cells typed as a person types them (openpyxl writes a
string as text, as Excel keeps 「10」 typed into a cell formatted as text)."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.conftest import example_file


def typed_copy(tmp: Path, cells: dict, example: str = "004", name: str = "typed") -> Path:
    """``tmp/<name>.xlsx``: example ``example`` with ``cells`` ((sheet, A1) -> value) written."""
    wb = openpyxl.load_workbook(example_file(example))
    for (sheet, cell), value in cells.items():
        wb[sheet][cell] = value
    path = tmp / f"{name}.xlsx"
    wb.save(path)
    return path
