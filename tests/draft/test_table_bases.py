"""Class 3 of issue 20: a change against the budget whose base is in a table above the sentence
(PX634).  Checked only when the item and the stage are resolved in the table: same name after
the glossary's synonyms, same stage, same year; otherwise silent.  Drafts written for the tests."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text

BAR = ("2024年度“三公”经费预算执行情况表（单位：万元）\n"
       "项目 | 2024年年初预算数 | 2024年决算数\n"
       "公务接待费 | {budget} | {spent}\n"
       "公务用车运行维护费 | 8.00 | 7.50\n")
#: the same table pasted one cell per line (Word / WPS export to text)
TAB = ("\t2024年度“三公”经费预算执行情况表（单位：万元）\n\n"
       "\t项目\n\t2024年年初预算数\n\t2024年决算数\n\n"
       "\t公务接待费\n\t{budget}\n\t{spent}\n\n"
       "\t公务用车运行维护费\n\t8.00\n\t7.50\n\n")


def _found(table: str, sentence: str, budget="2.00", spent="4.30") -> list[tuple[str, object]]:
    text = table.format(budget=budget, spent=spent) + sentence + "\n"
    return [(f.rule, f.expected) for f in check_text(text) if f.level == "error"]


@pytest.mark.parametrize("table", [BAR, TAB])
def test_rate_against_the_budget_in_the_table_above(table):
    s = "公务接待费与年初预算相比，增加 2.30 万元，增长 2.30%。"
    assert _found(table, s) == [("PX634", 115.0)]
    assert _found(table, s.replace("2.30%", "115%")) == []


@pytest.mark.parametrize("table", [BAR, TAB])
def test_no_change_where_the_table_shows_one(table):
    for s in ("公务接待费支出与年初预算相比无增减。", "公务接待费与年初预算数相比无变化。"):
        assert _found(table, s, budget="12", spent="0") == [("PX634", "减少")]
        assert _found(table, s, budget="12", spent="12") == []


def test_synonym_names_the_same_row():
    # 公务接待 / 公务接待费支出 are 公务接待费 (glossary)
    assert _found(BAR, "公务接待支出与年初预算相比无变化。", budget="12", spent="0") == [
        ("PX634", "减少")]


def test_amount_against_the_table():
    got = _found(BAR, "公务接待费决算 4.30 万元，与年初预算相比，增加 2.20 万元，增长 115%。")
    assert got == [("PX634", 2.3)]


def test_prose_figure_the_row_does_not_hold_leaves_it_to_the_sentence():
    # 4.40 is not the row's 4.30: the base is derived from the sentence (PX603), not the table
    got = _found(BAR, "公务接待费决算 4.40 万元，与年初预算相比，增加 2.30 万元，增长 2.30%。")
    assert [r for r, _e in got] == ["PX603"]


@pytest.mark.parametrize("sentence", [
    # another stage: the table has the 年初预算, the sentence compares with the 调整预算
    "公务接待费与调整预算相比，增加 2.30 万元，增长 2.30%。",
    # another year: the table's columns are 2024's
    "2023年公务接待费与年初预算相比，增加 2.30 万元，增长 2.30%。",
    # no row of that name (公务用车购置费 is not 公务用车运行维护费)
    "公务用车购置费与年初预算相比，增加 2.30 万元，增长 2.30%。",
    # a bare subject names no row
    "支出与年初预算相比，增加 2.30 万元，增长 2.30%。",
    # compared with last year, not the budget
    "公务接待费较上年增加 2.30 万元，增长 2.30%。",
])
def test_unresolved_stays_quiet(sentence):
    assert _found(BAR, sentence) == []


def test_a_table_below_the_sentence_is_not_its_base():
    text = ("公务接待费与年初预算相比，增加 2.30 万元，增长 2.30%。\n"
            + BAR.format(budget="2.00", spent="4.30"))
    assert [f for f in check_text(text) if f.rule == "PX634"] == []


def test_two_rows_of_the_name_leave_it_unresolved():
    table = BAR + "公务接待费 | 3.00 | 3.00\n"
    assert _found(table, "公务接待费与年初预算相比，增加 2.30 万元，增长 2.30%。") == []


def test_two_budget_columns_of_the_year_leave_it_unresolved():
    table = ("2024年度“三公”经费预算执行情况表（单位：万元）\n"
             "项目 | 年初预算数 | 年初预算数（含追加） | 决算数\n"
             "公务接待费 | {budget} | 3.00 | {spent}\n")
    assert _found(table, "公务接待费与年初预算相比，增加 2.30 万元，增长 2.30%。") == []


def _docx(path, budget: str, spent: str, sentence: str):
    import docx
    d = docx.Document()
    d.add_paragraph("某县文化馆2024年度部门整体支出绩效自评报告")
    d.add_paragraph("2024年度“三公”经费预算执行情况表（单位：万元）")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["项目", "2024年年初预算数", "2024年决算数"],
                             ["公务接待费", budget, spent], ["公务用车运行维护费", "8.00", "7.50"]]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.add_paragraph(sentence)
    d.save(str(path))
    return path


def test_word_table_gives_the_base(tmp_path):
    from perfxl.draft import check_draft
    s = "公务接待费与年初预算相比，增加 2.30 万元，增长 2.30%。"
    got = [(f.paragraph, f.rule, f.expected) for f in check_draft(_docx(tmp_path / "a.docx", "2.00", "4.30", s))
           if f.level == "error"]
    assert got == [(3, "PX634", 115.0)]
    quiet = _docx(tmp_path / "b.docx", "2.00", "4.30", s.replace("2.30%", "115%"))
    assert [f for f in check_draft(quiet) if f.level == "error"] == []


def test_a_header_without_year_is_the_reports_year_only():
    table = ("2024年度“三公”经费预算执行情况表（单位：万元）\n项目 | 年初预算数 | 决算数\n"
             "公务接待费 | {budget} | {spent}\n")
    assert _found(table, "公务接待费与年初预算相比无变化。", budget="12", spent="0") == [
        ("PX634", "减少")]
    assert _found(table, "2023年公务接待费与年初预算相比无变化。", budget="12", spent="0") == []
