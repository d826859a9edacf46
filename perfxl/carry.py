"""Next year starts from last year: carry a model forward and pair its 上年 figures with LAST.

Pure Python over ``perfxl.model.Model`` (no openpyxl, no xlwings); which figure feeds which is
data in the layout description (``perfxl.layout.PRIOR_YEAR_FIGURES``, ``CARRIED_FIELDS``,
``CARRIED_COLUMNS``), so this module holds no code per field.

* ``carry_forward(last)``: the model of the following year (year LAST + 1, fixed data kept,
  LAST's 本年 figures in the 上年 cells, this year's figures blank).
* ``pair_problem(this, last)``: why LAST is not last year's workbook of THIS (a blank or another
  部门名称, or a year other than THIS − 1), in Chinese; ``None`` when it is.
* ``prior_pairs(this, last)``: every 上年 figure of THIS with LAST's 本年 figure it should copy
  (PX118 compares them; amounts converted to THIS's 金额单位).
* ``prior_fill(this, last)``: the 上年 cells of THIS that LAST can fill, and those it must leave
  because the user already typed something (the add-in's 上年数据 button).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from perfxl import layout as L
from perfxl.errors import UsageError
from perfxl.model import Model, Row, filled

__all__ = ["carry_forward", "pair_problem", "prior_pairs", "prior_fill", "PriorPair", "FillCell",
           "unit_factor"]

_UNIT_FACTOR = {("元", "万元"): 1 / 10000, ("万元", "元"): 10000.0}


def unit_factor(from_unit: str, to_unit: str) -> float:
    """What an amount in ``from_unit`` is multiplied by to be in ``to_unit`` (元 -> 万元: 1/10000)."""
    return _UNIT_FACTOR.get((from_unit, to_unit), 1.0)


def _blank(v: Any) -> bool:
    return not filled([v])


def _key(row: Row, table: L.Table) -> Any:
    v = row.values.get(table.columns[0].key)
    return v.strip() if isinstance(v, str) else v


def carry_forward(last: Model) -> Model:
    """The model of the year after ``last``.

    Keeps ``CARRIED_FIELDS`` and ``CARRIED_COLUMNS`` (rows at the same positions), puts every
    ``PRIOR_YEAR_FIGURES`` source of ``last`` in its target, sets 年度 to LAST's + 1; nothing
    else is filled.  Amounts stay in LAST's 金额单位.  Raises ``UsageError`` (Chinese) when
    LAST has no 年度.
    """
    if last.year is None:
        sheet, cell = last.field_cell("year")
        raise UsageError(f"上年工作簿没有填写年度（{sheet}!{cell}），无法确定下一年度")
    lay = last.layout
    nxt = Model(layout=lay)
    for key in L.CARRIED_FIELDS:
        if not _blank(last.values.get(key)):
            nxt.values[key] = last.values[key]
    nxt.values["year"] = last.year + 1
    for c in L.PRIOR_YEAR_FIGURES:
        if c.table is None and not _blank(last.values.get(c.source)):
            nxt.values[c.target] = last.values[c.source]
    for tkey, (_, table) in lay.tables.items():
        keep = L.CARRIED_COLUMNS.get(tkey, ())  # in column order: the same file every run
        moves = [c.columns() for c in L.PRIOR_YEAR_FIGURES if c.table == tkey]
        if not keep and not moves:
            continue
        label = table.columns[0].key
        for r in last.rows(tkey):
            vals = {k: r.values[k] for k in keep if not _blank(r.values.get(k))}
            vals.update({t: r.values[s] for s, t in moves if not _blank(r.values.get(s))})
            if not vals or (set(vals) == {label} and table.rows is not None):
                continue
            if table.rows is not None:
                vals[label] = table.rows[r.index]
            elif moves and label not in vals:
                continue  # a figure with no 科目 to name it cannot be paired next year
            nxt.add_row(tkey, vals, index=r.index)
    return nxt


def _norm_name(s: str) -> str:
    return "".join(str(s or "").split())


def pair_problem(this: Model, last: Model) -> str | None:
    """Why ``last`` cannot be the year before ``this``: a 部门名称 blank on either side, a
    different 部门名称 (blanks inside ignored), or a 年度 other than THIS's − 1; ``None`` when
    they pair.  The reason is Chinese and names both
    values."""
    a, b = _norm_name(this.department_name), _norm_name(last.department_name)
    if not a or not b:  # a blank name would pair with any department's figures
        sheet, cell = L.LAYOUT.field_cell("department_name")
        which = "本工作簿和上年工作簿都" if not a and not b else "本工作簿" if not a else "上年工作簿"
        return (f"{which}没有填写部门名称（{sheet}!{cell}），无法确认是同一部门的上一年度；"
                "请先填写部门名称")
    if a != b:
        return (f"上年工作簿的部门名称为“{last.department_name}”，本工作簿为“{this.department_name}”，"
                "不是同一部门；请选择本部门上一年度的工作簿")
    if this.year is None or last.year is None:
        return "本工作簿或上年工作簿没有填写年度（基本信息!年度），无法核对是否为上一年度"
    if last.year != this.year - 1:
        return (f"上年工作簿的年度为 {last.year}，本工作簿为 {this.year}，应为 {this.year - 1} 年度；"
                "请选择上一年度的工作簿")
    return None


@dataclass(frozen=True)
class PriorPair:
    """One 上年 cell of THIS and the 本年 cell of LAST it should copy.

    ``actual`` is THIS's value, ``expected`` LAST's value in THIS's 金额单位 (either may be
    ``None``); ``where`` / ``source`` are (sheet, A1) in THIS / LAST; ``label`` names the figure
    in Chinese (``"“三公”经费“公务接待费”·上年决算数"``)."""

    carry: L.Carry
    where: tuple[str, str]
    source: tuple[str, str]
    label: str
    source_label: str
    expected: Any
    actual: Any


def _field_label(lay: L.Layout, key: str) -> str:
    return lay.field(key).label


def _cell_label(table: L.Table, key: Any, column: str) -> str:
    return f"{table.title}“{key}”·{table.column(column).header}"


def prior_pairs(this: Model, last: Model) -> Iterator[PriorPair]:
    """Every pair (THIS's 上年 cell, LAST's 本年 cell) where at least one holds a value, in the
    order of ``PRIOR_YEAR_FIGURES``.  Table rows pair by their first column."""
    lay = this.layout
    f = unit_factor(last.unit, this.unit)

    def conv(v: Any) -> Any:
        return v * f if isinstance(v, (int, float)) and not isinstance(v, bool) else v

    for c in L.PRIOR_YEAR_FIGURES:
        if c.table is None:
            exp, act = last.values.get(c.source), this.values.get(c.target)
            if _blank(exp) and _blank(act):
                continue
            yield PriorPair(c, this.field_cell(c.target), last.field_cell(c.source),
                            _field_label(lay, c.target), _field_label(lay, c.source),
                            conv(exp), act)
            continue
        table = lay.table(c.table)
        src, tgt = c.columns()
        mine = {_key(r, table): r for r in this.rows(c.table) if not _blank(_key(r, table))}
        for r in last.rows(c.table):
            k = _key(r, table)
            if _blank(k) or _blank(r.values.get(src)):
                continue
            t = mine.get(k)
            if t is None and table.rows is None:
                continue  # THIS has no row for the 科目: no 上年 figure to compare
            act = t.values.get(tgt) if t is not None else None
            where = this.cell(c.table, t.index if t is not None else r.index, tgt)
            yield PriorPair(c, where, last.cell(c.table, r.index, src),
                            _cell_label(table, k, tgt), _cell_label(table, k, src),
                            conv(r.values[src]), act)


@dataclass(frozen=True)
class FillCell:
    """A cell of THIS the 上年数据 button writes (``value``) or leaves (``value`` is what the
    user typed there, ``offered`` LAST's figure)."""

    where: tuple[str, str]
    label: str
    value: Any
    offered: Any = None


def _same(a: Any, b: Any) -> bool:
    from perfxl.checks.identities import two_values

    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return not two_values(float(a), float(b))
    return a == b


def prior_fill(this: Model, last: Model) -> tuple[list[FillCell], list[FillCell]]:
    """(cells to write, cells left because they are filled) to put LAST's 本年 figures in the
    上年 cells of THIS.  Only empty input cells are written; a filled cell that already holds
    LAST's figure (up to rounding) is in neither list.  A 功能分类科目 THIS lacks goes to the
    first unused row of the table with its name.  Amounts are converted to THIS's 金额单位."""
    lay = this.layout
    f = unit_factor(last.unit, this.unit)
    write: list[FillCell] = []
    left: list[FillCell] = []
    for c in L.PRIOR_YEAR_FIGURES:
        if c.table is None:
            v = last.values.get(c.source)
            if _blank(v):
                continue
            v = v * f if isinstance(v, (int, float)) else v
            cell = FillCell(this.field_cell(c.target), _field_label(lay, c.target), v)
            if _blank(this.values.get(c.target)):
                write.append(cell)
            elif not _same(this.values[c.target], v):
                left.append(FillCell(cell.where, cell.label, this.values[c.target], v))
            continue
        table = lay.table(c.table)
        src, tgt = c.columns()
        label_col = table.columns[0].key
        mine = {_key(r, table): r for r in this.rows(c.table) if not _blank(_key(r, table))}
        used = {r.index for r in this.rows(c.table)}
        free = (i for i in range(table.n_rows) if i not in used)
        for r in last.rows(c.table):
            k, v = _key(r, table), r.values.get(src)
            if _blank(k) or _blank(v) or not isinstance(v, (int, float)):
                continue
            v = v * f
            t = mine.get(k)
            if t is None and table.rows is not None:
                t = Row(c.table, r.index, {})
            if t is None:  # an open table: the 科目 goes to a free row with its figure
                i = next(free, None)
                if i is None:
                    continue
                write.append(FillCell(this.cell(c.table, i, label_col),
                                      _cell_label(table, k, label_col), k))
                write.append(FillCell(this.cell(c.table, i, tgt), _cell_label(table, k, tgt), v))
                continue
            cell = FillCell(this.cell(c.table, t.index, tgt), _cell_label(table, k, tgt), v)
            if _blank(t.values.get(tgt)):
                write.append(cell)
            elif not _same(t.values[tgt], v):
                left.append(FillCell(cell.where, cell.label, t.values[tgt], v))
    return write, left
