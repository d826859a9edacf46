"""``perfxl.annotate``: comments anchored on exactly the quoted fragment, on hand-made findings
(the draft checker's findings are tested end to end in test_round_trip.py)."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from docx import Document

from perfxl.annotate import annotate_docx, comment_text, open_docx
from perfxl.checks.finding import Finding
from perfxl.errors import PerfxlError, UsageError
from tests.annotate.helpers import commented, comments


def F(quote=None, *, rule="PX601", level="error", message="变动额与两年数不符", expected=None,
      actual=None, **where) -> Finding:
    return Finding(rule, level, "draft.docx", "", "", message, expected, actual, quote=quote,
                   **where)


@pytest.fixture
def draft(tmp_path) -> Path:
    """Paragraph 1 split over three runs (the middle one bold), paragraph 2 plain, a table."""
    d = Document()
    p = d.add_paragraph("“三公”经费支出总额5.76万元，")
    p.add_run("较上年增加0.11万元，").bold = True
    p.add_run("上升1.99%。")
    d.add_paragraph("部门预算执行率为96.00%。")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "项目"
    t.cell(1, 1).text = "执行率 96.79%"
    path = tmp_path / "draft.docx"
    d.save(path)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_comment_covers_exactly_the_quote_across_runs(draft, tmp_path):
    out = tmp_path / "out.docx"
    before = _digest(draft)
    n = annotate_docx(draft, [F("增加0.11万元，上升1.99%", paragraph=1, expected=5.76, actual=0.11)],
                      out)
    assert n == 1
    assert commented(out) == {0: "增加0.11万元，上升1.99%"}
    assert _digest(draft) == before  # the input is only read
    doc = Document(out)
    # the text and the bold run survive the splits
    assert doc.paragraphs[0].text == "“三公”经费支出总额5.76万元，较上年增加0.11万元，上升1.99%。"
    bold = "".join(r.text for r in doc.paragraphs[0].runs if r.bold)
    assert bold == "较上年增加0.11万元，"
    [(cid, author, initials, text)] = comments(out)
    assert (author, initials) == ("perfxl", "PX")
    assert text == "【错误】PX601：变动额与两年数不符（应为 5.76；实为 0.11）"


def test_table_cell_and_paragraph_findings(draft, tmp_path):
    out = tmp_path / "out.docx"
    fs = [F("96.00%", paragraph=2, rule="PX650", level="warning"),
          F("96.79%", table=1, row=2, col=2, rule="PX651")]
    assert annotate_docx(draft, fs, out) == 2
    assert commented(out) == {0: "96.00%", 1: "96.79%"}
    assert [c[3].split("：")[0] for c in comments(out)] == ["【警告】PX650", "【错误】PX651"]


def test_quote_over_two_paragraphs_of_a_cell(tmp_path):
    d = Document()
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "预算执行率"
    cell.add_paragraph("96.00%，得分9.6分")
    src, out = tmp_path / "d.docx", tmp_path / "out.docx"
    d.save(src)
    # the draft reader gives a cell's text as its paragraphs joined by \n
    annotate_docx(src, [F("执行率\n96.00%", table=1, row=1, col=1)], out)
    assert commented(out) == {0: "执行率96.00%"}
    assert [p.text for p in Document(out).tables[0].cell(0, 0).paragraphs] == \
        ["预算执行率", "96.00%，得分9.6分"]


def test_quote_found_with_widths_and_blanks_ignored(draft, tmp_path):
    out = tmp_path / "out.docx"
    # full-width digits and a space the draft reader may have normalised differently
    annotate_docx(draft, [F("执行率９６.７９％", table=1, row=2, col=2)], out)
    assert commented(out) == {0: "执行率 96.79%"}


def test_quote_in_another_paragraph_than_numbered_is_still_found(draft, tmp_path):
    out = tmp_path / "out.docx"
    annotate_docx(draft, [F("执行率为96.00%", paragraph=1)], out)
    assert commented(out) == {0: "执行率为96.00%"}


def test_a_finding_without_place_goes_on_the_first_paragraph(draft, tmp_path):
    out = tmp_path / "out.docx"
    annotate_docx(draft, [F(None, rule="PX690", message="等级与总分不符")], out)
    assert commented(out) == {0: Document(draft).paragraphs[0].text}


def test_two_findings_on_one_run(draft, tmp_path):
    out = tmp_path / "out.docx"
    annotate_docx(draft, [F("0.11万元", paragraph=1), F("增加", paragraph=1, rule="PX602")], out)
    assert sorted(commented(out).values()) == ["0.11万元", "增加"]
    assert Document(out).paragraphs[0].text == Document(draft).paragraphs[0].text


def test_no_findings_gives_a_plain_copy(draft, tmp_path):
    out = tmp_path / "out.docx"
    assert annotate_docx(draft, [], out) == 0
    assert commented(out) == {} and comments(out) == []


def test_comment_text_without_values():
    assert comment_text(F(message="占比缺少 % 号", level="info")) == "【提示】PX601：占比缺少 % 号"


@pytest.mark.parametrize("spelling", ["same", "dotted", "hardlink", "symlink"])
def test_output_over_the_input_is_refused(draft, spelling):
    before = _digest(draft)
    if spelling == "same":
        out = draft
    elif spelling == "dotted":
        out = draft.parent / "." / draft.name
    else:
        out = draft.with_name("link.docx")
        (os.link if spelling == "hardlink" else os.symlink)(draft, out)
    with pytest.raises(UsageError, match="输出文件不能是"):
        annotate_docx(draft, [F("增加", paragraph=1)], out)
    assert _digest(draft) == before


@pytest.mark.parametrize("name,data,message", [
    ("garbage.docx", os.urandom(2048).replace(b"PK", b"pk").replace(b"\xd0\xcf", b"xx"),
     "不是有效的 .docx"),
    ("empty.docx", b"", "文件是空的"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, ".doc 或 .txt 请先在 Word 中另存为"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "设有打开密码"),
    ("broken.docx", b"PK\x03\x04" + b"\0" * 100, "已损坏"),
])
def test_bad_input_is_a_chinese_error_and_nothing_is_written(tmp_path, name, data, message):
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out.docx"
    with pytest.raises(PerfxlError, match=message):
        annotate_docx(src, [], out)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary left either


def test_missing_file(tmp_path):
    with pytest.raises(PerfxlError, match="文件不存在"):
        open_docx(tmp_path / "nope.docx")


def test_real_report_004_fragment_is_commented(tmp_path):
    """The generated report of example 004 carries the typed “三公” sentence; a comment on its
    quote covers exactly it, whatever runs the template made."""
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.report import render_report
    from tests.conftest import example_file

    report = render_report(read_workbook(example_file("004")), tmp_path / "r.docx")
    quote = "“三公”经费支出总额较上年增加0.11万元，上升1.99%"
    index = next(i for i, p in enumerate(Document(report).paragraphs, 1) if quote in p.text)
    out = tmp_path / "a.docx"
    assert annotate_docx(report, [F(quote, paragraph=index)], out) == 1
    assert commented(out) == {0: quote}
    texts = [p.text for p in Document(out).paragraphs]
    assert texts == [p.text for p in Document(report).paragraphs]


@pytest.mark.parametrize("message,expected,actual,bracket", [
    ("按本句的金额，预算执行率应为 96.79%，文字写 96.97%", 0.9679, 0.9697, "（应为 96.79%；实为 96.97%）"),
    ("其中各项之和为 2202.33 万元，合计写 2,202.32万元", 22023300.0, 22023200.0,
     "（应为 2202.33万元；实为 2,202.32万元）"),
    ("增减方向应为“减少”", "减少", "增加", "（应为 减少；实为 增加）"),
    ("本报告是 2022 年度", 2022, 2021, "（应为 2022；实为 2021）"),
    ("总得分写 93 分，各项之和为 86.99 分", 86.99, 93, "（应为 86.99分；实为 93分）"),
    ("没有数字", 0.123456, None, "（应为 0.1235）"),
])
def test_comment_values_are_written_as_the_message_writes_them(message, expected, actual,
                                                               bracket):
    text = comment_text(F(message=message, expected=expected, actual=actual))
    assert text == f"【错误】PX601：{message}{bracket}"
