"""Writing output sheets and output cells at the package level: every part of the source is
copied byte for byte except the output sheets' own XML and the sheets holding output cells (only
those cells change).  ``styles.xml`` is kept too: the output sheets use formats the standard
template already has (``_existing_styles``); only a workbook without them gets five appended.

openpyxl re-serialises a whole workbook and drops what it does not model (list validations kept
in ``extLst``, pictures, text boxes, customXml parts, printer settings).  This writer keeps them.
It needs the output sheets to exist (they do in every standard workbook) and each output cell
to be present in the sheet XML; otherwise it returns ``None`` and the caller uses openpyxl.
"""
from __future__ import annotations

import io
import math
import re
import zipfile
from html import escape
from typing import Any

from perfxl import layout as L
from perfxl.io.reading.sheetxml import sheet_parts
from perfxl.outputs import OutputSheet
from perfxl.safetext import OUT_OF_RANGE, cell_text
from perfxl.template.printing import OUTPUT_PAGE_SETUP, output_orientation, row_height

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class _Unsupported(Exception):
    """The package is not in a shape this writer edits; use the openpyxl path."""


# ---- styles ----------------------------------------------------------------------------------
_STYLE_FONTS = ('<font><b/><sz val="14"/><name val="等线"/></font>',
                '<font><b/><sz val="10"/><name val="等线"/></font>',
                '<font><u/><sz val="10"/><color rgb="FF0563C1"/><name val="等线"/></font>',
                '<font><sz val="10"/><name val="等线"/></font>')
_HEADER_FILL = '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>'


def _append(xml: str, tag: str, items: list[str]) -> tuple[str, int]:
    """Append ``items`` to ``<tag count="n">``; returns the new XML and the first new index."""
    m = re.search(rf"<{tag}\b([^>]*)>(.*?)</{tag}>", xml, re.S)
    if not m:
        raise _Unsupported(tag)
    attrs, body = m.group(1), m.group(2)
    first = len(re.findall(rf"<{tag[:-1]}\b", body)) if tag != "cellXfs" else len(
        re.findall(r"<xf\b", body))
    new_attrs = re.sub(r'count="\d+"', f'count="{first + len(items)}"', attrs)
    if "count=" not in new_attrs:
        new_attrs += f' count="{first + len(items)}"'
    return xml[:m.start()] + f"<{tag}{new_attrs}>{body}{''.join(items)}</{tag}>" + xml[m.end():], first


def _find_or_append(xml: str, tag: str, items: list[str]) -> tuple[str, int]:
    """The index of ``items`` where they already stand together in ``<tag>`` (a previous run
    added them: re-runs give the same package), else append them."""
    m = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", xml, re.S)
    if m:
        body = m.group(1)
        at = body.find("".join(items))
        if at >= 0:
            child = r"<xf\b" if tag == "cellXfs" else rf"<{tag[:-1]}\b"
            return xml, len(re.findall(child, body[:at]))
    return _append(xml, tag, items)


def _add_styles(styles: str) -> tuple[str, dict[str, int]]:
    """Add perfxl's output styles once; returns the XML and {title, header, link, body, number}."""
    styles, font0 = _find_or_append(styles, "fonts", list(_STYLE_FONTS))
    styles, fill0 = _find_or_append(styles, "fills", [_HEADER_FILL])
    wrap = '<alignment vertical="top" wrapText="1"/>'
    xfs = [
        f'<xf numFmtId="0" fontId="{font0}" fillId="0" borderId="0" applyFont="1"/>',
        f'<xf numFmtId="0" fontId="{font0 + 1}" fillId="{fill0}" borderId="0" applyFont="1" '
        f'applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>',
        f'<xf numFmtId="0" fontId="{font0 + 2}" fillId="0" borderId="0" applyFont="1" applyAlignment="1">{wrap}</xf>',
        f'<xf numFmtId="0" fontId="{font0 + 3}" fillId="0" borderId="0" applyFont="1" applyAlignment="1">{wrap}</xf>',
        f'<xf numFmtId="2" fontId="{font0 + 3}" fillId="0" borderId="0" applyFont="1" '
        f'applyNumberFormat="1" applyAlignment="1">{wrap}</xf>',
    ]
    styles, xf0 = _find_or_append(styles, "cellXfs", xfs)
    return styles, {"title": xf0, "header": xf0 + 1, "link": xf0 + 2, "body": xf0 + 3,
                    "number": xf0 + 4}


def _items(xml: str, tag: str, child: str) -> list[str]:
    m = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", xml, re.S)
    return re.findall(rf"<{child}\b(?:[^>]*/>|.*?</{child}>)", m.group(1), re.S) if m else []


def _existing_styles(styles: str) -> dict[str, int] | None:
    """perfxl's output styles among the workbook's own cell formats, or ``None``.

    The standard template holds them already (its title, header and computed-cell formats), so
    ``score -o`` writes no new style and ``xl/styles.xml`` of the copy stays byte for byte
    (issue 15).  Output text goes in the computed-cell format (等线 10, grey fill, wrapped):
    everything on an output sheet is computed.  Links use that format too."""
    fonts = _items(styles, "fonts", "font")
    fills = _items(styles, "fills", "fill")
    xfs = _items(styles, "cellXfs", "xf")

    def attr(x: str, name: str) -> str:
        m = re.search(rf'\b{name}="([^"]*)"', x)
        return m.group(1) if m else "0"

    def font(x: str) -> str:
        i = int(attr(x, "fontId"))
        return fonts[i] if i < len(fonts) else ""

    def fill(x: str) -> str:
        i = int(attr(x, "fillId"))
        return fills[i] if i < len(fills) else ""

    def plain10(f: str) -> bool:
        return 'sz val="10"' in f and "<b" not in f and "<color" not in f and "<u" not in f

    def first(pred) -> int | None:
        return next((i for i, x in enumerate(xfs) if pred(x)), None)

    found = {
        "title": first(lambda x: 'sz val="14"' in font(x) and "<b" in font(x)
                       and attr(x, "fillId") == "0" and attr(x, "numFmtId") == "0"),
        "header": first(lambda x: 'sz val="10"' in font(x) and "<b" in font(x)
                        and "D9E1F2" in fill(x) and 'horizontal="center"' in x
                        and attr(x, "numFmtId") == "0"),
        "body": first(lambda x: plain10(font(x)) and "EDEDED" in fill(x)
                      and 'wrapText="1"' in x and attr(x, "numFmtId") == "0"),
        "number": first(lambda x: plain10(font(x)) and "EDEDED" in fill(x)
                        and attr(x, "numFmtId") == "2"),
    }
    if any(v is None for v in found.values()):
        return None
    found["link"] = found["body"]
    return found  # type: ignore[return-value]


# ---- cells -----------------------------------------------------------------------------------
def _cell(ref: str, value: Any, style: int) -> str:
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, bool):
        return f'<c r="{ref}" s="{style}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, float) and not math.isfinite(value):
        value = OUT_OF_RANGE  # no .xlsx number holds NaN or inf
    if isinstance(value, (int, float)):
        return f'<c r="{ref}" s="{style}"><v>{repr(float(value)) if isinstance(value, float) else value}</v></c>'
    # always an inline string, never <f>: a text copied from the input stays text
    text = escape(cell_text(str(value)), quote=False)
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _sheet_xml(out: OutputSheet, st: dict[str, int]) -> str:
    ncols = max(len(out.headers), 1)
    last_col = L.get_column_letter(ncols)
    last_row = out.first_data_row + len(out.rows) - 1 if out.rows else 2
    rows = [f'<row r="1">{_cell("A1", out.title, st["title"])}</row>',
            '<row r="2">' + "".join(_cell(f"{L.get_column_letter(j)}2", h, st["header"])
                                    for j, h in enumerate(out.headers, start=1)) + "</row>"]
    links = []
    for i, row in enumerate(out.rows):
        r = out.first_data_row + i
        cells = []
        for j, v in enumerate(row):
            ref = f"{L.get_column_letter(j + 1)}{r}"
            link = out.links.get((i, j))
            if link:
                style = st["link"]
                loc = escape(f"'{link[0]}'!{link[1]}", quote=True)
                shown = escape(cell_text(str(v), 255), quote=True)  # XML-safe, Excel's 255
                links.append(f'<hyperlink ref="{ref}" location="{loc}" display="{shown}"/>')
            elif j in out.number_formats and isinstance(v, (int, float)):
                style = st["number"]
            else:
                style = st["body"]
            cells.append(_cell(ref, v, style))
        # wrapped texts: a row tall enough (Excel does not grow it by itself)
        height = row_height([(v, out.widths[j]) for j, v in enumerate(row)
                             if isinstance(v, str) and j < len(out.widths)])
        tall = f' ht="{height:g}" customHeight="1"' if height else ""
        rows.append(f'<row r="{r}"{tall}>' + "".join(cells) + "</row>")
    cols = "".join(f'<col min="{j}" max="{j}" width="{w}" customWidth="1"/>'
                   for j, w in enumerate(out.widths, start=1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">'
            f'<sheetPr><tabColor rgb="FF9BC2E6"/><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<dimension ref="A1:{last_col}{last_row}"/>'
            f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" '
            f'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "")
            + "<sheetData>" + "".join(rows) + "</sheetData>"
            + (f"<hyperlinks>{''.join(links)}</hyperlinks>" if links else "")
            # A4, fit to width, landscape where wide; the title rows 1:2 repeat through the
            # template's print titles (workbook.xml, kept as it is)
            + OUTPUT_PAGE_SETUP[output_orientation(out.widths)]
            + '<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>'
            '</worksheet>')


def _set_cells(xml: str, values: dict[str, Any]) -> str:
    """Put ``values`` into existing cell elements of a sheet XML (keeping their style)."""
    for ref, value in values.items():
        pat = re.compile(rf'<c r="{ref}"((?:\s+(?!r=)[a-zA-Z:]+="[^"]*")*)\s*(/>|>.*?</c>)', re.S)
        m = pat.search(xml)
        if not m:
            raise _Unsupported(ref)
        attrs = m.group(1)
        if "<f>" in (m.group(2) or "") or "<f " in (m.group(2) or ""):
            raise _Unsupported(f"{ref} holds a formula")
        s = re.search(r'\ss="(\d+)"', attrs)
        new = _cell(ref, value, int(s.group(1)) if s else 0)
        if not s:
            new = new.replace(' s="0"', "", 1)
        xml = xml[:m.start()] + new + xml[m.end():]
    return xml


# ---- empty output sheets do not print -------------------------------------------------------
_CELL_REF = re.compile(r'<c\s[^>]*?\br="([A-Z]+)(\d+)"')
_SHEET_EL = re.compile(r'<sheet\b[^>]*?/>')


def empty_output(xml: str) -> bool:
    """Whether an output sheet's XML holds nothing perfxl wrote: cells in A1:A2 only (the
    template's title and its 「本表由 perfxl 生成」 note).  A cell without its address counts as
    content (the sheet is then kept as it is)."""
    refs = _CELL_REF.findall(xml)
    return (len(refs) == len(re.findall(r"<c[\s>/]", xml))
            and all(col == "A" and int(row) <= 2 for col, row in refs))


def _attr(element: str, name: str) -> str | None:
    from html import unescape

    m = re.search(rf'\s{name}="([^"]*)"', element)
    return None if m is None else unescape(m.group(1))


def set_output_states(workbook_xml: str, hide: set[str], show: set[str]) -> str:
    """``workbook.xml`` with the output sheets named in ``hide`` hidden (an empty output sheet
    would print a page holding only its title: no spreadsheet can leave a visible sheet out of
    printing) and those in ``show`` visible; the active sheet is never hidden."""
    active = re.search(r'<workbookView\b[^>]*?\sactiveTab="(\d+)"', workbook_xml)
    active_index = int(active.group(1)) if active else 0
    elements = _SHEET_EL.findall(workbook_xml)

    def state(i: int, el: str) -> str:
        name = _attr(el, "name")
        want = ("hidden" if name in hide and i != active_index else
                "visible" if name in show else None)
        if want is None or (_attr(el, "state") or "visible") == want:
            return el
        if _attr(el, "state") is not None:
            return re.sub(r'\sstate="[^"]*"', f' state="{want}"', el, count=1)
        return el[:-2].rstrip() + f' state="{want}"/>'

    new = iter([state(i, el) for i, el in enumerate(elements)])
    return _SHEET_EL.sub(lambda m: next(new), workbook_xml)


def write_package(data: bytes, sheets: list[OutputSheet],
                  cells: dict[tuple[str, str], Any]) -> bytes | None:
    """The new package bytes, or ``None`` when this writer cannot edit the package (the caller
    then writes with openpyxl)."""
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        parts = sheet_parts(zin)
        replace: dict[str, str] = {}
        styles = zin.read("xl/styles.xml").decode("utf-8")
        if sheets:
            st = _existing_styles(styles)
            if st is None:  # a workbook not made from the standard template: add them
                styles, st = _add_styles(styles)
                replace["xl/styles.xml"] = styles
            for out in sheets:
                if out.name not in parts:
                    return None
                replace[parts[out.name]] = _sheet_xml(out, st)
        written = {out.name for out in sheets}
        hide = {name for name in L.OUTPUT_SHEET_NAMES
                if name in parts and name not in written
                and empty_output(zin.read(parts[name]).decode("utf-8"))}
        workbook = zin.read("xl/workbook.xml").decode("utf-8")
        states = set_output_states(workbook, hide, written)
        if states != workbook:
            replace["xl/workbook.xml"] = states
        by_sheet: dict[str, dict[str, Any]] = {}
        for (sheet, ref), v in cells.items():
            by_sheet.setdefault(sheet, {})[ref] = v
        for sheet, values in by_sheet.items():
            if sheet not in parts:
                return None
            part = parts[sheet]
            xml = replace.get(part) or zin.read(part).decode("utf-8")
            replace[part] = _set_cells(xml, values)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                if info.filename in replace:
                    zout.writestr(info, replace[info.filename].encode("utf-8"))
                else:
                    zout.writestr(info, zin.read(info.filename))
        return buf.getvalue()
    except (_Unsupported, KeyError, UnicodeDecodeError):
        return None
