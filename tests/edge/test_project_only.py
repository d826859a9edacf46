"""A workbook holding only a 项目支出绩效自评表 (the most common submission; issue 13): the department
forms are empty, so their required fields (职能职责, 机构设置, 年度总体目标, 存在问题, 改进措施) are
not asked for; 部门名称 and the other 基本信息 fields still are."""
from __future__ import annotations

import pytest

from perfxl import layout as L
from perfxl.checks import check_model
from perfxl.examples import load_example
from perfxl.io.writing.xlsx_fill import write_model
from perfxl.io.reading.xlsx_reader import read_workbook

KEEP = {"基本信息", "项目自评表"}
DEPT_ONLY = {"职能职责", "机构设置", "年度总体目标", "存在问题", "改进措施"}


def _project_only(drop=()):
    """The 004 example with only 基本信息 and its three projects (招商引资资金 …)."""
    m = load_example("004")
    m.values = {k: v for k, v in m.values.items()
                if L.LAYOUT.fields[k][0].name in KEEP and k not in drop}
    m.tables = {t: rows for t, rows in m.tables.items() if L.LAYOUT.tables[t][0].name in KEEP}
    assert len(m.tables["projects"]) == 3 and len(m.tables["project_indicators"]) == 25
    return m


def _px404_labels(model) -> set[str]:
    return {f.message.split("”")[0].lstrip("“") for f in check_model(model) if f.rule == "PX404"}


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    # cached values from perfxl's twins (what they are is not this test's question; the formulas
    # engine would cost a minute of CPU here)
    return read_workbook(write_model(_project_only(), tmp_path_factory.mktemp("p") / "项目.xlsx",
                                     engine="perfxl"))


def test_project_only_workbook_is_not_asked_for_department_fields(workbook):
    assert workbook.values["department_name"] == "岳阳市商务局"
    assert _px404_labels(workbook) == set()


def test_basic_information_is_still_required():
    assert _px404_labels(_project_only(drop=("department_name",))) == {"部门名称"}


def test_department_forms_in_use_require_the_department_fields():
    m = load_example("004")
    for key in ("duties", "organization", "overall_goal", "problems", "improvements"):
        m.values.pop(key, None)
    assert _px404_labels(m) == DEPT_ONLY
