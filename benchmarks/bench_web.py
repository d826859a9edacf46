"""The offline web page (issue 21): its size, the time to the first result after opening it cold,
and the check time in the page against the CLI.

    .venv/bin/python benchmarks/bench_web.py [--runs 3] [--example 004] [--out DIR]

* size: every file `perfxl web build` writes, and what a first visit downloads (the page, the
  Pyodide core and the wheels; not the example workbooks or the xlwings Lite files);
* cold: a fresh Chromium profile each run (no HTTP cache), Debian's /usr/bin/chromium headless
  through Playwright, the page served on 127.0.0.1 by Python's http.server: from navigation to
  "ready" (Python loaded, perfxl installed) and to the first result (the example checked and
  scored);
* check time: the page's own figure for read + check + score of the example (first and later
  runs in one page), against `perfxl check FILE --format json` as a whole process and against
  the same read + check + score in a warm CPython process (openpyxl reader, as in the page).

Prints the figures and writes OUT/web.json (OUT default benchmarks/out; the page is built in
OUT/web).
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                          functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_port}/"


def page_runs(url: str, book: Path, runs: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as pw:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as profile:
                ctx = pw.chromium.launch_persistent_context(
                    profile, executable_path="/usr/bin/chromium", headless=True, args=ARGS)
                page = ctx.new_page()
                t0 = time.perf_counter()
                page.goto(url)
                page.set_input_files("#workbook", str(book))
                page.wait_for_function("window.perfxlReady", timeout=300_000)
                ready = time.perf_counter() - t0
                page.click("#run")
                page.wait_for_function("window.perfxlResult", timeout=300_000)
                first = time.perf_counter() - t0
                checks = [page.evaluate("window.perfxlResult.ms") / 1000]
                for _ in range(3):  # the same file again, in the warm page
                    page.evaluate("window.perfxlResult = null")
                    page.click("#run")
                    page.wait_for_function("window.perfxlResult", timeout=300_000)
                    checks.append(page.evaluate("window.perfxlResult.ms") / 1000)
                ctx.close()
            out.append({"ready_s": ready, "first_result_s": first, "page_checks_s": checks})
    return out


def cli_runs(book: Path, runs: int) -> dict:
    exe = Path(sys.executable).with_name("perfxl")
    whole = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([str(exe), "check", str(book), "--format", "json"], capture_output=True)
        whole.append(time.perf_counter() - t0)
    from perfxl.checks import check_model
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.scoring import score_model
    warm = []
    for _ in range(runs + 1):
        t0 = time.perf_counter()
        m = read_workbook(book, engine="openpyxl")
        check_model(m)
        score_model(m)
        warm.append(time.perf_counter() - t0)
    return {"cli_process_s": whole, "cpython_warm_s": warm[1:], "cpython_first_s": warm[0]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--example", default="004")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    from perfxl.examples import example
    from perfxl.web.build import MARKER, build_page

    book = example(a.example).output_path()
    folder = a.out / "web"
    build_page(folder)
    record = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    first_visit = sum(n for f, n in record["files"].items()
                      if not f.startswith(("examples/", "lite/")) and f not in ("web.config",))
    srv, url = serve(folder)
    try:
        pages = page_runs(url, book, a.runs)
    finally:
        srv.shutdown()
    cli = cli_runs(book, a.runs)
    med = statistics.median
    result = {
        "load_average": os.getloadavg(), "example": book.name, "runs": a.runs,
        "folder_bytes": record["bytes"], "first_visit_bytes": first_visit,
        "pyodide_core_bytes": sum(n for f, n in record["files"].items() if f.startswith("pyodide/")),
        "wheels_bytes": sum(n for f, n in record["files"].items() if f.startswith("wheels/")),
        "ready_s": med(p["ready_s"] for p in pages),
        "first_result_s": med(p["first_result_s"] for p in pages),
        "page_first_check_s": med(p["page_checks_s"][0] for p in pages),
        "page_warm_check_s": med(x for p in pages for x in p["page_checks_s"][1:]),
        "cli_process_s": med(cli["cli_process_s"]), "cpython_warm_s": med(cli["cpython_warm_s"]),
        "pages": pages, "cli": cli,
    }
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "web.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    mb = 1024 * 1024
    print(f"load average {result['load_average'][0]:.2f}; {book.name}; medians of {a.runs} runs")
    print(f"folder {record['bytes'] / mb:.1f} MB; first visit downloads {first_visit / mb:.1f} MB "
          f"(Pyodide core {result['pyodide_core_bytes'] / mb:.1f} MB, wheels "
          f"{result['wheels_bytes'] / mb:.2f} MB)")
    print(f"cold: ready after {result['ready_s']:.1f} s, first result after "
          f"{result['first_result_s']:.1f} s")
    print(f"read + check + score in the page: first {result['page_first_check_s']:.2f} s, "
          f"warm {result['page_warm_check_s']:.2f} s")
    print(f"CLI `perfxl check --format json` process {result['cli_process_s']:.2f} s; "
          f"the same read + check + score warm in CPython {result['cpython_warm_s']:.3f} s "
          f"(page warm / CPython warm = {result['page_warm_check_s'] / result['cpython_warm_s']:.1f}x)")


if __name__ == "__main__":
    main()
