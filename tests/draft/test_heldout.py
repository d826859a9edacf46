"""Drafts written for the tests, not taken from the seeds (the second one, a 部门整体 .docx in
Word tables, is at the end; checking it once led to three general fixes: a 总分 row compared
with its own Word table as well, "2023年年初预算" read as 年初预算, 年中追加 as the adjustment).

The first: a county 项目支出绩效自评报告 in
another style (full-width punctuation, 万元 without spaces, an indicator table pasted one cell
per line) with eight planted mistakes.  The rules were not tuned on it: it was checked once as
written, and the two changes it led to are general (a 总得分 read as a total, a share's named
whole looked up before its sentence).

Planted, with what perfxl says (line, rule, level):
  E1  4  其中 300 + 150 + 80 = 530 ≠ 520 万元              PX604 warning (a 其中 list may
      cover other money, as in seed 000: the breakdown rule stays a warning)
  E2  8  468 ÷ 520 = 90.00%, written 92%                    PX607 error
  E3  9  本年支出 (468) 较上年 410 增长 7.32% (is 14.15%)   missed: the sentence names 本年支出
      without its figure; the same claim with "本年实际支出 468 万元，较上年…" is found (PX603,
      tests/draft/test_variants.py)
  E4  9  培训费 52 占实际支出的 12.5% (52 ÷ 468 = 11.11%)    PX605 error
  E5  8  2022 年实际支出 in a 2023 report                    PX610 warning
  E6  15 48 + 27 + 9 + 9 = 93, 总得分 95                     PX613 error
  E7  4  共实施 4 个子项目，即 (three names)                 PX615 error
  E8  13 实际支出 486 万元 after 实际支出 468 万元           missed: 实际支出 alone is too
      generic a name to compare across paragraphs (PX611 `_GENERIC`; in a department report two
      projects' 实际支出 differ)
Correct statements that must stay quiet: 工程建设支出 416 较上年 360 增加 56、增长 15.56%; 完成率
104%; 培训 1200 人次较上年 1000 增加 200、增长 20%; the table (10 + 50 + 30 + 10 = 100 分值,
9 + 48 + 27 + 9 = 93 得分, 468 ÷ 520 = 90.00%, 10 × 90% = 9.00); 等级 优 for 93.
"""
from __future__ import annotations

from pathlib import Path

from perfxl.draft import check_draft
from tests.draft.measure import make_docx

DRAFT = Path(__file__).resolve().parents[1] / "data" / "drafts" / "heldout-county-agri-2023.txt"
FOUND = {(4, "PX604", "warning"), (8, "PX607", "error"), (9, "PX605", "error"),
         (8, "PX610", "warning"), (15, "PX613", "error"), (4, "PX615", "error")}


def test_heldout_draft_finds_the_planted_mistakes_and_nothing_else():
    got = {(f.line, f.rule, f.level) for f in check_draft(DRAFT)}
    assert got == FOUND


def test_heldout_draft_as_docx_gives_the_same(tmp_path):
    got = {(f.paragraph, f.rule, f.level)
           for f in check_draft(make_docx(DRAFT, tmp_path / "heldout.docx"))}
    assert got == FOUND


def _department_docx(path):
    """A 部门整体 draft written for the tests, in Word tables (not pasted text): four planted
    mistakes (控制率 97.00% for 43 ÷ 45, 得分 rows 9.5 + 38 + 28 + 19 = 94.5 under 总分 95.5,
    "3个所属单位，即" two names, 年初 800 + 追加 200 written 调整后 1100) and correct 三公 table,
    change sentence, 执行率 row and 总分 分值 (the 年度资金总额 row sits in a Word table of
    its own, as in perfxl's reports, and the indicators' table has its own 预算执行率 row)."""
    import docx
    d = docx.Document()
    P = d.add_paragraph
    P("某市生态环境局2023年度部门整体支出绩效自评报告")
    P("一、部门基本情况")
    P("　　我局共有3个所属单位，即局机关、环境监测站。核定编制45名，实有在职人员43名。")
    t = d.add_table(rows=2, cols=3)
    for i, h in enumerate(["编制数", "实际在职人数", "控制率"]): t.cell(0, i).text = h
    for i, v in enumerate(["45", "43", "97.00%"]): t.cell(1, i).text = v
    P("二、预算执行情况")
    P("　　2023年年初预算800万元，年中追加200万元，调整后预算1100万元。全年预算数1000万元，全年执行数950万元，预算执行率为95.00%。")
    P("　　“三公”经费支出10.50万元，较上年12.00万元减少1.50万元，下降12.5%。其中公务接待费2.50万元，公务用车运行维护费8.00万元。")
    t = d.add_table(rows=4, cols=4)
    for r, row in enumerate([["项目", "上年决算数", "本年预算数", "本年决算数"],
                             ["“三公”经费合计", "12.00", "15.00", "10.50"],
                             ["1、公务接待费", "3.00", "4.00", "2.50"],
                             ["2、公务用车运行维护费", "9.00", "11.00", "8.00"]]):
        for c, v in enumerate(row): t.cell(r, c).text = v
    P("三、绩效自评")
    t = d.add_table(rows=2, cols=7)
    for r, row in enumerate([["年度资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                             ["年度资金总额", "800", "1000", "950", "10", "95.00%", "9.50"]]):
        for c, v in enumerate(row): t.cell(r, c).text = v
    t = d.add_table(rows=6, cols=3)
    for r, row in enumerate([["指标", "分值", "得分"], ["预算执行率", "10", "9.50"], ["产出指标", "40", "38"],
                             ["效益指标", "30", "28"], ["满意度指标", "20", "19"], ["总分", "100", "95.5"]]):
        for c, v in enumerate(row): t.cell(r, c).text = v
    P("四、自评结论")
    P("　　经自评，我局2023年度部门整体支出绩效自评得分95.5分，等级为“优”。")
    d.save(str(path))
    return path


def test_heldout_department_docx_with_word_tables(tmp_path):
    got = {(f.table, f.row, f.col, f.paragraph, f.rule, f.level)
           for f in check_draft(_department_docx(tmp_path / "dept.docx"))}
    assert got == {(1, 2, 3, None, "PX616", "error"), (4, 6, 3, None, "PX618", "error"),
                   (None, None, None, 3, "PX615", "error"), (None, None, None, 5, "PX608", "error")}
