"""The 年度资金总额 row of a 自评表 pasted a cell a line, header labels broken over lines, blank
lines between every cell (PX616 / PX617 on ``perfxl.draft.tables_lines``; issue 20).  Drafts of
our own wording: the row is read only when its header lines are exactly the column names and
as many number cells follow."""
from perfxl.draft import check_text


def found(text, code):
    return [(f.line, round(f.expected, 4), round(f.actual, 4)) for f in check_text(text)
            if f.rule == code]


def form(head, values):
    """A form a cell a line, a blank line after each cell."""
    cells = ["项目支出绩效自评表", "（2022年度）", "项目名称", "乡村道路养护"] + head + ["年度资金总额"] + values \
        + ["其中：财政拨款", "620.00"]
    return "".join(c + "\n\n" for c in cells)


HEAD = ["项目资金", "（万元）", "年初", "预算数", "全年预算数", "全年", "执行数", "分值", "执行率", "得分"]
# 556.14 / 620.00 = 89.70 %; 10 × 89.70 % = 8.97
VALUES = ["600.00万元", "620.00万元", "556.14万元", "10", "{rate}", "{score}"]


def text(rate, score, head=HEAD, values=VALUES):
    return form(head, [v.format(rate=rate, score=score) for v in values])


def test_a_full_rate_over_a_partial_execution_fires():
    t = text("100%", "10")
    assert found(t, "PX616") == [(39, 89.7, 100.0)]
    assert found(t, "PX617") == [(41, 8.97, 10.0)]


def test_the_rate_and_score_of_the_amounts_stay_quiet():
    t = text("89.70%", "8.97")
    assert found(t, "PX616") == [] and found(t, "PX617") == []


def test_a_header_broken_by_a_column_of_another_name_is_not_read():
    head = HEAD[:7] + ["调整数"] + HEAD[7:]  # 调整数 between the names: the run of known names is cut short
    assert found(text("100%", "10", head=head), "PX616") == []


def test_a_row_with_a_number_more_than_its_header_is_not_read():
    values = VALUES + ["5"]
    assert found(text("100%", "10", values=values), "PX616") == []


def test_names_broken_anywhere_are_joined_but_a_run_begun_inside_a_line_is_not_read():
    head = HEAD[:4] + ["全年预", "算数"] + HEAD[5:]  # 全年预 / 算数: whole names when joined
    assert found(text("100%", "10", head=head), "PX616") == [(41, 89.7, 100.0)]
    head = HEAD[:2] + ["（万元）年初"] + HEAD[3:]  # the run would start inside a line
    assert found(text("100%", "10", head=head), "PX616") == []
