"""The order of results does not depend on --jobs; a corrupt file in the middle of a batch
becomes one row (无法读取, with its Chinese error) and nothing else changes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from perfxl.batch import UNREADABLE, expand_paths, review_files
from tests.batch.conftest import perfxl


def _rows(reviews):
    return [r.to_json() for r in reviews]


def test_order_does_not_depend_on_jobs(small_set):
    files = expand_paths([small_set])
    assert [f.name for f in files] == sorted(f.name for f in files)
    one, two = review_files(files, jobs=1), review_files(files, jobs=2)
    assert [r.file for r in one] == [str(f) for f in files]
    assert _rows(one) == _rows(two)
    three = review_files(files, jobs=3)  # more workers than cores: still the same
    assert _rows(three) == _rows(one)


def test_cli_output_does_not_depend_on_jobs(small_set, tmp_path):
    runs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"summary-{jobs}.xlsx"
        p = perfxl("batch", str(small_set), "-o", str(out), "--jobs", jobs, "--format", "json")
        assert p.returncode == 1, p.stderr  # the examples have errors: exit 1, as check
        assert out.exists()
        runs.append(json.loads(p.stdout)["files"])
    assert runs[0] == runs[1]
    assert len(runs[0]) == 12


def _corrupt_copy(small_set: Path, dest: Path, how: str) -> tuple[list[Path], Path]:
    """The set copied to ``dest`` with one corrupt workbook sorted into the middle."""
    shutil.copytree(small_set, dest)
    good = sorted(dest.glob("*.xlsx"))
    bad = dest / (good[len(good) // 2].stem[:4] + "-zz-corrupt.xlsx")  # sorts after its twin
    data = good[0].read_bytes()
    if how == "truncated":
        bad.write_bytes(data[: len(data) // 2])
    elif how == "not-a-zip":
        bad.write_bytes(b"this is not a workbook\n" * 10)
    else:  # a damaged member: flip bytes in the middle of the package
        mid = len(data) // 2
        bad.write_bytes(data[:mid] + bytes(b ^ 0xFF for b in data[mid:mid + 64]) + data[mid + 64:])
    return good, bad


@pytest.mark.parametrize("how", ["truncated", "not-a-zip", "damaged"])
def test_corrupt_file_is_one_row_and_nothing_else_changes(small_set, tmp_path, how):
    good, bad = _corrupt_copy(small_set, tmp_path / "set", how)
    files = expand_paths([tmp_path / "set"])
    assert bad in files and files.index(bad) not in (0, len(files) - 1)
    with_bad = review_files(files, jobs=2)
    without = review_files(good, jobs=2)
    assert len(with_bad) == len(without) + 1
    i = files.index(bad)
    row = with_bad[i]
    assert row.status == UNREADABLE
    assert row.error and any("\u4e00" <= ch <= "\u9fff" for ch in row.error)  # Chinese
    assert row.findings == [] and row.total is None
    rest = with_bad[:i] + with_bad[i + 1:]
    assert _rows(rest) == _rows(without)


def test_corrupt_file_in_the_cli_summary(small_set, tmp_path):
    _good, bad = _corrupt_copy(small_set, tmp_path / "set", "truncated")
    out = tmp_path / "summary.xlsx"
    p = perfxl("batch", str(tmp_path / "set"), "-o", str(out), "--jobs", "2", "--format", "json")
    assert p.returncode == 1, p.stderr  # an unreadable member is a row: exit 1 (2 only for a call that cannot run)
    assert out.exists()
    rows = json.loads(p.stdout)["files"]
    assert len(rows) == 13
    bad_rows = [r for r in rows if r["status_label"] == UNREADABLE]
    assert [Path(r["file"]).name for r in bad_rows] == [bad.name]
    import openpyxl

    ws = openpyxl.load_workbook(out)["汇总"]
    table = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert len(table) == 13
    (hit,) = [t for t in table if t[0] == bad.name]
    assert hit[12] == UNREADABLE and hit[9] == bad_rows[0]["error"]


def test_folders_are_searched_and_lock_files_skipped(small_set, tmp_path):
    d = tmp_path / "nested" / "deeper"
    d.mkdir(parents=True)
    src = sorted(small_set.glob("*.xlsx"))[0]
    shutil.copy(src, d / "a.xlsx")
    shutil.copy(src, d / "b.XLSM")
    (d / "~$a.xlsx").write_bytes(b"lock")
    (d / "notes.txt").write_text("x")
    assert [p.name for p in expand_paths([tmp_path / "nested"])] == ["a.xlsx", "b.XLSM"]
