"""Speed of the draft proofreader on a 30-page draft (issue 12: under 1 s on this machine).

    python benchmarks/bench_draft.py [--pages 30] [--runs 5] [--stress]

The draft is the three seed reports repeated until it has pages x 1,000 characters (a page of a
Chinese report in 仿宋 三号 holds about 700-900), as .txt and as a one-paragraph-per-line .docx.
Prints the best and median wall time of ``check_draft`` in one warm process (reading included),
and of the whole ``perfxl check`` process (Python start and imports included).  ``--stress``
also times three hostile texts once: one 560,000-character line of amounts and shares, 20,000
lines of rates and scores that make one paragraph (no sentence mark), and 20,000 lines of
budget / execution / rate / score, and 3,000 label/value table rows against 3,000 prose
lines.
"""
from __future__ import annotations

import argparse
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--stress", action="store_true")
    args = ap.parse_args()
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
            print(f"{name}: {chars} characters, {lines} lines, {n} findings: check_draft best "
                  f"{min(ts):.3f} s, median {statistics.median(ts):.3f} s")
        exe = ROOT / ".venv" / "bin" / "perfxl"
        ts = timed(lambda: subprocess.run([str(exe), "check", str(txt), "--exit-zero"],
                                          capture_output=True, check=True), args.runs)
        print(f"perfxl check draft.txt (whole process): best {min(ts):.3f} s, "
              f"median {statistics.median(ts):.3f} s")


if __name__ == "__main__":
    main()
