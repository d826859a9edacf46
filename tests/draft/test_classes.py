"""The classes of failure of issue 20, each as variant drafts written for the tests (no sentence
taken from a real report): one where the rule fires and one where it stays quiet.

Class 1 one name, different quantities (stage, period, role, scope); 2 tables pasted as text;
3 changes whose base is implied; 4 vocabulary (traditional characters, 增收, 支付率, lists joined
by 和); 5 nested breakdowns; 6 a year label with no figure; 7 carry-over counted as spending.
"""
from __future__ import annotations

import pytest

from perfxl.draft import check_text


def _rules(text: str, level: str | None = None) -> set[tuple[int, str]]:
    return {(f.line, f.rule) for f in check_text(text) if level is None or f.level == level}


def _errors(text: str) -> set[tuple[int, str]]:
    return _rules(text, "error")


# -- class 1: a quantity is its name, stage, period, role and scope -------------------------

def test_class1_same_quantity_twice_fires():
    text = ("2024年度部门整体支出绩效自评报告\n"
            "2024年办公设备购置费决算 18.40 万元，主要用于更换老旧电脑。\n"
            "经核对，2024年办公设备购置费决算 18.04 万元，较上年有所减少。\n")
    assert (3, "PX611") in _errors(text)


@pytest.mark.parametrize("text", [
    # stage: the budget and the final account of one item
    "2024年度自评报告\n年初预算安排会议费 12.60 万元。\n全年决算会议费 8.35 万元，节约明显。\n",
    # period: this year's budget and last year's spending, each in its own sentence
    "2024年度自评报告\n2024年“三公”经费预算 30.00 万元，其中：公务接待费 14.50 万元。\n"
    "2023年“三公”经费决算 28.20 万元，其中：公务接待费 13.90 万元。\n",
    # scope: a budget said of each line
    "2024年度自评报告\n其中：培训费支出 3.20 万元，年初预算为 4.00 万元。\n"
    "差旅费支出 5.10 万元，年初预算为 6.00 万元。\n",
    # role: planned and achieved
    "2024年度自评报告\n申请专项资金 80.00 万元。\n实际到位专项资金 72.00 万元。\n",
    # two units' lines of one kind are two names
    "2024年度自评报告\n数据中心运维费 20.00 万元。\n指挥中心运维费 15.00 万元。\n",
    # a head word whose subject is the clause before it, two values in one sentence
    "2024年度自评报告\n引进重大项目 12 个，总投资 85.60 亿元；其中“500强”项目 3 个，总投资 21.40 亿元。\n"
    "“500强”项目总投资 21.40 亿元，均已开工。\n",
])
def test_class1_different_quantities_stay_quiet(text):
    assert not {r for _l, r in _errors(text) if r == "PX611"}


# -- class 2: a form pasted as text -----------------------------------------------------------

def test_class2_indicator_columns_stay_quiet():
    text = ("2024年度项目支出绩效自评表\n"
            "三级指标 | 年度指标值 | 度量单位 | 实际完成值 | 分值 | 得分\n"
            "农作物病虫害防治面积 | 15 | 万亩 | 14.8 | 20 | 19.73\n"
            "技术培训人次 | 1200 | 人次 | 1260 | 10 | 10\n")
    assert _errors(text) == set()


def test_class2_zero_total_above_real_part():
    fires = ("2024年度项目支出绩效自评表\n项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
             "年度资金总额： 0 0 0 10 0 0 其中：本年财政拨款 65 64.80 64.80 上年结转资金 其他资金\n")
    assert (3, "PX631") in _rules(fires)
    quiet = fires.replace("年度资金总额： 0 0 0 10 0 0", "年度资金总额： 65 64.80 64.80 10 100% 10")
    assert (3, "PX631") not in _rules(quiet)


# -- class 3: the base of a change left implied -------------------------------------------------

def test_class3_implied_base_fires():
    text = "办公费支出 8.40 万元，较上年减少 1.20 万元，下降 14.29%。\n"
    assert _errors(text) == {(1, "PX603")}


def test_class3_implied_base_quiet():
    assert _errors("办公费支出 8.40 万元，较上年减少 1.20 万元，下降 12.50%。\n") == set()


def test_class3_no_base_when_the_subject_is_not_resolved():
    # whose change: the 90 or the 50?  Neither base is derived.
    assert _errors("支出 90.00 万元，其中人员经费 50.00 万元，较上年增加 10.00 万元，增长 12.5%。\n") == set()


# -- class 4: vocabulary ------------------------------------------------------------------------

def test_class4_traditional_characters_read_like_simplified():
    trad = "辦公費支出 8.40 萬元，較上年減少 1.20 萬元，下降 14.29%。\n"
    assert _errors(trad) == {(1, "PX603")}
    assert _errors(trad.replace("14.29", "12.50")) == set()


def test_class4_zengshou_is_a_change():
    text = "非税收入完成 54.30 亿元，同比增收 3.10 亿元，增长 9.8%。\n"
    assert _errors(text) == {(1, "PX603")}
    assert _errors(text.replace("9.8%", "6.06%")) == set()


def test_class4_payment_ratio():
    text = "2024年度自评报告\n下达项目资金 50.00 万元，已支付 45.00 万元，支付率 95%。\n"
    assert (2, "PX607") in _errors(text)
    assert _errors(text.replace("95%", "90%")) == set()


def test_class4_list_joined_by_he():
    quiet = "本项目覆盖3个乡镇，即东坪镇、西岭镇和南溪乡。\n"
    assert _rules(quiet) == set()
    assert (1, "PX615") in _errors("本项目覆盖4个乡镇，即东坪镇、西岭镇和南溪乡。\n")


# -- class 5: sub-items in parentheses are no parts of the total --------------------------------

def test_class5_parenthesised_sub_items_not_counted_twice():
    quiet = ("本年支出 100.00 万元，其中：基本支出 60.00 万元（人员经费 50.00 万元，公用经费 10.00 万元），"
             "项目支出 40.00 万元。\n")
    assert _rules(quiet) == set()
    fires = quiet.replace("项目支出 40.00", "项目支出 30.00")
    assert (1, "PX604") in _rules(fires)


# -- class 6: a year label with no figure ------------------------------------------------------

def test_class6_stray_year_label():
    text = ("2022年度单位决算说明\n2022年本单位无国有资本经营预算支出。\n"
            "2021年本单位无政府性基金预算支出。\n")
    assert (3, "PX628") in _rules(text)
    assert _rules(text.replace("2021年本单位", "2022年本单位")) == set()


# -- class 7: carry-over counted as spending ---------------------------------------------------

def test_class7_carry_over_counted_as_spending():
    text = ("2023年度部门整体支出绩效自评报告\n2023年本年支出合计 860.00 万元。\n"
            "其中基本支出 512.30 万元，项目支出 221.70 万元。\n年末结转和结余 126.00 万元。\n")
    assert (2, "PX629") in _rules(text)
    assert (2, "PX629") not in _rules(text.replace("860.00", "734.00"))


def test_class4_execution_over_budget_unexplained():
    text = "2023年度自评报告\n全年预算数 64.00 万元，全年执行数 70.40 万元，预算执行率 110%。\n"
    assert (2, "PX632") in _rules(text)
    explained = text.replace("110%。", "110%，超出部分为年中追加的培训经费。")
    assert (2, "PX632") not in _rules(explained)


def test_class2_a_number_cell_and_its_unit_cell_are_two_cells():
    from perfxl.draft.numbers import figures
    for text in ("\t分值\n\t15\n\t万吨\n", "| 15 | 万吨 |", "粮食产量15万吨", "受益2亿人次"):
        assert [f for f in figures(text, 0, len(text)) if f.money] == [], text
    for text in ("工资福利支出为924.72万；", "支出 3.5亿，"):
        assert [f.money for f in figures(text, 0, len(text))] == [True], text


def test_class1_three_plans_each_share_against_its_own_plan():
    text = ("2024年度自评报告\n税收收入完成 320.00 万元，占年计划 400.00 万元的 80%；非税收入完成 90.00 万元，"
            "占年计划 100.00 万元的 90%；合计完成 410.00 万元，占年计划 500.00 万元的 82%。\n")
    assert _rules(text) == set()
    assert _errors(text.replace("的 82%", "的 85%")) == {(2, "PX605")}
