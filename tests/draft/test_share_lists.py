"""Issue 20: a list of shares written only as 「占 R%」, whose whole is named before the list or
is the amount the listed parts add to (``perfxl.draft.share_lists``), in our own wording."""
from perfxl.draft import check_text


def px605(text, head="2022年机关单位决算说明\n"):
    return [(f.line, f.message) for f in check_text(head + text) if f.rule == "PX605"]


# --- the whole named by 「…的具体构成为:」 --------------------------------------------------

MAKEUP = ("本年收入合计 500.00 万元,比上年增加 20.00 万元。\n"
          "本年收入的具体构成为:财政拨款收入 {a} 万元,占 {r} %;事业收入 0 万元,占 0 %。\n")


def test_a_full_share_of_a_smaller_part_fires():
    got = px605(MAKEUP.format(a="450.00", r="100"))
    assert len(got) == 1 and got[0][0] == 3
    assert "450.00 万元 ÷ 500.00 万元 = 90%" in got[0][1]


def test_a_full_share_of_the_whole_amount_stays_quiet():
    assert px605(MAKEUP.format(a="500.00", r="100")) == []


def test_a_named_whole_with_two_values_stays_quiet():
    # 本年收入 is given two values: which one the list is of is not certain
    text = "本年收入合计 480.00 万元。\n" + MAKEUP.format(a="450.00", r="100")
    assert px605(text) == []


def test_a_list_without_a_named_whole_and_incomplete_shares_stays_quiet():
    text = "本年收入合计 500.00 万元。\n财政拨款收入 450.00 万元,占 100 %;事业收入 30.00 万元,占 6 %。\n"
    assert px605(text) == []


# --- a complete list: the shares add to 100 %, the parts to the amount just before ---------

SPLIT = ("“三公”经费支出决算为 2.50 万元,比预算减少 0.50 万元。\n"
         "“三公”经费支出决算中,公务接待费 0.75 万元,占{r1}%;公务用车运行维护费 1.75 万元,占{r2}%。\n")


def test_two_swapped_shares_each_fire_against_their_own_part():
    got = px605(SPLIT.format(r1="70", r2="30"))
    assert [line for line, _m in got] == [3, 3]
    assert "0.75 万元 ÷ 2.50 万元 = 30%" in got[0][1]
    assert "1.75 万元 ÷ 2.50 万元 = 70%" in got[1][1]


def test_shares_in_their_right_order_stay_quiet():
    assert px605(SPLIT.format(r1="30", r2="70")) == []


def test_parts_that_do_not_make_the_amount_before_stay_quiet():
    # 0.75 + 1.50 = 2.25 is no amount written before: the whole is not certain
    text = SPLIT.format(r1="70", r2="30").replace("1.75 万元", "1.50 万元")
    assert px605(text) == []


def test_shares_that_do_not_add_to_a_hundred_stay_quiet():
    assert px605(SPLIT.format(r1="70", r2="20")) == []
