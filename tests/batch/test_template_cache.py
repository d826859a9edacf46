"""Formula cells without cached values are filled from the verified twins, with the formulas
engine run once per template version (and never per standard file)."""
from __future__ import annotations

import json
import math

import openpyxl
import pytest

from perfxl.io.reading import template_cache as TC
from perfxl.io.reading.xlsx_reader import read_workbook
from tests.conftest import EXAMPLES


def _examples():
    return sorted(EXAMPLES.glob("[0-9][0-9][0-9]-*.xlsx"))


def _same(a, b) -> bool:
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


@pytest.fixture
def fake_record(tmp_path, monkeypatch):
    """A record that trusts every template formula cell (no formulas run)."""
    monkeypatch.setenv("PERFXL_CACHE_DIR", str(tmp_path / "cache"))
    TC._MEMO.clear()
    path = TC._record_path()
    path.parent.mkdir(parents=True)
    cells = sorted(f"{s}!{c}" for s, c in TC._cell_index())
    path.write_text(json.dumps({"key": TC.template_key(), "verified": cells, "disagree": {},
                                "samples": ["fake"], "seconds": 0}), encoding="utf-8")
    yield path
    TC._MEMO.clear()


@pytest.mark.parametrize("path", _examples(), ids=lambda p: p.name[:3])
def test_twins_equal_the_cached_values_of_the_examples(path):
    """The examples' cached values were computed by a formula engine: the twins give them."""
    m = read_workbook(path, engine="calamine")
    twins = TC.twin_values(m)
    bad = [(k, v, twins[k]) for k, v in m.source.cached.items() if k in twins and not _same(v, twins[k])]
    assert not bad, bad[:5]


def _standard_copy(seed: str, path):
    """The example's data in the current standard template, saved without cached values."""
    from perfxl.examples import load_example
    from perfxl.io.writing.xlsx_fill import write_model

    return write_model(load_example(seed), path, cached_values=False)


@pytest.mark.parametrize("seed", ["000", "002", "004"])
def test_fill_missing_uses_the_twins_and_never_the_engine(fake_record, tmp_path, monkeypatch, seed):
    out = _standard_copy(seed, tmp_path / "nocache.xlsx")
    monkeypatch.setattr("perfxl.io.office.recalc.recalculate",
                        lambda *a, **k: pytest.fail("formulas run for a standard file"))
    m = read_workbook(out, engine="calamine")
    assert not m.source.has_cached_values
    counts = TC.fill_missing(m, out)
    assert counts == {"twin": len([f for f in m.source.formulas.values() if f]), "engine": 0}
    # where the bundled example has the same formula, its cached value (from a formula engine)
    original = read_workbook(next(EXAMPLES.glob(f"{seed}-*.xlsx")), engine="calamine")
    same = [k for k, f in original.source.formulas.items()
            if f and TC._norm(f) == TC._norm(m.source.formulas.get(k))]
    assert len(same) > 100
    for k in same:
        assert _same(m.source.recomputed[k], original.source.cached[k]), k
    assert m.source.value_of(*TC.L.LAYOUT.field_cell("execution_rate")) == m.source.recomputed[
        TC.L.LAYOUT.field_cell("execution_rate")]


def test_changed_formula_goes_to_the_engine(fake_record, tmp_path, monkeypatch):
    src = _standard_copy("004", tmp_path / "std.xlsx")
    wb = openpyxl.load_workbook(src)
    sheet, cell = TC.L.LAYOUT.field_cell("execution_rate")
    wb[sheet][cell] = '=IFERROR($B$7/$B$4,"")'  # divided by the initial budget
    out = tmp_path / "changed.xlsx"
    wb.save(out)
    asked = []
    monkeypatch.setattr("perfxl.io.office.recalc.recalculate",
                        lambda path, cells: asked.extend(cells) or {c: 0.5 for c in cells})
    m = read_workbook(out, engine="calamine")
    counts = TC.fill_missing(m, out)
    assert asked == [(sheet, cell)] and counts["engine"] == 1
    assert m.source.recomputed[(sheet, cell)] == 0.5


def test_key_changes_with_the_template(monkeypatch):
    k = TC.template_key()
    assert len(k) == 20 and TC.template_key() == k


@pytest.mark.slow
def test_record_is_built_once_and_verifies_every_cell(monkeypatch):
    """The real thing: formulas on the bundled examples (tens of seconds, once per template
    version).  The record of the cache folder every other test uses (the tests that read a file
    without cached values need it too): whichever test comes first builds it under the file
    lock, the others read it, so the suite pays for the formulas engine once, not twice."""
    TC._MEMO.clear()
    rec = TC.verified()
    assert rec["samples"] and not rec["disagree"], rec["disagree"]
    assert len(rec["verified"]) == len(TC._cell_index())
    TC._MEMO.clear()
    monkeypatch.setattr(TC, "_build", lambda layout: pytest.fail("built twice"))
    assert TC.verified()["verified"] == rec["verified"]  # read from disk
    TC._MEMO.clear()
