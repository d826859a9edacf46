"""``perfxl batch`` reads the configuration as ``perfxl check`` does (issue 22): the nearest
``perfxl.toml`` / ``[tool.perfxl]`` upward from each workbook — select, ignore, per-file
ignores, exclude, accept — and the workbook's own 「确认 PXnnn：理由」; accepted findings are
listed (JSON ``accepted``, the summary's 全部问题 with 级别 已接受), never counted."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from perfxl.cli import main
from tests.conftest import example_file

DOC = Path(__file__).resolve().parents[2] / "docs" / "ci.md"


@pytest.fixture()
def repo(tmp_path):
    r = tmp_path / "books"
    (r / "县A").mkdir(parents=True)
    (r / "县B").mkdir()
    (r / "归档").mkdir()
    shutil.copy(example_file("004"), r / "县A" / "自评表.xlsx")
    shutil.copy(example_file("000"), r / "县B" / "自评表.xlsx")
    shutil.copy(example_file("002"), r / "归档" / "旧.xlsx")
    return r


def batch(repo, *args):
    res = CliRunner().invoke(main, ["batch", str(repo), "-o", str(repo.parent / "汇总.xlsx"),
                                    "--force", "--jobs", "1", "--format", "json", *args])
    assert res.exit_code in (0, 1), res.output
    return res, {Path(f["file"]).parent.name: f for f in json.loads(res.stdout)["files"]}


def _rules(entry) -> set[str]:
    return {f["rule"] for f in entry["findings"]}


def test_batch_reads_the_documented_configuration(repo):
    _, before = batch(repo)
    assert set(before) == {"县A", "县B", "归档"}
    assert "PX201" in _rules(before["县A"]) and any(r.startswith("PX4") for r in _rules(before["县B"]))
    assert any(r.startswith("PX5") for e in before.values() for r in _rules(e))
    (repo / "pyproject.toml").write_text(re.findall(r"```toml\n(.*?)```", DOC.read_text("utf-8"),
                                                    re.S)[0], encoding="utf-8")
    res, after = batch(repo)
    assert set(after) == {"县A", "县B"}  # exclude = ["归档/*"]
    # select PX0-PX4, ignore PX503, per-file-ignores: no PX4 for 县B
    assert not any(r.startswith("PX5") for e in after.values() for r in _rules(e))
    assert not any(r.startswith("PX4") for r in _rules(after["县B"]))
    assert any(r.startswith("PX4") for r in _rules(after["县A"]))
    # accept: PX201 at 部门自评表!B10 of 县A, listed with its reason, not counted
    a = after["县A"]
    assert "PX201" not in _rules(a)
    assert [(x["rule"], x["cell"]) for x in a["accepted"]] == [("PX201", "B10")]
    assert "财政局" in a["accepted"][0]["reason"]
    assert a["errors"] == sum(f["level"] == "error" for f in a["findings"])
    assert "已接受 1 条" in res.stderr
    found = list(openpyxl.load_workbook(repo.parent / "汇总.xlsx")["全部问题"].values)
    (row,) = [r for r in found if r[1] == "PX201" and r[4] == "B10"]
    assert row[2] == "已接受" and "已接受：执行率按财政局批复口径" in row[5]


def test_command_line_and_isolated(repo):
    (repo / "perfxl.toml").write_text('select = ["PX2"]\n', encoding="utf-8")
    _, got = batch(repo)
    assert all(r.startswith("PX2") for e in got.values() for r in _rules(e))
    _, got = batch(repo, "--select", "PX3")
    assert all(r.startswith("PX3") for e in got.values() for r in _rules(e))
    _, got = batch(repo, "--ignore", "PX201")
    assert "PX201" not in _rules(got["县A"]) and _rules(got["县A"])
    _, got = batch(repo, "--isolated")
    assert any(r.startswith("PX5") for e in got.values() for r in _rules(e))


def test_a_bad_configuration_stops_the_batch(repo):
    (repo / "perfxl.toml").write_text('[[accept]]\nrule = "PX201"\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["batch", str(repo), "-o", str(repo.parent / "汇总.xlsx")])
    assert res.exit_code == 2 and "缺少 reason" in res.output
    assert not (repo.parent / "汇总.xlsx").exists()
