"""The text report without colour (a pipe, a file, ``-o``), drawn without rich's console.

rich draws the text report's tables (``perfxl.checks.output.to_text``); for a terminal it
still does (colours, the terminal's width).  Without colour the same characters come from this
module at a fraction of the cost (importing rich's console and laying out a 57-row table is
~40 ms of a ~180 ms draft check): the widths of characters and the line breaks inside the 说明
column are rich's own (``rich.cells.cell_len``, ``rich._wrap.divide_line``), the layout is what
rich's ``Table`` does for these tables (``box.SIMPLE_HEAD``, padding 1, the first three columns
never wrapped, the last folded, the widest column narrowed to the width).  Output is
byte-identical to rich's (``tests/cli/test_plain_text.py`` compares the two on generated and
real findings); whatever falls outside what is mirrored here (``plain_text`` returns ``None``)
goes to rich: a tab or line break in a text, an emoji code (``:name:``), a heading or title
wider than its line, a table too narrow to fold its 说明 column, findings accepted with a
reason, a backslash at the end of a text or with a "[" in it.
"""
from __future__ import annotations

import re

__all__ = ["plain_text"]

#: what rich's console would turn into an emoji (``:smile:``): left to rich
_EMOJI_CODE = re.compile(r":\S*?:")
#: the narrowest 说明 column (without padding) drawn here; narrower is left to rich
_MIN_FOLD = 10


def _unsafe(text: str) -> bool:
    """True for a text rich shows otherwise than as its characters: a tab, a line break, an
    emoji code, or a backslash that rich's markup escaping does not give back as typed (one at
    the end is shown doubled; one before "[" is left to rich too)."""
    return ("\t" in text or "\n" in text or _EMOJI_CODE.search(text) is not None
            or ("\\" in text and ("[" in text or text.endswith("\\"))))


def plain_text(results, width: int = 140) -> str | None:
    """The text report of ``results`` (``FileResult``s) as ``to_text(results, color=False,
    width=width)`` draws it, or ``None`` when rich must draw it (see the module docstring)."""
    try:
        from rich._wrap import divide_line
        from rich.cells import cell_len
    except ImportError:  # a rich without these helpers: rich draws
        return None
    from perfxl.checks.output import _LEVEL_TEXT, groups, shown_message, summary, where
    from perfxl.safetext import terminal_text

    out: list[str] = []

    def line(text: str) -> bool:
        if _unsafe(text) or cell_len(text) > width:
            return False
        out.append(text)
        return True

    for r in results:
        name = terminal_text(str(r.file))
        if r.accepted:
            return None
        if r.error is not None:
            if not line(f"{name}：无法读取 —— {terminal_text(str(r.error))}"):
                return None
            continue
        if not r.findings:
            if not line(f"{name}：未发现问题"):
                return None
            continue
        s = summary(r)
        if not line(f"{name}：{s['errors']} 个错误，{s['warnings']} 个警告，{s['infos']} 个提示"):
            return None
        for sheet, draft, items in groups(r):
            title = "报告文字" if draft else f"工作表：{terminal_text(sheet)}"
            head = ("位置" if draft else "单元格", "规则", "级别", "说明")
            rows = [(terminal_text(where(f)), f.rule, _LEVEL_TEXT[f.level],
                     terminal_text(shown_message(f))) for f in items]
            table = _table(title, head, rows, width, cell_len, divide_line)
            if table is None:
                return None
            out += table
    # as ``to_text`` ends rich's output: every line (as ``str.splitlines`` cuts) right-stripped
    return "".join(x.rstrip() + "\n" for x in "".join(x + "\n" for x in out).splitlines())


def _table(title, head, rows, width, cell_len, divide_line) -> list[str] | None:
    """The lines of one table as rich's ``Table(box=SIMPLE_HEAD)`` draws it at console width
    ``width`` with the last column folded, or ``None`` (left to rich)."""
    ncols = len(head)
    room = width - (2 + ncols - 1)  # the two edges and the dividers between columns
    widths = []
    for i in range(ncols):
        cells = [head[i], *(row[i] for row in rows)]
        if any(_unsafe(c) for c in cells):
            return None
        need = max(cell_len(c) for c in cells) + 2  # the widest cell and its padding
        if need > room and i < ncols - 1:  # rich would cut a column it never wraps
            return None
        widths.append(min(need, room))
    excess = sum(widths) - room
    if excess > 0:  # rich narrows the only wrappable column, the last, by the excess
        widths[-1] -= excess
    fold = widths[-1] - 2
    if fold < _MIN_FOLD:
        return None
    total = sum(widths) + ncols - 1 + 2
    if _unsafe(title) or cell_len(title) > total:  # rich would wrap a title wider than the table
        return None

    def draw(row) -> list[str]:
        text = row[-1]
        cuts = [0, *divide_line(text, fold, fold=True), len(text)]
        parts = [text[a:b] for a, b in zip(cuts, cuts[1:])] or [""]
        lead = " " + "".join(" " + c + " " * (w - 1 - cell_len(c)) + " "
                             for c, w in zip(row[:-1], widths))
        blank = " " * (1 + sum(w + 1 for w in widths[:-1]))
        return [(lead if k == 0 else blank) + " " + p for k, p in enumerate(parts)]

    lines = [title, ""]  # the title, then the box's top edge (blank in SIMPLE_HEAD)
    lines += draw(head)
    lines.append(" " + "─" * (total - 2))
    for row in rows:
        lines += draw(row)
    lines.append("")  # the bottom edge
    return lines
