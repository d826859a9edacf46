"""The pre-parse limits of ``perfxl.io.reading.sniff``: hostile files are refused quickly with flat
memory (measured in a separate process), limits sit where the module says, and the streaming
scan gives the same answer whatever its step (so nothing hides across a chunk boundary)."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from perfxl.errors import WorkbookFormatError
from perfxl.io.reading import sniff
from tests.corpus import make
from tests.reliability.helpers import Corpus

HOSTILE = ("million-rows", "merge-bomb", "hyperlink-bomb", "table-million-rows", "zip-bomb",
           "zip-bomb-lying", "far-cell", "far-cell-unaddressed", "xml-bomb-sheet",
           "xml-bomb-utf16", "xxe")

_CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from perfxl.errors import PerfxlError
    from perfxl.io.reading.xlsx_reader import read_workbook

    def rss():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

    good, cases = sys.argv[1], json.loads(sys.argv[2])
    for engine in ("openpyxl", "calamine"):
        read_workbook(good, engine=engine)  # the baseline: imports and one normal read
    out = {"baseline_mb": rss(), "cases": {}}
    for name, path in cases.items():
        for engine in ("openpyxl", "calamine"):
            t = time.process_time()  # CPU: a busy machine stretches wall time, not work
            try:
                read_workbook(path, engine=engine)
                result = "read"
            except PerfxlError as exc:
                result = exc.message[:80]
            out["cases"][f"{name}/{engine}"] = [result, round(time.process_time() - t, 3)]
    out["peak_mb"] = rss()
    print(json.dumps(out, ensure_ascii=False))
""")


def test_hostile_files_are_refused_quickly_with_flat_memory(corpus: Corpus):
    cases = {name: str(corpus.path(name)) for name in HOSTILE}
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(make.example_path("004")),
                           json.dumps(cases)], capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = json.loads(proc.stdout)
    slow = {k: v for k, v in got["cases"].items() if v[1] > 3.0}
    read = {k: v for k, v in got["cases"].items() if v[0] == "read"}
    assert not read, f"hostile files were read: {read}"
    assert not slow, f"refusals took over 3 s of CPU: {slow}"
    grown = got["peak_mb"] - got["baseline_mb"]
    assert grown < 100, f"memory grew by {grown} MB refusing hostile files: {got}"


def test_the_standard_workbook_is_far_below_every_limit():
    path = make.example_path("004")
    with zipfile.ZipFile(path) as zf:
        scan = sniff._Scan(zf, str(path))
        for info in zf.infolist():
            scan.member(info)
        total = sum(i.file_size for i in zf.infolist())
    assert scan.total * 20 < sniff.MAX_CELLS, scan.total
    assert total * 100 < sniff.MAX_UNCOMPRESSED
    assert path.stat().st_size * 100 < sniff.MAX_FILE


def test_limits_are_where_the_module_says(monkeypatch):
    path = make.example_path("004")
    sniff.check_xlsx(path)
    with zipfile.ZipFile(path) as zf:
        scan = sniff._Scan(zf, str(path))
        for info in zf.infolist():
            scan.member(info)
    monkeypatch.setattr(sniff, "MAX_CELLS", scan.total)
    sniff.check_xlsx(path)
    monkeypatch.setattr(sniff, "MAX_CELLS", scan.total - 1)
    with pytest.raises(WorkbookFormatError, match="单元格过多"):
        sniff.check_xlsx(path)
    monkeypatch.setattr(sniff, "MAX_CELLS", 10 ** 9)
    monkeypatch.setattr(sniff, "MAX_AREA", 100)
    with pytest.raises(WorkbookFormatError, match="使用区域过大") as e:
        sniff.check_xlsx(path)
    assert e.value.sheet  # named
    monkeypatch.setattr(sniff, "MAX_AREA", 10 ** 9)
    monkeypatch.setattr(sniff, "MAX_UNCOMPRESSED", 1000)
    with pytest.raises(WorkbookFormatError, match="压缩炸弹"):
        sniff.check_xlsx(path)


@pytest.mark.parametrize("name", ["merge-bomb", "hyperlink-bomb", "table-million-rows", "far-cell",
                                  "far-cell-unaddressed",
                                  "xml-bomb-sheet", "xml-bomb-utf16", "xxe", "crc-mismatch"])
def test_the_scan_does_not_depend_on_its_step(corpus: Corpus, monkeypatch, name: str):
    """With 1 MiB steps every part fits in one chunk; with 97-byte steps (and a 4 KiB overlap)
    every tag, range and DOCTYPE straddles a boundary somewhere: the answers must agree."""
    path = corpus.path(name)

    def outcome():
        try:
            sniff.check_xlsx(path)
            return "accepted"
        except WorkbookFormatError as exc:
            return exc.message.split("（")[0]

    big = outcome()
    monkeypatch.setattr(sniff, "_STEP", 97)
    assert outcome() == big
    good = make.example_path("004")
    with zipfile.ZipFile(good) as zf:
        small = sniff._Scan(zf, str(good))
        for info in zf.infolist():
            small.member(info)
    monkeypatch.setattr(sniff, "_STEP", 1 << 20)
    with zipfile.ZipFile(good) as zf:
        large = sniff._Scan(zf, str(good))
        for info in zf.infolist():
            large.member(info)
    # element counts may differ by the few "</" split across boundaries, never more
    assert abs(small.total - large.total) <= len(small.units) * 200


def test_doctype_after_a_long_comment_is_found(tmp_path: Path, monkeypatch):
    """A DTD may only follow the XML declaration and comments; a comment longer than one step
    must not hide it."""
    src = make.example_path("004")
    with zipfile.ZipFile(src) as zf:
        part = make.sheet_member(zf, "基本信息")
    dst = make.rewrite_zip(src, tmp_path / "long-comment.xlsx", edit={
        part: lambda d: make._with_doctype(
            d, b'<?xml version="1.0"?>\n<!--' + b"x" * (3 << 20) + b'-->\n'
            + make.BILLION_LAUGHS.split(b"\n", 1)[1], b"&lol9;", b"perfxl-1")})
    with pytest.raises(WorkbookFormatError, match="实体"):
        sniff.check_xlsx(dst)
