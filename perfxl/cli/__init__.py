"""The ``perfxl`` command.  ``main`` is its click group (``perfxl.cli._group``, built on first
use); ``run`` is the console script: the common ``perfxl check FILE... [--format F]
[--exit-zero]`` to a pipe or file goes straight to ``perfxl.cli.checking.run`` without
importing click (~10 ms of a ~100 ms check), every other call to ``main``.  Sub-commands are
one module each (``COMMANDS``), imported when they run."""
from __future__ import annotations

import importlib
import sys

#: Sub-command modules, each defining ``command`` (a click command or group) of the same name.
COMMANDS = ("new", "check", "score", "report", "annotate", "batch", "demo", "addin", "doctor",
            "web", "rules", "rule")


def _load(name: str):
    """The ``command`` of ``perfxl.cli.<name>``, or ``None`` for a command still being written."""
    try:
        mod = importlib.import_module(f"perfxl.cli.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"perfxl.cli.{name}":
            raise
        return None
    return mod.command


def __getattr__(name: str):
    if name in ("main", "_LazyGroup"):
        from perfxl.cli import _group
        return getattr(_group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def fast_check(argv: list[str]) -> dict | None:
    """The options of ``argv`` when it is ``check`` with only file names, at most one
    ``--format`` (``--format F`` or ``--format=F``, F one of the formats) and ``--exit-zero``,
    to stdout that is not a terminal; ``None`` for anything else (click parses it: help,
    errors, every other option)."""
    from perfxl.cli.checking import FORMATS

    if not argv or argv[0] != "check" or sys.stdout is None or sys.stdout.isatty():
        return None
    files, fmt, exit_zero, rest = [], None, False, iter(argv[1:])
    for a in rest:
        if not a.startswith("-"):
            files.append(a)
            continue
        if a == "--exit-zero" and not exit_zero:
            exit_zero = True
            continue
        if fmt is not None:
            return None
        if a == "--format":
            fmt = next(rest, None)
        elif a.startswith("--format="):
            fmt = a.removeprefix("--format=")
        else:
            return None
        if fmt not in FORMATS:
            return None
    return {"files": tuple(files), "fmt": fmt or "text", "exit_zero": exit_zero} if files else None


def run() -> None:
    """The ``perfxl`` console script."""
    fast = fast_check(sys.argv[1:])
    if fast is None:
        from perfxl.cli._group import main
        main()
        return
    import os
    files = fast["files"]
    one = len(files) == 1 and files[0].lower().endswith((".xlsx", ".xlsm", ".txt")) \
        and not os.path.isdir(files[0])
    if one:
        # one workbook or .txt draft, then exit: the cycle collector would only walk the ~200
        # modules being imported and the draft's figures, dozens of times (~3 ms; a 10 MB .txt
        # draft: 9.6 -> 8.7 s, the same peak memory: neither makes cycles worth collecting).
        # Not for a folder (its files are checked in forked workers) nor a .docx / PDF draft (a
        # long PDF's layout objects are many)
        import gc
        gc.disable()
    from perfxl.cli.checking import run as check
    try:
        code = check(**fast)
    except BrokenPipeError:  # `perfxl check ... | head`: as click does, exit 1 quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (the interpreter's last flush)
        code = 1
    except KeyboardInterrupt:
        sys.stderr.write("\n已中断\n")
        code = 1
    if one:
        # nor at the interpreter's exit, which walks every object the check made, several times
        # over, to free cycles the ending process gives back whole anyway (~9 ms of a ~155 ms
        # 30-page draft check): the frozen objects are left out of those walks.  The report is
        # written and stdout is still flushed at exit.
        import gc
        gc.freeze()
    sys.exit(code)
