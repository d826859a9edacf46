"""Reading what openpyxl does not give in one pass: the formula text *and* the cached value of
each formula cell, straight from the sheet XML (a few ms per sheet).

Parsing goes through defusedxml with ``forbid_dtd=True``: a DTD of any kind (and so any entity
declaration, internal or external) is refused before anything is expanded.  ``perfxl.io.reading.sniff``
refuses such a package even earlier, and bounds the size of every part parsed here.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree as DET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RNS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_RNS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _parse(data: bytes):
    """The root element of ``data``; raises defusedxml's ``DTDForbidden`` / ``EntitiesForbidden``
    for any DTD and ``xml.etree.ElementTree.ParseError`` for malformed XML."""
    return DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)


@dataclass(frozen=True)
class FormulaCell:
    """A formula cell as saved: its formula text and its cached value."""

    formula: str | None  # None for a cell that only refers to a shared formula
    cached: Any          # float, str, bool, an error string ("#DIV/0!") or None when absent


#: Results of parsing small package parts, by their bytes: the workbook part, its relationships
#: and the table parts are the same in every workbook of a template, so a batch parses them once.
_MEMO: dict[tuple, Any] = {}
_MEMO_MAX = 512


def _memo(kind: str, parts: tuple[bytes, ...], compute):
    key = (kind, *parts)
    hit = _MEMO.get(key)
    if hit is None:
        hit = compute()  # an exception is not remembered: the next call raises it again
        if len(_MEMO) >= _MEMO_MAX:
            _MEMO.clear()
        _MEMO[key] = hit
    return hit


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> zip member of its XML."""
    wb_xml = zf.read("xl/workbook.xml")
    rels_xml = zf.read("xl/_rels/workbook.xml.rels")
    return dict(_memo("parts", (wb_xml, rels_xml), lambda: _sheet_parts(wb_xml, rels_xml)))


def _sheet_parts(wb_xml: bytes, rels_xml: bytes) -> dict[str, str]:
    wb = _parse(wb_xml)
    rels = _parse(rels_xml)
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{PKG_RNS}Relationship")}
    out: dict[str, str] = {}
    for s in wb.iter(f"{NS}sheet"):
        target = targets.get(s.get(f"{RNS}id"))
        if not target or not s.get("name"):
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        out[s.get("name")] = path
    return out


def _cached(t: str | None, v: str | None) -> Any:
    if v is None or v == "":
        return None
    if t in ("str", "inlineStr"):
        return v
    if t == "b":
        return v == "1"
    if t == "e":
        return v
    try:
        return float(v)
    except ValueError:
        return v


def scan_formulas(zf: zipfile.ZipFile, part: str) -> dict[str, FormulaCell]:
    """A1 -> FormulaCell for every cell of the sheet that holds a formula.

    A sheet serialised the usual way (Excel, WPS, LibreOffice, openpyxl: default namespace, no
    ``<!`` anywhere, UTF-8) is scanned by ``_scan_fast`` in a couple of milliseconds; anything
    else, or a part over ``FAST_LIMIT`` bytes, goes through defusedxml's streaming parser, which
    gives the same result (tests/batch/test_sheetxml_fast.py) or refuses the part."""
    if zf.getinfo(part).file_size <= FAST_LIMIT:
        data = zf.read(part)
        fast = _scan_fast(data)
        if fast is not None:
            return fast
        return _scan_xml(io.BytesIO(data))
    with zf.open(part) as fh:
        return _scan_xml(fh)


def _scan_xml(fh) -> dict[str, FormulaCell]:
    out: dict[str, FormulaCell] = {}
    for _event, el in DET.iterparse(fh, events=("end",), forbid_dtd=True,
                                    forbid_entities=True, forbid_external=True):
        if el.tag == f"{NS}row":
            el.clear()  # its cells are done: keep memory flat however long the sheet
            continue
        if el.tag != f"{NS}c" or el.get("r") is None:
            continue
        f = el.find(f"{NS}f")
        if f is not None:
            v = el.find(f"{NS}v")
            text = f.text
            formula = f"={text}" if text else None
            out[el.get("r")] = FormulaCell(formula, _cached(el.get("t"), None if v is None else v.text))
        el.clear()
    return out


#: Parts up to this size are read whole and scanned by ``_scan_fast``.
FAST_LIMIT = 16 * 1024 * 1024
_MAIN = NS[1:-1].encode()
_XMLNS = re.compile(rb"""\sxmlns(:[\w.-]+)?\s*=\s*["']([^"']*)["']""")
_F_OPEN = re.compile(rb"<f[\s/>]")
_ATTR = re.compile(rb"""\s([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


_LEAD = re.compile(rb"\s*<")
_ROOT = re.compile(rb"<(?![?!])[^>]*>")
#: Character data already decoded (formula texts repeat in every file of a template).
_DECODED: dict[bytes, str] = {}


class _NotFast(Exception):
    pass


def _chars(raw: bytes | None) -> str | None:
    """Character data as the XML parser gives it: entities and character references decoded,
    line ends normalised; ``None`` for empty."""
    if not raw:
        return None
    text = _DECODED.get(raw)
    if text is None:
        if b"&" in raw or b"\r" in raw:
            text = _parse(b"<x>" + raw + b"</x>").text or ""
        else:
            text = raw.decode("utf-8")
        if len(_DECODED) > 50_000:
            _DECODED.clear()
        _DECODED[raw] = text
    return text or None


def _decls(tag: bytes) -> list[tuple[bytes | None, bytes]]:
    return [(m.group(1), m.group(2)) for m in _XMLNS.finditer(tag)]


def _attrs(tag: bytes) -> dict[bytes, bytes]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _ATTR.finditer(tag)}


def _element(data: bytes, start: int, name: bytes, end: int) -> tuple[bytes | None, int] | None:
    """Text of the element ``<name ...>`` opening at ``start`` (``None`` when empty) and the
    index after it; ``None`` when it is not well formed before ``end``."""
    gt = data.find(b">", start, end)
    if gt < 0:
        return None
    if data[gt - 1] == 0x2F:  # "/>": empty element
        return None, gt + 1
    close = data.find(b"</" + name + b">", gt, end)
    if close < 0:
        return None
    text = data[gt + 1:close]
    if b"<" in text:
        raise _NotFast  # mixed content (nested elements): leave it to the parser
    return (text or None), close + len(name) + 3


def _scan_fast(data: bytes) -> dict[str, FormulaCell] | None:
    """The formula cells of a sheet part by direct search, or ``None`` when the part is not in
    the plain form this search understands (the caller then parses it)."""
    try:
        return _scan_fast_or_raise(data)
    except (_NotFast, UnicodeDecodeError, ValueError, KeyError, IndexError, ParseError):
        return None


def _scan_fast_or_raise(data: bytes) -> dict[str, FormulaCell]:
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if not _LEAD.match(data, start) or b"<!" in data:
        raise _NotFast  # DTD, comment, CDATA, or not UTF-8/ASCII text: the parser decides
    head = data[start:start + 200]
    if head.startswith(b"<?xml"):
        decl = head[:head.find(b"?>")]
        m = re.search(rb"""encoding\s*=\s*["']([^"']+)""", decl)
        if m and m.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
            raise _NotFast
    # the root element binds the default namespace to SpreadsheetML; no other element rebinds
    # it, and no prefix is bound to SpreadsheetML (so every unprefixed <c>, <f>, <v> is
    # SpreadsheetML's and no prefixed one is)
    root = _ROOT.search(data, start)
    if root is None or (None, _MAIN) not in _decls(root.group(0)):
        raise _NotFast
    i = data.find(b"xmlns", root.end())
    while i >= 0:
        m = _XMLNS.match(data, i - 1)
        if m is None or m.group(1) is None or m.group(2) == _MAIN:
            raise _NotFast
        i = data.find(b"xmlns", i + 5)
    if any(uri == _MAIN for prefix, uri in _decls(root.group(0)) if prefix is not None):
        raise _NotFast
    found: list[tuple[bytes, bytes | None, bytes | None, bytes | None]] = []
    pos = 0
    find = data.find
    while True:
        m = _F_OPEN.search(data, pos)
        if m is None:
            break
        fpos = m.start()
        cstart = data.rfind(b"<c", 0, fpos)
        if cstart < 0 or data[cstart + 2] not in b" \t\r\n>":
            raise _NotFast
        cgt = find(b">", cstart)
        if cgt > fpos or data[cgt - 1] == 0x2F:
            raise _NotFast
        cend = find(b"</c>", fpos)
        if cend < 0:
            raise _NotFast
        if data[cgt + 1:fpos].strip():
            raise _NotFast  # something before <f> in the cell: not the plain form
        attrs = _attrs(data[cstart + 2:cgt])
        text, after = _element(data, fpos, b"f", cend) or (None, -1)
        if after < 0:
            raise _NotFast
        rest = data[after:cend]
        v_text: bytes | None = None
        if rest.strip():
            vm = re.match(rb"\s*<v(?:\s[^>]*)?(/?)>", rest)
            if vm is None:
                raise _NotFast
            if not vm.group(1):
                close = rest.find(b"</v>", vm.end())
                if close < 0 or rest[close + 4:].strip():
                    raise _NotFast
                v_text = rest[vm.end():close] or None
                if v_text is not None and b"<" in v_text:
                    raise _NotFast
            elif rest[vm.end():].strip():
                raise _NotFast
        pos = cend + 4
        ref = attrs.get(b"r")
        if ref is not None:
            found.append((ref, attrs.get(b"t"), text, v_text))
    out: dict[str, FormulaCell] = {}
    for ref, t, f_raw, v_raw in found:
        text, v = _chars(f_raw), _chars(v_raw)
        formula = f"={text}" if text else None
        out[ref.decode("ascii")] = FormulaCell(formula, _cached(None if t is None else t.decode("ascii"), v))
    return out


_AREA = re.compile(r"\$?[A-Z]{1,3}\$?(\d+):\$?[A-Z]{1,3}\$?(\d+)")


def print_areas(zf: zipfile.ZipFile) -> dict[str, list[tuple[int, int]]]:
    """Sheet name -> (first row, last row) of each range of its print area (``_xlnm.Print_Area``,
    a name local to the sheet); sheets without one are left out, and so is a print area that is
    not a list of plain ranges (a formula: what it covers is not known here)."""
    wb = _parse(zf.read("xl/workbook.xml"))
    sheets = [s.get("name") for s in wb.iter(f"{NS}sheet")]
    out: dict[str, list[tuple[int, int]]] = {}
    for dn in wb.iter(f"{NS}definedName"):
        local = dn.get("localSheetId")
        if dn.get("name") != "_xlnm.Print_Area" or local is None or not dn.text:
            continue
        if not local.isdigit() or int(local) >= len(sheets):
            continue
        parts = [p.split("!")[-1] for p in dn.text.split(",")]
        spans = [_AREA.fullmatch(p.strip()) for p in parts]
        if spans and all(spans):
            out[sheets[int(local)]] = [(int(m.group(1)), int(m.group(2))) for m in spans]
    return out


def external_links(zf: zipfile.ZipFile) -> list[str]:
    """Members that hold links to other workbooks (never followed, only reported)."""
    return sorted(n for n in zf.namelist() if n.startswith("xl/externalLinks/"))


def defined_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """Workbook-scope defined names -> their reference text ("'基本信息'!$B$4")."""
    wb_xml = zf.read("xl/workbook.xml")
    return dict(_memo("names", (wb_xml,), lambda: _defined_names(wb_xml)))


def _defined_names(wb_xml: bytes) -> dict[str, str]:
    wb = _parse(wb_xml)
    out: dict[str, str] = {}
    for dn in wb.iter(f"{NS}definedName"):
        if dn.get("localSheetId") is None and dn.text:
            out[dn.get("name")] = dn.text
    return out


_TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table"


def table_refs(zf: zipfile.ZipFile, parts: dict[str, str] | None = None) -> dict[str, tuple[str, str]] | None:
    """Excel Table display name -> (sheet, "A4:G10" with its header row), from the table parts
    the sheets' relationships point to; ``None`` when a table is not in the plain form (no
    header row, a totals or insert row, a name used twice) and the caller should ask a full
    reader instead."""
    parts = sheet_parts(zf) if parts is None else parts
    members = set(zf.namelist())
    out: dict[str, tuple[str, str]] = {}
    for sheet, part in parts.items():
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in members:
            continue
        rels_xml = zf.read(rels)
        for rtype, mode, target in _memo("rels", (rels_xml,), lambda: _rels(rels_xml)):
            if rtype != _TABLE_REL or mode == "External":
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            if path not in members:
                return None
            table_xml = zf.read(path)
            name, ref, plain = _memo("table", (table_xml,), lambda: _table(table_xml))
            if not name or not ref or ":" not in ref or not plain or name in out:
                return None
            out[name] = (sheet, ref.replace("$", "").upper())
    return out


def _rels(rels_xml: bytes) -> tuple[tuple[str | None, str | None, str], ...]:
    return tuple((r.get("Type"), r.get("TargetMode"), r.get("Target") or "")
                 for r in _parse(rels_xml).iter(f"{PKG_RNS}Relationship"))


def _table(table_xml: bytes) -> tuple[str | None, str | None, bool]:
    t = _parse(table_xml)
    plain = (t.get("headerRowCount") in (None, "1") and t.get("totalsRowCount") in (None, "0")
             and t.get("insertRow") in (None, "0", "false"))
    return t.get("displayName"), t.get("ref"), plain


_ERROR_CELL = re.compile(rb'<c\b(?=[^>]*\bt="e")[^>]*\br="([A-Z]+[0-9]+)"[^>]*>\s*<v>([^<]*)</v>')


def error_cells(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """A1 -> error text ("#REF!") of the cells that hold an error value without a formula
    (python-calamine reads those as empty; openpyxl as the error text)."""
    data = zf.read(part)
    if b't="e"' not in data:
        return {}
    out: dict[str, str] = {}
    for m in _ERROR_CELL.finditer(data):
        start = data.rfind(b"<c", 0, m.end())
        end = data.find(b"</c>", m.end())
        if b"<f" in data[start:end if end > 0 else m.end()]:
            continue  # a formula cell: the formula scan records its cached error
        out[m.group(1).decode()] = m.group(2).decode("utf-8", "replace")
    return out
