"""LibreOffice, a real spreadsheet application, recalculates the template and every example;
its values equal the reader's for every formula cell (cached values, or the formulas engine's
where the file has none).  Runs in CI: make test installs LibreOffice."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from perfxl.io.office.libreoffice import recalculated_values
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.layout import LAYOUT
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.libreoffice


def _same(a, b) -> bool:
    empty = (None, "")
    if a in empty or b in empty:
        return a in empty and b in empty
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-9)
    return str(a) == str(b)


def _compare(path: Path, workdir: Path) -> int:
    model = read_workbook(path)
    lo = recalculated_values(path, workdir)
    bad = []
    for (sheet, cell) in LAYOUT.formula_cells:
        mine = model.source.value_of(sheet, cell)
        theirs = lo.get((sheet, cell))
        if not _same(mine, theirs):
            bad.append((sheet, cell, mine, theirs))
    assert not bad, bad[:10]
    return len(LAYOUT.formula_cells)


def test_template_recalculated_by_libreoffice(soffice, template_path, tmp_path):
    assert _compare(template_path, tmp_path) > 250


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.xlsx")), ids=lambda p: p.name[:3])
def test_example_recalculated_by_libreoffice(soffice, path, tmp_path):
    assert _compare(path, tmp_path) > 250


def test_examples_exist():
    names = sorted(p.name[:3] for p in EXAMPLES.glob("*.xlsx"))
    assert {"000", "004"} <= set(names)
