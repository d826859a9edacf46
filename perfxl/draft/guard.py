"""Guards on a report draft before any parser reads it, and a python-docx document safe to walk
and to save again (issue 24): the same limits workbooks have (``perfxl.io.reading.sniff``).

* ``read_input(path)``: the bytes of a draft, read once without blocking (a FIFO, a device, a
  socket, a folder refused: ``perfxl.io.reading.regular``), at most ``MAX_FILE`` bytes.
* ``open_docx(data, name)``: the python-docx ``Document`` of those bytes, after
  ``check_package``: a zip of at most ``sniff.MAX_MEMBERS`` members, ``sniff.MAX_UNCOMPRESSED``
  bytes in all as the headers declare them (all Python's zipfile ever inflates: a member that
  inflates to more fails its CRC), a compression ratio of at most ``sniff.MAX_RATIO`` above
  10 MB, no XML part over ``MAX_XML_PART`` bytes, and no DTD in any XML part (``<!DOCTYPE`` or
  ``<!ENTITY``: an entity is never declared, so never expanded nor written back half-resolved).
  Every part is read to its end once (CRC checked) in 1 MiB steps, so a zip bomb is refused with
  flat memory.  In the document loaded, XML comments and processing instructions are removed
  (their text kept): Word ignores them, and inside a ``<w:t>`` they cut the run's text in two for
  python-docx (``Paragraph.text`` stops at the comment, a split run duplicates text).

Errors: ``perfxl.errors.DraftFormatError`` (Chinese, naming the file; the CLI exits 2).
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from perfxl.errors import DraftFormatError
from perfxl.io.reading.regular import read_regular

if TYPE_CHECKING:
    import zipfile

# zipfile and the workbook limits (perfxl.io.reading.sniff) are imported by the .docx checks
# only: a .txt draft's check does not pay for them

__all__ = ["read_input", "check_package", "check_docx", "open_docx", "MAX_FILE", "MAX_XML_PART"]

MAX_FILE = 50 * 1024 * 1024      # bytes on disk: a report draft, pictures included
#: Bytes of one XML part (document.xml), as declared: python-docx took 390 MB of memory to read
#: a document.xml of 60 MB (290,000 paragraphs), so the limit keeps a draft's read well inside
#: 500 MB; the longest seed report's is 40 kB.
MAX_XML_PART = 32 * 1024 * 1024
_STEP = 1 << 20
_BIG = 10 * 1024 * 1024          # the compression ratio counts above this (as for workbooks)


def read_input(path: str | Path) -> bytes:
    """The bytes of the draft ``path``; ``DraftFormatError`` for a missing, unreadable, empty,
    too large or non-regular file (FIFO, device, socket, folder)."""
    data = read_regular(path, MAX_FILE, DraftFormatError, "报告文件")
    if not data:
        raise DraftFormatError("文件是空的", file=str(path))
    if len(data) > MAX_FILE:
        raise DraftFormatError(f"文件过大（超过 {MAX_FILE // 1024 // 1024} MB），不像报告草稿",
                               file=str(path))
    return data


def check_package(data: bytes, name: str) -> None:
    """Raise ``DraftFormatError`` unless the .docx bytes ``data`` pass the limits above."""
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            _check_members(zf, name)
    except DraftFormatError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error, OverflowError,
            RuntimeError, NotImplementedError) as exc:
        raise DraftFormatError(f"文件已损坏或不完整（{type(exc).__name__}）；请在 Word 中打开后"
                               "另存为 .docx", file=name) from None


def _check_members(zf: zipfile.ZipFile, name: str) -> None:
    from perfxl.io.reading import sniff

    infos = zf.infolist()
    if len(infos) > sniff.MAX_MEMBERS:
        raise DraftFormatError("压缩包成员过多，疑似异常文件，已拒绝读取", file=name)
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > sniff.MAX_UNCOMPRESSED or total > _BIG and total / packed > sniff.MAX_RATIO:
        raise DraftFormatError(f"解压后体积异常（{total // 1024 // 1024} MB，压缩比 "
                               f"{total // packed}），疑似压缩炸弹，已拒绝读取；"
                               "请在 Word 中打开后另存为 .docx", file=name)
    if "word/document.xml" not in {i.filename for i in infos}:
        raise DraftFormatError("不是 Word 文档（压缩包内没有 word/document.xml）；"
                               "请在 Word 中另存为 .docx", file=name)
    for info in infos:
        if not info.is_dir():
            _scan(zf, info, name)


def _scan(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Read one member to its end; an XML member may hold no DTD and be at most MAX_XML_PART."""
    from perfxl.io.reading import sniff

    xml: bool | None = None
    pending = b""
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_STEP)
            if xml is None:
                xml = sniff._looks_like_xml(chunk[:64])
                if xml and info.file_size > MAX_XML_PART:
                    raise DraftFormatError(
                        f"文档内部 XML（{info.filename}）过大（{info.file_size // 1024 // 1024} MB），"
                        "疑似异常文件，已拒绝读取；请在 Word 中打开后另存为 .docx", file=name)
            if not chunk:
                return
            if not xml:
                continue
            buf = pending + chunk
            if any(m in buf for m in sniff._MARKUP) and (
                    any(d in buf for d in sniff._DOCTYPE) or any(e in buf for e in sniff._ENTITY)):
                raise DraftFormatError(
                    f"文档内部 XML（{info.filename}）含有 DTD 或实体声明，Word 保存的文档不会有，"
                    "可能是恶意构造的文件，已拒绝读取；请在 Word 中打开后另存为 .docx", file=name)
            pending = buf[-64:]


def check_docx(data: bytes, name: str) -> None:
    """Refuse, before any parser sees them, bytes that are not a .docx within the limits: an
    OLE container (encrypted .docx or .doc), not a zip, ``check_package``'s limits."""
    from perfxl.io.reading import sniff

    if data.startswith(sniff.OLE_MAGIC):
        raise DraftFormatError("这是加密（设有打开密码）的 .docx 或旧版 .doc 文件；请在 Word 中"
                               "取消密码并另存为 .docx 后再校对", file=name)
    if not data.startswith(b"PK"):
        raise DraftFormatError("不是有效的 .docx 文件（文件已损坏或并非 Word 文档）；请在 Word "
                               "中打开后另存为 .docx", file=name)
    check_package(data, name)


def open_docx(data: bytes, name: str):
    """The python-docx ``Document`` of the .docx bytes ``data`` (``check_docx`` first), with
    XML comments and processing instructions removed from every XML part (text kept)."""
    check_docx(data, name)
    try:
        import docx
        from lxml import etree

        doc = docx.Document(io.BytesIO(data))
        for part in doc.part.package.iter_parts():
            el = getattr(part, "_element", None)
            if el is not None:
                etree.strip_elements(el, etree.Comment, etree.ProcessingInstruction,
                                     with_tail=False)
    except Exception as exc:  # python-docx / lxml / zipfile raise many types for damage
        raise DraftFormatError(f"无法读取 Word 文档（{type(exc).__name__}）；请在 Word 中打开后"
                               "另存为 .docx", file=name) from None
    return doc
