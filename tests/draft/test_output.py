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
