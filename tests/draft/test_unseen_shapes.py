"""Issue 20: the general failure shapes a blind validation set found, in our own wording.

Each shape: the finding where it is certain, silence in the failure shape, and near misses.
"""
from perfxl.draft import check_text
from perfxl.draft.numbers import figures

HEAD = "2023年财政收支情况\n"


def found(text, rule):
    return [(f.line, f.level) for f in check_text(HEAD + text) if f.rule == rule]


def messages(text, rule):
    return [f.message for f in check_text(HEAD + text) if f.rule == rule]


# --- PX605: the whole's identity -------------------------------------------------------------

NAMED_OVER_PARENT = ("全年政府采购支出总额 5000.00 万元。\n授予中小企业合同金额 2000.00 万元，"
                     "其中，授予小型企业合同金额 {part} 万元，占政府采购支出总额的 {r}%。\n")


def test_a_named_whole_beats_the_qizhong_parent():
    # 600 ÷ 5000 = 12.0 %: right against the named whole (it would be 30 % of the 其中 parent)
    assert found(NAMED_OVER_PARENT.format(part="600.00", r="12.0"), "PX605") == []


def test_a_named_whole_that_is_certain_still_fires():
    assert found(NAMED_OVER_PARENT.format(part="600.00", r="13.0"), "PX605") == [(3, "error")]


def test_the_qizhong_parent_named_by_the_share_fires():
    text = "本年收入合计 800.00 万元，其中财政拨款收入 600.00 万元，占收入合计的 70.00%。\n"
    assert found(text, "PX605") == [(2, "error")]


PROVINCE_CITY = ("全省一般公共预算支出 2000.0 亿元，增长 5.0%。\n"
                 "{city}全市一般公共预算支出完成 150.0 亿元。其中，教育支出 30.0 亿元，"
                 "占一般公共预算支出的 {r}%。\n")


def test_a_city_paragraph_under_a_province_total_is_quiet():
    # 30 ÷ 150 = 20 % (the city's); against the province's 2000 it would be 1.5 %
    assert found(PROVINCE_CITY.format(city="东川市", r="20.0"), "PX605") == []


def test_same_area_whole_named_once_fires():
    text = ("全县一般公共预算支出 40.0 亿元。\n"
            "全县教育支出 8.0 亿元，占一般公共预算支出的 25.0%。\n")
    assert found(text, "PX605") == [(3, "error")]


def test_a_named_whole_given_two_values_is_no_finding_when_either_fits():
    text = ("一般公共预算支出 40.0 亿元。\n一般公共预算支出 32.0 亿元。\n"
            "教育支出 8.0 亿元，占一般公共预算支出的 25.0%。\n")
    assert found(text, "PX605") == []


def test_a_whole_named_by_nothing_known_is_quiet():
    text = "项目支出 100.00 万元，占政府性基金支出的 50.00%。\n"
    assert found(text, "PX605") == []


# --- rounding of amounts -------------------------------------------------------------------

def test_a_share_within_the_rounding_of_whole_wan_amounts_is_quiet():
    # 741 ÷ 1660 = 44.64 %, but 741.5 ÷ 1659.5 = 44.68 % rounds to 44.7 %
    text = "截至5月底，全县累计完成税收收入 741 万元，占年初预算 1660 万元的 44.7%。\n"
    assert found(text, "PX605") == []


def test_a_share_outside_that_rounding_fires_with_the_text_s_digits():
    text = "截至5月底，全县累计完成税收收入 741 万元，占年初预算 1660 万元的 46.6%。\n"
    assert found(text, "PX605") == [(2, "error")]
    (msg,) = messages(text, "PX605")
    assert "请改为 44.6%" in msg


def test_whole_yuan_amounts_stay_exact():
    text = "本年收入合计 1660 元，其中财政拨款 741 元，占收入合计的 44.7%。\n"
    assert found(text, "PX605") == [(2, "error")]


def test_a_whole_wan_amount_beside_decimals_is_exact():
    # 9 beside 15.6: the writer shows decimals where there are any, so 9 is 9.0
    text = "其中:会议费2024年预算9万元,2023年预算15.6万元;对比减少6.6万元;减少率40.12%。\n"
    assert found(text, "PX603") == [(2, "error")]


def test_a_change_rate_fix_has_the_text_s_digits():
    text = "一般公共预算收入 93.1 亿元，比上年 96.0 亿元下降 2.9 亿元，下降 1.5%。\n"
    (msg,) = messages(text, "PX603")
    assert "请改为 下降 3.0%" in msg


# --- numerals with 万 inside a figure -------------------------------------------------------

def test_wan_inside_a_figure_is_read_whole():
    t = "全国政府采购规模为3万1234.5亿元,其中货物类1万2345.6亿元。"
    got = [(str(f.value), f.unit) for f in figures(t, 0, len(t)) if f.money]
    assert got == [("31234.5", "亿"), ("12345.6", "亿")]


def test_a_doubtful_wan_figure_gives_no_figure():
    t = "规模为3万123亿元。"
    assert [f for f in figures(t, 0, len(t)) if f.money] == []


def test_share_of_wan_inside_figures():
    text = "全国政府采购规模为3万1234.5亿元,其中货物类采购规模1万2345.6亿元,占全国政府采购规模的{r}%。\n"
    assert found(text.format(r="39.5"), "PX605") == []  # 12345.6 ÷ 31234.5 = 39.52 %
    assert found(text.format(r="42.5"), "PX605") == [(2, "error")]


# --- PX604: change amounts are not parts -----------------------------------------------------

def test_change_amounts_after_parts_are_not_parts():
    text = ("全区财政收入 512.4 亿元，其中，国内税收 400.0 亿元，增长 8.1%，增收 30.2 亿元，"
            "非税收入 112.4 亿元，下降 2.0%，减收 2.3 亿元。\n")
    assert found(text, "PX604") == []


def test_one_part_and_its_change_amount_are_no_breakdown():
    text = "全县一般公共预算支出 300.5 亿元，其中，民生支出 250.0 亿元，增长 10.0%，增支 22.7 亿元。\n"
    assert found(text, "PX604") == []


def test_parts_that_miss_their_total_still_warn_beside_changes():
    text = ("全区财政收入 512.4 亿元，其中，国内税收 400.0 亿元，增长 8.1%，增收 30.2 亿元，"
            "非税收入 102.4 亿元，下降 2.0%，减收 2.3 亿元。\n")
    assert found(text, "PX604") == [(2, "warning")]


# --- PX611: a paragraph that opens with its item is another scope -----------------------------

ITEM = ("截至10月底，全年共完成水利建设投资 800.0 亿元，\n完成地方投资 467.1 亿元，完成率 54.1%。\n"
        "      骨干灌区工程已完成年度投资 346.4 亿元，其中完成中央投资 47.5 亿元，\n"
        "完成地方投资 {x} 亿元，完成率 50.1%。\n")


def test_an_item_paragraph_s_amount_is_not_the_plan_s():
    assert found(ITEM.format(x="298.9"), "PX611") == []


def test_one_item_restated_with_two_values_fires():
    text = ITEM.format(x="298.9") + "骨干灌区工程中，完成地方投资 299.9 亿元。\n"
    assert found(text, "PX611") == [(6, "error")]


def test_one_quantity_before_any_item_paragraph_still_fires():
    text = "完成地方投资 467.1 亿元。\n完成地方投资 476.1 亿元，完成率 54.1%。\n"
    assert found(text, "PX611") == [(3, "error")]


def test_an_implied_base_keeps_the_finer_decimals():
    # 36,399 + 571.6 = 36970.6; 571.6 ÷ 36970.6 = 1.55 % -> 1.5 %, written 1.7 %
    text = "全国政府采购规模为36,399亿元,较上年减少571.6亿元,下降1.7%。\n"
    (msg,) = messages(text, "PX603")
    assert "36970.6 亿元" in msg and "请改为 下降 1.5%" in msg
