"""`perfxl score` marks with * a row whose computed score differs from the stated one; the text
says what the mark means (it printed the * with no word about it)."""
from __future__ import annotations

from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.scoring import score_model
from perfxl.scoring.output import MARK_LEGEND, render_text
from tests.conftest import example_file


def test_a_marked_row_comes_with_the_legend():
    text = render_text(score_model(read_workbook(example_file("004"))))
    assert "9.68 *" in text  # 预算执行率: computed 9.68, stated 9.6
    assert MARK_LEGEND in text and MARK_LEGEND.startswith("* 计算得分与填报得分不同")


def test_no_mark_no_legend():
    model = read_workbook(example_file("004"))
    model.values["execution_score_stated"] = 9.68
    text = render_text(score_model(model))
    assert " *" not in text and MARK_LEGEND not in text
