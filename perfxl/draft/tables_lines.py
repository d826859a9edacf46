"""The 年度资金总额 row of a 自评表 pasted a cell a line, its header labels broken over lines.

A web page's form copied as text may put every cell on its own line, blank lines between, and
break a header cell in two (「年初 / 预算数」「全年 / 执行数」):

    年初 / 预算数 / 全年预算数 / 全年 / 执行数 / 分值 / 执行率 / 得分 / 年度资金总额 /
    4753.66万元 / 4753.66万元 / 3824.26万元 / 10 / 100% / 10

No blank line tells the rows apart, so the row is read by its labels only: the lines just above
年度资金总额, joined, must be exactly a run of the funds block's column names (年初预算数,
全年预算数, 全年执行数, 分值, 执行率, 得分: 部门整体 / 项目支出 自评表, domain.md §5), each name
once, the run starting at a line's start; the lines below it must be exactly as many number
cells, the next line no number.  Anything else (a name left over, a number more or less) leaves
the form unread.  The row is a ``Table`` of a header and one row, checked like any other table
(PX616, PX617).
"""
from __future__ import annotations

from perfxl.draft.tables import Cell, Row, Table, _text

__all__ = ["funds_tables"]

#: the funds block's column names, longest first so 全年预算数 is not read as 预算数
_LABELS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
_ROW = "年度资金总额"
_MAX_HEAD = 16  # header lines looked at above the row


def _lines(doc) -> list[int]:
    """The units that can be a cell a line: not blank, not a docx table cell, not a tab- or
    ``|``-separated cell (those forms have their own readers)."""
    return [i for i, u in enumerate(doc.units)
            if u.text.strip() and not u.in_table and not u.text.lstrip(" ").startswith("\t")
            and "|" not in u.text]


def _cell(doc, i: int) -> Cell:
    t = _text(doc, i)
    lead = len(t) - len(t.lstrip(" \u3000"))
    s = doc.starts[i] + lead
    return Cell(t.strip(" \u3000"), s, s + len(t.strip(" \u3000")))


def _labels(heads: list[Cell]) -> list[str] | None:
    """The column names the header lines (nearest last) end with, when they cover whole lines."""
    joined = "".join("".join(c.text.split()) for c in heads)
    bounds, pos = {0}, 0
    for c in heads:
        pos += len("".join(c.text.split()))
        bounds.add(pos)
    names, end, best = [], len(joined), None
    while True:
        if end in bounds and names:
            best = list(reversed(names))
        name = next((n for n in _LABELS if joined.endswith(n, 0, end)), None)
        if name is None or name in names:
            return best
        names.append(name)
        end -= len(name)


def funds_tables(doc) -> list[Table]:
    """One ``Table`` (header row, 年度资金总额 row) per such block; the header's cells span the
    header lines (their texts the column names)."""
    idx = _lines(doc)
    out: list[Table] = []
    for k, i in enumerate(idx):
        if "".join(doc.units[i].text.split()) != _ROW:
            continue
        heads = []
        for j in reversed(idx[max(0, k - _MAX_HEAD):k]):
            c = _cell(doc, j)
            if c.number:
                break
            heads.insert(0, c)
        names = _labels(heads)
        if not names or "执行率" not in names or not any("预算" in n for n in names) or not any(
                "执行数" in n for n in names):
            continue
        below = [_cell(doc, j) for j in idx[k + 1:k + 2 + len(names)]]
        cells = below[:len(names)]
        if len(cells) < len(names) or not all(c.number for c in cells) or (
                len(below) > len(names) and below[-1].number):
            continue
        span = Cell("", heads[0].start, heads[-1].end)
        header = Row([Cell(n, span.start, span.end) for n in names], None)
        out.append(Table("", [header, Row([_cell(doc, i)] + cells, list(names))]))
    return out
