"""PX611 compares one name only inside one scope (issue 20, class 1, scope): an area named inside
a sentence (「全市……；市本级……」) and the section of one of the four budgets (预算法 第五条:
一般公共预算 / 政府性基金 / 国有资本经营 / 社会保险基金) under a numbered heading are parts of
a quantity's identity.  Our own wording; each shape fires where the scope is one."""
from perfxl.draft import check_text

HEAD = "2023年财政收支情况\n"


def px611(text):
    return [f.line for f in check_text(HEAD + text) if f.rule == "PX611" and f.level == "error"]


AREAS = ("2023年上半年，全市政府采购预算执行 9000.00 万元，实际采购金额 8000.00 万元，节约资金 "
         "1000.00 万元。市本级政府采购预算执行 1700.00 万元，实际采购金额 {b} 万元，节约资金 "
         "200.00 万元。\n")


def test_city_and_city_level_in_one_sentence_are_two_quantities():
    assert px611(AREAS.format(b="1500.00")) == []


def test_one_area_restated_with_another_value_still_fires():
    text = ("全市政府采购实际采购金额 8000.00 万元。\n采购方式情况如下。\n"
            "全市政府采购实际采购金额 8100.00 万元，其中公开招标 5000.00 万元。\n")
    assert px611(text) == [4]


BUDGETS = ("1.一般公共预算收支情况\n一般公共预算收入 900.00 万元，上级补助收入 500.00 万元。\n"
           "2.政府性基金收支情况\n政府性基金收入 80.00 万元，上级补助收入 {v} 万元。\n")


def test_two_budgets_sections_are_two_scopes():
    assert px611(BUDGETS.format(v="300.00")) == []


def test_one_section_restating_its_own_amount_fires():
    text = "1.政府性基金收支情况\n上级补助收入 300.00 万元。\n上级补助收入 350.00 万元。\n"
    assert px611(text) == [4]
