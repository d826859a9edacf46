"""The figures of issue 23, measured in one run, as whole processes, each against its reference.

    python benchmarks/figures.py [--runs 7] [--books 200,1000] [--write-readme]
    python benchmarks/figures.py --smoke        # every measurement once, tiny sizes (CI)
    python benchmarks/figures.py --draft-only [--write-readme]   # the draft's row alone

Every command is a new process; its CPU (user + system of it and of the processes it waited
for) and peak memory come from the operating system's accounting of the finished process
(``os.wait4``), its wall time from the clock.  A command and its reference run in turn, A B A B
..., and each ratio is taken pair by pair, so a machine whose speed drifts (a shared machine)
still gives a fair ratio; the median is quoted.

1. ``perfxl check`` of example 004 (``--format json``) against ``python -c "import openpyxl;
   openpyxl.load_workbook(FILE)"`` (target: at most 0.5x, CPU and wall; at most 35 MiB peak)
   and against the floor, a python-calamine read of every sheet (moonshot: 2x).
2. ``perfxl check`` of a 30-page report draft (.txt) against ``python -c pass`` (target: 10x).
3. ``perfxl batch`` of the generated set (``make_set.py``) at each ``--books`` size: CPU per
   book (target: 30 ms) and the parent process's own peak memory (target: flat in the number
   of books).
4. ``perfxl new --from`` example 004 (target: under 2 s).

perfxl's byte code is compiled first (``compileall``), as pip does on install.

Prints a Markdown table; ``--write-readme`` also puts it into benchmarks/README.md between the
``figures:begin`` / ``figures:end`` markers (the one command that regenerates those figures).
Not a timed unit test: it judges nothing and exits 0 when every command ran.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
EXAMPLE = ROOT / "examples" / "004-岳阳市商务局-2023.xlsx"
README = ROOT / "benchmarks" / "README.md"
BEGIN, END = "<!-- figures:begin -->", "<!-- figures:end -->"

#: the parent's own peak (KiB) printed at exit, for the batch's parent memory
_PARENT_PEAK = ("import atexit, resource, sys\n"
                "atexit.register(lambda: sys.stderr.write('PARENT_PEAK_KB %d\\n' % "
                "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
                "from perfxl.cli import main\n"
                "sys.argv = ['perfxl', *sys.argv[1:]]\n"
                "main()\n")


@dataclass
class Run:
    cpu: float  # s, user + system, waited-for children included
    wall: float  # s
    peak_mib: float  # the largest single process of the tree
    stderr: str
    rc: int


def perfxl() -> list[str]:
    exe = Path(sys.executable).with_name("perfxl")
    return [str(exe)] if exe.exists() else [sys.executable, "-c", _PARENT_PEAK]


def run(cmd: list[str], cwd: Path) -> Run:
    """One whole process: CPU and peak memory from the kernel's accounting (``os.wait4``)."""
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    if p.returncode not in (0, 1):  # 1: findings, as perfxl check and batch say
        raise SystemExit(f"failed ({p.returncode}): {' '.join(map(str, cmd))}\n{text[-2000:]}")
    return Run(ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss / 1024, text, p.returncode)


def pairs(a: list[str], b: list[str], runs: int, cwd: Path) -> tuple[list[Run], list[Run]]:
    """A and B in turn after one warm-up each (page cache, byte code)."""
    run(a, cwd), run(b, cwd)
    ra, rb = [], []
    for _ in range(runs):
        ra.append(run(a, cwd))
        rb.append(run(b, cwd))
    return ra, rb


def med(xs) -> float:
    return statistics.median(xs)


def ratio(ra: list[Run], rb: list[Run], what: str) -> float:
    return med([getattr(x, what) / getattr(y, what) for x, y in zip(ra, rb)])


def compile_bytecode() -> None:
    """perfxl's byte code, as an installed package has it (pip compiles on install): where
    ``PYTHONDONTWRITEBYTECODE`` is set nothing else writes it, and every measured process would
    compile the package's modules from source again (tens of milliseconds of each check)."""
    import compileall

    compileall.compile_dir(ROOT / "perfxl", quiet=1)


def make_draft(pages: int, out: Path) -> Path:
    from bench_draft import make_draft as make

    return make(pages, out)


def measure(runs: int, books: list[int], pages: int, work: Path) -> list[tuple[str, str, str]]:
    """(what, figure, target) rows."""
    py = sys.executable
    rows: list[tuple[str, str, str]] = []
    check = [*perfxl(), "check", str(EXAMPLE), "--format", "json"]
    openpyxl_load = [py, "-c", f"import openpyxl; openpyxl.load_workbook({str(EXAMPLE)!r})"]
    floor = [py, "-c", "import python_calamine as pc; wb = pc.CalamineWorkbook.from_path("
             f"{str(EXAMPLE)!r}); [wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]"]
    ra, rb = pairs(check, openpyxl_load, runs, work)
    rows.append(("perfxl check 004 / openpyxl load_workbook 004",
                 f"CPU {ratio(ra, rb, 'cpu'):.2f}x, wall {ratio(ra, rb, 'wall'):.2f}x "
                 f"({med(r.cpu for r in ra) * 1000:.0f} / {med(r.cpu for r in rb) * 1000:.0f} ms CPU)",
                 "<= 0.5x"))
    rows.append(("perfxl check 004 peak memory", f"{med(r.peak_mib for r in ra):.1f} MiB "
                 f"(openpyxl load {med(r.peak_mib for r in rb):.1f} MiB)", "<= 35 MiB"))
    ra2, rf = pairs(check, floor, runs, work)
    rows.append(("perfxl check 004 / calamine read of every sheet (the floor)",
                 f"CPU {ratio(ra2, rf, 'cpu'):.2f}x, wall {ratio(ra2, rf, 'wall'):.2f}x "
                 f"(floor {med(r.cpu for r in rf) * 1000:.0f} ms CPU)", "moonshot 2x"))

    rows.append(draft_row(runs, pages, work))
    rows += batch_rows(runs, books, work)
    rows.append(measure_new_from(runs, work))
    return rows


def batch_rows(runs: int, books: list[int], work: Path) -> list[tuple[str, str, str]]:
    """``perfxl batch`` of the generated set at each size: CPU per book, wall, the parent's
    own peak memory (``ru_maxrss`` at exit); the sizes run in turn, round after round, and
    the parent's growth from the smallest to the largest size is taken round by round."""
    import make_set

    py = sys.executable
    cmds = {}
    for n in books:
        folder = work / f"set{n}"
        make_set.make_set(n, folder, seed=2024, rate=0.03, quiet=True)
        out = work / f"summary{n}.xlsx"
        cmds[n] = (out, [py, "-c", _PARENT_PEAK, "batch", str(folder), "-o", str(out),
                         "--jobs", "2", "--format", "json"])
    got: dict[int, list[Run]] = {n: [] for n in books}
    peaks: dict[int, list[float]] = {n: [] for n in books}
    for _ in range(max(1, min(runs, 3))):
        for n, (out, cmd) in cmds.items():
            out.unlink(missing_ok=True)
            r = run(cmd, work)
            got[n].append(r)
            peaks[n] += [int(line.split()[1]) / 1024 for line in r.stderr.splitlines()
                         if line.startswith("PARENT_PEAK_KB ")]
    rows = [(f"perfxl batch of {n} books (--jobs 2)",
             f"{med(r.cpu for r in got[n]) / n * 1000:.1f} ms CPU per book, wall "
             f"{med(r.wall for r in got[n]):.1f} s, parent peak {med(peaks[n]):.1f} MiB",
             "<= 30 ms per book; parent flat") for n in books]
    if len(books) > 1:
        lo, hi = min(books), max(books)
        rows.append((f"perfxl batch parent peak, {hi} books against {lo}",
                     f"{med(b - a for a, b in zip(peaks[lo], peaks[hi])):+.1f} MiB "
                     f"(round by round: {', '.join(f'{b - a:+.1f}' for a, b in zip(peaks[lo], peaks[hi]))})",
                     "flat (within 1-2 MiB)"))
    return rows


def measure_new_from(runs: int, work: Path) -> tuple[str, str, str]:
    nxt = work / "next.xlsx"
    got = []
    for _ in range(max(1, min(runs, 5))):
        nxt.unlink(missing_ok=True)
        got.append(run([*perfxl(), "new", "--from", str(EXAMPLE), "-o", str(nxt)], work))
    return ("perfxl new --from 004", f"wall {med(r.wall for r in got):.2f} s, CPU "
            f"{med(r.cpu for r in got):.2f} s", "< 2 s")


def draft_row(runs: int, pages: int, work: Path) -> tuple[str, str, str]:
    """The 30-page draft's .txt check against ``python -c pass`` (CPU and wall, pair by pair)."""
    py = sys.executable
    draft = make_draft(pages, work / "draft.txt")
    rd, rp = pairs([*perfxl(), "check", str(draft), "--exit-zero"], [py, "-c", "pass"], runs, work)
    return (f"perfxl check {pages}-page draft .txt / python -c pass",
            f"CPU {ratio(rd, rp, 'cpu'):.1f}x, wall {ratio(rd, rp, 'wall'):.1f}x "
            f"({med(r.cpu for r in rd) * 1000:.0f} ms CPU)", "<= 10x")


def replace_row(row: tuple[str, str, str], runs: int) -> None:
    """Put one measured row into the README table in place of the row of the same ``what``,
    saying when it was measured (the other rows keep their run)."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    when = (f"{row[1]}; measured alone {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
            f"{runs} runs, load average {load}")
    lines = README.read_text(encoding="utf-8").split("\n")
    hit = [i for i, line in enumerate(lines) if line.startswith(f"| {row[0]} |")]
    if not hit:  # a row the table does not have yet: last in the table
        if END not in lines:
            raise SystemExit(f"no row {row[0]!r} in {README}: run the whole measurement")
        lines.insert(lines.index(END), f"| {row[0]} | {when} | {row[2]} |")
    else:
        lines[hit[0]] = f"| {row[0]} | {when} | {row[2]} |"
    README.write_text("\n".join(lines), encoding="utf-8")


def table(rows: list[tuple[str, str, str]], runs: int) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    head = (f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by "
            f"`python benchmarks/figures.py --write-readme` ({runs} runs per command, medians, "
            f"ratios pair by pair; {os.cpu_count()} cores, load average {load}).\n\n")
    lines = ["| what | measured | target |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return head + "\n".join(lines) + "\n"


def write_readme(text: str) -> None:
    body = README.read_text(encoding="utf-8")
    if BEGIN in body and END in body:
        pre, rest = body.split(BEGIN, 1)
        post = rest.split(END, 1)[1]
        body = f"{pre}{BEGIN}\n{text}{END}{post}"
    else:
        body += f"\n## Issue 23 figures\n\n{BEGIN}\n{text}{END}\n"
    README.write_text(body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--books", default="200,1000", help="sizes of the batch set, comma-separated")
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--smoke", action="store_true",
                    help="one run of each, 6 books, a 1-page draft (CI: the script still works)")
    ap.add_argument("--write-readme", action="store_true")
    ap.add_argument("--draft-only", action="store_true",
                    help="only the draft's row (with --write-readme: only that row is replaced)")
    ap.add_argument("--batch-only", action="store_true",
                    help="only the batch rows (with --write-readme: only those rows are replaced)")
    a = ap.parse_args(argv)
    runs, books, pages = a.runs, [int(x) for x in a.books.split(",") if x], a.pages
    compile_bytecode()
    if a.draft_only:
        with tempfile.TemporaryDirectory(prefix="perfxl-figures-") as tmp:
            row = draft_row(1 if a.smoke else runs, 1 if a.smoke else pages, Path(tmp))
        print(table([row], runs))
        if a.write_readme and not a.smoke:
            replace_row(row, runs)
        return 0
    if a.batch_only:
        with tempfile.TemporaryDirectory(prefix="perfxl-figures-") as tmp:
            rows = batch_rows(1 if a.smoke else runs, [6] if a.smoke else books, Path(tmp))
        print(table(rows, runs))
        for row in rows if a.write_readme and not a.smoke else ():
            replace_row(row, runs)
        return 0
    if a.smoke:
        runs, books, pages = 1, [6], 1
    with tempfile.TemporaryDirectory(prefix="perfxl-figures-") as tmp:
        rows = measure(runs, books, pages, Path(tmp))
    text = table(rows, runs)
    print(text)
    if a.write_readme and not a.smoke:
        write_readme(text)
    if not a.smoke:
        (ROOT / "benchmarks" / "out").mkdir(parents=True, exist_ok=True)
        (ROOT / "benchmarks" / "out" / "figures.json").write_text(
            json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
