"""Word comments on a copy of a report draft: one per finding, anchored on the quoted fragment.

``annotate_docx(src, findings, out) -> int`` writes ``out`` (a .docx), a copy of ``src`` with a
comment (author ``perfxl``, initials ``PX``) per finding, and returns how many comments it made.
``src`` is only read.  A finding is placed by the draft locations of
``perfxl.checks.finding.Finding``:

* ``table``, ``row``, ``col`` (1-based): the cell of the ``table``-th table of the body (in
  document order, python-docx ``Document.tables``); ``paragraph`` then counts inside the cell;
* otherwise ``paragraph`` (1-based): the ``paragraph``-th body paragraph (``Document.paragraphs``);
* ``quote``: the fragment the comment covers; runs are split at its two ends so the comment covers
  exactly the fragment (across paragraphs when it runs over a cell's paragraphs, which the
  draft reader joins by ``\n``).  It is looked up in the located paragraph first, then (the draft
  reader and the document may count differently) in every paragraph, the nearest first; with
  widths and spaces ignored (NFKC, no blanks) when the exact text is not there.
* a finding with no location or a quote found nowhere: on its paragraph when it has one, else
  on the first non-empty paragraph (a whole-document finding, e.g. 等级 against the workbook).

The comment text is the finding's Chinese message followed by 「应为 …；实为 …」 where the
finding has them, both in the unit the draft writes the figure in (「应为 2202.33万元；实为
2202.32万元」).  Errors: ``PerfxlError`` (Chinese) when ``src`` cannot be read as .docx or
``out`` cannot be written; ``UsageError`` when ``out`` is ``src`` (same path or same file).
"""
from __future__ import annotations

import copy
import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable, Iterator

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from perfxl.draft.docx_tables import cell_at
from perfxl.errors import PerfxlError, UsageError
from perfxl.numbers import fmt_fixed, fmt_trimmed

__all__ = ["annotate_docx", "add_comments", "comment_text", "AUTHOR", "INITIALS"]

AUTHOR, INITIALS = "perfxl", "PX"
_LEVELS = {"error": "错误", "warning": "警告", "info": "提示"}
#: Run children that carry text (python-docx ``CT_R.text``), and their text.
_TEXT_TAGS = {qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen"),
              qn("w:ptab")}


# ---- the comment's words ----------------------------------------------------------------------
_PLAIN = ("%", "万元", "元", "亿元")  # shown with 2 decimals when the message does not say


def _written(text: str, message: str) -> bool:
    """``text`` (a number and its unit) stands in ``message`` as a whole number: "0万元" is not
    in "70.40万元"."""
    return re.search(r"(?<![\d.,])" + re.escape(text) + r"(?![\d])", message) is not None


def _in(x: float, unit: str, message: str) -> str:
    """``x`` with ``unit``, at the decimals the message writes it with, else 2 for an amount or a
    rate (a count or score as it is)."""
    written = message.replace(" ", "")
    for tail in (unit, ""):  # as written with its unit, else as a bare number (a table cell)
        for d in (2, 1, 0, 3, 4):
            for text in (fmt_fixed(x, d), fmt_fixed(x, d, thousands=True)):
                if _written(text + tail, written):
                    return text + unit
    plain = unit in _PLAIN or unit == "个百分点"
    return (fmt_fixed(x, 2) if plain else fmt_trimmed(float(x), 4)) + unit


#: (factor, unit) a number of the rules' scale may be shown in: a rate as %, an amount in 元 as
#: 万元 / 亿元, a count or score as it is
_FORMS = ((100, "%"), (1e-4, "万元"), (1e-8, "亿元"), (1, "元"), (1, "分"))


def _form(values: list[float], message: str) -> tuple[float, str]:
    """The one form the message writes one of ``values`` in (both values are then shown in it);
    (1, "") when it writes none."""
    written = message.replace(" ", "")
    for x in values:
        for factor, unit in _FORMS:
            for d in (2, 1, 0, 4):
                for text in (fmt_fixed(x * factor, d), fmt_fixed(x * factor, d, thousands=True)):
                    if _written(text + unit, written):
                        return factor, unit
    return 1, ""


def comment_text(f: Any) -> str:
    """「【错误】PX601：<message>（应为 X；实为 Y）」; the bracket only for the values the finding
    has, both in one unit: the unit the draft writes the figure in (``Finding.unit``:
    「应为 2202.33万元；实为 2202.32万元」), else the one form the message shows one of them in
    (a workbook finding's rate as 96.79%), else the numbers as they are."""
    level = _LEVELS.get(getattr(f, "level", ""), getattr(f, "level", "") or "提示")
    rule = getattr(f, "rule", "")
    message = str(getattr(f, "message", "") or "")
    text = f"【{level}】{rule}：{message}"
    pairs = [(name, v) for name, v in (("应为", getattr(f, "expected", None)),
                                       ("实为", getattr(f, "actual", None)))
             if v is not None and v != ""]
    numbers = [v for _, v in pairs if isinstance(v, (int, float)) and not isinstance(v, bool)]
    unit = getattr(f, "unit", None)
    factor, unit = (1, unit) if unit is not None else _form(numbers, message)
    written = message + "\n" + str(getattr(f, "quote", "") or "")  # the decimals as written
    parts = []
    for name, v in pairs:
        if v in numbers and not isinstance(v, bool):
            shown = _in(v * factor, unit, written) if unit else fmt_trimmed(float(v), 4)
        else:
            shown = str(v)
        parts.append(f"{name} {shown}")
    return text + (f"（{'；'.join(parts)}）" if parts else "")


# ---- runs and their text -------------------------------------------------------------------
def _runs(p: Paragraph) -> Iterator[Run]:
    """The runs whose text makes ``p.text``: direct runs and runs inside hyperlinks."""
    for el in p._p.iterchildren(qn("w:r"), qn("w:hyperlink")):
        if el.tag == qn("w:r"):
            yield Run(el, p)
        else:
            for r in el.iterchildren(qn("w:r")):
                yield Run(r, p)


def _split(run: Run, k: int) -> Run:
    """Split ``run`` after its ``k``-th character (0 < k < len); returns the new second run, a
    copy of the formatting (``w:rPr``) holding the rest of the content."""
    r = run._r
    second = copy.deepcopy(r)
    for child in list(second):
        if child.tag != qn("w:rPr"):
            second.remove(child)
    seen = 0
    moving = False
    for child in list(r):
        if child.tag == qn("w:rPr"):
            continue
        if moving:
            second.append(child)  # moves it
            continue
        n = len(str(child)) if child.tag in _TEXT_TAGS else 0
        if seen + n <= k:
            seen += n
            if seen == k:
                moving = True
            continue
        # the split falls inside this w:t
        cut = k - seen
        tail = copy.deepcopy(child)
        tail.text = child.text[cut:]
        child.text = child.text[:cut]
        for t in (child, tail):
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        second.append(tail)
        moving = True
    r.addnext(second)
    return Run(second, run._parent)


def _cover(p: Paragraph, start: int, end: int) -> list[Run]:
    """The runs covering exactly characters [start, end) of ``p.text``, splitting at both ends."""
    for boundary in (start, end):
        pos = 0
        for run in _runs(p):
            n = len(run.text)
            if pos < boundary < pos + n:
                _split(run, boundary - pos)
                break
            pos += n
    out, pos = [], 0
    for run in _runs(p):
        n = len(run.text)
        if n and start <= pos and pos + n <= end:
            out.append(run)
        pos += n
    return out


# ---- finding the quote ---------------------------------------------------------------------
def _normal(text: str) -> tuple[str, list[int]]:
    """NFKC, blanks dropped; with the index in ``text`` of each kept character."""
    chars, where = [], []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch):
            if not c.isspace():
                chars.append(c)
                where.append(i)
    return "".join(chars), where


def _find(text: str, quote: str) -> tuple[int, int] | None:
    if not quote:
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    nt, where = _normal(text)
    nq, _ = _normal(quote)
    j = nt.find(nq) if nq else -1
    if j < 0:
        return None
    return where[j], where[j + len(nq) - 1] + 1


def _all_paragraphs(doc) -> list[Paragraph]:
    """Body paragraphs, then every table cell's paragraphs (each merged cell once)."""
    out = list(doc.paragraphs)
    for tbl in doc.tables:
        for tc in tbl._tbl.iter(qn("w:tc")):  # each <w:tc> once, nested tables included
            out.extend(Paragraph(p, tbl) for p in tc.iterchildren(qn("w:p")))
    return out


def _nth(items, n) -> Any:
    try:
        n = int(n)
    except (TypeError, ValueError):
        return None
    return items[n - 1] if 1 <= n <= len(items) else None


def _located(doc, f: Any) -> list[Paragraph]:
    """The paragraphs the finding names (a cell's paragraphs, or one body paragraph)."""
    table = _nth(doc.tables, getattr(f, "table", None))
    if table is not None:
        try:  # the cell the draft reader numbered so (python-docx's grid breaks on hostile tables)
            tc = cell_at(table._tbl, int(f.row), int(f.col))
        except (TypeError, ValueError):
            return []
        if tc is None:
            return []
        paras = [Paragraph(p, table) for p in tc.iterchildren(qn("w:p"))]
        one = _nth(paras, getattr(f, "paragraph", None))
        return [one] if one is not None else paras
    one = _nth(doc.paragraphs, getattr(f, "paragraph", None))
    return [one] if one is not None else []


def _segments(paras: list[Paragraph], start: int, end: int) -> list[tuple[Paragraph, int, int]]:
    """Characters [start, end) of the paragraphs' texts joined by \n, paragraph by paragraph."""
    out, pos = [], 0
    for p in paras:
        n = len(p.text)
        lo, hi = max(start, pos), min(end, pos + n)
        if lo < hi:
            out.append((p, lo - pos, hi - pos))
        pos += n + 1
    return out


def _anchor(doc, f: Any, everything: list[Paragraph]) -> list[tuple[Paragraph, int, int]]:
    """The (paragraph, start, end) pieces the comment covers (more than one when a quote runs
    over the paragraphs of a table cell); [] for a document without text."""
    here = _located(doc, f)
    quote = str(getattr(f, "quote", None) or "")
    for p in here:
        span = _find(p.text, quote)
        if span:
            return [(p, *span)]
    if len(here) > 1:  # a cell's text is its paragraphs joined by \n (perfxl.draft.reading)
        span = _find("\n".join(p.text for p in here), quote)
        if span:
            return _segments(here, *span)
    if quote:
        # nearest paragraph holding the quote (the reader may number paragraphs differently)
        ids = [id(q._p) for q in everything]
        centre = ids.index(id(here[0]._p)) if here and id(here[0]._p) in ids else 0
        for i in sorted(range(len(everything)), key=lambda i: abs(i - centre)):
            span = _find(everything[i].text, quote)
            if span:
                return [(everything[i], *span)]
    for p in here + everything:
        if p.text.strip():
            return [(p, 0, len(p.text))]
    return []


def add_comments(doc, findings: Iterable[Any]) -> int:
    """Add a comment per finding to the python-docx ``doc``; returns how many were added."""
    everything = _all_paragraphs(doc)
    count = 0
    for f in findings:
        runs = [r for p, start, end in _anchor(doc, f, everything) for r in _cover(p, start, end)]
        if not runs:
            continue
        # the comment range runs from before the first run to after the last
        doc.add_comment(runs, text=comment_text(f), author=AUTHOR, initials=INITIALS)
        count += 1
    return count


# ---- files ---------------------------------------------------------------------------------
def require_docx_name(path: str | Path) -> Path:
    """``path`` when it names a .docx; ``UsageError`` (Chinese) for a folder or another type."""
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"「{path}」是一个文件夹；请给出报告文件（.docx）")
    if path.suffix.lower() != ".docx":
        raise UsageError(f"批注只能用于 Word 文档（.docx）：{path}；.doc 或 .txt 请先在 Word 中"
                         "另存为 .docx")
    return path


def open_docx(path: str | Path):
    """The python-docx ``Document`` of ``path``; ``PerfxlError`` (Chinese) when it is not one, or
    not a safe one (``perfxl.draft.guard``: a FIFO or a device, a zip bomb, a DTD...)."""
    from perfxl.draft.guard import open_docx as open_safe, read_input

    path = require_docx_name(path)
    doc = open_safe(read_input(path), str(path))
    try:
        _own_comments_part(doc)
    except Exception as exc:  # noqa: BLE001 - a comments part lxml cannot read
        raise PerfxlError(f"文档中已有的批注无法读取（{type(exc).__name__}）；请在 Word 中打开后"
                          "另存为 .docx 再试", file=str(path)) from None
    return doc


def _own_comments_part(doc) -> None:
    """Make the draft's existing comments something python-docx can add to, keeping them all.

    A comments part declared with another content type (``application/xml``) is loaded by
    python-docx as a plain part with no ``comments``: it becomes a ``CommentsPart`` of the same
    name and content (and is saved with the right content type).  Comment ids that are not whole
    numbers (``w:id="c0"``, against the schema) stop python-docx numbering new comments: every
    comment is renumbered 0, 1, ... in the comments part and in its marks in the document."""
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.parts.comments import CommentsPart

    for rel in list(doc.part.rels.values()):
        if rel.reltype != RT.COMMENTS or rel.is_external:
            continue
        part = rel.target_part
        if not isinstance(part, CommentsPart):
            new = CommentsPart.load(part.partname, CT.WML_COMMENTS, part.blob, part.package)
            for r in part.rels.values():  # its own links (hyperlinks, pictures in a comment)
                new.load_rel(r.reltype, r._target, r.rId, r.is_external)
            rel._target = part = new
        _renumber(doc, part)


def _renumber(doc, part) -> None:
    ids = [c.get(qn("w:id")) for c in part.element.iterchildren(qn("w:comment"))]
    if all(i is not None and i.isdigit() and int(i) < 2**31 for i in ids):
        return
    new = {old: str(n) for n, old in enumerate(dict.fromkeys(ids))}
    for c in part.element.iterchildren(qn("w:comment")):
        c.set(qn("w:id"), new[c.get(qn("w:id"))])
    marks = (qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference"))
    for el in doc.element.iter(*marks):
        old = el.get(qn("w:id"))
        if old in new:
            el.set(qn("w:id"), new[old])


def annotate_docx(src: str | Path, findings: Iterable[Any], out: str | Path) -> int:
    """Write ``out``: ``src`` with a comment per finding; returns the number of comments.
    ``src`` is never written; ``out`` appears complete or not at all."""
    from perfxl.io.writing.atomic import atomic_path

    from perfxl.outpath import same_file

    if same_file(src, out):
        raise UsageError(f"输出文件不能是被批注的文档本身：{out}；请用 -o 另给一个文件名")
    out = Path(out)
    if out.is_dir():
        raise UsageError(f"输出路径「{out}」是一个文件夹；请用 -o 指定 .docx 文件")
    if out.suffix.lower() != ".docx":
        raise UsageError(f"输出文件应为 .docx：{out}")
    doc = open_docx(src)
    n = add_comments(doc, findings)
    try:
        with atomic_path(out) as tmp:
            doc.save(str(tmp))
    except OSError as exc:
        raise PerfxlError(f"无法写入批注文件：{exc.strerror or exc}；请检查输出路径和写入权限"
                          "（文件是否正在 Word 中打开）", file=str(out)) from exc
    return n
