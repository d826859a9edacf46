"""Generate a benchmark set: variants of the bundled examples with planted faults.

    python benchmarks/make_set.py [N] [OUTDIR] [--seed S] [--jobs J] [--rate P]

Writes ``N`` workbooks (default 1,000) to ``OUTDIR`` (default ``benchmarks/out/set``) and
``OUTDIR/manifest.json``.  Fast: no formula engine and no openpyxl per file; each variant is the
base example's package with a few ``<c>`` elements of the sheet XML rewritten.

* Every AMOUNT-kind value (input and stated cells, the cached values of amount formulas such as
  收入合计, and the amounts of the 报告数据 sheet) is multiplied by an integer factor ``k`` in
  1..9, in decimal arithmetic on the cell's text.  Rates, counts and scores are left alone, so
  every sum and ratio of the variant is its base's (up to the last bit of a double) and each
  variant has exactly its base example's findings.  ``k`` is drawn from the factors that keep
  the number of decimals every amount shows (24.70 would show one decimal fewer than 12.35 and so
  widen the tolerance of a check), which in practice are 1, 3, 7, 9 and whatever else the base
  allows.
* Faults are planted in about ``P`` (default 3%) of the files, each kind independently:
  ``typed_over`` (a computed total whose ``<f>`` is removed, its value kept as a typed number),
  ``stale_cache`` (the cached ``<v>`` of a rate or amount formula cell such as 执行率（计算）
  changed), ``wrong_rate`` (a stated rate such as 执行率（填报） off by 2-5 points from the
  computed one).
* ``manifest.json``: ``{"seed", "count", "rate", "generator", "bases": {base: {"factors"}},
  "files": {file: {"base", "factor", "faults": [{"kind", "sheet", "cell", ...}]}}}``.

Deterministic: the same ``N``, seed and rate give byte-identical files.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perfxl import layout as L  # noqa: E402
from perfxl.io.reading.sheetxml import sheet_parts  # noqa: E402
from perfxl.io.reading.xlsx_reader import read_workbook  # noqa: E402
from perfxl.numbers import excel_round, shown_decimals  # noqa: E402

EXAMPLES = ROOT / "examples"
DEFAULT_OUT = ROOT / "benchmarks" / "out" / "set"
GENERATOR_VERSION = "1"
#: zlib level of the written packages (1: fast; the set is written, read and thrown away)
COMPRESSLEVEL = 1
KINDS = ("typed_over", "stale_cache", "wrong_rate")

_CELL = re.compile(r'<c r="(?P<r>[A-Z]+\d+)"(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</c>)', re.S)
_INNER = re.compile(r'^(?:<f>(?P<f>.*?)</f>)?(?:<v>(?P<v>.*?)</v>|<v\s*/>)?$', re.S)
_T = re.compile(r'\s+t="[^"]*"')

# 报告数据 items that are not amounts (rates, shares, head counts, scores): left unscaled.
_NOT_AMOUNT = ("率", "占比", "比重", "人数", "编制", "人员", "分值", "得分", "总分", "年度", "个数",
               "项数", "次数")


def statement_is_amount(item: object) -> bool:
    return isinstance(item, str) and not any(w in item for w in _NOT_AMOUNT)


# ---------------------------------------------------------------------------------------------
# XML cells
# ---------------------------------------------------------------------------------------------
@dataclass
class Cell:
    ref: str
    attrs: str          # attributes after r="..", with a leading space
    formula: str | None  # text of <f> (escaped XML), None when no <f>
    v: str | None       # text of <v> (escaped XML), None when no <v> or empty
    start: int
    end: int

    @property
    def t(self) -> str | None:
        m = re.search(r'\bt="([^"]*)"', self.attrs)
        return m.group(1) if m else None

    def number(self) -> float | None:
        if self.v is None or self.t not in (None, "n"):
            return None
        try:
            return float(self.v)
        except ValueError:
            return None

    def render(self, *, v: str | None, formula: str | None, t: str | None) -> str:
        attrs = _T.sub("", self.attrs)
        if t:
            attrs += f' t="{t}"'
        f = f"<f>{formula}</f>" if formula is not None else ""
        vv = f"<v>{v}</v>" if v is not None else ""
        return f'<c r="{self.ref}"{attrs}>{f}{vv}</c>'


def parse_cells(xml: str) -> dict[str, Cell]:
    out: dict[str, Cell] = {}
    for m in _CELL.finditer(xml):
        inner = m.group("inner") or ""
        im = _INNER.match(inner)
        if im is None:  # inline string or rich text: never an amount
            continue
        v = im.group("v")
        out[m.group("r")] = Cell(m.group("r"), m.group("attrs"), im.group("f"),
                                 v if v else None, m.start(), m.end())
    return out


def scale_text(text: str, k: int) -> str:
    """``text`` (a decimal number) times ``k``, exactly, as plain decimal text."""
    d = Decimal(text) * k
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s if s not in ("-0", "") else "0"


def _decimals(text: str) -> int:
    d = Decimal(text).normalize()
    exp = d.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


# ---------------------------------------------------------------------------------------------
# What can be edited in a base example
# ---------------------------------------------------------------------------------------------
@dataclass
class Base:
    path: Path
    name: str
    members: list[tuple[zipfile.ZipInfo, bytes]]
    parts: dict[str, str]                      # sheet -> member
    xml: dict[str, str]                        # member -> text (only sheets with edits)
    cells: dict[str, dict[str, Cell]]          # sheet -> ref -> Cell
    amounts: list[tuple[str, str]] = field(default_factory=list)      # (sheet, ref) to scale
    typed_over: list[tuple[str, str, str]] = field(default_factory=list)   # (sheet, ref, label)
    stale: list[tuple[str, str, str, str]] = field(default_factory=list)   # (+ kind)
    rates: list[tuple[str, str, str, float]] = field(default_factory=list)  # stated cell, computed
    factors: list[int] = field(default_factory=list)


def _rate_pairs(model) -> list[tuple[tuple[str, str], tuple[str, str], str]]:
    """(stated cell, computed formula cell, label) of every stated rate with a computed twin."""
    out = []
    for key, (_s, _b, f) in L.LAYOUT.fields.items():
        if f.kind == L.RATE and f.role == L.STATED and key.endswith("_stated"):
            twin = key[: -len("_stated")]
            if twin in L.LAYOUT.fields and L.LAYOUT.field(twin).role == L.FORMULA:
                out.append((model.field_cell(key), model.field_cell(twin), f.label))
    for r in model.rows("projects"):
        out.append((model.cell("projects", r.index, "execution_rate_stated"),
                    model.cell("projects", r.index, "execution_rate"),
                    f"项目“{r.project}”执行率（填报）"))
    return out


def analyse(path: Path) -> Base:
    model = read_workbook(path, engine="calamine")
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info.filename)) for info in zf.infolist()]
        parts = sheet_parts(zf)
    data = {info.filename: blob for info, blob in members}
    xml: dict[str, str] = {}
    cells: dict[str, dict[str, Cell]] = {}
    for s in L.INPUT_SHEETS:
        if s.name in parts:
            xml[parts[s.name]] = data[parts[s.name]].decode("utf-8")
            cells[s.name] = parse_cells(xml[parts[s.name]])
    base = Base(path, path.name, members, parts, xml, cells)

    def numeric(sheet: str, ref: str) -> Cell | None:
        c = cells.get(sheet, {}).get(ref)
        return c if c is not None and c.number() is not None else None

    lay = L.LAYOUT
    for key, (_s, _b, f) in lay.fields.items():
        if f.kind != L.AMOUNT:
            continue
        sheet, ref = model.field_cell(key)
        if numeric(sheet, ref):
            base.amounts.append((sheet, ref))
            if f.role == L.FORMULA and "SUM(" in (f.formula or "") and cells[sheet][ref].number():
                base.typed_over.append((sheet, ref, f.label))
                base.stale.append((sheet, ref, f.label, L.AMOUNT))
    for tkey, (sheet_obj, t) in lay.tables.items():
        first = model.source.table_rows.get(tkey, lay.first_data_row(tkey))
        for j, col in enumerate(t.columns):
            for i in range(t.n_rows):
                ref = f"{L.get_column_letter(j + 1)}{first + i}"
                c = numeric(sheet_obj.name, ref)
                if c is None:
                    continue
                if col.kind == L.AMOUNT:
                    base.amounts.append((sheet_obj.name, ref))
                elif tkey == "statements" and col.key == "value":
                    row = next((r for r in model.rows(tkey) if r.index == i), None)
                    if row is not None and statement_is_amount(row.item):
                        base.amounts.append((sheet_obj.name, ref))
    for key, (_s, _b, f) in lay.fields.items():
        if f.role == L.FORMULA and f.kind == L.RATE:
            sheet, ref = model.field_cell(key)
            if numeric(sheet, ref):
                base.stale.append((sheet, ref, f.label, L.RATE))
    for r in model.rows("projects"):
        sheet, ref = model.cell("projects", r.index, "execution_rate")
        if numeric(sheet, ref):
            base.stale.append((sheet, ref, f"项目“{r.project}”执行率（计算）", L.RATE))
    # stated rates that are right in the base (planting there makes a new, single finding)
    right, empty = [], []
    for (ss, sr), (cs, cr), label in _rate_pairs(model):
        stated_cell = cells.get(ss, {}).get(sr)
        computed = numeric(cs, cr)
        if stated_cell is None or computed is None:
            continue
        value = computed.number()
        stated = stated_cell.number()
        if stated is None:
            if stated_cell.v is None:
                empty.append((ss, sr, label, value))
            continue
        d = shown_decimals(stated, percent=True)
        if excel_round(stated * 100, d) == excel_round(value * 100, d):
            right.append((ss, sr, label, value))
    base.rates = right or empty
    # factors that keep every amount's shown decimals
    texts = [cells[s][r].v for s, r in base.amounts]
    base.factors = [k for k in range(1, 10)
                    if all(_decimals(scale_text(t, k)) == _decimals(t) for t in texts)]
    return base


# ---------------------------------------------------------------------------------------------
# Variants
# ---------------------------------------------------------------------------------------------
def plan(bases: list[Base], n: int, seed: int, rate: float) -> list[dict]:
    """What each file is: base, factor, faults (drawn here, in order, from one RNG)."""
    rng = random.Random(seed)
    out = []
    width = max(4, len(str(n)))
    for i in range(n):
        b = bases[i % len(bases)]
        k = rng.choice(b.factors)
        faults: list[dict] = []
        used: set[tuple[str, str]] = set()
        for kind in KINDS:
            if rng.random() >= rate:
                continue
            if kind == "typed_over" and b.typed_over:
                s, r, label = rng.choice(b.typed_over)
                if (s, r) in used:
                    continue
                faults.append({"kind": kind, "sheet": s, "cell": r, "label": label})
            elif kind == "stale_cache" and b.stale:
                s, r, label, vkind = rng.choice(b.stale)
                if (s, r) in used:
                    continue
                faults.append({"kind": kind, "sheet": s, "cell": r, "label": label,
                               "value_kind": vkind, "sign": rng.choice((-1, 1)),
                               "delta": round(rng.uniform(0.02, 0.06), 4)})
            elif kind == "wrong_rate" and b.rates:
                s, r, label, computed = rng.choice(b.rates)
                if (s, r) in used:
                    continue
                off = rng.choice((-1, 1)) * rng.randint(2, 5) / 100
                faults.append({"kind": kind, "sheet": s, "cell": r, "label": label,
                               "computed": computed,
                               "stated": float(excel_round(computed + off, 4))})
            else:
                continue
            used.add((faults[-1]["sheet"], faults[-1]["cell"]))
        out.append({"file": f"{i + 1:0{width}d}-{b.name[:3]}-x{k}.xlsx", "base": b.name,
                    "factor": k, "faults": faults})
    return out


def _edits(b: Base, spec: dict) -> dict[str, dict[str, str]]:
    """sheet -> ref -> new <c> element."""
    k = spec["factor"]
    out: dict[str, dict[str, str]] = {}
    amount = set(b.amounts)
    if k != 1:
        for s, r in b.amounts:
            c = b.cells[s][r]
            out.setdefault(s, {})[r] = c.render(v=scale_text(c.v, k), formula=c.formula, t=c.t)
    for f in spec["faults"]:
        s, r = f["sheet"], f["cell"]
        c = b.cells[s][r]
        v = scale_text(c.v, k) if (s, r) in amount else c.v
        if f["kind"] == "typed_over":
            out.setdefault(s, {})[r] = c.render(v=v, formula=None, t="n")
            f["value"] = float(v)
        elif f["kind"] == "stale_cache":
            old = float(v)
            if f["value_kind"] == L.RATE:
                new = excel_round(old + f["sign"] * f["delta"], 4)
            else:
                new = excel_round(old * (1 + f["sign"] * f["delta"]), 2)
                if abs(new - old) < 1:
                    new = excel_round(old + 100 * k, 2)
            f["cached"], f["actual"] = new, old
            out.setdefault(s, {})[r] = c.render(v=repr(float(new)), formula=c.formula, t=c.t)
        elif f["kind"] == "wrong_rate":
            out.setdefault(s, {})[r] = c.render(v=repr(float(f["stated"])), formula=None, t="n")
    return out


def render_variant(b: Base, spec: dict) -> bytes:
    """The variant's package bytes."""
    import io

    edits = _edits(b, spec)
    new_parts: dict[str, bytes] = {}
    for sheet, cells in edits.items():
        member = b.parts[sheet]
        xml = b.xml[member]
        pieces, pos = [], 0
        for ref in sorted(cells, key=lambda r: b.cells[sheet][r].start):
            c = b.cells[sheet][ref]
            pieces += [xml[pos:c.start], cells[ref]]
            pos = c.end
        pieces.append(xml[pos:])
        new_parts[member] = "".join(pieces).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, blob in b.members:
            zi = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            zout.writestr(zi, new_parts.get(info.filename, blob), compresslevel=COMPRESSLEVEL)
    return buf.getvalue()


_BASES: dict[str, Base] = {}


def _init(paths: list[str]) -> None:
    for p in paths:
        b = analyse(Path(p))
        _BASES[b.name] = b


def _write(args: tuple[str, list[dict]]) -> int:
    outdir, specs = args
    for spec in specs:
        data = render_variant(_BASES[spec["base"]], spec)
        tmp = Path(outdir) / (spec["file"] + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, Path(outdir) / spec["file"])
    return len(specs)


def base_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("[0-9][0-9][0-9]-*.xlsx"))


def fingerprint(paths: list[Path]) -> str:
    h = hashlib.sha256(GENERATOR_VERSION.encode())
    h.update(Path(__file__).read_bytes())
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def make_set(n: int = 1000, outdir: str | Path = DEFAULT_OUT, *, seed: int = 2024,
             rate: float = 0.03, jobs: int | None = None, bases: list[Path] | None = None,
             quiet: bool = False) -> dict:
    """Generate the set; returns the manifest.  Existing ``*.xlsx`` in ``outdir`` whose names
    are not in the new manifest are removed (the folder is the set)."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = list(bases or base_paths())
    t0 = time.perf_counter()
    analysed = [analyse(p) for p in paths]
    specs = plan(analysed, n, seed, rate)
    names = {s["file"] for s in specs}
    for old in outdir.glob("*.xlsx"):
        if old.name not in names:
            old.unlink()
    jobs = jobs or os.cpu_count() or 1
    # fault values (cached, typed) are filled in by _edits: do it here too for the manifest
    by_name = {b.name: b for b in analysed}
    for s in specs:
        _edits(by_name[s["base"]], s)
    if jobs <= 1 or n < 50:
        _BASES.update(by_name)
        _write((str(outdir), specs))
    else:
        step = max(1, -(-n // (jobs * 4)))
        chunks = [(str(outdir), specs[i:i + step]) for i in range(0, n, step)]
        with ProcessPoolExecutor(jobs, initializer=_init,
                                 initargs=([str(p) for p in paths],)) as pool:
            list(pool.map(_write, chunks))
    manifest = {
        "generator": GENERATOR_VERSION, "fingerprint": fingerprint(paths), "seed": seed,
        "count": n, "rate": rate,
        "bases": {b.name: {"factors": b.factors, "amount_cells": len(b.amounts),
                           "typed_over_candidates": len(b.typed_over),
                           "stale_candidates": len(b.stale),
                           "rate_candidates": len(b.rates)} for b in analysed},
        "files": {s["file"]: {"base": s["base"], "factor": s["factor"], "faults": s["faults"]}
                  for s in specs},
        "seconds": round(time.perf_counter() - t0, 2),
    }
    (outdir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                          encoding="utf-8")
    if not quiet:
        nf = sum(len(s["faults"]) for s in specs)
        kinds = {k: sum(f["kind"] == k for s in specs for f in s["faults"]) for k in KINDS}
        print(f"{n} workbooks in {outdir} ({manifest['seconds']} s, jobs {jobs}); "
              f"{nf} planted faults {kinds}", file=sys.stderr)
    return manifest


def is_current(outdir: str | Path, n: int, seed: int, rate: float) -> bool:
    """True when ``outdir`` already holds this set (same generator, bases, n, seed, rate)."""
    m = Path(outdir) / "manifest.json"
    if not m.exists():
        return False
    try:
        man = json.loads(m.read_text(encoding="utf-8"))
    except ValueError:
        return False
    same = (man.get("fingerprint") == fingerprint(base_paths()) and man.get("count") == n
            and man.get("seed") == seed and man.get("rate") == rate)
    return same and all((Path(outdir) / f).exists() for f in man["files"])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("outdir", nargs="?", default=str(DEFAULT_OUT))
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--rate", type=float, default=0.03, help="share of files per fault kind")
    ap.add_argument("--jobs", type=int, default=None)
    a = ap.parse_args(argv)
    make_set(a.n, a.outdir, seed=a.seed, rate=a.rate, jobs=a.jobs)


if __name__ == "__main__":
    main()
