"""The fast formula scan (``perfxl.io.reading.sheetxml._scan_fast``) gives exactly what the XML parser
gives, or declines (``None``) so that the parser decides; and table positions read from the
package equal calamine's."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from perfxl.io.reading import sheetxml as S
from tests.conftest import EXAMPLES

MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _sheet(cells: str, head: str = "", ns: str = MAIN, extra: str = "") -> bytes:
    return (f'{head}<worksheet {ns}{extra}><sheetData><row r="1">{cells}</row></sheetData>'
            "</worksheet>").encode("utf-8")


def _both(data: bytes):
    fast = S._scan_fast(data)
    slow = S._scan_xml(io.BytesIO(data))
    return fast, slow


def _files() -> list[Path]:
    return sorted(EXAMPLES.glob("[0-9][0-9][0-9]-*.xlsx"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name[:3])
def test_examples_fast_equals_parser(path):
    with zipfile.ZipFile(path) as zf:
        for sheet, part in S.sheet_parts(zf).items():
            fast, slow = _both(zf.read(part))
            assert fast is not None, sheet
            assert fast == slow, sheet


def test_openpyxl_saved_file(tmp_path):
    import openpyxl

    src = _files()[0]
    out = tmp_path / "resaved.xlsx"
    openpyxl.load_workbook(src).save(out)  # cached values dropped
    with zipfile.ZipFile(out) as zf:
        n = 0
        for part in S.sheet_parts(zf).values():
            fast, slow = _both(zf.read(part))
            assert fast is not None and fast == slow
            n += len(fast)
    assert n > 200


@pytest.mark.libreoffice
def test_libreoffice_saved_file(tmp_path, soffice):
    from perfxl.io.office.libreoffice import convert

    (out,) = convert([_files()[-1]], "xlsx", tmp_path)
    with zipfile.ZipFile(out) as zf:
        for part in S.sheet_parts(zf).values():
            fast, slow = _both(zf.read(part))
            assert fast is not None and fast == slow


PLAIN_CASES = {
    "number": '<c r="A1"><f>SUM(B1:B3)</f><v>6</v></c>',
    "escaped": '<c r="A1" t="str"><f>IF(B1&gt;0,"a&amp;b","&lt;&quot;")</f><v>a&amp;b</v></c>',
    "char refs": '<c r="A1" t="str"><f>IF(B1="&#23450;&#24615;","x","")</f><v>&#x5B9A;</v></c>',
    "raw utf-8": '<c r="A1" t="str"><f>IF(B1="定性","是","")</f><v>是</v></c>',
    "empty v": '<c r="A1" s="3" t="str"><f>IFERROR(1/0,"")</f><v></v></c>',
    "self-closing v": '<c r="A1"><f>B1</f><v/></c>',
    "no v": '<c r="A1"><f>B1</f></c>',
    "error": '<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
    "bool": '<c r="A1" t="b"><f>TRUE()</f><v>1</v></c>',
    "shared": ('<c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c>'
               '<c r="A2"><f t="shared" si="0"/><v>4</v></c>'),
    "array": '<c r="A1"><f t="array" ref="A1">SUM(B1:B2*C1:C2)</f><v>5</v></c>',
    "attribute order": '<c s="2" t="n" r="A1"><f aca="false">B1</f><v>1.5</v></c>',
    "single quotes": "<c r='A1' t='str'><f>B1</f><v>x</v></c>",
    "whitespace": '<c r="A1">\n  <f>B1 + 1</f>\n  <v>2</v>\n</c>',
    "empty formula": '<c r="A1"><f></f><v>1</v></c>',
    "no r": '<c><f>B1</f><v>1</v></c><c r="B1"><f>C1</f><v>2</v></c>',
    "values and strings": ('<c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1"><v>3</v></c>'
                           '<c r="C1"><f>B1</f><v>3</v></c>'),
    "prefixed other namespace": '<c r="A1" x14ac:dyDescent="0.25"><f>B1</f><v>1</v></c>',
}


@pytest.mark.parametrize("name", PLAIN_CASES)
def test_plain_forms(name):
    extra = ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"'
    data = _sheet(PLAIN_CASES[name], head='<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
                  extra=extra)
    fast, slow = _both(data)
    assert fast is not None, name
    assert fast == slow


DECLINED = {
    "prefixed main": (b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                      b'<x:sheetData><x:row r="1"><x:c r="A1"><x:f>B1</x:f><x:v>1</x:v></x:c></x:row>'
                      b'</x:sheetData></x:worksheet>'),
    "comment": _sheet('<c r="A1"><!-- hi --><f>B1</f><v>1</v></c>'),
    "cdata": _sheet('<c r="A1"><f><![CDATA[B1]]></f><v>1</v></c>'),
    "utf-16 declared": _sheet('<c r="A1"><f>B1</f><v>1</v></c>',
                              head='<?xml version="1.0" encoding="UTF-16"?>'),
    "default namespace redeclared": _sheet(
        '<c r="A1" xmlns="urn:other"><f>B1</f><v>1</v></c>'),
    "other default namespace": _sheet('<c r="A1"><f>B1</f><v>1</v></c>', ns='xmlns="urn:other"'),
    "nested element in f": _sheet('<c r="A1"><f>B1<x/></f><v>1</v></c>'),
    "is after f": _sheet('<c r="A1"><f>B1</f><is><t>x</t></is></c>'),
}


@pytest.mark.parametrize("name", DECLINED)
def test_unusual_forms_go_to_the_parser(name):
    data = DECLINED[name]
    assert S._scan_fast(data) is None, name
    if name == "utf-16 declared":
        return  # the declaration lies about the bytes: the parser refuses it; nothing to compare
    zf_data = io.BytesIO()
    with zipfile.ZipFile(zf_data, "w") as zf:
        zf.writestr("s.xml", data)
    with zipfile.ZipFile(zf_data) as zf:
        assert S.scan_formulas(zf, "s.xml") == S._scan_xml(io.BytesIO(data))


def test_line_ends_normalised_like_the_parser():
    data = _sheet('<c r="A1"><f>IF(B1,&#13;1,\r\n2)</f><v>1</v></c>')
    fast, slow = _both(data)
    assert fast == slow
    assert fast["A1"].formula == "=IF(B1,\r1,\n2)"


def test_doctype_is_still_refused():
    from defusedxml import DTDForbidden

    data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + _sheet('<c r="A1"><f>B1</f></c>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("s.xml", data)
    with zipfile.ZipFile(buf) as zf, pytest.raises((DTDForbidden, ValueError)):
        S.scan_formulas(zf, "s.xml")


def test_stray_ampersand_is_refused_by_the_parser():
    data = _sheet('<c r="A1" t="str"><f>"a&b"</f><v>x</v></c>')
    assert S._scan_fast(data) is None
    with pytest.raises(Exception):
        S._scan_xml(io.BytesIO(data))


def test_large_parts_are_streamed(monkeypatch):
    data = _sheet('<c r="A1"><f>B1</f><v>1</v></c>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("s.xml", data)
    monkeypatch.setattr(S, "FAST_LIMIT", 10)
    monkeypatch.setattr(S, "_scan_fast", lambda d: pytest.fail("fast path used"))
    with zipfile.ZipFile(buf) as zf:
        assert S.scan_formulas(zf, "s.xml")["A1"].formula == "=B1"


# ---- table positions ---------------------------------------------------------------------------
def _calamine_tables(path: Path) -> dict:
    import python_calamine as pc

    from perfxl.layout import get_column_letter as col

    wb = pc.CalamineWorkbook.from_path(str(path), load_tables=True)
    out = {}
    for name in wb.table_names:
        t = wb.get_table_by_name(name)
        (r0, c0), (r1, c1) = t.start, t.end
        out[name] = (t.sheet, f"{col(c0 + 1)}{r0}:{col(c1 + 1)}{r1 + 1}")
    return out


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name[:3])
def test_table_refs_equal_calamine(path):
    from perfxl.io.reading.backends import CalamineBook

    with zipfile.ZipFile(path) as zf:
        refs = S.table_refs(zf)
    assert refs == _calamine_tables(path)
    assert CalamineBook(path, path.read_bytes())._tables == refs


def test_unusual_tables_fall_back_to_calamine(tmp_path):
    import openpyxl
    from openpyxl.worksheet.table import Table

    from perfxl.io.reading.backends import CalamineBook

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in range(1, 6):
        ws.append([f"h{r}", r])
    ws.add_table(Table(displayName="WithTotals", ref="A1:B5", totalsRowCount=1))
    p = tmp_path / "t.xlsx"
    wb.save(p)
    with zipfile.ZipFile(p) as zf:
        assert S.table_refs(zf) is None
    assert CalamineBook(p, p.read_bytes())._tables == _calamine_tables(p)
