"""Red team of issue 20 on DOCUMENT FORMS: the quiet and recall drafts of the red-team files
(``test_redteam_changes``, ``test_redteam_sums``, ``test_redteam_warnings``,
``test_redteam_recall``) put through the shapes a real file takes.

Forms: PDF text cut at the page width with a page footer and a running header between lines;
traditional characters; full-width digits and punctuation; thousands separators with a space
(「1, 234.56」, 「1 234.56」); mojibake (a digit replaced by 「?」 or 「\ufffd」); OCR (a letter O or l
for a digit, a decimal comma 「8,40」); tables pasted as
tab-separated rows, one cell per line, run together, or cells parted by spaces.

QUIET: a quiet draft in any form raises no error-level finding that its clean form does not.
RECALL: a recall draft keeps its error in every form that keeps its figures (mojibake garbles a
figure: a garbled figure is unresolved and may rightly lose the error, so it is measured only for
quiet drafts).  Cases still failing are strict xfails in ``KNOWN``."""
from __future__ import annotations

import re
from functools import lru_cache

import pytest

from perfxl.draft import check_text
from tests.draft import test_redteam_changes as C
from tests.draft import test_redteam_recall as RR
from tests.draft import test_redteam_sums as S
from tests.draft import test_redteam_warnings as W


def _drafts():
    """(id, kind q/r, rule, text) of every draft the two red-team files expect to pass."""
    out = [(f"C{i}", "q", r, t) for i, (r, t, _w) in enumerate(C.QUIET)
           if (r, _w) not in C.BEFORE_FIX | C.KNOWN_MISSES]
    out += [(f"R{i}", "r", r, t) for i, (r, t, w) in enumerate(C.RECALL)
            if (r, w) not in C.BEFORE_FIX | C.KNOWN_MISSES]
    out += [(f"S{i}", k, r, t) for i, (r, k, _line, t) in enumerate(S.D) if i not in S.XFAIL]
    # the warning rules' drafts (ids W, V): a form must add no error, nor lose the warning
    out += [(f"W{i}", "q", r, t) for i, (r, t, w) in enumerate(W.QUIET)
            if (r, w) not in W.BEFORE_FIX | W.KNOWN_MISSES]
    out += [(f"V{i}", "r", r, t) for i, (r, t, w) in enumerate(W.RECALL)
            if (r, w) not in W.BEFORE_FIX | W.KNOWN_MISSES]
    # the recall red team's pairs: each quiet twin (id Q), each mistake found (id P, by the
    # first rule naming its lines) and the quiet drafts of its widened rules (id N)
    out += [(f"Q{i}", "q", "", twin) for i, (_k, _l, _t, twin) in enumerate(RR.PAIRS)]
    for i, (_k, lines, text, _twin) in enumerate(RR.PAIRS):
        rules = sorted({f.rule for f in check_text(text) if f.line in lines})
        if i not in RR.MISSED and rules:
            out.append((f"P{i}", "r", rules[0], text))
    out += [(f"N{i}", "q", "", t) for i, t in enumerate(RR.QUIET)]
    return out


DRAFTS = _drafts()
_FW = {**{str(i): chr(0xFF10 + i) for i in range(10)}, ".": "．", ",": "，", "%": "％", ":": "：",
       ";": "；", "(": "（", ")": "）"}
_BIG = re.compile(r"(?<![\d.])(\d{4,})(\.\d+)?")
_CELL = re.compile(r"\s*\|\s*")


def _thousands(sep):
    def form(t):
        def group(m):
            if re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
                return m.group(0)  # a year
            return f"{int(m.group(1)):,}".replace(",", sep) + (m.group(2) or "")
        return _BIG.sub(group, t)
    return form


def _pdf(t, width=28):
    """Lines cut every ``width`` characters (numbers and words split); after every 7th line the
    page footer and the running header (the draft's own first line)."""
    lines = t.split("\n")
    out, n = [], 0
    for ln in lines:
        if "|" in ln or len(ln) <= width:
            out.append(ln)
            n += 1
            continue
        for i in range(0, len(ln), width):
            out.append(ln[i:i + width].lstrip(" ") if i else ln[:width])  # no space opens a line
            n += 1
            if n % 7 == 0:
                out += ["第 3 页 共 12 页", lines[0]]
    return "\n".join(out)


def _mojibake(ch):
    def form(t):
        """The last digit of the first decimal figure of every line but the title garbled."""
        lines = t.split("\n")
        return "\n".join([lines[0]] + [re.sub(r"(\d+\.\d)\d", lambda m: m.group(1) + ch, ln, count=1)
                                       for ln in lines[1:]])
    return form


def _ocr(pattern, repl):
    def form(t):
        """OCR's misreading in the first fitting figure of every line but the title."""
        lines = t.split("\n")
        return "\n".join([lines[0]] + [re.sub(pattern, repl, ln, count=1) for ln in lines[1:]])
    return form


def _table(join):
    def form(t):
        return "\n".join(join(ln) if "|" in ln else ln for ln in t.split("\n"))
    return form


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC
    return OpenCC("s2t")


FORMS = {
    "pdfwrap": _pdf,
    "traditional": lambda t: _t2s().convert(t),
    "fullwidth": lambda t: "".join(_FW.get(c, c) for c in t),
    "thousands_comma": _thousands(", "),
    "thousands_space": _thousands(" "),
    "mojibake_q": _mojibake("?"),
    "mojibake_fffd": _mojibake("\ufffd"),
    "ocr_letter_O": _ocr(r"(\d*)0(\d*\.\d+)", r"\1O\2"),
    "ocr_letter_l": _ocr(r"(\d*)1(\d*\.\d+)", r"\1l\2"),
    "ocr_decimal_comma": _ocr(r"(\d)\.(\d\d)(?!\d)", r"\1,\2"),
    "tabs": _table(lambda ln: _CELL.sub("\t", ln)),
    "one_cell_per_line": _table(lambda ln: "\n".join(c.strip() for c in ln.split("|") if c.strip())),
    "run_together": _table(lambda ln: _CELL.sub("", ln)),
    "spaced": _table(lambda ln: _CELL.sub("  ", ln)),
}
#: forms that garble a figure: recall is not asked of them
GARBLING = {"mojibake_q", "mojibake_fffd", "ocr_letter_O", "ocr_letter_l", "ocr_decimal_comma"}

#: (form, draft id) still failing; measured 2026-12-08 (see the module doc)
KNOWN: set[tuple[str, str]] = {
    ("one_cell_per_line", "P44"), ("one_cell_per_line", "P45"), ("one_cell_per_line", "P47"),
    ("one_cell_per_line", "P56"), ("one_cell_per_line", "P57"), ("one_cell_per_line", "R15"),
    ("one_cell_per_line", "R16"), ("one_cell_per_line", "R17"), ("one_cell_per_line", "R18"),
    ("one_cell_per_line", "R30"), ("one_cell_per_line", "R42"), ("one_cell_per_line", "R43"),
    ("one_cell_per_line", "R44"), ("one_cell_per_line", "S102"), ("one_cell_per_line", "S103"),
    ("one_cell_per_line", "S109"), ("one_cell_per_line", "S110"), ("one_cell_per_line", "S88"),
    ("pdfwrap", "P13"), ("pdfwrap", "P27"), ("pdfwrap", "P41"), ("pdfwrap", "P49"),
    ("pdfwrap", "P65"), ("pdfwrap", "S117"), ("pdfwrap", "S224"), ("pdfwrap", "S252"),
    ("pdfwrap", "V32"), ("pdfwrap", "V35"), ("pdfwrap", "V36"), ("run_together", "P44"),
    ("run_together", "P45"), ("run_together", "P47"), ("run_together", "P56"),
    ("run_together", "P57"), ("run_together", "P58"), ("run_together", "P59"),
    ("run_together", "R15"), ("run_together", "R16"), ("run_together", "R17"),
    ("run_together", "R18"), ("run_together", "R30"), ("run_together", "R42"),
    ("run_together", "R43"), ("run_together", "R44"), ("run_together", "S102"),
    ("run_together", "S103"), ("run_together", "S109"), ("run_together", "S110"),
    ("run_together", "S88"), ("run_together", "S89"), ("run_together", "S95"),
    ("run_together", "S96"), ("spaced", "P44"), ("spaced", "P45"), ("spaced", "P47"),
    ("spaced", "P56"), ("spaced", "P57"), ("spaced", "R15"), ("spaced", "R16"), ("spaced", "R17"),
    ("spaced", "R18"), ("spaced", "R30"), ("spaced", "R42"), ("spaced", "R43"), ("spaced", "R44"),
    ("spaced", "S102"), ("spaced", "S103"), ("spaced", "S109"), ("spaced", "S110"),
    ("spaced", "S88"), ("tabs", "R42"), ("tabs", "R43"), ("thousands_comma", "P47"),
    ("thousands_comma", "S116"), ("thousands_space", "P47"), ("thousands_space", "S116"),
}


@lru_cache(maxsize=None)
def _errors(text: str) -> frozenset[str]:
    return frozenset(f.rule for f in check_text(text) if f.level == "error")


def _cases(kind):
    out = []
    for form, fn in FORMS.items():
        if kind == "r" and form in GARBLING:
            continue
        for did, k, rule, text in DRAFTS:
            if k != kind:
                continue
            formed = fn(text)
            if formed == text:
                continue
            marks = [pytest.mark.xfail(strict=True)] if (form, did) in KNOWN else []
            out.append(pytest.param(rule, text, formed, id=f"{form}-{did}", marks=marks))
    return out


@pytest.mark.parametrize("rule, clean, formed", _cases("q"))
def test_quiet_form(rule, clean, formed):
    assert _errors(formed) <= _errors(clean), formed


@lru_cache(maxsize=None)
def _any(text: str) -> frozenset[str]:
    return frozenset(f.rule for f in check_text(text))


@pytest.mark.parametrize("rule, clean, formed", _cases("r"))
def test_recall_form(rule, clean, formed):
    found = _errors if rule in _errors(clean) else _any  # a warning rule's draft: any level
    assert rule not in found(clean) or rule in found(formed), formed


#: drafts printed to a real PDF (LibreOffice, from a .docx of a paragraph a line): short prose
#: drafts (a too-narrow page gives no right margin), forms pasted with 「|」 a row a paragraph,
#: a table under a title; all 481 drafts measured by hand: 32 wrong errors and 18 recall losses
#: before the PDF reader's fixes, 0 and 2 after (S116, S224: rows run together, left as text)
PDF_SAMPLE = ("C154", "S82", "S92", "S166", "S206", "S253", "R11", "R12", "R14", "R15", "R24", "R29",
              "R36", "R44", "R45", "S88", "S95")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    from perfxl.io.office.libreoffice import convert, soffice
    from tests.draft.measure import make_docx
    if soffice() is None:
        pytest.skip("no LibreOffice")
    pytest.importorskip("pdfplumber")
    tmp = tmp_path_factory.mktemp("forms")
    by_id = {d[0]: d for d in DRAFTS}
    srcs = []
    for did in PDF_SAMPLE:
        (tmp / f"{did}.txt").write_text(by_id[did][3], encoding="utf-8")
        srcs.append(make_docx(tmp / f"{did}.txt", tmp / f"{did}.docx"))
    return dict(zip(PDF_SAMPLE, convert(srcs, "pdf", tmp / "out")))


@pytest.mark.libreoffice
@pytest.mark.parametrize("did", PDF_SAMPLE)
def test_a_draft_printed_to_pdf_keeps_its_errors_and_adds_none(printed, did):
    from perfxl.draft import check_draft
    _id, kind, rule, text = next(d for d in DRAFTS if d[0] == did)
    got = frozenset(f.rule for f in check_draft(printed[did]) if f.level == "error")
    assert got <= _errors(text), got
    if kind == "r":
        assert rule in got


def _doc_text(text):
    from perfxl.draft.reading import units_from_text
    from perfxl.draft.text import Doc
    return Doc(units_from_text(text)).text


def test_tab_separated_rows_read_as_a_form_and_lone_tabs_as_blanks():
    assert _doc_text("项目\t年初预算数\t决算数\n会议费\t\t5.00\n") == "项目|年初预算数|决算数\n会议费||5.00"
    toc = "一、收入决算情况\t3\n二、支出决算情况\t4\n"  # a table of contents: no form
    assert _doc_text(toc) == toc.replace("\t", " ").rstrip("\n")
    assert _doc_text("\t会议费\n\t5.00\n") == " 会议费\n 5.00"  # a cell a line stays so
    assert _doc_text("摘要\t说明\t备注\n正文。\n") == "摘要 说明 备注\n正文。"  # one line is no table


def test_mended_figures_keep_offsets():
    from perfxl.draft.text import mend_figures
    for raw, want in [("采购预算 1, 000.00 万元", "采购预算  1,000.00 万元"),
                      ("节约资金 1 200 万元", "节约资金  1200 万元"),
                      ("| 2, 840 |", "|  2,840 |"),
                      ("总分10 098", "总分######"),
                      ("全年预算 120.0? 万元,年初预算 100.00 万元。另", "全年预算 ###### 万元,年初预算 ###.## 万元。另"),
                      ("| 96.2?% | 9.6 |", "| #####% | 9.6 |"),
                      ("支出 l2.50 万元", "支出 ##### 万元"), ("5O.00", "#####"),  # OCR letters
                      ("PM2.5 浓度", "PM2.5 浓度"), ("1,234.56 元", "1,234.56 元"),
                      ("支出 8,40 万元", "支出 #### 万元"),  # a decimal comma: 8.40 or 840?
                      ("分值 10 100.00%", "分值 10 100.00%")]:  # two cells, no money unit: unjoined
        got = mend_figures(raw)
        assert len(got) == len(raw) and got == want, (raw, got)
