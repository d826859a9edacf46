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
