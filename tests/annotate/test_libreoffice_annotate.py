"""An independent word processor reads the comments: LibreOffice converts an annotated copy to
.odt, and each ``office:annotation`` (author perfxl, the message) opens right before the quoted
fragment and its ``office:annotation-end`` closes right after it."""
from __future__ import annotations

import re
import zipfile

import pytest
from docx import Document

from perfxl.annotate import annotate_docx
from perfxl.checks.finding import Finding
from perfxl.io.office.libreoffice import convert

pytestmark = pytest.mark.libreoffice


def test_libreoffice_sees_each_comment_on_its_fragment(soffice, tmp_path):
    d = Document()
    p = d.add_paragraph("“三公”经费支出总额5.76万元，")
    p.add_run("较上年增加0.11万元，").bold = True
    p.add_run("上升1.99%。")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 1).text = "执行率 96.00%"
    src = tmp_path / "draft.docx"
    d.save(src)
    fs = [Finding("PX601", "error", "", "", "", "变动额不符", 5.61, 0.11, paragraph=1,
                  quote="增加0.11万元，上升1.99%"),
          Finding("PX650", "warning", "", "", "", "执行率与工作簿不符", 0.9679, 0.96, table=1,
                  row=1, col=2, quote="96.00%")]
    out = tmp_path / "annotated.docx"
    assert annotate_docx(src, fs, out) == 2
    [odt] = convert([out], "odt", tmp_path / "odt")
    xml = zipfile.ZipFile(odt).read("content.xml").decode("utf-8")
    xml = re.sub(r"<dc:date>.*?</dc:date>", "", xml)
    flat = re.sub(r"<(?!/?office:annotation)[^>]*>", "", xml)
    spans = re.findall(r'<office:annotation office:name="([^"]+)"[^>]*>(.*?)</office:annotation>'
                       r'(.*?)<office:annotation-end office:name="\1"/>', flat)
    got = sorted((body, text) for _name, body, text in spans)
    assert got == [("perfxlPX【警告】PX650：执行率与工作簿不符（应为 0.9679；实为 0.96）", "96.00%"),
                   ("perfxlPX【错误】PX601：变动额不符（应为 5.61；实为 0.11）",
                    "增加0.11万元，上升1.99%")]
