"""Text where a number belongs (issue 13): `4,128.02` typed as text into 部门自评表!B6 (全年预算数)
of the 004 example is an error finding PX009 with the fix, not an unreadable file; the rest of
the workbook is checked, and the cell reads as the template's formulas read it (LibreOffice
recalculates B9 = B7/B6 of this very file as 3995.49 / 4128.02 = 0.967895…)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from perfxl import derived
from perfxl.batch import review_files
from perfxl.checks import check_model
from perfxl.cli import main
from perfxl.io.reading.xlsx_reader import read_workbook
from tests.conftest import example_file


@pytest.fixture(scope="module")
def typed_text(tmp_path_factory) -> Path:
    wb = openpyxl.load_workbook(example_file("004"))
    assert wb["部门自评表"]["B6"].value == 4128.02
    wb["部门自评表"]["B6"] = "4,128.02"
    path = tmp_path_factory.mktemp("text") / "004-文本.xlsx"
    wb.save(path)
    return path


def _keys(findings) -> Counter:
    return Counter((f.rule, f.sheet, f.cell) for f in findings)


def test_the_text_is_an_error_with_the_fix_and_the_rest_is_checked(typed_text):
    model = read_workbook(typed_text)
    findings = check_model(model)
    px008 = [f for f in findings if f.rule == "PX009"]
    assert [(f.level, f.sheet, f.cell) for f in px008] == [("error", "部门自评表", "B6")]
    assert "请改为数字 4128.02" in px008[0].message and "全年预算数" in px008[0].message
    original = _keys(check_model(read_workbook(example_file("004"))))
    assert _keys(findings) - original == Counter({("PX009", "部门自评表", "B6"): 1})
    assert original - _keys(findings) == Counter()  # its other 12 errors are all still seen


def test_the_cell_reads_as_the_workbook_formulas_read_it(typed_text):
    model = read_workbook(typed_text)
    assert model.values["budget_full"] == 4128.02
    assert derived.execution_rate(model) == pytest.approx(0.967895019888469, abs=1e-12)


def test_check_exits_1_not_2(typed_text):
    run = CliRunner().invoke(main, ["check", str(typed_text)])
    assert run.exit_code == 1, run.output
    assert "无法读取" not in run.output and "PX009" in run.output
    assert "13 个错误" in run.output


def test_batch_lists_the_findings_instead_of_unreadable(typed_text):
    (review,) = review_files([typed_text], jobs=1)
    assert review.status != "无法读取" and review.error in (None, "")
    assert review.errors == 13
    assert any(f["rule"] == "PX009" and f["cell"] == "B6" for f in review.findings)


def test_a_file_that_cannot_be_read_still_exits_2(tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a zip")
    assert CliRunner().invoke(main, ["check", str(bad)]).exit_code == 2
