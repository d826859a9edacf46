"""`perfxl check` of one workbook, the whole process, against a bare openpyxl load of it.

    python benchmarks/bench_check.py [FILE] [--runs 9] [--profile]

Runs, interleaved in the same session (so both see the same machine load), ``--runs`` times
each (median reported; use at least 7):

* ``perfxl check FILE --format json``: the console script of this environment, a new process;
* ``python -c "import openpyxl; openpyxl.load_workbook(FILE)"``: the reference (issue 7);
* for scale: ``python -c pass`` and a python-calamine read of every cached value.

Prints each median and the ratio perfxl / openpyxl (target: at most 1.5).  ``--profile`` adds
where the time of ``perfxl check`` goes: ``python -X importtime`` (the slowest imports) and a
cProfile of the in-process work (read + check + render).  Not a timed unit test.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = ROOT / "examples" / "004-岳阳市商务局-2023.xlsx"
TARGET = 1.5


def perfxl_cmd() -> list[str]:
    """The ``perfxl`` console script next to this interpreter (what a user runs)."""
    exe = Path(sys.executable).parent / "perfxl"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("perfxl")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from perfxl.cli import main; sys.exit(main())"]


def commands(file: Path) -> dict[str, list[str]]:
    py = sys.executable
    return {
        "perfxl check": [*perfxl_cmd(), "check", str(file), "--format", "json"],
        "openpyxl load_workbook": [py, "-c", f"import openpyxl; openpyxl.load_workbook({str(file)!r})"],
        "python -c pass": [py, "-c", "pass"],
        "calamine read": [py, "-c", "import python_calamine as pc; wb = pc.CalamineWorkbook.from_path("
                          f"{str(file)!r}); [wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]"],
    }


def run_once(cmd: list[str]) -> tuple[float, int]:
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    dt = time.perf_counter() - t
    if p.returncode not in (0, 1):  # perfxl check: 1 = findings, that is fine
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr.decode()[-2000:]}")
    return dt, p.returncode


def measure(file: Path, runs: int) -> dict[str, list[float]]:
    cmds = commands(file)
    for cmd in cmds.values():  # warm the page cache and .pyc files
        run_once(cmd)
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            times[name].append(run_once(cmd)[0])
    return times


def profile(file: Path) -> None:
    print("\n== python -X importtime: slowest imports of `perfxl check` (cumulative, ms) ==")
    script = ("import sys; from perfxl.cli import main; sys.argv = ['perfxl', 'check', "
              f"{str(file)!r}, '--format', 'json']; main()")
    p = subprocess.run([sys.executable, "-X", "importtime", "-c", script], cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rows = []
    for line in p.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cum, name = line.split("|")
            try:
                rows.append((int(cum.strip()), name.rstrip()))
            except ValueError:
                pass
    for cum, name in sorted(rows, reverse=True)[:25]:
        print(f"{cum / 1000:8.1f}  {name}")
    print("\n== cProfile of the in-process work (read + check + render), top 25 by cumulative ==")
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    code = ("from perfxl.cli.checking import check_files\n"
            "from perfxl.checks.output import render\n"
            f"render(check_files([Path({str(file)!r})]), 'json')\n")
    prof = cProfile.Profile()
    prof.runctx(code, {"Path": Path}, {})
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--runs", type=int, default=9, help="runs of each command (at least 7 for figures)")
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args(argv)
    runs = max(1, a.runs)  # 7 or more for a median worth quoting; 1 is the CI smoke run
    print(f"file: {a.file.name}  runs: {runs}  cores: {os.cpu_count()}  "
          f"load average before: {os.getloadavg()[0]:.2f}")
    times = measure(a.file, runs)
    med = {k: statistics.median(v) for k, v in times.items()}
    for k, v in times.items():
        print(f"{k:26s} median {med[k] * 1000:7.1f} ms   (min {min(v) * 1000:6.1f}, "
              f"max {max(v) * 1000:6.1f})")
    ratio = med["perfxl check"] / med["openpyxl load_workbook"]
    verdict = "OK" if ratio <= TARGET else "OVER TARGET"
    print(f"ratio perfxl check / openpyxl load_workbook = {ratio:.2f}  (target <= {TARGET}: {verdict})")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if a.profile:
        profile(a.file)
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
