"""The ``perfxl`` command's compiled regular expressions kept in the cache folder
(``perfxl.regex_cache``): what is built from the file is the pattern a fresh compile gives, the
output is the same cold and warm, and a damaged file or entry only costs a compile."""
from __future__ import annotations

import marshal
import os
import subprocess
import sys

import pytest

from perfxl import regex_cache

pytestmark = pytest.mark.skipif(
    sys.implementation.name != "cpython" or not (3, 11) <= sys.version_info < (3, 14),
    reason="the cache is used on CPython 3.11-3.13 only")

_DRAFT = ("岳阳市商务局2023年度部门整体支出绩效自评报告\n"
          "一般公共服务支出 3244335.71 元，较上年决算 3034059.49 元减少 210276.22 元。\n"
          "年初预算数为100万元，全年预算数为120万元，全年执行数为90万元，预算执行率为80%。\n")


def _check(tmp_path, cache, *args):
    env = {**os.environ, "PERFXL_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", "import sys; from perfxl.cli import run; "
                           "sys.argv = ['perfxl', *sys.argv[1:]]; run()", "check", *args],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600)


def _files(cache):
    return sorted(cache.glob("regex-*.bin"))


def test_cold_and_warm_alike_and_entries_are_fresh_compiles(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(_DRAFT, encoding="utf-8")
    cache = tmp_path / "cache"
    cold = _check(tmp_path, cache, str(draft), "--format", "json")
    [path] = _files(cache)
    stamp = path.stat().st_mtime_ns
    warm = _check(tmp_path, cache, str(draft), "--format", "json")
    assert cold.returncode == warm.returncode == 1  # PX601: 减少 written for an increase
    assert cold.stdout == warm.stdout and '"PX601"' in cold.stdout
    assert path.stat().st_mtime_ns == stamp  # nothing new: not written again
    table = marshal.loads(path.read_bytes())
    assert len(table) > 50
    import _sre
    from re import _compiler
    for (pattern, flags), args in table.items():
        # Pattern == compares the text, the flags and the compiled code
        assert _sre.compile(pattern, *args) == _compiler.compile(pattern, flags), pattern


def test_damaged_file_and_entry(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(_DRAFT, encoding="utf-8")
    cache = tmp_path / "cache"
    want = _check(tmp_path, cache, str(draft)).stdout
    [path] = _files(cache)
    table = marshal.loads(path.read_bytes())
    # every entry's code made invalid: the engine refuses it, each pattern is compiled afresh
    path.write_bytes(marshal.dumps({k: (a[0], [999] * len(a[1]), *a[2:])
                                    for k, a in table.items()}))
    got = _check(tmp_path, cache, str(draft))
    assert got.stdout == want and got.returncode == 1
    path.write_bytes(b"not marshal data")
    got = _check(tmp_path, cache, str(draft))
    assert got.stdout == want and got.returncode == 1
    assert marshal.loads(path.read_bytes()).keys() >= table.keys()  # rewritten whole


def test_not_used_by_the_library(tmp_path, monkeypatch):
    """perfxl imported as a library compiles as Python does: nothing installed, nothing written."""
    monkeypatch.setenv("PERFXL_CACHE_DIR", str(tmp_path))
    code = ("from perfxl.draft import check_text; import re._compiler as c; "
            "check_text('一般公共服务支出 3244335.71 元。'); "
            "print(c.compile.__module__)")
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=600)
    assert got.stdout.strip() == "re._compiler"
    assert not _files(tmp_path)


def test_too_many_entries_keeps_what_was_used(tmp_path):
    cache = tmp_path / "cache"
    draft = tmp_path / "draft.txt"
    draft.write_text(_DRAFT, encoding="utf-8")
    _check(tmp_path, cache, str(draft))
    [path] = _files(cache)
    table = marshal.loads(path.read_bytes())
    some = next(iter(table.values()))
    stale = {(f"stale{i}", 0): some for i in range(regex_cache.MAX_ENTRIES)}
    path.write_bytes(marshal.dumps({**table, **stale}))
    # a pattern new to the file (a workbook check compiles others), so the file is written
    _check(tmp_path, cache, str(draft), "--format", "sarif")
    kept = marshal.loads(path.read_bytes())
    assert not any(k[0].startswith("stale") for k in kept)
    assert len(kept) > 50
