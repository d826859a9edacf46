"""A statement belongs to its section (issue 13): the 004 example's 其他预算支出说明
「国有资本经营预算支出主要用于现代服务方面。」 is printed under 四、国有资本经营预算支出情况, not under
五、社会保险基金预算支出情况."""
from __future__ import annotations

from docx import Document

from perfxl.examples import load_example
from perfxl.model import Model
from perfxl.report.render import BODY, document_lines, render_report

NOTE = "国有资本经营预算支出主要用于现代服务方面。"


def _sections(path) -> dict[str, list[str]]:
    """Body paragraphs under each level-1 heading (一、…十、)."""
    out: dict[str, list[str]] = {}
    current = None
    for level, text in document_lines(Document(str(path))):
        if level != BODY and text[:2] in ("一、", "二、", "三、", "四、", "五、", "六、", "七、",
                                           "八、", "九、", "十、"):
            current = text
            out[current] = []
        elif current and level == BODY:
            out[current].append(text)
    return out


def test_the_004_note_is_under_its_own_section(tmp_path):
    sections = _sections(render_report(load_example("004"), tmp_path / "004.docx"))
    assert sections["四、国有资本经营预算支出情况"] == [
        "本单位2023年度国有资本经营预算支出19.20万元。" + NOTE]
    assert sections["五、社会保险基金预算支出情况"] == ["本单位无社会保险基金预算支出。"]
    assert sections["三、政府性基金预算支出情况"] == ["本单位无政府性基金预算支出。"]


def test_sentences_naming_no_or_several_budgets_stay_in_the_note():
    from perfxl.report.sentences import other_budget_notes

    m = Model()
    m.values["special_exp_note"] = ("政府性基金预算支出用于园区建设。另有其他说明；"
                                    "国有资本与社会保险基金均无。")
    placed, rest = other_budget_notes(m)
    assert placed == {"gov_fund_exp": "政府性基金预算支出用于园区建设。"}
    assert rest == ["另有其他说明；国有资本与社会保险基金均无。"]
