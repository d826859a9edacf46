"""A draft written for the tests, not taken from the seeds: a county 项目支出绩效自评报告 in
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
