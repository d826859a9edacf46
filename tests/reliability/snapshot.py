"""A structural snapshot of a workbook: everything a user could lose when a tool re-saves it.

``snapshot(path, skip_sheets=..., skip_cells=...)`` gives a plain, comparable structure of
every sheet (cell values and formulas, styles: font, fill, border, number format, alignment,
protection; hyperlinks, comments; merged cells, data validations, conditional formats, tables,
print settings, panes, column widths and row heights, sheet protection, tab colour, visibility)
and of the workbook (sheet order, defined names, workbook protection), plus the formula texts and
cached values straight from the XML.  ``diff(a, b)`` lists the paths where two snapshots differ.
"""
from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import Any, Iterable


def _style(obj: Any) -> Any:
    """An openpyxl style object as a plain, comparable value."""
    if obj is None:
        return None
    if isinstance(obj, (str, int, float, bool)):
        return obj
    if hasattr(obj, "to_tree"):
        from openpyxl.xml.functions import tostring

        try:
            return tostring(obj.to_tree()).decode()
        except Exception:  # noqa: BLE001 - fall back to the attributes
            pass
    if hasattr(obj, "__fields__"):
        return tuple((f, _style(getattr(obj, f, None))) for f in obj.__fields__)
    if hasattr(obj, "__elements__") or hasattr(obj, "__attrs__"):
        names = tuple(getattr(obj, "__attrs__", ())) + tuple(getattr(obj, "__elements__", ()))
        return tuple((f, _style(getattr(obj, f, None))) for f in names)
    if isinstance(obj, (list, tuple)):
        return tuple(_style(x) for x in obj)
    return obj if isinstance(obj, (str, int, float, bool)) else repr(obj)


def _cells(ws, skip: set[str]) -> dict[str, Any]:
    out = {}
    for row in ws.iter_rows():
        for c in row:
            if c.coordinate in skip:
                continue
            if c.value is None and not c.has_style and c.hyperlink is None and c.comment is None:
                continue
            out[c.coordinate] = (
                repr(c.value), c.data_type, c.number_format, _style(c.font), _style(c.fill),
                _style(c.border), _style(c.alignment), _style(c.protection),
                c.hyperlink.target if c.hyperlink else None,
                c.hyperlink.location if c.hyperlink else None,
                c.comment.text if c.comment else None)
    return out


def _sheet(ws, skip: set[str]) -> dict[str, Any]:
    ps = ws.page_setup
    return {
        "cells": _cells(ws, skip),
        "state": ws.sheet_state,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "validations": sorted(
            (str(dv.sqref), dv.type, dv.operator, dv.formula1, dv.formula2, dv.allow_blank,
             dv.showErrorMessage, dv.showInputMessage, dv.error, dv.errorTitle, dv.prompt,
             dv.promptTitle, dv.showDropDown) for dv in ws.data_validations.dataValidation),
        "conditional": sorted((str(rng.sqref), repr([_style(r) for r in rules]))
                              for rng, rules in ws.conditional_formatting._cf_rules.items()),
        "tables": sorted((t.name, t.displayName, t.ref,
                          t.tableStyleInfo.name if t.tableStyleInfo else None,
                          tuple(c.name for c in t.tableColumns)) for t in ws.tables.values()),
        "print": (ps.orientation, ps.paperSize, ps.fitToWidth, ps.fitToHeight, ps.scale,
                  _style(ws.print_options), _style(ws.page_margins), ws.print_title_rows,
                  ws.print_title_cols, repr(ws.print_area), _style(ws.sheet_properties.pageSetUpPr),
                  _style(ws.HeaderFooter)),
        "view": (ws.freeze_panes, ws.sheet_view.zoomScale, ws.sheet_view.showGridLines),
        "widths": sorted((k, d.width, d.hidden) for k, d in ws.column_dimensions.items()
                         if d.customWidth or d.hidden),
        "heights": sorted((k, d.height, d.hidden) for k, d in ws.row_dimensions.items()
                          if d.height is not None or d.hidden),
        "protection": _style(ws.protection),
        "tab": _style(ws.sheet_properties.tabColor),
        "autofilter": ws.auto_filter.ref,
    }


def snapshot(path: Path, *, skip_sheets: Iterable[str] = (),
             skip_cells: Iterable[tuple[str, str]] = ()) -> dict[str, Any]:
    import openpyxl

    from perfxl.io.reading.sheetxml import scan_formulas, sheet_parts

    skip_sheets = set(skip_sheets)
    skip: dict[str, set[str]] = {}
    for s, a1 in skip_cells:
        skip.setdefault(s, set()).add(a1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, keep_vba=Path(path).suffix.lower() == ".xlsm",
                                    keep_links=True)
    snap: dict[str, Any] = {
        "order": [n for n in wb.sheetnames if n not in skip_sheets],
        "names": sorted((n, d.attr_text, d.localSheetId, d.hidden) for n, d in wb.defined_names.items()),
        "local_names": sorted((ws.title, n, d.attr_text) for ws in wb.worksheets
                              for n, d in ws.defined_names.items() if ws.title not in skip_sheets),
        "workbook_protection": _style(wb.security),
        "sheets": {ws.title: _sheet(ws, skip.get(ws.title, set())) for ws in wb.worksheets
                   if ws.title not in skip_sheets},
    }
    with zipfile.ZipFile(path) as zf:
        parts = sheet_parts(zf)
        snap["formulas"] = {
            s: {a1: (fc.formula, repr(fc.cached)) for a1, fc in scan_formulas(zf, p).items()
                if a1 not in skip.get(s, set())}
            for s, p in parts.items() if s not in skip_sheets}
    return snap


def diff(a: Any, b: Any, path: str = "") -> list[str]:
    """Where ``a`` and ``b`` differ (at most a few hundred paths)."""
    out: list[str] = []
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                out.append(f"{path}/{k}: {'missing before' if k not in a else 'missing after'}")
            else:
                out += diff(a[k], b[k], f"{path}/{k}")
            if len(out) > 300:
                break
    elif a != b:
        out.append(f"{path}: {str(a)[:300]} != {str(b)[:300]}")
    return out
