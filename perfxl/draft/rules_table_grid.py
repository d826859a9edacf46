"""Prose amounts against the cells of a year-row table (``perfxl.draft.tables_grid``): 「公车购置及
运行费 995 万元」 in a paragraph about 2016's 决算, and the table's 2016 row writing 996 under
公车购置及运行维护费.  No rule of its own: the pairs feed PX626 (one last digit apart, warning) and
PX611 (further apart, error, only when the table's unit is known) through
``perfxl.draft.rules_table_text.table_restatements``.

A prose amount is compared only when its identity is resolved (``perfxl.draft.quantities``):

* name — the quantity model's name equals the column's (glossary synonyms on both sides; a part
  in parentheses, 「(其中公务用车购置费 38 万元)」, is ``parent/part`` like a group's column);
* year — written in its sentence, or the only year its paragraph writes before it;
* stage — its own, else the one stage all the amounts of its year before it in the paragraph have
  (「…“三公”经费决算数 2364 万元…。分项情况是:…公车购置及运行费 995 万元」 is 决算);
* no change, no prior-year figure, no fund named (the table names none), one value per name in
  its sentence; and the table gives that (name, year, stage) one value.

The table's unit is its own (「单位：万元」), else the prose's when two other cells of the table
equal two prose amounts of their quantities exactly in that unit; else it is unknown and the
amounts are compared only for a one-last-digit gap (PX626), never for an error.
"""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.draft.tables import Pair, Cell
from perfxl.draft.tables_grid import GridCell, grid_cells

__all__ = ["grid_restatements"]

_YEAR = re.compile(r"(?<![\d较比])((?:19|20)\d\d)\s*年")


def _resolved(ctx):
    """(quantity, its year, its stage) of each prose amount whose identity is resolved (see the
    module doc)."""
    from perfxl.draft.rules_table_text import _in_tables
    doc, flat = ctx.doc, ctx.doc.flat
    cells = _in_tables(ctx)
    paras = doc.paragraphs
    k = 0
    stages: set[tuple[int | None, str]] = set()  # (year, stage) of the paragraph's amounts so far
    for q in ctx.quantities:
        f = q.figure
        while k + 1 < len(paras) and paras[k][1] <= f.start:
            k += 1
            stages = set()
        pa = paras[k][0]
        if q.stage and q.known:
            stages.add((q.period, q.stage))
        i = doc.unit_at(f.start)
        if (i in cells or doc.units[i].in_table or not q.known or q.scope or not q.name
                or f.start in ctx.claims.prior or q.name in ctx.ambiguous_names):
            continue
        period = q.period
        if not q.explicit_year:  # the one year its paragraph writes before it
            years = {int(y) for y in _YEAR.findall(flat, pa, f.start)}
            if len(years) != 1:
                continue
            period = years.pop()
        # its own stage, else the one stage the paragraph's amounts of its year have
        same = {s for y, s in stages if y == period}
        stage = q.stage or (same.pop() if len(same) == 1 else "")
        if stage:
            yield q, period, stage


def _unit(cell: GridCell, matches) -> str | None:
    """The table's money unit: stated, else the prose's one unit of two exact agreements."""
    if cell.unit:
        return cell.unit
    agree = {(g.cell.start, q.figure.unit) for q, g in matches
             if g.table is cell.table and g.figure.value == q.figure.value}
    units = {u for _s, u in agree}
    if len(agree) >= 2 and len(units) == 1:
        u = units.pop()
        return {"万": "万元", "亿": "亿元"}.get(u, u)
    return None


def grid_restatements(ctx):
    """(prose figure, table, pair, the cell's value in 元, gap in 元, one unit of the coarser last
    digit in 元) for each resolved prose amount whose table cell (same name, year and stage)
    holds another value, in the shape of ``table_restatements``."""
    from perfxl.draft.rules_table_text import _half, _unit_of, _yuan
    grid = grid_cells(ctx)
    if not grid:
        return
    by_key: dict[tuple, list[GridCell]] = {}
    for g in grid:
        by_key.setdefault((g.name, g.year, g.stage), []).append(g)
    matches = []
    for q, period, stage in _resolved(ctx):
        got = by_key.get((q.name, period, stage), [])
        if len({g.figure.value for g in got}) == 1:
            matches.append((q, got[0]))
    for q, g in matches:
        f = q.figure
        unit = _unit(g, matches) or _unit_of(f)
        if unit is None:
            continue
        tv = _yuan(g.figure.value, unit)
        gap = abs(f.value_yuan - tv)
        one = 2 * max(_half(f.places, _unit_of(f)), _half(g.figure.places, unit))
        if gap > one / 2 + Decimal("1e-9"):
            label = Cell(g.heading, g.header_cell.start, g.header_cell.end)
            known = _unit(g, matches)
            yield f, g.table, Pair(label, g.cell, g.figure, known), tv, gap, one
