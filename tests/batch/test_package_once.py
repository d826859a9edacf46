"""``perfxl.io.reading.sheetxml.Package``: the reader's scans and the calamine book share one
package, each member decompressed once, and the model read is the one of separate reads."""
from __future__ import annotations

import zipfile
from collections import Counter

from perfxl.io.reading import sheetxml
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
    monkeypatch.setattr(sheetxml.Package, "open", counting)
    read_workbook(book, engine="calamine")
    sheets = [n for n in opened if n.startswith("xl/worksheets/sheet")]
    assert len(sheets) >= 11  # the formula scan and the error cells read every sheet part
    assert max(opened.values()) == 1, opened.most_common(3)


def test_package_reads_what_zipfile_reads():
    data = example_file("004").read_bytes()
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as plain, sheetxml.Package(data) as pkg:
        for info in plain.infolist():
            assert pkg.read(info.filename) == plain.read(info.filename) == pkg.read(info)


def test_calamine_book_alike_with_and_without_the_package():
    path = example_file("004")
    data = path.read_bytes()
    alone = CalamineBook(path, data)
    with sheetxml.Package(data) as pkg:
        shared = CalamineBook(path, data, pkg)
        assert pkg.fp is not None  # left open for its owner
    assert shared._tables == alone._tables and shared._errors == alone._errors
    assert [shared.value(s, r, c) for s in shared.sheetnames for r in range(1, 30)
            for c in range(1, 8)] == [alone.value(s, r, c) for s in alone.sheetnames
                                      for r in range(1, 30) for c in range(1, 8)]
