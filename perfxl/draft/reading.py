"""Reading a 自评报告 draft (.txt, .docx or .pdf) into ``Unit`` records, each text + where it is.

* ``.pdf`` (text layer): ``perfxl.draft.pdf`` (paragraphs and ruled tables by position, each
  unit with its ``page``; a scan without text is refused).

* ``.txt``: one unit per line (``line`` 1-based).  Decoded as UTF-8 (a BOM allowed), else
  GB18030 (a superset of GBK and GB2312), both strictly; anything else is refused.
* ``.docx`` (python-docx): the children of the document body in body order.  Each body
  paragraph ``<w:p>`` is one unit whose ``paragraph`` is its 1-based index among the body
  paragraphs only (the order of ``Document.paragraphs``; paragraphs inside tables are not
  counted).  Each cell of a body table is one unit with ``table`` (1-based index among the body
  tables, ``Document.tables`` order), ``row`` and ``col`` (1-based, grid position as python-docx
  gives it; a merged cell is read once, at its first position); its text is the cell's
  paragraphs joined by ``\\n``.  ``quote`` of a finding is an exact substring of the unit text,
  i.e. of ``Paragraph.text`` (runs concatenated) for a paragraph.  The draft ends at a paragraph
  reading ``perfxl.outputs.FINDINGS_APPENDIX`` (the findings a generated report lists last).

Errors: ``perfxl.errors.DraftFormatError`` with a Chinese message (the CLI exits 2, nothing is
written) for a missing or empty file, an unknown extension, a .doc (OLE), an encrypted .docx (an
OLE container too), a file that is not a zip or lacks ``word/document.xml``, a text in an
unknown encoding or with NUL bytes (binary).
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from perfxl.errors import DraftFormatError

__all__ = ["Unit", "read_draft", "units_from_text", "decode_text", "EXTENSIONS"]

EXTENSIONS = (".txt", ".docx", ".pdf")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_FILE = 50 * 1024 * 1024


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


def decode_text(data: bytes, file: str = "") -> str:
    """UTF-8 (BOM allowed) or GB18030, strictly; NUL bytes mean a binary file."""
    if b"\x00" in data:
        raise DraftFormatError("不是文本文件（含二进制内容）；请另存为 UTF-8 编码的 .txt 或 .docx",
                               file=file)
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise DraftFormatError("无法识别文本编码（既不是 UTF-8 也不是 GBK/GB18030）；"
                           "请在记事本中另存为 UTF-8 编码", file=file)


def _read_docx(path: Path, head: bytes) -> list[Unit]:
    name = str(path)
    if head.startswith(OLE_MAGIC):
        raise DraftFormatError("这是加密（设有打开密码）的 .docx 或旧版 .doc 文件；请在 Word 中"
                               "取消密码并另存为 .docx 后再校对", file=name)
    if not zipfile.is_zipfile(path):
        raise DraftFormatError("不是有效的 .docx 文件（文件已损坏或并非 Word 文档）；请在 Word "
                               "中打开后另存为 .docx", file=name)
    try:
        with zipfile.ZipFile(path) as z:
            if "word/document.xml" not in z.namelist():
                raise DraftFormatError("不是 Word 文档（压缩包内没有 word/document.xml）；"
                                       "请在 Word 中另存为 .docx", file=name)
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        doc = docx.Document(str(path))
    except DraftFormatError:
        raise
    except Exception as exc:  # python-docx / lxml / zipfile raise many types for damage
        raise DraftFormatError(f"无法读取 Word 文档（{type(exc).__name__}）；请在 Word 中打开后"
                               "另存为 .docx", file=name) from exc
    units: list[Unit] = []
    npar = ntab = 0
    from perfxl.outputs import FINDINGS_APPENDIX
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip() == FINDINGS_APPENDIX:
                break  # perfxl's own list of findings, to be deleted: not part of the draft
            npar += 1
            units.append(Unit(block.text, paragraph=npar))
        elif isinstance(block, Table):
            ntab += 1
            seen = set()
            for r, row in enumerate(block.rows, 1):
                for c, cell in enumerate(row.cells, 1):
                    # a merged cell repeats in every grid slot; the set keeps the elements
                    # alive, so lxml hands back the same proxy for the same <w:tc>
                    if cell._tc in seen:
                        continue
                    seen.add(cell._tc)
                    units.append(Unit("\n".join(p.text for p in cell.paragraphs), table=ntab,
                                      row=r, col=c))
    return units


def read_draft(path: str | Path) -> list[Unit]:
    """The units of a .txt or .docx draft, in document order (see the module doc)."""
    path = Path(path)
    name = str(path)
    ext = path.suffix.lower()
    if ext == ".doc":
        raise DraftFormatError("不支持旧版 Word 97-2003 文档（.doc）；请在 Word 中另存为 .docx",
                               file=name)
    if ext not in EXTENSIONS:
        raise DraftFormatError(f"不支持的报告文件类型“{path.suffix}”；请提供 .docx、.txt 或 .pdf",
                               file=name)
    if not path.is_file():
        raise DraftFormatError("文件不存在", file=name)
    size = path.stat().st_size
    if size == 0:
        raise DraftFormatError("文件是空的", file=name)
    if size > MAX_FILE:
        raise DraftFormatError("文件过大（超过 50 MB），不像报告草稿", file=name)
    if ext == ".txt":
        units = units_from_text(decode_text(path.read_bytes(), name))
    elif ext == ".pdf":
        from perfxl.draft.pdf import read_pdf  # pdfplumber: the [pdf] extra
        units = read_pdf(path)
    else:
        with path.open("rb") as fh:
            head = fh.read(8)
        units = _read_docx(path, head)
    if not any(u.text.strip() for u in units):
        raise DraftFormatError("报告中没有文字", file=name)
    return units
