"""Class 2 of issue 20: a table's row of changes in % checked against the two year rows above it
(PX636), in each shape a table reaches a draft; near-misses that must stay quiet.  Tables written
for the tests."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text

HEAD = "2024年度“三公”经费决算说明\n2024年与2023年“三公”经费决算对比（单位：万元）\n"
ROWS = [["年度", "合计", "公务接待费", "公务用车费"], ["2023年", "2840", "73", "1277"],
        ["2024年", "2364", "37", "959"], ["2024年比2023年增减%", "-16.77", "{r}", "-24.90"]]


def _bars(rows) -> str:
    return "".join(" | ".join(r) + "\n" for r in rows)


def _chain(rows) -> str:
    return "\n|\n".join(c for r in rows for c in r) + "\n"


def _tabs(rows) -> str:
    return "\n".join("".join(f"\t{c}\n" for c in r) for r in rows)


def _px636(text: str) -> list[float]:
    return [f.expected for f in check_text(text) if f.rule == "PX636"]


@pytest.mark.parametrize("shape", [_bars, _chain, _tabs])
def test_change_row_against_the_two_years(shape):
    fires = HEAD + shape([[c.format(r="-47.95") for c in r] for r in ROWS])
    assert _px636(fires) == [-49.32]
    assert _px636(HEAD + shape([[c.format(r="-49.32") for c in r] for r in ROWS])) == []


def test_rounded_whole_amounts_allow_the_rate_of_the_unrounded_ones():
    # 2840 → 2364 is −16.76%; −16.77% is what amounts within ±0.5 万元 can give
    assert _px636(HEAD + _bars([[c.format(r="-49.32") for c in r] for r in ROWS])) == []


@pytest.mark.parametrize("change", [
    # the rows above are not the two years the change row names
    lambda rows: [rows[0], rows[1], rows[2], ["2022年比2021年增减%", *rows[3][1:]]],
    # a row above that is not a year
    lambda rows: [rows[0], ["预算数", *rows[1][1:]], rows[2], rows[3]],
    # the years in the wrong order
    lambda rows: [rows[0], rows[2], rows[1], rows[3]],
    # a cell missing: the columns cannot be told apart
    lambda rows: [rows[0], rows[1], rows[2][:3], rows[3]],
])
def test_unresolved_stays_quiet(change):
    rows = change([[c.format(r="-47.95") for c in r] for r in ROWS])
    assert _px636(HEAD + _bars(rows)) == []
