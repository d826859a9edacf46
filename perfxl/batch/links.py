"""Hyperlinks of openpyxl write-only sheets, kept on disk until the save.

openpyxl keeps every hyperlink of a sheet as an object until the workbook is saved, and then
builds a relationship object and an XML element for each, all at once: ~1.5 KB of the batch
parent's peak per link, two links per workbook (汇总 and 全部问题), so the parent grew by
~2.4 MB from 200 to 1,000 workbooks (benchmarks/README.md, issue 23).  Here each link is a
line of a temporary file; the sheet's ``<hyperlinks>`` element and the relationships part are
written from it one link at a time, in the same bytes openpyxl writes (tests/batch/
test_flat_memory.py compares the two).

Three hooks, all on openpyxl's own classes: the sheet's writer (``WorksheetWriter``, installed
where openpyxl installs it, at the first row) writes ``<hyperlinks>``; its relationship list
counts the links so that the sheet's other relationships (a table, a drawing) are numbered after
them, as openpyxl numbers them, and leaves a marker in its part; the archive (a ``ZipFile``)
replaces the marker with the links' relationships as it stores the part.
"""
from __future__ import annotations

import datetime
import json
import tempfile
import time
import zipfile
from typing import Iterator

from openpyxl.packaging.relationship import Relationship, RelationshipList
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.xml.functions import Element, tostring

_MARK = "perfxl-links"


class LinkSpool:
    """The hyperlinks of one sheet, (ref, target) in the order of their rows, in a temporary
    file (deleted when closed or collected)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.count = 0

    def add(self, ref: str, target: str) -> None:
        """One link: ``ref`` a cell or range (A5, A5:A17), ``target`` the file it opens."""
        # JSON: a target may hold any character (a lone surrogate of an undecodable name too)
        self._file.write(json.dumps([ref, target]) + "\n")
        self.count += 1

    def __iter__(self) -> Iterator[tuple[int, str, str]]:
        """(relationship number, ref, target) of each link, numbered from 1."""
        self._file.flush()
        self._file.seek(0)
        for k, line in enumerate(self._file, start=1):
            ref, target = json.loads(line)
            yield k, ref, target
        self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()


class _Rels(RelationshipList):
    """The sheet's relationships with its links counted first (a table is rId{links + 1}, as
    openpyxl numbers it), the links themselves a marker the archive fills in."""

    def __init__(self, spool: LinkSpool, key: int) -> None:
        super().__init__()
        self.spool, self.key = spool, key

    def __len__(self) -> int:
        return super().__len__() + self.spool.count

    def to_tree(self):
        tree = super().to_tree()
        if self.spool.count:
            tree.insert(0, Element(_MARK, key=str(self.key)))
        return tree


class _Writer(WorksheetWriter):
    def __init__(self, ws, spool: LinkSpool, key: int) -> None:
        super().__init__(ws)
        self.spool = spool
        self._rels = _Rels(spool, key)

    def write_hyperlinks(self) -> None:
        if not self.spool.count:
            return
        xf = self.xf.send(True)
        with xf.element("hyperlinks"):
            for k, ref, _target in self.spool:
                xf.write(Hyperlink(ref=ref, id=f"rId{k}").to_tree())
        self.xf.send(None)  # control back to the writer's stream, as openpyxl's write_rows


class LinkedSheets:
    """The links of a workbook's write-only sheets: ``sheet(ws)`` before the sheet's first row
    gives its ``LinkSpool``; ``save(wb, path)`` instead of ``wb.save(path)``."""

    def __init__(self) -> None:
        self.spools: list[LinkSpool] = []

    def sheet(self, ws) -> LinkSpool:
        """Install the link-spooling writer on write-only sheet ``ws`` (before its first row,
        as ``WriteOnlyWorksheet._get_writer`` would) and return its spool."""
        if ws._writer is not None:
            raise ValueError("the sheet has rows already")
        spool = LinkSpool()
        ws._writer = _Writer(ws, spool, len(self.spools))
        ws._writer.write_top()
        self.spools.append(spool)
        return spool

    def save(self, wb, filename) -> None:
        """``wb.save(filename)`` (``openpyxl.writer.excel.save_workbook``), the links written
        from their spools; the spools are closed."""
        from openpyxl.writer.excel import ExcelWriter

        try:
            archive = _Archive(filename, self.spools)
            wb.properties.modified = datetime.datetime.now(
                tz=datetime.timezone.utc).replace(tzinfo=None)
            ExcelWriter(wb, archive).save()
        finally:
            for s in self.spools:
                s.close()


class _Archive(zipfile.ZipFile):
    """The workbook's zip: a part holding a links marker gets the links' relationships in its
    place, written one at a time."""

    def __init__(self, filename, spools: list[LinkSpool]) -> None:
        super().__init__(filename, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.spools = spools

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs) -> None:
        text = data.encode("utf-8") if isinstance(data, str) else data
        start = text.find(b"<" + _MARK.encode())
        if start < 0:
            return super().writestr(zinfo_or_arcname, data, *args, **kwargs)
        end = text.index(b"/>", start) + 2
        key = int(text[start:end].split(b'key="')[1].split(b'"')[0])
        zinfo = zinfo_or_arcname
        if not isinstance(zinfo, zipfile.ZipInfo):
            # the part's entry as writestr makes it (name, time, compression, permissions)
            zinfo = zipfile.ZipInfo(zinfo, date_time=time.localtime(time.time())[:6])
            zinfo.compress_type = self.compression
            zinfo._compresslevel = self.compresslevel
            zinfo.external_attr = 0o600 << 16
        with self.open(zinfo, "w") as out:
            out.write(text[:start])
            for k, _ref, target in self.spools[key]:
                out.write(tostring(Relationship(type="hyperlink", TargetMode="External",
                                                Target=target, Id=f"rId{k}").to_tree()))
            out.write(text[end:])
