"""The malformed-input corpus of issue 8, built by code into a folder (nothing binary committed).

Every entry has a ``name``, a ``build`` function (``Builder -> Path``) and an ``expect``ed outcome:

* ``error(text, sheet, cell)``: the file cannot be read as a perfxl workbook.  The reader raises
  ``WorkbookFormatError`` whose message contains ``text`` (and names the file, and ``sheet`` /
  ``cell`` where given); each CLI command exits 2 with that message on stderr.
* ``finding(prefix)``: the workbook is readable and the problem is in its data; the reader gives
  a model, ``perfxl check`` reports at least one finding whose rule starts with ``prefix``.
* ``OK``: readable; no particular finding expected.
* ``EITHER``: a race (the file changes while it is read): a clear error or a consistent read.

Most entries start from a bundled example (``examples/004-…xlsx``, which carries cached values)
and change only the XML parts concerned, so every other byte stays as Excel/LibreOffice-like as
the example is.  Real foreign formats are real: the .xls is a BIFF8 workbook stream in an OLE
compound file, the .xlsb a BIFF12 package, the encrypted file is produced by ``msoffcrypto-tool``
(ECMA-376 agile encryption), and one .ods comes from LibreOffice when it is installed (python-
calamine reads all of them; see ``tests/reliability/test_corpus.py::test_foreign_formats_are_real``).

Run ``python -m tests.corpus.make OUTDIR`` to write the whole corpus into a folder for a look.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

from perfxl import layout as L

ROOT = Path(__file__).resolve().parents[2]
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RNS = "http://schemas.openxmlformats.org/package/2006/relationships"
Q = f"{{{NS}}}"


# ------------------------------------------------------------------------------------------------
# Expected outcomes
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Expect:
    kind: str                    # "error" | "finding" | "ok" | "either"
    text: str | None = None      # substring of the Chinese message, or the rule prefix
    sheet: str | None = None
    cell: str | None = None
    message: str | None = None   # a finding's message holds this (with sheet/cell: its place)

    def __str__(self) -> str:
        if self.kind == "error":
            where = "/".join(x for x in (self.sheet, self.cell) if x)
            return f"error「{self.text}」" + (f" @ {where}" if where else "")
        if self.kind == "finding":
            return f"finding {self.text}*"
        return self.kind


def error(text: str, sheet: str | None = None, cell: str | None = None) -> Expect:
    return Expect("error", text, sheet, cell)


def finding(prefix: str) -> Expect:
    return Expect("finding", prefix)


def text_finding(hint: str, sheet: str, cell: str) -> Expect:
    """Text in a number cell: readable, an error finding PX009 at ``sheet!cell`` whose message
    holds ``hint`` (the fix), the rest of the workbook checked (issue 13)."""
    return Expect("finding", "PX009", sheet, cell, hint)


OK = Expect("ok")
EITHER = Expect("either")


class Unavailable(Exception):
    """A builder needs a tool that is not installed (the test skips the entry)."""


@dataclass(frozen=True)
class Entry:
    name: str
    build: Callable[["Builder"], Path]
    expect: Expect
    what: str
    #: ("swap", k, donor) replace the file by ``donor`` just before the k-th ZipFile opening of
    #: it; ("truncate", k, m) cut it in place when the m-th member of the k-th opening is opened
    #: (see ``tests/reliability/helpers.py::race``).
    race: tuple | None = None
    #: Bound in CPU seconds for one reader/command run (a runaway, not a speed target: the suite
    #: asserts it on CPU time, which a busy machine does not stretch).
    seconds: float = 20.0


# ------------------------------------------------------------------------------------------------
# Helpers: zip and XML surgery
# ------------------------------------------------------------------------------------------------
def example_path(seed: str = "004") -> Path:
    found = sorted((ROOT / "examples").glob(f"{seed}-*.xlsx"))
    if not found:
        raise FileNotFoundError(f"no example workbook for seed {seed}")
    return found[0]


def sheet_member(zf: zipfile.ZipFile, sheet: str) -> str:
    from perfxl.io.reading.sheetxml import sheet_parts

    return sheet_parts(zf)[sheet]


def rewrite_zip(src: Path, dst: Path, *, edit: dict[str, Callable[[bytes], bytes]] | None = None,
                add: dict[str, bytes] | None = None, remove: Iterable[str] = ()) -> Path:
    """Copy the package ``src`` to ``dst`` member by member, editing, adding and removing."""
    edit, add, remove = edit or {}, add or {}, set(remove)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in remove:
                continue
            data = zin.read(info.filename)
            if info.filename in edit:
                data = edit[info.filename](data)
            zout.writestr(info.filename, data)
        for name, data in add.items():
            zout.writestr(name, data)
    return dst


def xml_edit(fn: Callable[[etree._Element], None]) -> Callable[[bytes], bytes]:
    def run(data: bytes) -> bytes:
        root = etree.fromstring(data)
        fn(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return run


_A1 = re.compile(r"^([A-Z]+)(\d+)$")


def col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def split_a1(a1: str) -> tuple[int, int]:
    m = _A1.match(a1)
    assert m, a1
    return int(m.group(2)), col_number(m.group(1))


def _row_el(root: etree._Element, r: int) -> etree._Element:
    data = root.find(f"{Q}sheetData")
    for row in data.findall(f"{Q}row"):
        rr = int(row.get("r"))
        if rr == r:
            return row
        if rr > r:
            new = etree.Element(f"{Q}row", r=str(r))
            row.addprevious(new)
            return new
    new = etree.SubElement(data, f"{Q}row", r=str(r))
    return new


def cell_el(root: etree._Element, a1: str) -> etree._Element:
    r, c = split_a1(a1)
    row = _row_el(root, r)
    for el in row.findall(f"{Q}c"):
        rc = split_a1(el.get("r"))[1]
        if rc == c:
            return el
        if rc > c:
            new = etree.Element(f"{Q}c", r=a1)
            el.addprevious(new)
            return new
    return etree.SubElement(row, f"{Q}c", r=a1)


def set_cell(root: etree._Element, a1: str, value=None, *, t: str | None = None,
             formula: str | None = None, cached: str | None = None) -> None:
    """Write one cell as a spreadsheet application saves it.

    ``value``: a number (``<v>``), a ``str`` (inline string), or None (empty); ``t="e"`` with a
    text value writes an error value; ``formula`` writes ``<f>`` with ``cached`` as ``<v>`` (or no
    ``<v>`` when ``cached`` is None)."""
    el = cell_el(root, a1)
    style = el.get("s")
    el.clear()
    el.set("r", a1)
    if style is not None:
        el.set("s", style)
    if formula is not None:
        if t:
            el.set("t", t)
        etree.SubElement(el, f"{Q}f").text = formula
        if cached is not None:
            etree.SubElement(el, f"{Q}v").text = cached
        return
    if value is None:
        return
    if t == "e" or t == "b":
        el.set("t", t)
        etree.SubElement(el, f"{Q}v").text = str(value)
    elif isinstance(value, str):
        el.set("t", "inlineStr")
        is_ = etree.SubElement(el, f"{Q}is")
        tt = etree.SubElement(is_, f"{Q}t")
        tt.text = value
        if value != value.strip():
            tt.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    else:
        etree.SubElement(el, f"{Q}v").text = repr(float(value)) if isinstance(value, float) \
            else str(value)


def read_member(path: Path, member: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(member)


# ------------------------------------------------------------------------------------------------
# Row shifting (insert / delete a worksheet row the way Excel does, for one sheet)
# ------------------------------------------------------------------------------------------------
_REF = re.compile(r"(?P<pre>(?:'(?P<qs>(?:[^']|'')+)'|(?P<us>[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*))!)?"
                  r"(?P<c1>\$?[A-Z]{1,3})(?P<r1>\$?\d+)(?::(?P<c2>\$?[A-Z]{1,3})(?P<r2>\$?\d+))?"
                  r"(?![\w(])")


def _shift_row_token(tok: str, at: int, n: int) -> str | None:
    dollar = "$" if tok.startswith("$") else ""
    r = int(tok.lstrip("$"))
    if n < 0 and r == at:
        return None
    if r >= at + (1 if n < 0 else 0):
        r += n
    return f"{dollar}{r}"


def shift_refs(text: str, *, target: str, here: str | None, at: int, n: int) -> str:
    """Shift A1 references to sheet ``target`` in formula ``text`` (written on sheet ``here``)."""
    def sub(m: re.Match[str]) -> str:
        sheet = m.group("qs").replace("''", "'") if m.group("qs") else m.group("us")
        if (sheet or here) != target:
            return m.group(0)
        r1 = _shift_row_token(m.group("r1"), at, n)
        if m.group("c2") is None:
            return f"{m.group('pre') or ''}{m.group('c1')}{r1}" if r1 else "#REF!"
        r2 = _shift_row_token(m.group("r2"), at, n)
        if r1 is None and r2 is None:
            return "#REF!"
        if r1 is None:  # the first row of the range was deleted: the range starts at ``at``
            r1 = m.group("r1")
        if r2 is None:
            r2 = ("$" if m.group("r2").startswith("$") else "") + str(at - 1)
        return f"{m.group('pre') or ''}{m.group('c1')}{r1}:{m.group('c2')}{r2}"
    return _REF.sub(sub, text)


def shift_rows(src: Path, dst: Path, sheet: str, at: int, n: int,
               fill: dict[str, object] | None = None) -> Path:
    """Insert (``n=1``, before row ``at``) or delete (``n=-1``, row ``at``) a row of ``sheet``,
    updating that sheet's cells, every formula that refers to it, defined names, its tables,
    merged cells, validations and conditional formats; ``fill`` writes cells of the new row."""
    assert n in (1, -1)
    with zipfile.ZipFile(src) as zf:
        from perfxl.io.reading.sheetxml import sheet_parts

        parts = sheet_parts(zf)
        target_part = parts[sheet]
        rels_part = target_part.replace("worksheets/", "worksheets/_rels/") + ".rels"
        tables = []
        if rels_part in zf.namelist():
            rels = etree.fromstring(zf.read(rels_part))
            for rel in rels:
                if rel.get("Type", "").endswith("/table"):
                    tgt = rel.get("Target")
                    tables.append(tgt.lstrip("/") if tgt.startswith("/") else
                                  os.path.normpath(os.path.join("xl/worksheets", tgt)))
    by_part = {p: s for s, p in parts.items()}

    def sqref(text: str) -> str:
        out = []
        for piece in text.split():
            new = shift_refs(piece, target=sheet, here=sheet, at=at, n=n)
            if "#REF!" not in new:
                out.append(new)
        return " ".join(out) or "A1"

    def edit_sheet(part: str) -> Callable[[bytes], bytes]:
        here = by_part[part]

        def fn(root: etree._Element) -> None:
            for f in root.iter(f"{Q}f"):
                if f.text:
                    f.text = shift_refs(f.text, target=sheet, here=here, at=at, n=n)
                if f.get("ref") and here == sheet:
                    f.set("ref", sqref(f.get("ref")))
            if here != sheet:
                return
            data = root.find(f"{Q}sheetData")
            for row in list(data):
                r = int(row.get("r"))
                if n < 0 and r == at:
                    data.remove(row)
                    continue
                if r >= at + (1 if n < 0 else 0):
                    row.set("r", str(r + n))
                    for c in row.findall(f"{Q}c"):
                        rr, cc = split_a1(c.get("r"))
                        c.set("r", f"{L.get_column_letter(cc)}{rr + n}")
            for tag, attr in (("mergeCell", "ref"), ("dataValidation", "sqref"),
                              ("conditionalFormatting", "sqref"), ("dimension", "ref"),
                              ("selection", "sqref"), ("hyperlink", "ref")):
                for el in root.iter(f"{Q}{tag}"):
                    if el.get(attr):
                        el.set(attr, sqref(el.get(attr)))
            if n > 0 and fill:
                for a1, v in fill.items():
                    set_cell(root, a1, v)
        return xml_edit(fn)

    def edit_table(root: etree._Element) -> None:
        for el in [root, *root.iter(f"{Q}autoFilter")]:
            if el.get("ref"):
                el.set("ref", sqref(el.get("ref")))

    def edit_workbook(root: etree._Element) -> None:
        for dn in root.iter(f"{Q}definedName"):
            if dn.text:
                dn.text = shift_refs(dn.text, target=sheet, here=None, at=at, n=n)

    edits: dict[str, Callable[[bytes], bytes]] = {p: edit_sheet(p) for p in parts.values()}
    edits.update({t: xml_edit(edit_table) for t in tables})
    edits["xl/workbook.xml"] = xml_edit(edit_workbook)
    return rewrite_zip(src, dst, edit=edits)


# ------------------------------------------------------------------------------------------------
# Foreign formats, built by code
# ------------------------------------------------------------------------------------------------
def biff8_xls(sheet: str = "基本信息", cells: Iterable[tuple[int, int, float]] = ((0, 1, 2023.0),
                                                                               (1, 1, 4128.02))) -> bytes:
    """A real (minimal) Excel 97-2003 workbook: a BIFF8 ``Workbook`` stream in an OLE compound
    file (BOF, CODEPAGE, BOUNDSHEET8, EOF; the sheet's BOF, DIMENSIONS, NUMBER records, EOF)."""
    def rec(t: int, data: bytes = b"") -> bytes:
        return struct.pack("<HH", t, len(data)) + data

    def bof(dt: int) -> bytes:
        return rec(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB, 0x07CC, 0, 6))

    cells = list(cells)
    rows = max(r for r, _, _ in cells) + 1
    cols = max(c for _, c, _ in cells) + 1
    body = bof(0x10) + rec(0x0200, struct.pack("<IIHHH", 0, rows, 0, cols, 0))
    for r, c, v in cells:
        body += rec(0x0203, struct.pack("<HHHd", r, c, 0, v))
    body += rec(0x000A)

    def glob(pos: int) -> bytes:
        name = struct.pack("<BB", len(sheet), 1) + sheet.encode("utf-16-le")
        return (bof(0x05) + rec(0x0042, struct.pack("<H", 1200))
                + rec(0x0085, struct.pack("<IBB", pos, 0, 0) + name) + rec(0x000A))

    g = glob(0)
    stream = glob(len(g)) + body
    stream += b"\0" * max(0, 4096 - len(stream))  # a Workbook stream lives in regular sectors
    return write_cfb({"Workbook": stream})


def write_cfb(tree: dict) -> bytes:
    """An OLE compound file; uses the project's writer (``perfxl.addin.cfb``)."""
    from perfxl.addin.cfb import write_cfb as _write

    return _write(tree)


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b, n = n & 0x7F, n >> 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def xlsb_package() -> bytes:
    """A real (minimal) Excel binary workbook: BIFF12 records in ``xl/workbook.bin`` and one
    sheet ``xl/worksheets/sheet1.bin``, with the package's content types and relationships."""
    def rec(t: int, data: bytes = b"") -> bytes:
        return _varint(t) + _varint(len(data)) + data

    def wstr(s: str) -> bytes:
        return struct.pack("<I", len(s)) + s.encode("utf-16-le")

    book = (rec(131) + rec(143) + rec(156, struct.pack("<II", 0, 1) + wstr("rId1") + wstr("基本信息"))
            + rec(144) + rec(132))
    sheet = (rec(129) + rec(148, struct.pack("<IIII", 0, 0, 0, 1)) + rec(145)
             + rec(0, struct.pack("<IIHBBBI", 0, 0, 0, 0, 0, 0, 0))
             + rec(5, struct.pack("<IId", 1, 0, 4128.02)) + rec(146) + rec(130))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
          'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType='
          '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
          'ContentType="application/xml"/><Override PartName="/xl/workbook.bin" ContentType='
          '"application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Override PartName='
          '"/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            f'{PKG_RNS}"><Relationship Id="rId1" Type="{RNS}/officeDocument" '
            'Target="xl/workbook.bin"/></Relationships>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
              f'{PKG_RNS}"><Relationship Id="rId1" Type="{RNS}/worksheet" '
              'Target="worksheets/sheet1.bin"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.bin", book)
        z.writestr("xl/_rels/workbook.bin.rels", wbrels)
        z.writestr("xl/worksheets/sheet1.bin", sheet)
    return buf.getvalue()


def ods_package() -> bytes:
    """A real (minimal) OpenDocument spreadsheet: ``mimetype`` stored first, ``content.xml`` and
    the manifest."""
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:'
               'oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:'
               'opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:'
               'text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table '
               'table:name="基本信息"><table:table-row><table:table-cell office:value-type="string">'
               '<text:p>部门名称</text:p></table:table-cell><table:table-cell office:value-type='
               '"float" office:value="4128.02"><text:p>4128.02</text:p></table:table-cell>'
               '</table:table-row></table:table></office:spreadsheet></office:body>'
               '</office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:'
                'oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
                'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
                '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def encrypted_ooxml(src: Path) -> bytes:
    """``src`` encrypted with a password (ECMA-376 agile encryption, as Excel does)."""
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError as exc:  # pragma: no cover - msoffcrypto-tool comes with oletools
        raise Unavailable("msoffcrypto-tool is not installed") from exc
    out = io.BytesIO()
    with open(src, "rb") as fh:
        OOXMLFile(fh).encrypt("perfxl-密码", out)
    return out.getvalue()


# ------------------------------------------------------------------------------------------------
# Huge inputs, built without holding them in memory
# ------------------------------------------------------------------------------------------------
def _raw_deflate_zeros(n: int) -> tuple[bytes, int]:
    """(raw deflate stream of ``n`` MiB of zero bytes, crc32), built without compressing n MiB:
    one MiB is compressed up to a full flush (which resets the window), and that block is valid
    again after itself, so it is repeated; an empty final block ends the stream."""
    mib = b"\0" * (1 << 20)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = co.compress(mib) + co.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(n):
        crc = zlib.crc32(mib, crc)
    raw = block * n + end
    assert zlib.decompressobj(-15).decompress(raw[: len(block) * 2], 4096) == b"\0" * 4096
    return raw, crc


def zip_with_member(src: Path, dst: Path, name: str, raw: bytes, crc: int, size: int,
                    declared: int | None = None) -> Path:
    """Copy ``src`` and add member ``name`` from an already-deflated stream (a zip bomb is built
    without inflating it); ``declared`` lies about its uncompressed size in the headers."""
    rewrite_zip(src, dst)
    with zipfile.ZipFile(dst, "a") as zf:
        zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.file_size = declared if declared is not None else size
        zi.compress_size = len(raw)
        zi.CRC = crc
        zf.fp.seek(zf.start_dir)
        zi.header_offset = zf.fp.tell()
        zf.fp.write(zi.FileHeader(False))
        zf.fp.write(raw)
        zf.start_dir = zf.fp.tell()
        zf.filelist.append(zi)
        zf.NameToInfo[zi.filename] = zi
        zf._didModify = True
    return dst


def million_rows_sheet(rows: int = 1_048_576) -> bytes:
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}">'
            f'<dimension ref="A1:A{rows}"/><sheetData>').encode()
    body = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r)
                    for r in range(1, rows + 1))
    return head + body + b"</sheetData></worksheet>"


# ------------------------------------------------------------------------------------------------
# The builder
# ------------------------------------------------------------------------------------------------
class Builder:
    """Builds corpus entries into ``folder`` from the bundled example 004 (and 000, 002)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.base = example_path("004")

    def path(self, name: str, suffix: str = ".xlsx") -> Path:
        return self.folder / f"{name}{suffix}"

    def member(self, sheet: str) -> str:
        with zipfile.ZipFile(self.base) as zf:
            return sheet_member(zf, sheet)

    def cells(self, name: str, sheet: str, edits: dict[str, dict]) -> Path:
        """A copy of the base with cells of ``sheet`` rewritten: A1 -> keyword arguments of
        ``set_cell``."""
        def fn(root: etree._Element) -> None:
            for a1, kw in edits.items():
                set_cell(root, a1, **kw)
        return rewrite_zip(self.base, self.path(name), edit={self.member(sheet): xml_edit(fn)})


def _field(key: str) -> tuple[str, str]:
    return L.LAYOUT.field_cell(key)


def _tcell(table: str, index: int, column: str) -> tuple[str, str]:
    return L.LAYOUT.table_cell(table, index, column)


def _text_in_number(text: str, table: str, index: int, column: str) -> Callable[[Builder], Path]:
    sheet, a1 = _tcell(table, index, column)

    def build(b: Builder) -> Path:
        return b.cells(f"text-{table}-{column}", sheet, {a1: {"value": text}})
    return build


# --- file-level ----------------------------------------------------------------------------------
def b_not_a_zip(b: Builder) -> Path:
    p = b.path("not-a-zip")
    p.write_text("部门名称,年度,全年预算数\n岳阳市商务局,2023,4128.02\n", encoding="utf-8")
    return p


def b_html_as_xls(b: Builder) -> Path:
    # what many web systems export as "Excel": an HTML table named .xls
    p = b.path("html-export", ".xls")
    p.write_text("<html><body><table><tr><td>部门名称</td></tr></table></body></html>",
                 encoding="utf-8")
    return p


def b_truncated(b: Builder) -> Path:
    data = b.base.read_bytes()
    p = b.path("truncated")
    p.write_bytes(data[: len(data) * 2 // 3])
    return p


def b_empty(b: Builder) -> Path:
    p = b.path("empty")
    p.write_bytes(b"")
    return p


def b_xls(b: Builder) -> Path:
    p = b.path("biff8", ".xls")
    p.write_bytes(biff8_xls())
    return p


def b_xls_named_xlsx(b: Builder) -> Path:
    p = b.path("biff8-renamed")
    p.write_bytes(biff8_xls())
    return p


def b_xlsb(b: Builder) -> Path:
    p = b.path("binary", ".xlsb")
    p.write_bytes(xlsb_package())
    return p


def b_ods(b: Builder) -> Path:
    p = b.path("opendocument", ".ods")
    p.write_bytes(ods_package())
    return p


def b_ods_libreoffice(b: Builder) -> Path:
    from perfxl.io.office.libreoffice import convert, soffice

    if soffice() is None:
        raise Unavailable("LibreOffice is not installed")
    out = b.folder / "lo"
    src = out / "example-004.xlsx"
    out.mkdir(exist_ok=True)
    shutil.copy(b.base, src)
    ods = convert([src], "ods", out, timeout=600)[0]
    p = b.path("libreoffice", ".ods")
    shutil.move(ods, p)
    return p


def b_encrypted(b: Builder) -> Path:
    p = b.path("password")
    p.write_bytes(encrypted_ooxml(b.base))
    return p


def b_zip_bomb(b: Builder) -> Path:
    raw, crc = _raw_deflate_zeros(300)  # 300 MiB of zeros, about 300 kB packed
    return zip_with_member(b.base, b.path("zip-bomb"), "xl/media/image1.png", raw, crc, 300 << 20)


def b_zip_bomb_lying(b: Builder) -> Path:
    # 256 MiB inflate from a member whose headers say it holds 100 bytes
    raw, crc = _raw_deflate_zeros(256)
    return zip_with_member(b.base, b.path("zip-bomb-lying"), "xl/media/image1.png", raw, crc,
                           256 << 20, declared=100)


def b_zip_encrypted_member(b: Builder) -> Path:
    # a zip whose members carry the traditional-encryption flag (a "zip password")
    p = b.path("zip-password")
    data = bytearray(b.base.read_bytes())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        while i >= 0:
            data[i + flag_at] |= 0x01
            i = data.find(sig, i + 4)
    p.write_bytes(bytes(data))
    return p


def b_crc_mismatch(b: Builder) -> Path:
    # one stored member with a flipped byte: the zip opens, the CRC check fails
    p = b.path("crc-mismatch")
    rewrite_zip(b.base, p)
    with zipfile.ZipFile(p, "a", zipfile.ZIP_STORED) as zf:
        zf.writestr("docProps/custom.xml", b"<x>" + b"A" * 2000 + b"</x>")
    data = bytearray(p.read_bytes())
    i = data.rfind(b"A" * 2000)
    data[i + 1000] = ord("B")
    p.write_bytes(bytes(data))
    return p


def b_duplicate_member(b: Builder) -> Path:
    # two members named like the 基本信息 sheet: readers may disagree about which one counts
    p = b.path("duplicate-member")
    part = b.member("基本信息")
    rewrite_zip(b.base, p)
    other = read_member(b.base, part).replace(b"perfxl-", b"fake-")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(p, "a") as zf:
            zf.writestr(part, other)
    return p


def b_deflate64(b: Builder) -> Path:
    # a member compressed with a method Python cannot read (Deflate64, method 9)
    p = b.path("deflate64")
    rewrite_zip(b.base, p)
    data = bytearray(p.read_bytes())
    name = b.member("收入").encode()
    for sig, method_at, name_at in ((b"PK\x03\x04", 8, 30), (b"PK\x01\x02", 10, 46)):
        i = data.find(sig)
        while i >= 0:
            if data[i + name_at: i + name_at + len(name)] == name:
                data[i + method_at: i + method_at + 2] = struct.pack("<H", 9)
            i = data.find(sig, i + 4)
    p.write_bytes(bytes(data))
    return p


def b_missing_workbook_part(b: Builder) -> Path:
    return rewrite_zip(b.base, b.path("no-workbook-part"), remove=["xl/workbook.xml"])


def b_malformed_sheet_xml(b: Builder) -> Path:
    part = b.member("收入")
    return rewrite_zip(b.base, b.path("malformed-xml"),
                       edit={part: lambda d: d[: len(d) // 2] + b"<<<garbage"})


def b_dangling_sheet_rel(b: Builder) -> Path:
    part = b.member("收入")
    return rewrite_zip(b.base, b.path("dangling-sheet"), remove=[part])


BILLION_LAUGHS = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [\n'
                  b'<!ENTITY lol "lollollollollollollollollollol">\n'
                  + b"".join(b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b"]>\n")


def _with_doctype(data: bytes, doctype: bytes, entity: bytes, cell_text: bytes | None) -> bytes:
    body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", data)
    if cell_text is not None:
        body = body.replace(cell_text, entity, 1)
    return doctype + body


def b_xml_bomb_sheet(b: Builder) -> Path:
    part = b.member("基本信息")
    return rewrite_zip(b.base, b.path("xml-bomb-sheet"), edit={
        part: lambda d: _with_doctype(d, BILLION_LAUGHS, b"&lol9;", b"perfxl-1")})


def b_xml_bomb_workbook(b: Builder) -> Path:
    return rewrite_zip(b.base, b.path("xml-bomb-workbook"), edit={
        "xl/workbook.xml": lambda d: _with_doctype(d, BILLION_LAUGHS, b"&lol9;", None)})


def b_xml_bomb_styles(b: Builder) -> Path:
    return rewrite_zip(b.base, b.path("xml-bomb-styles"), edit={
        "xl/styles.xml": lambda d: _with_doctype(d, BILLION_LAUGHS, b"&lol9;", None)})


def b_xml_bomb_utf16(b: Builder) -> Path:
    # the same bomb in UTF-16: a byte search for "<!DOCTYPE" in ASCII would not see it
    part = b.member("基本信息")

    def edit(d: bytes) -> bytes:
        text = _with_doctype(d, BILLION_LAUGHS, b"&lol9;", b"perfxl-1").decode("utf-8")
        return text.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1).encode("utf-16")
    return rewrite_zip(b.base, b.path("xml-bomb-utf16"), edit={part: edit})


def b_xxe(b: Builder) -> Path:
    doctype = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
               b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
    part = b.member("基本信息")
    return rewrite_zip(b.base, b.path("xxe"), edit={
        part: lambda d: _with_doctype(d, doctype, b"&xxe;", b"perfxl-1")})


def b_million_rows(b: Builder) -> Path:
    part = b.member("报告")  # an output sheet: perfxl's own, so no sheet it reads is touched
    return rewrite_zip(b.base, b.path("million-rows"), edit={part: lambda d: million_rows_sheet()})


def b_merge_bomb(b: Builder) -> Path:
    # one <mergeCell> over the whole sheet: openpyxl would create 17 billion merged cells
    def fn(root: etree._Element) -> None:
        mc = etree.Element(f"{Q}mergeCells", count="1")
        etree.SubElement(mc, f"{Q}mergeCell", ref="A20:XFD1048576")
        root.find(f"{Q}sheetData").addnext(mc)
    return rewrite_zip(b.base, b.path("merge-bomb"), edit={b.member("报告"): xml_edit(fn)})


def b_hyperlink_bomb(b: Builder) -> Path:
    # one <hyperlink> over a whole column range (openpyxl gives every cell its own link object)
    def fn(root: etree._Element) -> None:
        hl = etree.Element(f"{Q}hyperlinks")
        etree.SubElement(hl, f"{Q}hyperlink", ref="A20:Z1048576", location="'基本信息'!A1")
        anchor = root.find(f"{Q}pageMargins")
        anchor.addprevious(hl)
    return rewrite_zip(b.base, b.path("hyperlink-bomb"), edit={b.member("报告"): xml_edit(fn)})


def b_table_ref_huge(b: Builder) -> Path:
    # the income table claims a million data rows
    def fn(root: etree._Element) -> None:
        root.set("ref", "A4:G1048576")
        root.find(f"{Q}autoFilter").set("ref", "A4:G1048576")
    return rewrite_zip(b.base, b.path("table-million-rows"),
                       edit={"xl/tables/table2.xml": xml_edit(fn)})


def b_far_cell(b: Builder) -> Path:
    sheet = "收入"
    return b.cells("far-cell", sheet, {"XFD1048576": {"value": "x"}})


def b_far_cell_unaddressed(b: Builder) -> Path:
    # the same, hidden: a value in XFD3 and, in row 1048576, a cell with no address (cells may
    # omit r=; readers then place them after the previous cell of the row)
    def fn(root: etree._Element) -> None:
        set_cell(root, "XFD3", "x")
        row = etree.SubElement(root.find(f"{Q}sheetData"), f"{Q}row", r="1048576")
        etree.SubElement(etree.SubElement(row, f"{Q}c"), f"{Q}v").text = "1"
    return rewrite_zip(b.base, b.path("far-cell-unaddressed"),
                       edit={b.member("收入"): xml_edit(fn)})


# --- not perfxl's, or another version ----------------------------------------------------------
def b_plain_workbook(b: Builder) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["部门名称", "年度", "全年预算数"])
    ws.append(["岳阳市商务局", 2023, 4128.02])
    p = b.path("plain-workbook")
    wb.save(p)
    return p


def b_other_version(b: Builder) -> Path:
    sheet, a1 = _field("template_version")
    return b.cells("template-v0", sheet, {a1: {"value": "perfxl-0.9"}})


def b_no_version(b: Builder) -> Path:
    # an older template: perfxl's names but no pf_template_version
    def fn(root: etree._Element) -> None:
        for dn in list(root.iter(f"{Q}definedName")):
            if dn.get("name") == "pf_template_version":
                dn.getparent().remove(dn)
    return rewrite_zip(b.base, b.path("no-version"), edit={"xl/workbook.xml": xml_edit(fn)})


def b_version_name_broken(b: Builder) -> Path:
    def fn(root: etree._Element) -> None:
        for dn in root.iter(f"{Q}definedName"):
            if dn.get("name") == "pf_template_version":
                dn.text = "#REF!"
    return rewrite_zip(b.base, b.path("version-ref-broken"), edit={"xl/workbook.xml": xml_edit(fn)})


def _drop_sheet(b: Builder, name: str, sheet: str) -> Path:
    """Remove a sheet the way Excel does: the sheet entry, its part, its relationship."""
    part = b.member(sheet)
    with zipfile.ZipFile(b.base) as zf:
        rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    rid = None
    for rel in rels:
        tgt = rel.get("Target")
        if tgt.lstrip("/").endswith(part.split("xl/", 1)[1]):
            rid = rel.get("Id")

    def wb(root: etree._Element) -> None:
        for s in list(root.iter(f"{Q}sheet")):
            if s.get("name") == sheet:
                s.getparent().remove(s)
        for dn in list(root.iter(f"{Q}definedName")):
            if dn.text and f"'{sheet}'!" in dn.text:
                dn.getparent().remove(dn)

    def wbrels(root: etree._Element) -> None:
        for rel in list(root):
            if rel.get("Id") == rid:
                root.remove(rel)

    return rewrite_zip(b.base, b.path(name), remove=[part], edit={
        "xl/workbook.xml": xml_edit(wb), "xl/_rels/workbook.xml.rels": xml_edit(wbrels)})


def b_missing_sheet(b: Builder) -> Path:
    return _drop_sheet(b, "missing-sheet", "经费控制")


def b_renamed_sheet(b: Builder) -> Path:
    def fn(root: etree._Element) -> None:
        for s in root.iter(f"{Q}sheet"):
            if s.get("name") == "收入":
                s.set("name", "收入情况")
        for dn in root.iter(f"{Q}definedName"):
            if dn.text:
                dn.text = dn.text.replace("'收入'!", "'收入情况'!")
    return rewrite_zip(b.base, b.path("renamed-sheet"), edit={"xl/workbook.xml": xml_edit(fn)})


def b_missing_table(b: Builder) -> Path:
    # the table part removed, as when a user converts the Table to a range
    part = b.member("收入")
    rels_part = part.replace("worksheets/", "worksheets/_rels/") + ".rels"

    def sheet(root: etree._Element) -> None:
        tp = root.find(f"{Q}tableParts")
        root.remove(tp)
    return rewrite_zip(b.base, b.path("missing-table"), remove=["xl/tables/table2.xml", rels_part],
                       edit={part: xml_edit(sheet)})


def b_renamed_table(b: Builder) -> Path:
    def fn(root: etree._Element) -> None:
        root.set("name", "表2")
        root.set("displayName", "表2")
    return rewrite_zip(b.base, b.path("renamed-table"), edit={"xl/tables/table2.xml": xml_edit(fn)})


def b_renamed_header(b: Builder) -> Path:
    hdr = L.LAYOUT.header_row("income")
    col = L.LAYOUT.column_letter("income", "executed")
    return b.cells("renamed-header", "收入", {f"{col}{hdr}": {"value": "金额"}})


def b_extra_column(b: Builder) -> Path:
    def fn(root: etree._Element) -> None:
        root.set("ref", "A4:H10")
        root.find(f"{Q}autoFilter").set("ref", "A4:H10")
        cols = root.find(f"{Q}tableColumns")
        cols.set("count", "8")
        etree.SubElement(cols, f"{Q}tableColumn", id="8", name="备注")
    return rewrite_zip(b.base, b.path("extra-column"), edit={"xl/tables/table2.xml": xml_edit(fn)})


# --- rows inside tables --------------------------------------------------------------------------
def b_row_appended_fixed(b: Builder) -> Path:
    # typing just below a fixed table extends it (Excel's auto-expansion): 7 income sources
    r = L.LAYOUT.first_data_row("income") + L.LAYOUT.table("income").n_rows

    def table(root: etree._Element) -> None:
        root.set("ref", f"A4:G{r}")
        root.find(f"{Q}autoFilter").set("ref", f"A4:G{r}")

    def sheet(root: etree._Element) -> None:
        set_cell(root, f"A{r}", "专项收入")
        set_cell(root, f"C{r}", 12.5)
        set_cell(root, f"D{r}", 12.5)
    return rewrite_zip(b.base, b.path("row-appended-fixed"), edit={
        "xl/tables/table2.xml": xml_edit(table), b.member("收入"): xml_edit(sheet)})


def b_row_inserted_fixed(b: Builder) -> Path:
    # a row inserted inside a fixed table, above 政府性基金预算拨款: its labels no longer line up
    at = L.LAYOUT.first_data_row("income") + 1
    return shift_rows(b.base, b.path("row-inserted-fixed"), "收入", at, 1,
                      fill={f"A{at}": "专项收入", f"C{at}": 12.5, f"D{at}": 12.5})


def b_row_deleted_fixed(b: Builder) -> Path:
    at = L.LAYOUT.first_data_row("income") + 1
    return shift_rows(b.base, b.path("row-deleted-fixed"), "收入", at, -1)


def b_row_inserted_open(b: Builder) -> Path:
    # an extra row inside the open 功能分类 table (21 rows where the template has 20)
    at = L.LAYOUT.first_data_row("exp_function") + 1
    return shift_rows(b.base, b.path("row-inserted-open"), "支出", at, 1,
                      fill={f"A{at}": "2010399 其他政府办公厅（室）及相关机构事务支出",
                            f"B{at}": 3.2, f"C{at}": 1.0})


def b_row_deleted_open(b: Builder) -> Path:
    at = L.LAYOUT.first_data_row("dept_indicators")
    return shift_rows(b.base, b.path("row-deleted-open"), "部门自评表", at, -1)


def b_merged_data_rows(b: Builder) -> Path:
    r = L.LAYOUT.first_data_row("three_public")

    def fn(root: etree._Element) -> None:
        mc = root.find(f"{Q}mergeCells")  # the template merges a long text's cells already
        if mc is None:
            mc = etree.Element(f"{Q}mergeCells", count="0")
            root.find(f"{Q}sheetData").addnext(mc)
        etree.SubElement(mc, f"{Q}mergeCell", ref=f"B{r}:B{r + 1}")
        mc.set("count", str(len(mc)))
    return rewrite_zip(b.base, b.path("merged-data-rows"),
                       edit={b.member("经费控制"): xml_edit(fn)})


# --- cell contents -------------------------------------------------------------------------------
def b_number_as_text(b: Builder) -> Path:
    sheet, a1 = _tcell("income", 0, "budget_full")
    return b.cells("number-stored-as-text", sheet, {a1: {"value": "3667.49"}})


def b_spaces_only(b: Builder) -> Path:
    sheet, a1 = _tcell("income", 1, "budget_full")
    return b.cells("spaces-only", sheet, {a1: {"value": "   "}})


def b_date_in_number(b: Builder) -> Path:
    # a date typed into an amount cell (a serial number with a date format is still a number;
    # ISO text is what WPS keeps when the cell is formatted as text)
    sheet, a1 = _field("executed")
    return b.cells("date-in-amount", sheet, {a1: {"value": "2023-12-31"}})


def b_bool_in_number(b: Builder) -> Path:
    sheet, a1 = _tcell("three_public", 0, "final")
    return b.cells("bool-in-amount", sheet, {a1: {"value": 1, "t": "b"}})


def b_negative(b: Builder) -> Path:
    sheet, a1 = _tcell("three_public", 3, "final")
    return b.cells("negative-amount", sheet, {a1: {"value": -5.2}})


def b_absurd(b: Builder) -> Path:
    sheet, a1 = _tcell("income", 5, "budget_full")
    return b.cells("absurd-amount", sheet, {a1: {"value": 9.9e14}})


def b_error_in_input(b: Builder) -> Path:
    sheet, a1 = _tcell("income", 0, "executed")
    return b.cells("error-value-input", sheet, {a1: {"value": "#REF!", "t": "e"}})


def b_div0_cached(b: Builder) -> Path:
    sheet, a1 = _field("execution_rate")
    return b.cells("div0-cached", sheet, {a1: {"formula": "$B$7/0", "cached": "#DIV/0!",
                                              "t": "e"}})


def b_name_error(b: Builder) -> Path:
    sheet, a1 = _field("execution_score")
    return b.cells("name-error", sheet, {a1: {"formula": "XLOOKUP($B$9,1,2)", "cached": "#NAME?",
                                             "t": "e"}})


def b_external_link(b: Builder) -> Path:
    sheet, a1 = _field("executed")
    part = b.member(sheet)
    link = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="{NS}" '
            f'xmlns:r="{RNS}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/>'
            '</sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>3995.49'
            '</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>')
    link_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                 f'xmlns="{PKG_RNS}"><Relationship Id="rId1" Type="{RNS}/externalLinkPath" '
                 'Target="file:///\\\\fileserver\\finance\\决算.xlsx" TargetMode="External"/>'
                 '</Relationships>')

    def sheet_fn(root: etree._Element) -> None:
        set_cell(root, a1, formula="[1]Sheet1!$A$1", cached="3995.49")

    def wb(root: etree._Element) -> None:
        ext = etree.Element(f"{Q}externalReferences")
        etree.SubElement(ext, f"{Q}externalReference", {f"{{{RNS}}}id": "rIdExt1"})
        root.find(f"{Q}sheets").addnext(ext)

    def wbrels(root: etree._Element) -> None:
        etree.SubElement(root, f"{{{PKG_RNS}}}Relationship", Id="rIdExt1",
                         Type=f"{RNS}/externalLink", Target="externalLinks/externalLink1.xml")

    def ct(root: etree._Element) -> None:
        etree.SubElement(root, "{http://schemas.openxmlformats.org/package/2006/content-types}Override",
                         PartName="/xl/externalLinks/externalLink1.xml",
                         ContentType="application/vnd.openxmlformats-officedocument."
                                     "spreadsheetml.externalLink+xml")
    return rewrite_zip(b.base, b.path("external-link"), edit={
        part: xml_edit(sheet_fn), "xl/workbook.xml": xml_edit(wb),
        "xl/_rels/workbook.xml.rels": xml_edit(wbrels), "[Content_Types].xml": xml_edit(ct)},
        add={"xl/externalLinks/externalLink1.xml": link.encode(),
             "xl/externalLinks/_rels/externalLink1.xml.rels": link_rels.encode()})


def b_circular(b: Builder) -> Path:
    # 执行率 refers to 执行得分, which refers to 执行率
    sheet, a1 = _field("execution_rate")
    return b.cells("circular", sheet, {a1: {"formula": "IFERROR($B$7/$B$6,\"\")+$B$11*0",
                                           "cached": "0"}})


def b_no_cached_values(b: Builder) -> Path:
    # every formula's cached value dropped (as a file saved by a library that computes nothing)
    with zipfile.ZipFile(b.base) as zf:
        from perfxl.io.reading.sheetxml import sheet_parts

        parts = list(sheet_parts(zf).values())

    def drop(root: etree._Element) -> None:
        for c in root.iter(f"{Q}c"):
            if c.find(f"{Q}f") is not None:
                v = c.find(f"{Q}v")
                if v is not None:
                    c.remove(v)
    return rewrite_zip(b.base, b.path("no-cached-values"), edit={p: xml_edit(drop) for p in parts})


def b_one_formula_uncached(b: Builder) -> Path:
    sheet, a1 = _field("execution_rate")
    return b.cells("formula-without-cache", sheet, {a1: {"formula": "IFERROR($B$7/$B$6,\"\")"}})


def b_typed_over_formula(b: Builder) -> Path:
    sheet, a1 = _field("execution_score")
    return b.cells("typed-over-formula", sheet, {a1: {"value": 9.6}})


def b_long_and_control_text(b: Builder) -> Path:
    s1, c1 = _field("duties")
    s2, c2 = _field("conclusion")
    return rewrite_zip(b.base, b.path("long-and-control-text"), edit={
        b.member(s1): xml_edit(lambda root: set_cell(root, c1, "职能" * 16000)),  # 32,000 chars
        b.member(s2): xml_edit(lambda root: set_cell(root, c2, "结论_x0001_\t含\x7f控制字符")),
    })


# --- issue 15: values no command may crash on ---------------------------------------------------
def b_huge_amount(b: Builder) -> Path:
    sheet, a1 = _tcell("income", 0, "executed")
    return b.cells("huge-amount", sheet, {a1: {"value": 1.7976931348623157e308}})


def b_huge_negative_amount(b: Builder) -> Path:
    sheet, a1 = _tcell("three_public", 0, "final")
    return b.cells("huge-negative-amount", sheet, {a1: {"value": -1e300}})


def b_overflow_sums(b: Builder) -> Path:
    """±1.797e308 in every income row and in 全年预算数 / 全年执行数: sums overflow to ±inf
    and inf − inf gives NaN inside the checks, scores and report figures."""
    edits = {}
    sheet = _tcell("income", 0, "executed")[0]
    for i in range(6):
        for col in ("budget_full", "executed", "prior_final"):
            a1 = _tcell("income", i, col)[1]
            edits[a1] = {"value": 1.7976931348623157e308 * (1 if i % 2 == 0 else -1)}
    (s1, c1), (s2, c2) = _field("executed"), _field("budget_full")
    assert s1 == s2 != sheet

    def dept(root: etree._Element) -> None:
        set_cell(root, c1, 1.7976931348623157e308)
        set_cell(root, c2, -1.7976931348623157e308)

    def income(root: etree._Element) -> None:
        for a1, kw in edits.items():
            set_cell(root, a1, **kw)
    return rewrite_zip(b.base, b.path("overflow-sums"),
                       edit={b.member(sheet): xml_edit(income), b.member(s1): xml_edit(dept)})


def _raw_number(name: str, text: str) -> Callable[[Builder], Path]:
    """A number cell whose ``<v>`` holds ``text`` (NaN, INF: no spreadsheet writes these, a
    script can; Python parses them as floats)."""
    def build(b: Builder) -> Path:
        sheet, a1 = _tcell("income", 0, "executed")

        def fn(root: etree._Element) -> None:
            set_cell(root, a1, 1.0)
            cell_el(root, a1).find(f"{Q}v").text = text
        return rewrite_zip(b.base, b.path(name), edit={b.member(sheet): xml_edit(fn)})
    return build


def b_text_32767(b: Builder) -> Path:
    """Excel's limit of a cell: 32,767 characters, in every text field the report prints."""
    edits: dict[str, dict[str, Callable[[bytes], bytes]]] = {}
    for key in ("department_name", "duties", "overall_goal", "conclusion"):
        sheet, a1 = _field(key)
        edits.setdefault(b.member(sheet), {})[a1] = "长" * 32767
    return rewrite_zip(b.base, b.path("text-32767"), edit={
        m: xml_edit(lambda root, cells=cells: [set_cell(root, a, v) for a, v in cells.items()])
        for m, cells in edits.items()})


def _hostile_name(name: str, text: str) -> Callable[[Builder], Path]:
    """``text`` as the 部门名称 (the summary copies it into 汇总) and in 存在问题."""
    def build(b: Builder) -> Path:
        s1, c1 = _field("department_name")
        s2, c2 = _field("problems")
        edit = {b.member(s1): xml_edit(lambda root: set_cell(root, c1, text))}
        m2 = b.member(s2)
        if m2 in edit:
            raise AssertionError("department_name and problems on one sheet")
        edit[m2] = xml_edit(lambda root: set_cell(root, c2, text))
        return rewrite_zip(b.base, b.path(name), edit=edit)
    return build


def b_backslash_member(b: Builder) -> Path:
    """An extra member ``xl\\worksheets\\sheet1.xml``: the same part as xl/worksheets/sheet1.xml
    to Python on Windows, another part on Linux; check and score must both refuse it."""
    part = b.member("基本信息")
    other = read_member(b.base, part).replace(b"perfxl-", b"fake-")
    return rewrite_zip(b.base, b.path("backslash-member"), add={part.replace("/", "\\"): other})


def b_case_member(b: Builder) -> Path:
    part = b.member("基本信息")
    other = read_member(b.base, part).replace(b"perfxl-", b"fake-")
    return rewrite_zip(b.base, b.path("case-member"), add={part.upper(): other})


def _drop_names(keep: Callable[[str], bool]) -> Callable[[bytes], bytes]:
    def fn(root: etree._Element) -> None:
        for dn in root.iter(f"{Q}definedName"):
            if not keep(dn.get("name", "")):
                dn.getparent().remove(dn)
    return xml_edit(fn)


def b_names_deleted(b: Builder) -> Path:
    """Every defined name deleted but the version's: the fields are read by position (their
    labels agree with the template) and PX008 warns."""
    return rewrite_zip(b.base, b.path("names-deleted"),
                       edit={"xl/workbook.xml": _drop_names(lambda n: n == "pf_template_version")})


def b_names_deleted_moved(b: Builder) -> Path:
    """Names deleted and a label changed (a row moved): the position cannot be trusted."""
    sheet, a1 = _field("department_name")
    row = split_a1(a1)[0]
    return rewrite_zip(b.base, b.path("names-deleted-moved"), edit={
        "xl/workbook.xml": _drop_names(lambda n: n == "pf_template_version"),
        b.member(sheet): xml_edit(lambda root: set_cell(root, f"A{row}", "单位名称（已移动）"))})


def b_formula_named_file(b: Builder) -> Path:
    p = b.folder / "=HYPERLINK(1).xlsx"
    shutil.copy(b.base, p)
    return p


def b_chinese_path(b: Builder) -> Path:
    folder = b.folder / "岳阳 市商务局 (2023)" / "报 送"
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / "部门 整体 自评表 副本 (1).xlsx"
    shutil.copy(b.base, p)
    return p


def b_read_only(b: Builder) -> Path:
    p = b.path("read-only")
    shutil.copy(b.base, p)
    p.chmod(0o444)
    return p


def b_xlsm_with_vba(b: Builder) -> Path:
    # a macro-enabled copy (the VBA is never run, only carried)
    p = b.path("with-macros", ".xlsm")
    return add_vba_project(b.base, p)


def b_wrong_extension(b: Builder) -> Path:
    # a real .xlsx that was renamed .xls by a mail gateway: perfxl goes by content
    p = b.path("really-xlsx", ".xls")
    shutil.copy(b.base, p)
    return p


def b_directory(b: Builder) -> Path:
    p = b.folder / "a-folder.xlsx"
    p.mkdir(exist_ok=True)
    return p


def b_missing_file(b: Builder) -> Path:
    return b.folder / "does-not-exist.xlsx"


def b_fifo(b: Builder) -> Path:
    """A named pipe called .xlsx: open() on it waits for a writer that never comes."""
    if not hasattr(os, "mkfifo"):
        raise Unavailable("no named pipes on this system")
    p = b.path("fifo")
    if not p.exists():
        os.mkfifo(p)
    return p


def b_device(b: Builder) -> Path:
    """A character device: reading /dev/zero never ends.  A symbolic link named .xlsx to it."""
    if not os.path.exists("/dev/zero"):
        raise Unavailable("no /dev/zero on this system")
    p = b.path("device")
    if not p.is_symlink():
        p.symlink_to("/dev/zero")
    return p


def b_socket(b: Builder) -> Path:
    """A Unix socket named .xlsx (open() fails with ENXIO)."""
    import socket

    if not hasattr(socket, "AF_UNIX"):
        raise Unavailable("no Unix sockets on this system")
    p = b.path("socket")
    if not p.exists():
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(p))
        s.close()
    return p


def b_changed_after_sniff(b: Builder) -> Path:
    p = b.path("changed-after-sniff")
    shutil.copy(b.base, p)
    return p


def b_changed_between_reads(b: Builder) -> Path:
    p = b.path("changed-between-reads")
    shutil.copy(b.base, p)
    return p


def b_changed_before_write(b: Builder) -> Path:
    p = b.path("changed-before-write")
    shutil.copy(b.base, p)
    return p


def b_truncated_mid_read(b: Builder) -> Path:
    p = b.path("truncated-mid-read")
    shutil.copy(b.base, p)
    return p


# ------------------------------------------------------------------------------------------------
# VBA: a vbaProject.bin for .xlsm tests
# ------------------------------------------------------------------------------------------------
def vba_project_bin() -> bytes:
    """A real vbaProject.bin: from the built perfxl add-in if present, else from xlwings's
    quickstart workbook, else a compound file standing in for one (bytes compared, never run)."""
    for cand in sorted((ROOT / "perfxl" / "addin").glob("**/*.xlam")) + \
            sorted((ROOT / "build").glob("**/*.xlam")):
        with zipfile.ZipFile(cand) as zf:
            if "xl/vbaProject.bin" in zf.namelist():
                return zf.read("xl/vbaProject.bin")
    try:
        import xlwings

        qs = Path(xlwings.__file__).parent / "quickstart_standalone.xlsm"
        cands = [qs] + sorted(Path(xlwings.__file__).parent.glob("**/*.xlsm"))
        for c in cands:
            if c.exists():
                with zipfile.ZipFile(c) as zf:
                    if "xl/vbaProject.bin" in zf.namelist():
                        return zf.read("xl/vbaProject.bin")
    except ImportError:  # pragma: no cover
        pass
    return write_cfb({"PROJECT": b"ID=\"{00000000-0000-0000-0000-000000000000}\"\r\n",
                      "VBA": {"dir": b"\x01\x00" * 8}})


def add_vba_project(src: Path, dst: Path) -> Path:
    """``src`` as a macro-enabled workbook (.xlsm) carrying ``vba_project_bin()``."""
    ct_ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"

    def ct(root: etree._Element) -> None:
        for o in root.iter(f"{ct_ns}Override"):
            if o.get("PartName") == "/xl/workbook.xml":
                o.set("ContentType", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
        etree.SubElement(root, f"{ct_ns}Default", Extension="bin",
                         ContentType="application/vnd.ms-office.vbaProject")

    def rels(root: etree._Element) -> None:
        etree.SubElement(root, f"{{{PKG_RNS}}}Relationship", Id="rIdVBA",
                         Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject",
                         Target="vbaProject.bin")
    return rewrite_zip(src, dst, edit={"[Content_Types].xml": xml_edit(ct),
                                       "xl/_rels/workbook.xml.rels": xml_edit(rels)},
                       add={"xl/vbaProject.bin": vba_project_bin()})


# ------------------------------------------------------------------------------------------------
# The corpus
# ------------------------------------------------------------------------------------------------
_I = "income"
CORPUS: tuple[Entry, ...] = (
    # not a workbook at all
    Entry("not-a-zip", b_not_a_zip, error("不是 Excel 工作簿"), "CSV text named .xlsx"),
    Entry("html-export", b_html_as_xls, error("不是 Excel 工作簿"), "an HTML table named .xls"),
    Entry("empty-file", b_empty, error("文件为空"), "0 bytes"),
    Entry("truncated-zip", b_truncated, error("损坏"), "the first 2/3 of an example"),
    Entry("missing-file", b_missing_file, error("文件不存在"), "a path that does not exist"),
    Entry("a-folder", b_directory, error("文件夹"), "a folder named .xlsx"),
    # other formats
    Entry("xls-biff8", b_xls, error("97-2003"), "a real BIFF8 .xls in an OLE compound file"),
    Entry("xls-named-xlsx", b_xls_named_xlsx, error("97-2003"), "a BIFF8 workbook named .xlsx"),
    Entry("xlsb", b_xlsb, error("xlsb"), "a real BIFF12 .xlsb package"),
    Entry("ods", b_ods, error(".ods"), "a minimal OpenDocument spreadsheet"),
    Entry("ods-libreoffice", b_ods_libreoffice, error(".ods"),
          "example 004 converted to .ods by LibreOffice", seconds=60),
    Entry("password", b_encrypted, error("密码"), "example 004 encrypted by msoffcrypto-tool"),
    Entry("zip-password", b_zip_encrypted_member, error("加密"),
          "zip members flagged with traditional zip encryption"),
    # damaged packages
    Entry("crc-mismatch", b_crc_mismatch, error("损坏"), "a member whose bytes fail its CRC"),
    Entry("deflate64", b_deflate64, error("压缩方式"), "a sheet compressed with Deflate64"),
    Entry("duplicate-member", b_duplicate_member, error("重复"), "two members with one name"),
    Entry("no-workbook-part", b_missing_workbook_part, error("没有 Excel 工作簿内容"),
          "xl/workbook.xml missing"),
    Entry("malformed-xml", b_malformed_sheet_xml, error("无法"), "a sheet's XML cut in half"),
    Entry("dangling-sheet", b_dangling_sheet_rel, error("收入"),
          "the 收入 sheet's part is missing from the package"),
    # hostile
    Entry("zip-bomb", b_zip_bomb, error("压缩炸弹"), "a 300 MiB member packed into 300 kB"),
    Entry("zip-bomb-lying", b_zip_bomb_lying, error("损坏"),
          "256 MiB inflate from a member whose headers say 100 bytes"),
    Entry("xml-bomb-sheet", b_xml_bomb_sheet, error("实体"), "billion laughs in a sheet"),
    Entry("xml-bomb-workbook", b_xml_bomb_workbook, error("实体"), "billion laughs in workbook.xml"),
    Entry("xml-bomb-styles", b_xml_bomb_styles, error("实体"), "billion laughs in styles.xml"),
    Entry("xml-bomb-utf16", b_xml_bomb_utf16, error("实体"), "billion laughs in a UTF-16 sheet"),
    Entry("xxe", b_xxe, error("实体"), "an external entity (file:///etc/passwd) in a sheet"),
    Entry("million-rows", b_million_rows, error("单元格过多"),
          "an output sheet with 1,048,576 used rows", seconds=10),
    Entry("merge-bomb", b_merge_bomb, error("单元格过多"), "one merged range over a whole sheet",
          seconds=10),
    Entry("hyperlink-bomb", b_hyperlink_bomb, error("单元格过多"),
          "one hyperlink over 27 million cells", seconds=10),
    Entry("table-million-rows", b_table_ref_huge, error("单元格过多"),
          "the income table claims a million rows", seconds=10),
    Entry("far-cell", b_far_cell, error("使用区域过大", "收入"), "a stray value in XFD1048576"),
    Entry("far-cell-unaddressed", b_far_cell_unaddressed, error("使用区域过大", "收入"),
          "values in XFD3 and in row 1048576, the latter in a cell without an address"),
    # not perfxl's, or another version
    Entry("plain-workbook", b_plain_workbook, error("不是 perfxl 标准工作簿"), "a workbook of someone else"),
    Entry("template-v0", b_other_version, error("模板版本", *_field("template_version")),
          "pf_template_version says perfxl-0.9"),
    Entry("no-version", b_no_version, error("模板版本"), "perfxl's names but no version name"),
    Entry("version-ref-broken", b_version_name_broken, error("pf_template_version"),
          "the version name points to #REF!"),
    Entry("missing-sheet", b_missing_sheet, error("缺少工作表：经费控制", "经费控制"),
          "the 经费控制 sheet deleted"),
    Entry("renamed-sheet", b_renamed_sheet, error("收入", "收入"), "收入 renamed 收入情况"),
    Entry("missing-table", b_missing_table, error("缺少表格", "收入"), "T_income converted to a range"),
    Entry("renamed-table", b_renamed_table, error("缺少表格", "收入"), "T_income renamed 表2"),
    Entry("renamed-header", b_renamed_header, error("表头应为", "收入", "D4"), "a header renamed"),
    Entry("extra-column", b_extra_column, error("列数", "收入"), "a column added to T_income"),
    # rows inside tables
    Entry("row-appended-fixed", b_row_appended_fixed, error("收入来源", "收入"),
          "a 7th row typed below the fixed income table (auto-expanded)"),
    Entry("row-inserted-fixed", b_row_inserted_fixed, error("收入来源", "收入"),
          "a row inserted inside the fixed income table"),
    Entry("row-deleted-fixed", b_row_deleted_fixed, error("收入来源", "收入"),
          "a row deleted from the fixed income table"),
    Entry("row-inserted-open", b_row_inserted_open, OK,
          "a 21st row inserted inside the open 功能分类 table"),
    Entry("row-deleted-open", b_row_deleted_open, OK,
          "the first indicator row deleted from the open 绩效指标 table"),
    Entry("merged-data-rows", b_merged_data_rows,
          error("合并单元格", "经费控制", f"B{L.LAYOUT.first_data_row('three_public')}"),
          "merged cells across two data rows"),
    # text in number cells (each in a table cell; the reader's own tests use a field)
    *(Entry(f"text-{slug}", _text_in_number(text, t, i, c),
            text_finding(hint, *_tcell(t, i, c)), f"“{text}” in {t}.{c}")
      for slug, text, t, i, c, hint in (
          ("percent", "96.79%", _I, 0, "budget_full", "0.9679"),
          ("thousands", "1,234.00", "three_public", 1, "budget", "1234"),
          ("fullwidth", "１２３", "exp_basic", 0, "executed", "123"),
          ("about", "约100", "staffing", 0, "actual", "请填写数字"),
          ("dash", "—", _I, 2, "executed", "请填写数字"),
          ("padded", "  12.5 ", _I, 3, "prior_final", "12.5"),
      )),
    Entry("number-stored-as-text", b_number_as_text, text_finding("3667.49", *_tcell(_I, 0, "budget_full")),
          "“3667.49” stored as text"),
    Entry("spaces-only", b_spaces_only, OK, "only spaces in an amount cell (read as empty)"),
    Entry("date-in-amount", b_date_in_number, text_finding("2023-12-31", *_field("executed")),
          "a date typed as text into 全年执行数"),
    Entry("bool-in-amount", b_bool_in_number, text_finding("逻辑值", *_tcell("three_public", 0, "final")),
          "TRUE in an amount cell"),
    Entry("error-value-input", b_error_in_input, text_finding("#REF!", *_tcell(_I, 0, "executed")),
          "#REF! as the value of an input cell"),
    # readable; the problem is in the data
    Entry("negative-amount", b_negative, finding("PX5"), "a negative 三公 amount"),
    Entry("absurd-amount", b_absurd, finding("PX"), "an income of 9.9e14 万元"),
    Entry("div0-cached", b_div0_cached, finding("PX0"), "执行率 formula cached as #DIV/0!"),
    Entry("name-error", b_name_error, finding("PX0"), "an unknown function cached as #NAME?"),
    Entry("external-link", b_external_link, finding("PX0"),
          "全年执行数 taken from another workbook on a file server"),
    Entry("circular", b_circular, finding("PX0"), "执行率 ↔ 执行得分 circular reference"),
    Entry("typed-over-formula", b_typed_over_formula, finding("PX0"), "a number typed over 执行得分"),
    Entry("formula-without-cache", b_one_formula_uncached, OK, "one formula cell without cached value"),
    Entry("no-cached-values", b_no_cached_values, OK, "no formula carries a cached value",
          seconds=30),
    Entry("long-and-control-text", b_long_and_control_text, OK,
          "32,000 characters, and control characters in text cells"),
    # issue 15: values outside Excel's range, texts at its limits, hostile texts
    Entry("huge-amount", b_huge_amount, finding("PX"), "1.797e308 (the largest float) in 全年执行数"),
    Entry("huge-negative-amount", b_huge_negative_amount, finding("PX"), "-1e300 in a 三公 amount"),
    Entry("nan-amount", _raw_number("nan-amount", "NaN"), error("不是有效数字", *_tcell("income", 0, "executed")),
          "<v>NaN</v> in an amount cell"),
    Entry("inf-amount", _raw_number("inf-amount", "INF"), error("不是有效数字", *_tcell("income", 0, "executed")),
          "<v>INF</v> in an amount cell"),
    Entry("overflow-sums", b_overflow_sums, finding("PX"),
          "±1.797e308 in many amount cells: sums overflow to inf, inf − inf to NaN"),
    Entry("text-32767", b_text_32767, OK, "32,767 characters (Excel's cell limit) in four text fields"),
    Entry("control-char-name", _hostile_name("control-char-name", "岳阳市_x0001_商务局_x001F_"), OK,
          "U+0001 (stored as _x0001_) and U+001F in 部门名称"),
    Entry("rtl-override-name", _hostile_name("rtl-override-name", "岳阳市\u202e局务商\u202c"), OK,
          "a right-to-left override in 部门名称"),
    Entry("formula-name", _hostile_name("formula-name", '=HYPERLINK("http://evil.example/x","点我")'),
          OK, "a formula-like text as 部门名称"),
    Entry("dde-name", _hostile_name("dde-name", "=cmd|'/c calc'!A1"), OK, "a DDE form as 部门名称"),
    Entry("plus-at-name", _hostile_name("plus-at-name", "@SUM(1+1)*cmd|' /C calc'!A0"), OK,
          "a text starting with @ as 部门名称"),
    Entry("formula-file-name", b_formula_named_file, OK, "a workbook named =HYPERLINK(1).xlsx"),
    Entry("backslash-member", b_backslash_member, error("反斜杠"),
          "an extra member xl\\worksheets\\sheet1.xml (backslashes)"),
    Entry("case-member", b_case_member, error("大小写"), "an extra member XL/WORKSHEETS/SHEET1.XML"),
    Entry("names-deleted", b_names_deleted, finding("PX008"),
          "every defined name deleted but pf_template_version"),
    Entry("names-deleted-moved", b_names_deleted_moved, error("无法确定", "基本信息", "A4"),
          "defined names deleted and the 部门名称 label changed"),
    # the file system
    Entry("chinese-path", b_chinese_path, OK, "Chinese characters and spaces in folder and name"),
    Entry("read-only", b_read_only, OK, "a read-only file (mode 0444)"),
    Entry("xlsm-with-vba", b_xlsm_with_vba, OK, "a macro-enabled copy (never run)"),
    Entry("xlsx-named-xls", b_wrong_extension, error("扩展名"), "a real .xlsx named .xls"),
    Entry("fifo", b_fifo, error("命名管道"), "a FIFO (named pipe) named .xlsx: never waited for",
          seconds=10),
    Entry("device", b_device, error("设备文件"), "a link named .xlsx to /dev/zero", seconds=10),
    Entry("socket", b_socket, error("套接字"), "a Unix socket named .xlsx", seconds=10),
    # changed on disk while perfxl reads it
    Entry("changed-after-sniff", b_changed_after_sniff, EITHER,
          "replaced by a truncated copy after the pre-parse check", race=("swap", 2, "truncated")),
    Entry("changed-between-reads", b_changed_between_reads, EITHER,
          "replaced by another example between the workbook load and the XML scan",
          race=("swap", 3, "example-000")),
    Entry("changed-before-write", b_changed_before_write, EITHER,
          "replaced by a truncated copy after it was read, before perfxl score -o copies it",
          race=("swap", 4, "truncated")),
    Entry("truncated-mid-read", b_truncated_mid_read, EITHER,
          "cut in place to half its size while the workbook is being loaded (openpyxl)",
          race=("truncate", 3, 6)),
)

BY_NAME = {e.name: e for e in CORPUS}
assert len(BY_NAME) == len(CORPUS), "duplicate corpus names"


def build(entry: Entry | str, folder: Path) -> Path:
    """Build one entry into ``folder`` (raises ``Unavailable`` when a tool is missing)."""
    e = BY_NAME[entry] if isinstance(entry, str) else entry
    sub = Path(folder) / e.name
    sub.mkdir(parents=True, exist_ok=True)
    return e.build(Builder(sub))


def build_all(folder: Path, *, skip_unavailable: bool = True) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for e in CORPUS:
        try:
            out[e.name] = build(e, folder)
        except Unavailable:
            if not skip_unavailable:
                raise
    return out


def donor(kind: str, folder: Path) -> Path:
    """The file a race swaps in: ``truncated`` (a cut copy) or ``example-000``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "truncated":
        return b_truncated(Builder(folder))
    if kind == "example-000":
        p = folder / "example-000.xlsx"
        shutil.copy(example_path("000"), p)
        return p
    raise KeyError(kind)


def table() -> str:
    """The corpus as a Markdown table (name, what, expected outcome)."""
    lines = ["| name | input | expected |", "|---|---|---|"]
    lines += [f"| {e.name} | {e.what} | {e.expect} |" for e in CORPUS]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-out")
    built = build_all(target)
    for name, path in built.items():
        print(f"{name:28} {path}")
    print(f"{len(built)} of {len(CORPUS)} entries built in {target}")
