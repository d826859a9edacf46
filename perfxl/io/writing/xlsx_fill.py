"""Writes a model's input and stated values into a fresh standard workbook (examples, test
fixtures, benchmark variants, ``perfxl new --from``).  Formula and output cells are left to the
template; each sheet's print area covers its filled rows."""
from __future__ import annotations

from pathlib import Path

from perfxl import layout as L
from perfxl.model import Model
from perfxl.template.builder import build_workbook, fit_row_heights, save_atomic


def model_to_workbook(model: Model):
    """An openpyxl Workbook of the standard template holding ``model``'s values."""
    lay = model.layout
    wb = build_workbook(model.framework_id, lay)
    for key, value in model.values.items():
        f = lay.field(key)
        if f.role in (L.FORMULA, L.OUTPUT):
            raise ValueError(f"field {key} is computed; it cannot be filled")
        sheet, cell = lay.field_cell(key)
        wb[sheet][cell] = value
    for tkey, rows in model.tables.items():
        table = lay.table(tkey)
        if rows and rows[-1].index >= table.n_rows:
            raise ValueError(f"table {tkey} holds {table.n_rows} rows; row {rows[-1].index} given")
        for row in rows:
            for ckey, value in row.values.items():
                col = table.column(ckey)
                is_label = table.rows is not None and table.columns[0].key == ckey
                if is_label:
                    if value != table.rows[row.index]:
                        raise ValueError(f"{tkey} row {row.index} is “{table.rows[row.index]}”, not “{value}”")
                    continue
                if col.role in (L.FORMULA, L.OUTPUT):
                    raise ValueError(f"column {tkey}.{ckey} is computed; it cannot be filled")
                sheet, cell = lay.table_cell(tkey, row.index, ckey)
                wb[sheet][cell] = value
    _print_filled_rows(wb, model)
    for ws in wb.worksheets:  # typed long texts wrap: rows tall enough not to clip them
        fit_row_heights(ws)
    return wb


def _print_filled_rows(wb, model: Model) -> None:
    """Print areas over the filled rows of each table (``perfxl.template.printing``), not the
    empty rows an open table keeps for typing."""
    from perfxl.template.printing import print_area

    lay = model.layout
    filled = {tkey: max((r.index + 1 for r in rows
                         if any(v not in (None, "") for v in r.values.values())), default=0)
              for tkey, rows in model.tables.items()}
    for sheet in lay.sheets:
        area = print_area(sheet, filled, lay)
        if area:
            wb[sheet.name].print_area = area


def write_model(model: Model, path: str | Path, *, cached_values: bool = True,
                engine: str = "formulas") -> Path:
    """Save ``model`` as a standard workbook at ``path`` (atomically).  With ``cached_values``
    the formula cells get the values a spreadsheet application would have saved: computed by
    the ``formulas`` engine (``engine="formulas"``, the independent reference: seconds) or by
    perfxl itself (``engine="perfxl"``: ``perfxl.derived``, the twin of every template formula,
    verified against the engine per template version by ``perfxl.io.reading.template_cache``;
    milliseconds).  Raises ``ValueError`` for another ``engine``."""
    if engine not in ("formulas", "perfxl"):
        raise ValueError(f"engine must be 'formulas' or 'perfxl', not {engine!r}")
    path = Path(path)
    save_atomic(model_to_workbook(model), path)
    if cached_values:
        from perfxl.io.writing.xlsx_cache import inject_cached_values

        if engine == "perfxl":
            from perfxl.twins import twin_values

            values = twin_values(model)
        else:
            from perfxl.io.office.recalc import recalculate

            values = recalculate(path, list(model.layout.formula_cells))
        inject_cached_values(path, values)
    return path
