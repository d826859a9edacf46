"""Helpers of the reliability suite: the corpus cache, races, CLI runs with a timer, digests."""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from tests.corpus import make


class Corpus:
    """Builds corpus entries on first use into one session folder; ``fresh`` gives a private
    copy for a test that may change the file (races)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._built: dict[str, Path | make.Unavailable] = {}
        self._n = 0

    def path(self, name: str) -> Path:
        if name not in self._built:
            try:
                self._built[name] = make.build(name, self.folder / "built")
            except make.Unavailable as exc:
                self._built[name] = exc
        got = self._built[name]
        if isinstance(got, make.Unavailable):
            import pytest

            pytest.skip(f"corpus entry {name}: {got}")
        return got

    def fresh(self, name: str) -> Path:
        """A private copy of entry ``name`` (same file name, in its own folder)."""
        src = self.path(name)
        self._n += 1
        folder = self.folder / "fresh" / f"{self._n}"
        folder.mkdir(parents=True)
        if src.is_dir() or not src.exists():
            return src
        dst = folder / src.name
        shutil.copy2(src, dst)
        return dst

    def donor(self, kind: str) -> Path:
        return make.donor(kind, self.folder / "donors")


# ------------------------------------------------------------------------------------------------
# Races: the file changes on disk while perfxl reads it
# ------------------------------------------------------------------------------------------------
@contextlib.contextmanager
def race(path: Path, spec: tuple, donor: Path | None) -> Iterator[dict[str, int]]:
    """Change ``path`` on disk in the middle of a read.

    * ``("swap", k, _)``: just before the k-th ``zipfile.ZipFile`` opening of ``path``, replace
      the file (atomically, as an editor saving over it would) by ``donor``.
    * ``("truncate", k, m)``: when the m-th member of the k-th opening is opened, cut the file in
      place to half its size (a copy still being written, a network share dropping).

    Yields the counters, so a test can tell whether the race fired (a reader that opens the file
    once never meets the later ones: it reads one consistent version)."""
    target = os.path.realpath(path)
    seen = {"zip": 0, "member": 0, "fired": 0}
    real_init = zipfile.ZipFile.__init__
    real_open = zipfile.ZipFile.open
    kind = spec[0]

    def init(self, file, *args, **kwargs):  # noqa: ANN001
        if isinstance(file, (str, os.PathLike)) and os.path.realpath(file) == target:
            seen["zip"] += 1
            self._perfxl_race_n = seen["zip"]
            if kind == "swap" and seen["zip"] == spec[1]:
                tmp = Path(target + ".swap")
                shutil.copy(donor, tmp)
                os.replace(tmp, target)
                seen["fired"] += 1
        return real_init(self, file, *args, **kwargs)

    def open_(self, name, *args, **kwargs):  # noqa: ANN001
        if kind == "truncate" and getattr(self, "_perfxl_race_n", None) == spec[1]:
            seen["member"] += 1
            if seen["member"] == spec[2]:
                os.truncate(target, os.path.getsize(target) // 2)
                seen["fired"] += 1
        return real_open(self, name, *args, **kwargs)

    zipfile.ZipFile.__init__ = init
    zipfile.ZipFile.open = open_
    try:
        yield seen
    finally:
        zipfile.ZipFile.__init__ = real_init
        zipfile.ZipFile.open = real_open


# ------------------------------------------------------------------------------------------------
# CLI runs
# ------------------------------------------------------------------------------------------------
@dataclass
class Run:
    args: list[str]
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None
    seconds: float
    #: CPU seconds of this process and the processes it waited for: the bound the tests assert
    #: (a busy machine stretches wall time, not the work done)
    cpu: float = 0.0

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def describe(self) -> str:
        exc = f"\nexception: {self.exception!r}" if self.exception else ""
        return (f"perfxl {' '.join(self.args)} -> exit {self.exit_code} in {self.seconds:.2f}s"
                f" ({self.cpu:.2f}s CPU)"
                f"{exc}\n--- stdout ---\n{self.stdout[-3000:]}\n--- stderr ---\n{self.stderr[-3000:]}")


def available_commands() -> set[str]:
    from perfxl.cli import main

    return set(main.list_commands(None))  # sub-commands are loaded lazily


def run_cli(args: list[str | Path]) -> Run:
    """``perfxl ARGS`` in-process (click's CliRunner), timed.  An exception that escapes the
    command (anything but ``SystemExit``) is what would be a traceback on a terminal."""
    from click.testing import CliRunner

    from perfxl.cli import main

    runner = CliRunner()
    args = [str(a) for a in args]
    t, c = time.perf_counter(), cpu_seconds()
    result = runner.invoke(main, args, catch_exceptions=True)
    seconds, cpu = time.perf_counter() - t, cpu_seconds() - c
    exc = result.exception if not isinstance(result.exception, SystemExit) else None
    return Run(args, result.exit_code, result.stdout, result.stderr, exc, seconds, cpu)


def cpu_seconds() -> float:
    """CPU seconds (user + system) used so far by this process and its reaped children.  Bounds
    on work are asserted on this, never on wall time, which a busy machine stretches."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def leftovers(folder: Path, keep: set[str] = frozenset()) -> list[str]:
    """Files in ``folder`` other than ``keep`` (temporary files of an atomic write...)."""
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


# ------------------------------------------------------------------------------------------------
# Digests
# ------------------------------------------------------------------------------------------------
def file_state(path: Path) -> tuple[Any, ...]:
    """Everything about a file a command could change: bytes, size, mtime, mode."""
    st = path.stat()
    return (hashlib.sha256(path.read_bytes()).hexdigest(), st.st_size, st.st_mtime_ns,
            st.st_mode)


def zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i.filename) for i in zf.infolist()}


def model_digest(model) -> tuple:
    """What a read gave: values, table rows, formula texts and cached values."""
    src = model.source
    return (sorted(model.values.items(), key=lambda kv: kv[0]),
            sorted((k, [(r.index, sorted(r.values.items())) for r in rows])
                   for k, rows in model.tables.items()),
            sorted((k, repr(v)) for k, v in (src.formulas.items() if src else ())),
            sorted((k, repr(v)) for k, v in (src.cached.items() if src else ())))


# ------------------------------------------------------------------------------------------------
# Who writes what: an audit hook (PEP 578) that records every write-like operation on watched
# paths (opening for writing, renaming or replacing onto them, removing, truncating, chmod, utime)
# ------------------------------------------------------------------------------------------------
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
_WATCHERS: list["WriteWatch"] = []
_HOOKED = False


class WriteWatch:
    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = {os.path.realpath(p) for p in paths}
        self.hits: list[str] = []

    def _match(self, p: Any) -> bool:
        if isinstance(p, (str, bytes, os.PathLike)):
            try:
                return os.path.realpath(os.fsdecode(p)) in self.paths
            except (TypeError, ValueError):
                return False
        return False


def _audit(event: str, args: tuple) -> None:
    if not _WATCHERS:
        return
    w = _WATCHERS[-1]
    if event == "open":
        path, _mode, flags = args
        if isinstance(flags, int) and flags & _WRITE_FLAGS and w._match(path):
            w.hits.append(f"open for writing: {path} (flags {flags:#o})")
    elif event == "os.rename":
        if w._match(args[0]) or w._match(args[1]):
            w.hits.append(f"rename/replace: {args[0]} -> {args[1]}")
    elif event in ("os.remove", "os.truncate", "os.chmod", "os.utime", "os.chown"):
        if w._match(args[0]):
            w.hits.append(f"{event}: {args[0]}")
    elif event == "shutil.copyfile":
        if w._match(args[1]):
            w.hits.append(f"copy onto: {args[1]}")


@contextlib.contextmanager
def watch_writes(paths: Iterable[Path]) -> Iterator[WriteWatch]:
    """Record every attempt to write, replace, remove, truncate or re-stamp ``paths``."""
    import sys

    global _HOOKED
    if not _HOOKED:
        sys.addaudithook(_audit)
        _HOOKED = True
    w = WriteWatch(paths)
    _WATCHERS.append(w)
    try:
        yield w
    finally:
        _WATCHERS.remove(w)
