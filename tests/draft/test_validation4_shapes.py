"""Issue 20, fourth blind set: the shapes that gave wrong findings, in our own wording.

Each principle: silence in the shape that was wrong, and the finding where it is certain.
"""
from perfxl.draft import check_text
from tests.draft.test_validation3_shapes import found, messages


# --- PX602 / PX603: three amounts of one quantity (current, budget, last year) -------------
# 「完成 X，占预算 Y 的 Z%，较上年同期 W 下降 R%」: the change is X against W; Y is the base of
# Z% only.

THREE = ("全区财政总收入累计完成 53000万元,占预算 50000万元的 106.0%,较上年同期 58000万元"
         "下降 {r}%,减收 {c}万元。\n")


def test_the_change_compares_the_current_amount_not_the_budget():
    # 58000 − 53000 = 5000, 5000 ÷ 58000 = 8.62 %: right (against the budget it would be 8000)
    assert found(THREE.format(r="8.6", c="5000"), "PX602") == []
    assert found(THREE.format(r="8.6", c="5000"), "PX603") == []


def test_the_budget_base_written_without_de_is_no_current_amount_either():
    text = THREE.replace("占预算 50000万元的", "占全年预算 50000万元 ")
    assert found(text.format(r="8.6", c="5000"), "PX602") == []
    assert found(text.format(r="8.6", c="4000"), "PX602") == [(2, "error")]


def test_a_wrong_change_of_the_current_amount_still_fires():
    wrong = messages(THREE.format(r="8.6", c="4000"), "PX602")
    assert len(wrong) == 1 and "53000万元 与 58000万元 相差 5000 万元" in wrong[0]
    wrong = messages(THREE.format(r="6.9", c="5000"), "PX603")
    assert len(wrong) == 1 and "下降 8.6%" in wrong[0]


WEI = "一般公共预算支出完成 8400万元,为年初预算 8000万元的 105.0%,比上年 7000万元增长 {r}%。\n"


def test_a_rate_right_against_the_budget_is_wrong_against_the_current_amount():
    # (8400 − 7000) ÷ 7000 = 20.0 %; 14.3 % is (8000 − 7000) ÷ 7000, the budget's change
    assert found(WEI.format(r="20.0"), "PX603") == []
    assert found(WEI.format(r="14.3"), "PX603") == [(2, "error")]


SURPLUS = ("税收收入完成 46000万元,完成预算 45000万元的 102.2%,超收 1000万元,同比增长 {r}%,"
           "增收 3000万元。\n")


def test_an_excess_over_the_budget_is_no_current_amount():
    # last year = 46000 − 3000 = 43000; 3000 ÷ 43000 = 6.98 %
    assert found(SURPLUS.format(r="7.0"), "PX603") == []
    wrong = messages(SURPLUS.format(r="9.0"), "PX603")
    assert len(wrong) == 1 and "46000万元" in wrong[0] and "增长 7.0%" in wrong[0]


# --- PX604: what happened to the whole after a 其中 list is no further part -----------------

SPENT = "收到省级专项补助 600万元,其中:道路养护补助资金 600万元,{tail}。\n"


def test_an_amount_spent_after_the_list_is_no_part():
    for tail in ("已支出 412.5万元", "目前已拨付 590万元", "结余 30万元", "累计使用 480万元"):
        assert found(SPENT.format(tail=tail), "PX604") == [], tail


FEE = "整合资金 96.40万元,其中项目管理费 0.96万元,{tail}。\n"


def test_a_named_component_after_a_fee_is_still_a_part():
    # 0.96 + 95.80 = 96.76 > 96.40: two components by name that exceed their total
    assert found(FEE.format(tail="工程建设费 95.80万元"), "PX604") == [(2, "warning")]
    # the same amount said as 已拨付 is what was paid out of the 96.40
    assert found(FEE.format(tail="目前项目资金已拨付 95.80万元"), "PX604") == []


def test_parts_by_name_before_a_stage_amount_are_still_summed():
    text = "补助资金 500万元,其中:设备购置 320万元,人员培训 210万元,{tail} 300万元。\n"
    for tail in ("已支出", "拨付", "实际到位"):
        wrong = messages(text.format(tail=tail), "PX604")
        # the message names the two components and their sum, never the amount paid out
        assert len(wrong) == 1 and "320万元 + 210万元 之和为 530 万元" in wrong[0], tail


# --- PX611 / PX648: one name in two numbered projects or two areas ------------------------

def noted(text, rule):
    """(line, level) of ``rule``'s findings, notes (PX648) included."""
    return [(f.line, f.level) for f in check_text("2023年单位决算说明\n" + text, notes=True)
            if f.rule == rule]


PROJECTS = ("{n1}2024年第一批衔接资金村道硬化项目,建设村内道路1200平方米。使用衔接资金 215万元,"
            "其中项目管理费 2.15万元,目前已拨付 200万元。\n"
            "{n2}2024年第一批衔接资金饮水安全项目,建设蓄水池2座。使用衔接资金 216万元,"
            "其中项目管理费 2.16万元,目前已拨付 210万元。\n")


def test_two_numbered_projects_have_their_own_amounts():
    # 「1.2024年…项目」: a number followed by a year still opens one item of a list
    text = PROJECTS.format(n1="1.", n2="2.")
    assert noted(text, "PX611") == [] and noted(text, "PX648") == []


def test_the_same_project_told_twice_with_a_slip_still_fires():
    text = PROJECTS.format(n1="", n2="").replace("2024年第一批衔接资金饮水安全项目,建设蓄水池2座。",
                                                 "该项目验收后,")
    assert (3, "error") in noted(text, "PX611")


AREAS = ("全市直达资金总额 50.00亿元,已分配 49.83亿元,未分配 0.17亿元。\n"
         "市本级直达资金 20.00亿元,未分配 0.08亿元,分配率 99.6%。\n"
         "县区直达资金 30.00亿元,已分配 29.91亿元,未分配 0.09亿元。\n")


def test_the_city_level_and_the_counties_are_two_areas():
    # 0.08 against 0.09 is a one-digit slip were they one quantity: they are two areas'
    assert noted(AREAS, "PX611") == [] and noted(AREAS, "PX648") == []


def test_one_area_told_twice_with_a_slip_still_fires():
    assert noted(AREAS + "县区资金中,已分配 29.92亿元。\n", "PX611") == [(5, "error")]


# --- a figure after a character lost to a wrong encoding is not known ---------------------

LOST = "一般公共服务支出{mark}8520万元,较上年减支 4630万元,下降 {r}%。\n"


def test_a_figure_after_a_lost_character_is_not_checked():
    # 8520 + 4630 = 13150, 4630 ÷ 13150 = 35.2 %; the text's 8.3 % fits 「5?8520」 (4630 ÷ 59150)
    assert found(LOST.format(mark="?", r="7.3"), "PX603") == []
    assert found(LOST.format(mark="\ufffd", r="7.3"), "PX603") == []


def test_the_same_figure_written_plainly_is_checked():
    assert found(LOST.format(mark=" ", r="7.3"), "PX603") == [(2, "error")]
    assert found(LOST.format(mark=" ", r="35.2"), "PX603") == []


# --- PX604: parts and total each rounded on their own --------------------------------------

def test_whole_wan_parts_may_miss_their_whole_total_by_one():
    # 37.6 + 958.4 = 996.0 written 38 + 958 and a total of 995.6 written 996: or 995.4 as 995
    assert found("公务用车费 995万元,其中购置费 38万元,运行维护费 958万元。\n", "PX604") == []
    assert found("公务用车费 993万元,其中购置费 38万元,运行维护费 958万元。\n", "PX604") == [
        (2, "warning")]


def test_yi_parts_at_two_decimals_may_miss_by_one_in_the_last_digit():
    text = "生产总值 1836.{d}亿元,其中第一产业 402.31亿元,第二产业 633.48亿元,第三产业 800.57亿元。\n"
    assert found(text.format(d="35"), "PX604") == []  # the parts add to 1836.36
    assert found(text.format(d="26"), "PX604") == [(2, "warning")]


def test_a_county_level_and_its_towns_are_two_areas():
    text = ("全县直达资金 8.00亿元,未分配 0.65亿元。\n县本级直达资金 5.00亿元,未分配 0.32亿元。\n"
            "乡镇直达资金 3.00亿元,未分配 0.33亿元。\n")
    assert noted(text, "PX611") == []
    assert noted(text + "乡镇资金中,未分配 0.34亿元。\n", "PX611") == [(5, "error")]


def test_an_approximate_amount_of_the_counties_is_not_the_whole_s():
    text = ("某市前三季度{who}政府采购节约资金320万余元\n前三季度,政府采购预算 5200.00 万元,"
            "实际采购 4828.54 万元,节约资金 371.46 万元。\n")
    assert found(text.format(who="各县区"), "PX643") == []
    assert found(text.format(who=""), "PX643") == [(2, "error")]
