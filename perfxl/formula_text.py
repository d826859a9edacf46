"""Formula text compared by meaning: two formulas that Excel, WPS and LibreOffice read the same way
give the same key.

``formula_key(text) -> tuple`` tokenizes with openpyxl's formula tokenizer (a pure text parser;
no workbook is opened, so the checks stay off the file edge) and normalizes what the programs
write differently for one formula:

* sheet quoting: LibreOffice writes ``基本信息!$B$13`` where the template has ``'基本信息'!$B$13``;
* case of function names, references and booleans (``iferror`` = ``IFERROR``);
* whitespace between tokens (``a, b`` = ``a,b``);
* the future-function prefixes ``_xlfn.`` / ``_xlws.`` (``_xlfn.IFS`` = ``IFS``);
* number spelling (``0.90`` = ``.9`` = ``0.9``).

Text constants (``"达成"``) stay exact.  A formula the tokenizer cannot read is compared as its
text with whitespace removed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["formula_key", "same_formula", "text_read_as_number"]

_PREFIX = re.compile(r"_xl(?:fn|ws)\.", re.I)
_QUOTED_SHEET = re.compile(r"'((?:[^']|'')+)'!")


def _operand(value: str, subtype: str) -> str:
    if subtype == "TEXT":
        return value
    if subtype == "NUMBER":
        try:
            return repr(float(value))
        except ValueError:
            return value.upper()
    # RANGE (references, names), LOGICAL, ERROR: case-insensitive; sheet quotes are optional
    value = _QUOTED_SHEET.sub(lambda m: m.group(1).replace("''", "'") + "!", value)
    return _PREFIX.sub("", value).upper()


def _tokenizer():
    """openpyxl's formula tokenizer module (``Token``, ``Tokenizer``).  The module is plain text
    parsing that imports only ``re``; importing it as ``openpyxl.formula.tokenizer`` would run
    ``openpyxl/__init__`` (the whole workbook machinery and numpy, ~200 ms), so a process that
    has not imported openpyxl loads that one file on its own."""
    import sys

    if "openpyxl" in sys.modules:
        from openpyxl.formula import tokenizer
        return tokenizer
    return _standalone_tokenizer()


@lru_cache(maxsize=1)
def _standalone_tokenizer():
    import importlib.util

    try:
        spec = importlib.util.find_spec("openpyxl")
        path = Path(next(iter(spec.submodule_search_locations))) / "formula" / "tokenizer.py"
        mod_spec = importlib.util.spec_from_file_location("perfxl._openpyxl_tokenizer", path)
        mod = importlib.util.module_from_spec(mod_spec)
        mod_spec.loader.exec_module(mod)
        mod.Tokenizer, mod.Token  # noqa: B018 - the names this module uses
        return mod
    except Exception:  # noqa: BLE001 - another layout of the package: the ordinary import
        from openpyxl.formula import tokenizer
        return tokenizer


@lru_cache(maxsize=16384)
def formula_key(text: str | None) -> tuple:
    """A hashable key of ``text`` (a formula with or without its leading "="): equal keys mean the
    same formula; see the module docstring for what is normalized."""
    tok = _tokenizer()
    Token, Tokenizer = tok.Token, tok.Tokenizer

    body = (text or "").strip()
    if not body.startswith("="):
        body = "=" + body
    try:
        tokens = Tokenizer(body).items
    except Exception:  # openpyxl raises a bare TokenizerError/ValueError on unbalanced input
        return ("text", re.sub(r"\s+", "", body).upper())
    key = []
    for t in tokens:
        if t.type == Token.WSPACE:
            continue
        if t.type == Token.OPERAND:
            key.append((t.type, t.subtype, _operand(t.value, t.subtype)))
        elif t.type == Token.FUNC:
            key.append((t.type, t.subtype, _PREFIX.sub("", t.value).upper()))
        else:
            key.append((t.type, t.subtype, t.value))
    return tuple(key)


def same_formula(a: str | None, b: str | None) -> bool:
    """Whether formula texts ``a`` and ``b`` mean the same (``formula_key`` equal)."""
    if a == b and a is not None:  # the same text: a standard workbook's every formula
        return True
    return formula_key(a) == formula_key(b)


# ---- how the template's formulas read an input cell ------------------------------------------
#: functions that skip a text cell given as a reference (N gives 0 for text, as for a blank)
_SKIP_TEXT = frozenset({"N", "SUM", "SUMIF", "SUMIFS", "COUNT", "COUNTA", "COUNTIF", "COUNTIFS",
                        "MIN", "MAX", "AVERAGE", "AVERAGEIF", "AVERAGEIFS", "SUMPRODUCT"})


def _references(text: str, sheet: str):
    """(sheet, A1 without $, read) of each single-cell reference in formula ``text`` on ``sheet``:
    ``read`` is "skip" when the reference is a direct argument of a function in ``_SKIP_TEXT``
    (text in the cell counts as blank there) and "coerce" otherwise (Excel turns text that looks
    like a number into that number: "4,128.02" -> 4128.02 in ``=B7/B6``)."""
    tok = _tokenizer()
    Token, Tokenizer = tok.Token, tok.Tokenizer

    stack: list[str] = []
    items = [t for t in Tokenizer(text).items if t.type != Token.WSPACE]

    def bound(t) -> bool:  # an argument's edge: "(" of a function, ",", or ")" of a function
        return t is None or (t.type == Token.FUNC) or (t.type == Token.SEP
                                                       and t.subtype == Token.ARG)

    for i, t in enumerate(items):
        if t.type == Token.FUNC and t.subtype == Token.OPEN:
            stack.append(_PREFIX.sub("", t.value[:-1]).upper())
        elif t.type == Token.FUNC and t.subtype == Token.CLOSE:
            stack.pop()
        elif t.type == Token.PAREN and t.subtype == Token.OPEN:
            stack.append("(")
        elif t.type == Token.PAREN and t.subtype == Token.CLOSE:
            stack.pop()
        elif t.type == Token.OPERAND and t.subtype == Token.RANGE:
            ref = _QUOTED_SHEET.sub(lambda m: m.group(1).replace("''", "'") + "!", t.value)
            where, _, a1 = ref.rpartition("!")
            a1 = a1.replace("$", "").upper()
            if ":" in a1:  # a range is only ever an aggregate's argument: text is skipped
                yield from ((where or sheet, c, "skip") for c in _cells(a1))
                continue
            # skipped only as a whole argument (MIN(K19,1)); inside an expression
            # (MIN(K19/G19,1)) the arithmetic reads the text as the number it spells
            whole = bound(items[i - 1] if i else None) and bound(
                items[i + 1] if i + 1 < len(items) else None)
            read = "skip" if whole and stack and stack[-1] in _SKIP_TEXT else "coerce"
            yield (where or sheet), a1, read


_A1_RANGE = re.compile(r"^([A-Z]+)(\d+):([A-Z]+)(\d+)$")


def _cells(a1_range: str):
    """Every A1 cell of a rectangular range "B5:C7" (column by column)."""
    from perfxl.layout import column_index, get_column_letter

    m = _A1_RANGE.match(a1_range)
    if m is not None:
        c0, c1 = column_index(m.group(1)), column_index(m.group(3))
        r0, r1 = int(m.group(2)), int(m.group(4))
    else:  # a whole row or column ("A:A"): openpyxl's reading of it
        from openpyxl.utils.cell import range_boundaries

        c0, r0, c1, r1 = range_boundaries(a1_range)
    for c in range(c0, c1 + 1):
        letter = get_column_letter(c)
        for r in range(r0, r1 + 1):
            yield f"{letter}{r}"


def text_read_as_number(layout) -> frozenset:
    """As ``compute_text_read_as_number``, computed once per layout version
    (``perfxl.template_facts``)."""
    from perfxl.template_facts import text_read_as_number as cached

    return cached(layout)


def compute_text_read_as_number(layout) -> frozenset:
    """The input cells whose text Excel's template formulas read as the number it spells: field
    keys and (table key, column key) pairs that some formula uses in arithmetic (``=B7/B6``) and
    none reads through N(), SUM, MIN, MAX... (which treat text like a blank cell).  For every
    other input cell, text reads as a blank (or, read both ways, see ``text_read_both_ways``).
    Shapes: a frozenset of ``str`` and ``(str, str)``."""
    return frozenset(k for k, how in _reads(layout).items() if how == {"coerce"})


def text_read_both_ways(layout) -> frozenset:
    """As ``compute_text_read_both_ways``, computed once per layout version
    (``perfxl.template_facts``)."""
    from perfxl.template_facts import text_read_both_ways as cached

    return cached(layout)


def compute_text_read_both_ways(layout) -> frozenset:
    """The input cells some formula reads in arithmetic (text -> the number it spells) and another
    through SUM, SUMPRODUCT, N(), COUNT... (text -> nothing): 分值 in ``MIN(K19/G19,1)``-style
    scores and in the SUMPRODUCT of 分值合计.  Same shapes as ``text_read_as_number``; the reader
    gives such a cell's text as a ``perfxl.typed.TextNumber``."""
    return frozenset(k for k, how in _reads(layout).items() if how == {"coerce", "skip"})


@lru_cache(maxsize=4)
def _reads(layout) -> dict:
    cells: dict[tuple[str, str], object] = {}
    for key in layout.fields:
        cells[layout.field_cell(key)] = key
    for tkey, (_sheet, table) in layout.tables.items():
        for col in table.columns:
            for i in range(table.n_rows):
                cells[layout.table_cell(tkey, i, col.key)] = (tkey, col.key)
    reads: dict[object, set[str]] = {}
    for (sheet, _a1), text in layout.formula_cells.items():
        for where in _references(text, sheet):
            key = cells.get(where[:2])
            if key is not None:
                reads.setdefault(key, set()).add(where[2])
    return reads
