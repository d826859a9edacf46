"""Execution figures that exist (issue 13).

* A blank 全年执行数 is missing data (PX408), never 0: no "执行率 0.00%（（空） ÷ …）" from PX402,
  PX201/PX203 or PX303.
* A project whose 年度资金总额 row is typed 0 while its 资金来源 rows are filled: PX108 fires and the
  stated 执行率 0 and 得分 0 are still checked, on the sums of the 资金来源 rows.
Values: the 004 example (岳阳市商务局 2023, 部门 4128.02 / 3995.49; 项目 招商引资资金 115 / 115,
分值 10) and the figures of the submission in the issue (当年财政拨款 90 / 89.974)."""
from __future__ import annotations

import pytest

from perfxl.checks import check_model
from perfxl.examples import load_example


def _new(model, base):
    return [f for f in check_model(model) if (f.rule, f.sheet, f.cell) not in base]


@pytest.fixture(scope="module")
def base():
    return {(f.rule, f.sheet, f.cell) for f in check_model(load_example("004"))}


def test_blank_department_execution_is_missing_not_zero(base):
    m = load_example("004")
    del m.values["executed"]
    m.values["problems"] = "绩效意识有待加强。"  # nothing about execution: PX402 would speak
    new = _new(m, base)
    assert [(f.rule, f.cell) for f in new if f.rule != "PX116"] == [("PX408", "B7")]
    assert "已填全年预算数 4128.02，全年执行数为空" in new[0].message
    assert not any("0.00%" in f.message or "（空）" in f.message for f in check_model(m))


def test_blank_project_execution_is_missing_not_zero(base):
    m = load_example("004")
    row = next(r for r in m.tables["projects"] if r.values["project"] == "招商引资资金")
    del row.values["executed"]
    for f in m.tables["project_funds"]:
        if f.values["project"] == "招商引资资金":
            f.values.pop("executed", None)
    new = _new(m, base)
    assert [(f.rule, f.sheet) for f in new] == [("PX408", "项目自评表")]
    assert "项目“招商引资资金”已填全年预算数 115.00，全年执行数为空" in new[0].message


def _zero_total(m, project, funds):
    row = next(r for r in m.tables["projects"] if r.values["project"] == project)
    row.values.update(budget_initial=0.0, budget_full=0.0, executed=0.0,
                      execution_rate_stated=0.0, execution_score_stated=0.0)
    if funds is not None:
        m.tables["project_funds"] = [f for f in m.tables["project_funds"]
                                     if f.values["project"] != project]
        m.add_row("project_funds", {"project": project, "source": "当年财政拨款",
                                    "budget_initial": funds[0], "budget_full": funds[0],
                                    "executed": funds[1]})
    return m


def test_zero_total_falls_back_on_the_fund_rows_of_the_example(base):
    m = _zero_total(load_example("004"), "招商引资资金", None)  # its rows: 115 / 115
    by_rule = {f.rule: f for f in _new(m, base)}
    assert {"PX108", "PX203", "PX303"} <= set(by_rule)
    assert "应为 100.00%（115.00 ÷ 115.00，按各资金来源之和）" in by_rule["PX203"].message
    assert by_rule["PX303"].expected == 10.0 and "填写 0" in by_rule["PX303"].message


def test_zero_total_with_the_submission_figures(base):
    m = _zero_total(load_example("004"), "招商引资资金", (90.0, 89.974))
    by_rule = {f.rule: f for f in _new(m, base)}
    assert by_rule["PX203"].expected == pytest.approx(0.9997)
    assert "99.97%（89.97 ÷ 90.00，按各资金来源之和）" in by_rule["PX203"].message
    assert by_rule["PX303"].expected == 10.0  # 10 × min(99.97%, 1) = 10.00 (ROUND 2)
