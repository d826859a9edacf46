"""The value of every template formula cell as perfxl computes it: each formula of the standard
workbook has a Python twin in ``perfxl.derived`` (``Layout.formula_owners`` says which).

``twin_values(model, cells=None) -> {(sheet, A1): value}``: amounts in the workbook's unit, rates
as fractions, scores in 分, ``""`` where the formula shows "" — what a spreadsheet application
would cache.  ``perfxl.io.reading.template_cache`` verifies the twins against the ``formulas``
engine once per template version; ``perfxl new --from`` writes them as the cached values.
"""
from __future__ import annotations

from typing import Any

__all__ = ["twin_values"]


def twin_values(model, cells=None) -> dict[tuple[str, str], Any]:
    """(sheet, A1) -> the value ``perfxl.derived`` gives for each template formula cell (all of
    them, or those in ``cells``), in the template's positions; ``""`` where the formula shows ""."""
    from perfxl import derived
    from perfxl.model import Row

    index = model.layout.formula_owners
    wanted = index.keys() if cells is None else [c for c in cells if c in index]
    rows: dict[str, dict[int, Row]] = {}
    out: dict[tuple[str, str], Any] = {}
    for cell in wanted:
        spec = index[cell]
        if spec[0] == "field":
            v = derived.field_value(model, spec[1])
        else:
            _, tkey, col, i = spec
            by_index = rows.get(tkey)
            if by_index is None:
                by_index = rows[tkey] = {r.index: r for r in model.rows(tkey)}
            row = by_index.get(i) or Row(tkey, i, {})
            v = derived.COLUMN_FUNCTIONS[(tkey, col)](model, row)
        out[cell] = "" if v is None else v
    return out
