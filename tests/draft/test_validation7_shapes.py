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
