"""The in-memory model of one self-evaluation (部门整体支出绩效自评 with its 项目支出绩效自评).

Plain Python: no openpyxl, no xlwings.  Its schema is the layout description
(``perfxl.layout``): every field of the standard workbook is a key of ``Model.values`` and every
table a list of ``Row`` in ``Model.tables``, so the builder, the readers and this model cannot
drift apart.

Units are normalised once, when the model is made:
* amounts are floats in the workbook's one declared unit ``Model.unit`` (元 or 万元);
* rates are fractions (96.79% is 0.9679);
* counts are ints or floats, scores and weights are floats in 分;
* an empty cell is ``None``; text stays ``str``.

``Model.source`` carries what only a file can tell (its path, formula texts and cached values of
formula cells, where tables really start) for the workbook-hygiene checks; a model built in a
test has none.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from perfxl.layout import LAYOUT, Layout

__all__ = ["Row", "Model", "SourceInfo"]


class Row:
    """One data row of a table: ``index`` is its 0-based position among the table's data rows
    (the cell address is computed from it); values are read as attributes (``row.weight``) or
    with ``row.get("weight")``; a missing column reads as ``None``.  ``unreadable``: column ->
    the text typed in a number cell of this row that the template's formulas use in arithmetic
    and cannot read as a number ("90万元"): the value is blank, the formulas give #VALUE! there
    (set by the reader, as ``SourceInfo.unreadable_text`` for fields; ``perfxl.derived`` reads
    it)."""

    __slots__ = ("table", "index", "values", "unreadable")

    def __init__(self, table: str, index: int, values: dict[str, Any],
                 unreadable: dict[str, str] | None = None) -> None:
        self.table = table
        self.index = index
        self.values = values
        self.unreadable = unreadable or {}

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        return self.values.get(key)

    def get(self, key: str, default: Any = None) -> Any:
        v = self.values.get(key)
        return default if v is None else v

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Row({self.table}[{self.index}], {self.values!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Row) and (self.table, self.index, self.values)
                == (other.table, other.index, other.values))


class SourceInfo:
    """What the reader saw in the file, for hygiene checks and cell addresses.

    * ``path``: the file read.
    * ``formulas``: (sheet, A1) -> formula text found in a cell the template computes, or
      ``None`` where the user typed a value over the template's formula (its typed value is in
      ``typed_over``).
    * ``cached``: (sheet, A1) -> cached value of each formula cell (``None`` when the file
      carries none; see ``recomputed``).
    * ``recomputed``: (sheet, A1) -> value computed by the ``formulas`` engine for formula cells
      without a cached value.
    * ``extra_formulas``: (sheet, A1) -> formula text found in a cell where the template has none.
    * ``table_rows``: table key -> first data row as found in the file.
    * ``field_cells``: field key -> (sheet, A1) as found through its defined name.
    * ``unnamed_fields``: field key -> (sheet, A1) of fields whose defined name (``pf_…``) was
      deleted or broken; the reader found them at the template's position, whose label cell
      (column A) it checked, and rule PX008 warns about them.
    * ``number_text``: (sheet, A1) -> the Chinese reason for text found in a number cell
      ("应填写数字，现为文本“4,128.02”；请改为数字 4128.02"); the model holds the cell as the
      template's formulas read it (see ``perfxl.formula_text.text_read_as_number``).
    * ``unreadable_text``: field key -> the text typed in a number field that the template's
      formulas use in arithmetic and cannot read as a number ("3995.49万元", "53人"): the model
      holds the field as blank, the workbook's formulas give #VALUE! there (shown blank through
      their IFERROR); ``perfxl.derived`` computes the same.  Table rows carry theirs in
      ``Row.unreadable``.
    * ``space_only``: number cells that hold only white space (blank to perfxl and to the
      template's ``TRIM`` tests, text to a spreadsheet's arithmetic).
    """

    #: The fields, in order (a plain class, not a dataclass: every ``perfxl check`` defines it,
    #: and ``dataclasses`` with what it imports costs ~5 ms); a dict or list not given is a new
    #: empty one.  ``recompute`` is neither compared nor shown.
    FIELDS = ("path", "formulas", "typed_over", "cached", "recomputed", "extra_formulas",
              "table_rows", "field_cells", "unnamed_fields", "external_links", "number_text",
              "unreadable_text", "space_only", "print_areas", "recompute")

    def __init__(self, path: str | None = None, formulas=None, typed_over=None, cached=None,
                 recomputed=None, extra_formulas=None, table_rows=None, field_cells=None,
                 unnamed_fields=None, external_links=None, number_text=None,
                 unreadable_text=None, space_only=None, print_areas=None,
                 recompute: Callable[[], None] | None = None) -> None:
        self.path = path
        self.formulas: dict[tuple[str, str], str | None] = {} if formulas is None else formulas
        self.typed_over: dict[tuple[str, str], Any] = {} if typed_over is None else typed_over
        self.cached: dict[tuple[str, str], Any] = {} if cached is None else cached
        self.recomputed: dict[tuple[str, str], Any] = {} if recomputed is None else recomputed
        self.extra_formulas: dict[tuple[str, str], str] = \
            {} if extra_formulas is None else extra_formulas
        self.table_rows: dict[str, int] = {} if table_rows is None else table_rows
        self.field_cells: dict[str, tuple[str, str]] = {} if field_cells is None else field_cells
        self.unnamed_fields: dict[str, tuple[str, str]] = \
            {} if unnamed_fields is None else unnamed_fields
        self.external_links: list[str] = [] if external_links is None else external_links
        self.number_text: dict[tuple[str, str], str] = {} if number_text is None else number_text
        self.unreadable_text: dict[str, str] = {} if unreadable_text is None else unreadable_text
        #: (sheet, A1) of number cells holding only white space: read as blank, shown by PX010.
        self.space_only: list[tuple[str, str]] = [] if space_only is None else space_only
        #: sheet -> (first row, last row) of each range of its print area (sheets with one only).
        self.print_areas: dict[str, list[tuple[int, int]]] = \
            {} if print_areas is None else print_areas
        #: Called once, on first need, to fill ``recomputed`` (set by the reader).
        self.recompute = recompute

    def __eq__(self, other: object) -> bool:  # every field but ``recompute``
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.FIELDS[:-1])

    __hash__ = None  # type: ignore[assignment]  (mutable)

    def __repr__(self) -> str:
        return "SourceInfo(" + ", ".join(f"{k}={getattr(self, k)!r}"
                                          for k in self.FIELDS[:-1]) + ")"

    @property
    def has_cached_values(self) -> bool:
        return any(v is not None for v in self.cached.values())

    def value_of(self, sheet: str, cell: str) -> Any:
        """The value a spreadsheet shows in a formula cell: cached, else recomputed (the
        ``formulas`` engine runs once per file, on first need)."""
        key = (sheet, cell)
        v = self.cached.get(key)
        if v is not None:
            return v
        if not self.recomputed and self.recompute is not None:
            self.recompute()
        return self.recomputed.get(key)


class Model:
    """One self-evaluation.

    * ``values``: field key (see ``perfxl.layout``) -> value; input and stated fields only
      (formula fields are derived by ``perfxl.derived``, never stored here).
    * ``tables``: table key -> rows that hold at least one input or stated value, in sheet order.
    * ``source``: what the file showed, or ``None`` for a model built in code.
    """

    def __init__(self, values: dict[str, Any] | None = None,
                 tables: dict[str, list[Row]] | None = None, source: SourceInfo | None = None,
                 layout: Layout = LAYOUT) -> None:
        self.values: dict[str, Any] = {} if values is None else values
        self.tables: dict[str, list[Row]] = {} if tables is None else tables
        self.source = source
        self.layout = layout

    def __eq__(self, other: object) -> bool:  # the layout is not compared
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.values, self.tables, self.source) == (other.values, other.tables,
                                                            other.source)

    __hash__ = None  # type: ignore[assignment]  (mutable)

    def __repr__(self) -> str:
        return f"Model(values={self.values!r}, tables={self.tables!r}, source={self.source!r})"

    # ---- values ------------------------------------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        if key not in self.layout.fields:
            raise KeyError(f"unknown field {key!r}")
        v = self.values.get(key)
        return default if v is None else v

    def rows(self, table: str) -> list[Row]:
        if table not in self.layout.tables:
            raise KeyError(f"unknown table {table!r}")
        return self.tables.get(table, [])

    def row(self, table: str, label: str, column: str | None = None) -> Row | None:
        """The row of a fixed table whose first column is ``label`` (e.g. income "上年结转")."""
        t = self.layout.table(table)
        first = column or t.columns[0].key
        for r in self.rows(table):
            if r.get(first) == label:
                return r
        return None

    def add_row(self, table: str, values: dict[str, Any], index: int | None = None) -> Row:
        rows = self.tables.setdefault(table, [])
        if index is None:
            index = (rows[-1].index + 1) if rows else 0
        r = Row(table, index, dict(values))
        rows.append(r)
        return r

    # ---- conveniences named by the field's standard terms -----------------------------------
    @property
    def unit(self) -> str:
        """金额单位: "元" or "万元" (default 万元, the official tables' usual unit).  No formula
        reads the cell, so a unit typed with a stray full-width space ("元\u3000", PX005) is
        still that unit for the report and the checks, never a third one."""
        u = self.values.get("amount_unit")
        u = u.strip() if isinstance(u, str) else u
        return u if u in ("元", "万元") else "万元"

    @property
    def year(self) -> int | None:
        y = self.values.get("year")
        return int(y) if isinstance(y, (int, float)) else None

    @property
    def department_name(self) -> str:
        return self.values.get("department_name") or ""

    @property
    def framework_id(self) -> str | None:
        return self.values.get("framework")

    def projects(self) -> list[str]:
        return [r.project for r in self.rows("projects") if r.project]

    def project_rows(self, table: str, project: str) -> list[Row]:
        return [r for r in self.rows(table) if r.project == project]

    # ---- addresses ---------------------------------------------------------------------------
    def field_cell(self, key: str) -> tuple[str, str]:
        """(sheet, A1) of a field, as found in the file where known."""
        if self.source and key in self.source.field_cells:
            return self.source.field_cells[key]
        return self.layout.field_cell(key)

    def cell(self, table: str, index: int, column: str) -> tuple[str, str]:
        """(sheet, A1) of column ``column`` in data row ``index`` of ``table``."""
        first = self.source.table_rows.get(table) if self.source else None
        return self.layout.table_cell(table, index, column, first)

    def iter_items(self) -> Iterator[tuple[str, Any]]:
        yield from self.values.items()


def filled(values: Iterable[Any]) -> list[Any]:
    """The non-empty values (None and blank strings dropped)."""
    return [v for v in values if v is not None and not (isinstance(v, str) and not v.strip())]
