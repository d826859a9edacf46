"""Writes perfxl's results into a copy of a workbook: output sheets and output cells only.

The input file is never written: ``write_outputs(src, out, ...)`` saves to ``out`` (atomically)
and refuses ``out == src``.  Output sheets (校验结果, 评分, 报告) are replaced whole, so running
twice gives the same workbook.  The copy is made at the package level
(``perfxl.io.writing.package_writer``): every other part is carried over byte for byte.  Only when the
package is not in the standard shape (an output sheet deleted, an output cell missing) does
openpyxl write the copy; it carries over the sheets, styles, validations and defined names it
models, and the cached values of formula cells are put back.
"""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Iterable

from perfxl import layout as L
from perfxl.errors import UsageError, WorkbookFormatError
from perfxl.io.writing.atomic import atomic_path
from perfxl.outputs import OutputSheet
from perfxl.safetext import keep_as_text, safe_value


def _load(src: Path, data: bytes):
    import io

    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return openpyxl.load_workbook(io.BytesIO(data), keep_vba=src.suffix.lower() == ".xlsm",
                                          keep_links=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged package
            raise WorkbookFormatError(f"工作簿无法打开（{type(exc).__name__}: {exc}）；"
                                      "请在 Excel 中打开后另存为 .xlsx", file=str(src)) from None


def write_sheet(wb, out: OutputSheet) -> None:
    """Replace (or create) output sheet ``out.name`` in openpyxl workbook ``wb``."""
    from openpyxl.styles import Alignment, Font, PatternFill

    from perfxl.template import styles as S

    if out.name in wb.sheetnames:
        idx = wb.sheetnames.index(out.name)
        wb.remove(wb[out.name])
        ws = wb.create_sheet(out.name, idx)
    else:
        ws = wb.create_sheet(out.name)
    ws.sheet_properties.tabColor = "9BC2E6"
    ws["A1"] = out.title
    ws["A1"].font = S.TITLE_FONT
    for j, h in enumerate(out.headers, start=1):
        c = ws.cell(2, j, h)
        c.font = S.HEADER_FONT
        c.fill = PatternFill("solid", fgColor="D9E1F2")
    for i, row in enumerate(out.rows):
        r = out.first_data_row + i
        for j, v in enumerate(row):
            c = ws.cell(r, j + 1, safe_value(v))
            c.alignment = Alignment(wrap_text=True, vertical="top")
            if j in out.number_formats and isinstance(v, (int, float)):
                c.number_format = out.number_formats[j]
            link = out.links.get((i, j))
            if link:
                c.hyperlink = f"#'{link[0]}'!{link[1]}"
                c.font = Font(color="0563C1", underline="single")
    for j, w in enumerate(out.widths, start=1):
        ws.column_dimensions[L.get_column_letter(j)].width = w
    keep_as_text(ws)  # texts copied from the input are never written as formulas
    ws.freeze_panes = "A3"
    from perfxl.template.printing import MARGIN_SIDE, output_orientation

    # printed as the input sheets are: A4, fit to width, title and header rows on every page
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = output_orientation(out.widths)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = MARGIN_SIDE
    ws.print_title_rows = "1:2"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    from perfxl.template.builder import fit_row_heights

    fit_row_heights(ws)  # wrapped texts in rows tall enough, as the package writer does


def _hide_empty_outputs(wb, written: set[str]) -> None:
    """Output sheets holding nothing perfxl wrote (only the template's title and note in A1:A2)
    are hidden, so they print no page of their title alone; written ones are shown (as
    ``package_writer.set_output_states`` does in the package)."""
    for name in L.OUTPUT_SHEET_NAMES:
        if name not in wb.sheetnames:
            continue
        ws = wb[name]
        if name in written:
            ws.sheet_state = "visible"
        elif ws is not wb.active and all(
                c.value is None or (c.column == 1 and c.row <= 2)
                for row in ws.iter_rows() for c in row):
            ws.sheet_state = "hidden"


def _check_output_cells(cells: dict[tuple[str, str], Any]) -> None:
    allowed = _output_cells()
    for (sheet, a1) in cells:
        if (sheet, a1) not in allowed:
            raise UsageError(f"内部错误：{sheet}!{a1} 不是输出单元格，拒绝写入")


def write_cells(wb, cells: dict[tuple[str, str], Any]) -> None:
    """Write values into output cells only (cells of role OUTPUT in the layout)."""
    _check_output_cells(cells)
    for (sheet, a1), v in cells.items():
        c = wb[sheet][a1]
        c.value = safe_value(v)
        if isinstance(c.value, str):
            c.data_type = "s"


def _output_cells() -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for tkey, (sheet, t) in L.LAYOUT.tables.items():
        for c in t.columns:
            if c.role == L.OUTPUT:
                for i in range(t.n_rows + 200):  # rows the user may have added to the table
                    out.add(L.LAYOUT.table_cell(tkey, i, c.key))
    for key, (_s, _b, f) in L.LAYOUT.fields.items():
        if f.role == L.OUTPUT and key != "template_version":
            out.add(L.LAYOUT.field_cell(key))
    return out


def write_outputs(src: str | Path, out: str | Path, *, sheets: Iterable[OutputSheet] = (),
                  cells: dict[tuple[str, str], Any] | None = None) -> Path:
    """Copy ``src`` to ``out`` with the given output sheets and output cells written.

    Raises ``UsageError`` when ``out`` is ``src`` by any spelling or link, or cannot be written
    (``perfxl.outpath.refuse_overwrite``; perfxl never writes the input file)."""
    src, out = Path(src), Path(out)
    from perfxl.outpath import refuse_overwrite

    refuse_overwrite(out, [src], make_parents=True)  # any spelling or link of the input
    import io
    import zipfile

    from perfxl.io.reading.sheetxml import scan_formulas, sheet_parts
    from perfxl.io.reading.sniff import read_checked

    data = read_checked(src)  # the same checks as reading, on bytes read once
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = sheet_parts(zf)
            cached = {(s, a1): fc.cached for s, p in parts.items()
                      if s not in L.OUTPUT_SHEET_NAMES
                      for a1, fc in scan_formulas(zf, p).items() if fc.cached is not None}
    except WorkbookFormatError:
        raise
    except Exception as exc:  # damaged XML: refuse rather than write a half copy
        raise WorkbookFormatError(f"工作簿内部 XML 无法解析（{type(exc).__name__}）；"
                                  "文件可能已损坏", file=str(src)) from None
    sheets = list(sheets)
    if cells:
        _check_output_cells(cells)
    from perfxl.io.writing.package_writer import write_package

    package = write_package(data, sheets, cells or {})
    if package is not None:  # every other part copied as it is
        with atomic_path(out) as tmp:
            tmp.write_bytes(package)
        return out
    wb = _load(src, data)
    for sheet in sheets:
        write_sheet(wb, sheet)
    _hide_empty_outputs(wb, {s.name for s in sheets})
    if cells:
        write_cells(wb, cells)
    with atomic_path(out) as tmp:
        wb.save(tmp)
        if cached:
            from perfxl.io.writing.xlsx_cache import inject_cached_values

            inject_cached_values(tmp, cached)
    return out
