"""Every output format shows where a draft finding is (line / paragraph / table cell, quote)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from perfxl.checks.finding import Finding
from perfxl.checks.output import FileResult, render

TXT = Finding("PX603", "error", "r.txt", "", "", "方向词与增减相反", expected="增加", actual="减少",
              line=12, quote="减少210276.21元")
DOCX = Finding("PX601", "warning", "r.docx", "", "", "分项之和不等于合计", table=1, row=2, col=3,
               quote="其中：A 1 万元")
RESULTS = [FileResult("r.txt", (TXT,)), FileResult("r.docx", (DOCX,))]


def test_json_and_jsonl_carry_location():
    doc = json.loads(render(RESULTS, "json"))
    first = doc["files"][0]["findings"][0]
    assert first["line"] == 12 and first["quote"] == "减少210276.21元"
    second = doc["files"][1]["findings"][0]
    assert (second["table"], second["row"], second["col"]) == (1, 2, 3)
    lines = [json.loads(x) for x in render(RESULTS, "jsonl").splitlines()]
    assert lines[0]["file"] == "r.txt" and lines[0]["line"] == 12


def test_sarif_region_and_logical_location():
    run = json.loads(render(RESULTS, "sarif"))["runs"][0]
    loc0 = run["results"][0]["locations"][0]
    assert loc0["physicalLocation"]["region"] == {"startLine": 12,
                                                  "snippet": {"text": "减少210276.21元"}}
    loc1 = run["results"][1]["locations"][0]
    assert loc1["logicalLocations"][0]["name"] == "表 1 第 2 行第 3 列"
    assert run["results"][1]["properties"]["col"] == 3


def test_github_junit_text():
    gh = render(RESULTS, "github").splitlines()
    assert gh[0].startswith("::error file=r.txt,line=12,title=PX603 第 12 行::")
    assert "减少210276.21元" in gh[0]
    root = ET.fromstring(render(RESULTS, "junit"))
    names = [c.get("name") for c in root.iter("testcase")]
    assert names == ["PX603 第 12 行", "PX601 表 1 第 2 行第 3 列"]
    text = render(RESULTS, "text")
    assert "第 12 行" in text and "原文：减少210276.21元" in text and "表 1 第 2 行第 3 列" in text


def test_a_table_row_pasted_one_cell_per_line_is_reported_as_its_lines(tmp_path):
    """Seed 004's 基础数据表 row "56 / 53 / 94.00%" (lines 70–72 under an empty first cell at
    69): the finding is on the 94.00% cell and names the row 69–72 in every format."""
    from perfxl.draft import check_draft
    p = tmp_path / "staff.txt"
    p.write_text("\t基础数据表\n\n\t财政供养人员情况\n\t编制数\n\t实际在职人数\n\t控制率\n\n"
                 "\t\n\t56\n\t53\n\t94.00%\n", "utf-8")
    (f,) = check_draft(p, select=["PX616"])
    assert (f.from_line, f.line, f.quote, f.place) == (8, 11, "94.00%", "第 8–11 行")
    res = [FileResult(str(p), (f,))]
    assert json.loads(render(res, "json"))["files"][0]["findings"][0]["from_line"] == 8
    region = json.loads(render(res, "sarif"))["runs"][0]["results"][0]["locations"][0][
        "physicalLocation"]["region"]
    assert (region["startLine"], region["endLine"]) == (8, 11)
    assert f",line=8,endLine=11,title=PX616 第 8–11 行::" in render(res, "github")
    prose = tmp_path / "prose.txt"
    prose.write_text("三公经费支出5.76万元，较上年11.37万元增加5.61万元。\n", "utf-8")
    got = check_draft(prose)  # a finding in prose names its line only
    assert got and all(g.from_line is None and g.place == "第 1 行" for g in got)
