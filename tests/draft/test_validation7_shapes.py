"""Issue 20, sixth blind set (part A): the shapes behind its wrong findings and its misses, in
our own wording.

Each principle: silence in the shape that was wrong, and the finding where it is certain.
"""
import pytest

from perfxl.draft import check_text
from perfxl.draft.reading import units_from_text
from perfxl.draft.text import Doc


def found(text, rule):
    return [(f.line, f.level) for f in check_text(text) if f.rule == rule]


def one_warning(text, rule, line, *words):
    """The single finding of ``rule``: a warning on ``line`` whose message holds ``words``."""
    got = [f for f in check_text(text) if f.rule == rule]
    assert [(f.line, f.level) for f in got] == [(line, "warning")]
    assert all(w in got[0].message for w in words), got[0].message


def year_of(text):
    doc = Doc(units_from_text(text))
    return doc.year_stated, doc.year


# --- the report year is known only when the draft states it ----------------------------------
# An excerpt with no title: its most frequent 「20XX年」 is a notice's name and a publication
# date, not the year evaluated.  The money is called 2023年 once; the guess would call it wrong.

BODY = ("发布时间：2024年3月8日\n"
        "按《关于拨付2024年市级体育专项资金的通知》，本镇收到资金。\n"
        "2023年全民健身器材购置资金 28.50 万元，已全部支付。\n"
        "该通知即2024年第一批资金，另行安排2024年后续项目。\n")


def test_an_untitled_excerpt_states_no_year_and_no_figure_is_called_another_years():
    assert year_of(BODY) == (None, 2024)  # 2024 is a guess only
    for rule in ("PX609", "PX610", "PX628"):
        assert found(BODY, rule) == []


@pytest.mark.parametrize("head", ["2024年度体育专项资金绩效自评报告\n",
                                  "关于2024年体育专项资金绩效自评情况的报告\n",
                                  "本年度（2024年）体育专项资金自评如下。\n"])
def test_a_stated_year_still_flags_the_lone_other_year_figure(head):
    assert year_of(head + BODY)[0] == 2024
    assert found(head + BODY, "PX610") == [(4, "warning")]


def test_a_cited_notice_in_the_opening_lines_is_no_title():
    text = "根据《关于下达2024年体育专项资金的通知》\n" + BODY
    assert year_of(text)[0] is None
    assert found(text, "PX610") == []


def test_the_guess_is_the_same_on_every_run_when_two_years_tie():
    # as many 2023年 as 2024年: the first written wins, whatever the hash seed
    text = "2023年资金 10 万元。\n2024年资金 12 万元。\n"
    assert year_of(text) == (None, 2023)


# --- PX678: an indicator told in prose short of its floor, under a claim of completion --------
# The text says every target was met as planned, then states an indicator below its floor and
# never says why.  A warning: the claim may be meant of the project as a whole.

PROSE = ("2022年度就业补助资金绩效自评报告\n"
         "总体看，本项目已按照计划完成目标，效果良好。\n"
         "职业技能培训人数年初指标值为{op}{t}，全年实际完成值{a}。\n")


def test_a_floor_missed_under_a_claim_of_completion_is_flagged_with_its_figure():
    one_warning(PROSE.format(op="不少于", t="300人", a="275人"), "PX678", 3, "275人", "第 2 行")


def test_a_ceiling_exceeded_is_the_same_miss():
    assert found(PROSE.format(op="不高于", t="5%", a="7%"), "PX678") == [(3, "warning")]


@pytest.mark.parametrize("op,t,a", [("不少于", "300人", "300人"),   # met exactly
                                    ("不少于", "300人", "320人"),   # beaten
                                    ("不高于", "5%", "4%"),         # under the ceiling
                                    ("不少于", "3万人", "2800人")])  # two units: not compared
def test_a_target_met_or_not_comparable_stays_quiet(op, t, a):
    assert found(PROSE.format(op=op, t=t, a=a), "PX678") == []


def test_a_shortfall_the_report_explains_stays_quiet():
    text = PROSE.format(op="不少于", t="300人", a="275人") + "培训人数偏低，因疫情停课两个月。\n"
    assert found(text, "PX678") == []


def test_no_claim_of_completion_no_contradiction():
    text = PROSE.format(op="不少于", t="300人", a="275人").replace("已按照计划完成目标", "推进顺利")
    assert found(text, "PX678") == []


def test_a_denied_or_partial_completion_is_no_claim():
    for said in ("未按计划完成目标", "基本按计划完成目标"):
        text = PROSE.format(op="不少于", t="300人", a="275人").replace("已按照计划完成目标", said)
        assert found(text, "PX678") == []


# --- PX679: a fund's amount and, a paragraph or two later, its whole 安排 ----------------------
# 「下达我镇<fund>资金 T 万元」, then under its own heading 「<year>年我镇<fund>资金安排是：…」:
# the same money (year, place, fund), given in full, so the parts must make T.

PLAN = ("2024年度农村公路养护资金绩效自评报告\n"
        "（一）资金下达情况\n"
        "2024年，县下达我镇农村公路养护（以奖代补）专项资金 {t} 万元。\n"
        "（二）资金安排情况\n"
        "2024年我镇农村公路养护资金安排{said}：路面修补 18.5 万元，桥涵维护 9 万元，{last}。\n")


def test_a_plan_given_in_full_short_of_the_amount_is_flagged_on_the_amount():
    one_warning(PLAN.format(t="45", said="是", last="边沟清理 12 万元"), "PX679", 3,
                "39.5 万元", "第 5 行")


@pytest.mark.parametrize("t,said,last", [
    ("39.5", "是", "边沟清理 12 万元"),                  # the parts make the amount
    ("45", "是", "其中边沟清理 12 万元"),                 # a 其中: only some parts
    ("45", "主要是", "边沟清理 12 万元"),                 # 「主要」: not the whole
    ("45", "是", "边沟清理 12 万元等"),                   # 「等」: more not listed
])
def test_a_matching_or_partial_plan_stays_quiet(t, said, last):
    assert found(PLAN.format(t=t, said=said, last=last), "PX679") == []


def test_another_year_place_or_fund_is_another_amount():
    base = PLAN.format(t="45", said="是", last="边沟清理 12 万元")
    for a, b in (("2024年我镇农村", "2023年我镇农村"),          # last year's plan
                 ("2024年我镇农村", "2024年我县农村"),          # the county's plan
                 ("我镇农村公路养护资金安排", "我镇危桥改造资金安排")):  # another fund
        assert found(base.replace(a, b), "PX679") == []


def test_two_amounts_of_the_fund_leave_the_plan_unmatched():
    text = PLAN.format(t="45", said="是", last="边沟清理 12 万元").replace(
        "专项资金 45 万元。", "专项资金 45 万元。\n2024年，县追加下达我镇农村公路养护专项资金 5 万元。")
    assert found(text, "PX679") == []
