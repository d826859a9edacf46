"""A stated total about ten thousand times the sum of its parts is a figure typed in 元 in a 万元
workbook (or the reverse): the sum rules say so and give the converted figure, instead of only
「请核对各分项或合计数」; any other difference keeps the plain fix."""
from __future__ import annotations

import openpyxl

from perfxl.checks import check_model
from perfxl.checks.sumrel import SumRel
from perfxl.checks.sums import _unit_fix
from perfxl.io.reading.xlsx_reader import read_workbook
from tests.conftest import example_file

PLAIN = "请核对各分项或合计数"


def _rel(total, *parts):
    return SumRel("收入来源的全年预算数", total, ("部门自评表", "B6"), "部门自评表全年预算数",
                  tuple((p, "") for p in parts))


def test_total_in_yuan_in_a_wanyuan_workbook():
    fix = _unit_fix(_rel(41280200, 3667.49, 79.41, 381.12), "万元")
    assert fix.startswith("部门自评表全年预算数与分项合计相差约一万倍，疑似按元填写")
    assert "若如此应为 4128.02" in fix


def test_parts_in_yuan_in_a_wanyuan_workbook():
    fix = _unit_fix(_rel(4128.02, 36674900, 794100, 3811200), "万元")
    assert "分项疑似按元填写" in fix and "应为" not in fix


def test_total_in_wanyuan_in_a_yuan_workbook():
    fix = _unit_fix(_rel(1719.034015, 17190340.15), "元")
    assert "疑似按万元填写（本工作簿金额单位为元）" in fix and "应为 17190340.15" in fix


def test_other_differences_keep_the_plain_fix():
    assert _unit_fix(_rel(4100, 3667.49, 381.12), "万元") == PLAIN
    assert _unit_fix(_rel(41280, 3667.49, 79.41, 381.12), "万元") == PLAIN  # ten times
    assert _unit_fix(_rel(-41280200, 4128.02), "万元") == PLAIN
    counts = SumRel("分类编制数", 56 * 10000, ("人员编制", "B12"), "编制数", ((56, ""),),
                    money=False)
    assert _unit_fix(counts, "万元") == PLAIN  # headcounts have no unit


def test_the_example_typed_in_yuan(tmp_path):
    wb = openpyxl.load_workbook(example_file("004"))
    wb["部门自评表"]["B6"] = 41280200
    wb.save(tmp_path / "yuan.xlsx")
    (f,) = [f for f in check_model(read_workbook(tmp_path / "yuan.xlsx"))
            if (f.rule, f.cell) == ("PX101", "B6")]
    assert "疑似按元填写（本工作簿金额单位为万元）；若如此应为 4128.02" in f.message
    plain = [f for f in check_model(read_workbook(example_file("004"))) if f.rule == "PX105"]
    assert plain and all(f.message.endswith(PLAIN) for f in plain)
