"""PX622 (a table's total row against the numbered / 其中 rows under it) and PX623 (an item
number used twice in one table) on drafts of our own: pasted tables (one cell per line), real
.docx tables, full-width digits, 元 / 万元, and the near misses that must stay quiet."""
from __future__ import annotations

import pytest

from perfxl.draft import check_draft, check_text
from perfxl.draft.rules_table_blocks import item_number


def _table(*rows: tuple[str, ...]) -> str:
    """A table pasted into a .txt: one tab-indented cell per line, rows separated by a blank."""
    return "\n".join("\n".join(f"\t{c}" for c in r) + "\n" for r in rows)


def _found(text: str, code: str):
    return [f for f in check_text(text, file="t.txt") if f.rule == code]


def _docx(path, rows: list[tuple[str, ...]], before: str = "2023年度部门整体支出绩效自评报告"):
    import docx
    d = docx.Document()
    d.add_paragraph(before)
    t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            t.cell(i, j).text = c
    d.add_paragraph("以上为基础数据。")
    d.save(str(path))
    return path


HEAD = ("支出情况（元）", "上年决算数", "本年预算数", "本年决算数")


# --- PX622 ----------------------------------------------------------------------------------

def test_yuan_table_with_a_column_off_fires_once_naming_each_column():
    text = "一、基础数据\n" + _table(
        HEAD,
        ("会议培训费合计", "1,200.00", "5,000.00", "3,300.00"),
        ("1、会议费", "700.00", "2,000.00", "1,300.00"),
        ("2、培训费", "500.00", "2,000.00", "1,000.00"))
    found = _found(text, "PX622")
    assert len(found) == 1
    f = found[0]
    assert f.level == "warning"
    assert f.from_line == 7 and f.line == 9  # the total row, at its first column off
    assert "“本年预算数”：分项 2,000.00 + 2,000.00 = 4,000.00" in f.message
    assert "“本年决算数”：分项 1,300.00 + 1,000.00 = 2,300.00" in f.message
    assert "上年决算数" not in f.message
    assert f.expected == pytest.approx(4000) and f.actual == pytest.approx(5000)


def test_full_width_digits_chinese_numbering_and_wan_units():
    text = _table(("收入情况（万元）", "预算数", "决算数"),
                  ("收入合计", "１２０．５０万元", "１１８．００万元"),
                  ("一、财政拨款收入", "１００．５０万元", "９８．００万元"),
                  ("二、其他收入", "２０．００万元", "３０．００万元"))
    found = _found(text, "PX622")
    assert len(found) == 1
    assert "“决算数”" in found[0].message and "“预算数”" not in found[0].message
    assert found[0].quote == "１１８．００万元"


def test_glued_row_is_split_and_its_figures_counted():
    # the blank line between "3、公务接待" and the next row was lost in the paste
    text = _table(("经费控制情况(万元)", "2022年决算数", "2023年预算数", "2023年决算数"),
                  ("三公经费", "11.37", "55.77", "5.76"),
                  ("1、公务用车购置和维护经费", "8.97", "19.68", "4.95"),
                  ("其中：公车购置", "", "", ""),
                  ("公车运行维护", "8.97", "19.68", "4.95"),
                  ("2、出国经费", "", "13.12", ""),
                  ("3、公务接待", "2.4", "0.81", "793.24", "3、本级专项资金", "320", "320"))
    found = _found(text, "PX622")
    assert len(found) == 1
    m = found[0].message
    assert "19.68 + 13.12 + 0.81 = 33.61" in m and "4.95 + 793.24 = 798.19" in m
    assert "320" not in m  # the glued row is no part of 三公经费


def test_qizhong_rows_exceeding_the_total():
    text = _table(("项目", "全年预算数", "全年执行数"),
                  ("项目支出", "300", "290"),
                  ("其中：专项A", "200", "195"),
                  ("专项B", "150", "95"))
    found = _found(text, "PX622")
    assert len(found) == 1 and "“全年预算数”：分项 200 + 150 = 350" in found[0].message


def test_docx_tables(tmp_path):
    rows = [("项目", "预算数", "决算数", "执行率"),
            ("合计", "100.00", "90.00", "90.00%"),
            ("1.基本支出", "60.00", "55.00", "91.67%"),
            ("2.项目支出", "50.00", "35.00", "70.00%"),
            ("2.其他支出", "1.00", "1.00", "100.00%")]
    found = check_draft(_docx(tmp_path / "a.docx", rows))
    sums = [f for f in found if f.rule == "PX622"]
    assert [(f.table, f.row, f.col) for f in sums] == [(1, 2, 2)]
    assert "执行率" not in sums[0].message  # rates do not add up
    dup = [f for f in found if f.rule == "PX623"]
    assert [(f.table, f.row, f.col) for f in dup] == [(1, 5, 1)]
    assert "序号“2.”重复（另见表 1 第 4 行）" in dup[0].message


@pytest.mark.parametrize("note, rows", [
    ("parts add up", [HEAD, ("合计", "10.00", "20.00", "30.00"), ("1、甲", "4.00", "5.00", "10.00"),
                      ("2、乙", "6.00", "15.00", "20.00")]),
    ("rounding of four 万元 parts (0.01 off)",
     [("支出（万元）", "预算数", "决算数"), ("基本支出", "2202.32", "2202.32"),
      ("1、工资福利支出", "924.72", "924.72"), ("2、商品和服务支出", "265.40", "265.40"),
      ("3、对个人和家庭的补助", "1009.27", "1009.27"), ("4、资本性支出", "2.94", "2.94")]),
    ("a blank part may hold the rest", [HEAD, ("三公经费", "11.37", "55.77", "5.76"),
                                        ("1、公务用车", "8.97", "19.68", "4.95"),
                                        ("2、出国经费", "", "13.12", "0.00"),
                                        ("3、公务接待", "2.40", "", "0.81")]),
    ("其中 lists only the main projects", [HEAD, ("项目支出", "", "", "1793.17"),
                                         ("其中：现代服务业资金", "", "320.00", "320.00"),
                                         ("其中：招商引资资金", "", "115.00", "115.00"),
                                         ("其中：食品风险基金", "", "100.00", "100.00"),
                                         ("公用经费", "", "", "")]),
    ("numbering not from 1: no breakdown", [HEAD, ("合计", "10", "20", "30"), ("2、甲", "4", "5", "1"),
                                            ("3、乙", "6", "15", "2")]),
    ("rate and target columns are not summed",
     [("指标", "指标值", "完成值", "执行率"), ("产出指标", "100", "98", "98%"),
      ("1、数量", "20", "30", "90%"), ("2、质量", "20", "30", "80%")]),
    ("a parent's own 其中 rows are not parts of the total",
     [HEAD, ("合计", "10", "20", "30"), ("1、甲", "4", "5", "10"), ("其中：甲一", "4", "5", "10"),
      ("甲二", "", "", ""), ("2、乙", "6", "15", "20")]),
])
def test_px622_quiet(note, rows):
    assert _found(_table(*rows), "PX622") == [], note


# --- PX623 ----------------------------------------------------------------------------------

def test_duplicate_number_fires_on_the_second_with_the_first_line():
    text = "表1 支出明细表\n" + _table(("项目（万元）", "预算数", "决算数"),
                                       ("（1）办公费", "3", "2"),
                                       ("（2）印刷费", "1", "1"),
                                       ("（2）邮电费", "2", "2"),
                                       ("（3）差旅费", "1", "1"))
    found = _found(text, "PX623")
    assert len(found) == 1
    assert found[0].line == 14 and found[0].quote == "（2）邮电费"
    assert "序号“（2）”重复（另见第 10 行）" in found[0].message
    assert found[0].level == "warning"


def test_duplicate_chinese_number_with_spaces():
    text = _table(("项目", "预算数", "决算数"), ("一、 基本支出", "3", "2"), ("二、 项目支出", "1", "1"),
                  ("二 、其他支出", "2", "2"))
    assert [f.line for f in _found(text, "PX623")] == [13]


@pytest.mark.parametrize("note, text", [
    ("restart under a new heading",
     _table(("项目", "预算数", "决算数"), ("一、基本支出", "10", "9"), ("1、工资福利", "6", "5"),
            ("2、商品服务", "4", "4"), ("二、项目支出", "5", "5"), ("1、专项A", "3", "3"),
            ("2、专项B", "2", "2"))),
    ("restart from 1 under an unnumbered row",
     _table(("项目", "预算数", "决算数"), ("三公经费", "3", "3"), ("1、公务用车", "1", "1"),
            ("2、公务接待", "2", "2"), ("会议培训费", "2", "2"), ("1、会议费", "1", "1"),
            ("2、培训费", "1", "1"))),
    ("two tables, each numbered",
     _table(("表1 收入表",), ("2、财政拨款", "5"), ("3、其他收入", "1"))
     + "\n" + _table(("表2 支出表",), ("2、基本支出", "4"), ("3、项目支出", "2"))),
    ("a new header starts a new table part",
     _table(("项目", "预算数", "决算数"), ("1、甲", "1", "1"), ("2、乙", "1", "1"),
            ("项目", "年初预算数", "全年执行数"), ("2、丙", "1", "1"))),
    ("same number, other levels", _table(("项目", "预算数", "决算数"), ("(2)甲", "1", "1"),
                                         ("2、乙", "1", "1"), ("(二)丙", "1", "1"))),
    ("cells that number their own lists",
     _table(("一级指标", "三级指标", "分值", "得分"), ("产出指标", "1.招商引资；2.外经外贸", "10", "10"),
            ("", "1. 引资项目优质化；2. 外资水平", "10", "10"))),
    ("numbered prose outside tables", "1、加强管理。\n2、规范支出。\n2、完善制度。\n"),
])
def test_px623_quiet(note, text):
    assert _found(text, "PX623") == [], note


def test_item_number():
    assert item_number("3、公务接待") == (3, 3, (0, 2))
    assert item_number("(12) 差旅费")[:2] == (4, 12)
    assert item_number("十一、其他")[:2] == (1, 11)
    assert item_number("( 二 )项目")[:2] == (2, 2)
    assert item_number("3.14 万元") is None
    assert item_number("1.招商引资项目； 2.外经外贸规模") is None
    assert item_number("公务接待") is None


def test_duplicate_full_width_number_in_a_glued_row():
    text = _table(("经费控制情况（万元）", "预算数", "决算数"),
                  ("１、公务用车", "３", "２"),
                  ("２、公务接待", "１．２０", "０．８１", "２、本级专项资金", "３２０", "３２０"))
    found = _found(text, "PX623")
    assert [(f.line, f.quote) for f in found] == [(12, "２、本级专项资金")]
    assert "序号“２、”重复（另见第 9 行）" in found[0].message
