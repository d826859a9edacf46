"""Forms pasted as text, read into ``perfxl.draft.tables`` rows: a web page's or a PDF's table
copied with ``|`` between cells (a row a line, a Markdown table, a cell a line), and the 项目资金
block whose cells a PDF's text separates by spaces.  Where the columns cannot be told apart no
row is made: a spaced row is kept only with one figure per column.
"""
from __future__ import annotations

import re

from perfxl.draft.tables import Cell, Row, Table, _is_header, _text, _unglue

__all__ = ["text_tables"]


def _bar_cells(doc, i: int) -> list[Cell]:
    """The cells of line ``i`` split at ``|`` (a leading ``|`` opens no cell)."""
    t, a = _text(doc, i), doc.starts[i]
    out, pos = [], 0
    for k, piece in enumerate(t.split("|")):
        lead = len(piece) - len(piece.lstrip(" \t\u3000"))
        text = piece.strip(" \t\u3000")
        if k or text:  # nothing before the first | is no cell
            out.append(Cell(text, a + pos + lead, a + pos + lead + len(text)))
        pos += len(piece) + 1
    while out and not out[-1].text:
        out.pop()  # the padding of a row shorter than the widest ("19.55 | |||||")
    return out


_MD_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def _bar_rows(doc) -> list[tuple[list[Cell], int, int]]:
    """Rows of a form pasted as text with ``|`` between cells (a web page's or a PDF's table
    copied as text), with the index of their first line and of their block (consecutive rows
    with no line of prose between them make one table).  A row is a line holding ``|`` (a
    Markdown row, ``| a | b |``, whole on its line); a line opening with ``|`` and not closing
    with it continues the row above (each cell on its own line); a line without
    ``|`` starts a row when the next line opens with ``|``, and continues the last cell when
    it is indented ("社会效益" / "       指标").  Cells each on its own line with a lone ``|``
    line between every two make a chain, cut into rows by ``_cut`` and given no header.
    Each row comes with whether it was cut from a chain."""
    units, rows, cur, first, block = doc.units, [], [], 0, 0
    lone = chained = False  # the line before was a lone |; the row is a chain of such cells
    if "|" not in doc.text:  # full-width ｜ read as | (``Doc.text``)
        return rows

    def flush():
        nonlocal cur, chained
        for cells in (_cut(cur) if chained else [cur]):
            if len([c for c in cells if c.text]) >= 2:
                rows.append((cells, first, block, chained))
        cur, chained = [], False

    def opens_bar(j: int) -> bool:
        while j < len(units) and not units[j].text.strip():
            j += 1
        return j < len(units) and not units[j].in_table and _text(doc, j).lstrip().startswith("|")

    for i, u in enumerate(units):
        if u.in_table or u.text.lstrip(" ").startswith("\t"):
            flush()
            block += 1
            continue
        t = _text(doc, i)
        s = t.strip()
        if not s:
            continue
        if s == "|" and cur:
            lone = True  # a cell a line, | between every two: the next cell goes on
            continue
        if lone and "|" not in s:
            a = doc.starts[i] + len(t) - len(t.lstrip())
            cur.append(Cell(s, a, a + len(s)))
            lone, chained = False, True
            continue
        lone = False
        if _MD_RULE.match(s):
            continue  # a Markdown table's |---|---| line
        if s.startswith("|") and s.endswith("|") and sum(
                bool(c.text) for c in _bar_cells(doc, i)) >= 2:
            flush()  # a whole row between bars, as a Markdown table writes each
            first, cur = i, _bar_cells(doc, i)
        elif s.startswith("|"):
            if not cur:
                first = i
            cur += _bar_cells(doc, i)
        elif "|" in s:
            flush()
            first, cur = i, _bar_cells(doc, i)
        elif cur and t[:1] == " " and opens_bar(i + 1):
            c = cur[-1]
            cur[-1] = Cell(c.text + s, c.start, doc.starts[i] + len(t.rstrip()))
        elif opens_bar(i + 1):
            flush()
            a = doc.starts[i] + len(t) - len(t.lstrip())
            first, cur = i, [Cell(s, a, a + len(s))]
        else:
            flush()
            block += 1
    flush()
    return rows


def _cut(cells: list[Cell]) -> list[list[Cell]]:
    """A chain of cells (a cell a line, ``|`` lines between) cut into rows: a row starts at
    each label followed by a figure ("2015年" | 2840 | 90 …)."""
    out, cur = [], []
    for i, c in enumerate(cells):
        if cur and not c.number and i + 1 < len(cells) and cells[i + 1].number:
            out.append(cur)
            cur = []
        cur.append(c)
    return out + [cur] if cur else out


#: the money columns of a 项目资金 block, which a PDF's text writes on one line with spaces
_MONEY_HEADS = ("年初预算数", "全年预算数", "全年执行数", "预算数", "执行数", "分值", "执行率", "得分")
_TOKEN = re.compile(r"[^\s|]+")
_BARE_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?%?")


def _spaced_rows(doc) -> list[tuple[list[Cell], int, int]]:
    """Rows of a 项目资金 block whose cells a PDF's text (or a copy of it) separated by spaces
    only: a header line of the money columns' labels (「项目资金（万元） 年初预算数 全年预算数
    全年执行数 分值 执行率 得分」), then lines of a label and its figures.  A line may hold several
    rows (「年度资金总额： 90 90 89.97 10 99.97% 10 其中：本年财政拨款 90 90 89.97」); a row is
    kept only when it has exactly one figure per column: a shorter one (the 其中 row's three
    amounts) cannot be placed and is left out."""
    out, block = [], 0
    units = doc.units
    if "执行数" not in doc.text:  # simplified: 「執行數」 of a mirror site too
        return out
    for i, u in enumerate(units):
        if ("执行数" not in _text(doc, i) or u.in_table or "|" in u.text
                or u.text.lstrip(" ").startswith("\t")):
            continue
        toks = list(_TOKEN.finditer(_text(doc, i)))
        heads = [m for m in toks[1:] if any(m.group(0).startswith(h) for h in _MONEY_HEADS)]
        if len(toks) < 4 or len(heads) != len(toks) - 1 or any(
                c.isdigit() for c in _text(doc, i)):
            continue
        block += 1
        a = doc.starts[i]
        out.append(([Cell(m.group(0), a + m.start(), a + m.end()) for m in toks], i, block))
        width = len(heads)
        for j in range(i + 1, min(i + 6, len(units))):
            row_toks = list(_TOKEN.finditer(_text(doc, j)))
            if not row_toks or units[j].in_table or _BARE_NUMBER.fullmatch(row_toks[0].group(0)):
                break
            b = doc.starts[j]
            label, nums = None, []
            for m in row_toks + [None]:
                if m is not None and label is not None and _BARE_NUMBER.fullmatch(m.group(0)):
                    nums.append(m)
                    continue
                if label is not None and len(nums) == width:
                    out.append(([Cell(label.group(0), b + label.start(), b + label.end())]
                                + [Cell(n.group(0), b + n.start(), b + n.end()) for n in nums],
                                j, block))
                label, nums = m, []
    return out


def text_tables(doc) -> list[Table]:
    """The forms pasted with ``|`` (``_bar_rows``), one ``Table`` per block, titled by the line
    above the block when it names a table ("……项目自评表")."""
    out: list[Table] = []
    header: list[str] | None = None
    last = None
    for cells, first, block, chained in _bar_rows(doc) + [(c, f, ("spaced", b), False)
                                                           for c, f, b in _spaced_rows(doc)]:
        if block != last:
            j = next((j for j in range(first - 1, -1, -1) if doc.units[j].text.strip()), None)
            above = _text(doc, j).strip() if j is not None else ""
            bare = re.sub(r"[(（][^()（）]*[)）]\s*$", "", above)  # "……情况表（单位：万元）"
            titled = "表" in bare[-6:]
            out.append(Table(above if titled else "",
                             shown=doc.units[j].text.strip() if titled else ""))
            header, last = None, block
        if chained:  # rows cut from a chain of cells: no column names can be trusted
            out[-1].rows.append(Row(cells, None))
            continue
        if _is_header(cells):
            header = [re.sub(r"\s+", "", c.text) for c in cells]
            out[-1].rows.append(Row(cells, None))
            continue
        out[-1].rows.append(Row(cells, header))
    from perfxl.draft.tables_lines import funds_tables  # here: that module builds on tables
    return [_unglue(t) for t in out] + funds_tables(doc)
