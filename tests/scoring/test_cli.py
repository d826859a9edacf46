"""``perfxl score``: text and JSON output, ``-o`` copy with the 评分 sheet, exit codes."""
from __future__ import annotations

import hashlib
import json
import sys
import types

import openpyxl
import pytest
from click.testing import CliRunner

from perfxl.cli import main
from perfxl.layout import SCORES_SHEET
from tests.conftest import example_file
from tests.scoring.conftest import build_seed000, build_seed004


@pytest.fixture
def fake_reader(monkeypatch):
    """The reader returns a seed model whatever the path (the CLI is a thin adapter)."""
    models = {"004.xlsx": build_seed004, "000.xlsx": build_seed000}
    mod = types.ModuleType("perfxl.io.reading.xlsx_reader")
    mod.read_workbook = lambda path, **kw: models[str(path).rsplit("/", 1)[-1]]()
    monkeypatch.setitem(sys.modules, "perfxl.io.reading.xlsx_reader", mod)
    import perfxl.io.reading
    monkeypatch.setattr(perfxl.io.reading, "xlsx_reader", mod, raising=False)


def test_json_contract(fake_reader, tmp_path):
    (tmp_path / "004.xlsx").write_bytes(b"")
    res = CliRunner().invoke(main, ["score", str(tmp_path / "004.xlsx"), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert {"file", "framework", "total", "grade", "stated_total", "items"} <= set(data)
    assert data["framework"] == "hunan_dept" and data["total"] == pytest.approx(109.68)
    assert data["stated_total"] == 100 and data["grade"] == "优"
    first = data["items"][0]
    assert set(first) == {"indicator", "weight", "score", "stated_score", "rule"}
    assert (first["indicator"], first["score"], first["stated_score"]) == ("预算执行率", 9.68, 9.6)
    assert data["projects"][0]["total"] == 100


def test_text_output_marks_differences(fake_reader, tmp_path):
    (tmp_path / "000.xlsx").write_bytes(b"")
    res = CliRunner().invoke(main, ["score", str(tmp_path / "000.xlsx")])
    assert res.exit_code == 0, res.output
    assert "guangdong_dept_100" in res.stdout
    # issue 13 #8: the inferred 政府采购执行率 rule (2 × 99.71% = 1.99) no longer overrides the
    # stated 2, so the CLI total is the workbook's 87; the stated 93 is still marked
    assert "1.99 *" not in res.stdout and "86.99" not in res.stdout
    assert "计算 87" in res.stdout and "填报 93" in res.stdout


def test_framework_option_and_unknown_framework(fake_reader, tmp_path):
    (tmp_path / "004.xlsx").write_bytes(b"")
    res = CliRunner().invoke(main, ["score", str(tmp_path / "004.xlsx"), "--framework",
                                    "common_53", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["total"] is None
    res = CliRunner().invoke(main, ["score", str(tmp_path / "004.xlsx"), "--framework", "nope"])
    assert res.exit_code == 2 and "不在可选值" in res.stderr and "hunan_dept" in res.stderr


def test_output_may_not_be_the_input(fake_reader, tmp_path):
    p = tmp_path / "004.xlsx"
    p.write_bytes(b"")
    res = CliRunner().invoke(main, ["score", str(p), "-o", str(p)])
    assert res.exit_code == 2 and "不能与输入文件相同" in res.stderr


def test_real_example_004_scored_and_copy_written(tmp_path):
    """The example workbook of seed 004: 执行率 9.68 (stated 9.60); the input file untouched."""
    src = example_file("004")
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    out = tmp_path / "scored.xlsx"
    res = CliRunner().invoke(main, ["score", str(src), "--format", "json", "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["items"][0]["score"] == 9.68 and data["items"][0]["stated_score"] == 9.6
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    wb = openpyxl.load_workbook(out)
    ws = wb[SCORES_SHEET.name]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    assert ["预算执行率", 10, 9.68, 9.6] == rows[0][:4]


def test_real_example_000_writes_system_scores(tmp_path):
    """指标体系 得分（计算） is an output column: the copy holds the computed scores."""
    out = tmp_path / "scored.xlsx"
    res = CliRunner().invoke(main, ["score", str(example_file("000")), "-o", str(out)])
    assert res.exit_code == 0, res.output
    from perfxl.layout import LAYOUT
    sheet, cell = LAYOUT.table_cell("system_indicators", 10, "score")   # 政府采购执行率
    # the stated 2 (an inferred rule's 1.99 never overrides it: issue 13 #8)
    assert openpyxl.load_workbook(out)[sheet][cell].value == 2
    sheet, cell = LAYOUT.table_cell("system_indicators", 23, "score")   # 预算调整率 10.36% → 0
    assert openpyxl.load_workbook(out)[sheet][cell].value == 0
