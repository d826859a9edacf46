"""``perfxl.template_facts``: the template's formula texts and the cells whose text its formulas read
as a number, computed once per layout version into the cache folder and read back from it
(issue 23) — the same facts as computing them, whatever the state of the cache file."""
from __future__ import annotations

import json

import pytest

from perfxl import layout as L
from perfxl import template_facts as TF
from perfxl.formula_text import compute_text_read_as_number


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFXL_CACHE_DIR", str(tmp_path))
    TF.facts.cache_clear()
    yield tmp_path
    TF.facts.cache_clear()


def _file(cache):
    (path,) = cache.glob("template-facts-*.json")
    return path


def test_written_once_then_read_back_equal_to_computing(cache, monkeypatch):
    made = TF.facts()
    path = _file(cache)
    assert made.formula_cells == L.LAYOUT.formula_cells
    assert made.text_read_as_number == compute_text_read_as_number(L.LAYOUT)
    # the execution rate's operands are read as numbers (=B8/B7); a table amount summed by SUM
    # is not (text there counts as blank)
    assert "budget_full" in made.text_read_as_number
    TF.facts.cache_clear()
    monkeypatch.setattr(TF, "_compute", lambda layout: pytest.fail("computed again"))
    again = TF.facts()
    assert again == made and list(cache.glob("template-facts-*.json")) == [path]


@pytest.mark.parametrize("damage", ["", "{", '{"key": "another"}', '{"key": "%s"}', "[1, 2]"])
def test_a_damaged_or_foreign_file_is_computed_again(cache, damage):
    TF.facts()
    path = _file(cache)
    key = json.loads(path.read_text(encoding="utf-8"))["key"]
    path.write_text(damage.replace("%s", key), encoding="utf-8")
    TF.facts.cache_clear()
    got = TF.facts()
    assert got.text_read_as_number == compute_text_read_as_number(L.LAYOUT)
    assert got.formula_cells == L.LAYOUT.formula_cells
    assert json.loads(path.read_text(encoding="utf-8"))["key"] == key  # written anew


def test_a_folder_that_cannot_be_written_costs_speed_only(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("PERFXL_CACHE_DIR", str(blocker / "cache"))  # under a file: no mkdir
    TF.facts.cache_clear()
    try:
        assert TF.text_read_as_number() == compute_text_read_as_number(L.LAYOUT)
    finally:
        TF.facts.cache_clear()
