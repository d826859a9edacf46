"""perfxl's cache folder and its atomic text writes: the one place every cache (template facts,
parsed frameworks, formula records, the web page's downloads) finds its folder.  Standalone (no
perfxl import), so any module may use it without pulling in the reader or the template.

Environment: ``PERFXL_CACHE_DIR`` overrides the folder (default ``$XDG_CACHE_HOME/perfxl`` or
``~/.cache/perfxl``)."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The cache folder (not created here)."""
    env = os.environ.get("PERFXL_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "perfxl"


def save_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file beside it, then a rename), so a
    concurrent reader sees the old file or the whole new one.  Raises ``OSError``."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=path.name, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
