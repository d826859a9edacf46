"""Property tests (hypothesis): whatever a user types into the input cells of a standard workbook,
perfxl answers with a model or with one of its own errors — never another exception.

A few input or stated cells (enumerated from ``perfxl.layout.LAYOUT``) of a filled standard
workbook (example 004) get random values of every type openpyxl can store: empty, integers
(huge too), floats (nan, ±inf, huge, tiny), booleans, dates, datetimes and times, text (full-width
digits, per cent signs, thousands separators, Chinese, control characters, very long text) and
formula-looking text (typed as a formula, as Excel would take it).  The workbook is saved by
openpyxl with the example's cached values put back, then read by both engines, and the model
is checked and scored.

Scores staying within [0, weight] is the scoring suite's property (tests/scoring).
"""
from __future__ import annotations

import datetime as dt
import math
import warnings
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from perfxl import layout as L  # noqa: E402
from perfxl.errors import PerfxlError  # noqa: E402
from tests.corpus import make  # noqa: E402

NUMERIC = {L.AMOUNT, L.RATE, L.COUNT, L.SCORE, L.NUMBER, L.YEAR}


def _input_cells() -> list[tuple[str, str, str, tuple]]:
    """(sheet, A1, kind, where) of every input and stated cell; ``where`` finds the value in the
    model: ("field", key) or ("table", key, index, column)."""
    lay = L.LAYOUT
    out = []
    for key, (_s, _b, f) in lay.fields.items():
        if f.role in (L.INPUT, L.STATED):
            s, a1 = lay.field_cell(key)
            out.append((s, a1, f.kind, ("field", key)))
    for tkey, (_s, t) in lay.tables.items():
        for j, c in enumerate(t.columns):
            if c.role not in (L.INPUT, L.STATED):
                continue
            for i in range(t.n_rows):
                s, a1 = lay.table_cell(tkey, i, c.key)
                out.append((s, a1, c.kind, ("table", tkey, i, c.key, t.rows is not None and j == 0)))
    return out


CELLS = _input_cells()

TEXTS = ["96.79%", "1,234.00", "１２３", "１２３．４５", "约100", "—", "－", "  ", " 12 ", "12 万元",
         "=1/0", "=SUM(A1:A3)", "=XLOOKUP(1,A:A,B:B)", "#DIV/0!", "#REF!", "#N/A", "TRUE", "是",
         "1e309", "-0", "0x1F", "١٢٣", "二〇二三", "2023年", "2023-12-31", "N/A", "\t", "\n12\n",
         "_x0001_", "'123", "（100）", "(100)", "1.2.3", "∞", "NaN", "inf"]

VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1e-300, 5e-324, 1.7976931348623157e308, -1e15, 1e15, 0.1 + 0.2]),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 12, 31)),
    st.times(),
    st.sampled_from(TEXTS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.text(alphabet="0123456789０１２３４５６７８９.,%，。％-－+ 　万元约", max_size=12),
    st.integers(min_value=1000, max_value=40000).map(lambda n: "长" * n),
)
EDITS = st.lists(st.tuples(st.sampled_from(CELLS), VALUES), min_size=1, max_size=6)


class _Base:
    """The example loaded once (openpyxl), and its cached values; each example writes its
    values, saves, and puts the original values back."""

    def __init__(self) -> None:
        import zipfile

        import openpyxl

        from perfxl.io.reading.sheetxml import scan_formulas, sheet_parts

        self.path = make.example_path("004")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.wb = openpyxl.load_workbook(self.path)
        with zipfile.ZipFile(self.path) as zf:
            parts = sheet_parts(zf)
            self.cached = {(s, a1): fc.cached for s, p in parts.items()
                           for a1, fc in scan_formulas(zf, p).items() if fc.cached is not None}


@pytest.fixture(scope="module")
def base() -> _Base:
    return _Base()


def _assign(cell, value) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):  # control characters are stored as Excel stores them: _x001F_
        value = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    cell.value = value


def _write(base: _Base, edits, path: Path) -> None:
    from perfxl.io.writing.xlsx_cache import inject_cached_values

    wb = base.wb
    saved = {}
    try:
        for (sheet, a1, _kind, _where), value in edits:
            cell = wb[sheet][a1]
            saved.setdefault((sheet, a1), (cell._value, cell.data_type))
            _assign(cell, value)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb.save(path)
    finally:
        for (sheet, a1), (value, data_type) in saved.items():
            cell = wb[sheet][a1]
            cell._value, cell.data_type = value, data_type
    inject_cached_values(path, base.cached)


def _model_value(model, where):
    if where[0] == "field":
        return model.values.get(where[1])
    _t, tkey, index, col, _label = where
    for row in model.rows(tkey):
        if row.index == index:
            return row.values.get(col)
    return None


@settings(max_examples=30, deadline=None, derandomize=True, print_blob=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(edits=EDITS)
def test_random_input_values_never_crash_the_reader(base, tmp_path_factory, edits):
    from perfxl.checks import check_model
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.scoring import score_model

    path = tmp_path_factory.mktemp("prop") / "随机 输入.xlsx"
    _write(base, edits, path)
    last = {}  # a cell written twice holds the last value
    for (sheet, a1, kind, where), value in edits:
        last[(sheet, a1)] = (kind, where, value)
    for engine in ("openpyxl", "calamine"):
        try:
            model = read_workbook(path, engine=engine)
        except PerfxlError as exc:
            assert str(path) in str(exc)
            continue
        # what was read is what a number cell may hold: a finite number or nothing
        for (sheet, a1), (kind, where, value) in last.items():
            got = _model_value(model, where)
            if kind in NUMERIC and not (where[0] == "table" and where[4]):
                assert got is None or (isinstance(got, (int, float)) and not isinstance(got, bool)
                                       and math.isfinite(got)), (engine, sheet, a1, value, got)
        # and the rest of perfxl copes with it
        try:
            check_model(model)
            score_model(model)
        except PerfxlError:
            pass
