"""A 填报 statement naming a project row perfxl cannot match is not dropped silently (issue 13):
the 004 example's 报告数据 rows “本级专项资金（招商引资）” 320 (seed 004 L108-L112; seed-audit
004.X09) name the project 招商引资资金, whose table says 115 / 115."""
from __future__ import annotations

from perfxl.checks import check_model
from perfxl.io.reading.xlsx_reader import read_workbook
from tests.conftest import example_file


def test_the_example_statements_naming_a_project_are_warned():
    found = [f for f in check_model(read_workbook(example_file("004"))) if f.rule == "PX409"]
    assert [(f.level, f.sheet, f.cell) for f in found] == [("warning", "报告数据", "B8"),
                                                           ("warning", "报告数据", "B9")]
    for f in found:
        assert "“本级专项资金（招商引资）”为 320" in f.message
        assert "项目自评表“招商引资资金”（A6，全年预算数 115.00，全年执行数 115.00）" in f.message


def test_statements_naming_no_project_stay_quiet():
    """000 and 002 hold statements with no cell of their own (上半年支出率 0.42, 基本支出占比 …)
    and no project rows: nothing to match, nothing said."""
    for seed in ("000", "002"):
        assert not [f for f in check_model(read_workbook(example_file(seed))) if f.rule == "PX409"]
