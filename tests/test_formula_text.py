"""Formulas compared by meaning (perfxl.formula_text): what LibreOffice, WPS and Excel write
differently for one formula is the same; a changed reference, operator or text constant is not."""
from __future__ import annotations

import pytest

from perfxl.formula_text import same_formula

TEMPLATE = """=IF(COUNTIF('基本信息'!$B$13,"*hubei*")>0,ROUND($B$8/$B$7,2),"")"""


@pytest.mark.parametrize("variant", [
    """=IF(COUNTIF(基本信息!$B$13,"*hubei*")>0,ROUND($B$8/$B$7,2),"")""",     # LibreOffice
    """=if(countif('基本信息'!$b$13,"*hubei*")>0, round($B$8/$B$7, 2), "")""",  # case, spaces
    """=_xlfn.IF(COUNTIF('基本信息'!$B$13,"*hubei*")>0,ROUND($B$8/$B$7,2.0),"")""",
])
def test_same_meaning(variant):
    assert same_formula(variant, TEMPLATE)


@pytest.mark.parametrize("variant", [
    """=IF(COUNTIF('基本信息'!$B$14,"*hubei*")>0,ROUND($B$8/$B$7,2),"")""",   # another cell
    """=IF(COUNTIF('基本信息'!$B$13,"*HUBEI*")>0,ROUND($B$8/$B$7,2),"")""",   # text constant
    """=IF(COUNTIF('基本信息'!$B$13,"*hubei*")>0,ROUND($B$8/$B$4,2),"")""",   # ÷ 年初预算数
    """=IF(COUNTIF('基本信息'!$B$13,"*hubei*")>=0,ROUND($B$8/$B$7,2),"")""",  # operator
])
def test_different_meaning(variant):
    assert not same_formula(variant, TEMPLATE)


def test_sheet_names_with_a_quote_and_unreadable_formulas():
    assert same_formula("='O''Brien'!A1+1", "='O''Brien'!a1 + 1")
    assert same_formula('=SUM(A1', '=sum( A1')        # unbalanced: compared as text
    assert not same_formula('=SUM(A1', '=SUM(A2')
