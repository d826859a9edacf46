"""``--workbook``: the seed drafts against the example workbooks built from them (examples/)."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from perfxl.draft import check_draft, check_text
from tests.draft.measure import SEEDS, seed_path

ROOT = Path(__file__).resolve().parents[2]
BOOK = {sid: next((ROOT / "examples").glob(f"{sid}-*.xlsx")) for sid in ("000", "002", "004")}
pytestmark = pytest.mark.skipif(not any(SEEDS.glob("004_*.txt")), reason="no seeds")


def workbook_findings(sid):
    return [(f.rule, f.line) for f in check_draft(seed_path(sid), BOOK[sid]) if f.rule >= "PX65"]


def test_seed_004_agrees_with_its_workbook():
    assert workbook_findings("004") == []
    assert workbook_findings("002") == []


def test_seed_000_年初预算数_differs_from_its_workbook():
    # audit 000.X10: 年初预算数 17210340.15 at line 228 against 17190340.15 elsewhere (and in
    # the workbook)
    found = [f for f in check_draft(seed_path("000"), BOOK["000"]) if f.rule == "PX650"]
    assert [(f.line, f.expected, f.actual) for f in found] == [(228, pytest.approx(17190340.15),
                                                                pytest.approx(17210340.15))]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("预算控制率96.00%。", 96.79),
    ("我单位2023年三公经费总支出为5.67万。", 5.76),
    ("其中公务接待费0.18万。", 0.81),
    ("部门整体支出绩效自评得分为 100 分。", 109.68),
    ("评价等级为良。", "优"),
])
def test_changed_figure_gives_exactly_its_finding(sentence, expected):
    text = "2023年度部门整体支出绩效自评报告\n\n" + sentence + "\n"
    found = [f for f in check_text(text, workbook=BOOK["004"]) if f.rule >= "PX65"]
    assert len(found) == 1 and found[0].line == 3, [(f.rule, f.message) for f in found]
    if isinstance(expected, str):
        assert found[0].expected == expected
    else:
        assert found[0].expected == pytest.approx(expected, rel=1e-4)


def test_docx_table_cells_checked(tmp_path):
    d = docx.Document()
    d.add_paragraph("2023年度部门整体支出绩效自评表")
    rows = [["年度预算申请", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", "2161.19", "4128.02", "3995.49", "10", "96.79%", "9.60"]]
    t = d.add_table(rows=2, cols=7)
    for r, vals in zip(t.rows, rows):
        for c, v in zip(r.cells, vals):
            c.text = v
    p = tmp_path / "t.docx"
    d.save(str(p))
    found = check_draft(p)
    assert [(f.rule, f.table, f.row, f.col, f.quote) for f in found] == [
        ("PX617", 1, 2, 7, "9.60")]
