"""Shared fixtures for the add-in tests: one built add-in and one LibreOffice test workbook per
session (each build takes ~0.1 s, but the tests read them many times)."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from perfxl.addin.build import build_addin, build_test_workbook, source_text

# xlwings registers its remote engine at import time only when a licence key is set, so the key
# goes into the environment before any test imports xlwings.  PolyForm Noncommercial permits use
# by government institutions; the product itself never sets it (shared/reference/addin.md).
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

#: Sub name -> Python function it must run, read from the repository's VBA source.
RUNPYTHON = re.compile(r'^Sub (\w+)\(control As IRibbonControl\)\r\n'
                       r'    RunPython "import perfxl\.addin; perfxl\.addin\.(\w+)\(\)"\r\nEnd Sub',
                       re.M)


@pytest.fixture(scope="session")
def addin_path(tmp_path_factory) -> Path:
    return build_addin(tmp_path_factory.mktemp("addin") / "perfxl.xlam")


@pytest.fixture(scope="session")
def test_book_path(tmp_path_factory) -> Path:
    return build_test_workbook(tmp_path_factory.mktemp("vehicle") / "perfxl-test.xlsm")


@pytest.fixture(scope="session")
def ribbon_subs() -> dict[str, str]:
    """``{"Validate": "validate", ...}`` from src/PerfxlRibbon.bas."""
    return dict(RUNPYTHON.findall(source_text("PerfxlRibbon.bas")))


def pytest_configure(config):
    # oletools 0.60 still calls pyparsing's camelCase API; the warnings are not ours to fix
    config.addinivalue_line("filterwarnings", "ignore::DeprecationWarning:oletools.*")
