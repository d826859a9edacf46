"""Every script of benchmarks/ runs, at a smoke size (issue 23: a benchmark nothing runs rots, as
stages.py did).  The figures are not judged here (speed targets live in benchmarks/README.md,
measured by ``python benchmarks/figures.py --write-readme``): each script must finish with its
own exit code 0 or 1 (1: a target missed, which a busy machine may cause), print its figures
and no traceback.  Outputs go to temporary folders."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BENCH = ROOT / "benchmarks"


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    p = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                       timeout=900)
    assert p.returncode in (0, 1), p.stdout[-3000:] + p.stderr[-3000:]
    assert "Traceback" not in p.stderr, p.stderr[-3000:]
    return p


@pytest.fixture(scope="module")
def tiny_set(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("bench-set")
    p = _run([str(BENCH / "make_set.py"), "6", str(d), "--jobs", "1"], d)
    assert "6 workbooks" in p.stdout + p.stderr
    return d


def test_make_set_and_stages(tiny_set, tmp_path):
    p = _run([str(BENCH / "stages.py"), str(tiny_set), "--files", "3"], tmp_path)
    assert "ms of CPU each" in p.stdout and "read_book" in p.stdout


def test_bench_check(tmp_path):
    p = _run([str(BENCH / "bench_check.py"), "--runs", "1"], tmp_path)
    assert "ratio perfxl check / openpyxl load_workbook" in p.stdout


def test_bench_draft(tmp_path):
    p = _run([str(BENCH / "bench_draft.py"), "--pages", "1", "--runs", "1"], tmp_path)
    assert "txt:" in p.stdout and "whole process" in p.stdout


def test_bench_batch(tiny_set, tmp_path):
    p = _run([str(BENCH / "bench_batch.py"), "--n", "6", "--jobs", "2", "--set", str(tiny_set),
              "--out", str(tmp_path / "out"), "--lo", "none", "--no-png"], tmp_path)
    assert "peak memory" in p.stdout


def test_figures(tmp_path):
    p = _run([str(BENCH / "figures.py"), "--smoke"], tmp_path)
    assert "| perfxl check 004 / openpyxl load_workbook 004 |" in p.stdout
    assert "| perfxl new --from 004 |" in p.stdout


def test_draft_seeds(tmp_path):
    p = _run([str(BENCH / "draft_seeds.py")], tmp_path)
    assert "errors found" in p.stdout


@pytest.mark.libreoffice
def test_differential(soffice, tmp_path):
    p = _run([str(BENCH / "differential.py"), "--cases", "1", "--batch", "1"], tmp_path)
    assert "disagreements" in p.stdout
