"""What the standard template's formulas say, computed once per layout version and kept on disk.

Two facts depend only on the layout (``perfxl/layout.py``), yet cost a workbook check most of
its time when computed in every process (issue 23):

* ``formula_cells(layout)``: (sheet, A1) -> the expanded formula text of every template formula
  cell (``Layout.formula_cells``; ~60 ms of expansion);
* ``text_read_as_number(layout)``: the input cells whose text the template's formulas read as
  the number it spells (``perfxl.formula_text.text_read_as_number``; tokenizing all 292
  formulas, ~150 ms and openpyxl's import).

For the standard layout both are read from one small JSON file in the cache folder
(``perfxl.cachedir.cache_dir()``), named by a hash of the source of
``layout.py`` and ``formula_text.py`` (a layout is wholly defined there), and written the first
time a process needs them (atomically; two processes racing both write the same bytes).  Any
other layout object is computed in memory.  A cache folder that cannot be written costs speed,
never correctness.
"""
from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from perfxl import layout as L

__all__ = ["Facts", "facts", "formula_cells", "text_read_as_number", "text_read_both_ways"]

_FORMAT = "2"


@dataclass(frozen=True)
class Facts:
    """What the template's formulas say (see the module docstring)."""

    #: (sheet, A1) -> formula text, as ``Layout.formula_cells``
    formula_cells: dict
    #: field keys (``str``) and (table key, column key) pairs, as ``text_read_as_number``
    text_read_as_number: frozenset
    #: the same shapes, as ``text_read_both_ways`` (arithmetic reads the text, SUM skips it)
    text_read_both_ways: frozenset = frozenset()


def _compute(layout: L.Layout) -> Facts:
    from perfxl.formula_text import compute_text_read_as_number, compute_text_read_both_ways

    return Facts(dict(layout.formula_cells), compute_text_read_as_number(layout),
                 compute_text_read_both_ways(layout))


def _key() -> str:
    # CRC-32 and Adler-32 of the sources (zlib is loaded already for the package; hashlib would
    # load OpenSSL, ~2.5 ms of every check): a change detector, not a defence against forgery
    here = Path(__file__).resolve().parent
    data = _FORMAT.encode() + b"".join((here / n).read_bytes()
                                       for n in ("layout.py", "formula_text.py"))
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data) % 65536:04x}"


def _to_json(f: Facts, key: str) -> str:
    return json.dumps({
        "key": key,
        "formula_cells": [[s, c, t] for (s, c), t in f.formula_cells.items()],
        "text_read_as_number": sorted(([k] if isinstance(k, str) else list(k))
                                      for k in f.text_read_as_number),
        "text_read_both_ways": sorted(([k] if isinstance(k, str) else list(k))
                                      for k in f.text_read_both_ways),
    }, ensure_ascii=False)


def _from_json(text: str, key: str) -> Facts | None:
    try:
        data = json.loads(text)
        if data.get("key") != key:
            return None
        cells = {(s, c): t for s, c, t in data["formula_cells"]}
        coerced = frozenset(k[0] if len(k) == 1 else tuple(k) for k in data["text_read_as_number"])
        both = frozenset(k[0] if len(k) == 1 else tuple(k) for k in data["text_read_both_ways"])
    except (ValueError, TypeError, KeyError, AttributeError):
        return None  # a damaged or foreign file: computed again
    return Facts(cells, coerced, both)


@lru_cache(maxsize=4)
def facts(layout: L.Layout = L.LAYOUT) -> Facts:
    """The ``Facts`` of ``layout``: for the standard layout from the cache folder (computed and
    written there on first use), for any other computed."""
    if layout is not L.LAYOUT:
        return _compute(layout)
    from perfxl.cachedir import cache_dir, save_text

    try:
        key = _key()
    except OSError:  # sources not on disk (a zipped install): compute
        return _compute(layout)
    path = cache_dir() / f"template-facts-{key}.json"
    try:
        found = _from_json(path.read_text(encoding="utf-8"), key)
    except OSError:
        found = None
    if found is not None:
        layout.__dict__.setdefault("formula_cells", found.formula_cells)  # Layout's cached_property
        return found
    made = _compute(layout)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        save_text(path, _to_json(made, key))
    except OSError:
        pass
    return made


def formula_cells(layout: L.Layout = L.LAYOUT) -> dict:
    """(sheet, A1) -> formula text of every template formula cell (do not modify)."""
    return facts(layout).formula_cells


def text_read_as_number(layout: L.Layout = L.LAYOUT) -> frozenset:
    """See ``perfxl.formula_text.text_read_as_number``."""
    return facts(layout).text_read_as_number


def text_read_both_ways(layout: L.Layout = L.LAYOUT) -> frozenset:
    """See ``perfxl.formula_text.compute_text_read_both_ways``."""
    return facts(layout).text_read_both_ways
