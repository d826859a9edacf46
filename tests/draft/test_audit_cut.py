"""审减率 of a 财政投资评审 text (PX653; issue 20).  Drafts of our own wording: the rate is the cut
over the amount submitted, rounded half up to the decimals written; 审增 makes the three amounts
no identity, so the net rate is another reading and nothing is derived."""
from perfxl.draft import check_text


def found(text, code="PX653"):
    return [(f.line, round(f.expected, 4), round(f.actual, 4)) for f in check_text(text)
            if f.rule == code]


# 3150 / 25200 = 12.5 %; net (25200 − 22150) / 25200 = 12.10 %; 3150 / 22150 = 14.22 %
FORM = ("2023年投资评审工作情况\n本年度评审中心共审核结算项目 75 个，送审金额 25200 万元，审定金额 22150 万元，"
        "审减金额 3150 万元，审减率为 {r}。\n")


def test_a_rate_off_the_cut_over_the_submitted_amount_fires():
    assert found(FORM.format(r="12.59%")) == [(2, 12.5, 12.59)]
    assert found(FORM.format(r="11%")) == [(2, 12.5, 11.0)]


def test_the_right_rate_and_the_other_readings_stay_quiet():
    # 13 %: 12.5 % rounded half up to no decimal
    for r in ("12.50%", "12.5%", "13%", "12.10%", "14.22%"):
        assert found(FORM.format(r=r)) == [], r


def test_a_group_with_a_raised_amount_or_no_submitted_amount_is_not_read():
    raised = ("送审金额 25200 万元，审定金额 22150 万元，审减金额 3150 万元，审增金额 100 万元，"
              "审减率 9.9%。\n")
    assert found(raised) == []
    assert found("审定金额 22150 万元，审减金额 3150 万元，审减率 9.9%。\n") == []


def test_the_cut_amount_is_not_checked_against_submitted_minus_approved():
    # 25200 − 22150 = 3050, not 3150: with a 审增 both may be right, so nothing fires but the rate
    assert found(FORM.format(r="12.50%"), "PX647") == []
