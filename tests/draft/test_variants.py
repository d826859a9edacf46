"""Drafts written the way real accountants write them, not the seeds' exact sentences: spaces,
full-width digits and punctuation, 同比增长 35.65%, 下降了, 较年初预算, 万元 against 元."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text

HEAD = "2023年度部门整体支出绩效自评报告\n\n"


def rules(text):
    return [(f.rule, f.line) for f in check_text(HEAD + text)]


@pytest.mark.parametrize("text", [
    "营业收入 135.65 万元，同比 100 万元增长 35.65 万元，同比增长 35.65%。",
    "营业收入１３５．６５万元，比上年１００万元增加３５．６５万元，增长３５．６５％。",
    "基本支出  2,202.32 万元 ，较上年 2,302.32 万元 下降了 100 万元。",
    "项目支出 1793.17 万元，较年初预算 1800 万元减少 6.83 万元。",
    "项目支出 1793.17 万元，较上年 17931700 元持平。",
    "收入合计 414.31 万元，其中：一般公共预算财政拨款收入 4,000,000.00 元；其他收入 14.31 万元。",
    "收入合计 414.31万元，其中：财政拨款 400 万元，占 96.55%；其他收入 14.31 万元，占 3.45%。",
    "我局特定目标类项目共 3 个，分别为公务接待经费、平台运行经费、业务保障经费。",
    "事务中心内设三个机构，即办公室、财务室、业务室。",
])
def test_quiet_variants(text):
    assert rules(text) == []


@pytest.mark.parametrize(("text", "rule", "expected"), [
    ("营业收入 135.65 万元，同比 100 万元增长 35.65 万元，同比增长 33.65%。", "PX603", 35.65),
    ("营业收入１３５．６５万元，比上年１００万元减少３５．６５万元。", "PX601", "增加"),
    ("基本支出  2,202.32 万元 ，较上年 2,302.32 万元 上升了 100 万元。", "PX601", "减少"),
    ("项目支出 1793.17 万元，较年初预算 1800 万元减少 8.83 万元。", "PX602", 6.83),
    ("项目支出 1793.17 万元，较上年 17931800 元持平。", "PX601", "减少"),
    ("收入合计 414.31 万元，其中：一般公共预算财政拨款收入 4,100,000.00 元；其他收入 14.31 万元。",
     "PX604", 424.31),
    ("收入合计 414.31万元，其中：财政拨款 400 万元，占 95.55%；其他收入 14.31 万元，占 3.45%。",
     "PX605", 96.55),
    ("我局特定目标类项目共 4 个，分别为公务接待经费、平台运行经费、业务保障经费。", "PX615", 3),
    ("事务中心内设两个机构，即办公室、财务室、业务室。", "PX615", 3),
])
def test_firing_variants(text, rule, expected):
    found = [f for f in check_text(HEAD + text) if f.rule == rule]
    assert found, rules(text)
    assert found[0].line == 3
    if isinstance(expected, str):
        assert found[0].expected == expected
    else:
        assert found[0].expected == pytest.approx(expected, rel=1e-4)
    assert found[0].quote in (HEAD + text).split("\n")[2]


def test_wrapped_lines_read_as_one_sentence():
    text = ("一般公共服务支出 3244335.71 元，较上年决算\n3034059.49 元减少 210276.22 元。")
    found = check_text(HEAD + text)
    assert [(f.rule, f.line) for f in found] == [("PX601", 3)]


def test_year_label_variants():
    text = "2022年决算支出 100 元，较上年 90 元增加 10 元。"
    assert [(f.rule, f.expected) for f in check_text(HEAD + text)] == [("PX609", 2023)]


@pytest.mark.parametrize("named, parts, fires_on", [
    ("决算支出", "60 元,商业服务业等支出 50 元", "100 元"),  # parts of 决算支出 make 110, not 100
    ("决算支出", "60 元,商业服务业等支出 40 元", None),
    ("财政拨款支出", "50 元,商业服务业等支出 40 元", None),
    ("财政拨款支出", "60 元,商业服务业等支出 40 元", "90 元"),  # parts of 财政拨款 make 100
])
def test_parts_after_a_named_total_break_down_that_total(named, parts, fires_on):
    """"A中, a1, a2": the parts belong to the figure A names (seed 000 line 96 as corrected in
    tests/draft/test_corrected_seeds.py), the last part before it by default."""
    text = (f"本单位决算支出 100 元。其中财政拨款支出 90 元,{named}中,一般公共服务支出 {parts}。")
    got = [f for f in check_text(text) if f.rule == "PX604"]
    assert [f.message.split("，")[0] for f in got] == ([f"“{fires_on}"] if fires_on else [])


@pytest.mark.parametrize("total, fires", [("95", True), ("93", False)])
def test_zong_defen_is_the_total(total, fires):
    """"总得分 95 分" is the total of the item scores before it (was read as one more item)."""
    text = (f"　　产出指标得分48分，效益指标得分27分，满意度指标得分9分，预算执行率得分9分，"
            f"总得分{total}分。\n")
    got = [f for f in check_text(text) if f.rule == "PX613"]
    assert [(f.expected, f.actual) for f in got] == ([(93, 95)] if fires else [])


@pytest.mark.parametrize("before, share, fires", [
    ("实际支出468万元", "12.5", True),      # 52 ÷ 468 = 11.11%
    ("实际支出468万元", "11.11", False),
    ("上年实际支出400万元", "12.5", False),  # last year's figure is not the whole
    ("实际到位资金468万元", "12.5", False),  # another name
])
def test_a_share_names_its_whole_in_an_earlier_sentence(before, share, fires):
    text = f"　　项目{before}。\n　　本年培训较多。其中培训费52万元，占实际支出的{share}%。\n"
    got = [f for f in check_text(text) if f.rule == "PX605"]
    assert [f.expected for f in got] == ([11.11] if fires else [])  # 52 ÷ 468, in %


@pytest.mark.parametrize("year, adjusted, fires", [
    ("2023年", "1100", True), ("2023年", "1000", False), ("", "1100", True), ("2023年度", "1100", True)])
def test_nianchu_after_a_year_and_zhuijia(year, adjusted, fires):
    """"2023年年初预算" is a 年初预算 (the year's 年初 is not eaten as a date) and 年中追加 is the
    adjustment (PX608)."""
    text = f"　　{year}年初预算800万元，年中追加200万元，调整后预算{adjusted}万元。\n"
    got = [f for f in check_text(text) if f.rule == "PX608"]
    assert [f.expected for f in got] == ([1000.0] if fires else [])  # 万元
