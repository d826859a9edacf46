"""The differential test (issue 13): random valid workbooks drawn by hypothesis, recalculated by
LibreOffice headless, agree with perfxl's Python on every formula cell, and the report prints
the workbook's figures.  A handful of cases here (one soffice run per hypothesis example of
``BATCH`` workbooks); ``benchmarks/differential.py`` runs a few hundred."""
from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.differential.harness import (FRAMEWORKS, compare, models, random_model, recalc,
                                        write_books)

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


#: the report round trip: books, one LibreOffice run for all
REPORT_BOOKS = 30


@pytest.mark.slow
def test_reports_of_random_books_agree_with_libreoffice_and_proofread_clean(soffice, tmp_path):
    """Issue 24, one truth: 30 random filled books, every framework (round robin), recalculated
    by LibreOffice in one run; every figure their reports print that the workbook shows agrees
    with LibreOffice's value in the report's format, and the report's own proofreading
    (``perfxl report`` runs it) finds nothing."""
    kinds = sorted(set(FRAMEWORKS))
    books = [random_model(random.Random(24_000 + i), kinds[i % len(kinds)])
             for i in range(REPORT_BOOKS)]
    paths = write_books(books, tmp_path / "in")
    figures, bad, proof = 0, [], []
    for path, lo in zip(paths, recalc(paths, tmp_path / "out")):
        out = compare(path, lo)
        figures += out.figures
        bad += [(path.name, *b) for b in out.bad]
        proof += out.proofread
    assert not bad, bad[:8]
    assert not proof, proof[:8]
    assert figures > REPORT_BOOKS * 10  # the reports were read, not skipped
