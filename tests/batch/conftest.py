"""Fixtures of the batch tests: a small generated set (benchmarks/make_set.py), the CLI."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_set  # noqa: E402


@pytest.fixture(scope="session")
def small_set(tmp_path_factory) -> Path:
    """12 variants of the three examples with faults planted in about a third of them."""
    d = tmp_path_factory.mktemp("set")
    make_set.make_set(12, d, seed=7, rate=0.35, jobs=1, quiet=True)
    return d


@pytest.fixture(scope="session")
def manifest(small_set) -> dict:
    return json.loads((small_set / "manifest.json").read_text(encoding="utf-8"))


def perfxl(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The ``perfxl`` console script of this environment, as a user runs it."""
    exe = Path(sys.executable).parent / "perfxl"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c",
                                            "import sys; from perfxl.cli import main; sys.exit(main())"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, cwd=cwd or ROOT)


def need(tool: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} not installed (run make sysdeps)")
    return exe
