"""The differential benchmark of issue 13: N random valid workbooks, recalculated by LibreOffice
headless, against perfxl's Python — every formula cell and every figure the report prints.

    python benchmarks/differential.py [--cases 300] [--batch 50] [--seed 0] [--keep DIR]

Case i is ``tests.differential.harness.random_model(random.Random(seed + i))`` (blanks, zeros,
ROUND ties, 不适用 rows, 反向/区间/= indicators, 定性 bands, caps, negative and above-100%
execution, 元 and 万元, project names differing in case).  The files are written without cached
values and converted ``--batch`` at a time by one soffice run each.  Prints the cases, the cells
and report figures compared (every report perfxl writes for the book, read back:
``tests/differential/report_figures.py``), the disagreements and the reports' own proofreading
findings (the first 20 of each listed) and the times; writes ``benchmarks/out/differential.json``;
exits 1 on any disagreement or proofreading finding.  Not a timed unit test.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.differential.harness import compare, random_model, recalc, write_books  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", type=Path, default=None, help="keep the workbooks in this folder")
    a = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="perfxl-diff-")) if a.keep is None else a.keep
    t0 = time.perf_counter()
    cells = figures = 0
    bad: list[tuple[str, str, object, object]] = []
    proof: list[tuple] = []
    t_write = t_lo = t_cmp = 0.0
    for start in range(0, a.cases, a.batch):
        n = min(a.batch, a.cases - start)
        t = time.perf_counter()
        books = [random_model(random.Random(a.seed + start + i)) for i in range(n)]
        paths = write_books(books, work / f"in{start:05d}", prefix=f"case{start:05d}-")
        t_write += time.perf_counter() - t
        t = time.perf_counter()
        los = recalc(paths, work / f"out{start:05d}")
        t_lo += time.perf_counter() - t
        t = time.perf_counter()
        for path, lo in zip(paths, los):
            out = compare(path, lo)
            cells += out.cells
            figures += out.figures
            bad += [(path.name, *b) for b in out.bad]
            proof += out.proofread
        t_cmp += time.perf_counter() - t
        print(f"  {start + n}/{a.cases} cases, {len(bad)} disagreements so far", flush=True)
    wall = time.perf_counter() - t0
    result = {"cases": a.cases, "seed": a.seed, "batch": a.batch, "formula_cells": cells,
              "report_figures": figures, "disagreements": len(bad),
              "proofreading_findings": len(proof),
              "seconds": {"write": round(t_write, 1), "libreoffice": round(t_lo, 1),
                          "compare": round(t_cmp, 1), "wall": round(wall, 1)},
              "load_average": [round(x, 2) for x in os.getloadavg()],
              "first": [list(map(str, b)) for b in bad[:20]],
              "first_proofreading": [list(map(str, p)) for p in proof[:20]]}
    print(f"cases {a.cases}; formula cells compared {cells}; report figures compared {figures}; "
          f"disagreements {len(bad)}; report proofreading findings {len(proof)}")
    print(f"time: write {t_write:.1f} s, LibreOffice {t_lo:.1f} s, compare {t_cmp:.1f} s, "
          f"wall {wall:.1f} s; load average {result['load_average']}")
    for b in bad[:20]:
        print("  ", *b)
    for p in proof[:20]:
        print("   proofreading:", *p)
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "differential.json").write_text(json.dumps(result, ensure_ascii=False, indent=1),
                                           encoding="utf-8")
    if a.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if bad or proof else 0


if __name__ == "__main__":
    sys.exit(main())
