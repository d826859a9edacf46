"""The template's own formulas and perfxl's Python agree.

1. ``INDICATOR_SCORE_FORMULA`` (expanded with ``LAYOUT.expand``) on generated indicator rows,
   evaluated by the ``formulas`` engine and by LibreOffice, equals ``rules.indicator_score`` —
   for the default 定性 bands and the hubei_project_2020 80/50 variant.
2. Every formula cell of the template, on the seed models written into it, equals the
   ``perfxl.derived`` function of the same name (``field_value`` / ``column_value``).
"""
from __future__ import annotations

import math
import random
from pathlib import Path

import openpyxl
import pytest

from perfxl import derived
from perfxl.io.office.recalc import recalculate
from perfxl.io.writing.xlsx_fill import write_model
from perfxl.layout import INDICATOR_SCORE_FORMULA, LAYOUT
from perfxl.scoring import rules
from perfxl.scoring.bands import WORKBOOK_BAND_VARIANTS, workbook_bands
from tests.scoring.conftest import build_seed000, build_seed004

TABLE = "dept_indicators"
SHEET = LAYOUT.table_sheet(TABLE)
INPUTS = ("nature", "direction", "target", "actual", "weight", "achievement", "score_stated",
          "target_upper", "applicable")

EDGE_CASES = [
    dict(nature="定量", direction="≥", target=8000, actual=8094, weight=10),   # seed 004 L206
    dict(nature="定量", direction="≥", target=0, actual=0, weight=10),
    dict(nature="定量", direction="≥", target=0, actual=-1, weight=10),
    dict(nature="定量", direction="≤", target=5, actual=0, weight=10),
    dict(nature="定量", direction="≤", target=-5, actual=10, weight=10),
    dict(nature="定量", direction="=", target=0, actual=1, weight=10),
    dict(nature="定量", direction="区间", target=90, actual=125, target_upper=100, weight=10),
    dict(nature="定量", direction="区间", target=0, actual=-3, target_upper=5, weight=10),
    dict(nature="定量", direction="区间", target=-9, actual=-1, target_upper=-2, weight=10),
    dict(nature="定量", direction="区间", target=90, actual=95, weight=10),
    dict(nature="定性", achievement="部分达成", score_stated=5.5, weight=10),
    dict(nature="定性", achievement="未达成", score_stated=5.5, weight=10),
    dict(nature="定性", achievement="达成", weight=6),
    dict(nature="定性", score_stated=12, weight=10),
    dict(nature="定量", direction="≥", target=10, actual=5, weight=10, applicable="否"),
    dict(nature="定量", direction="≥", target=10, actual=5),
    dict(nature="定量", direction="≥", actual=5, weight=10, score_stated=4),
]
TIE_CASE = dict(nature="定量", direction="≤", target=1, actual=2, weight=2.01)  # 1.005 → 1.01


def _num(rng: random.Random, lo: float, hi: float) -> float:
    return round(rng.uniform(lo, hi), rng.choice((0, 1, 2, 3, 4)))


def generated_cases(n: int = 160, seed: int = 20240503) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        w = rng.choice([2, 3, 5, 6, 8, 10, 20, 12.5, _num(rng, 0.5, 30)])
        target = rng.choice([None, 0, _num(rng, -50, 0), _num(rng, 0.1, 1000), _num(rng, 0.1, 1)])
        actual = rng.choice([None, 0, target, _num(rng, -50, 0), _num(rng, 0, 1500),
                             _num(rng, 0, 1.2)])
        case = dict(
            nature=rng.choice(["定量"] * 6 + ["定性"] * 3 + [None]),
            direction=rng.choice(["≥", "≤", "=", "区间", None]),
            target=target, actual=actual,
            target_upper=rng.choice([None, (target or 0) + _num(rng, 0, 200), _num(rng, -10, 10)]),
            weight=rng.choice([w] * 19 + [None]),
            achievement=rng.choice(["达成", "部分达成", "未达成", None]),
            score_stated=rng.choice([None, _num(rng, -2, w + 3)]),
            applicable=rng.choice([None] * 8 + ["是", "否"]),
        )
        out.append({k: v for k, v in case.items() if v is not None})
    return out


def python_score(case: dict, framework: str) -> float | None:
    return rules.indicator_score(
        case.get("nature"), case.get("direction"), case.get("target"), case.get("actual"),
        case.get("weight"), case.get("achievement"), case.get("score_stated"),
        case.get("target_upper"), applicable=case.get("applicable"),
        bands=workbook_bands(framework))


def indicator_book(path: Path, cases: list[dict], framework: str) -> list[str]:
    """A workbook with the 评价框架 cell and one indicator row per case at the template's own
    positions, each with the expanded score formula; returns the score cells."""
    wb = openpyxl.Workbook()
    info = wb.active
    fsheet, fcell = LAYOUT.field_cell("framework")
    info.title = fsheet
    info[fcell] = framework
    ws = wb.create_sheet(SHEET)
    first = LAYOUT.first_data_row(TABLE)
    cells = []
    for i, case in enumerate(cases):
        r = first + i
        for k in INPUTS:
            if case.get(k) is not None:
                ws[f"{LAYOUT.column_letter(TABLE, k)}{r}"] = case[k]
        a1 = f"{LAYOUT.column_letter(TABLE, 'score')}{r}"
        ws[a1] = LAYOUT.expand(INDICATOR_SCORE_FORMULA, sheet=SHEET, table=TABLE, row=r)
        cells.append(a1)
    wb.save(path)
    return cells


def same(mine, theirs) -> bool:
    if mine is None:
        return theirs in (None, "")
    return isinstance(theirs, (int, float)) and math.isclose(mine, float(theirs), abs_tol=1e-9)


FRAMEWORKS = ("central_project",) + WORKBOOK_BAND_VARIANTS


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    d = tmp_path_factory.mktemp("formula")
    cases = EDGE_CASES + generated_cases()
    return {fw: (d / f"{fw}.xlsx", cases, indicator_book(d / f"{fw}.xlsx", cases, fw))
            for fw in FRAMEWORKS}


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_indicator_formula_agrees_formulas_engine(books, framework):
    path, cases, cells = books[framework]
    values = recalculate(path)
    bad = [(c, case, python_score(case, framework), values.get((SHEET, a1)))
           for a1, case, c in zip(cells, cases, range(len(cases)))
           if not same(python_score(case, framework), values.get((SHEET, a1)))]
    assert not bad, bad[:5]
    assert len(cells) > 150


@pytest.mark.libreoffice
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_indicator_formula_agrees_libreoffice(soffice, tmp_path, framework):
    from perfxl.io.office.libreoffice import recalculated_values

    cases = EDGE_CASES + generated_cases() + [TIE_CASE]
    cells = indicator_book(tmp_path / "cases.xlsx", cases, framework)
    values = recalculated_values(tmp_path / "cases.xlsx", tmp_path / "lo")
    bad = [(case, python_score(case, framework), values.get((SHEET, a1)))
           for a1, case in zip(cells, cases)
           if not same(python_score(case, framework), values.get((SHEET, a1)))]
    assert not bad, bad[:5]
    assert values[(SHEET, cells[-1])] == 1.01  # Excel's ROUND, as excel_round


def test_formula_knows_every_band_variant():
    """A framework whose 定性 bands differ from the default must be one the formula encodes."""
    from perfxl.frameworks import available, load

    default = load("central_project").bands
    for fid in available():
        b = load(fid).bands
        differs = (b.achieved, b.partial, b.not_achieved) != \
            (default.achieved, default.partial, default.not_achieved)
        assert differs == (fid in WORKBOOK_BAND_VARIANTS), fid
    for fid in WORKBOOK_BAND_VARIANTS:
        b = load(fid).bands
        assert f'"*{fid}*")>0,{b.partial[0]},' in INDICATOR_SCORE_FORMULA
        assert b.achieved == default.achieved and b.partial[1] == default.partial[1]
        assert b.not_achieved[1] == b.partial[0]


# ---- every formula cell of the template on the seed models ------------------------------------
def _cell_owner() -> dict[tuple[str, str], tuple]:
    return LAYOUT.formula_owners


def python_value(model, owner):
    if owner[0] == "field":
        return derived.field_value(model, owner[1])
    return derived.column_value(model, owner[1], owner[2], owner[3])


def test_derived_covers_every_formula_of_the_template():
    owners = _cell_owner()
    assert set(owners) == set(LAYOUT.formula_cells)
    for o in {o[:3] if o[0] == "column" else o for o in owners.values()}:
        if o[0] == "field":
            assert o[1] in derived.__all__, o
        else:
            assert (o[1], o[2]) in derived.COLUMN_FUNCTIONS, o


def _same_cell(mine, theirs) -> bool:
    if mine is None:
        return theirs in (None, "")
    if isinstance(mine, str):
        return mine == theirs
    return isinstance(theirs, (int, float)) and math.isclose(mine, float(theirs), rel_tol=1e-12,
                                                             abs_tol=1e-9)


@pytest.fixture(scope="module")
def seed_books(tmp_path_factory):
    d = tmp_path_factory.mktemp("seeds")
    return {name: (build(), write_model(build(), d / f"{name}.xlsx", cached_values=False))
            for name, build in (("004", build_seed004), ("000", build_seed000))}


@pytest.mark.parametrize("seed", ["004", "000"])
def test_template_formulas_equal_derived_formulas_engine(seed_books, seed):
    model, path = seed_books[seed]
    values = recalculate(path)
    owners = _cell_owner()
    bad = [(cell, owners[cell], python_value(model, owners[cell]), values.get(cell))
           for cell in LAYOUT.formula_cells
           if not _same_cell(python_value(model, owners[cell]), values.get(cell))]
    assert not bad, bad[:8]


@pytest.mark.libreoffice
@pytest.mark.parametrize("seed", ["004", "000"])
def test_template_formulas_equal_derived_libreoffice(soffice, seed_books, seed, tmp_path):
    from perfxl.io.office.libreoffice import recalculated_values

    model, path = seed_books[seed]
    values = recalculated_values(path, tmp_path)
    owners = _cell_owner()
    bad = [(cell, owners[cell], python_value(model, owners[cell]), values.get(cell))
           for cell in LAYOUT.formula_cells
           if not _same_cell(python_value(model, owners[cell]), values.get(cell))]
    assert not bad, bad[:8]


@pytest.mark.parametrize("seed", ["000", "002", "004"])
def test_example_workbooks_cached_values_equal_derived(seed):
    """Every formula cell of each real example holds (as cached by the application that saved
    it) the value ``perfxl.derived`` computes from the model read from it; an empty cache must
    be a blank in Python too."""
    from perfxl.io.reading.xlsx_reader import read_workbook
    from tests.conftest import example_file

    model = read_workbook(example_file(seed))
    owners = _cell_owner()
    bad = []
    for cell, owner in owners.items():
        here = model.cell(owner[1], owner[3], owner[2]) if owner[0] == "column" \
            else model.field_cell(owner[1])
        cached = model.source.cached.get(here)
        mine = python_value(model, owner)
        if not _same_cell(mine, cached):
            bad.append((cell, owner, mine, cached))
    assert not bad, bad[:8]
