"""Recomputing formula cells that carry no cached value, with the ``formulas`` engine.

A file saved by openpyxl (or a library like it) has formulas but no cached values.  perfxl's own
checks do not need those values (the model computes every derived figure itself), but anything
that shows what a spreadsheet would show (the hygiene checks, the LibreOffice comparison tests,
the cache filler for the examples) gets them from here.  It costs seconds per workbook
(engines.md), so it runs only on demand.
"""
from __future__ import annotations

import logging
import os
import re
import warnings
from pathlib import Path
from typing import Any, Iterable

_KEY = re.compile(r"^'\[(?P<book>[^\]]+)\](?P<sheet>.+)'!(?P<cell>[A-Z]+\d+)$")


def _scalar(value: Any) -> Any:
    import numpy as np

    v = value
    if hasattr(v, "value"):
        v = v.value
    if isinstance(v, np.ndarray):
        v = v.ravel()[0] if v.size else None
    if v is None:
        return None
    name = type(v).__name__
    if name in ("XlError",):
        return str(v)
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, str) and v == "":
        return ""
    if str(v) == "empty":
        return None
    return v


def recalculate(path: str | Path, cells: Iterable[tuple[str, str]] | None = None) -> dict[tuple[str, str], Any]:
    """(sheet, A1) -> value for the requested formula cells (all formula cells when ``cells`` is
    None), as the ``formulas`` engine computes them from the file's inputs."""
    os.environ.setdefault("TQDM_DISABLE", "1")  # formulas draws a progress bar otherwise
    from perfxl.extras import require

    formulas = require("formulas", "recalc", "计算没有缓存值的公式单元格")

    logging.getLogger("formulas").setLevel(logging.ERROR)
    wanted = set(cells) if cells is not None else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        xl = formulas.ExcelModel().loads(str(path)).finish()
        sol = xl.calculate()
    out: dict[tuple[str, str], Any] = {}
    for key, value in sol.items():
        m = _KEY.match(key)
        if not m:
            continue
        k = (m.group("sheet"), m.group("cell"))
        if wanted is None or k in wanted:
            out[k] = _scalar(value)
    return out
