"""Text typed into a number cell, read by perfxl and recalculated by LibreOffice (the oracle):
部门自评表!B6 (全年预算数) of the 004 example holds each text below, and B9 =
IFERROR(IF(TRIM($B$7)="",0,$B$7)/$B$6,"") after LibreOffice recalculated the file must equal
``derived.execution_rate`` ("" ↔ None).  The cell is PX009 / PX010 to the user either way;
this pins which value the figures show meanwhile (``perfxl.numbers.formula_number``).

LibreOffice reads text as its locale does (en-US here): group commas, a percent sign, an
accounting minus, ASCII and no-break spaces around the figure; not full-width digits or marks,
not tabs, line breaks or full-width spaces around it.  Left different on purpose: currency
signs ("$4128.02", which only an en-US engine reads; a zh-CN one reads "¥" instead) and
figures out of range ("1e999"): perfxl reads both as #VALUE! (``DIFFER``).
"""
from __future__ import annotations

import openpyxl
import pytest

from perfxl import derived
from perfxl.io.office.libreoffice import convert
from perfxl.io.reading.xlsx_reader import read_workbook
from tests.conftest import example_file

AGREE = ["4128.02", "+4128.02", "-4128.02", "4.12802e3", "4128.02E0", "04128.02", ".5", "5.",
         "4,128.02", "1,234,567.5", "1,234.5e2", "4,128", "412802%", "4128.02 %",
         "  4128.02 ", "\u00a04128.02", "4128.02\u00a0\u00a0",
         "(4128.02)", "4128.02-", "4128.02 -", "- 4128.02",
         # read as no number by both
         "\u30004128.02\u3000", "4128.02\t", "4128.02\n", "４１２８．０２", "4，128.02", "4128.０2",
         "4 128.02", "4128,02", "41,28.02", "1.2.3", "1e3%", "4128.02%%", "--4128.02",
         "(-4128.02)", "+(4128.02)", "(4128.02%)", "(4128.02)-", "4128.02e", "4128.02元",
         "¥4128.02", "US$4128.02", "0x10", "\u3000", "\t", " ", "\u00a0", "\n"]
DIFFER = ["$4128.02", "$ 4128.02", "4128.02$", "-$4128.02", "$(4128.02)", "1e999"]


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory, soffice):
    d = tmp_path_factory.mktemp("texts")
    texts = AGREE + DIFFER
    paths = []
    for i, text in enumerate(texts):
        wb = openpyxl.load_workbook(example_file("004"))
        wb["部门自评表"]["B6"] = text
        paths.append(d / f"t{i:02}.xlsx")
        wb.save(paths[-1])
    outs = convert(paths, "xlsx", d / "lo")  # one LibreOffice run for all
    lo = [openpyxl.load_workbook(o, data_only=True)["部门自评表"]["B9"].value for o in outs]
    mine = [derived.execution_rate(read_workbook(p)) for p in paths]
    return dict(zip(texts, zip(lo, mine)))


def _same(lo, mine) -> bool:
    if lo in ("", None):
        return mine is None
    return mine is not None and abs(lo - mine) <= 1e-12 * abs(lo)


@pytest.mark.parametrize("text", AGREE)
def test_perfxl_reads_the_text_as_libreoffice_computes_it(recalculated, text):
    lo, mine = recalculated[text]
    assert _same(lo, mine), (text, lo, mine)


@pytest.mark.parametrize("text", DIFFER)
def test_currency_signs_and_overflow_are_no_number_to_perfxl(recalculated, text):
    lo, mine = recalculated[text]
    assert lo not in ("", None) and mine is None, (text, lo, mine)
