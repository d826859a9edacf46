"""The ``perfxl`` command's regular expressions compiled once per Python, not in every process.

Python compiles a regular expression in Python code (``re._parser``, ``re._compiler``): a draft
check compiles ~160 patterns, ~20 ms of a ~150 ms process, the same every time.  ``install()``
keeps what the compiler hands to the C engine (``_sre.compile``: the flags, the code words, the
group names) for each pattern in the cache folder, one file per interpreter and engine version
(``sys.version``, ``_sre.MAGIC``, ``_sre.CODESIZE``), and later processes
build the pattern from it directly.  The engine checks the code words it is given (``_sre``
refuses invalid code), and what is built is the pattern a fresh compile gives (``==`` compares
the pattern, flags and code: ``tests/speed/test_regex_cache.py``).

Only the ``perfxl`` console script calls ``install`` (``perfxl.cli.run``); perfxl used as a
library, the add-in and the web page compile as Python does.  CPython 3.11 and later only
(``re._compiler``); elsewhere, on a debug flag, or on any error, nothing changes.  The file is
written at exit, atomically, only when a pattern was new; an unreadable or foreign file is
ignored and replaced.  The file holds the patterns' text (some built from a checked file's
words, as a file name escaped into a pattern), in the user's own cache folder as the other
caches; it is read with ``marshal`` as Python reads its byte code.
"""
from __future__ import annotations

import sys

__all__ = ["install", "MAX_ENTRIES"]

#: More patterns than this in the file (patterns built from a file's own text, such as a name
#: escaped into a pattern, differ from run to run): the next save keeps only the patterns its own
#: process used.
MAX_ENTRIES = 1000
_installed = False


def _file():
    import _sre
    import zlib

    from perfxl.cachedir import cache_dir

    # the interpreter's build (its Unicode tables included) and the engine's code version
    key = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}"
    return cache_dir() / f"regex-{sys.implementation.cache_tag}-{zlib.crc32(key.encode()):08x}.bin"


def install() -> None:
    """Compile this process's regular expressions from (and into) the cache folder."""
    global _installed
    if _installed or sys.implementation.name != "cpython" \
            or not (3, 11) <= sys.version_info < (3, 14):  # the compiler's shape, as checked
        return
    _installed = True
    try:
        import marshal
        from re import _compiler, _parser

        import _sre
        path = _file()
        try:
            table = marshal.loads(path.read_bytes())
            if not isinstance(table, dict):
                table = {}
        except (OSError, ValueError, EOFError, TypeError):
            table = {}
    except Exception:  # noqa: BLE001  (no cache: Python compiles as always)
        return
    new: dict = {}
    used: set = set()
    original = _compiler.compile
    debug = _compiler.SRE_FLAG_DEBUG

    def compile(p, flags=0):  # noqa: A001  (re._compiler.compile's own name)
        if type(p) is not str or flags & debug:
            return original(p, flags)
        key = (p, int(flags))
        args = table.get(key)
        if args is not None:
            try:
                got = _sre.compile(p, *args)
                used.add(key)
                return got
            except Exception:  # noqa: BLE001  (a damaged entry: compile afresh)
                table.pop(key, None)
        # what re._compiler.compile hands to the engine (CPython 3.11-3.13)
        parsed = _parser.parse(p, flags)
        code = _compiler._code(parsed, flags)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        args = (int(flags | parsed.state.flags), [int(c) for c in code],
                parsed.state.groups - 1, dict(groupindex),
                tuple(indexgroup))
        got = _sre.compile(p, *args)
        new[key] = args
        return got

    def save() -> None:
        if not new:
            return
        try:
            import os
            import tempfile
            path.parent.mkdir(parents=True, exist_ok=True)
            keep = table if len(table) + len(new) <= MAX_ENTRIES else \
                {k: table[k] for k in used if k in table}
            data = marshal.dumps({**keep, **new})
            fd, tmp = tempfile.mkstemp(prefix=path.name, dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except Exception:  # noqa: BLE001  (a read-only cache folder: compile again next time)
            pass

    import atexit
    atexit.register(save)
    _compiler.compile = compile
