"""The checker on the real examples (seeds 004 and 000) against the seed audit.

* every record mapped in tests/data/audit_map.toml is reported with the mapped rule, cell and
  numbers — all `error` records of 000/004 are there or in audit_not_representable.toml;
* no relation of seed-holds.json for 000/004 is flagged (its rules x cells stay quiet);
* the 004 known errors carry the right numbers.
The examples are the data files examples/data/<seed>.toml (skipped while one is missing).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from perfxl.checks import check_model
from perfxl.checks.cases import resolve_at

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
REF = ROOT.parent / "shared" / "reference"
DATA = ROOT / "tests" / "data"
SEEDS = ("004", "000")
FILES = {"004": "004_889ad4c75b38c677.txt", "000": "000_3a9e18a8bfa5b466.txt"}

MAP = tomllib.loads((DATA / "audit_map.toml").read_text("utf-8"))
NOT_REPR = tomllib.loads((DATA / "audit_not_representable.toml").read_text("utf-8"))


def _json(name: str) -> list[dict]:
    path = REF / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return json.loads(path.read_text("utf-8"))


_MODELS: dict[str, object] = {}
_FINDINGS: dict[str, list] = {}


def model(seed: str):
    """The example workbook of ``seed`` as the CLI reads it (hygiene rules included)."""
    from perfxl.examples import example
    from perfxl.io.reading.xlsx_reader import read_workbook

    path = example(seed).output_path(ROOT)
    if seed not in _MODELS:
        _MODELS[seed] = read_workbook(path)
        _FINDINGS[seed] = check_model(_MODELS[seed], file=str(path))
    return _MODELS[seed]


def findings(seed: str) -> list:
    model(seed)
    return _FINDINGS[seed]


def cells(m, at: str) -> list[tuple[str, str]]:
    """The cells ``at`` names; ``table[*].column`` is every row of the table."""
    if "[*]" in at:
        table, column = at.split("[*].")
        return [m.cell(table, r.index, column) for r in m.rows(table)]
    return [resolve_at(m, at)]


def _records(seed: str) -> list[dict]:
    return [r for r in _json("seed-audit.json") if r["file"] == FILES[seed]]


def _holds(seed: str) -> list[dict]:
    return [h for h in _json("seed-holds.json") if h["file"] == FILES[seed]]


# ---- accounting ------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", SEEDS)
def test_every_record_is_accounted_for(seed):
    ids = {r["id"]: r["severity"] for r in _records(seed)}
    mapped, skipped = set(MAP["records"]), set(NOT_REPR)
    assert not (mapped & skipped), mapped & skipped
    for rid, sev in ids.items():
        if sev == "error":
            assert rid in mapped, f"error record {rid} is neither reported nor listed as not representable"
        assert rid in mapped | skipped, f"{rid} ({sev}) is not accounted for"
    for rid in skipped & set(ids):
        assert NOT_REPR[rid]["reason"].strip()
        assert NOT_REPR[rid]["severity"] == ids[rid]


@pytest.mark.parametrize("seed", SEEDS)
def test_every_hold_is_mapped(seed):
    for h in _holds(seed):
        entry = MAP["holds"].get(h["id"])
        assert entry is not None, f"hold {h['id']} not mapped"
        assert entry.get("not_in_workbook") or (entry.get("rules") and entry.get("at"))


# ---- records are reported --------------------------------------------------------------------
RECORDS = sorted(rid for rid in MAP["records"] if rid[:3] in SEEDS)


@pytest.mark.parametrize("rid", RECORDS)
def test_record_reported(rid):
    seed = rid[:3]
    m, found = model(seed), findings(seed)
    for want in MAP["records"][rid]["findings"]:
        where = resolve_at(m, want["at"])
        hits = [f for f in found if f.rule == want["rule"] and (f.sheet, f.cell) == where]
        assert hits, (f"{rid}: no {want['rule']} at {where}; found there: "
                      f"{[(f.rule, f.message) for f in found if (f.sheet, f.cell) == where]}")
        f = hits[0]
        for key in ("expected", "actual"):
            if key in want:
                got = getattr(f, key)
                if isinstance(want[key], str):
                    assert got == want[key], (rid, key, got)
                else:
                    assert got == pytest.approx(want[key], abs=1e-9), (rid, key, got)


# ---- holds are not flagged -------------------------------------------------------------------
HOLDS = sorted(hid for hid, e in MAP["holds"].items() if hid[:3] in SEEDS and "rules" in e)


@pytest.mark.parametrize("hid", HOLDS)
def test_hold_not_flagged(hid):
    seed = hid[:3]
    m, found = model(seed), findings(seed)
    entry = MAP["holds"][hid]
    where = {c for at in entry["at"] for c in cells(m, at)}
    assert where, f"{hid}: its cells are not in the example"
    bad = [(f.rule, f.sheet, f.cell, f.message) for f in found
           if f.rule in entry["rules"] and (f.sheet, f.cell) in where]
    assert not bad, f"{hid} holds but is flagged: {bad}"


# ---- the 004 known errors, with their numbers ---------------------------------------------------
def _one(seed, rule, at):
    m = model(seed)
    where = resolve_at(m, at)
    hits = [f for f in findings(seed) if f.rule == rule and (f.sheet, f.cell) == where]
    assert len(hits) == 1, hits
    return hits[0]


def test_004_execution_rate():
    f = _one("004", "PX201", "execution_rate_stated")
    assert (f.expected, f.actual) == (0.9679, 0.96)
    assert "96.79%" in f.message and "96.00%" in f.message and "3995.49 ÷ 4128.02" in f.message


def test_004_execution_score():
    f = _one("004", "PX303", "execution_score_stated")
    assert (f.expected, f.actual) == (9.68, 9.6)
    assert "9.68" in f.message and "9.60" in f.message


def test_004_staff_control_rate():
    f = _one("004", "PX206", "staff_control_rate_stated")
    assert (f.expected, f.actual) == (0.9464, 0.94)
    assert "94.64%" in f.message and "94.00%" in f.message


def test_004_weights():
    f = _one("004", "PX112", "dept_weight_sum")
    assert (f.expected, f.actual) == (100, 110)
    assert "110" in f.message and "100" in f.message


def test_no_error_outside_the_audit():
    """Every error finding on 004 and 000 is one of the mapped records (no invented errors)."""
    for seed in SEEDS:
        m = model(seed)
        mapped = {(w["rule"], resolve_at(m, w["at"])) for rid, e in MAP["records"].items()
                  if rid.startswith(seed) for w in e["findings"]}
        extra = [(f.rule, f.sheet, f.cell, f.message) for f in findings(seed)
                 if f.level == "error" and (f.rule, (f.sheet, f.cell)) not in mapped]
        assert not extra, extra
