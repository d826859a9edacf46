"""Shared fixtures: the built template, the example workbooks, LibreOffice."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
if not SHARED.exists():  # CI clones main with shared/ beside it
    SHARED = Path(os.environ.get("PERFXL_SHARED", "/work/shared"))


def example_file(seed: str) -> Path:
    found = sorted(EXAMPLES.glob(f"{seed}-*.xlsx"))
    if not found:
        raise FileNotFoundError(f"no example workbook for seed {seed} in {EXAMPLES}")
    return found[0]


@pytest.fixture(scope="session")
def template_path(tmp_path_factory) -> Path:
    from perfxl.template.builder import write_template

    return write_template(tmp_path_factory.mktemp("template") / "standard.xlsx", "hunan_dept")


@pytest.fixture(scope="session")
def soffice() -> str:
    exe = shutil.which("soffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is required in CI (make test installs it)")
        pytest.skip("LibreOffice not installed (run make sysdeps)")
    return exe


# ---- hypothesis --------------------------------------------------------------------------------
# "ci" (make test, CI): the same examples every run (a failure is reproducible, two copies of the
# suite side by side see the same cases), no deadline (a busy machine is no bug), no example
# database shared between xdist workers.  "dev": hypothesis' own random exploration.  Choose with
# HYPOTHESIS_PROFILE; the examples per test are set beside each test, where they find bugs.
try:
    from hypothesis import settings as _hsettings
except ImportError:  # the test extra not installed: property tests skip themselves
    pass
else:
    _hsettings.register_profile("ci", derandomize=True, deadline=None, database=None,
                                print_blob=True)
    _hsettings.register_profile("dev", deadline=None)
    _hsettings.load_profile(os.environ.get("HYPOTHESIS_PROFILE")
                            or ("ci" if os.environ.get("CI") else "dev"))
