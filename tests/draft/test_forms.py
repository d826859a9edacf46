"""Class 2 of issue 20: a 自评表 pasted as text with | between cells (a web page's or a PDF's
table copied as text), read by its header labels.  Variant forms written for the tests: the
zero total above its 其中 row, a stated 执行率 / 得分 of 0 where the amounts give 100%, sub-
weights against the heading's (90分), a 总分 over items that add to more; and the near-misses
that must stay quiet (columns that cannot be told apart, blank scores, partial scores)."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text
from perfxl.draft.reading import units_from_text
from perfxl.draft.tables import read_tables
from perfxl.draft.text import Doc

TITLE = "2024年度乡村道路养护项目支出绩效自评表\n"
FUNDS = ("项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |||\n"
         "年度资金总额 | {a} | {b} | {c} | 10 | {rate} | {score} | |||\n"
         "其中：本年财政拨款 | 65 | 65 | 65 | — | — | — | |||\n")
INDICATORS = ("绩效指标（{head}分） | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
              "产出指标 | 数量指标 | 养护里程 | 120公里 | 126公里 | {w1} | {s1}\n"
              "质量指标 | 路面合格率 | ≥95% | 97% | 30 | 30\n"
              "效益指标 | 社会效益指标 | 群众出行条件改善 | 改善 | 改善 | 20 | 18\n"
              "满意度指标 | 满意度指标 | 沿线群众满意度 | ≥90% | 93% | 10 | 10\n")
TOTAL = "总分 | {w} | {s} | |||\n"


def _form(a="65", b="65", c="65", rate="100%", score="10", head="90", w1="30", s1="30",
          tw="100", ts="98") -> str:
    return (TITLE + FUNDS.format(a=a, b=b, c=c, rate=rate, score=score)
            + INDICATORS.format(head=head, w1=w1, s1=s1) + TOTAL.format(w=tw, s=ts))


def _found(text: str) -> set[tuple[int, str, str]]:
    return {(f.line, f.rule, f.level) for f in check_text(text)}


def test_the_form_is_read_by_its_header_labels():
    doc = Doc(units_from_text(_form()))
    (t,) = read_tables(doc)
    assert t.title == TITLE.strip()
    total = next(r for r in t.rows if r.label == "年度资金总额")
    assert [total.column((n,)).text for n in ("全年预算数", "全年执行数", "分值", "执行率", "得分")] \
        == ["65", "65", "10", "100%", "10"]
    row = next(r for r in t.rows if r.label == "质量指标")  # 一级指标 merged away
    assert row.column(("得分",), loose=True).text == "30"


def test_a_correct_form_gives_nothing():
    assert _found(_form()) == set()


def test_zero_total_above_a_real_qizhong_row():
    got = _found(_form(a="0", b="0", c="0", rate="0", score="0", ts="88"))
    assert (3, "PX631", "warning") in got
    assert not {g for g in got if g[2] == "error"}  # 0 ÷ 0: no rate is computed


def test_rate_and_score_zero_where_the_amounts_give_100_percent():
    got = _found(_form(rate="0", score="0"))
    assert {(3, "PX616", "error"), (3, "PX617", "error")} <= got
    got = _found(_form(rate="0.00%", score="0"))
    assert {(3, "PX616", "error"), (3, "PX617", "error")} <= got


def test_rate_written_without_percent_is_not_guessed():
    # 「100」 under 执行率 may be 100% or a misplaced cell: only a bare 0 is read as a rate
    assert not {g for g in _found(_form(rate="100")) if g[1] == "PX616"}


def test_sub_weights_against_the_heading():
    assert (5, "PX633", "error") in _found(_form(w1="40", tw="110"))
    assert not {g for g in _found(_form()) if g[1] == "PX633"}


def test_scores_may_fall_short_of_the_heading_never_exceed_it():
    assert not {g for g in _found(_form(s1="20", ts="88")) if g[1] == "PX633"}
    assert (5, "PX633", "error") in _found(_form(s1="40", ts="108"))


def test_a_blank_weight_leaves_the_sum_unknown():
    text = _form(w1="", tw="100")
    assert not {g for g in _found(text) if g[1] == "PX633"}


def test_total_score_over_items_that_add_to_more():
    got = _found(_form(w1="40", tw="100", head="100"))  # 10 + 40 + 30 + 20 + 10 = 110
    assert (10, "PX618", "error") in got
    assert not {g for g in _found(_form()) if g[1] == "PX618"}


@pytest.mark.parametrize("text", [
    # a PDF's text with the cells of a row glued together: the columns cannot be told apart
    TITLE + "全年预算数(A)全年执行数(B)预算执行率(B/A)\n年度资金总额:40004000100%\n",
    # a row of label | value pairs side by side, no header
    TITLE + "项目名称 | 乡村道路养护 | 主管部门 | 交通运输局\n资金总额 | 65 | 执行数 | 0\n",
])
def test_columns_that_cannot_be_told_apart_stay_quiet(text):
    assert _found(text) == set()


#: the 项目资金 block as a PDF's text gives it: cells separated by spaces, a 其中 row on the
#: same line as the total
SPACED = ("项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
          "年度资金总额： {a} {a} {a} 10 {rate} {score} 其中：本年财政拨款 65 65 65 上年结转资金 其他资金\n")


def test_spaced_block_rate_and_score_zero():
    got = _found(TITLE + SPACED.format(a="65", rate="0", score="0"))
    assert {(3, "PX616", "error"), (3, "PX617", "error")} <= got
    assert _found(TITLE + SPACED.format(a="65", rate="100%", score="10")) == set()


def test_spaced_block_zero_total():
    got = _found(TITLE + SPACED.format(a="0", rate="0", score="0"))
    assert (3, "PX631", "warning") in got
    assert not {g for g in got if g[2] == "error"}


@pytest.mark.parametrize("line", [
    # one figure missing: which column each belongs to cannot be told
    "年度资金总额： 65 65 10 0 0 其中：本年财政拨款 65 65 65\n",
    # a figure glued to the next
    "年度资金总额： 65 65 6510 0 0\n",
])
def test_spaced_block_that_does_not_line_up_stays_quiet(line):
    text = TITLE + SPACED.splitlines()[0] + "\n" + line
    assert not {g for g in _found(text) if g[2] == "error"}


def test_word_table_heading_weight(tmp_path):
    import docx

    from perfxl.draft import check_draft
    rows = [["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "分值", "得分"],
            ["", "产出指标", "数量指标", "养护里程", "{w}", "30"],
            ["", "产出指标", "质量指标", "路面合格率", "30", "30"],
            ["", "效益指标", "社会效益指标", "出行条件改善", "20", "18"],
            ["", "满意度指标", "满意度指标", "群众满意度", "10", "10"]]
    for w, fires in (("40", True), ("30", False)):
        d = docx.Document()
        d.add_paragraph("2024年度乡村道路养护项目支出绩效自评报告")
        t = d.add_table(rows=len(rows), cols=6)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                t.cell(r, c).text = v.format(w=w)
        path = tmp_path / f"w{w}.docx"
        d.save(str(path))
        got = [(f.table, f.row, f.rule) for f in check_draft(path) if f.level == "error"]
        assert got == ([(1, 1, "PX633")] if fires else []), got


def test_a_justified_header_is_read_without_its_spaces():
    text = ("2024年度“三公”经费情况表\n项 目 | 预 算 数 | 决 算 数 | 执 行 率\n"
            "合 计 | 12.00 | 9.00 | {rate}\n")
    assert (3, "PX616", "error") in _found(text.format(rate="80%"))
    assert _found(text.format(rate="75%")) == set()


def test_tab_pasted_form_zero_total_and_a_short_qizhong_row():
    # one cell per line (Word / WPS export): the 其中 row gives only its three amounts, its
    # 分值 / 执行率 / 得分 cells merged away; it cannot be lined up with the total's columns
    text = ("2024年度项目支出绩效自评表\n\n\t项目资金（万元）\n\t年初预算数\n\t全年预算数\n\t全年执行数\n"
            "\t分值\n\t执行率\n\t得分\n\n\t年度资金总额\n\t{a}\n\t{a}\n\t{a}\n\t10\n\t{r}\n\t{s}\n\n"
            "\t其中：本年财政拨款\n\t65\n\t65\n\t65\n\n")
    got = _found(text.format(a="0", r="0", s="0"))
    assert {g[1] for g in got} == {"PX631"}
    assert _found(text.format(a="65", r="100%", s="10")) == set()


def test_markdown_table_rows_are_rows():
    md = ("| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
          "|---|---|---|---|---|---|---|\n"
          "| 年度资金总额 | 65 | 65 | 65 | 10 | {rate} | {score} |\n")
    assert {(4, "PX616", "error"), (4, "PX617", "error")} <= _found(TITLE + md.format(rate="0", score="0"))
    assert _found(TITLE + md.format(rate="100%", score="10")) == set()


def test_full_width_bars_are_bars():
    text = _form(rate="0", score="0").replace("|", "｜")
    assert {(3, "PX616", "error"), (3, "PX617", "error")} <= _found(text)
