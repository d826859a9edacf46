"""One name standing for several quantities (issue 20, class 1, third validation set): 其他X is
not X, each numbered project of a list has its own amounts, 地本级 is a part of 全区, a target is
not what was done, and a 其中 part's 完成预算的 R% is over its own budget.  Our own wording; each
shape has a case where the rule stays quiet and one where it still fires."""
from perfxl.draft import check_text

HEAD = "2024年度收支情况说明\n"


def errors(text, rule):
    return [f.line for f in check_text(HEAD + text) if f.rule == rule and f.level == "error"]


# 其他X is one line of X, never X itself
def test_other_line_is_not_the_whole_of_its_name():
    text = ("全年非税收入 500 万元，税收收入 8000 万元。\n"
            "各税种中增值税 3000 万元、个人所得税 900 万元、其他税收收入 40 万元。\n")
    assert errors(text, "PX611") == []


def test_other_line_restated_with_two_values_still_fires():
    text = ("各税种中增值税 3000 万元、其他税收收入 40 万元。\n其余说明见后。\n"
            "其他税收收入 45 万元，主要为零星税种。\n")
    assert errors(text, "PX611") == [4]


# numbered projects of a list, each with its own 总投资
PROJECTS = ("一、项目基本情况\n"
            "指标1:东岭乡卫生室改造项目,新建用房 200 平方米,总投资 80.50 万元。\n"
            "指标2:西坡乡卫生室改造项目,新建用房 180 平方米,总投资 {v} 万元。\n")


def test_each_numbered_project_has_its_own_total_investment():
    assert errors(PROJECTS.format(v="85.50"), "PX611") == []


def test_one_total_investment_told_twice_outside_a_list_fires():
    text = "卫生室改造工程总投资 80.50 万元。\n后续情况如下。\n卫生室改造工程总投资 85.50 万元。\n"
    assert errors(text, "PX611") == [4]


def test_two_project_paragraphs_each_have_their_own_capital_outlay():
    text = ("2、项目支出\n(1)送书下乡项目支出 50000.00 元,其中其他资本性支出 30000.00 元购置图书。\n"
            "(2)阅读推广专项资金项目 60000.00 元,其中其他资本性支出 25000.00 元购置图书。\n")
    assert errors(text, "PX611") == []


# 地本级 is the prefecture's own level inside 全区
AREA = ("今年一季度，全区财政收入完成 8000 万元，比上年同期增长 15.0%。其中地方财政收入完成 5000 "
        "万元，比上年同期增长 20.0%。地本级地方财政收入完成 {v} 万元，比上年同期增长 {r}%。\n")


def test_prefecture_level_is_a_part_of_the_whole_region():
    text = AREA.format(v="1200", r="8.0")
    assert errors(text, "PX611") == []
    assert errors(text, "PX620") == []


def test_the_whole_region_told_twice_still_fires():
    text = ("今年一季度，全区地方财政收入完成 5000 万元，比上年同期增长 20.0%。\n以下分述。\n"
            "今年一季度，全区地方财政收入完成 5000 万元，比上年同期增长 12.0%。\n")
    assert errors(text, "PX620") == [4]


# a target sentence states what is planned, not what was achieved
def test_target_and_achieved_amounts_are_two_quantities():
    text = ("(二)绩效目标\n绩效目标:乡村道路养护资金完成 90 万元。\n(三)完成情况\n"
            "1.乡村道路养护资金完成 96 万元。\n")
    assert errors(text, "PX611") == []


def test_two_achieved_amounts_of_one_name_still_fire():
    text = ("乡村道路养护资金完成 90.50 万元。\n(三)完成情况\n"
            "1.乡村道路养护资金完成 96.50 万元。\n")
    assert errors(text, "PX611") == [4]


# a 其中 part's completion rate is over its own budget
def test_part_rate_is_not_measured_against_the_sentence_total():
    text = ("“三公”经费年初预算为 200.00 万元,支出决算为 120.00 万元,完成预算的 60%,其中:"
            "公务接待费支出决算为 30.00 万元,完成预算的 75%。\n")
    assert errors(text, "PX607") == []


def test_part_rate_against_its_own_written_budget_fires():
    text = ("“三公”经费年初预算为 200.00 万元,支出决算为 120.00 万元,完成预算的 60%,其中:"
            "公务接待费预算为 40.00 万元,支出决算为 30.00 万元,完成预算的 80%。\n")
    assert errors(text, "PX607") == [2]


def test_total_rate_before_the_parts_still_fires():
    text = ("“三公”经费年初预算为 200.00 万元,支出决算为 120.00 万元,完成预算的 65%,其中:"
            "公务接待费支出决算为 30.00 万元。\n")
    assert errors(text, "PX607") == [2]
