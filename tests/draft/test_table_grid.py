"""Classes 1 and 2 of issue 20: a table of year rows read by its header row (pasted a cell a
line, a row a line, or tab-indented), its cells compared with the prose amounts of the same
name, year and stage (PX626 one last digit apart, PX611 further apart when the unit is known);
near-misses where the name, year, stage, unit or the columns are not resolved stay quiet.
Drafts written for the tests."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text
from perfxl.draft.engine import DraftCtx
from perfxl.draft.tables_grid import grid_cells
from perfxl.draft.text import Doc
from perfxl.draft import units_from_text

PROSE = ("本单位2024年“三公”经费决算支出 150 万元，比上年决算减少 30 万元。具体情况是：公务接待费"
         " 40 万元，公车购置及运行费 {car} 万元（其中车辆购置费 20 万元，公务用车运行费 {run} 万元）。\n")
TITLE = "2024年与2023年“三公”经费决算对比{unit}\n"
ROWS = [["年度", "合计", "公务接待费", "公车购置及运行维护费", "合计", "车辆购置", "车辆运行"],
        ["2023年", "180", "50", "130", "30", "100"],
        ["2024年", "150", "40", "110", "20", "90"]]


def _chain(rows) -> str:
    return "\n|\n".join(c for r in rows for c in r) + "\n"


def _bars(rows) -> str:
    return "".join(" | ".join(r) + "\n" for r in rows)


def _tabs(rows) -> str:
    return "\n".join("".join(f"\t{c}\n" for c in r) for r in rows)


def _draft(car="110", run="90", unit="", rows=ROWS, shape=_chain, prose=PROSE) -> str:
    return ("2024年度“三公”经费决算说明\n" + prose.format(car=car, run=run)
            + TITLE.format(unit=unit) + shape(rows))


def _found(text: str) -> list[tuple[str, str, float, float]]:
    return [(f.rule, f.level, f.expected, f.actual) for f in check_text(text)
            if f.rule in ("PX611", "PX626")]


@pytest.mark.parametrize("shape", [_chain, _bars, _tabs])
def test_one_last_digit_off_the_table_is_a_warning(shape):
    got = _found(_draft(car="111", run="91", shape=shape))
    assert sorted(got) == [("PX626", "warning", 90.0, 91.0), ("PX626", "warning", 110.0, 111.0)]


def test_quiet_when_prose_and_table_agree():
    assert _found(_draft()) == []


def test_further_apart_with_the_unit_stated_is_an_error():
    got = _found(_draft(car="130", unit="表（单位：万元）"))
    assert got == [("PX611", "error", 110.0, 130.0)]


def test_further_apart_without_a_unit_is_not_an_error():
    # the table states no unit and no other cell agrees with the prose: 110 may be in 元
    prose = "本单位2024年“三公”经费决算支出 150 万元。其中公车购置及运行费 {car} 万元{run}。\n"
    assert _found(_draft(car="130", run="", prose=prose)) == []
    assert _found(_draft(car="111", run="", prose=prose)) == [("PX626", "warning", 110.0, 111.0)]


def test_the_unit_follows_from_two_cells_that_agree_exactly():
    # 公务接待费 40, 车辆购置费 20 and 公务用车运行费 90 equal the table's 2024 cells in 万元
    assert _found(_draft(car="130")) == [("PX611", "error", 110.0, 130.0)]
    # only one agrees (公务接待费 40): not enough to know the table's unit
    prose = "本单位2024年“三公”经费决算支出 150 万元，公务接待费 40 万元，公车购置及运行费 {car} 万元{run}。\n"
    assert _found(_draft(car="130", run="", prose=prose)) == []


def test_the_year_decides_the_row():
    # a paragraph about 2023 with 2023's figures: the 2024 row is not its table cell
    prose = ("本单位2023年“三公”经费决算支出 180 万元。具体情况是：公务接待费 50 万元，公车购置及"
             "运行费 {car} 万元（其中车辆购置费 30 万元，公务用车运行费 {run} 万元）。\n")
    assert _found(_draft(car="130", run="100", prose=prose)) == []
    assert _found(_draft(car="131", run="100", prose=prose)) == [
        ("PX626", "warning", 130.0, 131.0)]


@pytest.mark.parametrize("prose", [
    # a budget, not the 决算 the table holds
    "本单位2024年“三公”经费预算安排 150 万元。具体情况是：公务接待费 40 万元，公车购置及运行费"
    " {car} 万元（其中车辆购置费 20 万元，公务用车运行费 {run} 万元）。\n",
    # two years written before it: which one is not said
    "本单位2024年“三公”经费决算支出 150 万元，2023年为 180 万元。具体情况是：公务接待费 40 万元，"
    "公车购置及运行费 {car} 万元（其中车辆购置费 20 万元，公务用车运行费 {run} 万元）。\n",
    # the stage written is another year's: the 2024 amounts' stage is not said
    "本单位2023年“三公”经费决算支出 180 万元。2024年公务接待费 40 万元，公车购置及运行费 {car} 万元"
    "（其中车辆购置费 20 万元，公务用车运行费 {run} 万元）。\n",
    # no stage anywhere in the paragraph
    "本单位2024年“三公”经费 150 万元。具体情况是：公务接待费 40 万元，公车购置及运行费 {car} 万元"
    "（其中车辆购置费 20 万元，公务用车运行费 {run} 万元）。\n",
])
def test_unresolved_identity_stays_quiet(prose):
    assert _found(_draft(car="111", run="91", prose=prose)) == []


@pytest.mark.parametrize("rows", [
    # the group's 合计 is not the sum of the columns after it: which columns are its own is
    # not sure
    [ROWS[0], ROWS[1], ["2024年", "150", "40", "110", "20", "80"]],
    # the header does not open with 年度
    [["项目", *ROWS[0][1:]], ROWS[1], ROWS[2]],
    # a cell missing in a year row
    [ROWS[0], ROWS[1], ROWS[2][:5]],
    # two names more than the cells: the columns cannot be told apart
    [ROWS[0] + ["其他"], ROWS[1], ROWS[2]],
])
def test_columns_not_resolved_stay_quiet(rows):
    assert _found(_draft(car="111", run="91", rows=rows)) == []


def test_stage_from_the_row_label_when_the_title_names_none():
    rows = [ROWS[0], ["2023年决算数", *ROWS[1][1:]], ["2024年决算数", *ROWS[2][1:]]]
    text = _draft(car="111", rows=rows).replace("决算对比", "对比")
    assert _found(text) == [("PX626", "warning", 110.0, 111.0)]
    assert _found(_draft(car="111").replace("决算对比", "对比")) == []


def test_the_grid_reads_each_column_with_its_group():
    ctx = DraftCtx(Doc(units_from_text(_draft()), ""))
    got = {(g.name, g.year, g.stage, str(g.figure.value)) for g in grid_cells(ctx)}
    assert ("公务用车购置及运行维护费", 2024, "决算", "110") in got
    assert ("公务用车购置及运行维护费/公务用车购置费", 2023, "决算", "30") in got
    assert ("公务用车购置及运行维护费/公务用车运行维护费", 2024, "决算", "90") in got
    assert not any(g.name == "合计" for g in grid_cells(ctx))  # the whole names no quantity
    assert len(got) == 8


# ---------------------------------------------------------------------------------------------
# rows of quantities under columns of years' 决算 (the 经费控制情况 block of a 自评表)

COLS = ("2024年度部门整体支出绩效自评报告\n"
        "本部门2024年“三公”经费决算 12.50 万元，其中公务接待费决算 {hosp} 万元，公务用车运行维护费"
        "决算 9.30 万元。\n"
        "\t经费控制情况{unit}\n\t2023年决算数\n\t2024年预算数\n\t2024年决算数\n\n"
        "\t三公经费\n\t14.00\n\t15.00\n\t12.50\n\n"
        "\t公务接待\n\t4.00\n\t5.00\n\t3.20\n\n"
        "\t公务用车运行维护费\n\t10.00\n\t10.00\n\t9.30\n")


def test_columns_of_years_one_last_digit_off():
    assert _found(COLS.format(hosp="3.21", unit="")) == [("PX626", "warning", 3.2, 3.21)]


def test_columns_of_years_further_apart_with_the_unit_stated():
    assert _found(COLS.format(hosp="3.50", unit="(万元)")) == [("PX611", "error", 3.2, 3.5)]
    # no unit stated, but 12.50 and 9.30 equal the prose's 万元: the table is in 万元
    assert _found(COLS.format(hosp="3.50", unit="")) == [("PX611", "error", 3.2, 3.5)]
    # no unit and no other amount to tell it: 3.20 may be in another unit
    alone = COLS.format(hosp="3.50", unit="").replace(
        "本部门2024年“三公”经费决算 12.50 万元，其中公务接待费", "本部门2024年公务接待费").replace(
        "，公务用车运行维护费决算 9.30 万元", "")
    assert _found(alone) == []


@pytest.mark.parametrize("text", [
    COLS.format(hosp="3.20", unit="(万元)"),
    # the budget column holds no 决算: 5.00 is not compared with the prose's 决算
    COLS.format(hosp="3.20", unit="(万元)").replace("公务接待费决算 3.20", "公务接待费预算 4.50"),
    # last year's column is not this year's amount
    COLS.format(hosp="4.00", unit="(万元)").replace("本部门2024年", "本部门2023年").replace(
        "三公”经费决算 12.50", "三公”经费决算 14.00").replace("决算 9.30", "决算 10.00"),
    # a column that is a change, not a year's amount
    COLS.format(hosp="3.50", unit="(万元)").replace("\t2024年决算数\n", "\t2024年决算数比上年增减\n"),
])
def test_columns_of_years_quiet(text):
    assert _found(text) == []


@pytest.mark.parametrize("maker", ["make_docx", "make_docx_tables"])
def test_word_files_read_alike(tmp_path, maker):
    # a .docx of one paragraph per line, and one whose tables are Word tables again
    from perfxl.draft import check_draft
    from tests.draft import measure
    for text, want in [(_draft(car="111", run="91"), [("PX626", "warning", 90.0, 91.0),
                                                      ("PX626", "warning", 110.0, 111.0)]),
                       (_draft(car="111", run="91", shape=_tabs),
                        [("PX626", "warning", 90.0, 91.0), ("PX626", "warning", 110.0, 111.0)]),
                       (COLS.format(hosp="3.50", unit="(万元)"), [("PX611", "error", 3.2, 3.5)])]:
        txt = tmp_path / "draft.txt"
        txt.write_text(text, "utf-8")
        docx = getattr(measure, maker)(txt, tmp_path / "draft.docx")
        got = sorted((f.rule, f.level, f.expected, f.actual) for f in check_draft(docx)
                     if f.rule in ("PX611", "PX626"))
        assert got == sorted(want)
