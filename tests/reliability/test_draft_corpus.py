"""The hostile drafts and inputs of issue 24 (``tests/corpus/drafts.py``; FIFOs, devices and
sockets as workbooks are entries of ``tests/corpus/make.py``), through real ``perfxl`` processes:
exit 0/1/2 as documented, never a traceback, never a hang (a subprocess timeout far above the
normal second), peak memory under 500 MB (the child's own peak, ``_CHILD``), an annotated copy that
python-docx opens with the input's text, no control character on stdout or in any format.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.corpus import drafts, make

TIMEOUT = 120          # seconds; every case takes about one
PEAK_MB = 500
#: Raw characters a terminal acts on (perfxl.safetext.TERMINAL_UNSAFE, but tab and line feed).
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")

#: The child's own peak: VmHWM of /proc/self/status (its memory since it started; Linux's
#: getrusage ru_maxrss also counts the parent's pages at fork, 311 MB measured under a parent
#: holding 300 MB), getrusage where there is no /proc.
_CHILD = """
import resource, sys
from perfxl.cli import main

def peak_mb():
    try:
        with open("/proc/self/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) // 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024

code = 0
try:
    main(sys.argv[2:], prog_name="perfxl")
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else 1
finally:
    with open(sys.argv[1], "w") as fh:
        fh.write(str(peak_mb()))
sys.exit(code)
"""


@dataclass
class Proc:
    args: list[str]
    code: int
    stdout: str
    stderr: str
    peak_mb: int
    seconds: float

    def __str__(self) -> str:
        return (f"perfxl {' '.join(self.args)} -> exit {self.code}, {self.seconds:.1f} s, "
                f"{self.peak_mb} MB\n--- stdout ---\n{self.stdout[-2000:]}\n"
                f"--- stderr ---\n{self.stderr[-2000:]}")


def perfxl(args: list, cwd: Path, env: dict | None = None) -> Proc:
    """A real ``perfxl`` process, bounded by ``TIMEOUT``, with its peak memory."""
    peak = cwd / f".peak-{time.monotonic_ns()}"
    args = [str(a) for a in args]
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(peak), *args], capture_output=True,
                          timeout=TIMEOUT, cwd=cwd, env={**os.environ, **(env or {})})
    mb = int(peak.read_text()) if peak.exists() else -1
    peak.unlink(missing_ok=True)
    return Proc(args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                proc.stderr.decode("utf-8", "replace"), mb, time.perf_counter() - t)


def _sane(p: Proc, codes: tuple[int, ...]) -> None:
    assert p.code in codes, str(p)
    assert "Traceback" not in p.stdout + p.stderr, str(p)
    assert 0 < p.peak_mb < PEAK_MB, str(p)
    assert not RAW_CONTROL.search(p.stdout + p.stderr), str(p)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("drafts")


def _entry_path(built: Path, e: drafts.DraftEntry) -> Path:
    return drafts.build(e.name, built)


def _texts(path: Path) -> list[tuple]:
    from perfxl.draft.reading import read_draft

    return [(u.text, u.paragraph, u.table, u.row, u.col, u.line) for u in read_draft(path)]


# ---- check and annotate on every draft --------------------------------------------------------
@pytest.mark.parametrize("e", drafts.DRAFTS, ids=lambda e: e.name)
def test_check(built: Path, tmp_path: Path, e: drafts.DraftEntry):
    path = _entry_path(built, e)
    p = perfxl(["check", path, "--format", "json"], tmp_path)
    if e.kind == "refused":
        _sane(p, (2,))
        assert e.text in p.stderr and str(path) in p.stderr, str(p)
        return
    _sane(p, (0, 1))
    data = json.loads(p.stdout)
    assert data["files"][0].get("error") is None, str(p)


@pytest.mark.parametrize("e", [e for e in drafts.DRAFTS if e.annotate], ids=lambda e: e.name)
def test_annotate(built: Path, tmp_path: Path, e: drafts.DraftEntry):
    """The copy opens in python-docx and has the input's text, paragraph by paragraph and cell by
    cell; a refused input leaves nothing behind."""
    path = _entry_path(built, e)
    out = tmp_path / "批注副本.docx"
    p = perfxl(["annotate", path, "-o", out], tmp_path)
    if e.kind == "refused":
        _sane(p, (2,))
        assert e.text in p.stderr, str(p)
        assert sorted(x.name for x in tmp_path.iterdir()) == [], str(p)
        return
    _sane(p, (0, 1))
    assert sorted(x.name for x in tmp_path.iterdir()) == [out.name], str(p)
    import docx

    doc = docx.Document(str(out))  # valid OOXML
    assert _xml_texts(out) == _xml_texts(path)  # the text Word shows, paragraph by paragraph
    assert _texts(out) == _texts(path)
    assert [q.text for q in doc.paragraphs] == [t for t, par, *_ in _texts(path) if par]
    assert any(c.author == "perfxl" for c in doc.comments)


def _xml_texts(path: Path) -> list[str]:
    """The text of every paragraph of word/document.xml as Word shows it, read with lxml alone
    (the oracle: XML comments and processing instructions are no text, their tails are)."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"),
                                etree.XMLParser(resolve_entities=False))
    out = []
    for p in root.iter(w + "p"):  # text() of a <w:t>: its text and the tails of its children
        out.append("".join("".join(t.xpath("text()")) for t in p.iter(w + "t")))
    return out


def test_the_text_around_an_xml_comment_is_read_whole(built: Path):
    """<w:t>项目资金总额<!--c-->520万元…</w:t>: python-docx alone reads 「项目资金总额」 only."""
    for name, whole in (("comment-in-run", "项目资金总额520万元，其中中央资金300万元"),
                        ("comment-in-run", "预算执行率为92%。2022年实际支出468万元"),
                        ("pi-in-run", "预算执行率为92%。2022年实际支出468万元")):
        path = drafts.build(name, built)
        assert any(whole in t for t, *_ in _texts(path)), name
        body = [t for t, par, *_ in _texts(path) if par]
        assert body[:12] == _xml_texts(path)[:12], name  # the 12 paragraphs before the table


@pytest.mark.parametrize("name, ids", [("comment-ids-text", 2), ("comments-application-xml", 1)])
def test_existing_comments_are_kept(built: Path, tmp_path: Path, name: str, ids: int):
    out = tmp_path / "out.docx"
    p = perfxl(["annotate", drafts.build(name, built), "-o", out], tmp_path)
    _sane(p, (0, 1))
    import docx

    doc = docx.Document(str(out))
    theirs = [(c.author, c.text) for c in doc.comments if c.author != "perfxl"]
    assert theirs == [("审核人", f"请核对第{n}处") for n in range(1, ids + 1)]
    with zipfile.ZipFile(out) as zf:
        types = zf.read("[Content_Types].xml").decode()
        document = zf.read("word/document.xml").decode()
    assert 'PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-' in types
    starts = re.findall(r'commentRangeStart w:id="([^"]+)"', document)
    assert len(starts) == len(set(starts)) == len(doc.comments) and all(s.isdigit() for s in starts)


def test_hostile_tables_are_read_where_python_docx_reads_them(built: Path):
    """The table walk gives python-docx's positions on a table it can walk, and the cells of the
    ones it cannot."""
    import docx

    from perfxl.draft.docx_tables import cells

    plain = drafts.base_docx(built / "plain-table.docx")
    d = docx.Document(str(plain))
    t = d.tables[0]
    t.cell(1, 1).merge(t.cell(2, 1))  # a vertical merge
    t.cell(0, 1).merge(t.cell(0, 2))  # a horizontal one
    d.save(str(built / "merged.docx"))
    d = docx.Document(str(built / "merged.docx"))
    t = d.tables[0]
    seen, expect = set(), []
    for r, row in enumerate(t.rows, 1):
        for c, cell in enumerate(row.cells, 1):
            if cell._tc not in seen:
                seen.add(cell._tc)
                expect.append((r, c, cell.text))
    got = [(r, c, docx.table._Cell(tc, t).text) for r, c, tc in cells(t._tbl)]
    assert got == expect
    long = _texts(drafts.build("vmerge-1500-rows", built))
    cells_ = [(row, col, text) for text, _, table, row, col, _ in long if table]
    assert cells_[0] == (1, 1, "产出指标") and cells_[-1] == (1500, 2, "第1500项")
    assert len(cells_) == 1501  # the merged column once


def test_a_big5_text_is_read_as_big5(built: Path, tmp_path: Path):
    """Read as GB18030 it was garbage with exit 0; read as Big5 it gives the findings of the
    same text in UTF-8."""
    big5 = drafts.build("big5", built)
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(drafts.BIG5_TEXT * 3, encoding="utf-8")
    assert [u.text for u in _read(big5)] == [u.text for u in _read(utf8)]
    found = {}
    for name, path in (("big5", big5), ("utf8", utf8)):
        p = perfxl(["check", path, "--format", "json"], tmp_path)
        _sane(p, (0, 1))  # PX604 is a warning
        found[name] = [(f["rule"], f["line"], f["quote"]) for f in
                       json.loads(p.stdout)["files"][0]["findings"]]
    assert found["big5"] == found["utf8"] and ("PX604", 1) in [f[:2] for f in found["big5"]]


def _read(path: Path):
    from perfxl.draft.reading import read_draft

    return read_draft(path)


# ---- workbook-side inputs that block ----------------------------------------------------------
def test_no_input_path_waits_on_a_fifo(tmp_path: Path):
    """A FIFO as every input perfxl reads: refused in Chinese, exit 2, at once."""
    fifo = tmp_path / "管道.xlsx"
    os.mkfifo(fifo)
    draft = drafts.build("comment-in-run", tmp_path / "d")
    good = make.example_path("004")
    prior_dir = tmp_path / "上年"
    prior_dir.mkdir()
    (prior_dir / "link.xlsx").symlink_to(fifo)
    toml = tmp_path / "示例.toml"
    os.mkfifo(toml)
    runs = {
        "check": ["check", fifo],
        "score": ["score", fifo],
        "report": ["report", fifo, "-o", tmp_path / "r.docx"],
        "check --prior": ["check", good, "--prior", fifo],
        "annotate --workbook": ["annotate", draft, "--workbook", fifo, "-o", tmp_path / "a.docx"],
        "check --workbook": ["check", draft, "--workbook", fifo],
        "new --from": ["new", "--from", fifo, "-o", tmp_path / "n.xlsx"],
        "check DATA.toml": ["check", toml],
    }
    for what, args in runs.items():
        p = perfxl(args, tmp_path)
        _sane(p, (2,))
        assert "命名管道" in p.stderr, (what, str(p))
    p = perfxl(["batch", good, "-o", tmp_path / "汇总.xlsx", "--prior-dir", prior_dir], tmp_path)
    _sane(p, (0, 1))
    p = perfxl(["batch", prior_dir, "-o", tmp_path / "汇总2.xlsx", "--format", "json"], tmp_path)
    _sane(p, (1,))
    [row] = json.loads(p.stdout)["files"]
    assert row["status"] == "unreadable" and row["status_label"] == "无法读取" and "命名管道" in row["error"]
    assert sorted(x.name for x in tmp_path.iterdir() if not x.name.startswith(".")) == \
        ["d", "上年", "汇总.xlsx", "汇总2.xlsx", "示例.toml", "管道.xlsx"]


def test_a_device_as_a_draft_is_refused(tmp_path: Path):
    link = tmp_path / "报告.txt"
    link.symlink_to("/dev/zero")
    p = perfxl(["check", link], tmp_path)
    _sane(p, (2,))
    assert "设备文件" in p.stderr


# ---- control characters -----------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["text", "github", "json", "jsonl", "sarif", "junit"])
def test_no_control_character_reaches_any_format(built: Path, tmp_path: Path, fmt: str):
    """Control characters in the draft's sentences and in its file name: shown escaped in text
    and github, escaped by JSON / XML in the others, which stay valid."""
    src = drafts.build("controls", built)
    named = tmp_path / f"报告{drafts.CONTROLS.replace(']', '')}.txt"
    named.write_bytes(src.read_bytes())
    p = perfxl(["check", src, named, "--format", fmt], tmp_path)
    _sane(p, (1,))
    if fmt == "json":  # the values keep the characters: only their form is escaped
        assert str(named) in _strings(json.loads(p.stdout))
    elif fmt == "sarif":  # a location is a URI: every such character percent-encoded
        from urllib.parse import unquote

        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(p.stdout)["runs"][0]["results"]]
        assert named.name in {unquote(u) for u in uris}
        assert all(u.isascii() and u.isprintable() for u in uris)
    elif fmt == "jsonl":
        assert all(json.loads(line) for line in p.stdout.splitlines())
    elif fmt == "junit":
        from lxml import etree

        etree.fromstring(p.stdout.encode("utf-8"))
    else:
        assert "\\x1b[2J" in p.stdout and "\\u202e" in p.stdout and "\\x9b" in p.stdout


def _strings(data) -> set[str]:
    if isinstance(data, str):
        return {data}
    items = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    return set().union(*map(_strings, items)) if items else set()


def test_an_unreadable_file_with_escapes_in_its_name(tmp_path: Path):
    bad = tmp_path / "x\x1b]0;title\x07\x9b2J.xlsx"
    bad.write_bytes(b"not a workbook")
    for args in (["check", bad], ["score", bad], ["batch", bad, "-o", tmp_path / "s.xlsx"]):
        p = perfxl(args, tmp_path)
        _sane(p, (1, 2))
        assert "\\x1b" in p.stdout + p.stderr


# ---- --prior, batch depth, stale temporaries --------------------------------------------------
@pytest.mark.parametrize("blank", ["this", "last"])
def test_prior_with_a_blank_department_name_is_refused(tmp_path: Path, blank: str):
    good = make.example_path("004")
    folder = tmp_path / "b"
    b = make.Builder(folder)
    sheet, cell = make.L.LAYOUT.field_cell("department_name")
    empty = b.cells("无名", sheet, {cell: {"value": None}})
    this, last = (empty, good) if blank == "this" else (good, empty)
    p = perfxl(["check", this, "--prior", last], tmp_path)
    _sane(p, (2,))
    assert "没有填写部门名称" in p.stderr, str(p)


def test_batch_over_a_folder_nested_1100_deep(tmp_path: Path):
    root = tmp_path / "深"
    here = str(root)
    os.mkdir(here)
    try:
        for _ in range(1100):  # Path.mkdir(parents=True) itself recurses once per level
            here = os.path.join(here, "d")
            os.mkdir(here)
        import shutil

        shutil.copy(make.example_path("004"), Path(here) / "单位.xlsx")
        for args in (["batch", root, "-o", tmp_path / "s.xlsx", "--format", "json"],
                     ["batch", make.example_path("004"), "-o", tmp_path / "t.xlsx",
                      "--prior-dir", root, "--format", "json"]):
            p = perfxl(args, tmp_path)
            _sane(p, (0, 1))
        rows = json.loads(perfxl(["batch", root, "-o", tmp_path / "u.xlsx", "--format", "json"],
                                 tmp_path).stdout)["files"]
        assert [Path(r["file"]).name for r in rows] == ["单位.xlsx"] and rows[0]["department"]
    finally:
        remove_deep(root)


def remove_deep(root: Path) -> None:
    """Remove a deep folder chain bottom-up: shutil.rmtree (and pytest's clean-up of old
    temporary folders) recurses once per level and would raise RecursionError."""
    chain = [str(root)]
    while True:
        subs = [e.path for e in os.scandir(chain[-1]) if e.is_dir(follow_symlinks=False)]
        if not subs:
            break
        chain.append(subs[0])
    for folder in reversed(chain):
        for e in os.scandir(folder):
            if not e.is_dir(follow_symlinks=False):
                os.unlink(e.path)
        os.rmdir(folder)


_KILLED_WRITER = """
import os, sys, time
import perfxl.io.writing.atomic as atomic
atomic.os.replace = lambda *a: (open(sys.argv[1], "w").close(), time.sleep(600))
from perfxl.cli import main
main(sys.argv[2:], prog_name="perfxl")
"""


def test_a_killed_annotate_leaves_temporaries_the_next_run_removes(built: Path, tmp_path: Path):
    src = drafts.build("comment-in-run", built)
    out = tmp_path / "out.docx"
    flag = tmp_path.parent / f"{tmp_path.name}.writing"
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(flag), "annotate", str(src),
                             "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + TIMEOUT
        while not flag.exists():
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=TIMEOUT)
    left = [x.name for x in tmp_path.iterdir()]
    assert len(left) == 1 and re.fullmatch(r"\.out\.[a-z0-9_]{8}\.docx\.tmp", left[0]), left
    old = time.time() - 600
    os.utime(tmp_path / left[0], (old, old))
    (tmp_path / ".out.fresh123.docx.tmp").write_bytes(b"another run, still writing")
    (tmp_path / ".out.abcdefgh.docx.tmp.mine").write_bytes(b"not our naming")
    os.utime(tmp_path / ".out.abcdefgh.docx.tmp.mine", (old, old))
    p = perfxl(["annotate", src, "-o", out], tmp_path)
    _sane(p, (0, 1))
    assert sorted(x.name for x in tmp_path.iterdir()) == [
        ".out.abcdefgh.docx.tmp.mine", ".out.fresh123.docx.tmp", "out.docx"]


@pytest.mark.parametrize("sid", ["000", "002", "004"])
def test_annotate_keeps_the_text_of_the_real_reports(tmp_path: Path, sid: str):
    """The three real reports (one paragraph a line): the copy has the input's text."""
    from tests.draft.measure import SEEDS, make_docx, seed_path

    if not SEEDS.exists():
        pytest.skip("the seed reports are not on this machine")
    src = make_docx(seed_path(sid), tmp_path / f"{sid}.docx")
    out = tmp_path / "out.docx"
    p = perfxl(["annotate", src, "-o", out], tmp_path)
    _sane(p, (0, 1))
    assert _xml_texts(out) == _xml_texts(src)
    assert _texts(out) == _texts(src)


# ---- the guard's limits, in process -----------------------------------------------------------
def test_an_xml_part_over_the_limit_is_refused(tmp_path: Path, monkeypatch):
    from perfxl.draft import guard
    from perfxl.errors import DraftFormatError

    data = drafts.base_docx(tmp_path / "d.docx").read_bytes()
    guard.check_package(data, "d.docx")  # within every limit
    monkeypatch.setattr(guard, "MAX_XML_PART", 1000)
    with pytest.raises(DraftFormatError, match="过大"):
        guard.check_package(data, "d.docx")


def test_a_high_ratio_below_the_total_limit_is_refused(tmp_path: Path):
    """150 MB of blanks in document.xml: under the 200 MB total, over the 200 : 1 ratio."""
    from perfxl.draft import guard
    from perfxl.errors import DraftFormatError

    base = drafts.base_docx(tmp_path / "d.docx")
    with zipfile.ZipFile(base) as z:
        xml = z.read("word/document.xml")
    cut = xml.index(b"<w:body>") + len(b"<w:body>")
    raw, crc, size = drafts._deflate_repeated(b" ", 150 << 20, xml[:cut], xml[cut:])
    bomb = drafts._put_raw(base, tmp_path / "b.docx", "word/document.xml", raw, crc, size)
    with pytest.raises(DraftFormatError, match="压缩炸弹"):
        guard.check_package(bomb.read_bytes(), "b.docx")


def test_round_decimal_of_figures_wider_than_any_context():
    from decimal import Decimal

    from perfxl.numbers import MAX_DIGITS, round_decimal

    nines = Decimal("9" * 400)
    assert round_decimal(nines, 2) == nines and str(round_decimal(nines, 2)).endswith(".00")
    assert round_decimal(Decimal("9" * 400 + ".125"), 2) == Decimal("9" * 400 + ".13")
    huge = Decimal("1" * (MAX_DIGITS + 5))
    assert round_decimal(huge, 2) is huge  # beyond any report: left as it is
    assert round_decimal(Decimal("-0.001"), 2) == Decimal("0.00")


def test_a_text_neither_gb18030_nor_big5_is_refused():
    """Shift_JIS bytes decode as GB18030 (into kana and rare characters) and not as Big5."""
    from perfxl.draft.encoding import decode_text
    from perfxl.errors import DraftFormatError

    data = ("これは日本語のテキストです。予算執行率は九十二パーセントでした。" * 3).encode("shift_jis")
    data.decode("gb18030")  # "succeeds": what used to be read, as garbage
    with pytest.raises(DraftFormatError, match="无法识别文本编码"):
        decode_text(data, "x.txt")
