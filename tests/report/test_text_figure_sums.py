"""A figure typed as text that the workbook's arithmetic reads but its SUM skips (收入!D10 「 95.49 」,
PX009 tells the user to retype it): the report's 收入合计 and shares are the ones the workbook
shows — 全年执行数合计 = SUM(D5:D10) = 3600 (LibreOffice: 收入!B15), 其他收入 95.49 ÷ 3600 — not
a sum of its own that counts the text (3695.49)."""
from __future__ import annotations

import openpyxl

from perfxl import derived
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.report.sentences import income_sentence
from tests.conftest import example_file


def test_income_total_as_the_workbook_sums_it(tmp_path):
    wb = openpyxl.load_workbook(example_file("004"))
    wb["收入"]["D5"] = 3600
    wb["收入"]["D10"] = " 95.49 "
    wb.save(tmp_path / "typed.xlsx")
    model = read_workbook(tmp_path / "typed.xlsx")
    assert derived.income_executed_sum(model) == 3600
    text = income_sentence(model)
    assert "收入合计3,600.00万元" in text, text
    assert "一般公共预算财政拨款收入3,600.00万元，占100%" in text
    assert "其他收入95.49万元，占2.65%" in text  # the workbook's 占执行数比重 F10
