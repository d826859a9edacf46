"""A workbook re-saved by LibreOffice (``soffice --headless --convert-to xlsx``), or edited in ways
that keep the layout (a column width, a comment, a cell colour, a frozen pane moved), gives exactly
the findings (rule, sheet, cell) of the original (issue 13).  Before formulas were compared by
tokens, LibreOffice's ``基本信息!$B$13`` (no quotes) made PX004 fire on 160 score cells."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from perfxl.checks import check_model
from perfxl.formula_text import same_formula
from perfxl.io.reading.xlsx_reader import read_workbook
from tests.conftest import example_file

SEEDS = ("004", "000", "002")

#: edits an accountant makes that keep the layout, each done with openpyxl on a copy of 004
EDITS = {
    "column-width": lambda wb: setattr(wb["部门自评表"].column_dimensions["B"], "width", 40),
    "comment": lambda wb: setattr(wb["部门自评表"]["B6"], "comment", Comment("请核对决算数", "会计")),
    "cell-colour": lambda wb: setattr(wb["项目自评表"]["C5"], "fill",
                                      PatternFill("solid", fgColor="FFFF00")),
    "frozen-pane": lambda wb: setattr(wb["部门自评表"], "freeze_panes", "C5"),
}


def findings(path: Path) -> Counter:
    return Counter((f.rule, f.sheet, f.cell) for f in check_model(read_workbook(path)))


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("edited")
    paths = {}
    for name, edit in EDITS.items():
        wb = openpyxl.load_workbook(example_file("004"))
        edit(wb)
        wb.save(out / f"{name}.xlsx")
        paths[name] = out / f"{name}.xlsx"
    return paths


@pytest.fixture(scope="module")
def resaved(soffice, tmp_path_factory) -> dict[str, Path]:
    """Each example re-saved by LibreOffice, in one LibreOffice run."""
    from perfxl.io.office.libreoffice import convert

    src = tmp_path_factory.mktemp("lo-in")
    copies = [Path(shutil.copy(example_file(seed), src / f"{seed}.xlsx")) for seed in SEEDS]
    done = convert(copies, "xlsx", tmp_path_factory.mktemp("lo-out"))
    return dict(zip(SEEDS, done))


@pytest.mark.libreoffice
def test_libreoffice_writes_sheet_names_without_quotes(resaved):
    """The premise: the re-saved formulas differ as text from the template's, not in meaning."""
    wb = openpyxl.load_workbook(resaved["004"])
    text = wb["部门自评表"]["P19"].value
    assert "基本信息!$B$13" in text and "'基本信息'!" not in text
    template = openpyxl.load_workbook(example_file("004"))["部门自评表"]["P19"].value
    assert "'基本信息'!$B$13" in template and text != template and same_formula(text, template)


@pytest.mark.libreoffice
@pytest.mark.parametrize("seed", SEEDS)
def test_libreoffice_resave_keeps_the_findings(seed, resaved):
    original = findings(example_file(seed))
    assert original, "the examples carry real errors"
    assert findings(resaved[seed]) == original


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_layout_keeping_edits_keep_the_findings(edit, edited):
    assert findings(edited[edit]) == findings(example_file("004"))
