"""Reading drafts: .txt in UTF-8 and GBK, .docx paragraphs and tables in body order, and the bad
inputs refused with a Chinese message (the CLI exits 2 and writes nothing)."""
from __future__ import annotations

import docx
import pytest
from click.testing import CliRunner

from perfxl.cli import main
from perfxl.draft import check_draft
from perfxl.draft.reading import read_draft
from perfxl.errors import DraftFormatError

GBK_TEXT = ("2022 年度部门整体支出绩效自评报告\n"
            "一般公共服务支出 3244335.71 元，较上年决算 3034059.49 元减少 210276.22 元。\n")


def test_gbk_draft_is_read_and_checked(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(GBK_TEXT.encode("gbk"))
    units = read_draft(p)
    assert units[1].text.startswith("一般公共服务支出 3244335.71 元") and units[1].line == 2
    found = check_draft(p)
    assert [(f.rule, f.line, f.expected) for f in found] == [("PX601", 2, "增加")]


def test_utf8_bom_and_crlf(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + GBK_TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert [u.text for u in read_draft(p)] == GBK_TEXT.splitlines()


def test_docx_paragraphs_and_tables_in_body_order(tmp_path):
    d = docx.Document()
    d.add_paragraph("2023 年度自评报告")
    t = d.add_table(rows=2, cols=4)
    for c, v in zip(t.rows[0].cells, ["财政供养人员情况", "编制数", "实际在职人数", "控制率"]):
        c.text = v
    for c, v in zip(t.rows[1].cells, ["", "56", "53", "94.00%"]):
        c.text = v
    d.add_paragraph("“三公”经费较上年增加 0.11 万元。")
    p = tmp_path / "t.docx"
    d.save(str(p))
    units = read_draft(p)
    assert [(u.paragraph, u.table, u.row, u.col) for u in units] == [
        (1, None, None, None), (None, 1, 1, 1), (None, 1, 1, 2), (None, 1, 1, 3), (None, 1, 1, 4),
        (None, 1, 2, 1), (None, 1, 2, 2), (None, 1, 2, 3), (None, 1, 2, 4), (2, None, None, None)]
    found = check_draft(p)
    rate = [f for f in found if f.rule == "PX616"]
    assert [(f.table, f.row, f.col, f.quote) for f in rate] == [(1, 2, 4, "94.00%")]
    assert (rate[0].expected, rate[0].actual, rate[0].unit) == (94.64, 94.0, "%")  # as the cell writes it


def _encrypted_docx(path):
    """What Word writes for a password-protected .docx: an OLE compound file (here its header
    and a zero-filled body, enough for the sniffing)."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + b"EncryptedPackage" * 8)


@pytest.mark.parametrize(("name", "make", "words"), [
    ("garbage.docx", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), "不是有效的 .docx"),
    ("locked.docx", _encrypted_docx, "加密"),
    ("old.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), ".doc"),
    ("empty.txt", lambda p: p.write_bytes(b""), "空"),
    ("empty.docx", lambda p: p.write_bytes(b""), "空"),
    ("binary.txt", lambda p: p.write_bytes(b"\x00\x01\x02abc"), "二进制"),
    ("zip.docx", lambda p: __import__("zipfile").ZipFile(p, "w").writestr("a.txt", "x"), "document.xml"),
])
def test_bad_input_exit_2_nothing_written(tmp_path, name, make, words):
    p = tmp_path / name
    make(p)
    with pytest.raises(DraftFormatError) as exc:
        read_draft(p)
    assert words in str(exc.value) and name in str(exc.value)
    out = tmp_path / "out.json"
    r = CliRunner().invoke(main, ["check", str(p), "--format", "json", "-o", str(out)])
    assert r.exit_code == 2, r.output
    assert words in r.output
    assert not out.exists() or '"error"' in out.read_text("utf-8")
