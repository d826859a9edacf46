"""``perfxl.io.reading.sniff.Package``: the package check, the reader's scans and the calamine
book share one package, each member decompressed once, and the book read is the one of separate
reads."""
from __future__ import annotations

import zipfile
from collections import Counter

from perfxl.io.reading import sniff
from perfxl.io.reading.backends import CalamineBook
from perfxl.io.reading.xlsx_reader import read_workbook
from tests.conftest import example_file


def test_each_member_decompressed_once(monkeypatch):
    opened = Counter()
    real = zipfile.ZipFile.open

    def counting(self, name, *a, **k):
        opened[name.filename if isinstance(name, zipfile.ZipInfo) else name] += 1
        return real(self, name, *a, **k)

    book = example_file("004")
    monkeypatch.setattr(sniff.Package, "open", counting)
    read_workbook(book, engine="calamine")
    sheets = [n for n in opened if n.startswith("xl/worksheets/sheet")]
    assert len(sheets) >= 11  # the formula scan and the error cells read every sheet part
    assert max(opened.values()) == 1, opened.most_common(3)
    with zipfile.ZipFile(book) as zf:  # the package check read each member: no reader again
        assert set(opened) == {i.filename for i in zf.infolist() if not i.is_dir()}


def test_a_hostile_member_is_still_refused(tmp_path):
    """Keeping members changes nothing of what the package check refuses (a DTD)."""
    import pytest

    from perfxl.errors import WorkbookFormatError

    path = tmp_path / "dtd.xlsx"
    with zipfile.ZipFile(example_file("004")) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "b">]>' + data.split(b"?>", 1)[-1]
            out.writestr(info, data)
    with pytest.raises(WorkbookFormatError, match="DTD"):
        sniff.open_checked(path)


def test_package_reads_what_zipfile_reads():
    data = example_file("004").read_bytes()
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as plain, sniff.Package(data) as pkg:
        for info in plain.infolist():
            assert pkg.read(info.filename) == plain.read(info.filename) == pkg.read(info)


def test_calamine_book_alike_with_and_without_the_package():
    path = example_file("004")
    data = path.read_bytes()
    alone = CalamineBook(path, data)
    with sniff.Package(data) as pkg:
        shared = CalamineBook(path, data, pkg)
        assert pkg.fp is not None  # left open for its owner
    assert shared._tables == alone._tables and shared._errors == alone._errors
    assert [shared.value(s, r, c) for s in shared.sheetnames for r in range(1, 30)
            for c in range(1, 8)] == [alone.value(s, r, c) for s in alone.sheetnames
                                      for r in range(1, 30) for c in range(1, 8)]
