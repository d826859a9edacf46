"""Finding: immutable, identity by location + rule, report order."""
from __future__ import annotations

import pytest

from perfxl.checks import Finding
from perfxl.checks.finding import cell_position


def f(rule="PX201", sheet="部门自评表", cell="B10", msg="a", file="x.xlsx", **kw):
    return Finding(rule, "error", file, sheet, cell, msg, **kw)


def test_equality_ignores_wording_and_numbers():
    assert f(msg="旧的说法", expected=1) == f(msg="新的说法", expected=2)
    assert hash(f(msg="a")) == hash(f(msg="b"))
    assert f(rule="PX202") != f()
    assert f(cell="B11") != f()


def test_immutable():
    with pytest.raises(AttributeError):
        f().message = "x"  # type: ignore[misc]


def test_order_file_sheet_row_column_rule():
    items = [f(cell="B10", rule="PX301"), f(cell="B10", rule="PX201"), f(cell="A11"),
             f(sheet="基本信息", cell="Z99"), f(file="a.xlsx", cell="C1"), f(cell="AA2")]
    got = [(x.file, x.sheet, x.cell, x.rule) for x in sorted(items)]
    assert got == [("a.xlsx", "部门自评表", "C1", "PX201"), ("x.xlsx", "基本信息", "Z99", "PX201"),
                   ("x.xlsx", "部门自评表", "AA2", "PX201"), ("x.xlsx", "部门自评表", "B10", "PX201"),
                   ("x.xlsx", "部门自评表", "B10", "PX301"), ("x.xlsx", "部门自评表", "A11", "PX201")]


@pytest.mark.parametrize(("cell", "pos"), [("B7", (7, 2)), ("AA12", (12, 27)), ("$C$3", (3, 3)),
                                           ("", (0, 0))])
def test_cell_position(cell, pos):
    assert cell_position(cell) == pos


def test_json_shape():
    d = f(expected=0.9679, actual=0.96).as_dict()
    assert list(d) == ["rule", "level", "message", "sheet", "cell", "expected", "actual", "unit"]


def d(line=None, paragraph=None, quote="减少210276.21元", rule="PX603", **kw):
    return Finding(rule, "error", "r.txt", "", "", "m", line=line, paragraph=paragraph,
                   quote=quote, **kw)


def test_draft_findings_differ_by_line_paragraph_cell_and_quote():
    assert d(line=3) == d(line=3)
    assert d(line=3) != d(line=4)
    assert d(paragraph=2) != d(line=2)
    assert d(line=3, quote="a") != d(line=3, quote="b")
    assert d(table=1, row=2, col=3) != d(table=1, row=2, col=4)
    assert len({d(line=3), d(line=3), d(line=5)}) == 2


def test_draft_findings_sort_by_line_and_place():
    got = [x.line for x in sorted([d(line=12), d(line=3), d(line=7)])]
    assert got == [3, 7, 12]
    assert d(line=12).place == "第 12 行" and d(paragraph=4).place == "第 4 段"
    assert d(table=1, row=2, col=3).place == "表 1 第 2 行第 3 列"
    assert d(line=72, from_line=69).place == "第 69–72 行"
    assert d(paragraph=72, from_paragraph=69).place == "第 69–72 段"
    assert f().place == "部门自评表!B10" and not f().in_draft


def test_draft_json_shape():
    got = d(line=3).as_dict()
    assert list(got)[7:] == ["unit", "line", "paragraph", "table", "row", "col", "quote", "from_line",
                             "from_paragraph", "page"]
    assert got["line"] == 3 and got["paragraph"] is None and got["quote"] == "减少210276.21元"
