"""SARIF locations as code scanning reads them: a file under the working folder is a relative,
percent-encoded URI on %SRCROOT% (GitHub maps it onto the repository); any other file an
absolute file: URI — never a bare path with spaces or Chinese characters."""
import json
from pathlib import Path

from perfxl.checks.finding import ERROR, Finding
from perfxl.checks.output import FileResult, to_sarif


def _uri(file: str) -> dict:
    f = Finding("PX201", ERROR, file, "部门自评表", "B10", "执行率应为 96.79%", 0.9679, 0.95)
    doc = json.loads(to_sarif([FileResult(file, (f,))]))
    return doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"], doc


def test_a_relative_chinese_name_is_percent_encoded_on_srcroot(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    loc, doc = _uri("县A/自评表 2023.xlsx")
    assert loc == {"uri": "%E5%8E%BFA/%E8%87%AA%E8%AF%84%E8%A1%A8%202023.xlsx",
                   "uriBaseId": "%SRCROOT%"}
    assert doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"


def test_an_absolute_path_under_the_folder_becomes_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    loc, _ = _uri(str(tmp_path / "b.xlsx"))
    assert loc == {"uri": "b.xlsx", "uriBaseId": "%SRCROOT%"}


def test_a_file_elsewhere_is_an_absolute_file_uri(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    monkeypatch.chdir(tmp_path / "in")
    loc, _ = _uri(str(tmp_path / "自评表.xlsx"))
    assert loc == {"uri": (tmp_path / "自评表.xlsx").as_uri()} and "%E8%87%AA" in loc["uri"]
    assert Path.cwd() == tmp_path / "in"
