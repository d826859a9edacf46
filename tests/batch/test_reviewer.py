"""What the batch reviewer meets (issue 22): frameworks by Chinese name, same-named files in two
folders told apart, an unfilled carried-forward workbook not scored 0 / 差, an earlier summary
in the folder skipped, duplicate department + year noted, charts labelled with rule names and
whole-number counts, the scatter's points labelled, sheets printing fit to width with an
autofilter, progress outside a terminal, text output with a header, JSON status codes, and
the analyst's DataFrames built from the records the summary is written from."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from perfxl.cli import main
from tests.conftest import example_file


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("reviews")
    (d / "县A").mkdir()
    (d / "县B").mkdir()
    shutil.copy(example_file("004"), d / "县A" / "自评表.xlsx")
    shutil.copy(example_file("000"), d / "县B" / "自评表.xlsx")
    shutil.copy(example_file("004"), d / "县B" / "岳阳副本.xlsx")  # 岳阳 2023 twice
    assert run("new", "--from", example_file("004"), "-o", d / "岳阳2024.xlsx").exit_code == 0
    return d


@pytest.fixture(scope="module")
def result(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "汇总.xlsx"
    res = run("batch", folder, "-o", out, "--format", "json", "--jobs", "1")
    assert res.exit_code == 1, res.output
    return out, json.loads(res.stdout)["files"], res.stderr


def _rows(out):
    ws = openpyxl.load_workbook(out)["汇总"]
    head = [c.value for c in ws[1]]
    return {r[0]: dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)}


def test_framework_by_chinese_name_and_relative_names(result):
    out, files, _ = result
    rows = _rows(out)
    assert set(rows) == {"县A/自评表.xlsx", "县B/自评表.xlsx", "岳阳副本.xlsx", "岳阳2024.xlsx"}
    assert rows["县A/自评表.xlsx"]["评价框架"] == "湖南省部门整体支出绩效自评表"
    assert not any(r["评价框架"] in ("hunan_dept", "guangdong_dept_100") for r in rows.values())
    found = openpyxl.load_workbook(out)["全部问题"]
    assert {r[0] for r in found.iter_rows(min_row=2, values_only=True)} >= {"县A/自评表.xlsx",
                                                                          "县B/自评表.xlsx"}


def test_unfilled_workbook_not_scored(result):
    out, files, _ = result
    row = _rows(out)["岳阳2024.xlsx"]
    assert row["状态"] == "未填写" and row["计算总分"] is None and row["等级"] is None
    j = next(f for f in files if f["file"].endswith("岳阳2024.xlsx"))
    assert (j["status"], j["status_label"], j["total"], j["grade"]) == (
        "not_filled", "未填写", None, None)
    # a filled workbook keeps its score
    assert _rows(out)["县A/自评表.xlsx"]["计算总分"] == pytest.approx(109.68)


def test_json_status_is_a_code_with_a_chinese_label(result):
    _, files, _ = result
    assert {f["status"] for f in files} <= {"ok", "errors", "warnings", "unreadable", "not_filled"}
    assert all(f["status_label"] in ("通过", "有错误", "有警告", "无法读取", "未填写") for f in files)


def test_duplicate_department_and_year_noted(result):
    out, _, stderr = result
    rows = _rows(out)
    assert "岳阳副本.xlsx" in rows["县A/自评表.xlsx"]["备注"]
    assert "县A/自评表.xlsx" in rows["岳阳副本.xlsx"]["备注"]
    assert not rows["县B/自评表.xlsx"]["备注"] and not rows["岳阳2024.xlsx"]["备注"]
    assert "同一部门、同一年度" in stderr


def test_rerun_skips_the_earlier_summary(folder, result, tmp_path):
    out, _, _ = result
    earlier = folder / "上次汇总.xlsx"
    shutil.copy(out, earlier)
    try:
        res = run("batch", folder, "-o", tmp_path / "new.xlsx", "--format", "json", "--jobs", "1")
        names = [f["name"] for f in json.loads(res.stdout)["files"]]
        assert "上次汇总.xlsx" not in names and len(names) == 4
        assert "跳过" in res.stderr and "上次汇总.xlsx" in res.stderr
    finally:
        earlier.unlink()


def test_charts_rule_names_whole_counts_labelled_points(result):
    out, _, _ = result
    ws = openpyxl.load_workbook(out)["图表"]
    labels = [ws.cell(r, 1).value for r in range(9, 19) if ws.cell(r, 1).value]
    assert labels and all(len(v.split(" ", 1)) == 2 and v.startswith("PX") for v in labels)
    charts = ws._charts
    bars = [c for c in charts if type(c).__name__ == "BarChart"]
    for b in bars:
        assert b.y_axis.majorUnit is not None and b.y_axis.majorUnit >= 1
        assert b.y_axis.numFmt.formatCode == "0"
    (sc,) = [c for c in charts if type(c).__name__ == "ScatterChart"]
    points = [s for s in sc.series if s.dLbls is not None]
    assert len(points) == 3  # the three scored workbooks, each labelled with its name
    assert all(s.dLbls.showSerName for s in points)


def test_sheets_print_fit_to_width_with_autofilter(result):
    out, _, _ = result
    wb = openpyxl.load_workbook(out)
    for name in ("汇总", "全部问题"):
        ws = wb[name]
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert wb["全部问题"].auto_filter.ref.startswith("A1:H")
    assert wb["汇总"].print_area == "'汇总'!$A$1:$N$5"  # the review columns, not the figures
    ws = wb["全部问题"]
    assert ws["F2"].alignment.wrap_text
    long_rows = [r for r in range(2, ws.max_row + 1) if len(str(ws.cell(r, 6).value)) > 60]
    assert long_rows and all((ws.row_dimensions[r].height or 0) >= 30 for r in long_rows)
    assert "T_summary" in wb["汇总"].tables


def test_progress_and_text_output(folder, tmp_path):
    res = run("batch", folder, "-o", tmp_path / "s.xlsx", "--jobs", "1")
    lines = res.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["状态", "文件", "部门名称"]
    row = next(ln.split("\t") for ln in lines[1:] if "县A/自评表.xlsx" in ln)
    assert row[5:8] == ["100", "109.68", "优"]  # plain values, no 「填报 100」
    assert "已审核 4/4 个工作簿" in res.stderr  # CliRunner's stderr is no terminal


def test_text_output_says_why_a_file_cannot_be_read(tmp_path):
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"junk")
    res = run("batch", bad, example_file("004"), "-o", tmp_path / "s.xlsx", "--jobs", "1")
    assert res.exit_code == 1
    row = next(ln.split("\t") for ln in res.stdout.splitlines() if "坏文件.xlsx" in ln)
    assert row[0] == "无法读取"
    assert "不是 Excel 工作簿" in row[10]  # the 备注 column; it was empty
    good = next(ln.split("\t") for ln in res.stdout.splitlines() if "004-" in ln)
    assert good[10] == ""


def test_progress_step():
    from perfxl.cli.batch import progress_step
    assert progress_step(5) == 10 and progress_step(200) == 10 and progress_step(1000) == 50


def test_dataframes_from_the_same_records(folder, result):
    pytest.importorskip("pandas")
    from perfxl.batch import dataframes

    out, files, _ = result
    books, findings = dataframes([folder], jobs=1)
    rows = _rows(out)
    assert sorted(books["文件"]) == sorted(rows)
    for _, b in books.iterrows():
        r = rows[b["文件"]]
        for col in ("部门名称", "评价框架", "等级", "错误数", "警告数", "状态"):
            assert (None if b[col] is None or b[col] != b[col] else b[col]) == r[col] or \
                (r[col] is None and str(b[col]) in ("<NA>", "nan", "None")), col
    a = books.set_index("文件")
    assert a.loc["县A/自评表.xlsx", "执行率"] == pytest.approx(3995.49 / 4128.02)
    # the summary workbook carries the same figures (万元 for amounts)
    for name in ("县A/自评表.xlsx", "县B/自评表.xlsx"):
        for col in ("全年预算数（万元）", "执行率", "预算调整率"):
            assert rows[name][col] == pytest.approx(a.loc[name, col]), (name, col)
    assert a.loc["县B/自评表.xlsx", "全年预算数（万元）"] == pytest.approx(1719.034015)
    assert len(findings) == sum(len(f["findings"]) for f in files)
    assert set(findings.columns) >= {"文件", "规则", "规则名称", "级别", "单元格", "说明"}


def test_is_summary_never_blocks_or_inflates(tmp_path, result):
    """is_summary is asked of every file found in a folder, before the reader's guards."""
    import os
    import zipfile

    from perfxl.batch.summary import is_summary

    out, _, _ = result
    assert is_summary(out)
    fifo = tmp_path / "管道.xlsx"
    os.mkfifo(fifo)
    assert is_summary(fifo) is False  # returns at once instead of waiting for a writer
    bomb = tmp_path / "大.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", '<sheet name="汇总"/><sheet name="全部问题"/>'.encode()
                    + b" " * (2 * 1024 * 1024))
    assert is_summary(bomb) is False
