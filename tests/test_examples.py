"""The bundled example workbooks: both reading engines agree on them, and they are current."""
from __future__ import annotations

import pytest

from perfxl.examples import EXAMPLES
from perfxl.io.reading.xlsx_reader import read_workbook


@pytest.mark.parametrize("ex", EXAMPLES, ids=lambda e: e.seed)
def test_both_engines_read_the_same_model(ex):
    a = read_workbook(ex.output_path(), engine="openpyxl")
    b = read_workbook(ex.output_path(), engine="calamine")
    assert a.values == b.values
    assert a.tables.keys() == b.tables.keys()
    for key in a.tables:
        assert [(r.index, r.values) for r in a.tables[key]] == \
            [(r.index, r.values) for r in b.tables[key]], key
    assert a.source.cached == b.source.cached
    assert a.source.formulas == b.source.formulas


@pytest.mark.parametrize("ex", EXAMPLES, ids=lambda e: e.seed)
def test_example_has_cached_values_for_every_formula(ex):
    m = read_workbook(ex.output_path(), engine="calamine")
    assert m.source.formulas and all(f is not None for f in m.source.formulas.values())
    assert m.source.has_cached_values
