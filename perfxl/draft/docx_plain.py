"""A .docx draft read without python-docx: ``word/document.xml`` through the standard library's
zipfile and defusedxml, for where lxml cannot be loaded (perfxl in a web page, on Pyodide).

``read_units(path) -> list[Unit]`` gives exactly the units ``perfxl.draft.reading`` gets from
python-docx (tests compare the two on every .docx the suite has): the children ``<w:p>`` and
``<w:tbl>`` of ``<w:body>`` in order; a paragraph's text is its ``w:r`` and ``w:hyperlink`` runs
(``w:t`` text, ``w:tab``/``w:ptab`` a tab, ``w:br`` of type textWrapping and ``w:cr`` a line break,
``w:noBreakHyphen`` "-"); a table cell is read once, at its first grid position in its row, its
paragraphs joined by ``\\n``; a vertically merged continuation belongs to the cell above.  The
draft ends at the paragraph ``perfxl.outputs.FINDINGS_APPENDIX``.  Source: ECMA-376 Part 1, 17.3
(paragraphs and runs) and 17.4 (tables: ``gridBefore``, ``gridSpan``, ``vMerge``).

Raises whatever zipfile / defusedxml raise on a damaged package; the caller turns that into a
``DraftFormatError``.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from defusedxml import ElementTree

from perfxl.draft.reading import Unit

__all__ = ["read_units"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_TEXT = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


def _run_text(r) -> str:
    out = []
    for e in r:
        if e.tag == f"{W}t":
            out.append(e.text or "")
        elif e.tag == f"{W}br":
            out.append("\n" if e.get(f"{W}type", "textWrapping") == "textWrapping" else "")
        else:
            out.append(_RUN_TEXT.get(e.tag, ""))
    return "".join(out)


def _par_text(p) -> str:
    out = []
    for e in p:
        if e.tag == f"{W}r":
            out.append(_run_text(e))
        elif e.tag == f"{W}hyperlink":
            out.extend(_run_text(r) for r in e if r.tag == f"{W}r")
    return "".join(out)


def _int_val(parent, path: str, default: int) -> int:
    e = parent.find(path) if parent is not None else None
    try:
        return int(e.get(f"{W}val")) if e is not None else default
    except (TypeError, ValueError):
        return default


def _table_units(tbl, ntab: int) -> list[Unit]:
    units: list[Unit] = []
    above: dict[int, object] = {}  # grid offset -> the root <w:tc> of the cell there, last row
    seen: set[int] = set()
    for r, tr in enumerate(tbl.findall(f"{W}tr"), 1):
        offset = _int_val(tr.find(f"{W}trPr"), f"{W}gridBefore", 0)
        c = 0  # position in the row's cells, as python-docx counts them (spans repeated)
        row_roots: dict[int, object] = {}
        for tc in tr.findall(f"{W}tc"):
            pr = tc.find(f"{W}tcPr")
            span = _int_val(pr, f"{W}gridSpan", 1)
            vmerge = pr.find(f"{W}vMerge") if pr is not None else None
            root = tc
            if vmerge is not None and vmerge.get(f"{W}val", "continue") == "continue" \
                    and offset in above:
                root = above[offset]
            for _ in range(span if root is tc else _span_of(root)):
                c += 1
                if id(root) not in seen:
                    seen.add(id(root))
                    text = "\n".join(_par_text(p) for p in root.findall(f"{W}p"))
                    units.append(Unit(text, table=ntab, row=r, col=c))
            row_roots[offset] = root
            offset += span
        above = row_roots
    return units


def _span_of(tc) -> int:
    return _int_val(tc.find(f"{W}tcPr"), f"{W}gridSpan", 1)


def read_units(path: str | Path) -> list[Unit]:
    """The units of the .docx at ``path`` (see the module doc)."""
    from perfxl.outputs import FINDINGS_APPENDIX

    with zipfile.ZipFile(path) as z:
        root = ElementTree.fromstring(z.read("word/document.xml"))
    body = root.find(f"{W}body")
    units: list[Unit] = []
    npar = ntab = 0
    for block in (body if body is not None else ()):
        if block.tag == f"{W}p":
            text = _par_text(block)
            if text.strip() == FINDINGS_APPENDIX:
                break  # perfxl's own list of findings, to be deleted: not part of the draft
            npar += 1
            units.append(Unit(text, paragraph=npar))
        elif block.tag == f"{W}tbl":
            ntab += 1
            units.extend(_table_units(block, ntab))
    return units
