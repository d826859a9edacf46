"""``benchmarks/bench_draft.py`` at a tiny size (the figures are in benchmarks/README.md): the
script runs, so it cannot rot.  No time is asserted here."""
from __future__ import annotations

import pytest

from tests.draft.measure import SEEDS

pytestmark = pytest.mark.skipif(not any(SEEDS.glob("004_*.txt")), reason="no seeds")


def test_bench_draft_runs_at_a_tiny_size(capsys):
    from benchmarks.bench_draft import main, passage
    got = main(["--pages", "1", "--runs", "1", "--copies", "3", "--big-mb", "0.05",
                "--no-process"])
    assert set(got) == {"pages_txt", "pages_docx", "copies", "copies_workbook", "big"}
    out = capsys.readouterr().out
    assert "seed passage x 3:" in out and "seeds to 0.05 MB:" in out
    assert "三公经费" in passage() and "1793.18万元" in passage() and "自评得分为 93 分" in passage() and passage().count("\n") == 4
