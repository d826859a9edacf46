"""Values for formula cells that a file carries no cached value for (a workbook saved by openpyxl
or another library), with the ``formulas`` engine run once per template version, never per file.

The ``formulas`` engine costs seconds per workbook (engines.md).  But every formula cell of the
standard template has a Python twin in ``perfxl.derived`` (the model computes each derived figure
itself), so the engine is needed only to *verify* the twins, once per template version:

1. ``verified()`` builds the standard workbook for each bundled example (``perfxl.examples``)
   without cached values, computes every formula cell with ``formulas``
   (``perfxl.io.office.recalc.recalculate``) and compares it with ``perfxl.derived``.  A cell is
   *verified* when the two agree on every sample.  The result is kept on disk (``cache_dir()``,
   one small JSON file named by ``template_key()``: a hash of the template version, every formula
   text of the template and the source of the modules that compute the twins), so later runs,
   and every process of a batch, read it in a millisecond.  A file lock makes concurrent first
   runs build it once.
2. ``fill_missing(model, path)`` puts into ``model.source.recomputed`` the twin's value of every
   formula cell without a cached value whose formula is the template's (compared ignoring spaces
   and case) and that is verified.  Any other such cell (a changed formula, a moved table, a cell
   the samples could not verify) is computed by ``formulas`` for that file only: the slow path is
   for non-standard files, never for a standard file.

A twin's ``None`` (the formula shows "") is stored as ``""``, as ``formulas`` gives it.
Environment: ``PERFXL_CACHE_DIR`` overrides the cache folder (default
``$XDG_CACHE_HOME/perfxl`` or ``~/.cache/perfxl``).
"""
from __future__ import annotations

import json
import math
import os
import re
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from perfxl import layout as L
from perfxl.cachedir import cache_dir, save_text

__all__ = ["cache_dir", "template_key", "verified", "fill_missing", "twin_values",
           "CacheRecord", "save_text"]

#: Modules whose source decides the twins' values: a change to any of them rebuilds the record.
_TWIN_SOURCES = ("derived.py", "numbers.py", "layout.py", "model.py", "twins.py")
_FORMAT = "1"


@lru_cache(maxsize=4)
def template_key(layout: L.Layout = L.LAYOUT) -> str:
    """Names the template version: formula texts, template version, the twins' source."""
    import hashlib  # here: a check that needs no formula engine does not load OpenSSL

    from perfxl import TEMPLATE_VERSION

    h = hashlib.sha256(f"{_FORMAT}|{TEMPLATE_VERSION}|".encode())
    for (sheet, cell), formula in sorted(layout.formula_cells.items()):
        h.update(f"{sheet}!{cell}={formula}\n".encode())
    pkg = Path(__file__).resolve().parents[2]
    for name in _TWIN_SOURCES:
        p = pkg / name
        h.update(p.read_bytes() if p.exists() else name.encode())
    return h.hexdigest()[:20]


class CacheRecord(dict):
    """The JSON record: ``key``, ``verified`` (["sheet!A1", ...]), ``disagree``
    ({"sheet!A1": [formulas value, twin value, sample]}), ``samples``, ``seconds`` (the cost of
    building it), ``formulas`` (the engine's version)."""

    @property
    def verified_cells(self) -> frozenset[tuple[str, str]]:
        return frozenset(tuple(k.split("!", 1)) for k in self.get("verified", ()))  # type: ignore[misc]


# ---- the twins ----------------------------------------------------------------------------------
from perfxl.twins import twin_values  # noqa: E402  (re-exported: the values the record verifies)


@lru_cache(maxsize=4)
def _cell_index(layout: L.Layout = L.LAYOUT) -> dict[tuple[str, str], tuple]:
    """(sheet, A1) of every template formula cell -> what computes it (``Layout.formula_owners``)."""
    return layout.formula_owners


def _agree(engine: Any, twin: Any) -> bool:
    if engine in (None, "") and twin in (None, ""):
        return True
    if isinstance(engine, bool) or isinstance(twin, bool):
        return engine == twin
    if isinstance(engine, (int, float)) and isinstance(twin, (int, float)):
        if math.isclose(engine, twin, rel_tol=1e-9, abs_tol=1e-9):
            return True
        # a ROUND on a binary half: the engine rounds the double, spreadsheets (and the twin)
        # the 15-significant-digit value (engines.md); one unit of the 2nd decimal at most
        return abs(engine - twin) <= 0.01 + 1e-9 and _round_boundary(engine, twin)
    return engine == twin


def _round_boundary(a: float, b: float) -> bool:
    lo, hi = sorted((a, b))
    mid = (lo + hi) / 2
    return abs(round(mid * 1000) - mid * 1000) < 1e-6  # the halfway point is x.xx5


# ---- the record ----------------------------------------------------------------------------------
def _record_path(layout: L.Layout = L.LAYOUT) -> Path:
    return cache_dir() / f"template-{template_key(layout)}.json"


_MEMO: dict[str, CacheRecord] = {}


def verified(layout: L.Layout = L.LAYOUT, *, build: bool = True) -> CacheRecord | None:
    """The verification record of the current template version: from memory, from disk, or
    (``build``) made now with ``formulas`` on the bundled examples (seconds, once)."""
    key = template_key(layout)
    if key in _MEMO:
        return _MEMO[key]
    path = _record_path(layout)
    rec = _load(path)
    if rec is None and build:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _Lock(path.with_suffix(".lock")):
            rec = _load(path)  # another process may have built it meanwhile
            if rec is None:
                rec = _build(layout)
                _save(path, rec)
    if rec is not None:
        _MEMO[key] = rec
    return rec


def _load(path: Path) -> CacheRecord | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != path.stem.removeprefix("template-"):
        return None
    return CacheRecord(data)


def _save(path: Path, rec: CacheRecord) -> None:
    save_text(path, json.dumps(rec, ensure_ascii=False, indent=1))


class _Lock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.fh = None

    def __enter__(self):
        try:
            import fcntl

            self.fh = open(self.path, "a+")
            fcntl.flock(self.fh, fcntl.LOCK_EX)
        except (ImportError, OSError):  # Windows or a read-only folder: no lock, still correct
            self.fh = None
        return self

    def __exit__(self, *exc):
        if self.fh is not None:
            import fcntl

            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()


def _sample(seed: str) -> tuple[str, dict[tuple[str, str], tuple[Any, Any]]] | None:
    """(seed, cell -> (formulas value, twin value)) for one bundled example written without
    cached values; ``None`` when its data is not installed."""
    from perfxl.examples import example
    from perfxl.io.office.recalc import recalculate
    from perfxl.io.writing.xlsx_fill import write_model

    try:
        model = example(seed).load()
    except Exception:  # an installed copy without the example data: fewer samples
        return None
    cells = list(_cell_index())
    import tempfile

    with tempfile.TemporaryDirectory(prefix="perfxl-template-") as tmp:
        path = write_model(model, Path(tmp) / f"{seed}.xlsx", cached_values=False)
        engine = recalculate(path, cells)
    # the twins of the model written, not of a re-read copy: reading here would close an import
    # circle with the reader (which calls fill_missing); the reader's round trip is tested apart
    twins = twin_values(model)
    return seed, {c: (_plain(engine[c]) if c in engine else _ABSENT, _plain(twins.get(c)))
                  for c in cells}


_ABSENT = "<not computed>"


def _build(layout: L.Layout) -> CacheRecord:
    """Run ``formulas`` on each bundled example written without cached values (the examples in
    parallel processes); compare with the twins."""
    from concurrent.futures import ProcessPoolExecutor

    from perfxl.examples import EXAMPLES

    if layout is not L.LAYOUT:
        raise ValueError("the template cache verifies the standard layout only")
    t0 = time.perf_counter()
    seeds = [ex.seed for ex in EXAMPLES]
    import multiprocessing

    jobs = max(1, min(len(seeds), os.cpu_count() or 1))
    if multiprocessing.current_process().daemon:  # a daemonic pool worker may not fork
        jobs = 1
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_sample, seeds))
    else:
        results = [_sample(s) for s in seeds]
    agree: dict[tuple[str, str], bool] = {}
    disagree: dict[str, list] = {}
    samples = []
    for res in results:
        if res is None:
            continue
        seed, pairs = res
        samples.append(seed)
        for cell, (engine, twin) in pairs.items():
            ok = engine != _ABSENT and _agree(engine, twin)
            agree[cell] = agree.get(cell, True) and ok
            if not ok and f"{cell[0]}!{cell[1]}" not in disagree:
                disagree[f"{cell[0]}!{cell[1]}"] = [engine, twin, seed]
    try:
        import formulas
        version = getattr(formulas, "__version__", "?")
    except Exception:  # pragma: no cover
        version = "?"
    return CacheRecord({
        "key": template_key(layout), "format": _FORMAT, "formulas": version,
        "samples": samples, "seconds": round(time.perf_counter() - t0, 2),
        "verified": sorted(f"{s}!{c}" for (s, c), ok in agree.items() if ok and samples),
        "disagree": disagree,
    })


def _plain(v: Any) -> Any:
    return v if v is None or isinstance(v, (bool, int, float, str)) else str(v)


# ---- per file ------------------------------------------------------------------------------------
_SPACE = re.compile(r"\s+")
_STRINGS = re.compile(r'("(?:[^"]|"")*")')


@lru_cache(maxsize=8192)
def _norm(formula: str | None) -> str:
    text = (formula or "").lstrip("=")
    return "".join(p if p.startswith('"') else _SPACE.sub("", p).upper().replace("_XLFN.", "")
                   for p in _STRINGS.split(text))


def fill_missing(model, path: str | Path | None = None) -> dict[str, int]:
    """Fill ``model.source.recomputed`` for every formula cell without a cached value; returns
    counts {"twin": n, "engine": n} (cells filled from the verified twins / by ``formulas``)."""
    src = model.source
    if src is None:
        return {"twin": 0, "engine": 0}
    missing = [k for k, f in src.formulas.items()
               if f is not None and src.cached.get(k) is None and k not in src.recomputed]
    if not missing:
        return {"twin": 0, "engine": 0}
    lay = model.layout
    standard = (all(src.table_rows.get(t, lay.first_data_row(t)) == lay.first_data_row(t)
                    for t in lay.tables)
                and all(src.field_cells.get(k, lay.field_cell(k)) == lay.field_cell(k)
                        for k in lay.fields))
    rec = verified(lay) if standard else None
    ok = rec.verified_cells if rec is not None else frozenset()
    template = lay.formula_cells
    by_twin = [k for k in missing if k in ok and _norm(src.formulas[k]) == _norm(template.get(k))]
    rest = [k for k in missing if k not in set(by_twin)]
    if by_twin:
        src.recomputed.update(twin_values(model, by_twin))
    if rest and (path or src.path):
        from perfxl.io.office.recalc import recalculate

        src.recomputed.update(recalculate(Path(path or src.path), rest))
    return {"twin": len(by_twin), "engine": len(rest)}
