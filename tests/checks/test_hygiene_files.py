"""The hygiene rules (PX0xx) on real files: a workbook written from the 004 example is clean;
tampering with it (a typed-over formula, a foreign function, a changed formula, a stale cached
value) is reported at the tampered cell."""
from __future__ import annotations

from pathlib import Path

import pytest

from perfxl.checks import check_model
from perfxl.layout import LAYOUT

openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data" / "004.toml"
RATE = LAYOUT.field_cell("execution_rate")
SHARE = LAYOUT.table_cell("income", 0, "share")


@pytest.fixture(scope="module")
def clean_file(tmp_path_factory) -> Path:
    if not DATA.exists():
        pytest.skip("example data not entered yet")
    from perfxl.examples import load_example_data
    from perfxl.io.writing.xlsx_fill import write_model
    path = tmp_path_factory.mktemp("hyg") / "004.xlsx"
    write_model(load_example_data(DATA), path, cached_values=False)
    return path


def _read(path: Path):
    from perfxl.io.reading.xlsx_reader import read_workbook
    return read_workbook(path)


def _tamper(src: Path, dst: Path, edits: dict) -> Path:
    wb = openpyxl.load_workbook(src)
    for (sheet, cell), value in edits.items():
        wb[sheet][cell] = value
    wb.save(dst)
    return dst


def test_written_workbook_is_clean(clean_file):
    assert check_model(_read(clean_file), select=["PX0"]) == []


def test_typed_over_formula(clean_file, tmp_path):
    m = _read(_tamper(clean_file, tmp_path / "t.xlsx", {RATE: 0.96}))
    found = [(f.rule, f.sheet, f.cell) for f in check_model(m, select=["PX0"])]
    assert ("PX001", *RATE) in found


def test_foreign_function_and_changed_formula(clean_file, tmp_path):
    m = _read(_tamper(clean_file, tmp_path / "t.xlsx",
                      {RATE: '=IFERROR($B$8/$B$4,"")', SHARE: "=XLOOKUP(A5,A5:A10,D5:D10)"}))
    found = {(f.rule, f.sheet, f.cell) for f in check_model(m, select=["PX0"])}
    assert ("PX004", *RATE) in found
    assert ("PX002", *SHARE) in found


def test_invalid_choice_in_file(clean_file, tmp_path):
    m = _read(_tamper(clean_file, tmp_path / "t.xlsx",
                      {LAYOUT.field_cell("amount_unit"): "千元"}))
    assert any(f.rule == "PX005" for f in check_model(m, select=["PX005"]))


def test_stale_cached_value(clean_file, tmp_path):
    import shutil
    from perfxl.io.writing.xlsx_cache import inject_cached_values
    path = tmp_path / "stale.xlsx"
    shutil.copy(clean_file, path)
    inject_cached_values(path, {RATE: 0.5})
    found = [f for f in check_model(_read(path), select=["PX003"])]
    assert [(f.sheet, f.cell) for f in found] == [RATE]
    assert found[0].actual == 0.5 and found[0].expected == pytest.approx(3995.49 / 4128.02)
