"""Turning a rule's documented ``Case`` into a model, and its ``at`` into a cell.

Used by the parametrized rule test and by the documentation generator, so every example on a
rule's page is one that the test suite runs.
"""
from __future__ import annotations

import re

from perfxl.checks.registry import Case
from perfxl.layout import LAYOUT
from perfxl.model import Model, SourceInfo

__all__ = ["build_model", "build_prior", "case_ctx", "resolve_at"]

_AT = re.compile(r"^(\w+)\[([^\]]+)\]\.(\w+)$")


def build_model(case: Case) -> Model:
    """A model holding exactly the case's values, rows and source (no defaults added)."""
    model = _model(case.values, case.rows)
    if case.source is not None:
        model.source = SourceInfo(**case.source)
    return model


def build_prior(case: Case) -> Model | None:
    """The case's last-year workbook (``Case.prior``) as a model, or ``None``."""
    if case.prior is None:
        return None
    return _model(case.prior.get("values", {}), case.prior.get("rows", {}))


def case_ctx(case: Case):
    """The ``Ctx`` a rule runs on for ``case`` (with its last-year workbook, if any)."""
    from perfxl.checks.context import Ctx

    prior = build_prior(case)
    return Ctx(build_model(case), prior=prior, prior_file="上年.xlsx" if prior else "")


def _model(values, rows_by_table) -> Model:
    model = Model(values=dict(values))
    for tkey, rows in rows_by_table.items():
        table = LAYOUT.table(tkey)
        first = table.columns[0].key
        for n, values in enumerate(rows):
            if table.rows is not None and values.get(first) in table.rows:
                index = table.rows.index(values[first])
            else:
                index = n
            model.add_row(tkey, values, index=index)
        model.tables[tkey].sort(key=lambda r: r.index)
    return model


def resolve_at(model: Model, at: str) -> tuple[str, str]:
    """Where ``at`` points, as (sheet, A1):

    * a field key: ``"budget_full"``;
    * a table cell by row index: ``"projects[0].executed"`` (the row's ``index``);
    * a table cell by row content: ``"statements[item=年初预算数].value"`` (the first row whose
      column ``item`` holds that text);
    * ``"sheet!A1"`` as is; ``"!"`` for a finding about the whole file.
    """
    if at == "!":
        return "", ""
    if "!" in at:
        sheet, cell = at.split("!", 1)
        return sheet, cell
    m = _AT.match(at)
    if not m:
        return model.field_cell(at)
    table, sel, column = m.groups()
    if sel.isdigit():
        return model.cell(table, int(sel), column)
    key, _, want = sel.partition("=")
    for r in model.rows(table):
        if str(r.values.get(key.strip())) == want.strip():
            return model.cell(table, r.index, column)
    raise KeyError(f"no row of {table} with {sel}")
