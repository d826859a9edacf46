"""Issue 14: carry a workbook into the next year, and check 上年 figures against last year's file.

Everything is asserted on the real example 004 (岳阳市商务局 2023, seed 004): its 三公 本年决算数
4.95 (公务用车运行维护费) and 0.81 (公务接待费) must come back as the 2024 workbook's 上年决算数.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from perfxl import layout as L
from perfxl.carry import carry_forward, pair_problem, prior_fill, prior_pairs
from perfxl.checks import check_model
from perfxl.cli import main
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.model import Model
from tests.conftest import example_file

P004, P000 = example_file("004"), example_file("000")


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def last():
    return read_workbook(P004)


@pytest.fixture(scope="module")
def next_path(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("carry") / "next.xlsx"
    res = cli("new", "--from", P004, "-o", out)
    assert res.exit_code == 0, res.output
    return out


@pytest.fixture(scope="module")
def nxt(next_path):
    return read_workbook(next_path)


def _changed(next_path: Path, tmp_path: Path, value: float) -> Path:
    import openpyxl

    sheet, cell = L.LAYOUT.table_cell("three_public", 2, "prior_final")  # 公务用车运行维护费
    wb = openpyxl.load_workbook(next_path)
    assert wb[sheet][cell].value == 4.95
    wb[sheet][cell] = value
    out = tmp_path / "changed.xlsx"
    wb.save(out)
    return out


# ---- perfxl new --from --------------------------------------------------------------------------
def test_next_year_and_carried_prior_figures(nxt, last):
    assert nxt.year == 2024 and nxt.department_name == "岳阳市商务局"
    assert (nxt.unit, nxt.framework_id) == ("万元", "hunan_dept")
    tp = {r.item: r.values for r in nxt.rows("three_public")}
    assert tp["公务用车运行维护费"] == {"item": "公务用车运行维护费", "prior_final": 4.95}
    assert tp["公务接待费"] == {"item": "公务接待费", "prior_final": 0.81}
    assert tp["因公出国（境）费"]["prior_final"] == 0.0
    assert nxt.get("tp_prior_stated") == 5.76
    assert {r.item: r.prior_final for r in nxt.rows("exp_nature")} == {"基本支出": 2202.32,
                                                                      "项目支出": 1793.17}
    assert [r.prior_final for r in nxt.rows("exp_basic")] == [924.72, 265.4, 1009.27, 2.94]


def test_fixed_data_and_indicator_system_carried(nxt, last):
    assert nxt.get("duties") == last.get("duties") and nxt.get("duties").startswith("1.贯彻执行")
    assert nxt.get("organization") == last.get("organization")
    keep = L.CARRIED_COLUMNS["dept_indicators"]
    assert [{k: r.values.get(k) for k in keep} for r in nxt.rows("dept_indicators")] == \
        [{k: r.values.get(k) for k in keep} for r in last.rows("dept_indicators")]
    assert len(nxt.rows("dept_indicators")) == 11
    assert sum(r.weight for r in nxt.rows("dept_indicators")) == 100
    assert nxt.projects() == last.projects() and len(nxt.projects()) == 3
    assert len(nxt.rows("project_indicators")) == len(last.rows("project_indicators"))
    assert [r.authorized for r in nxt.rows("staffing")] == [54, 25, 2]


def test_this_years_figures_blank(nxt):
    for key in ("budget_initial", "budget_full", "executed", "execution_rate_stated",
                "tp_final_stated", "overall_goal", "problems", "goal_actual"):
        assert nxt.values.get(key) is None, key
    for table, col in (("three_public", "final"), ("three_public", "budget"),
                       ("exp_nature", "executed"), ("exp_basic", "executed"),
                       ("dept_indicators", "actual"), ("dept_indicators", "score_stated"),
                       ("projects", "executed"), ("project_indicators", "actual_text")):
        assert all(r.values.get(col) is None for r in nxt.rows(table)), (table, col)
    assert nxt.rows("project_funds") == [] and nxt.rows("statements") == []


def test_check_next_has_no_finding_caused_by_the_carrying(next_path, tmp_path, last):
    """Compared with an empty workbook of the same framework, every extra finding of next.xlsx
    is either a data problem 004 itself has (same rule, same place or the 上年 column beside
    it) or a reminder that this year's actual or score is still to be filled."""
    empty = tmp_path / "empty.xlsx"
    assert cli("new", "--framework", "hunan_dept", "-o", empty).exit_code == 0
    mine = check_model(read_workbook(next_path))
    base = {(f.rule, f.sheet, f.cell) for f in check_model(read_workbook(empty))}
    inherited = {(f.rule, f.sheet, f.cell) for f in check_model(last)}
    extra = [f for f in mine if (f.rule, f.sheet, f.cell) not in base]
    assert not [f for f in extra if f.rule.startswith("PX0")]  # formulas and cached values fine
    nature_prior = L.LAYOUT.table_cell("exp_nature", 0, "prior_final")
    nature_exec = L.LAYOUT.table_cell("exp_nature", 0, "executed")
    for f in extra:
        if f.rule in ("PX106", "PX112"):  # 编制 81 vs 56 (004.X01), weights 110 (004.X10)
            assert (f.rule, f.sheet, f.cell) in inherited
        elif f.rule == "PX150":  # 2202.33 vs 2202.32 (004.X03), now in the 上年 column
            assert (f.sheet, f.cell) == nature_prior
            assert ("PX150", *nature_exec) in inherited
        elif f.rule == "PX404":  # this year's texts (年度总体目标…) are the year's own, not carried
            key = next(k for k in L.LAYOUT.fields if L.LAYOUT.field_cell(k) == (f.sheet, f.cell))
            assert key not in L.CARRIED_FIELDS, (key, f.message)
        else:  # this year's actual / score not typed yet
            assert f.rule in ("PX403", "PX406"), (f.rule, f.message)
    assert {f.rule for f in extra} <= {"PX106", "PX112", "PX150", "PX403", "PX404", "PX406"}
    assert {"PX106", "PX112", "PX150", "PX403"} <= {f.rule for f in extra}
    # the carried 必填 texts (职能职责, 机构设置) are filled
    required = {(f.sheet, f.cell) for f in mine if f.rule == "PX404"}
    for key in ("duties", "organization"):
        assert L.LAYOUT.field_cell(key) not in required


# ---- perfxl check --prior -----------------------------------------------------------------------
def _px118(path: Path, prior: Path):
    res = cli("check", path, "--prior", prior, "--select", "PX118", "--format", "json")
    return res, json.loads(res.stdout)["files"][0]["findings"]


def test_prior_unchanged_gives_nothing(next_path):
    res, found = _px118(next_path, P004)
    assert res.exit_code == 0 and found == []


def test_prior_one_changed_figure_gives_one_finding(next_path, tmp_path):
    res, found = _px118(_changed(next_path, tmp_path, 5.05), P004)
    assert res.exit_code == 1
    assert len(found) == 1
    f = found[0]
    assert (f["rule"], f["sheet"], f["cell"], f["expected"], f["actual"]) == \
        ("PX118", "经费控制", "B7", 4.95, 5.05)
    assert "经费控制!B7" in f["message"] and "经费控制!D7" in f["message"]
    assert P004.name in f["message"] and "公务用车运行维护费" in f["message"]


def test_prior_refused_for_another_department_or_year(next_path):
    res = cli("check", next_path, "--prior", P000)
    assert res.exit_code == 2 and "不是同一部门" in res.output
    res = cli("check", P004, "--prior", P004)
    assert res.exit_code == 2 and "应为 2022 年度" in res.output
    res = cli("check", next_path, P004, "--prior", P004)
    assert res.exit_code == 2 and "--prior 只能与一个工作簿" in res.output
    res = cli("check", next_path, "--prior", "/nonexistent/上年.xlsx")
    assert res.exit_code == 2 and "文件不存在" in res.output


def test_new_from_refuses_to_overwrite_last(tmp_path):
    last = tmp_path / "last.xlsx"
    shutil.copy(P004, last)
    before = last.read_bytes()
    for target in (last, tmp_path / "." / "last.xlsx"):
        res = cli("new", "--from", last, "-o", target, "--force")
        assert res.exit_code == 2 and "就是输入文件" in res.output
    os.link(last, tmp_path / "hard.xlsx")
    os.symlink(last, tmp_path / "soft.xlsx")
    for target in ("hard.xlsx", "soft.xlsx"):
        res = cli("new", "--from", last, "-o", tmp_path / target, "--force")
        assert res.exit_code == 2 and "就是输入文件" in res.output, target
    assert last.read_bytes() == before
    res = cli("new", "--from", tmp_path / "missing.xlsx", "-o", tmp_path / "n.xlsx")
    assert res.exit_code == 2 and not (tmp_path / "n.xlsx").exists()


# ---- perfxl batch --prior-dir -------------------------------------------------------------------
def test_batch_pairs_by_department_and_year(next_path, tmp_path):
    this, prior = tmp_path / "this", tmp_path / "prior"
    this.mkdir(), prior.mkdir()
    shutil.copy(_changed(next_path, tmp_path, 5.05), this / "岳阳2024.xlsx")
    shutil.copy(P000, this / P000.name)
    shutil.copy(P004, prior / P004.name)
    shutil.copy(P000, prior / P000.name)  # same year as this/000: no pair for it
    res = cli("batch", this, "-o", tmp_path / "sum.xlsx", "--prior-dir", prior, "--format",
              "json", "-j", "1")
    assert res.exit_code == 1, res.output
    files = {Path(f["file"]).name: f for f in json.loads(res.stdout)["files"]}
    yy = files["岳阳2024.xlsx"]
    assert Path(yy["prior"]).name == P004.name
    assert [(f["cell"], f["expected"], f["actual"]) for f in yy["findings"]
            if f["rule"] == "PX118"] == [("B7", 4.95, 5.05)]
    assert files[P000.name]["prior"] is None
    assert not [f for f in files[P000.name]["findings"] if f["rule"] == "PX118"]


# ---- the core, on models ------------------------------------------------------------------------
def test_pair_problem_messages(nxt, last):
    assert pair_problem(nxt, last) is None
    other = Model(values={"department_name": "乐昌市商务局", "year": 2023})
    assert "不是同一部门" in pair_problem(nxt, other)
    assert "应为 2023 年度" in pair_problem(nxt, Model(values={"department_name": "岳阳市商务局",
                                                              "year": 2022}))


@pytest.mark.parametrize("this_name, last_name, which", [
    ("岳阳市商务局", "", "上年工作簿没有填写部门名称"),
    ("", "岳阳市商务局", "本工作簿没有填写部门名称"),
    ("　 ", None, "都没有填写部门名称"),
])
def test_a_blank_department_name_on_either_side_is_refused(this_name, last_name, which):
    """A blank 部门名称 paired with anything: another department's figures would be compared."""
    this = Model(values={"department_name": this_name, "year": 2024})
    last = Model(values={"department_name": last_name, "year": 2023})
    problem = pair_problem(this, last)
    assert problem is not None and which in problem and "基本信息!" in problem


def test_function_subjects_pair_by_name_and_convert_units():
    last = Model(values={"year": 2022, "amount_unit": "元", "carryover_current": 123456.0})
    last.add_row("exp_function", {"subject": "一般公共服务支出", "current": 3244335.71}, index=0)
    last.add_row("exp_function", {"subject": "商业服务业等支出", "current": 12830454.25}, index=1)
    nxt = carry_forward(last)
    assert nxt.year == 2023 and nxt.unit == "元"
    assert [(r.subject, r.prior, r.current) for r in nxt.rows("exp_function")] == \
        [("一般公共服务支出", 3244335.71, None), ("商业服务业等支出", 12830454.25, None)]
    assert nxt.get("carryover_prior") == 123456.0
    # THIS in 万元 with the subjects in another order: pairs by name, LAST converted
    this = Model(values={"year": 2023, "amount_unit": "万元"})
    this.add_row("exp_function", {"subject": "商业服务业等支出", "prior": 1283.05}, index=0)
    pairs = {p.label: p for p in prior_pairs(this, last)}
    p = pairs["按功能分类科目“商业服务业等支出”·上年决算数"]
    assert p.actual == 1283.05 and p.expected == pytest.approx(1283.045425)
    assert p.where == L.LAYOUT.table_cell("exp_function", 0, "prior")
    assert check_model(this, select=["PX118"], prior=last) == []  # 1283.05 is 1283.045425 rounded
    # the add-in's fill: the missing subject goes to the next free row, the filled one is left
    write, left = prior_fill(this, last)
    assert left == []  # 1283.05 already holds LAST's figure
    assert {c.where: c.value for c in write} == {
        L.LAYOUT.field_cell("carryover_prior"): pytest.approx(12.3456),
        L.LAYOUT.table_cell("exp_function", 1, "subject"): "一般公共服务支出",
        L.LAYOUT.table_cell("exp_function", 1, "prior"): pytest.approx(324.433571)}


def test_carry_forward_needs_a_year():
    from perfxl.errors import UsageError

    with pytest.raises(UsageError, match="没有填写年度"):
        carry_forward(Model(values={"department_name": "岳阳市商务局"}))


# ---- the report's 较上年 sentences use the carried figures ----------------------------------------
def test_report_compares_with_the_carried_figures(nxt):
    from perfxl.report import report_text

    model = Model(values=dict(nxt.values), tables={k: list(v) for k, v in nxt.tables.items()})
    rows = {r.item: r for r in model.rows("three_public")}
    rows["公务用车运行维护费"].values["final"] = 5.5
    rows["公务接待费"].values["final"] = 1.0
    rows["因公出国（境）费"].values["final"] = 0.0
    model.values["tp_final_stated"] = 6.5
    text = "\n".join(t for _, t in report_text(model))
    # 6.50 against the carried 5.76: +0.74, +12.85%
    assert "较上年决算增加0.74万元，增长12.85%" in text


# ---- LibreOffice opens and recalculates NEXT ----------------------------------------------------
EXCEL_ERRORS = {"#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#N/A", "#NUM!", "#NULL!"}


@pytest.mark.libreoffice
def test_next_recalculates_in_libreoffice(soffice, next_path, tmp_path):
    """LibreOffice recalculates next.xlsx with no error value anywhere, and its value of every
    formula cell equals the one perfxl saved (the formulas engine's, cached by write_model)."""
    from perfxl.io.office.libreoffice import recalculated_values
    from tests.test_libreoffice import _same

    lo = recalculated_values(next_path, tmp_path)
    assert {k: v for k, v in lo.items() if v in EXCEL_ERRORS or str(v).startswith("Err:")} == {}
    assert lo[L.LAYOUT.field_cell("tp_prior_sum")] == pytest.approx(5.76)  # 0 + 4.95 + 0.81
    saved = read_workbook(next_path).source
    assert saved.cached[L.LAYOUT.field_cell("tp_prior_sum")] == pytest.approx(5.76)
    bad = [(k, saved.cached.get(k), lo.get(k)) for k in L.LAYOUT.formula_cells
           if not _same(saved.cached.get(k), lo.get(k))]
    assert bad == [] and len(L.LAYOUT.formula_cells) > 250


# ---- the mapping in the layout description ------------------------------------------------------
def test_every_prior_cell_of_the_layout_has_its_source():
    """Each input/stated 上年 field or column of the template is fed by a 本年 figure of the same
    kind; fixed data never includes a computed cell."""
    lay = L.LAYOUT
    def prior(text: str) -> bool:  # 上年决算数, 上年末结转结余…; not 较上年增减额
        return "上年" in text.replace("较上年", "")

    prior_cells = {k for k, (_, _, f) in lay.fields.items()
                   if prior(f.label) and f.role in (L.INPUT, L.STATED)}
    prior_cells |= {f"{t}.{c.key}" for t, (_, tab) in lay.tables.items() for c in tab.columns
                    if prior(c.header) and c.role in (L.INPUT, L.STATED)}
    assert {c.target for c in L.PRIOR_YEAR_FIGURES} == prior_cells
    for c in L.PRIOR_YEAR_FIGURES:
        if c.table is None:
            src, tgt = lay.field(c.source), lay.field(c.target)
        else:
            assert c.target.split(".")[0] == c.table
            s, t = c.columns()
            src, tgt = lay.table(c.table).column(s), lay.table(c.table).column(t)
        assert src.kind == tgt.kind == L.AMOUNT and src.role in (L.INPUT, L.STATED)
        assert "上年" not in getattr(src, "label", getattr(src, "header", ""))
    assert all(lay.field(k).role in (L.INPUT, L.STATED) for k in L.CARRIED_FIELDS)
    for t, cols in L.CARRIED_COLUMNS.items():
        assert all(lay.table(t).column(c).role in (L.INPUT, L.STATED) for c in cols), t


def test_full_check_of_the_changed_copy(next_path, tmp_path, last):
    """Without --select: the change 4.95 -> 5.05 adds PX118 at the cell, and PX105 where the
    上年决算合计 5.76 no longer equals its items (0 + 5.05 + 0.81 = 5.86); nothing else."""
    from perfxl.io.reading.xlsx_reader import read_workbook as read

    def found(path):
        return {(f.rule, f.sheet, f.cell): f for f in check_model(read(path), prior=last)}

    before, after = found(next_path), found(_changed(next_path, tmp_path, 5.05))
    extra = {k: (f.expected, f.actual) for k, f in after.items() if k not in before}
    assert extra == {("PX118", "经费控制", "B7"): (4.95, 5.05),
                     ("PX105", *L.LAYOUT.field_cell("tp_prior_stated")): (5.86, 5.76)}
    assert set(before) <= set(after)
