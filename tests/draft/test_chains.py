"""Class 5 of issue 20: several totals chained in one sentence, and a 其中 inside a part.
Each total is checked against its own parts only; a part's own parts are never counted again
on top of it.  Drafts written for the tests."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text
from perfxl.draft.claims import extract
from perfxl.draft.reading import units_from_text
from perfxl.draft.text import Doc

HEAD = "2024年度部门决算说明\n"
CHAIN = ("2024年总收入 500.00 万元，其中财政拨款 {f} 万元、其他收入 50.00 万元{sep}总支出 480.00 万元，"
         "其中基本支出 300.00 万元、项目支出 {p} 万元。\n")
NESTED = ("本年支出 100.00 万元，其中基本支出 60.00 万元，其中人员经费 50.00 万元、公用经费 {g} 万元，"
          "项目支出 {p} 万元。\n")


def _px604(text: str) -> list[tuple[int, float, float]]:
    return [(f.line, f.expected, f.actual) for f in check_text(HEAD + text) if f.rule == "PX604"]


def _breakdowns(text: str) -> list[tuple[str, ...]]:
    doc = Doc(units_from_text(text))
    return [tuple(str(f.value) for f in c.figures) for c in extract(doc).of("breakdown")]


@pytest.mark.parametrize("sep", ["；", "，"])
def test_each_total_of_a_chain_has_its_own_parts(sep):
    text = CHAIN.format(f="450.00", p="180.00", sep=sep)
    assert _breakdowns(text) == [("500.00", "450.00", "50.00"), ("480.00", "300.00", "180.00")]
    assert _px604(text) == []


@pytest.mark.parametrize("sep", ["；", "，"])
def test_chain_second_total_off_fires_on_it_alone(sep):
    assert _px604(CHAIN.format(f="450.00", p="170.00", sep=sep)) == [(2, 470.0, 480.0)]


def test_chain_first_total_off_fires_on_it_alone():
    assert _px604(CHAIN.format(f="440.00", p="180.00", sep="；")) == [(2, 490.0, 500.0)]


def test_a_part_named_like_a_total_behind_a_comma_is_no_new_total():
    # 「合计」 already said before the comma: the second 其中 is inside the first breakdown
    text = ("收入合计 100.00 万元，其中财政拨款 80.00 万元，其中基本支出拨款 50.00 万元、项目支出拨款 "
            "30.00 万元，其他收入 20.00 万元。\n")
    assert _breakdowns(text) == [("80.00", "50.00", "30.00"), ("100.00", "80.00", "20.00")]
    assert _px604(text) == []


def test_nested_qizhong_not_counted_on_top_of_its_parent():
    text = NESTED.format(g="10.00", p="40.00")
    assert _breakdowns(text) == [("60.00", "50.00", "10.00"), ("100.00", "60.00", "40.00")]
    assert _px604(text) == []


def test_nested_qizhong_outer_total_off_fires():
    assert _px604(NESTED.format(g="10.00", p="30.00")) == [(2, 90.0, 100.0)]


@pytest.mark.parametrize("text", [
    # the inner parts never meet their parent: which figures are whose cannot be told
    NESTED.format(g="12.00", p="40.00"),
    "本年支出 100.00 万元，其中基本支出 60.00 万元，其中人员经费 50.00 万元，项目支出 30.00 万元。\n",
])
def test_nested_qizhong_unresolved_stays_quiet(text):
    assert _px604(text) == []


def test_parenthesised_sub_items_then_a_chain():
    text = ("总收入 300.00 万元（本级 200.00 万元，下级 100.00 万元），其中财政拨款 280.00 万元、其他收入 "
            "20.00 万元；总支出 290.00 万元，其中基本支出 190.00 万元、项目支出 100.00 万元。\n")
    assert _px604(text) == []
    assert _px604(text.replace("项目支出 100.00", "项目支出 90.00")) == [(2, 280.0, 290.0)]


def test_two_parts_each_with_its_own_qizhong():
    text = ("本年支出 100.00 万元，其中基本支出 60.00 万元，其中人员经费 50.00 万元、公用经费 10.00 万元，"
            "项目支出 40.00 万元，其中专项A 25.00 万元、专项B 15.00 万元。\n")
    assert _breakdowns(text) == [("60.00", "50.00", "10.00"), ("40.00", "25.00", "15.00"),
                                 ("100.00", "60.00", "40.00")]
    assert _px604(text) == []


def test_qizhong_in_parentheses_is_no_new_total_of_a_chain():
    # 「…；B 70 万元（其中：b1 30 万元，b2 40 万元），…；C 20 万元」: b1, b2 are B's, in parentheses
    text = ("“三公”经费支出 100.00 万元，较年初预算减少 5.00 万元。其中：因公出国（境）费 10.00 万元，与年初预算持平；"
            "公务用车购置及运行维护费 70.00 万元（其中：购置费 30.00 万元，运行维护费 40.00 万元），较年初预算增加"
            " 2.00 万元；公务接待费 20.00 万元，较年初预算减少 7.00 万元。\n")
    assert _px604(text) == []
    assert _px604(text.replace("公务接待费 20.00", "公务接待费 25.00")) == [(2, 105.0, 100.0)]


def test_nested_qizhong_without_match_in_a_sentence_of_its_own():
    # the sentence opens with 其中 (the previous sentence's total); a part's own 其中 whose
    # figures never meet it leaves the whole breakdown unchecked
    text = ("本年支出 100.00 万元。其中：基本支出 60.00 万元，其中人员经费 45.00 万元；项目支出 30.00 万元。\n")
    assert _px604(text) == []


CARRIED = ("六、基本支出情况说明\n"
           "本年基本支出 500.00 万元，其中：\n人员经费 {a} 万元，主要包括：基本工资、津贴补贴。\n"
           "公用经费 {b} 万元，主要包括：办公费、印刷费。\n{after}")


def test_qizhong_list_carried_over_paragraphs_to_a_heading():
    text = CARRIED.format(a="420.00", b="60.00", after="七、“三公”经费情况说明\n")
    assert _px604(text) == [(3, 480.0, 500.0)]
    assert _px604(CARRIED.format(a="420.00", b="80.00", after="七、“三公”经费情况说明\n")) == []


def test_qizhong_list_carried_over_parts_exceeding_the_total():
    text = CARRIED.format(a="420.00", b="90.00", after="另有说明文字。\n")
    assert _px604(text) == [(3, 510.0, 500.0)]


def test_qizhong_list_whose_end_is_not_a_heading_stays_quiet():
    # the paragraph after the parts says no amount and opens no section: the list may go on
    text = CARRIED.format(a="420.00", b="60.00", after="上述经费均按规定使用。\n对个人和家庭的补助 20.00 万元。\n")
    assert _px604(text) == []


@pytest.mark.parametrize("text,fires", [
    ("项目实际投入共计 2765.24 万元，超出计划 9%，财政拨款 195.32 万元，自筹资金 2960.56 万元。\n", True),
    # the sources named fall short: perhaps only some of them
    ("项目实际投入共计 2765.24 万元，财政拨款 195.32 万元，自筹资金 1960.56 万元。\n", False),
    # an amount that is no source of funds: not a breakdown at all
    ("项目实际投入共计 2765.24 万元，财政拨款 195.32 万元，计划投资 2960.56 万元。\n", False),
    # no total called so
    ("项目实际投入 2765.24 万元，财政拨款 195.32 万元，自筹资金 2960.56 万元。\n", False),
])
def test_sources_of_a_total_without_qizhong(text, fires):
    assert bool(_px604(text)) is fires


CHANGES = ("2024年“三公”经费合计 40.00 万元，其中：公务接待费 6.00 万元，公务用车运行维护费 34.00 万元。"
           "较2023年合计 25.00 万元增加 15.00 万元。其中：公务接待费{w1} {a} 万元，公务用车运行维护费增加 {b} 万元。\n")


def test_change_of_a_total_broken_down_into_the_parts_changes():
    assert _px604(CHANGES.format(w1="减少", a="1.00", b="16.00")) == []
    assert _px604(CHANGES.format(w1="减少", a="0.50", b="14.80")) == [(2, 14.3, 15.0)]
    assert _px604(CHANGES.format(w1="增加", a="1.00", b="14.00")) == []


@pytest.mark.parametrize("text", [
    # one part's change only: fewer than the non-zero parts, the list may be partial
    CHANGES.format(w1="减少", a="0.50", b="14.80").replace("公务接待费减少 0.50 万元，", ""),
    # an amount of the 其中 sentence follows no direction word: not a list of changes
    CHANGES.format(w1="减少", a="0.50", b="14.80").replace("公务接待费减少 0.50", "公务接待费 0.50"),
    # the sentence before states two changes: whose are the parts?
    CHANGES.format(w1="减少", a="0.50", b="14.80").replace("增加 15.00 万元。", "增加 15.00 万元，增加 3.00 万元。"),
])
def test_change_breakdown_unresolved_stays_quiet(text):
    assert [g for g in _px604(text) if g[1] == 14.3] == []


# -- which figures are a total's parts (precision of PX604) -----------------------------------

def test_qizhong_after_a_semicolon_breaks_down_its_clause_total():
    text = ("“三公”经费决算 300 万元。分项是：出国经费决算 20 万元，比上年增长 5%；接待费决算 120 万元，"
            "比上年下降 3%；公务用车费决算 160 万元，比上年下降 1.2%，其中：购置费 40 万元，运行费 {b} 万元。\n")
    assert _px604(text.format(b="120")) == []
    assert _px604(text.format(b="130")) == [(2, 170.0, 160.0)]


def test_a_fund_named_general_budget_is_no_budget_figure():
    text = ("一般公共预算财政拨款安排的“三公”经费支出 2.05 万元，年初预算为 2.95 万元。其中：公务用车运行维护费支出 "
            "0 万元，年初预算为 0.95 万元；公务接待费支出 2.05 万元，年初预算为 2 万元。\n")
    assert _px604(text) == []


def test_qizhong_in_parentheses_breaks_down_the_amount_before_them_only():
    text = "园区计划预算数 13.78 亿元（其中 3.5 亿元用于厂房整修），执行数 10.2 亿元，执行率 74.02%。\n"
    assert _px604(text) == []


def test_totals_of_two_years_take_the_parts_of_their_year():
    text = ("2024年“三公”经费预算 33 万元，2023年预算 57.55 万元。其中：接待费2024年预算 8 万元，2023年预算 12.5 万元；"
            "用车费2024年预算 {b} 万元，2023年预算 45.05 万元。\n")
    assert _px604(text.format(b="25")) == []
    # whole 万元 each rounded: 8 + 26 may still make 33 (7.5 + 25.5); 8 + 27 cannot
    assert _px604(text.format(b="26")) == []
    assert _px604(text.format(b="27")) == [(2, 35.0, 33.0)]


def test_a_list_that_may_go_on_past_its_sentence_reports_only_an_excess():
    text = ("“三公”经费决算 1134 万元。其中：出国费 0 万元，接待费 {a} 万元，共接待 9195 人次。"
            "公务用车费 1012 万元，较上年减少 12 万元。\n")
    assert _px604(text.format(a="122")) == []
    assert _px604(text.format(a="1200")) == [(2, 1200.0, 1134.0)]


def test_figures_listed_respectively_may_be_examples():
    text = "政府采购服务类 1934.25 亿元，其中，环境服务、文化体育服务为 106.59 亿元、17.24 亿元。\n"
    assert _px604(text) == []
    assert _px604(text.replace("1934.25", "100.25")) == [(2, 123.83, 100.25)]
