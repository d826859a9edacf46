"""Class 5 of issue 20: the shares of 基本支出 and 项目支出 in a whole the text never states
(PX635): the whole is their sum.  Drafts written for the tests."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text

TEXT = ("2024年度部门预算说明\n（二）按支出结构分类\n"
        "1. 基本支出 800.00 万元，占本年支出的 {ra}%，同比减少 5.00 万元。\n"
        "2. 项目支出 200.00 万元，占本年支出的 {rb}%，同比增加 7.00 万元。\n")


def _px635(text: str) -> list[tuple[int, float]]:
    return [(f.line, f.expected) for f in check_text(text) if f.rule == "PX635"]


def test_the_share_that_disagrees_with_the_sum_of_the_two():
    assert _px635(TEXT.format(ra="80.00", rb="25.00")) == [(4, 20.0)]
    assert _px635(TEXT.format(ra="75.00", rb="20.00")) == [(3, 80.0)]
    assert _px635(TEXT.format(ra="80.00", rb="20.00")) == []


@pytest.mark.parametrize("text", [
    # both disagree: the whole may hold more than the two (a fund, a carry-over)
    TEXT.format(ra="76.00", rb="19.00"),
    # shares of two different wholes
    TEXT.format(ra="80.00", rb="25.00").replace("占本年支出的 25.00", "占项目资金的 25.00"),
    # the whole is stated: PX605 compares with it
    "2024年度部门预算说明\n本年支出 1000.00 万元，其中：基本支出 800.00 万元，占本年支出的 80%，"
    "项目支出 200.00 万元，占本年支出的 25%。\n",
    # a part named twice
    TEXT.format(ra="80.00", rb="25.00") + "3. 项目支出 200.00 万元，占本年支出的 20.00%。\n",
])
def test_unresolved_stays_quiet(text):
    assert _px635(text) == []
