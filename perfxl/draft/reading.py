"""Reading a 自评报告 draft (.txt, .docx or .pdf) into ``Unit`` records, each text + where it is.

* ``.pdf`` (text layer): ``perfxl.draft.pdf`` (paragraphs and ruled tables by position, each
  unit with its ``page``; a scan without text is refused).

* ``.txt``: one unit per line (``line`` 1-based).  Decoded by ``perfxl.draft.encoding``: UTF-8,
  UTF-16/32 with their byte order mark, else GB18030 (a superset of GBK and GB2312) when the
  text is plausible Chinese, else Big5 (which GB18030 would read as garbage); strictly.
* ``.docx`` (python-docx; where it cannot be imported, ``perfxl.draft.docx_plain`` gives the same
  units from the XML): the children of the document body in body order.  Each body
  paragraph ``<w:p>`` is one unit whose ``paragraph`` is its 1-based index among the body
  paragraphs only (the order of ``Document.paragraphs``; paragraphs inside tables are not
  counted).  Each cell of a body table is one unit with ``table`` (1-based index among the body
  tables, ``Document.tables`` order), ``row`` and ``col`` (1-based grid position, as python-docx
  numbers ``_Row.cells``; a merged cell is read once, at its first position; walked by
  ``perfxl.draft.docx_tables``, which tables python-docx cannot walk do not break); its text is the cell's
  paragraphs joined by ``\\n``.  ``quote`` of a finding is an exact substring of the unit text,
  i.e. of ``Paragraph.text`` (runs concatenated) for a paragraph.  The draft ends at a paragraph
  reading ``perfxl.outputs.FINDINGS_APPENDIX`` (the findings a generated report lists last).

Errors: ``perfxl.errors.DraftFormatError`` with a Chinese message (the CLI exits 2, nothing is
written) for a missing or empty file, a FIFO, device, socket or folder, a package over the
limits of ``perfxl.draft.guard`` (zip bombs, a DTD), an unknown extension, a .doc (OLE), an encrypted .docx (an
OLE container too), a file that is not a zip or lacks ``word/document.xml``, a text in an
unknown encoding or with NUL bytes (binary).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from perfxl.draft.encoding import decode_text
from perfxl.errors import DraftFormatError

__all__ = ["Unit", "read_draft", "units_from_text", "decode_text", "EXTENSIONS"]

EXTENSIONS = (".txt", ".docx", ".pdf")


@dataclass(frozen=True)
class Unit:
    """One line (.txt), body paragraph or table cell (.docx) with its text."""

    text: str
    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    #: the page of a PDF draft (``perfxl.draft.pdf``); ``paragraph`` then counts on that page
    page: int | None = None

    @property
    def in_table(self) -> bool:
        return self.table is not None


def units_from_text(text: str) -> list[Unit]:
    """A text already in memory: one unit per line (``\\r\\n`` and ``\\r`` count as ``\\n``)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [Unit(t, line=i) for i, t in enumerate(lines, 1)]


def _read_docx(data: bytes, name: str) -> list[Unit]:
    from perfxl.draft.guard import open_docx

    try:
        import docx  # noqa: F401
    except ImportError:  # no lxml (perfxl in a web page): the standard-library reader
        from perfxl.draft.docx_plain import read_units
        return read_units(data, name)
    doc = open_docx(data, name)  # the package's limits checked before python-docx parses it
    try:
        return _docx_units(doc)
    except Exception as exc:  # noqa: BLE001 - content python-docx cannot walk: a refusal
        raise DraftFormatError(f"Word 文档的内容结构异常，无法读取（{type(exc).__name__}）；"
                               "请在 Word 中打开后另存为 .docx", file=name) from None


def _docx_units(doc) -> list[Unit]:
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from perfxl.draft.docx_tables import cells
    from perfxl.outputs import FINDINGS_APPENDIX

    units: list[Unit] = []
    npar = ntab = 0
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip() == FINDINGS_APPENDIX:
                break  # perfxl's own list of findings, to be deleted: not part of the draft
            npar += 1
            units.append(Unit(block.text, paragraph=npar))
        elif isinstance(block, Table):
            ntab += 1
            # each cell once, at its first grid position (merged cells: docx_tables)
            for r, c, tc in cells(block._tbl):
                units.append(Unit("\n".join(Paragraph(p, block).text
                                            for p in tc.iterchildren(qn("w:p"))),
                                  table=ntab, row=r, col=c))
    return units


def read_draft(path: str | Path) -> list[Unit]:
    """The units of a .txt, .docx or .pdf draft, in document order (see the module doc)."""
    path = Path(path)
    name = str(path)
    ext = path.suffix.lower()
    if ext == ".doc":
        raise DraftFormatError("不支持旧版 Word 97-2003 文档（.doc）；请在 Word 中另存为 .docx",
                               file=name)
    if ext not in EXTENSIONS:
        raise DraftFormatError(f"不支持的报告文件类型“{path.suffix}”；请提供 .docx、.txt 或 .pdf",
                               file=name)
    from perfxl.draft.guard import read_input

    data = read_input(path)  # never blocks: a FIFO, a device, a folder refused
    if ext == ".txt":
        units = units_from_text(decode_text(data, name))
    elif ext == ".pdf":
        from perfxl.draft.pdf import read_pdf  # pdfplumber: the [pdf] extra
        units = read_pdf(path, data)
    else:
        units = _read_docx(data, name)
    if not any(u.text.strip() for u in units):
        raise DraftFormatError("报告中没有文字", file=name)
    return units
