"""Issue 20, third blind set: four shapes that gave wrong findings, in our own wording.

Each fix: silence in the shape that was wrong, and the finding where it is certain.
"""
from perfxl.draft import check_text


def found(text, rule, head="2023年单位决算说明\n"):
    return [(f.line, f.level) for f in check_text(head + text) if f.rule == rule]


def messages(text, rule, head="2023年单位决算说明\n"):
    return [f.message for f in check_text(head + text) if f.rule == rule]


# --- PX605: a share naming 收入合计, after an amount with its own parenthetical 其中 ---------

INCOME = ("本年收入合计 1000.00 万元;包括财政拨款收入 700.00 万元(其中,一般公共预算 640.00 万元,"
          "政府性基金预算 60.00 万元),占收入合计 {r1}%;事业收入 300.00 万元,占收入合计 {r2}%。\n")


def test_a_share_of_the_named_sum_is_not_of_the_parenthetical_parent():
    # 700 ÷ 1000 = 70 %, 300 ÷ 1000 = 30 %: right; against 700 they would be 8.57 % and 42.86 %
    assert found(INCOME.format(r1="70.00", r2="30.00"), "PX605") == []


def test_a_share_after_a_parenthesis_is_of_the_amount_before_it():
    text = ("支出合计 1000.00 万元,其中基本支出 600.00 万元(其中人员经费 450.00 万元、"
            "公用经费 150.00 万元),占支出合计的 {r}%。\n")
    assert found(text.format(r="60.00"), "PX605") == []
    wrong = messages(text.format(r="65.00"), "PX605")
    assert len(wrong) == 1 and "600.00 万元 ÷ 1000.00 万元 = 60.00%" in wrong[0]


# --- PX601: a whole 万元 compared with a figure written with decimals ----------------------

def test_a_whole_wan_beside_a_decimal_prior_is_exact():
    # 7 万元 written whole is 6.5 to 7.5 when rounded, but beside 7.4 it is exact: 减少 is right
    text = "会议费为 7万元,较上年 7.4 减少 0.4 万元,下降 5.41%。\n"
    assert found(text, "PX601") == []


def test_the_wrong_direction_against_a_decimal_prior_still_fires():
    text = "会议费为 7万元,较上年 7.4 增加 0.4 万元。\n"
    assert found(text, "PX601") == [(2, "error")]


def test_a_whole_wan_pair_within_its_rounding_may_be_flat():
    # 9 万元 and 9 万元 written whole: 持平 is right, 减少 is not
    assert found("差旅费 9万元,与上年 9万元持平。\n", "PX601") == []
    assert found("差旅费 9万元,较上年 9万元减少。\n", "PX601") == [(2, "error")]


# --- PX615: a 、 inside parentheses lists the parts of one item -----------------------------

def test_parts_in_parentheses_are_one_item():
    text = "本会设 3 个科室,即综合科(财务组、档案组)、业务科、宣传科(信息中心)。\n"
    assert found(text, "PX615") == []


def test_a_list_matching_neither_count_still_fires():
    # 3 items, 4 with the parts in parentheses: 5 is neither
    text = "本会设 5 个科室,即综合科(财务组、档案组)、业务科、宣传科。\n"
    assert found(text, "PX615") == [(2, "error")]


# --- PX610: last year's figure set beside this year's on purpose ---------------------------

TWO_YEARS = ("某县2023年的公务接待费决算数合计为 12.40 万元,其中国内接待 12.40 万元。"
             "{y}年的公务接待费决算数合计为 15.10 万元,其中国内接待 15.10 万元。\n")


def test_last_year_beside_this_year_is_quiet():
    assert found(TWO_YEARS.format(y=2022), "PX610", head="2023年度部门决算说明\n") == []


def test_last_year_alone_still_warns():
    text = "2022年的公务接待费决算数合计为 15.10 万元,其中国内接待 15.10 万元。\n"
    assert found(text, "PX610", head="2023年度部门决算说明\n") == [(2, "warning")]


def test_another_quantity_of_this_year_does_not_excuse_it():
    text = ("2023年的会议费决算数为 3.20 万元。"
            "2022年的公务接待费决算数合计为 15.10 万元,其中国内接待 15.10 万元。\n")
    assert found(text, "PX610", head="2023年度部门决算说明\n") == [(2, "warning")]
