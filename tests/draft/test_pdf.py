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
from tests.draft.measure import SEEDS, SEED_IDS, make_docx, make_docx_tables, seed_path

pytest.importorskip("pdfplumber")


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
    """The PDFs LibreOffice prints from .docx drafts (one office start for all): each seed as
    its author's Word file was (seed 004's forms, pasted one cell per line, as Word tables again),
    and seed 004 with each of its lines a paragraph ("004-lines")."""
    from perfxl.io.office.libreoffice import convert, soffice
    if soffice() is None:
        pytest.skip("no LibreOffice")
    tmp = tmp_path_factory.mktemp("pdf")
    sources = {"table": _table_docx(tmp / "table.docx")}
    if any(SEEDS.glob("004_*.txt")):
        for sid in SEED_IDS:
            sources[sid] = make_docx_tables(seed_path(sid), tmp / f"{sid}.docx")
        sources["004-lines"] = make_docx(seed_path("004"), tmp / "004-lines.docx")
    out = convert(list(sources.values()), "pdf", tmp / "out")
    return {key: (src, pdf) for (key, src), pdf in zip(sources.items(), out)}


def _same(findings) -> set:
    """What a finding says, wherever it is: rule, level, quote (blanks aside), figures, unit."""
    return {(f.rule, f.level, "".join(f.quote.split()), f.expected, f.actual, f.unit)
            for f in findings}


@pytest.mark.libreoffice
@pytest.mark.parametrize("sid", SEED_IDS)
def test_a_seed_printed_to_pdf_gives_the_findings_of_its_txt(pdfs, sid):
    """Codes, levels, quotes, figures and units alike (seed 004: 14 findings, its forms read as
    ruled tables over several pages, rows broken by a page joined)."""
    if sid not in pdfs:
        pytest.skip("no seeds")
    src, pdf = pdfs[sid]
    from_txt = check_draft(seed_path(sid))
    from_pdf = check_draft(pdf)
    assert from_txt and _same(from_pdf) == _same(from_txt)
    assert _same(check_draft(src)) == _same(from_txt)  # the .docx it was printed from
    assert all(f.page is not None and f.line is None for f in from_pdf)
    assert all(f.place.startswith("第 ") and " 页" in f.place for f in from_pdf)
    if sid == "004":
        assert len(from_pdf) == 14
        in_tables = {(f.rule, f.expected, f.actual) for f in from_pdf if f.table is not None}
        assert {("PX616", 94.64, 94.0), ("PX616", 96.79, 96.0), ("PX617", 9.679, 9.6),
                ("PX618", 110.0, 100.0), ("PX618", 109.6, 100.0)} <= in_tables


@pytest.mark.libreoffice
def test_a_table_pasted_as_text_is_not_guessed(pdfs):
    """Seed 004 with its forms pasted one cell per line, each line a paragraph: an empty cell
    (a line holding only its tab) and the blank line between two rows print alike, and nothing
    in the PDF tells them apart (no glyph for a tab): only the rows as wide as their header stay
    rows.  No finding the .txt does not give (rows read as printed, measured: 11 of the 14 and
    two wrong PX618 errors); the 三公经费 row, whose blank line below fell at a page's end,
    still gives the prose's three errors."""
    if "004-lines" not in pdfs:
        pytest.skip("no seeds")
    from_pdf = check_draft(pdfs["004-lines"][1])
    from_txt = _same(check_draft(seed_path("004")))
    assert _same(from_pdf) <= from_txt
    assert {f.rule for f in from_pdf} == {"PX601", "PX602", "PX603", "PX604"}
    units = [u.text for u in read_draft(pdfs["004-lines"][1])]
    assert units[78:83] == ["\t三公经费", "\t11.37", "\t55.77", "\t5.76", ""]
    assert units[83] == "\t1、公务用车购置和维护经费"  # on the next page
    assert units[69:72] == ["56", "53", "94.00%"]  # a row short of its header: text
    assert units[108:110] == ["320", "320"]  # over the next page break no empty line was lost


def test_a_pasted_table_whose_rows_are_unknown_is_read_as_text():
    from perfxl.draft.pdf_pasted import unpasted
    from perfxl.draft.reading import Unit

    def units(*texts):
        return [Unit(t, paragraph=i) if t else Unit("") for i, t in enumerate(texts, 1)]

    form = units("说明", "\t项目", "\t预算数", "\t决算数", "", "\t三公经费", "\t5", "\t4", "",
                 "", "\t5.76", "\t5", "")
    assert [u.text for u in unpasted(form)] == [
        "说明", "\t项目", "\t预算数", "\t决算数", "", "\t三公经费", "\t5", "\t4", "", "",
        "5.76", "5", ""]
    one_row = units("说明", "\t三公经费", "\t5.76", "", "正文")  # no empty line inside it
    assert unpasted(one_row) == one_row
    ruled = [Unit("", table=1, row=1, col=1), Unit(""), Unit("5.76", table=1, row=2, col=1)]
    assert unpasted(ruled) == ruled


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


def _part(page, rows, x=(85.0, 300.0, 400.0)):
    from perfxl.draft.pdf_tables import Part
    return Part(page, (85.0, 700.0, 517.0, 720.0),
                [[(t, x[i]) for i, t in enumerate(r)] for r in rows])


def test_a_row_broken_by_the_page_is_joined_and_columns_go_by_position():
    from perfxl.draft.pdf import _join
    from perfxl.draft.pdf_tables import cells, continues
    a = _part(1, [["指标", "分值", "说明"],
                  ["纳入专户\n管理", "79.41", "全年实际使用外资\n8094万美元，同"]])
    b = _part(2, [["的非税收入拨款：", "", "比增长12%。"], ["其他资金", "381.12", ""]],
              x=(86.0, 301.0, 399.0))
    assert continues(a, b)
    got = cells([a, b], _join)
    assert [(p, r, c, t) for p, r, c, t in got if r == 2] == [
        (1, 2, 1, "纳入专户管理的非税收入拨款："), (1, 2, 2, "79.41"),
        (1, 2, 3, "全年实际使用外资8094万美元，同比增长12%。")]
    assert (2, 3, 2, "381.12") in got


def test_a_new_row_at_the_top_of_a_page_stays_a_row():
    from perfxl.draft.pdf import _join
    from perfxl.draft.pdf_tables import cells
    a = _part(1, [["指标", "分值", "得分"], ["新设外资企业", "10", "10"]])
    b = _part(2, [["引资项目优质化", "10", "9"]])
    got = cells([a, b], _join)
    assert [(r, t) for _, r, c, t in got if c == 1] == [
        (1, "指标"), (2, "新设外资企业"), (3, "引资项目优质化")]
    c = _part(2, [["数量指标", "", ""]])  # under a label on one line (whole): a new row
    assert (3, 1, "数量指标") in [(r, col, t) for _, r, col, t in cells([a, c], _join)]
    d = _part(1, [["指标", "分值", "得分"], ["纳入专户管理的\n非税收入拨款：", "10", "10"]])
    assert (3, 1, "数量指标") in [(r, col, t) for _, r, col, t in cells([d, c], _join)]


def _line(*chars):
    """A text line as pdfplumber gives it: (character, left edge) pairs, 11 pt."""
    cs = [{"text": t, "x0": x, "x1": x + 11, "size": 11.0} for t, x in chars]
    return {"text": "".join(t for t, _ in chars), "x0": cs[0]["x0"], "x1": cs[-1]["x1"],
            "top": 100.0, "bottom": 111.0, "chars": cs}


def test_the_indent_goes_by_the_first_visible_character():
    from perfxl.draft.pdf import _Line, _indent
    # " \t0.81": a blank typed before the tab prints at the margin, the figure at the tab stop
    assert _indent(_Line(_line(("\u3000", 90.0), ("0", 126.0), (".", 133.0))), 90.0) == "\t"
    # 「　　正文」: two full-width blanks, the paragraph indent
    assert _indent(_Line(_line(("\u3000", 90.0), ("\u3000", 101.0), ("正", 112.0))), 90.0) \
        == "\u3000\u3000"
    assert _indent(_Line(_line(("正", 90.0), ("文", 101.0))), 90.0) == ""


def test_a_table_goes_on_over_a_page_break_only_from_the_page_s_end_to_its_top():
    from perfxl.draft.pdf import _Line, _tables
    from perfxl.draft.pdf_tables import Part

    def part(page, top, bottom, rows, right=517.0):
        return Part(page, (85.0, top, right, bottom), [[("x", 85.0), ("1", 300.0)]] * rows)

    def tables(pages):
        return [[len(it[2]) for it in items if it[1] == "table"] for items in _tables(pages)]

    a, b = part(1, 500.0, 720.0, 3), part(2, 72.0, 120.0, 1)
    assert tables([([a], []), ([b], [])]) == [[2], []]  # one table of two parts
    below = _Line(_line(("注", 90.0), ("：", 101.0)))
    below.top, below.bottom = 730.0, 741.0  # text under the table ends it
    assert tables([([a], [below]), ([b], [])]) == [[1], []]  # b: one row, no table of its own
    wider = part(2, 72.0, 120.0, 2, right=560.0)
    assert tables([([a], []), ([wider], [])]) == [[1], [1]]
