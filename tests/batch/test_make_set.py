"""The benchmark set generator: deterministic, amounts scaled exactly, rates untouched, faults
where the manifest says."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

import make_set
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.layout import AMOUNT, LAYOUT, RATE


def test_same_seed_same_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    make_set.make_set(6, a, seed=3, rate=0.5, jobs=1, quiet=True)
    make_set.make_set(6, b, seed=3, rate=0.5, jobs=2, quiet=True)
    names = sorted(p.name for p in a.glob("*.xlsx"))
    assert names == sorted(p.name for p in b.glob("*.xlsx")) and len(names) == 6
    for n in names:
        assert (a / n).read_bytes() == (b / n).read_bytes(), n
    ma = json.loads((a / "manifest.json").read_text(encoding="utf-8"))
    mb = json.loads((b / "manifest.json").read_text(encoding="utf-8"))
    assert ma["files"] == mb["files"]
    assert make_set.is_current(a, 6, 3, 0.5) and not make_set.is_current(a, 7, 3, 0.5)


def test_scale_text_is_exact():
    assert make_set.scale_text("2161.19", 3) == "6483.57"
    assert make_set.scale_text("17210340.150000002", 9) == "154893061.350000018"
    assert make_set.scale_text("-0.5", 7) == "-3.5"
    assert make_set.scale_text("1E+2", 3) == "300"


def test_variant_values(small_set, manifest):
    bases = {p.name: read_workbook(p, engine="calamine") for p in make_set.base_paths()}
    checked = 0
    for name, spec in manifest["files"].items():
        if spec["faults"]:
            continue
        m = read_workbook(small_set / name, engine="calamine")
        b = bases[spec["base"]]
        k = spec["factor"]
        for key, value in b.values.items():
            f = LAYOUT.field(key)
            got = m.values.get(key)
            if f.kind == AMOUNT:
                exact = Decimal(repr(got)) == Decimal(repr(value)) * k
                assert exact or got == pytest.approx(value * k, rel=1e-15), key
            else:
                assert got == value, key
        for tkey, rows in b.tables.items():
            mrows = {r.index: r for r in m.tables.get(tkey, [])}
            for r in rows:
                for ckey, value in r.values.items():
                    col = LAYOUT.table(tkey).column(ckey)
                    got = mrows[r.index].values.get(ckey)
                    if col.kind == AMOUNT:
                        assert got == pytest.approx(value * k, rel=1e-15)
                    elif col.kind == RATE or tkey != "statements":
                        assert got == value, (tkey, ckey)
        checked += 1
    assert checked >= 3


def test_faults_are_where_the_manifest_says(small_set, manifest):
    kinds = set()
    for name, spec in manifest["files"].items():
        if not spec["faults"]:
            continue
        m = read_workbook(small_set / name, engine="calamine")
        for f in spec["faults"]:
            where = (f["sheet"], f["cell"])
            kinds.add(f["kind"])
            if f["kind"] == "typed_over":
                assert m.source.formulas[where] is None
                assert m.source.typed_over[where] == pytest.approx(f["value"])
            elif f["kind"] == "stale_cache":
                assert m.source.formulas[where]
                assert m.source.cached[where] == pytest.approx(f["cached"])
            else:
                assert f["kind"] == "wrong_rate"
                assert abs(f["stated"] - f["computed"]) >= 0.02 - 1e-12
    assert kinds  # rate 0.35 over 12 files plants something
