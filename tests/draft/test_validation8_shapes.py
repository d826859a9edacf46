"""Issue 20, sixth blind set (part B): the misses, in our own wording.

Each principle: the finding where it is certain, and silence in the shapes it must not reach.
"""
from tests.draft.test_validation3_shapes import found, messages


# --- PX604: a total whose own name says what its parts are (「A及B」) ------------------------
# 「公务用车购置及运行维护费 T。其中:」 and then one unnumbered line per part: the name of the
# total lists its parts, so a shortfall is certain.

CAR = ("二、公务用车购置及运行维护费支出 6.50万元。其中:\n"
       "公务用车购置支出 {a}万元,本年未购置车辆。\n"
       "公务用车运行维护支出 {b}万元,主要用于下乡检查的燃油和保险。\n")


def test_the_two_named_parts_that_fall_short_of_their_total_fire():
    assert found(CAR.format(a="0", b="2.10"), "PX604") == [(2, "warning")]


def test_the_two_named_parts_that_make_their_total_stay_quiet():
    assert found(CAR.format(a="0", b="6.50"), "PX604") == []


def test_lines_that_are_not_the_parts_the_name_gives_are_not_read():
    text = ("二、公务用车购置及运行维护费支出 6.50万元。其中:\n"
            "燃油费 1.20万元,用于下乡检查。\n"
            "保险费 0.80万元,按年缴纳。\n")
    assert found(text, "PX604") == []


def test_a_total_whose_name_lists_no_parts_is_not_completed_by_its_lines():
    text = ("二、办公费支出 6.50万元。其中:\n"
            "公务用车购置支出 0万元,本年未购置车辆。\n"
            "公务用车运行维护支出 2.10万元,用于下乡检查。\n")
    assert found(text, "PX604") == []


# --- PX673: shares after 「<whole>中,」 read like those after 其中 ----------------------------

WHOLE_IN = ("本年度“三公”经费支出决算中,因公出国(境)费支出 0万元,占 0.00%;"
            "公务用车购置及运行维护费支出 3.00万元,占 {r1}%;公务接待费支出 2.00万元,占 {r2}%。\n")


def test_shares_after_a_whole_with_zhong_past_100_fire():
    assert found(WHOLE_IN.format(r1="75.00", r2="45.00"), "PX673") == [(2, "error")]


def test_shares_after_a_whole_with_zhong_within_100_stay_quiet():
    assert found(WHOLE_IN.format(r1="60.00", r2="40.00"), "PX673") == []


def test_shares_after_a_whole_with_zhong_of_two_classifications_stay_quiet():
    text = ("本年支出决算中,财政拨款支出 80.00万元,占 80.00%;"
            "项目支出 30.00万元,占 30.00%。\n")
    assert found(text, "PX673") == []


def test_a_sentence_not_opening_with_the_whole_stays_quiet():
    text = ("按类别看,因公出国(境)费支出 0万元,占 0.00%;"
            "公务用车购置及运行维护费支出 3.00万元,占 75.00%;公务接待费支出 2.00万元,占 45.00%。\n")
    assert found(text, "PX673") == []


# --- PX605: a complete list of shares of a named whole the draft gives no amount --------------
# The shares add to 100 %, so the parts are all of the whole; when they add to exactly one
# amount written lines up (under another name), that amount is the whole.

NAMED = ("本年实际完成采购金额 50.00亿元,节约资金 2.00亿元。\n"
         "从采购层级看,省级采购 {a}亿元,占采购总量的 {r1}%;市县级采购 {b}亿元,占采购总量的 {r2}%。\n")


def test_shares_of_a_named_whole_made_by_an_earlier_amount_fire():
    assert found(NAMED.format(a="20.00", b="30.00", r1="30.00", r2="70.00"), "PX605") == [
        (3, "error"), (3, "error")]


def test_right_shares_of_a_named_whole_stay_quiet():
    assert found(NAMED.format(a="20.00", b="30.00", r1="40.00", r2="60.00"), "PX605") == []


def test_parts_that_make_no_earlier_amount_leave_the_whole_unknown():
    assert found(NAMED.format(a="20.00", b="25.00", r1="30.00", r2="70.00"), "PX605") == []


def test_shares_short_of_100_may_be_only_some_parts():
    assert found(NAMED.format(a="20.00", b="30.00", r1="30.00", r2="60.00"), "PX605") == []


def test_another_area_named_between_leaves_the_whole_unknown():
    text = ("本年实际完成采购金额 50.00亿元。\n"
            "东川市从采购层级看,市级采购 20.00亿元,占采购总量的 30.00%;"
            "县级采购 30.00亿元,占采购总量的 70.00%。\n")
    assert found(text, "PX605") == []


def test_a_named_whole_with_its_own_amount_is_left_to_the_name():
    text = ("本年实际完成采购金额 50.00亿元,采购总量 60.00亿元。\n"
            "从采购层级看,省级采购 20.00亿元,占采购总量的 30.00%;"
            "市县级采购 30.00亿元,占采购总量的 70.00%。\n")
    # decided by the name look-up (60.00), never by the amount the parts make (50.00)
    assert not any("50.00" in m for m in messages(text, "PX605"))
