"""Issue 13, the nine disagreements between the workbook, the CLI and the report: one test per
item, named after it.  Each failed before the fix and passes now.  The workbooks of items 1, 2,
3, 4 and 9 are recalculated by LibreOffice in ONE soffice run (module fixture); every formula
cell and every report figure is compared with perfxl's Python (``tests.differential.harness``).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from perfxl import derived
from perfxl.checks import check_model
from perfxl.layout import LAYOUT
from perfxl.model import Model
from tests.differential.harness import compare, recalc, write_books

ROOT = Path(__file__).resolve().parents[2]


def _model(values=None, rows=None) -> Model:
    m = Model()
    m.values.update(department_name="测试局", year=2023, amount_unit="万元", framework="hunan_dept")
    m.values.update(values or {})
    for table, items in (rows or {}).items():
        for i, r in enumerate(items):
            m.add_row(table, r, index=i)
    return m


def _ind(**kw):
    base = {"level1": "产出指标", "level3": "指标", "weight": 10}
    base.update(kw)
    return base


# ---- the workbooks of the LibreOffice items ------------------------------------------------------
BOOKS = {
    # 1: choice cells with a trailing space: the reader and the formulas both TRIM
    "item1": _model({"execution_weight": 10, "budget_full": 100, "executed": 90}, {
        "dept_indicators": [
            _ind(nature="定性 ", achievement="达成 ", score_stated=7),
            _ind(nature="定量", direction="≤ ", target=5, actual=10),
            _ind(nature="定量", direction="≥", target=10, actual=5, applicable="否 "),
            _ind(nature="定量", direction="区间 ", target=90, target_upper=100, actual=125),
        ],
        "projects": [{"project": "甲", "execution_weight": 10, "budget_full": 50,
                      "executed": 50}],
        "project_indicators": [
            {"project": "甲", "level3": "a", "nature": "定性", "achievement": "部分达成 ",
             "weight": 50, "score_stated": 20},
            {"project": "甲", "level3": "b", "weight": 40, "applicable": "否 ",
             "score_stated": 40}],
    }),
    # 2: number cells holding only a space: blank for the formulas (TRIM(x)="") and the reader
    "item2": _model({"execution_weight": " ", "budget_full": 100, "executed": 90,
                     "tp_final_stated": " ", "in_service_total": " "}, {
        "dept_indicators": [
            _ind(nature="定量", direction="≥", target=" ", actual=5, score_stated=6),
            _ind(nature="定量", direction="≤", target=5, actual=" ", score_stated=4),
            _ind(nature="定量", direction="区间", target=90, target_upper=" ", actual=95),
            _ind(weight=" ", score_stated=3),
        ],
        "bonus": [{"item": "加分", "points_each": 1, "count": " ", "cap": " ",
                   "score_stated": 2}],
        "three_public": [{"item": "因公出国（境）费", "prior_final": 5, "budget": 6,
                          "final": 4}],
    }),
    # 3: project names differing only in case: EXACT in the formula, == in Python
    "item3": _model({}, {
        "projects": [{"project": "ABC项目", "execution_weight": 10, "budget_full": 10,
                      "executed": 10}],
        "project_indicators": [
            {"project": "abc项目", "level3": "甲", "weight": 90, "score_stated": 90},
            {"project": "ABC项目", "level3": "乙", "weight": 0, "score_stated": 0}],
    }),
    # 4: a 不适用 row (PX307 rescaled), 不适用 weight (PX112), an out-of-band stated score (PX306)
    "item4": _model({"dept_score_total_stated": 88.89}, {
        "dept_indicators": [
            _ind(nature="定性", achievement="达成", score_stated=7),
            _ind(level1="效益指标", weight=90, score_stated=80.89),
            _ind(level1="成本指标", weight=5, applicable="否"),
        ],
        "projects": [{"project": "甲", "execution_weight": 10, "budget_full": 50,
                      "executed": 50, "score_total_stated": 90.67}],
        "project_indicators": [
            {"project": "甲", "level3": "a", "weight": 80, "score_stated": 71.6},
            {"project": "甲", "level3": "b", "weight": 10, "applicable": "否"}],
    }),
    # 9a: an empty table
    "item9_empty": _model(),
    # 9b: budget 0 with execution 100; a negative execution
    "item9_budget0": _model({"execution_weight": 10, "budget_full": 0, "executed": 100}, {
        "projects": [{"project": "负", "execution_weight": 10, "budget_full": 50,
                      "executed": -20}],
        "project_indicators": [{"project": "负", "level3": "a", "weight": 90,
                                "score_stated": 90}]}),
}


@pytest.fixture(scope="module")
def lo_books(soffice, tmp_path_factory):
    d = tmp_path_factory.mktemp("issue13")
    names = list(BOOKS)
    paths = write_books([BOOKS[n] for n in names], d / "in")
    return {n: (p, lo) for n, p, lo in zip(names, paths, recalc(paths, d / "out"))}


def _agree(lo_books, name):
    path, lo = lo_books[name]
    out = compare(path, lo)
    assert out.cells == len(LAYOUT.formula_cells) and out.figures >= 3
    assert not out.bad, out.bad
    return path, lo


def _lo(lo, key, index=None, column=None):
    cell = LAYOUT.field_cell(key) if index is None else LAYOUT.table_cell(key, index, column)
    return lo.get(cell)


@pytest.mark.libreoffice
def test_item1_trailing_spaces_in_choice_cells(lo_books):
    path, lo = _agree(lo_books, "item1")
    assert _lo(lo, "dept_indicators", 0, "score") == 8        # "达成 " band: 7 → 8
    assert _lo(lo, "dept_indicators", 1, "score") == 5        # "≤ ": 5 / 10 × 10
    assert _lo(lo, "dept_indicators", 2, "score") in (None, "")  # "否 ": not applicable
    assert _lo(lo, "projects", 0, "score_total") == pytest.approx((10 + 30) * 100 / 60, abs=0.005)


@pytest.mark.libreoffice
def test_item2_number_cell_holding_only_a_space(lo_books):
    path, lo = _agree(lo_books, "item2")
    scores = [_lo(lo, "dept_indicators", i, "score") for i in range(4)]
    assert scores == [6, 4, 10, None]                          # never #VALUE!
    assert _lo(lo, "execution_score") in (None, "")
    assert isinstance(_lo(lo, "dept_score_sum"), (int, float))
    # and the user is told which cells hold only spaces
    from perfxl.io.reading.xlsx_reader import read_workbook
    found = {(f.sheet, f.cell) for f in check_model(read_workbook(path)) if f.rule == "PX010"}
    assert found == {LAYOUT.field_cell("execution_weight"), LAYOUT.field_cell("tp_final_stated"),
                     LAYOUT.field_cell("in_service_total"),
                     LAYOUT.table_cell("dept_indicators", 0, "target"),
                     LAYOUT.table_cell("dept_indicators", 1, "actual"),
                     LAYOUT.table_cell("dept_indicators", 2, "target_upper"),
                     LAYOUT.table_cell("dept_indicators", 3, "weight"),
                     LAYOUT.table_cell("bonus", 0, "count"), LAYOUT.table_cell("bonus", 0, "cap")}


@pytest.mark.libreoffice
def test_item3_project_names_differing_only_in_case(lo_books):
    path, lo = _agree(lo_books, "item3")
    assert _lo(lo, "projects", 0, "score_total") == 10         # SUMIF gave 100
    from perfxl.io.reading.xlsx_reader import read_workbook
    found = [f for f in check_model(read_workbook(path)) if f.rule == "PX407"]
    assert [(f.sheet, f.cell) for f in found] == [LAYOUT.table_cell("project_indicators", 0,
                                                                     "project")]
    assert "ABC项目" in found[0].message and "大小写" in found[0].message


@pytest.mark.libreoffice
def test_item4_checks_expect_the_workbooks_computed_cells(lo_books):
    path, lo = _agree(lo_books, "item4")
    assert _lo(lo, "projects", 0, "score_total") == 90.67
    assert _lo(lo, "dept_weight_sum") == 100 and _lo(lo, "dept_score_sum") == 88.89
    from perfxl.io.reading.xlsx_reader import read_workbook
    model = read_workbook(path)
    rules = {f.rule for f in check_model(model)}
    assert not rules & {"PX306", "PX307", "PX112"}, rules
    # and when the stated figures are wrong, the expected values are the workbook's
    model.rows("projects")[0].values["score_total_stated"] = 81.6
    model.values["dept_score_total_stated"] = 89.89
    got = {f.rule: f.expected for f in check_model(model, select=["PX306", "PX307"])}
    assert got == {"PX306": 88.89, "PX307": 90.67}


def test_item5_one_formatter_for_score_text():
    from perfxl.checks.compare import fmt_score as check_score
    from perfxl.report.fmt import fmt_rate, fmt_score
    from perfxl.scoring import score_model
    from perfxl.scoring.indicators import fmt, pct
    assert pct(0.96785) == fmt_rate(0.96785) == "96.79%"
    assert fmt(0.045) == fmt_score(0.045) == "0.05" and check_score(0.045) == "0.05"
    m = _model({"execution_weight": 10, "budget_full": 100000, "executed": 96785})
    item = score_model(m).items[0]
    assert "96.79%" in item.rule and "96.78%" not in item.rule


# f-string / format() rounding of figures ({x:.2f}, format(x, ".10f"), round(x, 2)) outside the
# one formatter; the allowed lines print no figure (seconds, column widths, cache bookkeeping).
_STRAY = re.compile(r"\{[^{}]*:,?\.\{|\{[^{}]*:[,0-9]*\.[0-9]+[fg%]\}|\bround\(|(?<!\.)\bformat\([^)]*['\"][,.0-9]*[fg%]['\"]")
_ALLOWED = {("perfxl/cli/addin.py", "秒"), ("perfxl/io/live/xl_book.py", "POINTS_PER_CHAR"),
            ("perfxl/io/reading/template_cache.py", "mid * 1000"), ("perfxl/io/reading/template_cache.py", "t0"),
            ("perfxl/template/builder.py", "width"), ("perfxl/checks/quantities.py", "k = round"),
            # a download's size; a PDF page's geometry in points (line heights, column edges)
            ("perfxl/cli/web.py", "MB"), ("perfxl/draft/pdf.py", "round(v, 0)"),
            ("perfxl/draft/pdf.py", "ln.x0"), ("perfxl/draft/pdf.py", "step - para"),
            ("perfxl/draft/pdf.py", "(first.top - top) / para")}


def test_item5_no_stray_float_formatting_of_figures():
    stray = []
    for path in sorted((ROOT / "perfxl").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "perfxl/numbers.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _STRAY.search(line) and not any(rel == f and tag in line for f, tag in _ALLOWED):
                stray.append(f"{rel}:{n}: {line.strip()}")
    assert not stray, "\n".join(stray)


def test_item6_report_counts_indicators_with_level1_fill_down():
    from perfxl.report.context import build_context
    m = _model({"execution_weight": 10}, {"dept_indicators": [
        _ind(level3="a"), {"level3": "b", "weight": 10}, {"level3": "c", "weight": 10},
        _ind(level1="效益指标", level3="d")]})
    text = json.dumps(build_context(m, "hunan"), ensure_ascii=False)
    assert "其中产出指标3项、效益指标1项" in text and "其他指标" not in text


def test_item7_two_prior_year_totals_differ():
    m = _model({}, {"exp_nature": [{"item": "基本支出", "prior_final": 1000, "executed": 1000},
                                   {"item": "项目支出", "prior_final": 830, "executed": 935.7}],
                    "exp_function": [{"subject": "一般公共服务支出", "current": 1935.7,
                                      "prior": 1880}]})
    found = [f for f in check_model(m) if f.rule == "PX119"]
    assert [(f.expected, f.actual) for f in found] == [(1880, 1830)]
    assert derived.function_change(m) == pytest.approx(55.7)


def test_item8_example_000_cli_equals_workbook():
    from click.testing import CliRunner
    from perfxl.cli import main
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.report.render import report_text
    from tests.conftest import example_file
    path = example_file("000")
    model = read_workbook(path)
    cached = model.source.cached[LAYOUT.field_cell("system_score_sum")]
    res = CliRunner().invoke(main, ["score", str(path), "--format", "json"])
    data = json.loads(res.stdout)
    assert cached == 87 and data["total"] == 87
    item = next(i for i in data["items"] if i["indicator"] == "政府采购执行率")
    assert item["score"] == 2 and "1.99" in item["rule"]
    lines = " ".join(t for _, t in report_text(model))
    assert "87分" in lines and "86.99" not in lines


@pytest.mark.libreoffice
def test_item9_empty_table_zero_budget_negative_execution(lo_books):
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.report.context import build_context
    from perfxl.scoring import score_model
    path, lo = _agree(lo_books, "item9_empty")
    assert _lo(lo, "dept_score_sum") in (None, "") and _lo(lo, "dept_grade") in (None, "")
    empty = read_workbook(path)
    assert score_model(empty).total is None and score_model(empty).grade is None
    path, lo = _agree(lo_books, "item9_budget0")
    model = read_workbook(path)
    found = {(f.rule, f.cell) for f in check_model(model)}
    assert ("PX222", LAYOUT.field_cell("budget_full")[1]) in found
    text = json.dumps(build_context(model, "hunan"), ensure_ascii=False)
    assert "预算执行率无法计算（全年预算数为0）" in text
    assert _lo(lo, "projects", 0, "execution_score") == 0       # never below 0
    assert derived.project_execution_score(model.rows("projects")[0]) == 0


def test_item9_project_report_states_the_full_scale_weight():
    from perfxl.report.context import build_context
    m = BOOKS["item4"]
    ctx = json.dumps(build_context(m, "project", project="甲"), ensure_ascii=False)
    assert "分值合计100分（其中不适用指标10分不计分，得分按百分制折算）" in ctx
    assert "自评得分90.67分" in ctx and "分值合计90分" not in ctx


def test_normalization_is_excel_trim():
    """The reader reads choices through Excel's TRIM, as the formulas do: ASCII spaces go, inner
    runs collapse, other white space stays (and makes the choice invalid: PX005)."""
    from perfxl.typed import excel_trim, is_trim_blank
    assert excel_trim("  达成 ") == "达成" and excel_trim("部分  达成") == "部分 达成"
    assert excel_trim("达成\u3000") == "达成\u3000" and excel_trim("否\t") == "否\t"
    assert is_trim_blank("   ") and is_trim_blank(None) and not is_trim_blank("\u3000")
