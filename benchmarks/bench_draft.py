"""Speed of the draft proofreader (issue 12: a 30-page draft under 1 s; issue 24: a 4 MB draft
and a real text repeated 6,000 times, each under 10 s, i.e. every rule near-linear).

    python benchmarks/bench_draft.py [--pages 30] [--runs 5] [--stress]
                                     [--copies 6000] [--big-mb 4] [--no-process]

* the 30-page draft: the three seed reports repeated until it has pages x 1,000 characters (a
  page of a Chinese report in 仿宋 三号 holds about 700-900), as .txt and as a
  one-paragraph-per-line .docx: best and median wall time of ``check_draft`` in one warm process
  (reading included), and of the whole ``perfxl check`` process (Python start and imports
  included; ``--no-process`` leaves it out);
* ``--copies N``: a real passage (seed 000's sentence of 自评得分 / 全年预算数 / 执行数 /
  执行率, seed 004's 基本支出 / 三公经费 / 专项资金 prose; 395 characters, 6.2 MB for 6,000)
  repeated N times, once without and once with ``--workbook`` (seed 004's example workbook);
  ``--big-mb M``: the seeds repeated to M MB (UTF-8), once.  0 skips either;
* ``--stress`` also times four hostile texts once: one 560,000-character line of amounts and
  shares, 20,000 lines of rates and scores that make one paragraph (no sentence mark), 20,000
  lines of budget / execution / rate / score, and 3,000 label/value table rows against 3,000
  prose lines.

``tests/draft/test_bench_draft.py`` runs ``main`` at a tiny size, so the script cannot rot.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perfxl.draft import check_draft  # noqa: E402
from tests.draft.measure import SEED_IDS, make_docx, seed_path  # noqa: E402


def make_draft(pages: int, out: Path) -> Path:
    texts = [seed_path(s).read_text("utf-8") for s in SEED_IDS]
    want, parts, n = pages * 1000, [], 0
    while n < want:
        for t in texts:
            parts.append(t)
            n += len(t)
            if n >= want:
                break
    out.write_text("".join(parts), encoding="utf-8")
    return out


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def stress() -> None:
    import random
    from perfxl.draft import check_text
    rnd = random.Random(1)

    def n(lo: int, hi: int) -> str:
        return f"{rnd.randint(lo, hi)}.{rnd.randint(10, 99)}"

    texts = {
        "one line of amounts and shares": "".join(
            f"支出{n(1, 99999)}万元，占比{n(1, 99)}%，" for _ in range(26000)),
        "20,000 lines of rates and scores, one paragraph": "\n".join(
            f"执行率{n(1, 99)}%，得分{rnd.randint(1, 10)}分" for _ in range(20000)),
        "20,000 lines of budget, execution, rate, score": "\n".join(
            f"预算{rnd.randint(100, 999)}万元，执行{rnd.randint(100, 999)}万元，执行率{n(1, 99)}%，"
            f"得分{rnd.randint(1, 10)}分" for _ in range(20000)),
        "3,000 label/value table rows against 3,000 prose lines": "\n".join(
            f"\t支出项{k}：\n\t{n(100, 999)}\n\t收入项{k}：\n\t{n(100, 999)}\n"
            for k in range(3000)) + "\n" + "\n".join(
            f"　　支出项{k}为{n(100, 999)}万元，收入项{k}为{rnd.randint(100, 999)}万元。"
            for k in range(3000)),
    }
    for name, text in texts.items():
        t = time.perf_counter()
        got = check_text(text)
        print(f"stress: {name} ({len(text)} characters): {time.perf_counter() - t:.2f} s, "
              f"{len(got)} findings")


#: (seed, 1-based line) of the real prose repeated by ``--copies``: a total score, 全年预算数,
#: 执行数 and 执行率 (000), 基本支出 parts, 三公经费 items, 专项资金 (004).
PASSAGE_LINES = (("000", 112), ("004", 26), ("004", 27), ("004", 31))


def passage() -> str:
    """The real passage (``PASSAGE_LINES``), one line per line."""
    lines = {s: seed_path(s).read_text("utf-8").split("\n") for s, _ in PASSAGE_LINES}
    return "".join(lines[s][i - 1] + "\n" for s, i in PASSAGE_LINES)


def make_copies(n: int, out: Path) -> Path:
    out.write_text(passage() * n, encoding="utf-8")
    return out


def make_sized(mb: float, out: Path) -> Path:
    """The seeds repeated to ``mb`` MB of UTF-8 (whole seeds, then a cut at a line end)."""
    texts = [seed_path(s).read_text("utf-8") for s in SEED_IDS]
    want, parts, n = int(mb * 1_000_000), [], 0
    while n < want:
        for t in texts:
            parts.append(t)
            n += len(t.encode("utf-8"))
            if n >= want:
                break
    data = "".join(parts).encode("utf-8")[:want]
    text = data.decode("utf-8", errors="ignore")
    out.write_text(text[:text.rfind("\n") + 1] or text, encoding="utf-8")
    return out


def once(name: str, path: Path, workbook: Path | None = None) -> float:
    """Wall time of one ``check_draft``; the CPU time is printed too (on a shared machine the
    wall time grows with the load, the CPU time of this one-threaded work hardly does)."""
    t, c = time.perf_counter(), time.process_time()
    n = len(check_draft(path, workbook))
    took, cpu = time.perf_counter() - t, time.process_time() - c
    size = path.stat().st_size
    print(f"{name}: {size / 1e6:.2f} MB, {n} findings: check_draft {took:.2f} s "
          f"(CPU {cpu:.2f} s)")
    return took


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Runs the measures and returns their times (s) by name."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--stress", action="store_true")
    ap.add_argument("--copies", type=int, default=6000)
    ap.add_argument("--big-mb", type=float, default=4.0)
    ap.add_argument("--no-process", action="store_true")
    args = ap.parse_args(argv)
    got: dict[str, float] = {}
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if args.stress:
        stress()
    with tempfile.TemporaryDirectory() as tmp:
        txt = make_draft(args.pages, Path(tmp) / "draft.txt")
        docx = make_docx(txt, Path(tmp) / "draft.docx")
        chars = len(txt.read_text("utf-8"))
        lines = txt.read_text("utf-8").count("\n")
        check_draft(txt)  # warm imports
        for name, path in (("txt", txt), ("docx", docx)):
            ts = timed(lambda: check_draft(path), args.runs)
            n = len(check_draft(path))
            got[f"pages_{name}"] = min(ts)
            print(f"{name}: {chars} characters, {lines} lines, {n} findings: check_draft best "
                  f"{min(ts):.3f} s, median {statistics.median(ts):.3f} s")
        if not args.no_process:
            exe = ROOT / ".venv" / "bin" / "perfxl"
            ts = timed(lambda: subprocess.run([str(exe), "check", str(txt), "--exit-zero"],
                                              capture_output=True, check=True), args.runs)
            got["process"] = min(ts)
            print(f"perfxl check draft.txt (whole process): best {min(ts):.3f} s, "
                  f"median {statistics.median(ts):.3f} s")
        if args.copies:
            copies = make_copies(args.copies, Path(tmp) / "copies.txt")
            book = next((ROOT / "examples").glob("004-*.xlsx"))
            got["copies"] = once(f"seed passage x {args.copies}", copies)
            got["copies_workbook"] = once(f"seed passage x {args.copies} --workbook",
                                          copies, book)
        if args.big_mb:
            big = make_sized(args.big_mb, Path(tmp) / "big.txt")
            got["big"] = once(f"seeds to {args.big_mb:g} MB", big)
    return got


if __name__ == "__main__":
    main()
