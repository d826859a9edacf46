"""Issue 20, fifth blind set: the FAIL items it missed, as principles in our own wording.

Each principle: the finding where it is certain, and silence where the figures agree or the
shape is not certain.
"""
from tests.draft.test_validation3_shapes import found, messages


# --- PX672: 「某类学校上年 A，本年 B，同口径比上年增长 R%」 --------------------------------------
# The second amount names only its year, so it is the first one's quantity; 同口径 and
# 「本年比上年」 only restate the pair the sentence has just written.

PAIR = "(2) 乙类学校上年 8000.00 元,本年 8200.00 元,{link}{word}{r}%。\n"


def test_a_rate_against_the_pair_just_written():
    # (8200 − 8000) ÷ 8000 = 2.50 %
    for link in ("同口径比上年", "同口径", "本年比上年", ""):
        assert found(PAIR.format(link=link, word="增长", r="2.50"), "PX672") == []
        assert found(PAIR.format(link=link, word="增长", r="12.50"), "PX672") == [(2, "error")]
    text = messages(PAIR.format(link="同口径比上年", word="增长", r="12.50"), "PX672")[0]
    assert "应为增长 2.50%" in text and "乙类学校上年" in text


def test_a_rise_written_for_a_fall_of_the_pair():
    text = "(3) 丙类学校上年 9000.00 元,本年 7200.00 元,同口径增加 {r}%。\n"
    assert found(text.format(r="4.00"), "PX672") == [(2, "error")]
    assert "减少 1800.00 元" in messages(text.format(r="4.00"), "PX672")[0]
    assert found(text.replace("增加", "下降").format(r="20.00"), "PX672") == []


def test_a_minus_after_the_word_turns_it():
    text = "(4) 丁类学校上年 5000.00 元,本年 4000.00 元,同口径增长-{r}%。\n"
    assert found(text.format(r="20.00"), "PX672") == []  # a fall of 20.00 %
    assert found(text.format(r="8.00"), "PX672") == [(2, "error")]


def test_the_unit_written_once_after_the_pair():
    text = "(5) 托儿所上年 3000,本年 3150.00 元,本年比上年增长 {r}%。\n"
    assert found(text.format(r="5.00"), "PX672") == []
    assert found(text.format(r="51.00"), "PX672") == [(2, "error")]


def test_two_subjects_are_no_pair():
    # the second amount names another quantity: no pair, nothing to compare
    text = "甲类学校上年 8000.00 元,乙类学校本年 9000.00 元,同口径增长 30.00%。\n"
    assert found(text, "PX672") == []


def test_an_unlabelled_amount_before_a_year_amount_is_no_pair():
    # 「共 3000 人，本年 3150.00 元」: the first has no year word; it is not last year's figure
    text = "在校生 3000,本年生均 3150.00 元,本年比上年增长 51.00%。\n"
    assert found(text, "PX672") == []


# --- PX601 / PX603: 「为 B，与上年的 A 同口径相比增 R%」 ---------------------------------------

SAME_BASIS = "2023年全县教育经费为 {b}万元,与上年的 5000万元同口径相比增 {r}%。\n"


def test_a_bare_zeng_before_its_rate_against_a_written_base():
    assert found(SAME_BASIS.format(b="4500", r="10.00"), "PX601") == [(2, "error")]
    assert found(SAME_BASIS.format(b="5500", r="10.00"), "PX601") == []
    assert found(SAME_BASIS.format(b="5500", r="10.00"), "PX603") == []
    assert found(SAME_BASIS.format(b="5500", r="15.00"), "PX603") == [(2, "error")]


def test_same_basis_without_a_written_base_is_another_quantity():
    # 「比上年同口径增长 R%」 after another change: the comparable base is not written; quiet
    text = ("全省收入完成 1500.0亿元,比上年增长 36.6%,增收 402.0亿元,扣除退税因素后,"
            "比上年同口径增长 52.4%。\n")
    assert found(text, "PX620") == []
    assert found(text, "PX603") == []


def test_zeng_fu_names_no_change():
    text = "2023年全县教育经费为 4500万元,与上年的 5000万元相比增幅较大。\n"
    assert found(text, "PX601") == []


# --- PX675: 「A。加上 B、C，以及 D 后，支出总计 T」 -------------------------------------------

PLUS = ("全县一般公共预算支出完成 80.00亿元,下降 5.0%。加上上解支出 2.00亿元、调出资金 0.50亿元,"
        "以及结转下年 {d}亿元后,支出总计 85.00亿元。\n")


def test_a_total_built_by_jia_shang():
    assert found(PLUS.format(d="2.50"), "PX675") == []
    assert found(PLUS.format(d="2.20"), "PX675") == [(2, "error")]
    assert "84.70 亿元" in messages(PLUS.format(d="2.20"), "PX675")[0]


def test_two_possible_bases_are_not_added():
    # 总收入 and its 其中 地方收入 both before 加: which one is added is not written; quiet
    text = ("全区总收入 500万元,其中地方收入 300万元;加上级补助收入 100万元,上年结余收入 50万元,"
            "收入合计 450万元。\n")
    assert found(text, "PX675") == []


def test_a_chain_of_jia_with_its_running_total():
    text = ("全县财政收入 100万元,加上级补助收入 400万元,全县总收入 500万元,加上年结余 20万元,"
            "再加调入资金 5万元,收入总计 525万元。\n")
    assert found(text, "PX675") == []


def test_items_without_their_own_amount_are_not_added():
    text = "全镇一般公共预算支出 1867.48万元。加上结转下年、上解上级支出等 0万元,支出总计 1867.48万元。\n"
    assert found(text.replace("1867.48万元。\n", "1900万元。\n"), "PX675") == []


# --- PX676: one item in 元 among siblings in 万元, under a total in 万元 ------------------------

LIST = ("某馆年初专项经费指标总额为 60万元,其中:\n1、档案整理经费为 30万元,用于装订;\n"
        "2、设备电费指标为 18万元,用于运行;\n3、库房租赁经费为 {x},用于存放。\n")


def test_the_one_item_in_yuan_that_makes_the_total_in_wanyuan():
    assert found(LIST.format(x="12元"), "PX676") == [(5, "error")]
    assert "请把“元”改为“万元”" in messages(LIST.format(x="12元"), "PX676")[0]


def test_quiet_when_the_list_does_not_add_up_either_way():
    assert found(LIST.format(x="10元"), "PX676") == []  # 58 万元: a part may be left out
    assert found(LIST.format(x="12万元"), "PX676") == []  # all in 万元 and right


def test_quiet_when_the_list_goes_on_after_a_note():
    text = LIST.format(x="12元") + "以上经费按季度拨付。\n4、宣传经费为 2万元。\n"
    assert found(text, "PX676") == []


# --- PX677: 「N年年度目标是……」 with another year than the report's ----------------------------

TARGET = ("某所2024年度设备运维经费项目绩效自评报告\n（一）2024年度项目基本情况\n"
          "{y}年年度目标是保障设备正常运行。\n当年年度目标完成情况：已完成。\n")


def test_the_target_of_another_year_in_the_report_is_a_warning():
    assert found(TARGET.format(y="2023"), "PX677", head="") == [(3, "warning")]
    assert "请改为“2024年”" in messages(TARGET.format(y="2023"), "PX677", head="")[0]
    assert found(TARGET.format(y="2024"), "PX677", head="") == []


def test_quiet_when_the_opening_lines_name_the_other_year_too():
    text = "发文日期：2023年12月\n" + TARGET.format(y="2023")
    assert found(text, "PX677", head="") == []
