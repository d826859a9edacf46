"""Read an input file without ever blocking: only a regular file is read.

``open()`` on a FIFO (named pipe) waits until some other process opens it for writing, so
``perfxl check pipe.xlsx`` would hang for ever; reading a character device (``/dev/zero``,
``/dev/urandom``) never ends.  ``read_regular`` opens with ``O_NONBLOCK`` (an open of a FIFO for
reading then returns at once; for a regular file the flag means nothing) and asks the *opened*
file what it is (``fstat``), so a path swapped for a FIFO between a check and the open is caught
too.  A FIFO, a device, a socket or a folder is refused with a Chinese message, whatever its name.

Used by every reader of user input: workbooks (``perfxl.io.reading.sniff``), report drafts
(``perfxl.draft.guard``) and annotate.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable

from perfxl.errors import PerfxlError

__all__ = ["read_regular", "special_kind"]

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def special_kind(mode: int) -> str | None:
    """What a file of ``st_mode`` is in Chinese, when it is not a regular file; ``None`` for one."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISFIFO(mode):
        return "命名管道（FIFO）"
    if stat.S_ISSOCK(mode):
        return "套接字（socket）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备文件"
    return "特殊文件"


def read_regular(path: str | Path, limit: int, error: Callable[..., PerfxlError],
                 what: str = "文件") -> bytes:
    """The bytes of ``path``, read from one open file: at most ``limit`` + 1 of them (a file that
    grows while it is read), a file already larger refused before reading.

    Raises ``error(message, file=str(path))`` (a ``PerfxlError`` class) in Chinese when ``path``
    does not exist, cannot be read, is larger than ``limit`` bytes, or is not a regular file (FIFO, device, socket, folder); it
    never waits for a writer.  ``what`` names the expected file in the message (工作簿, 报告)."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except FileNotFoundError:
        raise error("文件不存在，请检查路径", file=name) from None
    except PermissionError:
        raise error("没有读取权限，请检查文件权限", file=name) from None
    except IsADirectoryError:  # Windows
        raise error(f"这是一个文件夹，不是{what}；请指定要读取的{what}", file=name) from None
    except (OSError, ValueError) as exc:  # ENXIO (a socket), ELOOP, a NUL in the name...
        kind = _kind_of_path(path)
        if kind:
            raise error(_refusal(kind, what), file=name) from None
        raise error(f"无法读取文件（{getattr(exc, 'strerror', None) or exc}）", file=name) from None
    try:
        st = os.fstat(fd)
        kind = special_kind(st.st_mode)
        if kind:
            raise error(_refusal(kind, what), file=name)
        if st.st_size > limit:
            raise error(f"文件过大（{st.st_size // 1024 // 1024} MB），超过 {limit // 1024 // 1024} MB "
                        "的上限", file=name)
        if _NONBLOCK:  # a regular file: back to ordinary reads
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            return fh.read(limit + 1)
    except OSError as exc:
        raise error(f"无法读取文件（{exc.strerror or exc}）", file=name) from None
    finally:
        if fd >= 0:
            os.close(fd)


def _kind_of_path(path: str | Path) -> str | None:
    try:
        return special_kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None


def _refusal(kind: str, what: str) -> str:
    if kind == "文件夹":
        return f"这是一个文件夹，不是{what}；请指定要读取的{what}"
    return (f"这是一个{kind}，不是保存在磁盘上的普通文件，perfxl 不读取它（读取会一直等待）；"
            f"请给出{what}本身")
