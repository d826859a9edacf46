"""Class 5 of issue 20: the parts of one change against one base (PX640 error, PX645 warning).
Drafts of our own wording; each shape fires where the parts cannot be the whole's and stays quiet
where they can (another base, an unlisted part that may have moved the other way)."""
from perfxl.draft import check_text


def found(text, code):
    return [(f.line, f.expected, f.actual) for f in check_text(text) if f.rule == code]


SPENT = ("2024年度“三公”经费决算 18.60 万元，其中：因公出国(境)费 0 万元，公务用车购置及运行维护费 "
         "10.20 万元，公务接待费 8.40 万元。\n")


def test_a_shortfall_split_into_larger_parts_fires_when_the_missing_part_spent_nothing():
    text = SPENT + ("经比较，2024年度“三公”经费较年初预算数减少 1.50 万元，下降 7.46%。其中：公务用车购置及"
                    "运行维护费 10.20 万元，较年初预算数减少 1.20 万元；公务接待费 8.40 万元，较年初预算数减少 "
                    "0.90 万元。\n")
    assert found(text, "PX640") == [(2, -2.1, -1.5)]


def test_the_same_list_within_the_shortfall_is_quiet():
    text = SPENT + ("经比较，2024年度“三公”经费较年初预算数减少 2.10 万元。其中：公务用车购置及运行维护费"
                    "较年初预算数减少 1.20 万元；公务接待费较年初预算数减少 0.90 万元。\n")
    assert found(text, "PX640") == found(text, "PX645") == []


def test_a_smaller_sum_is_quiet_when_the_missing_part_may_hold_the_rest():
    # 因公出国 spent 0: its shortfall from the budget is its whole budget, which may be 0.40
    text = SPENT + ("2024年度“三公”经费较年初预算数减少 2.50 万元。其中：公务用车购置及运行维护费较年初预算数"
                    "减少 1.20 万元；公务接待费较年初预算数减少 0.90 万元。\n")
    assert found(text, "PX640") == []


def test_an_increase_the_listed_parts_fall_short_of_fires():
    # an unlisted part that spent 0 cannot have risen: the listed rises must make the whole's
    text = SPENT + ("2024年度“三公”经费比上年增加 3.00 万元。其中：公务用车购置及运行维护费比上年增加 1.00 万元；"
                    "公务接待费比上年增加 0.50 万元。\n")
    assert found(text, "PX640") == [(2, 1.5, 3.0)]


def test_unknown_spending_of_the_missing_part_is_no_error():
    text = ("2024年度“三公”经费较年初预算数减少 1.50 万元。其中：公务用车购置及运行维护费较年初预算数"
            "减少 1.20 万元；公务接待费较年初预算数减少 0.90 万元。\n")
    assert found(text, "PX640") == []
    assert found(text, "PX645") == [(1, -2.1, -1.5)]  # the parts exceed it, both going down


PARAGRAPHS = ("本单位2023年“三公”经费支出 640 万元，比预算数减少 {whole} 万元。\n一、因公出国(境)费\n"
              "2023年因公出国(境)费 40 万元，比预算数减少 15 万元。\n二、公务接待费\n"
              "2023年公务接待费 150 万元，比预算数减少 45 万元。\n三、公务用车购置及运行维护费\n"
              "2023年公务用车购置及运行维护费 450 万元，比预算数减少 60 万元。\n")


def test_all_three_parts_in_their_own_paragraphs_must_make_the_whole():
    assert found(PARAGRAPHS.format(whole=140), "PX640") == [(1, -120.0, -140.0)]
    assert found(PARAGRAPHS.format(whole=120), "PX640") == []


def test_parts_against_another_base_are_not_compared():
    text = ("2024年度“三公”经费 20.00 万元，较上年减少 3.00 万元，较预算减少 1.00 万元。其中：公务接待费"
            "较上年减少 2.00 万元；公务用车购置及运行维护费较上年减少 1.00 万元。\n")
    assert found(text, "PX640") == found(text, "PX645") == []


def test_bare_parts_after_the_whole_in_one_sentence():
    text = "会议费较年初预算减少 6.00 万元，其中市内会议减少 4.00 万元，培训会议减少 3.00 万元。\n"
    assert found(text, "PX645") == [(1, -7.0, -6.0)]
    quiet = "会议费较年初预算减少 6.00 万元，其中市内会议减少 4.00 万元，培训会议增加 1.00 万元。\n"
    assert found(quiet, "PX645") == []


def test_sub_parts_in_parentheses_are_not_parts_of_the_whole():
    text = ("“三公”经费 300.00 万元，比上年减少 10.00 万元。其中：因公出国(境)费 0 万元，比上年增加 0 万元；"
            "公务用车购置及运行费 200.00 万元（公务用车购置费 80.00 万元，比上年减少 5.00 万元；运行维护费 "
            "120.00 万元，比上年增加 5.00 万元。）比上年增加 0 万元；公务接待费 100.00 万元，比上年减少 "
            "10.00 万元。\n")
    assert found(text, "PX640") == found(text, "PX645") == []


def test_the_stage_written_after_the_base_is_part_of_it():
    text = ("2024年度“三公”经费较上年决算数减少 3.00 万元。其中：公务接待费较上年预算数减少 2.50 万元；"
            "公务用车购置及运行维护费较上年预算数减少 1.50 万元；因公出国(境)费较上年预算数减少 0.50 万元。\n")
    assert found(text, "PX640") == found(text, "PX645") == []
    same = text.replace("预算数", "决算数")
    assert found(same, "PX640") == [(1, -4.5, -3.0)]


def test_a_list_on_the_next_line_opening_with_qizhong():
    text = SPENT + ("2024年度“三公”经费较年初预算数减少 1.50 万元。\n其中：公务用车购置及运行维护费较年初预算数"
                    "减少 1.20 万元；公务接待费较年初预算数减少 0.90 万元。\n")
    assert found(text, "PX640") == [(2, -2.1, -1.5)]
    assert found(text.replace("减少 1.50", "减少 2.10"), "PX640") == []


def test_bare_parts_after_zhuyao_shi():
    text = "办公费较上年增加 5.00 万元，主要是打印耗材增加 3.50 万元、办公设备维修增加 2.50 万元。\n"
    assert found(text, "PX645") == [(1, 6.0, 5.0)]
    assert found(text.replace("2.50", "1.50"), "PX645") == []


def test_a_breakdown_of_another_year_says_nothing_of_this_year_spending():
    text = SPENT.replace("2024年度", "2023年度") + (
        "2024年度“三公”经费较年初预算数减少 1.50 万元。其中：公务用车购置及运行维护费较年初预算数"
        "减少 1.20 万元；公务接待费较年初预算数减少 0.90 万元。\n")
    assert found(text, "PX640") == []
    assert found(text, "PX645") == [(2, -2.1, -1.5)]
