"""A message quotes a table's title as the draft writes it: the rules read the title through the
normalised text (full-width brackets as ASCII, 執行數 as 执行数), but the reader looks for the
user's own words (「（单位：萬元）」), so the quote is never the normalised form."""
from __future__ import annotations

from perfxl.draft import check_draft

DRAFT = """2024年度“三公”經費預算執行情況表（单位：万元）
项目 | 2024年年初预算数 | 2024年决算数
公务接待费 | 2.00 | 4.30
公务用车运行维护费 | 8.00 | 7.50
公务接待费与年初预算相比，增加 2.30 万元，增长 2.30%。
"""


def test_the_title_is_quoted_as_written(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    (f,) = [f for f in check_draft(path) if f.rule == "PX634"]
    assert "“2024年度“三公”經費預算執行情況表（单位：万元）”第 3 行" in f.message
    assert "(单位:万元)" not in f.message and "经费预算执行情况表" not in f.message
