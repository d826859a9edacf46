"""``perfxl check DRAFT.txt|DRAFT.docx [--workbook BOOK]``: exit codes, formats, drafts and
workbooks in one call."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from perfxl.cli.check import command

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "examples" / "004-岳阳市商务局-2023.xlsx"
WRONG = ("2023年度部门整体支出绩效自评报告\n\n"
         "全年预算数 4128.02 万元，执行数 3995.49 万元，预算控制率96.00%。\n")
RIGHT = WRONG.replace("96.00%", "96.79%")


def run(*args):
    return CliRunner().invoke(command, [str(a) for a in args])


def test_clean_draft_exits_0_and_wrong_one_1(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(RIGHT, encoding="utf-8")
    bad.write_text(WRONG.replace("执行数 3995.49", "执行数 3900.00"), encoding="utf-8")
    assert run(good).exit_code == 0
    r = run(bad, "--format", "json")
    assert r.exit_code == 1
    f = json.loads(r.stdout)["files"][0]["findings"][0]
    assert (f["rule"], f["line"], f["quote"]) == ("PX607", 3, "4128.02 万元，执行数 3900.00 万元，预算控制率96.00%")


def test_workbook_ties_draft_and_mixes_with_workbooks(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(WRONG, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(RIGHT, encoding="utf-8")
    # without the workbook the sentence is consistent with itself... except its own ratio
    assert [f["rule"] for f in json.loads(run(bad, "--format", "json").stdout)["files"][0]
            ["findings"]] == ["PX607"]
    # the workbook's 96.79% speaks of a figure only it can tell
    alone = tmp_path / "alone.txt"
    alone.write_text("2023年度部门整体支出绩效自评报告\n\n全年预算数 4128.02 万元，预算控制率96.00%。\n",
                     encoding="utf-8")
    r = run(bad, good, alone, BOOK, "--workbook", BOOK, "--format", "json", "--select", "PX6,PX201")
    files = {Path(x["file"]).name: x for x in json.loads(r.stdout)["files"]}
    assert r.exit_code == 1
    # one figure, one finding: the 96.00% PX607 reports is not reported again by PX650
    assert [f["rule"] for f in files["bad.txt"]["findings"]] == ["PX607"]
    assert [f["rule"] for f in files["alone.txt"]["findings"]] == ["PX650"]
    assert files["good.txt"]["findings"] == []
    assert BOOK.name in files  # the workbook itself checked by the workbook rules
    # without PX607 the workbook rule reports the figure
    r = run(bad, "--workbook", BOOK, "--format", "json", "--ignore", "PX607")
    assert [f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]] == ["PX650"]


def test_missing_workbook_is_a_usage_error(tmp_path):
    d = tmp_path / "d.txt"
    d.write_text(RIGHT, encoding="utf-8")
    r = run(d, "--workbook", tmp_path / "nope.xlsx")
    assert r.exit_code == 2 and "不存在" in r.output


def test_text_and_github_formats_show_the_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(WRONG, encoding="utf-8")
    text = run(bad).stdout
    assert "报告文字" in text and "第 3 行" in text and "PX607" in text
    gh = run(bad, "--format", "github").stdout
    assert f"file={bad},line=3," in gh.replace("%3A", ":")
