"""The 汇总 records of a batch run, kept on disk while the reviews stream in.

``perfxl batch`` writes 汇总 after the last review (备注 names the other workbooks of the same
department and year, wherever they come in the run), so each workbook's record (about 1 KB: its
three main problems, its figures) must wait somewhere.  Kept in a list they grew the parent by
~1 MB per 1,000 workbooks; here they wait in a private temporary SQLite database (deleted when
it is closed, and by the operating system if the process dies), with a small page cache, and are
read back one at a time.  备注's duplicate check is a query on the same table, so no set of keys
grows in memory either.
"""
from __future__ import annotations

import pickle
import sqlite3
from typing import Any, Callable, Iterator

from perfxl.batch import _dept_key

#: SQLite's page cache for the spool, in KiB (its default is 2 MiB): the records are written
#: once and read back in order, so a larger cache buys nothing but memory.
CACHE_KIB = 256


class RecordSpool:
    """汇总 records (dicts) in the order they are added, on disk; ``len()``, iterated as many
    times as wanted (each time from the first).  Iterated records carry 备注 when ``note``
    was given: ``note(others, count)`` with the display names of the first three other files of
    the same 部门名称 (blanks ignored) and 年度, and how many other files there are.

    Records are dicts whose values pickle; each needs 路径 (the file), 文件 (its display name),
    部门名称 and 年度.  Close it (or use it as a context manager) to delete the file."""

    def __init__(self, note: Callable[[list[str], int], str] | None = None) -> None:
        # "" = a private temporary database, deleted on close
        self._db = sqlite3.connect("", check_same_thread=False)
        self._db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        # path, name and dkey are UTF-8 bytes (surrogatepass: a lone surrogate of an
        # undecodable file name is no str SQLite takes), compared as blobs
        self._db.execute("CREATE TABLE book (seq INTEGER PRIMARY KEY, path BLOB, name BLOB, "
                         "dkey BLOB, year, rec BLOB, note BLOB)")
        self._note = note
        self._n = 0
        self._noted = False  # the notes are written once, after the last record

    def add(self, rec: dict[str, Any]) -> None:
        """Append one record (its 备注 is filled in when it is read back)."""
        year = rec["年度"]
        self._db.execute("INSERT INTO book VALUES (?, ?, ?, ?, ?, ?, NULL)", (
            self._n, _blob(rec["路径"]), _blob(rec["文件"]), _blob(_dept_key(rec["部门名称"])),
            year if year is None or isinstance(year, (int, float)) else _blob(str(year)),
            pickle.dumps(rec, pickle.HIGHEST_PROTOCOL)))
        self._n += 1
        self._noted = False

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.records()

    def records(self, notes: bool = True) -> Iterator[dict[str, Any]]:
        """The records in order, with 备注 (when ``notes`` and the spool was given ``note``)
        or as they were added."""
        notes = notes and self._note is not None
        if notes and not self._noted:
            self._write_notes()
        for blob, note in self._db.execute("SELECT rec, note FROM book ORDER BY seq"):
            rec = pickle.loads(blob)
            if notes:
                rec["备注"] = "" if note is None else note.decode("utf-8", "surrogatepass")
            yield rec

    def _write_notes(self) -> None:
        """备注 of every file whose 部门名称 (blanks ignored) and 年度 another file shares: a few
        statements per such group (a query per record and reading, as the records were read
        back several times, cost the parent ~1.5 s of CPU for 1,000 workbooks in 3 groups)."""
        db = self._db
        db.execute("CREATE INDEX IF NOT EXISTS book_key ON book (dkey, year, seq)")
        db.execute("UPDATE book SET note = NULL")
        # the groups in a table of their own, read while book is updated (as many as files)
        db.execute("DROP TABLE IF EXISTS grp")
        db.execute("CREATE TABLE grp AS SELECT dkey, year, COUNT(DISTINCT path) AS n FROM book "
                   "WHERE dkey != x'' AND year IS NOT NULL GROUP BY dkey, year HAVING n > 1")
        for dkey, year, n in db.execute("SELECT dkey, year, n FROM grp"):
            key = (dkey, year)
            # the first four files of the group in the order of the run: the first three of
            # them are the others of every file but themselves
            first = db.execute("SELECT path, name FROM book WHERE dkey = ? AND year = ? "
                               "GROUP BY path ORDER BY MIN(seq) LIMIT 4", key).fetchall()
            names = [(p, name.decode("utf-8", "surrogatepass")) for p, name in first]
            db.execute("UPDATE book SET note = ? WHERE dkey = ? AND year = ?",
                       (_blob(self._note([nm for _, nm in names[:3]], n - 1)), *key))
            for path, _ in names[:3]:
                others = [nm for p, nm in names if p != path][:3]
                db.execute("UPDATE book SET note = ? WHERE dkey = ? AND year = ? AND path = ?",
                           (_blob(self._note(others, n - 1)), *key, path))
        self._noted = True

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "RecordSpool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _blob(text: str) -> bytes:
    return str(text).encode("utf-8", "surrogatepass")
