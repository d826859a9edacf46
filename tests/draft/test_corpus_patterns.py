"""Patterns met in the development corpus (benchmarks/corpus/manifest.toml), each in our own
words: a draft where the rule must stay quiet (the figures are right, or they are different
quantities) and one where it must fire.  Issue 20: precision first."""
from __future__ import annotations

from perfxl.draft import check_text

HEAD = "2024年度单位预算公开说明\n\n"


def found(text, rule=None):
    out = [f for f in check_text(HEAD + text) if f.level == "error" or rule]
    return [(f.rule, f.line) for f in out if rule is None or f.rule == rule]


# --- a numbered line cut at the page width (PDF text pasted as .txt) -----------------------

WRAPPED = ("(三)教育支出类科目 52310.40 元,占支出总\n"
           "预算 12.10%,同比增加 6310.40 元,增长 {rate}%。\n")


def test_wrapped_numbered_line_is_read_with_its_next_line():
    # 6310.40 ÷ (52310.40 − 6310.40) = 13.72%; 12.06% is the change over this year's figure
    assert found(WRAPPED.format(rate="12.06"), "PX603") == [("PX603", 3)]


def test_wrapped_numbered_line_right_rate_is_quiet():
    assert found(WRAPPED.format(rate="13.72")) == []


def test_numbered_title_is_not_joined_to_the_next_line():
    # a title (no clause mark) must not become the subject of the figures below it
    text = "(一)一般公共预算支出总体情况\n一般公共预算支出 300 万元,较上年增加 30 万元,增长 11.11%。\n"
    assert found(text) == []


# --- one name, two areas: a city, its own level, its own level without a zone --------------

AREAS = ("1.全县一般公共预算收支\n"
         "全县一般公共预算收入 60.5 亿元。加上调入资金 12.4 亿元,收入总计 72.9 亿元。\n"
         "2.县本级一般公共预算收支\n"
         "县本级一般公共预算收入 31.2 亿元。加上调入资金 {x} 亿元,收入总计 39.7 亿元。\n")


def test_same_name_in_two_areas_is_two_quantities():
    assert found(AREAS.format(x="8.5")) == []


def test_same_area_restated_differently_fires():
    text = ("2.县本级一般公共预算收支\n县本级一般公共预算收入 31.2 亿元,调入资金 8.5 亿元。\n"
            "县本级收入总计 39.7 亿元,其中调入资金 9.5 亿元。\n")
    assert ("PX611", 5) in found(text)


def test_change_of_one_name_in_two_areas_is_quiet():
    text = ("1.全县一般公共预算收支\n全县财力安排支出 96.0 亿元,比上年预算数增长 6.2%。\n"
            "2.县本级一般公共预算收支\n县本级财力安排支出 41.3 亿元,比上年预算数增长 9.8%。\n")
    assert found(text) == []


def test_change_of_one_name_restated_in_one_area_fires():
    text = ("县本级财力安排支出 41.3 亿元,比上年预算数增长 9.8%。\n"
            "县本级财力安排支出 41.3 亿元,比上年预算数增长 8.9%。\n")
    assert found(text, "PX620") == [("PX620", 4)]


# --- a part listed after a sentence that is only 「其中:」 belongs to its paragraph's amount -----

PARTS = ("1. 基本支出预算 640000.00 元,同比减少 12000.00 元。其中:\n"
         "工资福利支出预算 520000.00 元,同比减少 9000.00 元。\n"
         "商品和服务支出预算 120000.00 元,同比减少 3000.00 元。\n"
         "2. 项目支出预算 35000.00 元,同比减少 5000.00 元。其中:\n"
         "商品和服务支出预算 {x} 元,同比减少 5000.00 元。\n")


def test_same_part_name_under_two_parents_is_quiet():
    assert found(PARTS.format(x="35000.00")) == []


def test_same_part_restated_under_one_parent_fires():
    text = ("1. 基本支出预算 640000.00 元。其中:\n商品和服务支出预算 120000.00 元。\n"
            "工资福利支出预算 520000.00 元。\n商品和服务支出预算 121000.00 元,用于日常运转。\n")
    assert ("PX611", 6) in found(text)


# --- a share of amounts rounded to one decimal ------------------------------------------------

def test_share_within_the_rounding_of_its_amounts_is_quiet():
    # 38.2 ÷ 45.3 = 84.33%, but 38.15 ÷ 45.35 … 38.25 ÷ 45.25 spans 84.12% … 84.53%
    assert found("税费收入 45.3 亿元,其中营业税费 38.2 亿元,占税费收入的 84.4%。") == []


def test_share_outside_the_rounding_of_its_amounts_fires():
    assert found("税费收入 45.3 亿元,其中营业税费 38.2 亿元,占税费收入的 86.4%。",
                 "PX605") == [("PX605", 3)]


# --- 「主要…:」 itemises the part before it, not the total ----------------------------------

NESTED = ("县本级一般公共预算支出安排 52.0 亿元。其中:财力安排支出 40.0 亿元,主要支出事项:教育支出"
          " 9.5 亿元、卫生健康支出 6.0 亿元、农林水支出 {x} 亿元等;上级专项安排支出 12.0 亿元。\n")


def test_items_of_a_part_are_not_summed_with_the_parts():
    assert [f.rule for f in check_text(HEAD + NESTED.format(x="3.1"))] == []


def test_parts_that_do_not_add_up_still_warn():
    text = "县本级一般公共预算支出安排 52.0 亿元。其中:财力安排支出 40.0 亿元,上级专项安排支出 13.0 亿元。\n"
    assert [f.rule for f in check_text(HEAD + text)] == ["PX604"]


# --- one part name breaking down several totals names a share of each ----------------------

SPLITS = ("一般公共预算拨款支出 880000.00 元,其中:基本支出 850000.00 元,项目支出 30000.00 元。\n"
          "行政运行 700000.00 元,其中:基本支出 700000.00 元,项目支出 0 元。\n"
          "业务专项 30000.00 元,其中:基本支出 0 元,项目支出 30000.00 元。\n"
          "住房公积金 150000.00 元,其中:基本支出 150000.00 元,项目支出 0 元。\n")


def test_parts_of_several_totals_are_not_one_quantity():
    assert found(SPLITS) == []


def test_part_of_one_total_restated_differently_fires():
    text = SPLITS + "行政运行 700000.00 元,其中:基本支出 690000.00 元,项目支出 10000.00 元。\n"
    assert ("PX611", 7) in found(text)


# --- 「增长 R%，增收 C」: the amount of the change written after its rate ----------------------

def test_rate_then_amount_of_the_change_fires_when_they_disagree():
    # 3,120 ÷ (41,600 − 3,120) = 8.11%, not 7.5%
    assert found("县级税收收入完成41,600万元,同比增长7.5%,增收3,120万元。",
                 "PX603") == [("PX603", 3)]


def test_rate_then_amount_of_the_change_quiet_when_they_agree():
    assert found("县级税收收入完成41,600万元,同比增长8.11%,增收3,120万元。") == []


# --- two year-labelled amounts, then a bare 「对比减少 C；减少率 R」 --------------------------

def test_two_years_then_a_bare_comparison_is_checked():
    # 15.6 − 9 = 6.6 and 6.6 ÷ 15.6 = 42.31%; the text's rate does not fit its own figures
    text = "其中:1、会议费2024年预算9万元,2023年预算15.6万元;对比减少6.6万元;减少率40.12%。"
    assert found(text, "PX603") == [("PX603", 3)]


def test_two_years_then_a_bare_comparison_right_is_quiet():
    text = "其中:1、会议费2024年预算9万元,2023年预算15.6万元;对比减少6.6万元;减少率42.31%。"
    assert found(text) == []


def test_last_year_amount_beside_this_years_is_no_year_label_error():
    # the sentence states both years' figures: the 2023 one is last year's on purpose
    text = "2024年会议费预算拨入33万元,2023年会议费预算拨入57.55万元,与上年对比减少24.55万元。"
    assert found(text) == []


# --- a share whose whole is stated only later in the draft -----------------------------------

LATER = ("1. 工资福利支出预算 610000.00 元,占基本支出预算 {r}%。\n"
         "2. 商品和服务支出预算 90000.00 元。\n"
         "六、一般公共预算基本支出情况说明\n"
         "2024 年一般公共预算基本支出 700000.00 元,其中:人员经费 610000.00 元,公用经费 90000.00 元。\n")


def test_share_of_a_whole_stated_later_fires():
    # 610000 ÷ 700000 = 87.14%
    assert found(LATER.format(r="86.14"), "PX605") == [("PX605", 3)]


def test_share_of_a_whole_stated_later_right_is_quiet():
    assert found(LATER.format(r="87.14")) == []


def test_share_of_a_whole_given_two_values_is_quiet():
    # the draft gives 基本支出 two values: which one the share means is not known
    text = LATER.format(r="86.14") + "另:基本支出 720000.00 元(含结转)。\n"
    assert found(text) == []


def test_share_of_the_expenditure_total_named_as_the_balanced_budget():
    # a budget's 收支总预算 is its 支出总预算: 51700 ÷ 940000 = 5.50%
    text = ("(三)卫生健康支出类科目 51700.00 元,占支出总预算 5.40%。\n"
            "四、财政拨款收支预算总体情况说明\n2024 年财政拨款收支总预算 940000.00 元。\n")
    assert found(text, "PX605") == [("PX605", 3)]
    assert found(text.replace("5.40%", "5.50%")) == []


# --- 「各是 A,B 万元…各减少 C,D 万元,各下降 R1%、R2%」: two subjects at once ---------------------

EACH = ("2024年度收、支总计各是2410.30,2388.60万元。与2023年相比,收、支总计各减少"
        "410.30,611.40万元,各下降14.55%、{r}%。\n")


def test_respective_changes_fire_on_the_wrong_rate():
    # 611.40 ÷ (2388.60 + 611.40) = 20.38%
    assert found(EACH.format(r="20.83"), "PX603") == [("PX603", 3)]


def test_respective_changes_right_are_quiet():
    assert found(EACH.format(r="20.38")) == []


# --- a sentence that opens with a bare amount (a page cut before its name) -------------------

def test_parts_after_a_bare_amount_are_not_the_units_amounts():
    # 「…23100.50 元,项目支出 0 元」 breaks down a line whose name is on the page before
    text = ("23100.50 元,项目支出 25000 元。主要用于人员经费保障。\n"
            "2. 项目支出 52000 元,同比增加 3000 元。\n")
    assert found(text) == []


def test_the_units_amount_restated_still_fires():
    text = "项目支出 25000 元。主要用于人员经费保障。\n2. 项目支出 52000 元,同比增加 3000 元。\n"
    assert ("PX611", 4) in found(text)


def test_a_qizhong_list_ends_at_the_next_numbered_heading():
    # 基本支出's list ends at 「2.」: the 商品和服务支出 after it is no part of 基本支出
    text = ("1. 基本支出预算 640000.00 元。其中:\n商品和服务支出预算 120000.00 元。\n"
            "2. 项目支出预算 35000.00 元。\n商品和服务支出预算 35000.00 元。\n")
    assert found(text) == []


def test_a_part_restated_inside_its_list_fires():
    text = ("1. 基本支出预算 640000.00 元。其中:\n商品和服务支出预算 120000.00 元。\n"
            "商品和服务支出预算 121000.00 元。\n2. 项目支出预算 35000.00 元。\n")
    assert ("PX611", 5) in found(text)


# --- a section titled with last year: its figures are last year's on purpose ----------------

def test_last_years_figures_under_a_heading_naming_that_year_are_quiet():
    text = "二、2023年“三公”经费决算情况\n2023年度“三公”经费合计支出18.40万元。\n"
    assert [f.rule for f in check_text(HEAD + text)] == []


def test_last_years_figure_without_such_a_heading_still_warns():
    text = "二、“三公”经费决算情况\n2023年度“三公”经费合计支出18.40万元。\n"
    assert [f.rule for f in check_text(HEAD + text)] == ["PX610"]


# --- 「一般公共预算…支出」 is spending: its 预算 is the fund's name, not the budget stage ---------

SPLIT_BY_STAGE = ("2024年度本部门一般公共预算财政拨款安排的“三公”经费支出3.10万元,年初预算为4.00万元,"
                  "差值为0.90万元。其中:公务用车运行维护费支出0.00万元,年初预算为0.90万元;"
                  "公务接待费支出{x}万元,年初预算为3.10万元。\n")


def test_parts_go_to_the_total_of_their_stage():
    assert [f.rule for f in check_text(HEAD + SPLIT_BY_STAGE.format(x="3.10"))] == []


def test_parts_of_one_stage_that_do_not_add_up_still_warn():
    assert [f.rule for f in check_text(HEAD + SPLIT_BY_STAGE.format(x="2.80"))] == ["PX604"]


# --- several totals of one kind before one 其中: the parts are the nearest one's -------------

LINES = ("2024年度部门“三公”经费决算总额 950 万元。分项是:因公出国(境)经费决算 40 万元;"
         "公务接待费决算 310 万元;公务用车购置及运行费决算 600 万元,其中:公务用车购置费决算 {a} 万元,"
         "公务用车运行费决算 420 万元。\n")


def test_parts_belong_to_the_nearest_total_of_their_kind():
    assert [f.rule for f in check_text(HEAD + LINES.format(a="180"))] == []


def test_parts_that_miss_the_nearest_total_still_warn():
    assert [f.rule for f in check_text(HEAD + LINES.format(a="190"))] == ["PX604"]


# --- a full stop inside parentheses does not end the sentence; a 其中 inside them ends there --

PAREN = ("2024年本部门“三公”经费 402.4 万元。其中:因公出国(境)费 0 万元;公务用车购置及运行费 400.00 万元"
         "(购置费 100.00 万元;运行维护费 300.00 万元。)较上年持平;公务接待费 {x} 万元。\n")


def test_a_full_stop_before_a_closing_parenthesis_keeps_the_list_whole():
    assert [f.rule for f in check_text(HEAD + PAREN.format(x="2.40"))] == []


def test_the_whole_list_that_misses_its_total_still_warns():
    assert [f.rule for f in check_text(HEAD + PAREN.format(x="3.40"))] == ["PX604"]


def test_a_qizhong_inside_parentheses_breaks_down_the_amount_before_them_only():
    text = ("专项计划预算数 13亿7,800万元(其中3.5亿元用于园区整修),执行数 9亿2,000万元,"
            "执行率 66.76%。\n")
    assert [f.rule for f in check_text(HEAD + text) if f.rule == "PX604"] == []


# --- 「A、B和C分别为 a、b和c,占…的 r1、r2和r3」: shares paired in order ------------------------

LISTED = ("2024年全市政府采购规模为 2107.05 亿元。货物类、工程类和服务类采购金额分别为 657.14 亿元、"
          "1115.52 亿元和 334.39 亿元,占全市政府采购规模的比重为 31.2%、52.9%和{r}%。\n")


def test_listed_shares_paired_in_order_are_quiet_when_right():
    assert found(LISTED.format(r="15.9")) == []


def test_listed_shares_paired_in_order_fire_on_the_wrong_one():
    got = [f for f in check_text(HEAD + LISTED.format(r="16.9")) if f.rule == "PX605"]
    assert [(f.line, round(f.expected, 2)) for f in got] == [(3, 15.87)]


def test_a_change_amount_is_no_part_of_a_share_even_with_garbled_digits():
    text = ("全市工程类采购规模为 1363.04 亿元,较上年增加24d7.52 亿元,增长 22.2%,"
            "占全市政府采购规模的 53%。全市政府采购规模为 2573.14 亿元。\n")
    assert [f.rule for f in check_text(HEAD + text) if f.rule == "PX605"] == []


# --- monthly reports: 占年初预算的 (a completion rate), a list that goes on past its parts,
#     当月 and 累计 amounts --------------------------------------------------------------

MONTH = ("截至3月31日,全区完成财政收入21000万元,占年初预算的26.3%。其中,国税完成9000万元,"
         "占年初预算的{r}%;地税完成12000万元,占年初预算的28.0%;实现地方一般预算收入{x}万元。\n")


def test_a_share_of_its_own_budget_is_no_share_of_the_total():
    # 9000 ÷ 21000 = 42.86%, but 25.0% is 国税's completion of its own budget
    assert found(MONTH.format(r="25.0", x="14100")) == []


def test_a_list_going_on_past_its_parts_is_cut_where_they_make_the_total():
    # 9000 + 12000 = 21000; the 地方一般预算收入 after them is no part
    assert [f.rule for f in check_text(HEAD + MONTH.format(r="25.0", x="14100"))] == []


def test_parts_that_never_make_the_total_still_warn():
    text = "全区完成财政收入21000万元。其中,国税完成9000万元,地税完成11000万元,财政完成3000万元。\n"
    assert [f.rule for f in check_text(HEAD + text)] == ["PX604"]


SPANS = ("3月份,全市一般公共预算收入当月完成73800万元,累计完成234300万元。"
         "3月份,全市一般公共预算支出当月完成381000万元,累计完成{x}万元。\n")


def test_monthly_and_cumulative_amounts_of_income_and_spending_are_four_quantities():
    assert found(SPANS.format(x="744200")) == []


def test_one_cumulative_amount_restated_differently_fires():
    text = ("全市一般公共预算收入累计完成234300万元,同比下降10.9%。\n"
            "全市一般公共预算收入累计完成243300万元,居全省第15位。\n")
    assert ("PX611", 4) in found(text)


# --- a 其中 list carried to the next paragraph stops at an amount larger than its total ------

def test_a_larger_amount_in_the_next_paragraph_is_no_part():
    text = ("截至3月底,新区地方一般预算收入累计完成8700万元,其中:税收收入累计完成8000万元。\n"
            "一般公共预算支出累计完成32600万元,完成年初预算的23.47%。\n")
    assert [f.rule for f in check_text(HEAD + text)] == []
