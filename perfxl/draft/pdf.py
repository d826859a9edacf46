"""Reading a text-layer PDF draft (a 自评报告 exported by Word / WPS, or the stamped copy a unit
uploads) into ``perfxl.draft.reading.Unit`` records, with pdfplumber (the ``perfxl[pdf]`` extra).

``read_pdf(path) -> list[Unit]``, in reading order, page by page:

* a ruled table (``pdfplumber.Page.find_tables``, by the position of its lines) gives one unit per
  cell, as a .docx table does: ``table`` (1-based over the document), ``row``, ``col``, the cell's
  lines joined as wrapped lines are (a PDF does not tell a wrapped line from a new paragraph
  inside a cell); a table over several pages is one table (``perfxl.draft.pdf_tables``);
* the other text lines are put back into paragraphs by position: a line starts a paragraph when
  it is indented (leading 全角 blanks, or its left edge a character or more right of the page's
  text edge), is a heading (一、 （一） 1.), follows a line that ended short of the right edge,
  or stands farther below the line above than the document's line pitch.  A line that ended
  short only because the number that follows did not fit is no paragraph end.  A wrapped line is joined
  to its paragraph with nothing between (Chinese has no spaces; a number cut at the line end is
  whole again).  An indent is written as 「　　」, one as deep as a tab stop (a table pasted as
  text, one cell per line) as a tab; a gap of a whole empty paragraph or more gives blank units,
  as the blank lines of a .txt.  A page number alone at the top or bottom of a page is dropped.
* a table pasted as text (one cell per line, a tab first, a blank line between rows) prints an
  empty cell and a row's end alike: where its rows cannot be told apart, its rows holding
  figures are read as lines of text (``perfxl.draft.pdf_pasted``); empty lines a page break
  swallowed inside it are counted back (``_swallowed``).
* each unit has ``page`` (1-based) and ``paragraph``, counted from 1 on its page (a finding
  reads 「第 3 页第 2 段」).

Errors (``perfxl.errors.DraftFormatError``, Chinese; the CLI exits 2): pdfplumber not installed
(``pip install perfxl[pdf]``), a damaged or password-protected PDF, more than ``MAX_PAGES``
pages, and a PDF with no text layer (a scan: there is nothing to read without OCR, which perfxl
does not do).
"""
from __future__ import annotations

import io
import re
import statistics
from pathlib import Path

from perfxl.draft.pdf_pasted import unpasted
from perfxl.draft.pdf_tables import Part, cells, continues, parts
from perfxl.draft.reading import Unit
from perfxl.errors import DraftFormatError

__all__ = ["read_pdf"]

_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[)）]|"
                      r"\d{1,2}\s*[.、．](?!\d)|第[一二三四五六七八九十]+[章节部分])")
_PAGE_NUMBER = re.compile(r"^\W*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d{1,4}|"
                          r"[-—]\s*\d{1,4}\s*[-—]|\d{1,4}\s*/\s*\d{1,4})\W*$")
_BLANK = " \t\u3000\u2002\u2003\u00a0"
#: More pages than any 自评报告 has (a 30-page report, its tables, a few appendices): a larger PDF
#: is refused before its pages are read (pdfplumber reads a page in tens of milliseconds).
MAX_PAGES = 1000


def _open(path: Path, data: bytes | None):
    try:
        import pdfplumber
    except ImportError as exc:  # the [pdf] extra is not installed
        raise DraftFormatError("读取 PDF 需要安装 PDF 组件：pip install \"perfxl[pdf]\"；"
                               "或提供 .docx / .txt", file=str(path)) from exc
    try:
        return pdfplumber.open(io.BytesIO(data) if data is not None else str(path))
    except Exception as exc:  # pdfminer raises many types for damage and for a password
        text = f"{type(exc).__name__} {exc}".lower()
        if "password" in text or "encrypt" in text:
            raise DraftFormatError("PDF 设有打开密码，无法读取；请提供未加密的 PDF，或 .docx / .txt",
                                   file=str(path)) from exc
        raise DraftFormatError(f"无法读取 PDF（{type(exc).__name__}）；文件可能已损坏，请重新导出",
                               file=str(path)) from exc


class _Line:
    __slots__ = ("text", "x0", "x1", "top", "bottom", "size", "lead", "ink", "room", "page_width")

    def __init__(self, d: dict) -> None:
        self.text = d["text"]
        self.x0, self.x1, self.top, self.bottom = d["x0"], d["x1"], d["top"], d["bottom"]
        chars = d.get("chars", ())
        sizes = [c.get("size", 0) for c in chars if not c["text"].isspace()]
        self.size = statistics.median(sizes) if sizes else (self.bottom - self.top)
        self.lead = _lead(self, list(chars))
        #: the left edge of the line's first visible character: a blank typed before a tab
        #: (" \t0.81") prints left of the tab stop, the text itself at it
        self.ink = next((c["x0"] for c in chars if c["text"] not in _BLANK), self.x0)
        self.room = 0.0  # from the line's bottom to the page's bottom edge
        self.page_width = 0.0  # the page's width (0: unknown)


def _mode(values: list[float], default: float) -> float:
    if not values:
        return default
    rounded = [round(v, 0) for v in values]
    return max(set(rounded), key=rounded.count)


def _page_items(page, pno: int) -> tuple[list[Part], list[_Line]]:
    """The page's ruled table parts and its text lines (page numbers left out)."""
    try:
        found = parts(page, pno)
    except Exception:  # an odd drawing must not stop the reading: take the text as lines
        found = []
    lines = []
    for d in page.extract_text_lines(return_chars=True, keep_blank_chars=True):
        if not d["text"].strip():
            continue
        line = _Line(d)
        line.room = page.height - line.bottom
        line.page_width = float(page.width)
        edge = min(line.top, page.height - line.bottom)
        if edge < page.height * 0.08 and _PAGE_NUMBER.match(line.text):
            continue  # 页码, 「第 3 页 共 44 页」
        lines.append(line)
    return found, lines


def _inside(line: _Line, box) -> bool:
    x0, top, x1, bottom = box
    return x0 <= (line.x0 + line.x1) / 2 <= x1 and top <= (line.top + line.bottom) / 2 <= bottom


def _tables(pages: list[tuple[list[Part], list[_Line]]]) -> list[list]:
    """Each page's items in reading order: ``(top, "table", [parts])`` for a table's first
    part (with the parts on the next pages that go on with it, ``perfxl.draft.pdf_tables``),
    ``(top, "line", line)`` for a text line outside the tables."""
    out: list[list] = []
    last: list[Part] | None = None  # the parts of the table that ends the page before, if one does
    for found, lines in pages:
        free = [ln for ln in lines if not any(_inside(ln, p.bbox) for p in found)]
        taken: list[tuple[Part, list[Part], bool]] = []  # part, its table, the table's first part
        for n, part in enumerate(sorted(found, key=lambda p: p.bbox[1])):
            # only the page's first thing goes on with the table that ended the page before
            first = n == 0 and not any(ln.top < part.bbox[1] for ln in free)
            if last is not None and first and continues(last[-1], part):
                last.append(part)
                taken.append((part, last, False))
            elif part.is_table:
                taken.append((part, [part], True))
        items = [(p.bbox[1], "table", group) for p, group, head in taken if head]
        items += [(ln.top, "line", ln) for ln in lines
                  if not any(_inside(ln, p.bbox) for p, _, _ in taken)]
        items.sort(key=lambda it: it[0])
        out.append(items)
        end = max(taken, key=lambda t: t[0].bbox[3], default=None)
        last = None if end is None or any(ln.top > end[0].bbox[3] for ln in free) else end[1]
    return out


def _indent(line: _Line, left: float) -> str:
    """The paragraph's indent as a .txt writes it: 「　　」, or a tab for a tab stop."""
    offset = line.ink - left
    if offset < 2.5 * line.size and line.text[:1] in _BLANK:
        return "\u3000\u3000"
    if offset >= 2.5 * line.size:
        return "\t"
    if offset >= 0.8 * line.size:
        return "\u3000\u3000"
    return ""


def _swallowed(last: _Line, first: _Line, top: float, para: float) -> int:
    """Empty lines a page break swallowed inside a table pasted as text (one cell per line, a
    blank line between rows): those that still had room under ``last`` (the bottom margin taken
    as deep as the top one, ``top``: Word's and WPS's margins are so unless changed) and those
    above ``first`` on the next page.  A wrong count only joins or splits rows, which
    ``_unpasted`` then reads as text."""
    return max(0, int((last.room - top) / para)) + max(0, round((first.top - top) / para))


def _join(a: str, b: str) -> str:
    """A wrapped line joined to the one before: nothing between, a space between two words of
    Latin letters."""
    if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha():
        return a + " " + b
    return a + b


def _geometry(lines: list[_Line]) -> tuple[float, float, float, float]:
    """(left edge, right edge, line pitch, paragraph pitch) of the document's text: the
    leftmost edge shared by lines, the right edge of full lines, the most common distance between lines, and
    the most common larger one (paragraph spacing; the line pitch when there is none).
    Measured over the whole document: a page of one-cell lines has no wrapped line to show the
    pitch, nor a full line to show the edge."""
    # the leftmost edge two lines or more share (a stray line further left is no margin)
    edges = sorted(round(ln.x0) for ln in lines)
    left = next((float(a) for a, b in zip(edges, edges[1:]) if b - a <= 1), edges[0] if edges else 0.0)
    right = max((ln.x1 for ln in lines), default=0.0)
    size = statistics.median([ln.size for ln in lines]) if lines else 11.0
    mirror = statistics.median([ln.page_width for ln in lines]) - left if lines else 0.0
    if right < mirror - 3 * size:
        # no line reaches the margin (a short draft, one-line paragraphs): the right margin
        # taken as wide as the left one (Word's and WPS's margins are so unless changed)
        right = mirror
    else:
        full = [ln.x1 for ln in lines if ln.x1 > right - 3 * ln.size]
        if full:
            right = statistics.median(full)
    steps = [b.top - a.top for a, b in zip(lines, lines[1:]) if 0 < b.top - a.top]
    pitch = _mode(steps, 0.0) or size * 1.3
    # a document of one-line paragraphs spaced apart (a form pasted a row a paragraph): the most
    # common step is the paragraph's; the wrapped lines' smaller step is the line pitch
    wrapped = [s for s in steps if size * 0.95 <= s < pitch / 1.25]
    if wrapped:
        pitch = _mode(wrapped, pitch)
    spaced = [s for s in steps if pitch * 1.25 < s <= pitch * 1.9]
    para = _mode(spaced, pitch) if len(spaced) >= 3 else pitch
    return left, right, pitch, para


def _lead(line: _Line, chars: list[dict]) -> float:
    """Width of the word a line starts with (digits, Latin letters and their marks): a line
    before it that ended short may only have lacked room for it."""
    width = 0.0
    for c in chars:
        if c["text"].isspace() or not c["text"].isascii():
            break
        width = c["x1"] - line.x0
    return width


def read_pdf(path: str | Path, data: bytes | None = None) -> list[Unit]:
    """The units of a text-layer PDF (see the module doc); ``data``: its bytes when already read
    (``perfxl.draft.guard.read_input``), else ``path`` is opened."""
    path = Path(path)
    raw: list[tuple[list[Part], list[_Line]]] = []
    with _open(path, data) as pdf:
        try:
            if len(pdf.pages) > MAX_PAGES:
                raise DraftFormatError(f"PDF 有 {len(pdf.pages)} 页，超过 {MAX_PAGES} 页，不像报告草稿；"
                                       "请只提供自评报告本身", file=str(path))
            for pno, page in enumerate(pdf.pages, 1):
                raw.append(_page_items(page, pno))
        except DraftFormatError:
            raise
        except Exception as exc:  # pdfminer / pdfplumber raise many types for damage
            raise DraftFormatError(f"无法读取 PDF 第 {len(raw) + 1} 页（{type(exc).__name__}）；"
                                   "文件可能已损坏，请重新导出", file=str(path)) from exc
    pages = _tables(raw)
    lines = [it[2] for items in pages for it in items if it[1] == "line"]
    if not any(ln.text.strip() for ln in lines) and not any(
            it[1] == "table" for items in pages for it in items):
        raise DraftFormatError("PDF 中没有文字层（可能是扫描件或图片），无法校对；请提供由 Word / WPS "
                               "导出的 PDF，或 .docx / .txt", file=str(path))
    left, right, pitch, para = _geometry(lines)
    # the top margin: where the pages' first lines stand
    top = min((next(it[2].top for it in items if it[1] == "line") for items in pages
               if any(it[1] == "line" for it in items)), default=0.0)
    units: list[Unit] = []
    n_table = 0
    prev: _Line | None = None  # the last text line, across a page break
    text: list[str] = []  # the paragraph being built
    where = [0, 0]  # its page and its paragraph number on that page

    def flush() -> None:
        if text:
            units.append(Unit("".join(text), paragraph=where[1], page=where[0]))
            text.clear()

    for pno, items in enumerate(pages, 1):
        npar = 0
        first = True
        for _top, kind, payload in items:
            if kind == "table":
                flush()
                prev = None
                n_table += 1
                for page, r, c, cell in cells(payload, _join):
                    units.append(Unit(cell, table=n_table, row=r, col=c, page=page))
                continue
            line = payload
            indent = _indent(line, left)
            body = line.text.lstrip(_BLANK)
            step = line.top - prev.top if prev is not None and not first else 0.0
            short = prev is not None and prev.x1 < right - 2 * prev.size and not (
                prev.text.rstrip()[-1:] not in "。！？!?：:；;" and line.lead > right - prev.x1 - prev.size)
            new = (not text or bool(indent) or bool(_HEADING.match(body)) or short
                   or step > pitch * 1.25)
            if new:
                flush()
                # an empty paragraph (or more) above: the blank lines of a .txt
                blanks = max(0, round((step - para) / para)) if step > para * 1.5 else 0
                if first and prev is not None and indent == "\t" == _indent(prev, left):
                    blanks = _swallowed(prev, line, top, para)
                units.extend(Unit("", page=pno) for _ in range(blanks))
                npar += 1
                where[:] = [pno, npar]
                text.append(indent + body)
            else:
                text[-1] = _join(text[-1], body)
            prev = line
            first = False
    flush()  # a paragraph continued over a page break belongs to the page it began on
    return unpasted(units)
