"""Issue 20, fourth blind set: the shapes that gave wrong findings, in our own wording.

Each principle: silence in the shape that was wrong, and the finding where it is certain.
"""
from perfxl.draft import check_text


def found(text, rule, head="2024年财政收支情况\n"):
    return [(f.line, f.level) for f in check_text(head + text) if f.rule == rule]


def messages(text, rule, head="2024年财政收支情况\n"):
    return [f.message for f in check_text(head + text) if f.rule == rule]


# --- PX602 / PX603: three amounts of one quantity (current, budget, last year) -------------
# 「完成 X，占预算 Y 的 Z%，较上年同期 W 下降 R%」: the change is X against W; Y is the base of
# Z% only.

THREE = ("全区财政总收入累计完成 53000万元,占预算 50000万元的 106.0%,较上年同期 58000万元"
         "下降 {r}%,减收 {c}万元。\n")


def test_the_change_compares_the_current_amount_not_the_budget():
    # 58000 − 53000 = 5000, 5000 ÷ 58000 = 8.62 %: right (against the budget it would be 8000)
    assert found(THREE.format(r="8.6", c="5000"), "PX602") == []
    assert found(THREE.format(r="8.6", c="5000"), "PX603") == []


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
