"""Text typed into a number cell that the workbook's formulas read inside MIN(): perfxl's score
equals LibreOffice's recalculation (issue 24; PX009 promises the cell is read as the formulas
read it).

部门自评表 row 19 is scored by ``…N19*MAX(0,MIN(K19/G19,1))…`` (K19/G19 inside MIN is
arithmetic: the text "95%" is 0.95 there) and capped by ``MIN(MAX(N(O19),0),N19)`` (N19 as a
whole argument of MIN: text is skipped there); 分值合计 B61 sums N19 through SUMPRODUCT (text
skipped).  Each case types one text, LibreOffice recalculates all cases in one run, and the
row's 得分, the 得分合计 B62 and 等级 B65 are compared with perfxl's (the workbook formulas'
mirror and the scoring engine the CLI and the report print).
"""
from __future__ import annotations

import openpyxl
import pytest

from perfxl import derived
from perfxl import layout as L
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.io.writing.xlsx_fill import write_model
from perfxl.model import Model
from perfxl.report.scores import collect_scores, dept_grade, dept_total
from tests.differential.harness import recalc

pytestmark = pytest.mark.libreoffice
LAYOUT = L.LAYOUT


def _book() -> Model:
    m = Model()
    m.values.update(department_name="文本测试局", year=2023, amount_unit="万元",
                    framework="hunan_dept", budget_initial=100, budget_full=100, executed=96.785,
                    execution_weight=10)
    rows = [  # row 0 is the one the cases type text into
        {"level1": "产出指标", "level3": "完成率", "nature": "定量", "direction": "≥",
         "target": 0.95, "actual": 0.9, "weight": 10},
        {"level1": "产出指标", "level3": "覆盖面", "nature": "定量", "direction": "≥",
         "target": 100, "actual": 80, "weight": 20},
        {"level1": "满意度指标", "level3": "满意度", "nature": "定性", "achievement": "达成",
         "weight": 10, "score_stated": 9},
    ]
    for i, r in enumerate(rows):
        m.add_row("dept_indicators", r, index=i)
    return m


def _cell(key: str, index: int = 0) -> str:
    return LAYOUT.table_cell("dept_indicators", index, key)[1]


#: (what, {cell: text}) typed over the book above
CASES = [
    ("指标值文本“95%”", {_cell("target"): "95%"}),
    ("实际值文本“0.9”（MIN(K19/G19,1) 中）", {_cell("actual"): "0.9"}),
    ("分值文本“10”", {_cell("weight"): "10"}),
    ("定性指标分值文本“10”，自评得分 12", {_cell("weight", 2): "10", _cell("score_stated", 2): 12}),
    ("定性指标自评得分文本“9”", {_cell("score_stated", 2): "9"}),
    ("无实际值，分值文本“10”，自评得分 12", {_cell("actual"): None, _cell("weight"): "10",
                                        _cell("score_stated"): 12}),
    ("执行率分值文本“10”", {LAYOUT.field_cell("execution_weight")[1]: "10"}),
    ("区间上限文本", {_cell("direction"): "区间", _cell("target_upper"): "1.2"}),
]


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory, soffice):
    d = tmp_path_factory.mktemp("typed-text")
    base = write_model(_book(), d / "base.xlsx", cached_values=False)
    paths = []
    for i, (_what, cells) in enumerate(CASES):
        wb = openpyxl.load_workbook(base)
        for a1, v in cells.items():
            wb["部门自评表"][a1] = v
        paths.append(d / f"case{i}.xlsx")
        wb.save(paths[-1])
    return list(zip(paths, recalc(paths, d / "lo")))


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0] for c in CASES])
def test_score_equals_libreoffice(recalculated, i):
    path, lo = recalculated[i]
    model = read_workbook(path)
    scores = collect_scores(model)
    for r in model.rows("dept_indicators"):
        cell = LAYOUT.table_cell("dept_indicators", r.index, "score")
        assert derived.indicator_row_score(model, r) == pytest.approx(lo.get(cell)), cell
    total = lo[LAYOUT.field_cell("dept_score_sum")]
    assert derived.dept_score_sum(model) == pytest.approx(total)
    assert dept_total(scores) == pytest.approx(total)  # what score and report print
    assert dept_grade(scores) == lo[LAYOUT.field_cell("dept_grade")]


def test_the_cases_differ_from_reading_text_as_blank(recalculated):
    """The cases matter: read as blank, the typed "95%" would score 9.00 instead of 9.47."""
    _path, lo = recalculated[0]
    assert lo[LAYOUT.table_cell("dept_indicators", 0, "score")] == pytest.approx(9.47)
    _path, lo = recalculated[3]  # MIN skips the text 分值: the stated 12 stays uncapped
    assert lo[LAYOUT.table_cell("dept_indicators", 2, "score")] == pytest.approx(12)
