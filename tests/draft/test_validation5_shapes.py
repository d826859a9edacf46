"""Issue 20, fifth blind set (parts A and B): the shapes that gave wrong findings, in our own
wording.

Each principle: silence in the shape that was wrong, and the finding where it is certain.
"""
from tests.draft.test_validation3_shapes import found, messages


# --- PX620: a change restated only when it is the change of the same quantity ---------------
# 「各校为 X 元，同口径比上年增长 R%」 names how it is measured (同口径), not what changed: the
# per-pupil figures of each school level are not the county total written again.

LEVELS = ("全区公共财政教育经费为 52000万元，同口径比上年下降 8.40%。\n"
          "其中小学生均公共财政教育经费情况：\n"
          "1.城区小学为 3650.20元，同口径比上年增长 4.10%。\n"
          "2.乡村小学为 4980.75元，同口径比上年下降 2.30%。\n")


def test_per_pupil_levels_are_not_the_total_restated():
    assert found(LEVELS, "PX620") == []


def test_one_named_total_restated_with_another_direction_still_fires():
    text = ("全区公共财政教育经费为 52000万元，比上年减少 8.40%。\n"
            "全区公共财政教育经费比上年增长 6.00%。\n")
    assert found(text, "PX620") == [(3, "error")]


# --- PX601 / PX603: two units in one change, the rate fitting one unit ------------------------
# 「X 万元，比上年的 Y 元减少 R%」 where R is right with Y read in 万元: one unit is a slip, which
# one is unsaid; no direction fix and no rate of several hundred thousand per cent.

UNITS = "全区教育经费总投入为 46000万元，比上年的 50000元减少 {r}%。\n"


def test_a_rate_that_fits_one_unit_leaves_the_pair_unresolved():
    assert found(UNITS.format(r="8.00"), "PX601") == []
    assert found(UNITS.format(r="8.00"), "PX603") == []


def test_a_mixed_unit_pair_fitting_neither_reading_is_checked_as_written():
    # 1.5 万元 = 15000 元 against 9000 元 is a rise (66.67 %); in one unit it would be a fall of
    # 99.98 %: the 25 % written fits neither, so the units as written stand
    text = "差旅费支出 1.5万元，比上年的 9000元减少 25.00%。\n"
    assert found(text, "PX601") == [(2, "error")]


def test_no_rate_of_hundreds_of_thousands_per_cent_is_offered():
    assert not any("%" in m and "0000" in m for m in messages(UNITS.format(r="8.00"), "PX603"))


# --- PX615: listed items that carry their own counts ----------------------------------------
# 「N 个指标，包括 a 个X、b 个Y…」 breaks N down: N is a + b + …, not the number of items.

COUNTS = "年度目标共设 {n} 个三级指标，包括 9 个数量指标、3 个质量指标、两个时效指标、1 个满意度指标。\n"


def test_counts_that_add_to_the_total_are_right():
    assert found(COUNTS.format(n="15"), "PX615") == []


def test_counts_that_do_not_add_to_the_total_fire_with_their_sum():
    assert found(COUNTS.format(n="16"), "PX615") == [(2, "error")]
    assert "15" in messages(COUNTS.format(n="16"), "PX615")[0]


def test_items_without_counts_are_still_counted_as_items():
    assert found("我局特定目标类项目共 3 个，分别为会议经费、培训经费。\n", "PX615") == [(2, "error")]


# --- PX604: a numbered item ends the 其中 of the item before it ------------------------------
# 「1、A x 万元，其中 y 万元；2、B z 万元」: B is A's sibling, not a second part of A.

NUMBERED = ("（一）体育活动经费 700.00万元，其中补助区县 300.00万元。1、运动会 300.00万元，"
            "其中奖励 {p1}万元{p2}；2、健身活动 250.00万元；3、其他活动 150.00万元。\n")


def test_the_next_numbered_item_is_no_part_of_the_item_before():
    assert found(NUMBERED.format(p1="60.00", p2=""), "PX604") == []


def test_parts_of_one_item_exceeding_it_still_fire():
    assert found(NUMBERED.format(p1="180.00", p2="、奖金 200.00万元"), "PX604") == [(2, "warning")]


# --- PX604: a part that holds another part ----------------------------------------------------
# 国家财政性教育经费 holds 一般公共预算教育经费: listed side by side they do not add up.

NESTED = "全县教育经费总投入为 80000万元，其中：{a}68000万元，{b}66000万元。\n"


def test_a_whole_listed_beside_its_own_part_is_no_sum():
    assert found(NESTED.format(a="国家财政性教育经费", b="一般公共预算教育经费"), "PX604") == []


def test_two_sibling_parts_exceeding_the_total_fire():
    assert found(NESTED.format(a="事业收入", b="经营收入"), "PX604") == [(2, "warning")]


# --- PX604 / PX645: a 其中 inside a 其中 ----------------------------------------------------------
# The inner 其中 breaks down the item before it; the item after the inner list is the outer
# list's next part, and the inner items are not counted with their parent.

CARS = ("“三公”经费支出决算为 50.00万元，比上年决算数增加 {up}万元。其中：因公出国（境）费支出决算为"
        " 10.00万元，比上年决算数增加 4.00万元；公务用车购置及运行维护费支出决算为 25.00万元，"
        "比上年决算数增加 5.00万元；其中：公务用车购置支出决算为 0万元，比上年决算数增加 0万元，"
        "公务用车运行维护费支出决算为 25.00万元，比上年决算数增加 5.00万元；公务接待费支出决算为"
        " 15.00万元，比上年决算数增加 {last}万元。\n")


def test_an_inner_list_is_not_added_to_the_outer_one():
    # 4 + 5 + 3 = 12: the inner 0 and 5 are the car item's own
    assert found(CARS.format(up="12.00", last="3.00"), "PX645") == []
    assert found(CARS.format(up="12.00", last="3.00"), "PX604") == []


def test_the_outer_parts_not_adding_to_their_whole_still_fire():
    # 4 + 5 + 6 = 15, not 12: all three parts of “三公”经费 are listed, so it is an error, and the
    # inner items are not in the sum
    said = messages(CARS.format(up="12.00", last="6.00"), "PX640")
    assert len(said) == 1 and "合计增加 15.00 万元" in said[0]
