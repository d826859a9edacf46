"""``perfxl annotate`` end to end on the report perfxl writes for example 004: exit codes, the
default output name, the input never written, bad input refused with nothing written."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from perfxl.cli import main
from tests.annotate.helpers import commented, comments
from tests.conftest import example_file

BOOK = example_file("004")
TYPED = "“三公”经费支出总额较上年增加0.11万元，上升1.99%"


@pytest.fixture(scope="module")
def report004(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("r") / "r.docx"
    r = CliRunner().invoke(main, ["report", str(BOOK), "-o", str(out)])
    assert r.exit_code == 0, r.output
    return out


@pytest.fixture
def report(report004, tmp_path) -> Path:
    p = tmp_path / "自评报告 草稿.docx"
    p.write_bytes(report004.read_bytes())
    return p


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _run(*args):
    return CliRunner().invoke(main, ["annotate", *map(str, args)])


def test_annotate_004_flags_the_typed_three_public_sentence(report, tmp_path):
    before = _digest(report)
    out = tmp_path / "批注.docx"
    r = _run(report, "--workbook", BOOK, "-o", out)
    assert r.exit_code == 1, r.output  # findings, as perfxl check
    assert r.stdout.strip() == str(out)
    assert _digest(report) == before
    covered = list(commented(out).values())
    notes = [c[3] for c in comments(out)]
    assert len(covered) == len(notes) >= 1
    # the typed sentence of 004 is commented, on its own words
    assert any(q and q in TYPED for q in covered), covered
    assert all(c[1:3] == ("perfxl", "PX") for c in comments(out))
    # every commented fragment is in the user's typed text, none in perfxl's own sentences
    from perfxl.io.reading.xlsx_reader import read_workbook
    from tests.annotate.test_round_trip import typed_texts

    typed = typed_texts(read_workbook(BOOK))
    assert all(any(q in t for t in typed) for q in covered), covered
    # the document text is unchanged by the comments
    assert [p.text for p in Document(out).paragraphs] == [p.text for p in Document(report).paragraphs]


def test_default_output_beside_the_report(report):
    r = _run(report, "--workbook", BOOK)
    out = report.with_name("自评报告 草稿（perfxl批注）.docx")
    assert r.stdout.strip() == str(out) and out.exists()
    assert "条批注已写入" in r.stderr


def test_no_finding_exits_0(tmp_path):
    d = Document()
    d.add_paragraph("本单位按要求开展了绩效自评工作。")
    src = tmp_path / "clean.docx"
    d.save(src)
    r = _run(src, "-o", tmp_path / "out.docx")
    assert r.exit_code == 0, r.output
    assert comments(tmp_path / "out.docx") == []


@pytest.mark.parametrize("how", ["same", "hardlink", "workbook"])
def test_output_over_an_input_is_refused(report, tmp_path, how):
    book = tmp_path / "book.xlsx"
    book.write_bytes(BOOK.read_bytes())
    if how == "same":
        out = report
    elif how == "hardlink":
        out = tmp_path / "link.docx"
        os.link(report, out)
    else:
        out = book
    before = {p.name: _digest(p) for p in tmp_path.iterdir()}
    r = _run(report, "--workbook", book, "-o", out)
    assert r.exit_code == 2 and "就是输入文件" in r.stderr
    assert {p.name: _digest(p) for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("name,data", [
    ("garbage.docx", bytes(range(256)) * 8),
    ("empty.docx", b""),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
])
def test_bad_input_exits_2_and_writes_nothing(tmp_path, name, data):
    src = tmp_path / name
    src.write_bytes(data)
    r = _run(src, "-o", tmp_path / "out.docx")
    assert r.exit_code == 2
    assert r.stderr.startswith("perfxl：") and "Traceback" not in r.output
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_bad_workbook_exits_2_and_writes_nothing(report, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    out = tmp_path / "out.docx"
    r = _run(report, "--workbook", bad, "-o", out)
    assert r.exit_code == 2 and "bad.xlsx" in r.stderr
    assert not out.exists()


def test_a_txt_draft_is_refused_before_checking(tmp_path):
    src = tmp_path / "draft.txt"
    src.write_text("预算执行率96.79%。", encoding="utf-8")
    r = _run(src, "-o", tmp_path / "out.docx")
    assert r.exit_code == 2 and "批注只能用于 Word 文档（.docx）" in r.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]
