"""A table of year rows read by its header row: each cell an amount of (column, year, stage).

「年度 | 合计 | 因公出国(境)经费 | 公务接待费 | 公车购置及运行维护费 | 合计 | 车辆购置 | 车辆运行」 over
「2015年 | 2840 | 90 | 1400 | 1350 | 73 | 1277」 and 「2016年 | 2364 | …」 (a 三公 table, often pasted
one cell per line) says what 2016's 公务接待费 was; prose that names the same quantity, year and
stage can be compared with it (PX611 / PX626, ``perfxl.draft.rules_table_grid``).

The columns are told apart only when nothing is guessed:

* the header row's first cell is 年度 / 年份 and every other cell a name; each data row is a
  year (「2016年」「2016年决算数」) followed by figures only, all rows as wide;
* the header has as many names as a data row has cells, or exactly one more: one group name
  followed by its own 合计 (「公车购置及运行维护费 | 合计 | 车辆购置 | 车辆运行」).  The group's columns
  are then its 合计 and the next k columns, k the only count for which the 合计 equals the sum of
  those k columns in every year row (the table's own arithmetic); when no single k fits, the
  columns from the group on are left unnamed;
* the stage is the year row's own (「2016年决算数」), else the one stage word (决算 / 执行) of the
  table's title or of the line above the table; a title naming none, or several, leaves the
  stage unknown, and such a table is compared with nothing.

The same holds the other way round (``_by_columns``): rows of quantities under columns that are
each one year's 决算 / 执行 (「经费控制情况(万元) | 2022年决算数 | 2023年预算数 | 2023年决算数」, the
block of a 部门整体 自评表), read only in rows as wide as the header.

The whole's column (合计, 总计) names no quantity of its own and is left out.  Column names go
through the quantity model's naming (``perfxl.draft.quantities.subject_name``, the glossary's
synonyms); a group's columns are named ``group/column`` like an amount's parts in parentheses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from perfxl.draft.numbers import Figure
from perfxl.draft.quantities import subject_name
from perfxl.draft.tables import Cell, Table, _text, figure_of, norm_label, stated_unit

__all__ = ["GridCell", "grid_cells", "row_year"]

_YEAR_ROW = re.compile(r"\s*((?:19|20)\d\d)\s*年度?\s*(?:决算数?|预算数?|执行数)?\s*")
_FIRST = re.compile(r"年度|年份")
_TOTAL = re.compile(r"合计|总计|小计")
#: fund names whose 预算 is no stage (「一般公共预算财政拨款“三公”经费决算」)
_FUND = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算")


def row_year(label: str) -> int | None:
    """The year a row's label is and nothing else ("2015年", "2016年决算数"), or ``None``."""
    m = _YEAR_ROW.fullmatch(label)
    return int(m.group(1)) if m else None


@dataclass(frozen=True)
class GridCell:
    """One amount of a year-row table."""

    table: Table
    #: the column's quantity name (glossary synonyms applied; ``group/column`` under a group)
    name: str
    #: the cell as the table names it ("2016年 公车购置及运行维护费·车辆购置", "3、公务接待
    #: （2023年决算数）")
    heading: str
    header_cell: Cell
    year: int
    stage: str
    cell: Cell
    figure: Figure
    #: the money unit: the cell's own, else the table's (title or caption), else ``None``
    unit: str | None


def _stage(text: str) -> str:
    """决算 / 执行 when ``text`` names that stage and no other, else ``""``."""
    words = set(re.findall(r"决算|预算|执行|安排|计划", _FUND.sub("", text)))
    return words.pop() if len(words) == 1 and words <= {"决算", "执行"} else ""


def _name(text: str) -> str | None:
    name, scope = subject_name(norm_label(text))
    return name if name and not scope and not _TOTAL.fullmatch(name) else None


def _fits(total: list[Figure], parts: list[list[Figure]]) -> bool:
    """Every row's total is the sum of its parts within their rounding, and one is not 0."""
    if not any(t.value for t in total):
        return False
    for t, ps in zip(total, parts):
        slack = t.tol + sum((p.tol for p in ps), Decimal(0))
        if abs(t.value - sum((p.value for p in ps), Decimal(0))) > slack + Decimal("1e-9"):
            return False
    return True


def _columns(head: list[Cell], data: list[list[Figure]]) -> list[tuple[str, str, Cell] | None]:
    """(name, heading, header cell) of each data column, ``None`` where it has no sure name."""
    width = len(data[0])
    names = head[1:]
    if len(names) == width:
        return [(n, c.text.strip(), c) if (n := _name(c.text)) else None for c in names]
    if len(names) != width + 1:
        return [None] * width
    groups = [i for i in range(len(names) - 1)
              if _TOTAL.fullmatch(norm_label(names[i + 1].text))
              and not _TOTAL.fullmatch(norm_label(names[i].text))]
    if len(groups) != 1:
        return [None] * width
    g = groups[0]  # names[g] is the group; names[g + 1] its 合计 = data column g
    out: list[tuple[str, str, Cell] | None] = [
        (n, c.text.strip(), c) if (n := _name(c.text)) else None for c in names[:g]]
    group = _name(names[g].text)
    col = [[row[j] for row in data] for j in range(width)]
    ks = [k for k in range(1, width - g)
          if _fits(col[g], [list(r) for r in zip(*col[g + 1:g + 1 + k])])]
    if group is None or len(ks) != 1:
        return out + [None] * (width - g)
    k = ks[0]
    out.append((group, names[g].text.strip(), names[g]))
    for c in names[g + 2:g + 2 + k]:
        leaf = _name(c.text)
        out.append((f"{group}/{leaf}", f"{names[g].text.strip()}·{c.text.strip()}", c)
                   if leaf else None)
    for c in names[g + 2 + k:]:
        out.append((n, c.text.strip(), c) if (n := _name(c.text)) else None)
    return out


def _above(doc, table: Table, first: Cell) -> str:
    """The table's title, else the nearest line with text above its first cell."""
    if table.title:
        return table.title
    i = doc.unit_at(first.start)
    return next((_text(doc, j) for j in range(i - 1, -1, -1) if doc.units[j].text.strip()),
                "")


def _grid(doc, table: Table) -> list[GridCell]:
    rows = table.rows
    for h, row in enumerate(rows):
        cells = [c for c in row.cells if c.text.strip()]
        if len(cells) >= 3 and _FIRST.fullmatch(norm_label(cells[0].text)) and not any(
                c.number for c in cells):
            break
    else:
        return []
    head = cells
    years: list[tuple[int, str, list[Cell], list[Figure]]] = []
    for row in rows[h + 1:]:
        y = row_year(row.cells[0].text) if row.cells and not row.cells[0].number else None
        if y is None:
            continue
        vals = row.cells[1:]
        figs = [figure_of(doc, c) if c.number else None for c in vals]
        if not figs or None in figs or any(f.rate or f.count for f in figs):
            return []
        years.append((y, row.cells[0].text, vals, figs))
    if not years or len({len(v) for _y, _l, v, _f in years}) != 1:
        return []
    title_stage = _stage(_above(doc, table, head[0]))
    columns = _columns(head, [f for *_x, f in years])
    out = []
    for y, label, vals, figs in years:
        stage = _stage(label) or title_stage
        if not stage:
            continue
        for col, c, f in zip(columns, vals, figs):
            if col is None:
                continue
            unit = ({"万": "万元", "亿": "亿元"}.get(f.unit, f.unit) if f.money else table.unit)
            out.append(GridCell(table, col[0], f"{y}年 {col[1]}", col[2], y, stage, c, f, unit))
    return out


#: a column of one year's 决算 / 执行: 「2023年决算数」「2022年度执行数(万元)」
_YEAR_COLUMN = re.compile(r"((?:19|20)\d\d)年度?(决算|执行)数?")


def _by_columns(doc, table: Table) -> list[GridCell]:
    """The cells of a table whose rows are quantities and whose columns are years' 决算 / 执行
    (「经费控制情况(万元) | 2022年决算数 | 2023年预算数 | 2023年决算数」 over 「3、公务接待 | 2.4 |
    0.81 | 0.79」): only rows as wide as the header, only columns whose header is a year and one
    stage and nothing else, only labels that name a quantity."""
    out: list[GridCell] = []
    for row in table.rows:
        if not row.header or len(row.cells) != len(row.header) or row.cells[0].number:
            continue
        name = _name(row.cells[0].text)
        if name is None:
            continue
        for h, c in zip(row.header[1:], row.cells[1:]):
            m = _YEAR_COLUMN.fullmatch(norm_label(h))
            f = figure_of(doc, c) if m and c.number else None
            if f is None or f.rate or f.count:
                continue
            unit = ({"万": "万元", "亿": "亿元"}.get(f.unit, f.unit) if f.money
                    else stated_unit(h, row.header[0]) or table.unit)
            out.append(GridCell(table, name, f"{row.cells[0].text.strip()}（{h}）", c,
                                int(m.group(1)), m.group(2), c, f, unit))
    return out


def grid_cells(ctx) -> list[GridCell]:
    """Every amount of the draft's year-row tables (see the module doc), read once per draft."""
    got = ctx.memo.get("grid")
    if got is None:
        got = ctx.memo["grid"] = [g for t in ctx.tables
                                  for g in _grid(ctx.doc, t) + _by_columns(ctx.doc, t)]
    return got
