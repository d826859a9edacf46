"""Scoring on the real example workbooks (issue 3's figures), read as the CLI reads them."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from perfxl.cli import main
from perfxl.examples import example
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.scoring import score_model

SEED_FACTS = None


@pytest.fixture(scope="module")
def r004():
    return score_model(read_workbook(example("004").output_path()))


@pytest.fixture(scope="module")
def r000():
    return score_model(read_workbook(example("000").output_path()))


def test_004_execution_item_scores_968_stated_960(r004):
    """Seed 004 L134-L140: 3995.49 ÷ 4128.02 = 96.79%; 分值 10 → 9.68, the table states 9.60."""
    it = r004.item("预算执行率")
    assert (it.weight, it.score, it.stated_score) == (10.0, 9.68, 9.6)


def test_004_each_indicator_computed_and_compared(r004):
    """The 11 indicators of the 部门整体支出绩效自评表 are scored and set beside their stated
    scores; the total is recomputed (109.68 of weights 110) beside the stated 100."""
    indicators = [it for it in r004.items if it.indicator != "预算执行率"]
    assert len(indicators) == 11
    assert all(it.score is not None and it.stated_score is not None for it in indicators)
    assert [it.score for it in indicators] == [it.stated_score for it in indicators]
    assert (r004.total, r004.stated_total, r004.weight_total, r004.grade) == (109.68, 100.0, 110.0, "优")


def test_004_projects_scored(r004):
    assert {p.project: (p.total, p.stated_total) for p in r004.projects} == {
        "现代服务业资金": (100.0, 100.0), "招商引资资金": (100.0, 100.0), "食品风险基金": (100.0, 100.0)}


def test_000_guangdong_total_beside_stated_93(r000):
    """Seed 000: the recomputed Guangdong total is reported beside the stated 93; the stated
    item scores add up to 87 (+5 stated 加分 = 92), seed-audit 000.X19."""
    assert r000.stated_total == 93.0
    assert r000.stated_sum == 92.0
    assert r000.total is not None and r000.total != r000.stated_total
    assert r000.weight_total == 100.0


def test_000_every_stated_sub_score_is_carried(r000, tmp_path):
    """Every 自评得分 the report states (seed-facts 000.S*) is the stated score of its item."""
    from tests.conftest import SHARED

    facts = json.loads((SHARED / "reference" / "seed-facts.json").read_text("utf-8"))
    stated = [f for f in facts["curated_facts"] if f["id"].startswith("000.S")]
    def norm(text: str) -> str:
        return "".join(ch for ch in text if ch not in "“”\"（）() ,，")

    items = {norm(it.indicator): it.stated_score for it in r000.items}
    for f in stated:
        name = norm(f["label"].split(":", 1)[1].split("-")[-1])
        matches = [v for k, v in items.items() if k.startswith(name) or name.startswith(k)]
        assert float(f["value"]) in matches, f["label"]
    assert sum(v for v in items.values() if v is not None) == 87.0


def test_score_cli_json_on_example():
    r = CliRunner().invoke(main, ["score", str(example("004").output_path()), "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert (data["total"], data["grade"], data["stated_total"]) == (109.68, "优", 100.0)
    assert data["items"][0] == {**data["items"][0], "indicator": "预算执行率", "weight": 10.0,
                                "score": 9.68, "stated_score": 9.6}
