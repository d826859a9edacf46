"""The draft as one text: units joined by ``\\n``, normalised, cut into paragraphs and sentences.

``Doc.text`` is the units' texts joined by ``\\n`` with full-width digits and punctuation mapped to
ASCII one character for one (``１２３．４５％`` -> ``123.45%``, ``，`` -> ``,``), so every offset
in it is an offset in the original text and a finding's quote is cut from the original.  A line
break inside a paragraph that a PDF or Word export wrapped (the line does not end a sentence and
the next does not start a heading or an indented paragraph) is *soft*: the ``\\n`` reads as a
space (``Doc.flat``).  A blank line is soft only between two halves of one sentence (a page
break); a table cell (.docx) always stands alone.  ``sentences`` are the spans between ``。!?``
and hard line breaks; ``paragraphs`` the spans between hard breaks.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from perfxl.draft import report_year
from perfxl.draft.reading import Unit

__all__ = ["Doc", "FULLWIDTH", "simplified", "mend_figures", "to_ascii"]

#: Full-width forms -> ASCII, one character for one (offsets are kept).
FULLWIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                           "．": ".", "，": ",", "％": "%", "：": ":", "；": ";", "（": "(",
                           "）": ")", "！": "!", "？": "?", "\u3000": " ", "\t": " ",
                           "\u00a0": " ", "－": "-", "—": "-", "﹪": "%", "｜": "|"})
#: ``FULLWIDTH`` as (character, replacement) pairs.  No replacement holds a character that is
#: replaced (tests/draft/test_text_fullwidth.py), so replacing them one after another is the
#: translation: ``str.replace`` scans for one character at C speed, where ``str.translate``
#: looks every character up in the table (~0.1 against ~1.6 ms over a 30-page draft).
_FULLWIDTH_PAIRS = tuple((chr(k), v) for k, v in FULLWIDTH.items())


def to_ascii(s: str) -> str:
    """``s.translate(FULLWIDTH)``: full-width digits and marks as ASCII, same length."""
    for a, b in _FULLWIDTH_PAIRS:
        if a in s:
            s = s.replace(a, b)
    return s


#: A pinyin gloss a mirror site put after each character ("經(jīng)費(fèi)"): blanked, same length.
_PINYIN = re.compile(r"\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\)")
#: Characters that only traditional text uses, among the words of a budget report: a draft
#: without any is not run through OpenCC (the conversion is the slow part of reading).
_TRADITIONAL = frozenset("經費預撥決萬億與區縣會議實際總計報說單進財務機關國項數點達較為們職員")
#: A figure the text garbled (mojibake put 「?」 or 「\ufffd」 for a digit: 「120.0? 万元」,
#: 「5?3.20」): its value is unknown, so it is masked (``_MASK``, same length) and yields no figure.
#: An OCR reading is garbled alike: a letter for a digit inside a decimal figure (「l2.50」,
#: 「5O.00」; not 「PM2.5」) and a decimal comma (「8,40 万元」: 8 or 8.40, and not 40).
_GARBLED = re.compile(r"\d[\d.,]*[?\ufffd][\d.,?\ufffd]*|[?\ufffd]+\d[\d.,]*"
                      r"|(?<![A-Za-z])(?=[\dOolI]*\d)(?=[\dOolI.]*[OolI])[\dOolI]+\.[\dOolI]+(?![A-Za-z])"
                      r"|(?<![\d,])\d+(?:,\d{3})*,\d{1,2}(?![\d,])")
_GARBLE_HINT = re.compile(r"[?\ufffd]|[OolI]\d|\d[OolI]|\d\.[OolI]|\d,\d")  # a cheap test first
_MASK = "#"
_DIGIT_MASK = re.compile(r"\d")
#: Thousands groups parted by a space, as PDF text extraction leaves them: 「1, 234.56」 and
#: 「1 234.56 万元」.  Joined only where the reading is sure (decimals or a money unit follow),
#: the spaces moved before the figure so offsets stay.
_SPACED_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:, \d{3})+(?![\d,])(?=\.\d|\s*(?:万元|元|亿元))"
                            r"|(?<![\d.,] )(?<![\d.,])\d{1,3}(?: \d{3})+(?=(?:\.\d+)?\s*(?:万元|元|亿元))"
                            r"|(?:(?<=\|)|(?<=\| )|(?<=^ ))\d{1,3}(?:,? \d{3})+(?:\.\d+)?(?=[ ]*(?:\||$))",
                            re.MULTILINE)  # the last: a cell holding one figure (「| 2 840 |」,
#: a cell a line after its tab, 「\t2 161.19」; ``Doc.text`` reads a tab as a blank)
#: A group of three digits led by 0 after a space (「总分10 098」): no figure starts so, the group
#: continues a figure the spaces broke; not joined above, the whole is unsure and masked.
_SPACE_IN_FIGURE = re.compile(r"\d,? \d")  # the cheap test before the two above
_BROKEN_GROUPS = re.compile(r"[\d.,]*\d(?:, | )0\d\d[\d.,]*")
_HARD_END = "。!?"  # a wrapped line may end in , ; : 、 (seed 000 wraps after "；")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]{1,3}\)|"
                      r"\d{1,2}\s*[.、](?!\d)|第[一二三四五六七八九十]+[章节部分])")
_SENT_END = re.compile(r"[。!?]")
_CLAUSE_MARK = re.compile(r"[,;:、]")
#: Longest sentence handled as one (characters); real sentences of the seeds stay under 600.
MAX_SENTENCE = 1500


def _wrapped_heading(t: str) -> bool:
    """A numbered line that is the first line of a wrapped sentence, not a title: 「(二)社会保障
    和就业支出类科目 116433.12 元,占支」 (a PDF's text cut at the page width) has a clause mark
    and does not end in 「:」 (a list follows that); a title 「(一)收入决算情况」 has no clause mark."""
    return len(t) > 20 and bool(re.search(r"[,;]", t)) and t[-1] != ":"


def _joined(m: re.Match) -> str:
    s = m.group(0)
    digits = s.replace(" ", "")
    return " " * (len(s) - len(digits)) + digits


def mend_figures(text: str) -> str:
    """``text`` (full-width forms already mapped) with spaced thousands groups joined and
    garbled figures masked, one character for one (offsets stay)."""
    if _SPACE_IN_FIGURE.search(text):
        text = _SPACED_GROUPS.sub(_joined, text)
        text = _BROKEN_GROUPS.sub(lambda m: _MASK * len(m.group(0)), text)
    if _GARBLE_HINT.search(text):
        text = _mask_garbled(text)
    return text


def _mask_garbled(text: str) -> str:
    """Every figure of a sentence holding a garbled figure masked: with one figure unknown,
    a relation among the sentence's figures (a share, a rate, a sum) cannot be resolved, and a
    rule must not fall back on a neighbouring figure of another role."""
    parts, at = [], 0
    for m in _GARBLED.finditer(text):
        if m.start() < at:
            continue
        line = text.rfind("\n", 0, m.start()) + 1
        # a table row (cells parted by 「|」 or tabs): the cell only, its row's other cells are
        # other quantities; prose: the sentence
        stops = "|\t\n" if "|" in text[line:m.start()] or "\t" in text[line:m.start()] or \
            re.match(r"[^\n]*[|\t]", text[m.end():]) else "。\n"
        a = max(text.rfind(c, 0, m.start()) for c in stops) + 1
        ends = [e for e in (text.find(c, m.end()) for c in stops) if e >= 0]
        b = min(ends) if ends else len(text)
        parts += (text[at:max(a, at)], _DIGIT_MASK.sub(_MASK, text[max(a, at):m.start()]),
                  _MASK * (m.end() - m.start()), _DIGIT_MASK.sub(_MASK, text[m.end():b]))
        at = b
    parts.append(text[at:])
    return "".join(parts)


def simplified(text: str) -> str:
    """``text`` in simplified characters (OpenCC ``t2s``: mirror sites, Hong Kong-style input),
    one character for one so every offset stays: a phrase conversion that changes the length
    is done character by character instead."""
    if not _TRADITIONAL.intersection(text):
        return text
    from opencc import OpenCC
    cc = OpenCC("t2s")
    out = []
    for line in text.split("\n"):
        got = cc.convert(line)
        if len(got) != len(line):
            got = "".join(c if len(c2 := cc.convert(c)) != 1 else c2 for c in line)
        out.append(got)
    return "\n".join(out)


def _tab_rows(raw: str, mapped: str) -> str:
    """``mapped`` with the tabs between the cells of a table pasted as tab-separated rows read
    as ``|`` (so it is read as a form pasted with ``|``): two lines or more in a row, each with
    two tabs or more between its cells.  A leading tab (a cell a line) and a lone tab (a table
    of contents' page number) stay blanks."""
    lines, starts, pos = raw.split("\n"), [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    rows = [ln.strip(" \t").count("\t") >= 2 for ln in lines]
    out = list(mapped) if any(rows) else None
    for i, ln in enumerate(lines):
        if rows[i] and ((i and rows[i - 1]) or (i + 1 < len(rows) and rows[i + 1])):
            body = ln.lstrip(" \t")
            a = starts[i] + len(ln) - len(body)
            for k, c in enumerate(body.rstrip(" \t")):
                if c == "\t":
                    out[a + k] = "|"
    return "".join(out) if out is not None else mapped


def _cut_figure(text: str, k: int) -> bool:
    """The soft break at ``k`` falls inside a figure: a digit on one side and a digit on the
    other, or a decimal point between them (「810.」 / 「00」, 「810」 / 「.00」)."""
    left, right = text[k - 1:k], text[k + 1:k + 2]
    if left == "." and text[k - 2:k - 1].isdigit():
        return right.isdigit()
    return left.isdigit() and (right.isdigit() or (right == "." and text[k + 2:k + 3].isdigit()))


@dataclass
class Doc:
    """The units of one draft and the text they make."""

    units: list[Unit]
    file: str = ""
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.starts = []
        pos = 0
        for u in self.units:
            self.starts.append(pos)
            pos += len(u.text) + 1

    @cached_property
    def raw(self) -> str:
        return "\n".join(u.text for u in self.units)

    @cached_property
    def _fullwidth(self) -> str:
        """``raw`` with ``FULLWIDTH`` applied, once for ``text`` and every line of ``soft`` (a
        translation is a dictionary look-up per character: ~1.5 ms a pass over 30 pages)."""
        out = to_ascii(self.raw)
        return _tab_rows(self.raw, out) if "\t" in self.raw else out

    def _line(self, i: int) -> str:
        """Unit ``i``'s text with ``FULLWIDTH`` applied (``u.text.translate(FULLWIDTH)``)."""
        a = self.starts[i]
        return self._fullwidth[a:a + len(self.units[i].text)]

    @cached_property
    def text(self) -> str:
        return simplified(mend_figures(_PINYIN.sub(lambda m: " " * len(m.group(0)),
                                                   self._fullwidth)))

    @cached_property
    def soft(self) -> set[int]:
        """Offsets of the ``\\n`` that join two lines of one paragraph."""
        out: set[int] = set()
        units, n = self.units, len(self.units)
        i = 0
        while i < n:
            u = units[i]
            t = self._line(i).strip()
            j = i + 1
            while j < n and not units[j].text.strip() and j - i <= 2:
                j += 1
            if (t and not u.in_table and j < n and not units[j].in_table
                    and t[-1] not in _HARD_END
                    and (not _HEADING.match(t) or _wrapped_heading(t))
                    and not (len(t) <= 30 and not _CLAUSE_MARK.search(t))  # a title
                    and not self._starts_block(units[j].text, self._line(j))):
                for k in range(i, j):
                    out.add(self.starts[k + 1] - 1)
            i += 1
        return out

    @staticmethod
    def _starts_block(line: str, mapped: str) -> bool:
        """``line`` (``mapped``: with ``FULLWIDTH`` applied) opens a block of its own."""
        return not line.strip() or line[:1] in " \t\u3000" or bool(_HEADING.match(mapped))

    @cached_property
    def flat(self) -> str:
        """``text`` with soft line breaks as spaces (same length, same offsets)."""
        text, parts, at = self.text, [], 0
        for k in sorted(self.soft):
            parts += (text[at:k], " ")
            at = k + 1
            if _cut_figure(text, k):
                # a figure cut at the page width (「900.0」 / 「0 万元」): the layout broke it,
                # the document wrote it whole; its right part moved left over the break
                b = k + 1
                while b < len(text) and (text[b].isdigit() or text[b] in ".,"):
                    b += 1
                parts[-1] = text[k + 1:b] + " "
                at = b
        parts.append(text[at:])
        return "".join(parts)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        out, start = [], 0
        for m in re.finditer("\n", self.flat):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        if start < len(self.flat):
            out.append((start, len(self.flat)))
        return [(a, b) for a, b in out if self.flat[a:b].strip()]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        out = []
        for a, b in self.paragraphs:
            s = a
            for m in _SENT_END.finditer(self.flat, a, b):
                if self.flat[m.end():m.end() + 1] == ")":
                    continue  # 「…(购置费 100 万元;运行费 400 万元。)比上年…」: the sentence goes on
                out += self._bounded(s, m.end())
                s = m.end()
            if self.flat[s:b].strip():
                out += self._bounded(s, b)
        return out

    def _bounded(self, a: int, b: int) -> list[tuple[int, int]]:
        """``[a, b)`` cut at a clause mark every ``MAX_SENTENCE`` characters at most: a text
        without 。 (a pasted table, garbage) must not make the per-sentence work quadratic."""
        out = []
        while b - a > MAX_SENTENCE:
            cut = max(self.flat.rfind(c, a + 1, a + MAX_SENTENCE) for c in ";,")
            cut = cut + 1 if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
        out.append((a, b))
        return out

    def sentences_in(self, a: int, b: int) -> list[tuple[int, int]]:
        """The sentences inside the paragraph ``[a, b)``."""
        sentences = self.sentences
        lo = bisect.bisect_left(sentences, (a, -1))
        hi = bisect.bisect_left(sentences, (b, -1), lo)  # not sentences[lo:]: a copy per call
        return sentences[lo:hi]

    def unit_at(self, pos: int) -> int:
        """Index of the unit holding offset ``pos``."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def locate(self, start: int, end: int) -> tuple[Unit, str]:
        """The unit where ``[start, end)`` begins and the exact original text of the span in it
        (cut at the unit's end, stripped of surrounding spaces)."""
        i = self.unit_at(start)
        u = self.units[i]
        a = start - self.starts[i]
        b = min(end - self.starts[i], len(u.text))
        quote = u.text[a:b]
        return (u, quote.strip()) if quote.strip() else (u, u.text.strip())

    @cached_property
    def year_stated(self) -> int | None:
        """The report year the draft states (title, first heading, 「本年度（20XX年）」), or None
        (``perfxl.draft.report_year.stated``).  Rules that report a wrong year need this one."""
        return report_year.stated(self.text, self.starts)

    @cached_property
    def year(self) -> int | None:
        """The report year: the stated one, else the most common "20XX 年" of the whole text (a
        guess: good to tell this year's figures from last year's, never to call a year wrong)."""
        return self.year_stated or report_year.guessed(self.text)
