"""One guard for every output path: perfxl never writes over a file it reads.

Every command that writes (``score -o``, ``report -o``, ``batch -o``, ``check -o``, ``new -o``,
``annotate -o``, ``new --from -o``) calls ``refuse_overwrite(out, inputs)`` before any work.  It
compares *files*, not spellings: ``-o in.xlsx``, ``./in.xlsx``, ``../dir/in.xlsx``,
``/proc/self/cwd/in.xlsx``, a symbolic link to the input and a hard link to it (same st_dev and
st_ino) are all the input and are refused.  It also refuses, before the run, an output name the
file system cannot hold (longer than NAME_MAX bytes, typically 255) and an output whose folder is
missing, so a long computation never ends in a traceback at save time.

Usage (in a click command, inside ``@handle_errors``)::

    from perfxl.outpath import refuse_overwrite
    out = refuse_overwrite(output, [file], suffixes=(".xlsx", ".xlsm"))

Raises ``perfxl.errors.UsageError`` (exit code 2, Chinese message naming both paths).  Returns
``out`` unchanged (a ``Path``) so the caller keeps the spelling the user typed for messages.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from perfxl.errors import UsageError

__all__ = ["refuse_overwrite", "same_file", "SAME_FILE_MESSAGE"]

#: The sentence every refusal starts with (tests and docs quote it).
SAME_FILE_MESSAGE = "输出文件不能与输入文件相同；perfxl 不改写您的原文件，请用 -o 指定新文件"


def _stat(p: Path) -> os.stat_result | None:
    try:
        return os.stat(p)  # follows symbolic links: a link to the input is the input
    except (OSError, ValueError):  # missing, loop, name too long, NUL in the name
        return None


def _realpath(p: Path) -> str | None:
    try:
        return os.path.realpath(p)
    except (OSError, ValueError):
        return None


def same_file(a: str | Path, b: str | Path) -> bool:
    """True when ``a`` and ``b`` name one file: equal (st_dev, st_ino) after following links, or
    equal resolved real paths (also when neither exists yet)."""
    sa, sb = _stat(Path(a)), _stat(Path(b))
    if sa is not None and sb is not None:
        return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)
    ra, rb = _realpath(Path(a)), _realpath(Path(b))
    return ra is not None and ra == rb


def _link_kind(out: Path, inp: Path) -> str:
    if os.path.islink(out):
        return "（输出路径是指向输入文件的符号链接）"
    so, si = _stat(out), _stat(inp)
    if so is not None and si is not None and so.st_nlink > 1 and _realpath(out) != _realpath(inp):
        return "（输出路径是输入文件的硬链接）"
    return ""


def _is_dir(p: Path) -> bool:
    try:
        return p.is_dir()
    except (OSError, ValueError):  # a component too long, a loop
        return False


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # Windows, or the folder is missing
        return 255


def refuse_overwrite(out: str | Path, inputs: Iterable[str | Path], *,
                     suffixes: tuple[str, ...] | None = None, what: str = "输出文件",
                     make_parents: bool = False, exists_ok: bool = True) -> Path:
    """Check the output path ``out`` before any work; return it as a ``Path``.

    * ``inputs``: every file the command reads (folders are expanded by the caller).
    * ``suffixes``: the endings allowed (lower case, e.g. ``(".xlsx",)``); ``None``: any.
    * ``make_parents``: the writer creates missing folders (``check -o``), so only the nearest
      existing ancestor must be a folder.
    * ``exists_ok``: ``False`` refuses an existing ``out`` (the commands pass their ``--force``:
      perfxl replaces a file only when asked, docs/files-and-exit-codes.md).

    Raises ``UsageError`` (exit 2) when ``out`` is one of ``inputs`` by any spelling or link, is
    a folder, has a name too long for the file system, lies in a missing folder, or has the
    wrong ending, or exists while ``exists_ok`` is false.  Nothing is written, nothing is created.
    """
    out = Path(out)
    if str(out) in ("", "."):
        raise UsageError(f"{what}的路径为空；请用 -o 给出文件名")
    if "\x00" in str(out):
        raise UsageError(f"{what}「{out!r}」的名称含有空字符；请换一个文件名")
    for inp in inputs:
        inp = Path(inp)
        if same_file(out, inp) or (os.path.islink(out) and _realpath(out) == _realpath(inp)):
            raise UsageError(f"{SAME_FILE_MESSAGE}：「{out}」就是输入文件「{inp}」"
                             f"{_link_kind(out, inp)}")
    parent = out.parent
    limit = _name_max(parent if _is_dir(parent) else Path("."))
    # the atomic writer adds a dot prefix and ".<random>.tmp": that name must fit too
    longest = len(out.name.encode("utf-8", "surrogateescape")) + 16
    if longest > limit:
        raise UsageError(f"{what}的文件名过长（{len(out.name)} 个字符，"
                         f"{len(out.name.encode('utf-8', 'surrogateescape'))} 字节；"
                         f"此文件系统最多 {limit} 字节，perfxl 另需 16 字节写临时文件）；请缩短文件名")
    if _is_dir(out):
        raise UsageError(f"{what}「{out}」是一个文件夹；请给出文件名，如 {out / ('结果' + (suffixes or ('.xlsx',))[0])}")
    if suffixes is not None and out.suffix.lower() not in suffixes:
        raise UsageError(f"{what}应为 {' 或 '.join(suffixes)} 文件：「{out}」；请以 {suffixes[0]} 结尾")
    if not exists_ok and os.path.lexists(out):
        raise UsageError(f"{what}「{out}」已存在；perfxl 不覆盖已有文件（其中可能有您的修改）。"
                         "请用 -o 指定新文件名，或加 --force 覆盖")
    if make_parents:
        while not os.path.lexists(parent) and parent != parent.parent:
            parent = parent.parent
    if not _is_dir(parent):
        raise UsageError(f"无法写入{what}：所在的文件夹「{parent}」不存在或不是文件夹；请先建立该文件夹")
    return out
