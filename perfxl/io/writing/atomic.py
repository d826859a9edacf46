"""Atomic writes: every file perfxl writes goes to a temporary file in the target folder and is
renamed into place, so a crash never leaves a partial output and never touches the target until
the new content is complete.

A run killed between the two (SIGKILL, a power cut) leaves its temporary file behind, hidden
(``.NAME.XXXXXXXX.docx.tmp``).  The next write to the same output removes such leftovers: only
regular files named exactly as ``atomic_path`` names the temporaries of *that* output, and only
those not written to for ``STALE_SECONDS`` before this run started (a concurrent run still
writing its own temporary is left alone).
"""
from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import Iterator

#: A temporary untouched this long before the run started belongs to a run that died.
STALE_SECONDS = 60
_STARTED = time.time()


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it over ``path``, on error
    delete it.  The suffix is kept so libraries that look at it (openpyxl) behave."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix, suffix = f".{path.stem}.", path.suffix + ".tmp"
    remove_stale(path.parent, prefix, suffix)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    # mkstemp makes the file 0600; give it the mode a normal open() would (umask) or the
    # target's own mode when it is replaced
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp_path, mode)
    try:
        yield tmp_path
        os.replace(tmp_path, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        raise


def remove_stale(folder: Path, prefix: str, suffix: str) -> list[Path]:
    """Remove the temporaries ``prefix`` + 8 characters of ``tempfile`` + ``suffix`` in
    ``folder`` left by runs that died (see the module docstring); returns those removed.
    Never raises: a leftover that cannot be removed stays."""
    name = re.compile(re.escape(prefix) + r"[a-z0-9_]{8}" + re.escape(suffix))
    before = _STARTED - STALE_SECONDS
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for e in entries:
        if not name.fullmatch(e.name):
            continue
        try:
            st = e.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and st.st_mtime < before:
                os.unlink(e.path)
                removed.append(Path(e.path))
        except OSError:
            continue
    return removed


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)
