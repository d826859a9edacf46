"""Where the time of reviewing one workbook goes: CPU per stage, averaged over a set.

    python benchmarks/stages.py [SET_DIR] [--files 60] [--top 15]

Stages: the package check and read (``perfxl.io.reading.sniff.read_checked``), the formula scan of the sheet XML
(defined names, sheet parts, ``scan_formulas``), opening with calamine, ``read_book`` (which
parses the sheets with calamine on first use), each rule of ``check_model``, and scoring.  The
same work as ``perfxl.batch.review_file``, timed piece by piece (``time.process_time``).
"""
from __future__ import annotations

import argparse
import io
import sys
import time
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> None:
    from perfxl import layout as L
    from perfxl.checks import check_model
    from perfxl.checks.context import Ctx
    from perfxl.checks.engine import run_rule
    from perfxl.checks.registry import select_rules
    from perfxl.io.reading import sheetxml, sniff
    from perfxl.io.reading import xlsx_reader as XR
    from perfxl.io.reading.backends import CalamineBook
    from perfxl.scoring import score_model

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set", nargs="?", type=Path, default=ROOT / "benchmarks" / "out" / "set")
    ap.add_argument("--files", type=int, default=60)
    ap.add_argument("--top", type=int, default=15)
    a = ap.parse_args(argv)
    files = sorted(a.set.glob("*.xlsx"))[:a.files]
    if not files:
        raise SystemExit(f"no workbooks in {a.set} (python benchmarks/make_set.py)")
    spent: dict[str, float] = defaultdict(float)

    def timed(name, fn, *args, **kw):
        t = time.process_time()
        out = fn(*args, **kw)
        spent[name] += time.process_time() - t
        return out

    def scan(data):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names, parts = sheetxml.defined_names(zf), sheetxml.sheet_parts(zf)
            return names, {s.name: sheetxml.scan_formulas(zf, parts[s.name])
                           for s in L.LAYOUT.sheets if not s.output and s.name in parts}

    for f in files[:3]:  # warm caches and imports
        m = XR.read_workbook(f, engine="calamine")
        check_model(m)
        score_model(m)
    spent.clear()
    for f in files:
        data = timed("package check and read (sniff)", sniff.read_checked, f)
        names, scanned = timed("formula scan (sheetxml)", scan, data)
        book = timed("calamine open", CalamineBook, f, data)
        model = timed("read_book (+ calamine sheets)", XR.read_book, book, names, scanned, file=str(f))
        ctx = Ctx(model, str(f))
        for rule in select_rules((), ()):
            timed(f"rule {rule.code}", run_rule, rule, ctx)
        timed("score_model", score_model, model)
    n = len(files)
    print(f"{n} workbooks from {a.set}: {sum(spent.values()) / n * 1000:.1f} ms of CPU each")
    rules = sum(v for k, v in spent.items() if k.startswith("rule "))
    print(f"  {'all rules':32s} {rules / n * 1000:6.2f} ms")
    for k, v in sorted(spent.items(), key=lambda kv: -kv[1])[:a.top]:
        print(f"  {k:32s} {v / n * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
