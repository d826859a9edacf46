"""What a rule function receives: the model, where its cells are, and shared look-ups.

``Ctx`` is built once per ``check_model`` call.  It never changes the model.

* ``num(key)`` / ``text(key)``: a field's value as a number / non-blank text, else ``None``.
* ``at(key)``, ``at_row(row, column)``: (sheet, A1) of a field / a table cell, as found in the
  file when the model came from one (``Model.field_cell``, ``Model.cell``).
* ``hit(...)``: the record a rule yields.
* ``framework``: the workbook's evaluation framework (``perfxl.frameworks.load``), or ``None``
  when the 评价框架 cell is blank or names no bundled framework.
* ``indicator_groups(table)``: rows of an indicator table with 一级/二级 labels carried down.
* ``prior`` / ``prior_file``: last year's workbook as a model and its path, when the caller gives
  one (``perfxl check --prior``); rules comparing with it (PX118) stay quiet without.
"""
from __future__ import annotations

from functools import cached_property
from typing import Any, Iterator

from perfxl.checks.compare import is_number
from perfxl.checks.registry import Hit
from perfxl.model import Model, Row

__all__ = ["Ctx", "Labelled"]


class Labelled:
    """An indicator row with its 一级/二级 labels carried down from the rows above."""

    __slots__ = ("row", "level1", "level2")

    def __init__(self, row: Row, level1: str | None, level2: str | None) -> None:
        self.row, self.level1, self.level2 = row, level1, level2


class Ctx:
    def __init__(self, model: Model, file: str = "", *, prior: Model | None = None,
                 prior_file: str = "") -> None:
        self.model = model
        self.file = file
        self.prior = prior
        self.prior_file = prior_file

    # ---- values ---------------------------------------------------------------------------
    def value(self, key: str) -> Any:
        return self.model.values.get(key)

    def num(self, key: str) -> float | None:
        v = self.model.values.get(key)
        return float(v) if is_number(v) else None

    def text(self, key: str) -> str | None:
        v = self.model.values.get(key)
        if v is None:
            return None
        s = str(v).strip()
        return s or None

    def rows(self, table: str) -> list[Row]:
        return self.model.rows(table)

    def row(self, table: str, label: str) -> Row | None:
        return self.model.row(table, label)

    @staticmethod
    def rnum(row: Row | None, column: str) -> float | None:
        if row is None:
            return None
        v = row.values.get(column)
        return float(v) if is_number(v) else None

    def column_values(self, table: str, column: str) -> list[tuple[Row, float]]:
        """(row, number) for every row of ``table`` with a number in ``column``."""
        return [(r, float(r.values[column])) for r in self.rows(table)
                if is_number(r.values.get(column))]

    # ---- addresses ------------------------------------------------------------------------
    def at(self, key: str) -> tuple[str, str]:
        return self.model.field_cell(key)

    def at_row(self, row: Row, column: str) -> tuple[str, str]:
        return self.model.cell(row.table, row.index, column)

    def hit(self, where: tuple[str, str], *, expected: Any = None, actual: Any = None,
            related: tuple[tuple[str, str], ...] = (), **args: Any) -> Hit:
        """The record a rule yields; ``args`` fill the rule's message template, and the cell
        address ``where`` is available to it as ``{cell}``."""
        args.setdefault("cell", f"{where[0]}!{where[1]}" if where[0] else "")
        return Hit(where, expected, actual, args, related)

    # ---- framework ------------------------------------------------------------------------
    @cached_property
    def framework(self):
        """The workbook's framework, or ``None`` (no framework named, or unknown: PX005
        reports an unknown one)."""
        from perfxl.errors import FrameworkError
        from perfxl.frameworks import load

        name = self.value("framework")
        if not name:
            return None
        try:
            return load(str(name))
        except FrameworkError:
            return None

    @cached_property
    def score_result(self):
        """``perfxl.scoring.score_model`` of the model, or ``None`` without a usable framework."""
        from perfxl.errors import FrameworkError
        from perfxl.scoring import score_model

        if self.framework is None:
            return None
        try:
            return score_model(self.model)
        except FrameworkError:
            return None

    @property
    def total(self) -> float:
        """The framework's full score (100 when unknown)."""
        fw = self.framework
        return float(fw.total) if fw is not None and fw.total is not None else 100.0

    # ---- indicator tables -----------------------------------------------------------------
    def indicator_groups(self, table: str) -> Iterator[Labelled]:
        """Rows of an indicator table with 一级/二级 labels carried down (a new 一级 resets the
        二级; a new project resets both), as official forms write a label once per block."""
        last1: str | None = None
        last2: str | None = None
        project: Any = object()
        for r in self.rows(table):
            if "project" in r.values or table == "project_indicators":
                if r.project != project:
                    project, last1, last2 = r.project, None, None
            l1 = (r.level1 or "").strip() or None
            l2 = (r.level2 or "").strip() or None
            if l1 is not None and l1 != last1:
                last1, last2 = l1, None
            if l2 is not None:
                last2 = l2
            yield Labelled(r, last1, last2)
