"""The bundled examples hold every curated figure of the seeds (issue 2, "Real departments in it").

One test per fact id of ``../shared/reference/seed-facts.json`` (seeds 004, 000, 002): the map
``tests/data/seed_fact_map.toml`` says where the model holds the fact and repeats its reference
value; the test reads the example model and asserts that the value is there (numbers with a
tolerance of 1e-9 relative to their magnitude, percentages compared as fractions, texts verbatim).

The example model is the built workbook ``examples/<seed>-*.xlsx`` read by
``perfxl.io.reading.xlsx_reader.read_workbook`` when it exists, else the example's data file loaded by
``perfxl.examples.load_example_data`` (a fallback until the workbooks are built; set
``PERFXL_EXAMPLES_FROM_DATA=1`` to test the data files themselves).
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from perfxl.errors import PerfxlError
from perfxl.examples import EXAMPLES, load_example_data
from perfxl.model import Model

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
MAP_FILE = ROOT / "tests" / "data" / "seed_fact_map.toml"
SHARED = ROOT.parent / "shared"
if not SHARED.exists():
    SHARED = Path(os.environ.get("PERFXL_SHARED", "/work/shared"))
FACTS_FILE = SHARED / "reference" / "seed-facts.json"
SEEDS_DIR = SHARED / "seeds"
SEEDS = ("004", "000", "002")

FACT_MAP: dict[str, dict] = tomllib.loads(MAP_FILE.read_text(encoding="utf-8"))["facts"]


# ---------------------------------------------------------------------------------------------
# the example models
# ---------------------------------------------------------------------------------------------
def _built(seed: str) -> Path | None:
    found = sorted((ROOT / "examples").glob(f"{seed}-*.xlsx"))
    return found[0] if found else None


@lru_cache(maxsize=None)
def _from_data(seed: str) -> Model:
    ex = next(e for e in EXAMPLES if e.seed == seed)
    return load_example_data(ex.data_path(ROOT))


@lru_cache(maxsize=None)
def _load(seed: str) -> Model:
    built = _built(seed)
    if built is not None and not os.environ.get("PERFXL_EXAMPLES_FROM_DATA"):
        from perfxl.io.reading.xlsx_reader import read_workbook

        return read_workbook(built)
    return _from_data(seed)


@pytest.fixture(scope="session")
def example_model():
    """``example_model(seed)``: the model of the bundled example of ``seed``."""
    return _load


# ---------------------------------------------------------------------------------------------
# resolving a map entry
# ---------------------------------------------------------------------------------------------
def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _rows(model: Model, spec: dict, match: dict) -> list:
    rows = [r for r in model.rows(spec["table"])
            if all(r.get(k) == v for k, v in match.items())]
    if not rows and spec["value"] == "None":
        # a fixed table's row that holds nothing but its label may be left out of the model
        table = model.layout.table(spec["table"])
        label = match.get(table.columns[0].key)
        if table.rows is not None and label in table.rows:
            return []
    assert rows, f"no row of {spec['table']} matches {match}"
    return rows


def _expected_number(spec: dict) -> float:
    v = float(spec["value"])
    if spec.get("percent"):
        v /= 100
    return v * spec.get("scale", 1)


def _assert_number(actual, expected: float, where: str) -> None:
    assert isinstance(actual, (int, float)) and not isinstance(actual, bool), \
        f"{where}: expected the number {expected!r}, model holds {actual!r}"
    assert math.isclose(actual, expected, rel_tol=0, abs_tol=1e-9 * max(1.0, abs(expected))), \
        f"{where}: expected {expected!r}, model holds {actual!r}"


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{4})\D+(\d{1,2})\D+(\d{1,2})\D*\s*", value)
        if m:
            return dt.date(*map(int, m.groups()))
    raise AssertionError(f"not a date: {value!r}")


def _assert_value(actual, spec: dict, fact_unit: str, where: str) -> None:
    ref = spec["value"]
    if ref == "None":
        assert actual is None or actual == "", f"{where}: expected an empty cell, model holds {actual!r}"
    elif fact_unit == "日期":
        assert actual is not None, f"{where}: expected the date {ref}, the cell is empty"
        assert _as_date(actual) == _as_date(ref), f"{where}: expected {ref}, model holds {actual!r}"
    else:
        _assert_number(actual, _expected_number(spec), where)


def _assert_text(text, spec: dict, quote: str, where: str) -> None:
    assert isinstance(text, str) and text, f"{where}: the text is empty"
    body = _squash(text)
    value = str(spec["value"])
    assert _squash(value) in body, f"{where}: {value!r} does not appear in the text"
    if "\t" not in quote:  # quotes of the flattened tables are not prose
        assert _squash(quote) in body, f"{where}: the report's words {quote!r} are not in the text"


def check_fact(model: Model, fact_id: str, spec: dict, quote: str = "", unit: str = "") -> None:
    """Assert that ``model`` holds the fact ``fact_id`` where ``spec`` says."""
    where = fact_id
    if "field" in spec:
        key = spec["field"]
        _assert_value(model.get(key), spec, unit, f"{where} field {key}")
    elif "text" in spec:
        key = spec["text"]
        _assert_text(model.get(key), spec, quote, f"{where} text {key}")
    elif "statement" in spec:
        item, needle = spec["statement"], spec["quote_contains"]
        rows = [r for r in model.rows("statements")
                if r.item == item and needle in (r.quote or "")]
        assert len(rows) == 1, \
            f"{where}: {len(rows)} statements rows with item {item!r} and quote containing {needle!r}"
        row = rows[0]
        _assert_value(row.value, spec, unit, f"{where} statement {item}")
        if "year_label" in spec:
            assert row.year_label == spec["year_label"], \
                f"{where}: statement {item} year_label {row.year_label!r} != {spec['year_label']}"
    elif "sum_rows" in spec:
        col = spec["column"]
        total, seen = 0.0, 0
        for match in spec["sum_rows"]:
            for r in model.rows(spec["table"]):
                if all(r.get(k) == v for k, v in match.items()):
                    v = r.get(col)
                    if v is not None:
                        total += v
                        seen += 1
        assert seen, f"{where}: none of the rows {spec['sum_rows']} holds a {col}"
        _assert_number(total, _expected_number(spec), f"{where} sum of {spec['table']}.{col}")
    elif "table" in spec:
        rows = _rows(model, spec, spec.get("match", {}))
        if "text_column" in spec:
            col = spec["text_column"]
            assert len(rows) == 1, f"{where}: {len(rows)} rows match {spec['match']}"
            _assert_text(rows[0].get(col), spec, quote, f"{where} {spec['table']}.{col}")
        else:
            cols = spec.get("columns") or [spec["column"]]
            for r in rows:
                for col in cols:
                    _assert_value(r.get(col), spec, unit,
                                  f"{where} {spec['table']}[{r.index}].{col}")
    elif "absent" in spec:
        pytest.skip(f"not held by the model: {spec['absent']}")
    else:  # pragma: no cover - a malformed map entry
        raise AssertionError(f"{where}: map entry says nowhere: {spec}")


# ---------------------------------------------------------------------------------------------
# the reference facts (when ../shared is present)
# ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _reference() -> dict[str, dict]:
    if not FACTS_FILE.exists():
        return {}
    facts = json.loads(FACTS_FILE.read_text(encoding="utf-8"))["curated_facts"]
    return {f["id"]: f for f in facts if f["id"][:3] in SEEDS}


@pytest.mark.parametrize("fact_id", sorted(FACT_MAP))
def test_example_holds_fact(example_model, fact_id):
    spec = FACT_MAP[fact_id]
    ref = _reference().get(fact_id, {})
    model = example_model(fact_id[:3])
    check_fact(model, fact_id, spec, quote=ref.get("quote", ""), unit=ref.get("unit", ""))


def test_map_covers_every_curated_fact():
    """Every curated fact of seeds 004, 000 and 002 has a map entry with the reference value."""
    ref = _reference()
    if not ref:
        pytest.skip(f"{FACTS_FILE} not found")
    assert sorted(ref) == sorted(FACT_MAP), (
        f"missing: {sorted(set(ref) - set(FACT_MAP))}; not in the reference: "
        f"{sorted(set(FACT_MAP) - set(ref))}")
    wrong = {k: (FACT_MAP[k]["value"], f["value"]) for k, f in ref.items()
             if FACT_MAP[k]["value"] != ("None" if f["value"] is None else f["value"])}
    assert not wrong, f"map values differ from seed-facts.json: {wrong}"


def test_absent_facts_are_few():
    absent = {k: v["absent"] for k, v in FACT_MAP.items() if "absent" in v}
    assert all(isinstance(r, str) and r.strip() for r in absent.values())
    assert len(absent) <= 5, absent


@pytest.mark.parametrize("seed", SEEDS)
def test_statement_quotes_are_the_reports_words(example_model, seed):
    """Every 报告数据 row quotes its seed exactly (the quote is where a checker points the user)."""
    files = sorted(SEEDS_DIR.glob(f"{seed}_*.txt"))
    if not files:
        pytest.skip(f"seed {seed} not found in {SEEDS_DIR}")
    text = files[0].read_text(encoding="utf-8")
    rows = example_model(seed).rows("statements")
    assert rows
    for r in rows:
        assert r.item and isinstance(r.value, (int, float)), r
        assert r.quote and r.quote in text, f"{seed} statement {r.item}: quote not in the seed: {r.quote!r}"


@pytest.mark.parametrize("seed", SEEDS)
def test_built_example_matches_its_data(seed):
    """The committed workbook holds exactly what its data file says (rebuild with
    ``make examples`` after editing ``examples/data/<seed>.toml``)."""
    built = _built(seed)
    if built is None:
        pytest.skip(f"examples/{seed}-*.xlsx not built yet")
    from perfxl.io.reading.xlsx_reader import read_workbook

    book, data = read_workbook(built), _from_data(seed)
    diffs = [f"{k}: data {v!r}, workbook {book.values.get(k)!r}"
             for k, v in data.values.items() if book.values.get(k) != v]
    diffs += [f"{k}: workbook only {v!r}" for k, v in book.values.items()
              if v is not None and k not in data.values and k != "template_version"]
    for tkey in set(data.tables) | set(book.tables):
        want = {r.index: {c: v for c, v in r.values.items() if v is not None}
                for r in data.rows(tkey)}
        got = {r.index: {c: v for c, v in r.values.items() if v is not None}
               for r in book.rows(tkey)}
        label = book.layout.table(tkey).columns[0].key
        got = {i: v for i, v in got.items() if v and (set(v) != {label} or i in want)}
        for i in sorted(set(want) | set(got)):
            if want.get(i) != got.get(i):
                diffs.append(f"{tkey}[{i}]: data {want.get(i)!r}, workbook {got.get(i)!r}")
    assert not diffs, f"{built.name} is stale:\n" + "\n".join(diffs[:20])


# ---------------------------------------------------------------------------------------------
# the checks above can fail: a model missing or changing a fact is caught
# ---------------------------------------------------------------------------------------------
def _perturbed(seed: str, key: str, value) -> Model:
    m = _load(seed)
    values = dict(m.values)
    values[key] = value
    return Model(values=values, tables=m.tables)


@pytest.mark.parametrize("fact_id, key, value", [
    ("004.S05", "execution_rate_stated", 0.9679),   # the stated 96.00% corrected: must be caught
    ("004.S01", "budget_initial", None),
    ("000.F02", "fill_date", "2023-01-31"),
    ("000.F40", "overall_goal", "力争新招引项目超 4 个"),
])
def test_a_wrong_model_fails(fact_id, key, value):
    spec = FACT_MAP[fact_id]
    ref = _reference().get(fact_id, {"quote": "", "unit": "日期" if key == "fill_date" else ""})
    with pytest.raises(AssertionError):
        check_fact(_perturbed(fact_id[:3], key, value), fact_id, spec, ref["quote"], ref["unit"])


# ---------------------------------------------------------------------------------------------
# the loader refuses what the layout does not have
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, named", [
    ('[values]\nbudget_ful = 1\n', "budget_ful"),
    ('[values]\nexecution_rate = 0.9\n', "execution_rate"),
    ('[values]\nbudget_full = "1,234.00"\n', "budget_full"),
    ('[values]\namount_unit = "千元"\n', "amount_unit"),
    ('[meta]\nx = 1\n', "meta"),
    ('[[tables.incomes]]\nsource = "其他收入"\n', "incomes"),
    ('[[tables.income]]\nsource = "其它收入"\nexecuted = 1\n', "source"),
    ('[[tables.income]]\nsource = "其他收入"\nshare = 0.5\n', "share"),
    ('[[tables.income]]\nsource = "其他收入"\nexecutd = 1\n', "executd"),
    ('[[tables.income]]\nsource = "其他收入"\n[[tables.income]]\nsource = "其他收入"\n', "其他收入"),
    ('[[tables.bonus]]\nitem = "a"\n' * 7, "bonus"),
    ('[values\n', "TOML"),
])
def test_loader_names_the_bad_key(tmp_path, text, named):
    p = tmp_path / "bad.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(PerfxlError) as exc:
        load_example_data(p)
    assert named in str(exc.value) and "bad.toml" in str(exc.value)


def test_examples_are_listed_with_their_files():
    assert [e.seed for e in EXAMPLES] == ["004", "000", "002"]
    for e in EXAMPLES:
        assert e.data_path(ROOT).is_file()
        assert e.output.startswith(f"examples/{e.seed}-") and e.output.endswith(f"-{e.year}.xlsx")
        m = load_example_data(e.data_path(ROOT))
        assert (m.get("amount_unit"), m.get("framework"), m.get("year"), m.department_name) == \
            (e.unit, e.framework, e.year, e.department)
