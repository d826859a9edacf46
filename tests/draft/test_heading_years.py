"""PX641 / PX642: a heading or contents entry naming another year than its report (issue 20,
class 6).  Drafts of our own wording: where they fire, and where a heading names another year
on purpose."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text

CONTENTS = ("2024年度单位决算公开\n第一部分 2024年度单位决算报表\n第二部分 2024年度单位决算说明\n"
            "一、单位收支总体情况\n二、财政拨款支出情况\n三、{entry}\n四、机关运行经费情况\n")
LISTED = ("2024年度部门整体支出绩效自评报告\n一、2024年度部门基本情况\n二、2024年度绩效目标完成情况\n"
          "三、{entry}\n四、2024年度存在的问题及改进措施\n")


def years(text: str) -> list[tuple[str, int, int, int]]:
    return [(f.rule, f.line, f.expected, f.actual) for f in check_text(text)
            if f.rule in ("PX641", "PX642")]


def test_a_contents_entry_two_years_back_warns():
    got = check_text(CONTENTS.format(entry="关于2022年度预算绩效管理情况的说明"))
    (f,) = [f for f in got if f.rule == "PX642"]
    assert (f.line, f.level, f.expected, f.actual) == (6, "warning", 2024, 2022)
    assert "第 3 行" in f.message and "请改为“2024年”" in f.message


def test_a_heading_whose_list_names_the_year_is_an_error():
    assert years(LISTED.format(entry="2023年度预算执行情况")) == [("PX641", 4, 2024, 2023)]


@pytest.mark.parametrize("entry", [
    "关于2024年度预算绩效管理情况的说明",        # the report's year
    "2023年与2024年预算执行对比情况",            # a comparison
    "较上年（2023年）支出增减情况",              # 上年
    "2022-2024年项目资金使用情况",               # a span of years
    "“十四五”规划（2021年起）实施情况",          # a plan period
    "2023年度结转项目执行情况",                  # a carry-over of last year
    "2023年度绩效评价发现问题整改情况",          # last year's findings acted on
    "2023年度评价结果应用情况",                  # last year's results used
])
def test_a_year_named_on_purpose_is_quiet(entry):
    assert years(CONTENTS.format(entry=entry)) == []
    assert years(LISTED.format(entry=entry)) == []


def test_two_headings_of_other_years_are_not_one_slip():
    text = LISTED.format(entry="2023年度预算执行情况").replace("四、2024年度", "四、2022年度")
    assert years(text) == []


def test_a_title_of_two_years_leaves_the_report_year_unsure():
    text = LISTED.format(entry="2023年度预算执行情况").replace(
        "2024年度部门整体", "2023-2024年度部门整体")
    assert years(text) == []


def test_a_budget_looks_back_at_the_year_before():
    text = ("2025年部门预算公开\n一、2025年度收入预算\n二、2025年度支出预算\n"
            "三、2024年度重点工作完成情况\n四、2025年度政府采购预算\n")
    assert years(text) == []
    assert years(text.replace("三、2024年度", "三、2023年度")) == [("PX641", 4, 2025, 2023)]


def test_a_heading_with_an_amount_is_left_to_the_amount_rules():
    assert years(LISTED.format(entry="2023年度支出 12.50 万元")) == []


def test_a_contents_entry_and_its_body_heading_are_reported_once():
    text = ("2024年度单位决算说明\n目录\n一、2024年度收入决算情况\n二、2024年度支出决算情况\n"
            "三、2023年度“三公”经费支出决算情况\n正文\n一、2024年度收入决算情况\n收入 100.00 万元。\n"
            "二、2024年度支出决算情况\n支出 90.00 万元。\n三、2024年度“三公”经费支出决算情况\n"
            "“三公”经费 2.00 万元。\n")
    got = [(f.rule, f.line) for f in check_text(text) if f.rule in ("PX628", "PX641", "PX642")]
    assert got == [("PX641", 5)]
