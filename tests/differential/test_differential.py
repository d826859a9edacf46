"""The differential test (issue 13): random valid workbooks drawn by hypothesis, recalculated by
LibreOffice headless, agree with perfxl's Python on every formula cell, and the report prints
the workbook's figures.  A handful of cases here (one soffice run per hypothesis example of
``BATCH`` workbooks); ``benchmarks/differential.py`` runs a few hundred."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.differential.harness import compare, models, recalc, write_books

pytestmark = pytest.mark.libreoffice
BATCH = 4


@settings(max_examples=2, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example,
                                 HealthCheck.function_scoped_fixture])
@given(batch=models(BATCH))
def test_random_workbooks_agree_with_libreoffice(soffice, batch):
    with tempfile.TemporaryDirectory(prefix="perfxl-diff-") as tmp:
        paths = write_books(batch, Path(tmp) / "in")
        cells = 0
        for path, lo in zip(paths, recalc(paths, Path(tmp) / "out")):
            out = compare(path, lo)
            cells += out.cells + out.figures
            assert not out.bad, (path.name, out.bad[:8])
        assert cells > BATCH * 290
