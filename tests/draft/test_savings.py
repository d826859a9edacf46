"""节约率 / 节约资金 of a procurement text (PX646, PX647; issue 20).  Drafts of our own wording:
the rate is the savings over the budget, rounded half up to the decimals written."""
from perfxl.draft import check_text


def found(text, code):
    return [(f.line, f.expected, f.actual) for f in check_text(text) if f.rule == code]


THREE = ("2022年本区政府采购情况\n全年完成采购项目 60 个，采购计划金额 4000.00 万元，实际采购金额 3530.00 万元，"
         "节约资金 470.00 万元，节约率为 {r}。\n")


def test_a_truncated_rate_fires_and_the_rounded_one_is_quiet():
    # 470 / 4000 = 11.75 %: 12 % at no decimal, 11.8 % at one
    assert found(THREE.format(r="11%"), "PX646") == [(2, 11.75, 11.0)]
    assert found(THREE.format(r="11.6%"), "PX646") == [(2, 11.75, 11.6)]
    # 11.7 % is exactly half a unit away: the amounts' own rounding may make it right
    for r in ("12%", "11.8%", "11.75%", "11.7%"):
        assert found(THREE.format(r=r), "PX646") == []


def test_the_rate_over_the_amount_bought_is_another_definition_not_a_slip():
    # 470 / 3530 = 13.31 %
    assert found(THREE.format(r="13.31%"), "PX646") == []


def test_groups_after_a_semicolon_and_after_qizhong_are_read_each_alone():
    text = ("全年采购预算 5000.00 万元，实际采购 4500.00 万元，节约资金 500.00 万元，节约率 10.00%；其中货物类"
            "采购预算 2000.00 万元，实际采购 1900.00 万元，节约资金 100.00 万元，节约率 {r}。\n")
    assert found(text.format(r="5.00%"), "PX646") == []
    assert found(text.format(r="5.50%"), "PX646") == [(1, 5.0, 5.5)]


def test_savings_that_are_not_budget_minus_bought():
    text = "采购预算 980.50 万元，实际成交金额 900.25 万元，节约资金 {s} 万元，节约率 8.19%。\n"
    assert found(text.format(s="80.25"), "PX647") == []
    assert found(text.format(s="82.25"), "PX647") == [(1, 80.25, 82.25)]


def test_a_budget_implied_by_the_amount_bought_and_the_savings():
    text = "全市政府采购规模为 45.60 亿元，较采购计划节约资金 4.40 亿元，资金节约率达 {r}。\n"
    assert found(text.format(r="8.80%"), "PX646") == []  # 4.40 / 50.00
    assert found(text.format(r="9.65%"), "PX646") == []  # 4.40 / 45.60: over the amount bought
    assert found(text.format(r="9.20%"), "PX646") == [(1, 8.8, 9.2)]


def test_an_amount_of_something_else_in_the_group_means_no_reading():
    text = ("采购计划 4000.00 万元，实际采购 3530.00 万元，公开招标 3000.00 万元，节约资金 470.00 万元，"
            "节约率 11%。\n")
    assert found(text, "PX646") == []
