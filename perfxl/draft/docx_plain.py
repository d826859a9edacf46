"""A .docx draft read without python-docx: ``word/document.xml`` through the standard library's
zipfile and defusedxml, for where lxml cannot be loaded (perfxl in a web page, on Pyodide).

``read_units(data, name) -> list[Unit]`` gives exactly the units ``perfxl.draft.reading`` gets
from python-docx (tests compare the two on every kind of .docx the suite has): the children
``<w:p>`` and ``<w:tbl>`` of ``<w:body>`` in order; a paragraph's text is its ``w:r`` and
``w:hyperlink`` runs (``w:t`` text, ``w:tab``/``w:ptab`` a tab, ``w:br`` of type textWrapping and
``w:cr`` a line break, ``w:noBreakHyphen`` "-"), as python-docx's ``Paragraph.text``; a table's
cells come from ``perfxl.draft.docx_tables.cells`` (the walk the python-docx path uses), each
cell's paragraphs joined by ``\\n``.  The draft ends at the paragraph
``perfxl.outputs.FINDINGS_APPENDIX``.  XML comments and processing instructions are dropped by
the parser (text kept), as ``perfxl.draft.guard`` strips them for python-docx.  Source:
ECMA-376 Part 1, 17.3 (paragraphs and runs).

Raises ``DraftFormatError`` (Chinese) for what ``perfxl.draft.guard.check_docx`` refuses and for a
package without a readable ``word/document.xml``.
"""
from __future__ import annotations

import io
import zipfile

from defusedxml import ElementTree

from perfxl.draft.docx_tables import W, cells
from perfxl.draft.reading import Unit
from perfxl.errors import DraftFormatError

__all__ = ["read_units"]

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
            out.extend(_run_text(r) for r in e.findall(f"{W}r"))
    return "".join(out)


def _document(data: bytes, name: str):
    from perfxl.draft.guard import check_docx

    check_docx(data, name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise DraftFormatError("不是 Word 文档（压缩包内没有 word/document.xml）；"
                                       "请在 Word 中另存为 .docx", file=name)
            return ElementTree.fromstring(z.read("word/document.xml"))
    except DraftFormatError:
        raise
    except Exception as exc:  # zipfile / defusedxml raise many types for damage
        raise DraftFormatError(f"无法读取 Word 文档（{type(exc).__name__}）；请在 Word 中打开后"
                               "另存为 .docx", file=name) from None


def read_units(data: bytes, name: str = "") -> list[Unit]:
    """The units of the .docx bytes ``data`` (see the module doc); ``name`` for messages."""
    from perfxl.outputs import FINDINGS_APPENDIX

    body = _document(data, name).find(f"{W}body")
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
            for r, c, tc in cells(block):
                units.append(Unit("\n".join(_par_text(p) for p in tc.findall(f"{W}p")),
                                  table=ntab, row=r, col=c))
    return units
