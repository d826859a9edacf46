"""LibreOffice, headless, runs every ribbon Sub from the test workbook (same VBA as the add-in,
with xlwings' module swapped for a stub RunPython that writes its argument into Z1) and each
issues exactly the RunPython command the add-in will send to Python.

LibreOffice is a test requirement (``make test`` installs it): when it is missing this test
fails with the fix instead of skipping.  It runs through the system Python's ``uno`` module
(python3-uno), in a profile directory of its own with macro security set to low.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RUNNER = Path(__file__).parent / "lo_run_macros.py"
UNO_PYTHON = os.environ.get("PERFXL_UNO_PYTHON", "/usr/bin/python3")
URI = "vnd.sun.star.script:perfxl.PerfxlRibbon.{}?language=Basic&location=document"

pytestmark = pytest.mark.libreoffice


def _require_libreoffice() -> None:
    if sys.platform == "win32":
        pytest.skip("the LibreOffice run is part of the Linux CI; on Windows see docs/windows-acceptance.md")
    if not shutil.which("soffice"):
        pytest.fail("LibreOffice (soffice) 未安装：运行 make sysdeps（或 apt-get install libreoffice-calc-nogui python3-uno）")
    probe = subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True)
    if probe.returncode != 0:
        pytest.fail(f"{UNO_PYTHON} 无法导入 uno：运行 make sysdeps（python3-uno）")


@pytest.fixture(scope="module")
def lo_results(test_book_path, tmp_path_factory, ribbon_subs) -> dict[str, str]:
    """One LibreOffice run over every ribbon Sub plus a Sub that does not exist."""
    _require_libreoffice()
    uris = [URI.format(sub) for sub in ribbon_subs] + [URI.format("NoSuchSub")]
    profile = tmp_path_factory.mktemp("lo") / "profile"
    done = subprocess.run([UNO_PYTHON, str(RUNNER), str(test_book_path), str(profile), "Z1", *uris],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_libreoffice_runs_every_ribbon_sub(lo_results, ribbon_subs):
    assert len(ribbon_subs) == 7
    for sub, fn in ribbon_subs.items():
        assert lo_results[URI.format(sub)] == f"import perfxl.addin; perfxl.addin.{fn}()"


def test_libreoffice_reports_a_missing_sub(lo_results):
    """The runner is not vacuous: an unknown Sub comes back as an error, not as text."""
    assert lo_results[URI.format("NoSuchSub")].startswith("ERROR")
