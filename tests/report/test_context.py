"""The context: plain data, computed figures, outline choice, errors."""
from __future__ import annotations

import json

import pytest

from perfxl.errors import UsageError
from perfxl.model import Model
from perfxl.report.context import build_context, find_project, finding_lines
from perfxl.report.outlines import default_outline
from perfxl.report.scores import collect_scores, dept_total
from tests.report.fixtures import empty_model, guangdong_model, hunan_model


@pytest.mark.parametrize("outline, factory, project", [
    ("hunan", hunan_model, None), ("guangdong", guangdong_model, None),
    ("project", hunan_model, "现代服务业资金"), ("hunan", empty_model, None)])
def test_context_is_plain_data(outline, factory, project):
    ctx = build_context(factory(), outline, project=project)
    # strings, lists and dicts only: it survives JSON unchanged
    assert json.loads(json.dumps(ctx, ensure_ascii=False)) == ctx


def test_context_uses_computed_figures_not_stated_ones():
    ctx = build_context(hunan_model(), "hunan")
    funds = ctx["dept_table"]["funds"][0]
    assert (funds["rate"], funds["score"]) == ("96.79%", "9.68")    # stated 96.00%, 9.60
    assert ctx["base_table"]["staff"]["rate"] == "94.64%"          # stated 94.00%
    assert "较上年决算减少5.61万元，下降49.34%" in ctx["three_public"]  # stated 增加0.11万元


def test_free_texts_go_in_as_typed():
    m = hunan_model()
    ctx = build_context(m, "hunan")
    assert ctx["problems"] == ["（一）绩效评价人员匮乏。", "（二）绩效目标编制不规范。"]
    assert ctx["duties"][1] == "2.负责招商引资 & 对外合作<协调>。"


def test_required_inputs_missing():
    ctx = build_context(empty_model(), "hunan")
    for key in ("duties", "organization", "problems", "improvements", "result_application",
                "goal_actual"):
        assert ctx[key] == ["（未填写）"], key
    assert ctx["other_notes"] == ["无。"]
    assert ctx["score"]["total"] == "（未填写）"


@pytest.mark.parametrize("framework, tables, expected", [
    ("hunan_dept", (), "hunan"),
    ("guangdong_dept_100", (), "guangdong"),
    ("central_project", (), "project"),
    ("hunan_53_tiers", (), "guangdong"),   # a 指标体系 framework
    (None, (), "hunan"),
    (None, ("system_indicators",), "guangdong"),
    ("no_such_framework", (), "hunan"),
])
def test_default_outline(framework, tables, expected):
    m = Model(values={"framework": framework})
    for t in tables:
        m.add_row(t, {"level3": "x", "weight": 1})
    assert default_outline(m) == expected


def test_unknown_outline_and_project():
    with pytest.raises(UsageError, match="未知的报告提纲"):
        build_context(hunan_model(), "beijing")
    with pytest.raises(UsageError, match="现代服务业资金、招商引资资金"):
        build_context(hunan_model(), "project")          # two projects: name one
    with pytest.raises(UsageError, match="没有项目「不存在」"):
        build_context(hunan_model(), "project", project="不存在")


def test_single_project_needs_no_name():
    m = hunan_model()
    m.tables["projects"] = m.tables["projects"][:1]
    assert find_project(m, None).project == "现代服务业资金"


def test_findings_lines():
    class F:
        rule, level, sheet, cell, message = "PX101", "error", "部门自评表", "B9", "执行率应为96.79%"
    lines = finding_lines([F(), {"level": "warning", "message": "合计不符"}])
    assert lines == ["【错误】PX101 部门自评表!B9：执行率应为96.79%", "【警告】合计不符"]
    ctx = build_context(hunan_model(), "hunan", findings=[F()])
    assert ctx["findings"] == lines[:1]


def test_scores_without_framework_fall_back_to_workbook_formulas():
    m = hunan_model()
    m.values["framework"] = None
    scores = collect_scores(m)
    assert scores.source == "derived"
    assert dept_total(scores) == 99.68


def test_guangdong_total_and_weights():
    ctx = build_context(guangdong_model(), "guangdong")
    assert ctx["analysis_total"] == "以上各项指标得分合计97分（其中加减分2分）。"
    headings = [g["heading"] for g in ctx["analysis"]]
    assert headings == ["（一）预算编制情况（28分）", "（二）预算执行情况（42分）",
                        "（三）资金使用效益（30分）"]
