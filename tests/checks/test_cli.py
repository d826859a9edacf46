"""``perfxl check``: formats, exit codes, select/ignore, several files, -o."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from perfxl.cli.check import command

BAD = '''[values]
budget_full = 4128.02
executed = 3995.49
execution_rate_stated = 0.96
'''
WARN_ONLY = '''[values]
in_service_total = 18
authorized_total = 10
'''
CLEAN = '''[values]
budget_full = 4128.02
executed = 3995.49
execution_rate_stated = 0.9679
'''


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("bad", BAD), ("warn", WARN_ONLY), ("clean", CLEAN)):
        p = tmp_path / f"{name}.toml"
        p.write_text(text, encoding="utf-8")
        out[name] = p
    return out


def run(*args):
    return CliRunner().invoke(command, [str(a) for a in args])


def test_exit_codes(files):
    assert run(files["clean"], "--select", "PX2").exit_code == 0
    assert run(files["bad"], "--select", "PX2").exit_code == 1
    assert run(files["bad"], "--select", "PX2", "--exit-zero").exit_code == 0
    assert run(files["warn"], "--select", "PX5").exit_code == 0
    assert run(files["warn"], "--select", "PX5", "--fail-on", "warning").exit_code == 1


def test_wrong_call_is_2(files):
    r = run(files["bad"], "--select", "PX9")
    assert r.exit_code == 2 and "PX9" in r.output
    assert run(files["bad"], "--format", "xml").exit_code == 2
    assert run().exit_code == 2


def test_unreadable_file_reported_and_run_goes_on(files, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    r = run(files["bad"], tmp_path / "missing.xlsx", broken, "--format", "json", "--select", "PX2")
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    by_file = {f["file"]: f for f in data["files"]}
    assert by_file[str(files["bad"])]["summary"]["errors"] == 1
    assert "error" in by_file[str(tmp_path / "missing.xlsx")]
    assert "error" in by_file[str(broken)]
    assert "无法读取" in r.stderr or "不存在" in r.stderr


def test_json_shape(files):
    r = run(files["bad"], "--format", "json", "--select", "PX201")
    data = json.loads(r.stdout)
    (f,) = data["files"]
    assert set(f) >= {"file", "findings", "summary"}
    assert f["summary"]["errors"] == 1 and f["summary"]["warnings"] == 0
    (item,) = f["findings"]
    assert list(item) == ["rule", "level", "message", "sheet", "cell", "expected", "actual",
                          "unit"]
    assert (item["rule"], item["sheet"], item["cell"]) == ("PX201", "部门自评表", "B10")
    assert (item["expected"], item["actual"]) == (0.9679, 0.96)


def test_jsonl_junit_sarif_github(files):
    lines = run(files["bad"], "--format", "jsonl", "--select", "PX201").stdout.splitlines()
    assert [json.loads(x)["rule"] for x in lines] == ["PX201"]
    root = ET.fromstring(run(files["bad"], files["clean"], "--format", "junit", "--select", "PX2").stdout)
    suites = root.findall("testsuite")
    assert [s.get("failures") for s in suites] == ["1", "0"]
    sarif = json.loads(run(files["bad"], "--format", "sarif", "--select", "PX201").stdout)
    assert sarif["version"] == "2.1.0"
    res = sarif["runs"][0]["results"][0]
    assert res["ruleId"] == "PX201" and res["level"] == "error"
    assert res["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "部门自评表!B10"
    assert sarif["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "PX201"
    gh = run(files["bad"], "--format", "github", "--select", "PX201").stdout
    assert gh.startswith("::error file=") and "title=PX201 部门自评表!B10::" in gh


def test_text_grouped_by_sheet_without_colour(files):
    r = run(files["bad"], files["clean"], "--select", "PX2")
    assert "工作表：部门自评表" in r.stdout and "B10" in r.stdout and "PX201" in r.stdout
    assert "未发现问题" in r.stdout
    assert "\x1b[" not in r.stdout
    assert "已校验 2 个文件" in r.stderr and "已校验" not in r.stdout


def test_stable_order(files):
    a = run(files["warn"], files["bad"], "--format", "json").stdout
    b = run(files["warn"], files["bad"], "--format", "json").stdout
    assert a == b


def test_output_file_atomic(files, tmp_path):
    out = tmp_path / "sub" / "report.json"
    r = run(files["bad"], "--format", "json", "-o", out, "--select", "PX201")
    assert r.exit_code == 1 and r.stdout == ""
    assert json.loads(out.read_text("utf-8"))["files"][0]["findings"][0]["rule"] == "PX201"
    assert not list(out.parent.glob(".*.tmp"))
    assert run(files["bad"], "-o", files["bad"]).exit_code == 2


def test_select_and_ignore_lists(files):
    r = run(files["bad"], "--format", "json", "--select", "PX1,PX2", "--ignore", "PX201")
    assert all(f["rule"] != "PX201" for f in json.loads(r.stdout)["files"][0]["findings"])


EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data" / "004.toml"


@pytest.mark.skipif(not EXAMPLE.exists(), reason="example data not entered yet")
def test_example_004():
    r = run(EXAMPLE, "--format", "json")
    assert r.exit_code == 1
    rules = {f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]}
    assert {"PX201", "PX303", "PX206", "PX112"} <= rules


def test_sarif_rule_help_is_the_rule_page(files):
    """A SARIF viewer shows a rule's help beside the finding: it is the ``perfxl rule PX201``
    page, and no ``helpUri`` points into a docs folder the user does not have (it was
    ``docs/rules/PX201.md``, a path no viewer can open)."""
    sarif = json.loads(run(files["bad"], "--format", "sarif", "--select", "PX201").stdout)
    driver = sarif["runs"][0]["tool"]["driver"]
    rule = driver["rules"][0]
    from perfxl.cli import main

    page = CliRunner().invoke(main, ["rule", "PX201"]).output
    assert rule["help"]["text"] == page and rule["help"]["markdown"] == page
    assert page.startswith("# PX201 ") and "## 示例" in page
    for uri in [r.get("helpUri") for r in driver["rules"]] + [driver.get("informationUri")]:
        assert uri is None or uri.startswith(("https://", "http://")), uri
    assert "example.invalid" not in json.dumps(sarif)
