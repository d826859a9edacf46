"""``perfxl check DRAFT.pdf``: a text-layer PDF reads as the text it was printed from
(``perfxl.draft.pdf``); a scan, a damaged PDF or a missing PDF component is refused, exit 2."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from perfxl.cli.check import command
from perfxl.draft import check_draft
from perfxl.draft.reading import read_draft
from perfxl.errors import DraftFormatError
from tests.draft.measure import SEEDS, make_docx, seed_path

pytest.importorskip("pdfplumber")

SEEDED = ("000", "002")  # seed 004's tables are pasted as text: see test_tables_pasted_as_text


def run(*args):
    return CliRunner().invoke(command, [str(a) for a in args])


LONG = ("本年度一般公共服务支出 3244335.71 元，较上年决算 3034059.49 元增加 210276.22 元；"
        "卫生健康支出 225387.8 元，较上年决算 171405.49 元增加 53000 元；住房保障支出 192282 元，"
        "较上年决算数 182205 元增加 10077 元，主要是在职人员住房公积金缴存基数调整所致。")


def _table_docx(path: Path) -> Path:
    """A report with a real (ruled) table whose 控制率 is wrong (53 ÷ 56 = 94.64%, not 94.00%),
    a paragraph indented by its format (no blanks typed) that wraps over three lines with a
    wrong change (53982.31, not 53000), and a page number in the footer."""
    from docx.shared import Pt
    d = docx.Document()
    d.sections[0].footer.paragraphs[0].text = "- 1 -"
    d.add_paragraph("2023年度部门整体支出绩效自评报告")
    p = d.add_paragraph(LONG)
    p.paragraph_format.first_line_indent = Pt(24)
    d.add_paragraph("　　本年度财政供养人员情况见下表。")
    t = d.add_table(rows=2, cols=4)
    t.style = "Table Grid"
    for c, v in enumerate(["财政供养人员情况", "编制数", "2023年实际在职人数", "控制率"]):
        t.cell(0, c).text = v
    for c, v in enumerate(["", "56", "53", "94.00%"]):
        t.cell(1, c).text = v
    d.add_paragraph("　　“三公”经费支出 5.76 万元，较上年 11.37 万元减少 5.61 万元，下降 49.34%。")
    d.save(str(path))
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """The PDFs LibreOffice prints from .docx drafts (one office start for all)."""
    from perfxl.io.office.libreoffice import convert, soffice
    if soffice() is None:
        pytest.skip("no LibreOffice")
    tmp = tmp_path_factory.mktemp("pdf")
    sources = {"table": _table_docx(tmp / "table.docx")}
    if any(SEEDS.glob("004_*.txt")):
        for sid in SEEDED + ("004",):
            sources[sid] = make_docx(seed_path(sid), tmp / f"{sid}.docx")
    out = convert(list(sources.values()), "pdf", tmp / "out")
    return {key: (src, pdf) for (key, src), pdf in zip(sources.items(), out)}


def _same(findings) -> set:
    """What a finding says, wherever it is: rule, level, quote (blanks aside), figures, unit."""
    return {(f.rule, f.level, "".join(f.quote.split()), f.expected, f.actual, f.unit)
            for f in findings}


@pytest.mark.libreoffice
@pytest.mark.parametrize("sid", SEEDED)
def test_a_seed_printed_to_pdf_gives_the_findings_of_its_txt(pdfs, sid):
    if sid not in pdfs:
        pytest.skip("no seeds")
    from_txt = check_draft(seed_path(sid))
    from_pdf = check_draft(pdfs[sid][1])
    assert from_txt and _same(from_pdf) == _same(from_txt)
    assert all(f.page is not None and f.paragraph is not None and f.line is None
               for f in from_pdf)
    assert all(f.place.startswith("第 ") and " 页第 " in f.place for f in from_pdf)


@pytest.mark.libreoffice
def test_tables_pasted_as_text(pdfs):
    """Seed 004 pastes its tables as text, one cell per line: an empty cell and the blank line
    between two rows print alike, so some of those rows read differently; the prose does not
    (measured: 10 of the .txt's 14 findings, and one other about a table)."""
    if "004" not in pdfs:
        pytest.skip("no seeds")
    from_txt, from_pdf = _same(check_draft(seed_path("004"))), _same(check_draft(pdfs["004"][1]))
    prose = {f for f in from_txt if f[0] in ("PX601", "PX602", "PX603", "PX616", "PX625",
                                              "PX626")}
    assert prose <= from_pdf
    assert len(from_txt & from_pdf) >= 10


@pytest.mark.libreoffice
def test_a_ruled_table_is_read_by_position(pdfs):
    src, pdf = pdfs["table"]
    units = read_draft(pdf)
    cells = {(u.table, u.row, u.col): u.text for u in units if u.table is not None}
    assert cells[(1, 1, 2)] == "编制数" and cells[(1, 2, 4)] == "94.00%"
    assert all(u.page == 1 for u in units)
    texts = [u.text for u in units if u.table is None]
    # wrapped lines joined (a blank at a line's end is not printed), the indent kept
    assert "\u3000\u3000" + LONG.replace(" ", "") in [t.replace(" ", "") for t in texts]
    assert not any("- 1 -" in t for t in texts)  # the page number is no text of the report
    from_docx, from_pdf = check_draft(src), check_draft(pdf)
    assert _same(from_pdf) == _same(from_docx)
    assert [(f.rule, f.expected, f.actual, f.unit) for f in from_pdf if f.rule == "PX602"] == [
        ("PX602", 53982.31, 53000.0, "元")]
    rate = [f for f in from_pdf if f.rule == "PX616"]
    assert [(f.page, f.table, f.row, f.col, f.expected, f.unit) for f in rate] == [
        (1, 1, 2, 4, 94.64, "%")]
    assert rate[0].place == "第 1 页表 1 第 2 行第 4 列"
    r = run(pdf, "--format", "json")
    assert r.exit_code == 1
    got = [f for f in json.loads(r.stdout)["files"][0]["findings"] if f["rule"] == "PX616"]
    assert [(f["page"], f["table"], f["row"], f["col"], f["unit"]) for f in got] == [
        (1, 1, 2, 4, "%")]


def test_a_scan_without_text_is_refused(tmp_path):
    from PIL import Image
    scan = tmp_path / "盖章版.pdf"
    Image.new("RGB", (595, 842), "white").save(scan, "PDF")
    with pytest.raises(DraftFormatError, match="没有文字层"):
        read_draft(scan)
    r = run(scan)
    assert r.exit_code == 2 and "没有文字层" in r.stderr and "扫描件" in r.stderr


def test_too_many_pages_are_refused_before_reading_them(tmp_path, monkeypatch):
    from PIL import Image
    import perfxl.draft.pdf as P
    big = tmp_path / "big.pdf"
    page = Image.new("RGB", (60, 80), "white")
    page.save(big, "PDF", save_all=True, append_images=[page.copy() for _ in range(3)])
    monkeypatch.setattr(P, "MAX_PAGES", 3)
    with pytest.raises(DraftFormatError, match="PDF 有 4 页，超过 3 页"):
        read_draft(big)


@pytest.mark.parametrize("data", [b"%PDF-1.7\n garbage", b"not a pdf at all"])
def test_a_damaged_pdf_is_refused(tmp_path, data):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(data)
    r = run(bad)
    assert r.exit_code == 2 and "PDF" in r.stderr and "Traceback" not in r.stderr


def test_without_the_pdf_component_the_message_says_what_to_install(tmp_path, monkeypatch):
    pdf = tmp_path / "d.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # import fails
    with pytest.raises(DraftFormatError, match=r"perfxl\[pdf\]"):
        read_draft(pdf)
