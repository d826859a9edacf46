"""PX660: a change whose base is the report year itself (issue 20, principle 1).  Drafts of our
own wording: the slip among comparisons with the year before, and the comparisons that are meant."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text

HEAD = ("某区水务局2023年度部门决算说明\n"
        "（一）农林水支出 640.50 万元，较2022年决算数增加 35.10 万元，增长 5.80%。\n"
        "（二）城乡社区支出 120.00 万元，较2022年决算数减少 8.00 万元，下降 6.25%。\n"
        "（三）住房保障支出 52.30 万元，比上年决算数增加 1.30 万元。\n")


def px660(text: str) -> list[tuple[int, str, float, float]]:
    return [(f.line, f.level, f.expected, f.actual) for f in check_text(text) if f.rule == "PX660"]


@pytest.mark.parametrize("line", [
    "（四）卫生健康支出 31.00 万元，与2023年决算数持平。",
    "（四）卫生健康支出 31.00 万元，较2023年决算数增加 2.00 万元。",
    "（四）卫生健康支出 31.00 万元，比2023年度决算相比下降 3.00 万元。",
])
def test_the_report_year_as_base_among_last_year_bases_is_an_error(line):
    got = check_text(HEAD + line + "\n")
    (f,) = [f for f in got if f.rule == "PX660"]
    assert (f.line, f.level, f.expected, f.actual) == (5, "error", 2022, 2023)
    assert "请改为“2022 年决算数”" in f.message and "2023 年度" in f.message


@pytest.mark.parametrize("line, why", [
    ("（四）卫生健康支出 31.00 万元，与2022年决算数持平。", "the year before, as written elsewhere"),
    ("（四）2023年预算数 31.00 万元，较2023年决算数增加 2.00 万元。", "two stages of one year"),
    ("（四）2024年预算数 31.00 万元，较2023年决算数增加 2.00 万元。", "next year's figure"),
    ("（四）卫生健康支出 31.00 万元，较2021-2023年平均数增加 2.00 万元。", "a range of years"),
    ("（四）卫生健康支出 31.00 万元，较2023年初增加 2.00 万元。", "the start of the year"),
    ("（四）卫生健康支出 31.00 万元。与2023年决算数持平。", "no figure in the comparing clause"),
    ("（四）卫生健康支出 31.00 万元，较2023年预算数减少 2.00 万元。", "spending against its budget"),
])
def test_a_meant_comparison_is_quiet(line, why):
    assert px660(HEAD + line + "\n") == [], why


def test_without_enough_comparisons_naming_the_year_before_it_is_quiet():
    text = ("某区水务局2023年度部门决算说明\n"
            "（一）农林水支出 640.50 万元，较2022年决算数增加 35.10 万元。\n"
            "（二）卫生健康支出 31.00 万元，与2023年决算数持平。\n")
    assert px660(text) == []


def test_a_document_whose_every_comparison_names_its_year_is_quiet():
    # the year read from the title may be the budget's base year: nothing marks one as the slip
    text = HEAD.replace("2022年决算数", "2023年决算数").replace("上年决算数", "2023年决算数")
    assert px660(text + "（四）卫生健康支出 31.00 万元，与2023年决算数持平。\n") == []


def test_traditional_characters_read_alike():
    text = HEAD + "（四）衛生健康支出 31.00 萬元，與2023年決算數持平。\n"
    assert px660(text) == [(5, "error", 2022, 2023)]
