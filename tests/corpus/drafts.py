"""The hostile report drafts of issue 24 (annotate, drafts, --prior, batch), built by code.

Every entry has a ``name``, a ``build`` function (folder -> path) and an expected outcome:

* ``READS``: the draft is read; ``perfxl check`` exits 0 or 1, ``perfxl annotate`` writes a copy
  that python-docx opens and whose text is the input's, paragraph by paragraph and cell by cell
  (``text`` of the entry: the text the reader must give, when it differs from a plain reading);
* ``refused(text)``: exit 2, ``text`` in the Chinese message on stderr, nothing written.

The base draft is the held-out county report (``tests/data/drafts``) as a .docx, one paragraph
a line, with a 3 x 3 table; each entry changes only the XML concerned.  The bombs are written
as raw deflate streams (1 GiB of zeros packs into 1 MB), so no step ever holds them inflated.
"""
from __future__ import annotations

import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
BASE_TXT = ROOT / "tests" / "data" / "drafts" / "heldout-county-agri-2023.txt"
GIB = 1 << 30
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


@dataclass(frozen=True)
class DraftEntry:
    name: str
    build: Callable[[Path], Path]
    #: "reads" or "refused"; for "refused" ``text`` is part of the message
    kind: str
    what: str
    text: str | None = None
    #: commands that take this input (a .txt cannot be annotated)
    annotate: bool = True


def base_docx(path: Path, *, table_rows: int = 3) -> Path:
    import docx

    d = docx.Document()
    for line in BASE_TXT.read_text("utf-8").splitlines()[:12]:
        d.add_paragraph(line)
    t = d.add_table(rows=table_rows, cols=3)
    for j, head in enumerate(("指标", "年度指标值", "实际完成值")):
        t.cell(0, j).text = head
    if table_rows > 2:
        t.cell(1, 0).text = "新建高标准农田"
        t.cell(1, 1).text = "2.5万亩"
        t.cell(1, 2).text = "2.6万亩"
    d.add_paragraph("项目实际支出486万元。")
    d.save(str(path))
    return path


def edit_member(src: Path, dst: Path, member: str, fn: Callable[[bytes], bytes],
                add: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, fn(data) if info.filename == member else data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def _doc(folder: Path, name: str, fn: Callable[[bytes], bytes], **kw) -> Path:
    base = base_docx(folder / "base.docx", **kw)
    out = edit_member(base, folder / f"{name}.docx", "word/document.xml", fn)
    base.unlink()
    return out


def _sub(old: str, new: str, count: int = 1) -> Callable[[bytes], bytes]:
    def fn(data: bytes) -> bytes:
        text = data.decode("utf-8")
        assert old in text, old
        return text.replace(old, new, count).encode("utf-8")
    return fn


# ---- annotate corrupting its copy -------------------------------------------------------------
def _both(*fns: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    def fn(data: bytes) -> bytes:
        for f in fns:
            data = f(data)
        return data
    return fn


def b_comment_in_run(folder: Path) -> Path:
    """Two XML comments inside runs' text; a finding (执行率 468/520 = 90%, not 92%) falls
    before the second, so annotate splits the run that holds it."""
    return _doc(folder, "comment-in-run", _both(
        _sub("项目资金总额520万元", "项目资金总额<!--c-->520万元"),
        _sub("预算执行率为92%。", "预算执行率为92%<!--c-->。")))


def b_pi_in_run(folder: Path) -> Path:
    return _doc(folder, "pi-in-run", _both(
        _sub("项目资金总额520万元", "项目资金总额<?perfxl x?>520万元"),
        _sub("预算执行率为92%。", "预算执行率为92%<?perfxl y?>。")))


def b_dtd_entity(folder: Path) -> Path:
    def fn(data: bytes) -> bytes:
        text = data.decode("utf-8")
        decl = text.index("?>") + 2
        text = (text[:decl] + '<!DOCTYPE w:document [<!ENTITY x "520万元">]>' + text[decl:])
        return text.replace("项目资金总额520万元", "项目资金总额&x;", 1).encode("utf-8")
    return _doc(folder, "dtd-entity", fn)


def _comments_xml(ids: list[str]) -> bytes:
    body = "".join(f'<w:comment w:id="{i}" w:author="审核人" w:initials="SH">'
                   f'<w:p><w:r><w:t>请核对第{n}处</w:t></w:r></w:p></w:comment>'
                   for n, i in enumerate(ids, 1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:comments xmlns:w="{W}">{body}</w:comments>').encode("utf-8")


def _with_comments(folder: Path, name: str, ids: list[str], content_type: str) -> Path:
    """The base with existing reviewer comments of ``ids`` on the first paragraphs, in a
    comments part declared ``content_type``."""
    base = base_docx(folder / "base.docx")
    out = folder / f"{name}.docx"
    def doc(data: bytes) -> bytes:  # comment i on the first run of paragraph i
        text = data.decode("utf-8")
        pos = text.index("<w:body>")
        for i in ids:
            start = text.index("<w:r>", pos)
            end = text.index("</w:r>", start) + len("</w:r>")
            text = (text[:start] + f'<w:commentRangeStart w:id="{i}"/>' + text[start:end]
                    + f'<w:commentRangeEnd w:id="{i}"/><w:r><w:commentReference w:id="{i}"/>'
                    + "</w:r>" + text[end:])
            pos = text.index("</w:p>", start)
        return text.encode("utf-8")

    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = doc(data)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", f'<Override PartName="/word/comments.xml" '
                                    f'ContentType="{content_type}"/></Types>'.encode())
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", f'<Relationship Id="rId900" '
                                    f'Type="{COMMENTS_RT}" Target="comments.xml"/>'
                                    f'</Relationships>'.encode())
            zout.writestr(info.filename, data)
        zout.writestr("word/comments.xml", _comments_xml(ids))
    base.unlink()
    return out


def b_comment_ids_text(folder: Path) -> Path:
    return _with_comments(folder, "comment-ids-text", ["c0", "c1"], COMMENTS_CT)


def b_comments_application_xml(folder: Path) -> Path:
    return _with_comments(folder, "comments-application-xml", ["0"], "application/xml")


# ---- memory -----------------------------------------------------------------------------------
def _deflate_repeated(byte: bytes, n: int, head: bytes = b"", tail: bytes = b"") -> tuple[bytes, int, int]:
    """(raw deflate stream, CRC-32, size) of ``head + byte * n + tail``, built in 1 MiB steps."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    step = byte * (1 << 20)
    parts, crc = [comp.compress(head)], zlib.crc32(head)
    left = n
    while left:
        chunk = step if left >= len(step) else byte * left
        parts.append(comp.compress(chunk))
        crc = zlib.crc32(chunk, crc)
        left -= len(chunk)
    parts.append(comp.compress(tail))
    crc = zlib.crc32(tail, crc)
    parts.append(comp.flush())
    return b"".join(parts), crc, len(head) + n + len(tail)


def _put_raw(src: Path, dst: Path, name: str, raw: bytes, crc: int, size: int,
             add: dict[str, bytes] | None = None, edit: dict[str, Callable[[bytes], bytes]] | None = None) -> Path:
    """Copy ``src`` with member ``name`` replaced (or added) by a pre-deflated stream."""
    edit = edit or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == name:
                continue
            data = zin.read(info.filename)
            if info.filename in edit:
                data = edit[info.filename](data)
            zout.writestr(info.filename, data)
        for n, data in (add or {}).items():
            zout.writestr(n, data)
        zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        zi.CRC, zi.compress_size, zi.file_size = crc, len(raw), size
        zout.fp.seek(zout.start_dir)
        zi.header_offset = zout.fp.tell()
        zout.fp.write(zi.FileHeader(zip64=size > zipfile.ZIP64_LIMIT))
        zout.fp.write(raw)
        zout.start_dir = zout.fp.tell()
        zout.filelist.append(zi)
        zout.NameToInfo[name] = zi
        zout._didModify = True
    return dst


def b_zeros_in_media(folder: Path) -> Path:
    base = base_docx(folder / "base.docx")
    raw, crc, size = _deflate_repeated(b"\0", GIB)
    rel = (b'<Relationship Id="rId901" Type="http://schemas.openxmlformats.org/officeDocument/'
           b'2006/relationships/image" Target="media/image1.png"/></Relationships>')
    out = _put_raw(base, folder / "zeros-in-media.docx", "word/media/image1.png", raw, crc, size,
                   edit={"word/_rels/document.xml.rels":
                         lambda d: d.replace(b"</Relationships>", rel)})
    base.unlink()
    return out


def b_blanks_in_document(folder: Path) -> Path:
    base = base_docx(folder / "base.docx")
    with zipfile.ZipFile(base) as z:
        xml = z.read("word/document.xml")
    cut = xml.index(b"<w:body>") + len(b"<w:body>")
    raw, crc, size = _deflate_repeated(b" ", GIB, xml[:cut], xml[cut:])
    out = _put_raw(base, folder / "blanks-in-document.docx", "word/document.xml", raw, crc, size)
    base.unlink()
    return out


def b_gridspan_huge(folder: Path) -> Path:
    return _doc(folder, "gridspan-huge", _first_cell_pr('<w:gridSpan w:val="200000000"/>'))


# ---- tables python-docx cannot walk -----------------------------------------------------------
def _first_cell_pr(xml: str, nth: int = 0) -> Callable[[bytes], bytes]:
    """Put ``xml`` into the ``w:tcPr`` of the ``nth`` cell of the table."""
    def fn(data: bytes) -> bytes:
        text = data.decode("utf-8")
        pos = -1
        for _ in range(nth + 1):
            pos = text.index("<w:tcPr>", pos + 1)
        pos += len("<w:tcPr>")
        return (text[:pos] + xml + text[pos:]).encode("utf-8")
    return fn


def b_vmerge_top(folder: Path) -> Path:
    return _doc(folder, "vmerge-top-row", _first_cell_pr("<w:vMerge/>"))


def b_gridspan_text(folder: Path) -> Path:
    return _doc(folder, "gridspan-text", _first_cell_pr('<w:gridSpan w:val="two"/>'))


def b_merge_under_unfilled(folder: Path) -> Path:
    """Row 1 has two cells (the third column unfilled); row 2 continues a merge at column 3."""
    def fn(data: bytes) -> bytes:
        text = data.decode("utf-8")
        row1 = text.index("<w:tr")
        end1 = text.index("</w:tr>", row1)
        last_tc = text.rindex("<w:tc>", row1, end1)
        text = text[:last_tc] + text[text.index("</w:tc>", last_tc) + len("</w:tc>"):]
        return _first_cell_pr("<w:vMerge/>", nth=4)(text.encode("utf-8"))
    return _doc(folder, "merge-under-unfilled", fn)


def b_vmerge_long(folder: Path) -> Path:
    """1,500 rows whose first column is one vertical merge."""
    def fn(data: bytes) -> bytes:
        text = data.decode("utf-8")
        start = text.index("<w:tr")
        end = text.rindex("</w:tr>") + len("</w:tr>")
        rows = ['<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>产出指标'
                '</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数量</w:t></w:r></w:p></w:tc></w:tr>']
        rows += [f'<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>'
                 f'第{i}项</w:t></w:r></w:p></w:tc></w:tr>' for i in range(2, 1501)]
        return (text[:start] + "".join(rows) + text[end:]).encode("utf-8")
    return _doc(folder, "vmerge-1500-rows", fn)


# ---- texts ------------------------------------------------------------------------------------
def _txt(folder: Path, name: str, data: bytes) -> Path:
    p = folder / f"{name}.txt"
    p.write_bytes(data)
    return p


#: 300 + 150 + 80 is not 520: a finding (PX604) whichever encoding the text is read in.
BIG5_TEXT = "項目資金總額520萬元，其中中央資金300萬元、省級資金150萬元、縣級配套資金80萬元。\n"
UTF16_TEXT = "项目资金总额520万元，其中中央资金300万元、省级资金150万元、县级配套资金70万元。\n"


def b_big5(folder: Path) -> Path:
    return _txt(folder, "big5", BIG5_TEXT.encode("big5") * 3)


def b_utf16(folder: Path) -> Path:
    return _txt(folder, "utf16-bom", b"\xff\xfe" + UTF16_TEXT.encode("utf-16-le"))


def b_utf16_be(folder: Path) -> Path:
    return _txt(folder, "utf16-be-bom", b"\xfe\xff" + UTF16_TEXT.encode("utf-16-be"))


def b_huge_figure(folder: Path) -> Path:
    return _txt(folder, "figure-400-digits",
                f"本年支出{'9' * 400}万元，较上年的1万元增长5%。\n".encode("utf-8"))


#: Control characters a terminal or a CI log acts on: ESC sequences (clear screen, a title, an
#: OSC 8 link), BEL, DEL, C1 controls (U+0085, U+009B CSI, U+009C, U+009D) and bidi overrides.
CONTROLS = "\x1b[2J\x1b]0;pwned\x07\x7f\x85\x9b31m\x9c\x9d\u202e\u2066"


def b_controls(folder: Path) -> Path:
    text = (f"项目全年预算数520万元{CONTROLS}，实际支出468万元，预算执行率为95%{CONTROLS}。\n"
            f"本年支出较上年的410万元增长{CONTROLS}7.32%。\n")
    return _txt(folder, "controls", text.encode("utf-8"))


def b_fifo(suffix: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        p = folder / f"fifo{suffix}"
        if p.exists():
            p.unlink()
        os.mkfifo(p)
        return p
    return build


def b_plain(folder: Path) -> Path:
    return base_docx(folder / "plain.docx")


DRAFTS: tuple[DraftEntry, ...] = (
    DraftEntry("plain", b_plain, "reads", "the base draft itself"),
    DraftEntry("comment-in-run", b_comment_in_run, "reads",
               "an XML comment inside a run's text: <w:t>项目资金总额<!--c-->520万元…</w:t>"),
    DraftEntry("pi-in-run", b_pi_in_run, "reads", "a processing instruction inside a run's text"),
    DraftEntry("dtd-entity", b_dtd_entity, "refused", "an internal DTD entity used in a run",
               text="DTD"),
    DraftEntry("comment-ids-text", b_comment_ids_text, "reads",
               'two reviewer comments with w:id="c0" and "c1"'),
    DraftEntry("comments-application-xml", b_comments_application_xml, "reads",
               "a reviewer comment in a comments part declared application/xml"),
    DraftEntry("zeros-in-media", b_zeros_in_media, "refused",
               "1 GiB of zeros in a related media part (a 1 MB file)", text="压缩炸弹"),
    DraftEntry("blanks-in-document", b_blanks_in_document, "refused",
               "1 GiB of blanks inside word/document.xml", text="压缩炸弹"),
    DraftEntry("gridspan-huge", b_gridspan_huge, "reads", '<w:gridSpan w:val="200000000"/> in a cell'),
    DraftEntry("vmerge-top-row", b_vmerge_top, "reads", "<w:vMerge/> (a continued merge) in the top row"),
    DraftEntry("gridspan-text", b_gridspan_text, "reads", '<w:gridSpan w:val="two"/>'),
    DraftEntry("merge-under-unfilled", b_merge_under_unfilled, "reads",
               "a continued merge under a column the row above does not fill"),
    DraftEntry("vmerge-1500-rows", b_vmerge_long, "reads", "1,500 rows of one vertical merge"),
    DraftEntry("big5", b_big5, "reads", "a Big5 (traditional Chinese) .txt", annotate=False),
    DraftEntry("utf16-bom", b_utf16, "reads", "a UTF-16 LE .txt with its BOM", annotate=False),
    DraftEntry("utf16-be-bom", b_utf16_be, "reads", "a UTF-16 BE .txt with its BOM", annotate=False),
    DraftEntry("figure-400-digits", b_huge_figure, "reads", "a figure of 400 digits", annotate=False),
    DraftEntry("controls", b_controls, "reads",
               "ESC, BEL, DEL, C1 controls and bidi overrides inside sentences with findings",
               annotate=False),
    DraftEntry("fifo-docx", b_fifo(".docx"), "refused", "a FIFO named .docx", text="命名管道"),
    DraftEntry("fifo-txt", b_fifo(".txt"), "refused", "a FIFO named .txt", text="命名管道",
               annotate=False),
)

BY_NAME = {e.name: e for e in DRAFTS}


def build(name: str, folder: Path) -> Path:
    sub = Path(folder) / name
    sub.mkdir(parents=True, exist_ok=True)
    return BY_NAME[name].build(sub)
