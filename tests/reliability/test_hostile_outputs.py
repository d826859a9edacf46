"""Issue 15 (and issue 13, "A hostile workbook"): what perfxl copies from an input into an output
stays text, control characters never break an output, and batch over a messy folder finishes.

For each output: the batch summary (汇总, 全部问题, 图表), the score copy (评分, package writer
and the openpyxl fallback), the add-in's sheets (``as_cell_text``), and the .docx report.  Each
is checked in the saved XML: no ``<f>`` element holds a text from the input, the XML parses.
"""
from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from lxml import etree

from perfxl.cli import main
from tests.corpus import make

HOSTILE = {
    "formula-name": '=HYPERLINK("http://evil.example/x","点我")',
    "dde-name": "=cmd|'/c calc'!A1",
    "plus-at-name": "@SUM(1+1)*cmd|' /C calc'!A0",
    "rtl-override-name": "岳阳市\u202e局务商\u202c",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    names = [*HOSTILE, "control-char-name", "formula-file-name", "huge-amount", "text-32767"]
    return {n: make.build(n, folder) for n in names}


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _formulas(xml: bytes) -> list[str]:
    return [m.decode() for m in re.findall(rb"<f>(.*?)</f>", xml, re.S)]


def _sheet_xml(path: Path, title: str) -> bytes:
    from perfxl.io.reading.sheetxml import sheet_parts

    with zipfile.ZipFile(path) as zf:
        return zf.read(sheet_parts(zf)[title])


def test_batch_summary_keeps_every_copied_text_a_text(built, tmp_path):
    out = tmp_path / "汇总.xlsx"
    r = CliRunner().invoke(main, ["batch", *map(str, built.values()), "-o", str(out),
                                  "--jobs", "1"])
    assert r.exit_code == 1, r.output  # the files have errors; the summary is written
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    for name, xml in _parts(out).items():
        if name.endswith(".xml"):
            etree.fromstring(xml)  # valid XML (no control character got in)
        if name.startswith("xl/worksheets/"):
            assert _formulas(xml) == [], (name, _formulas(xml))
    wb = openpyxl.load_workbook(out)
    ws = wb["汇总"]
    by_file = {ws.cell(i, 1).value: ws.cell(i, 2).value for i in range(2, ws.max_row + 1)}
    for entry, text in HOSTILE.items():
        assert by_file[f"{entry}.xlsx"] == text
        assert ws.cell(list(by_file).index(f"{entry}.xlsx") + 2, 2).data_type == "s"
    assert "=HYPERLINK(1).xlsx" in by_file  # the file name is a text as well
    assert by_file["control-char-name.xlsx"] == "岳阳市商务局"  # U+0001, U+001F removed
    assert len(by_file["text-32767.xlsx"]) <= 32767
    # 全部问题 copies the file names too
    found = [c.value for c in wb["全部问题"]["A"]]
    assert "=HYPERLINK(1).xlsx" in found


def test_summary_writer_takes_control_characters_and_formulas(tmp_path):
    """The writer alone, with what no reader gives today: raw control characters, a DDE form,
    lone surrogates, NaN and inf totals."""
    from perfxl.batch import FileReview
    from perfxl.batch.summary import write_summary

    nasty = "=cmd|'/c calc'!A1\x01\x1b[31m\ud800"
    reviews = [FileReview(file=str(tmp_path / "=1+1.xlsx"), department=nasty, total=float("inf"),
                          stated_total=float("nan"), grade="优",
                          findings=[{"rule": "PX101", "level": "error", "message": nasty,
                                     "sheet": "收入", "cell": "B7", "expected": nasty,
                                     "actual": "+1"}], errors=1)]
    out = write_summary(reviews, tmp_path / "s.xlsx")
    for name, xml in _parts(out).items():
        if name.endswith(".xml"):
            etree.fromstring(xml)
        if name.startswith("xl/worksheets/"):
            assert _formulas(xml) == [], name
    wb = openpyxl.load_workbook(out)
    assert wb["汇总"]["B2"].value == "=cmd|'/c calc'!A1[31m"
    assert wb["汇总"]["F2"].value == "（数值超出范围）"
    assert wb["全部问题"]["F2"].value == "=cmd|'/c calc'!A1[31m"


def test_score_copy_writes_input_texts_as_text_and_keeps_styles(tmp_path):
    """An indicator named like a DDE formula comes out in 评分 as an inline string; every part
    other than the output sheets is byte for byte the input's (xl/styles.xml included)."""
    b = make.Builder(tmp_path / "b")
    sheet, a1 = make._tcell("dept_indicators", 0, "level3")
    src = b.cells("dde-indicator", sheet, {a1: {"value": "=cmd|'/c calc'!A1\u202e"}})
    out = tmp_path / "评分.xlsx"
    r = CliRunner().invoke(main, ["score", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    a, c = _parts(src), _parts(out)
    xml = _sheet_xml(out, "评分")
    assert _formulas(xml) == []
    assert "=cmd|'/c calc'!A1\u202e" in etree.fromstring(xml).xpath("string(.)")
    from perfxl.io.reading.sheetxml import sheet_parts

    with zipfile.ZipFile(src) as zf:
        own = {sheet_parts(zf)[s] for s in ("评分", "指标体系")}
    assert sorted(a) == sorted(c)
    assert [n for n in a if a[n] != c[n] and n not in own | {"xl/workbook.xml"}] == []
    # workbook.xml: only the empty output sheets' state (hidden: they print no title page)
    import re
    states = re.compile(rb'\sstate="[a-z]+"')
    assert states.sub(b"", a["xl/workbook.xml"]) == states.sub(b"", c["xl/workbook.xml"])


def test_openpyxl_fallback_writes_texts_as_text(tmp_path):
    """The openpyxl path of the writer (a non-standard package): strings never become <f>,
    control characters are removed, NaN/inf become text."""
    from perfxl.io.writing.xlsx_writer import write_sheet
    from perfxl.outputs import OutputSheet

    wb = openpyxl.Workbook()
    sheet = OutputSheet(name="校验结果", title="=1+1", headers=["说明", "数"],
                        rows=[["=cmd|'/c calc'!A1\x07", float("inf")], ["@x", 1.5]])
    write_sheet(wb, sheet)
    path = tmp_path / "f.xlsx"
    wb.save(path)
    xml = _sheet_xml(path, "校验结果")
    assert _formulas(xml) == []
    etree.fromstring(xml)
    back = openpyxl.load_workbook(path)["校验结果"]
    assert back["A1"].value == "=1+1" and back["A3"].value == "=cmd|'/c calc'!A1"
    assert back["B3"].value == "（数值超出范围）"


def test_package_writer_cells_are_inline_strings_without_control_characters():
    from perfxl.io.writing.package_writer import _cell

    xml = _cell("A1", "=cmd|'/c calc'!A1\x01", 0)
    assert "<f>" not in xml and "\x01" not in xml and 't="inlineStr"' in xml
    etree.fromstring(xml.replace("<c ", '<c xmlns="x" ', 1))
    assert "数值超出范围" in _cell("A1", float("nan"), 0)


@pytest.mark.parametrize("text", ["=cmd|'/c calc'!A1", "+1+1", "-1-1", "@SUM(A1)",
                                  " =HYPERLINK(1)", "\t=1"])
def test_addin_writes_formula_like_texts_with_the_text_prefix(text):
    from perfxl.io.live.xl_book import as_cell_text

    assert as_cell_text(text).startswith("'")


def test_addin_removes_control_characters():
    from perfxl.io.live.xl_book import as_cell_text

    assert as_cell_text("岳阳\x01市\x1f") == "岳阳市"
    assert len(as_cell_text("长" * 40000)) == 32767


@pytest.mark.parametrize("entry", ["formula-name", "dde-name", "rtl-override-name",
                                   "control-char-name", "text-32767", "huge-amount"])
def test_report_docx_stays_valid(built, tmp_path, entry):
    import docx

    out = tmp_path / f"{entry}.docx"
    r = CliRunner().invoke(main, ["report", str(built[entry]), "-o", str(out)])
    assert r.exit_code == 0, r.output
    parts = _parts(out)
    for name, xml in parts.items():
        if name.endswith(".xml"):
            etree.fromstring(xml)
    body = parts["word/document.xml"].decode("utf-8")
    assert "instrText" not in body or "evil.example" not in body  # no field code from the input
    assert "fldSimple" not in body or "evil.example" not in body
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    if entry in HOSTILE:
        assert HOSTILE[entry] in text
    assert len(docx.Document(str(out)).core_properties.title) <= 255


# ------------------------------------------------------------------------------------------------
# perfxl batch over a messy folder
# ------------------------------------------------------------------------------------------------
def test_batch_over_a_messy_folder_writes_the_summary_and_exits_1(tmp_path):
    d = tmp_path / "报送"
    (d / "sub").mkdir(parents=True)
    shutil.copy(make.example_path("004"), d / "ok 😀.xlsx")
    shutil.copy(make.example_path("000"), d / "new\nline.xlsx")
    (d / "empty.xlsx").write_bytes(b"")
    shutil.copy(make.example_path("002"), d / "noperm.xlsx")
    os.chmod(d / "noperm.xlsx", 0)
    (d / "loop.xlsx").symlink_to(d / "loop.xlsx")
    (d / "gone.xlsx").symlink_to(d / "nothing-here.xlsx")
    (d / "sub" / "up").symlink_to(d)  # a folder loop
    out = tmp_path / "汇总.xlsx"
    try:
        r = CliRunner().invoke(main, ["batch", str(d), "-o", str(out), "--jobs", "1",
                                      "--format", "json"])
    finally:
        os.chmod(d / "noperm.xlsx", 0o644)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.output
    assert r.exit_code == 1, r.output  # the summary is written: 2 only for a call that cannot run
    assert out.exists()
    import json

    rows = {Path(f["file"]).name: f for f in json.loads(r.stdout)["files"]}
    assert {"ok 😀.xlsx", "new\nline.xlsx", "empty.xlsx", "noperm.xlsx", "loop.xlsx",
            "gone.xlsx"} <= set(rows)
    assert rows["empty.xlsx"]["status"] == "unreadable" and "为空" in rows["empty.xlsx"]["error"]
    for link in ("loop.xlsx", "gone.xlsx"):
        assert rows[link]["status"] == "unreadable" and "符号链接" in rows[link]["error"]
    if os.geteuid() != 0:  # root reads a file of mode 000
        assert rows["noperm.xlsx"]["status"] == "unreadable"
    assert rows["ok 😀.xlsx"]["department"] == "岳阳市商务局"
    assert "new\\nline.xlsx" in CliRunner().invoke(
        main, ["batch", str(d / "new\nline.xlsx"), "-o", str(tmp_path / "2.xlsx")]).stdout


def test_batch_exit_2_only_when_the_summary_cannot_be_written(tmp_path):
    src = tmp_path / "a.xlsx"
    shutil.copy(make.example_path("004"), src)
    r = CliRunner().invoke(main, ["batch", str(src), "-o", str(src / "s.xlsx")])
    assert r.exit_code == 2 and "不是文件夹" in r.stderr, r.output
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "missing"), "-o", str(tmp_path / "s.xlsx")])
    assert r.exit_code == 1, r.output  # one row 无法读取 (文件不存在), the summary written
    assert (tmp_path / "s.xlsx").exists()


def test_check_junit_stays_valid_xml_with_a_control_character_in_the_file_name(tmp_path):
    src = tmp_path / "b\x01报送.xlsx"
    shutil.copy(make.example_path("004"), src)
    out = tmp_path / "r.xml"
    r = CliRunner().invoke(main, ["check", str(src), "--format", "junit", "-o", str(out)])
    assert r.exit_code == 1, r.output
    root = etree.fromstring(out.read_bytes())
    assert root.find("testsuite").get("name").endswith("b报送.xlsx")


def test_check_text_output_shows_markup_and_escapes_as_typed():
    """A message quoting the workbook's text with rich markup or an ESC sequence: printed as
    typed, no markup applied (no terminal hyperlink), no control character on the terminal."""
    from perfxl.checks.finding import Finding
    from perfxl.checks.output import FileResult, to_text

    typed = "[link=http://evil.example]点我[/link]\x1b]8;;http://evil.example\x07x"
    f = Finding(rule="PX404", level="error", message=f"现为“{typed}”", sheet="基本信息", cell="B4",
                file="a.xlsx")
    text = to_text([FileResult("[bold]a\x1b[31m.xlsx", (f,))], color=True)
    assert "[link=http://evil.example]点我[/link]" in text
    assert "\\x1b]8;;" in text and "\x1b]8;;" not in text and "\x07" not in text
    assert "\\x07x" in text  # shown escaped (perfxl.safetext.terminal_text), never acted on
    assert "[bold]a\\x1b[31m.xlsx" in text


@pytest.mark.parametrize("fmt", ["json", "junit", "sarif", "text"])
def test_check_o_with_a_file_name_that_is_not_utf8(tmp_path, fmt):
    """A file name holding bytes that are not UTF-8 (a share mounted from an old system):
    ``check -o`` writes its result (the byte shown as "?"), no UnicodeEncodeError."""
    import sys

    if sys.platform == "win32" or os.fsencode("x") != b"x":
        pytest.skip("POSIX byte file names")
    src = os.fsdecode(os.fsencode(str(tmp_path)) + b"/bad\xff.xlsx")
    shutil.copy(make.example_path("004"), src)
    out = tmp_path / f"r.{fmt}"
    r = CliRunner().invoke(main, ["check", src, "--format", fmt, "-o", str(out)])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.exit_code == 1, r.output
    # SARIF's location is a URI of the name's bytes (%FF); JSON shows the byte as "?"
    want = {"json": "bad?.xlsx", "sarif": "bad%FF.xlsx"}.get(fmt, "bad")
    assert want in out.read_text("utf-8")
