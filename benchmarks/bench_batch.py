"""`perfxl batch` of 1,000 generated workbooks against LibreOffice headless, side by side.

    python benchmarks/bench_batch.py [--n 1000] [--jobs 2] [--set DIR] [--lo all|N|none]
                                     [--nocache] [--out DIR]

1. Makes the set with ``make_set.py`` (or reuses it when its manifest matches: same bases,
   generator, count, seed and rate).
2. Runs ``perfxl batch SET -o OUT/summary.xlsx --jobs J --format json`` as a new process and
   reports its wall time and memory: the peak of the process tree's summed RSS (sampled every
   50 ms from /proc, parent + workers), the sum of each process's own peak (VmHWM; an upper
   bound, as forked workers share pages with the parent) and the peak summed PSS (shared pages
   counted once).
3. Verifies the review: every planted fault is found (a finding at the planted cell from a
   hygiene PX0xx or ratio PX2xx rule) and there is no false alarm (each file's findings, as
   (rule, sheet, cell), are exactly those of the same base at the same scale factor without
   faults, plus findings at its planted cells; at a planted cell the base's finding may give way
   to another rule's).  The references are the unfaulted variants
   (one per base and factor, reviewed in this process); where a reference's findings differ from
   its base example's, that is printed: rules with an absolute tolerance (PX150 rounding of
   万元 parts, PX117 restated figures) legitimately change when every amount is multiplied.
4. LibreOffice headless recalculates the same files (``perfxl.io.office.libreoffice.convert`` to xlsx
   with a recalc-on-load profile, one office process per batch of 200 files); ``--lo N`` converts
   only the first N files and extrapolates (marked as such).
5. Prints both times and the ratio; targets: batch < 30 s on 2 cores, >= 6x faster than
   LibreOffice, peak < 500 MB.
6. ``--nocache``: a workbook with no cached values (each example re-saved by openpyxl) is checked
   (``perfxl check --format json``) and must give the findings of the original; the cost of
   filling its formula cells (``perfxl.io.reading.template_cache``): building the template record with
   ``formulas`` once (cold), reading it in a new process (warm), per file afterwards, and the old
   way (``formulas`` on the file) for comparison.
7. Renders the summary's 图表 sheet to ``OUT/summary-charts.png`` (LibreOffice -> PDF ->
   pdftoppm) for a person to look at.

Not a timed unit test: run it on a quiet machine (the load average is printed).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_set  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
TARGET_SECONDS, TARGET_SPEEDUP, TARGET_MB = 30.0, 6.0, 500.0
HYGIENE_OR_RATIO = ("PX0", "PX2")


# ---------------------------------------------------------------------------------------------
# running a process tree and watching its memory
# ---------------------------------------------------------------------------------------------
def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(d))
    return kids


def _tree(pid: int) -> list[int]:
    kids = _children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, ()))
    return out


def _status_kb(pid: int) -> tuple[int, int] | None:
    """(VmRSS, VmHWM) in kB."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            rss = hwm = 0
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
            return rss, hwm
    except OSError:
        return None


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeWatch:
    """Samples the memory of a process and its descendants until it exits."""

    def __init__(self, pid: int, period: float = 0.05) -> None:
        self.pid, self.period = pid, period
        self.peak_rss = self.peak_pss = 0
        self.hwm: dict[int, int] = {}
        self.pids: set[int] = set()
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()

    def _run(self) -> None:
        last_scan = 0.0
        pids: list[int] = [self.pid]
        k = 0
        while not self._stop.is_set():
            now = time.monotonic()
            if now - last_scan > 0.25:
                pids = _tree(self.pid)
                last_scan = now
            total = 0
            for p in pids:
                st = _status_kb(p)
                if st is None:
                    continue
                total += st[0]
                self.hwm[p] = max(self.hwm.get(p, 0), st[1])
                self.pids.add(p)
            self.peak_rss = max(self.peak_rss, total)
            if k % 4 == 0:  # PSS is dearer to read: every 200 ms
                self.peak_pss = max(self.peak_pss, sum(_pss_kb(p) for p in pids))
            k += 1
            self._stop.wait(self.period)

    @property
    def sum_hwm(self) -> int:
        return sum(self.hwm.values())


def run_watched(cmd: list[str], stdout_path: Path) -> dict:
    t0 = time.perf_counter()
    with open(stdout_path, "wb") as out:
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
        with TreeWatch(p.pid) as w:
            _, err = p.communicate()
    wall = time.perf_counter() - t0
    return {"rc": p.returncode, "seconds": wall, "stderr": err.decode("utf-8", "replace"),
            "peak_rss_mb": w.peak_rss / 1024, "sum_hwm_mb": w.sum_hwm / 1024,
            "peak_pss_mb": w.peak_pss / 1024, "processes": len(w.pids)}


def perfxl_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "perfxl"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "import sys; from perfxl.cli import main; sys.exit(main())"]


# ---------------------------------------------------------------------------------------------
# references and verification
# ---------------------------------------------------------------------------------------------
def key(f: dict) -> tuple[str, str, str]:
    return f["rule"], f["sheet"], f["cell"]


def references(manifest: dict, refdir: Path) -> tuple[dict, dict]:
    """Findings of each unfaulted (base, factor) variant and of each base example."""
    from perfxl.batch import review_files

    refdir.mkdir(parents=True, exist_ok=True)
    bases = {p.name: p for p in make_set.base_paths()}
    analysed = {name: make_set.analyse(p) for name, p in bases.items()}
    combos = sorted({(v["base"], v["factor"]) for v in manifest["files"].values()})
    paths = []
    for base, k in combos:
        p = refdir / f"{base[:3]}-x{k}.xlsx"
        p.write_bytes(make_set.render_variant(analysed[base], {"factor": k, "faults": []}))
        paths.append(p)
    reviews = review_files(paths + list(bases.values()), jobs=1)
    ref = {c: {key(f) for f in r.findings} for c, r in zip(combos, reviews)}
    base_findings = {name: {key(f) for f in r.findings}
                     for name, r in zip(bases, reviews[len(combos):])}
    for r in reviews:
        if r.error:
            raise SystemExit(f"reference {r.file} unreadable: {r.error}")
    return ref, base_findings


def verify(manifest: dict, files: list[dict], ref: dict) -> dict:
    by_name = {Path(f["file"]).name: f for f in files}
    planted = found = 0
    missed, false_alarms, unreadable = [], [], []
    per_kind: Counter = Counter()
    found_kind: Counter = Counter()
    for name, spec in manifest["files"].items():
        r = by_name.get(name)
        if r is None or r["error"]:
            unreadable.append((name, None if r is None else r["error"]))
            continue
        got = {key(f) for f in r["findings"]}
        cells = {(f["sheet"], f["cell"]) for f in spec["faults"]}
        for fault in spec["faults"]:
            planted += 1
            per_kind[fault["kind"]] += 1
            hit = [k for k in got if (k[1], k[2]) == (fault["sheet"], fault["cell"])
                   and k[0].startswith(HYGIENE_OR_RATIO)]
            if hit:
                found += 1
                found_kind[fault["kind"]] += 1
            else:
                missed.append((name, fault))
        expected = ref[(spec["base"], spec["factor"])]
        extra = {k for k in got - expected if (k[1], k[2]) not in cells}
        # at a planted cell the fault may replace the base's finding by another rule's (000's
        # 执行率（填报）: PX202 becomes PX201 when the stated rate is made wrong): not a loss
        lost = {k for k in expected - got if (k[1], k[2]) not in cells}
        if extra or lost:
            false_alarms.append((name, sorted(extra), sorted(lost)))
    return {"planted": planted, "found": found, "missed": missed, "false_alarms": false_alarms,
            "unreadable": unreadable, "per_kind": dict(per_kind), "found_kind": dict(found_kind)}


# ---------------------------------------------------------------------------------------------
# LibreOffice
# ---------------------------------------------------------------------------------------------
def libreoffice(files: list[Path], workdir: Path) -> dict:
    from perfxl.io.office.libreoffice import BATCH, convert, soffice

    if soffice() is None:
        return {"skipped": "LibreOffice (soffice) not installed"}
    outdir = workdir / "lo"
    shutil.rmtree(outdir, ignore_errors=True)
    t0 = time.perf_counter()
    out = convert(files, "xlsx", outdir)
    wall = time.perf_counter() - t0
    return {"files": len(files), "outputs": len(out), "seconds": wall, "batch": BATCH}


# ---------------------------------------------------------------------------------------------
# the summary's charts as a PNG
# ---------------------------------------------------------------------------------------------
def chart_png(summary: Path, png: Path) -> Path | None:
    """The 图表 sheet alone (charts and their data) -> PDF (LibreOffice) -> PNG (pdftoppm)."""
    import openpyxl

    from perfxl.io.office.libreoffice import convert, soffice

    if soffice() is None or shutil.which("pdftoppm") is None:
        return None
    with tempfile.TemporaryDirectory(prefix="perfxl-png-") as tmp:
        wb = openpyxl.load_workbook(summary)
        for name in list(wb.sheetnames):
            if name != "图表":
                del wb[name]
        ws = wb["图表"]
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        only = Path(tmp) / "summary-charts.xlsx"
        wb.save(only)
        pdf = convert([only], "pdf", tmp)[0]
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(png.with_suffix(""))], check=True)
    return png if png.exists() else None


# ---------------------------------------------------------------------------------------------
# no cached values
# ---------------------------------------------------------------------------------------------
_FILL_SNIPPET = """
import sys, time, json
t0 = time.perf_counter()
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.io.reading.template_cache import fill_missing
out = []
for p in sys.argv[1:]:
    m = read_workbook(p, engine="calamine")
    t = time.perf_counter()
    n = fill_missing(m, p)
    out.append({"file": p, "seconds": time.perf_counter() - t, **n})
print(json.dumps({"total": time.perf_counter() - t0, "files": out}))
"""

_OLD_SNIPPET = """
import sys, time, json
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.io.office.recalc import recalculate
m = read_workbook(sys.argv[1], engine="calamine")
t = time.perf_counter()
v = recalculate(sys.argv[1], [k for k, f in m.source.formulas.items() if f])
print(json.dumps({"seconds": time.perf_counter() - t, "cells": len(v)}))
"""


def nocache(workdir: Path, copies: int = 20) -> dict:
    import openpyxl

    d = workdir / "nocache"
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    originals = make_set.base_paths()
    resaved = []
    for p in originals:
        q = d / p.name
        openpyxl.load_workbook(p).save(q)  # formulas kept, cached values dropped
        resaved.append(q)
    # checked correctly: the same findings as the original
    res: dict = {"files": []}
    for p, q in zip(originals, resaved):
        a = _check_json(p)
        t = time.perf_counter()
        b = _check_json(q)
        dt = time.perf_counter() - t
        fa, fb = {key(f) for f in a}, {key(f) for f in b}
        res["files"].append({"file": p.name, "same_findings": fa == fb, "check_seconds": dt,
                             "only_original": sorted(fa - fb), "only_resaved": sorted(fb - fa)})
    # the template cache: cold (built once), warm (read from disk), per file; the old way
    env = dict(os.environ, PERFXL_CACHE_DIR=str(workdir / "template-cache"))
    shutil.rmtree(env["PERFXL_CACHE_DIR"], ignore_errors=True)
    many = []
    for i in range(copies):
        q = d / f"copy{i:02d}-{resaved[i % len(resaved)].name}"
        shutil.copy(resaved[i % len(resaved)], q)
        many.append(str(q))
    py = sys.executable
    cold = _json_run([py, "-c", _FILL_SNIPPET, str(resaved[0])], env)
    warm = _json_run([py, "-c", _FILL_SNIPPET, str(resaved[0])], env)
    batch = _json_run([py, "-c", _FILL_SNIPPET, *many], env)
    old = _json_run([py, "-c", _OLD_SNIPPET, str(resaved[0])], env)
    per_file = [f["seconds"] for f in batch["files"]]
    res.update({
        "cold_seconds": cold["files"][0]["seconds"], "cold_cells": cold["files"][0],
        "warm_seconds": warm["files"][0]["seconds"],
        "per_file_median_ms": statistics.median(per_file) * 1000,
        "per_file_engine_cells": sum(f["engine"] for f in batch["files"]),
        "copies": copies, "old_way_seconds": old["seconds"], "old_way_cells": old["cells"],
    })
    return res


def _check_json(p: Path) -> list[dict]:
    r = subprocess.run([*perfxl_cmd(), "check", str(p), "--format", "json"], capture_output=True,
                       cwd=ROOT)
    if r.returncode not in (0, 1):
        raise SystemExit(f"perfxl check {p} failed: {r.stderr.decode()[-1000:]}")
    return json.loads(r.stdout)["files"][0]["findings"]


def _json_run(cmd: list[str], env: dict) -> dict:
    r = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
    if r.returncode != 0:
        raise SystemExit(f"failed: {r.stderr.decode()[-2000:]}")
    return json.loads(r.stdout)


# ---------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--rate", type=float, default=0.03)
    ap.add_argument("--set", type=Path, default=None, help="folder of the set (default OUT/set)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--lo", default="all", help="all | N (first N files, extrapolated) | none")
    ap.add_argument("--nocache", action="store_true", help="also measure files without cached values")
    ap.add_argument("--no-png", action="store_true")
    a = ap.parse_args(argv)
    out = a.out
    out.mkdir(parents=True, exist_ok=True)
    setdir = a.set or out / "set"
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"python {sys.version.split()[0]}")

    t = time.perf_counter()
    if make_set.is_current(setdir, a.n, a.seed, a.rate):
        manifest = json.loads((setdir / "manifest.json").read_text(encoding="utf-8"))
        print(f"set: reusing {setdir} ({a.n} files)")
    else:
        manifest = make_set.make_set(a.n, setdir, seed=a.seed, rate=a.rate, jobs=a.jobs)
        print(f"set: made {a.n} files in {time.perf_counter() - t:.1f} s")
    files = [setdir / f for f in manifest["files"]]

    ref, base_findings = references(manifest, out / "reference")
    for (base, k), found in sorted(ref.items()):
        diff_plus, diff_minus = found - base_findings[base], base_findings[base] - found
        if diff_plus or diff_minus:
            print(f"  reference {base[:3]} x{k}: differs from its base by scale-dependent findings "
                  f"+{sorted(diff_plus)} -{sorted(diff_minus)}")

    summary = out / "summary.xlsx"
    cmd = [*perfxl_cmd(), "batch", str(setdir), "-o", str(summary), "--jobs", str(a.jobs),
           "--format", "json", "--force"]
    print("$ " + " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd)))
    run = run_watched(cmd, out / "batch.json")
    if run["rc"] not in (0, 1):  # 1: the files have findings (exit codes of perfxl check)
        print(run["stderr"][-3000:])
        return 2
    result = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    v = verify(manifest, result["files"], ref)
    print(f"perfxl batch: {len(result['files'])} files in {run['seconds']:.1f} s "
          f"(--jobs {a.jobs}); memory: peak tree RSS {run['peak_rss_mb']:.0f} MB, "
          f"sum of per-process peaks {run['sum_hwm_mb']:.0f} MB, peak tree PSS "
          f"{run['peak_pss_mb']:.0f} MB ({run['processes']} processes)")
    print(f"planted faults found: {v['found']}/{v['planted']} {v['found_kind']} of {v['per_kind']}; "
          f"files with a false alarm or a lost finding: {len(v['false_alarms'])}; "
          f"unreadable: {len(v['unreadable'])}")
    for name, fault in v["missed"][:10]:
        print(f"  MISSED {name}: {fault['kind']} {fault['sheet']}!{fault['cell']} ({fault['label']})")
    for name, extra, lost in v["false_alarms"][:10]:
        print(f"  FALSE ALARM {name}: extra {extra} lost {lost}")

    lo = {"skipped": "--lo none"}
    if a.lo != "none":
        sample = files if a.lo == "all" else files[:int(a.lo)]
        print(f"LibreOffice headless: converting {len(sample)} files (recalculate on load, "
              f"batches of 200, one office process per batch) ...", flush=True)
        lo = libreoffice(sample, out)
        if "seconds" in lo:
            scale = len(files) / len(sample)
            lo["seconds_all"] = lo["seconds"] * scale
            mark = "" if scale == 1 else f" (extrapolated from {len(sample)})"
            print(f"LibreOffice: {lo['outputs']}/{len(sample)} outputs in {lo['seconds']:.1f} s; "
                  f"{len(files)} files: {lo['seconds_all']:.1f} s{mark}")
        else:
            print(f"LibreOffice: {lo['skipped']}")
    speedup = lo.get("seconds_all", float("nan")) / run["seconds"]
    mem = run["peak_rss_mb"]
    print("\n== figures ==")
    print(f"perfxl batch {len(files)} files --jobs {a.jobs}: {run['seconds']:.1f} s "
          f"(target < {TARGET_SECONDS:.0f} s: {'OK' if run['seconds'] < TARGET_SECONDS else 'OVER'})")
    if "seconds_all" in lo:
        print(f"LibreOffice headless, same files: {lo['seconds_all']:.1f} s; perfxl is {speedup:.1f}x "
              f"faster (target >= {TARGET_SPEEDUP:.0f}x: {'OK' if speedup >= TARGET_SPEEDUP else 'UNDER'})")
    print(f"peak memory (tree RSS): {mem:.0f} MB (target < {TARGET_MB:.0f} MB: "
          f"{'OK' if mem < TARGET_MB else 'OVER'}); PSS {run['peak_pss_mb']:.0f} MB")
    print(f"faults: {v['found']}/{v['planted']} found, {len(v['false_alarms'])} files with false alarms")

    if a.nocache:
        print("\n== no cached values ==", flush=True)
        nc = nocache(out)
        for f in nc["files"]:
            print(f"{f['file']} re-saved by openpyxl: perfxl check {f['check_seconds']:.2f} s, "
                  f"same findings as the original: {f['same_findings']}"
                  + ("" if f["same_findings"] else f" (only original {f['only_original']}, "
                                                     f"only re-saved {f['only_resaved']})"))
        print(f"template cache cold (formulas on the bundled examples, once per template version): "
              f"{nc['cold_seconds']:.1f} s")
        print(f"template cache warm (new process, record read from disk): "
              f"{nc['warm_seconds'] * 1000:.1f} ms for one file")
        print(f"per file afterwards ({nc['copies']} files): median {nc['per_file_median_ms']:.1f} ms, "
              f"cells sent to formulas: {nc['per_file_engine_cells']}")
        print(f"old way, formulas on the file itself: {nc['old_way_seconds']:.1f} s per file "
              f"({nc['old_way_cells']} cells)")

    if not a.no_png:
        png = chart_png(summary, out / "summary-charts.png")
        print(f"\nsummary charts: {png or 'not rendered (LibreOffice or pdftoppm missing)'}")
    (out / "last-run.json").write_text(json.dumps(
        {"batch": run, "verify": {k: v[k] for k in ("planted", "found", "per_kind", "found_kind")},
         "false_alarms": v["false_alarms"][:50], "missed": v["missed"][:50], "libreoffice": lo,
         "load_average_end": os.getloadavg()[0]}, ensure_ascii=False, indent=1, default=str),
        encoding="utf-8")
    ok = (run["seconds"] < TARGET_SECONDS and mem < TARGET_MB and v["found"] == v["planted"]
          and not v["false_alarms"] and (speedup >= TARGET_SPEEDUP or "seconds_all" not in lo))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
