"""Shared pieces of the sub-commands: error handling and output conventions.

Results go to stdout, messages and progress to stderr; a ``PerfxlError`` becomes its Chinese
message and exit code 2, never a traceback.
"""
from __future__ import annotations

import functools
import sys
from typing import Callable, TypeVar

import click

from perfxl.cli import zh
from perfxl.cli.exits import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK  # noqa: F401  (re-exported)
from perfxl.errors import PerfxlError

zh.install()  # before any sub-command's decorators: click's texts (Usage, Options...) in Chinese

F = TypeVar("F", bound=Callable)


def fail(message: str, code: int = EXIT_ERROR) -> None:
    from perfxl.safetext import terminal_text  # a file name may hold ESC sequences

    click.echo(f"perfxl：{terminal_text(message)}", err=True)
    sys.exit(code)


def handle_errors(fn: F) -> F:
    """Turn perfxl's own errors and OS errors (no permission, name too long, disk full) into a
    Chinese message and exit code 2.  Output paths are checked first by
    ``perfxl.outpath.refuse_overwrite`` (the input by any spelling or link is refused)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except PerfxlError as exc:
            fail(str(exc))
        except PermissionError as exc:
            fail(f"没有写入权限：{exc.filename}")
        except OSError as exc:  # name too long, disk full, a folder gone: never a traceback
            where = f"「{exc.filename}」" if exc.filename else ""
            fail(f"无法读写文件{where}：{exc.strerror or exc}；请检查路径、文件名长度和磁盘空间")
        except KeyboardInterrupt:
            fail("已中断", 130)

    return wrapper  # type: ignore[return-value]


def framework_ids() -> list[str]:
    """The evaluation frameworks ``--framework`` accepts (the ids of ``perfxl/frameworks/*.toml``),
    so the help lists them and a wrong one is refused with the list."""
    from perfxl.frameworks import available

    return list(available())


#: The one overwrite policy (docs/files-and-exit-codes.md): a command that writes a document
#: refuses an existing output file unless ``--force`` is given.
force_option = click.option("--force", "-f", "force", is_flag=True,
                            help="输出文件已存在时覆盖（默认不覆盖已有文件）")
