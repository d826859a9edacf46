"""Table tests of perfxl.report.fmt: every number and phrase the reports print."""
from __future__ import annotations

import datetime as dt

import pytest

from perfxl.report import fmt


@pytest.mark.parametrize("value, unit, expected", [
    (414.31, "万元", "414.31万元"),
    (1234567.89, "元", "1,234,567.89元"),
    (17333259.2, "元", "17,333,259.20元"),
    (0, "万元", "0.00万元"),
    (2.675, "万元", "2.68万元"),          # Excel rounding, half away from zero (float 2.67499…)
    (1.005, None, "1.01"),                # Python's round gives 1.0
    (-5.61, "万元", "-5.61万元"),
    (-0.001, "元", "0.00元"),             # never "-0.00"
    (999.995, "元", "1,000.00元"),
    (None, "万元", fmt.MISSING),
])
def test_fmt_amount(value, unit, expected):
    assert fmt.fmt_amount(value, unit) == expected


@pytest.mark.parametrize("value, expected", [
    (3995.49 / 4128.02, "96.79%"),
    (53 / 56, "94.64%"),
    (0.9679, "96.79%"),
    (1, "100.00%"),
    (0, "0.00%"),
    (-5.61 / 11.37, "-49.34%"),
    (0.0199, "1.99%"),
    (1.2345, "123.45%"),
    (None, fmt.MISSING),
])
def test_fmt_rate(value, expected):
    assert fmt.fmt_rate(value) == expected


@pytest.mark.parametrize("value, expected", [
    (1.0, "占100%"),
    (269.75 / 414.31, "占65.11%"),
    (144.56 / 414.31, "占34.89%"),
    (0.0, "占0%"),
    (0.013, "占1.30%"),                  # only a whole number loses its decimals
    (10000 / 17333259.20, "占0.06%"),
    (114.11 / 17333259.20, "占0%"),
    (0.5, "占50%"),
    (None, fmt.MISSING),
])
def test_share_phrase(value, expected):
    assert fmt.share_phrase(value) == expected


@pytest.mark.parametrize("current, prior, unit, expected", [
    (5.76, 11.37, "万元", "较上年决算减少5.61万元，下降49.34%"),
    (42356, 40000, "元", "较上年决算增加2,356.00元，增长5.89%"),
    (3244335.71, 3034059.49, "元", "较上年决算增加210,276.22元，增长6.93%"),
    (758799.44, 929952.35, "元", "较上年决算减少171,152.91元，下降18.40%"),
    (100, 100, "万元", "与上年决算持平"),
    (100.004, 100, "万元", "与上年决算持平"),     # below a cent: no direction word
    (10000, 0, "元", "较上年决算增加10,000.00元"),  # no rate against 0
    (None, 5, "元", ""),
    (5, None, "元", ""),
])
def test_change_phrase(current, prior, unit, expected):
    assert fmt.change_phrase(current, prior, unit) == expected


@pytest.mark.parametrize("value, fixed, expected", [
    (9.6789, False, "9.68"), (9.6, False, "9.6"), (10, False, "10"), (10.0, False, "10"),
    (86.99, False, "86.99"), (0, False, "0"), (9.6, True, "9.60"), (10, True, "10.00"),
    (109.675, True, "109.68"), (None, False, fmt.MISSING),
])
def test_fmt_score(value, fixed, expected):
    assert fmt.fmt_score(value, fixed=fixed) == expected


CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
      "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二"]


@pytest.mark.parametrize("n, expected", list(enumerate(CN, 1)) + [
    (30, "三十"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"),
    (1001, "一千零一")])
def test_cn_numeral(n, expected):
    assert fmt.cn_numeral(n) == expected


@pytest.mark.parametrize("level, n, expected", [
    (1, 1, "一、"), (1, 10, "十、"), (1, 20, "二十、"), (2, 1, "（一）"), (2, 12, "（十二）"),
    (3, 1, "1."), (3, 20, "20."), (4, 3, "（3）"),
])
def test_heading_ordinal(level, n, expected):
    assert fmt.heading_ordinal(level, n) == expected


@pytest.mark.parametrize("bad", [0, -1, 10000, 1.5])
def test_cn_numeral_refuses(bad):
    with pytest.raises(ValueError):
        fmt.cn_numeral(bad)


@pytest.mark.parametrize("text, required, expected", [
    ("第一段\n\n　　第二段 ", False, ["第一段", "第二段"]),
    ("A & B\r\n<C>", False, ["A & B", "<C>"]),
    ("含_x000D_回车\x0b控制符", False, ["含回车控制符"]),
    ("", True, [fmt.MISSING]),
    ("  \u3000 ", True, [fmt.MISSING]),
    (None, False, []),
])
def test_paragraphs(text, required, expected):
    assert fmt.paragraphs(text, required=required) == expected


@pytest.mark.parametrize("value, expected", [
    (dt.date(2023, 1, 30), "2023年1月30日"), ("2023-01-30", "2023年1月30日"),
    ("2023.1.30", "2023.1.30"), (None, ""),
])
def test_fmt_date(value, expected):
    assert fmt.fmt_date(value) == expected


@pytest.mark.parametrize("title, lines", [
    ("2022年度部门整体支出绩效自评报告", ["2022年度部门整体支出绩效自评报告"]),
    ("2023年度岳阳市商务局整体支出绩效自评报告", ["2023年度岳阳市商务局", "整体支出绩效自评报告"]),
    ("2023年度招商引资资金项目支出绩效自评报告", ["2023年度招商引资资金", "项目支出绩效自评报告"]),
    ("2022年度乐山市市中区经济合作局整体支出绩效自评报告",
     ["2022年度乐山市市中区经济合作局", "整体支出绩效自评报告"]),
])
def test_title_lines(title, lines):
    assert fmt.title_lines(title) == lines
    assert "".join(lines) == title
