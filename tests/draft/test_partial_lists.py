"""PX604 on 其中 lists that name only some parts, parts inside parts, and a 「加……合计」 clause
that builds another aggregate (issue 20, precision of warnings).  Drafts of our own wording."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text

HEAD = "2023年度部门整体支出绩效自评报告\n"


def px604(text: str) -> list[tuple[int, float, float]]:
    return [(f.line, f.expected, f.actual) for f in check_text(HEAD + text) if f.rule == "PX604"]


# --- a list that need not be complete -------------------------------------------------------

def test_some_function_classes_of_a_budget_stay_quiet():
    assert px604("全区一般公共预算支出 46.80 亿元，其中：社会保障和就业支出 7.15 亿元，"
                 "城乡社区支出 5.02 亿元。\n") == []


def test_the_same_classes_adding_to_more_than_the_budget_warn():
    assert px604("全区一般公共预算支出 10.80 亿元，其中：社会保障和就业支出 7.15 亿元，"
                 "城乡社区支出 5.02 亿元。\n") == [(2, 12.17, 10.80)]


@pytest.mark.parametrize("parts, fires", [
    ("税收收入 61.20 亿元，非税收入 18.30 亿元", True),      # 税收 + 非税 is the whole
    ("增值税 21.20 亿元，企业所得税 18.30 亿元", False),     # two taxes among many
    ("税收收入 61.20 亿元，其他收入 18.30 亿元", True),      # 其他 holds the rest
])
def test_less_than_the_total_warns_only_for_a_complete_list(parts, fires):
    got = px604(f"全县一般公共预算收入 80.00 亿元，其中：{parts}。\n")
    assert bool(got) is fires


def test_a_zero_part_marks_the_list_complete():
    text = ("“三公”经费支出 12.40 万元，其中：公务接待费 2.10 万元，公务用车运行维护费 9.60 万元，"
            "因公出国（境）费 0.00 万元。\n")
    assert px604(text) == [(2, 11.70, 12.40)]
    assert px604(text.replace("9.60", "10.30")) == []


# --- a part inside another -------------------------------------------------------------------

@pytest.mark.parametrize("inner", ["45.0", "80.0"])  # less or more than the rest: never a sum
def test_a_part_inside_the_livelihood_aggregate_is_not_added(inner):
    assert px604(f"全省一般公共预算支出 500.0 亿元，其中，民生支出 410.0 亿元，增长 5.1%，"
                 f"教育支出 {inner} 亿元，增长 3.3%。\n") == []


# --- 「加……收入合计」: another aggregate after the 其中 -----------------------------------------

RECONCILED = ("全县一般公共预算收入 120000 万元，完成预算的 101.2%，其中税收收入 90000 万元，增长 3.0%；"
              "加上级补助收入 65000 万元，调入资金 {moved} 万元，收入合计 {whole} 万元。\n")


def test_added_sources_and_their_sum_are_no_parts_of_the_first_total():
    assert px604(RECONCILED.format(moved="8000", whole="193000")) == []


def test_a_part_list_before_the_added_clause_is_still_checked():
    text = RECONCILED.format(moved="8000", whole="193000").replace(
        "其中税收收入 90000 万元，增长 3.0%", "其中税收收入 90000 万元，非税收入 40000 万元")
    assert px604(text) == [(2, 130000, 120000)]


def test_a_part_called_a_total_ends_the_list():
    text = ("本年收入 300.00 万元，其中财政拨款收入 250.00 万元，事业收入 40.00 万元，"
            "其他收入 10.00 万元，收入总计 340.00 万元。\n")
    assert px604(text) == []
    assert px604(text.replace("250.00", "290.00")) == [(2, 340, 300)]


def test_a_class_whose_name_starts_with_other_is_no_rest():
    text = ("基本支出 300.00 万元，其中：工资福利支出 200.00 万元，商品和服务支出 60.00 万元，"
            "其他资本性支出 20.00 万元。\n")
    assert px604(text) == []
    assert px604(text.replace("其他资本性支出", "其他支出")) == [(2, 280, 300)]
