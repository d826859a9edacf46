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

__all__ = ["formula_key", "same_formula"]

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


@lru_cache(maxsize=16384)
def formula_key(text: str | None) -> tuple:
    """A hashable key of ``text`` (a formula with or without its leading "="): equal keys mean the
    same formula; see the module docstring for what is normalized."""
    from openpyxl.formula.tokenizer import Token, Tokenizer

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
    return formula_key(a) == formula_key(b)
