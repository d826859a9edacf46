"""The bundled real examples: their data files (``examples/data/<seed>.toml``) and the workbooks built
from them (``examples/<seed>-<部门>-<年度>.xlsx``).

A data file is TOML (UTF-8) keyed by the layout description (``perfxl.layout``):

* ``[values]``: field key -> value, for input and stated fields only (never a formula or output
  field).  Amounts in the file's ``amount_unit``; rates as fractions (96.00% is 0.96); dates as TOML
  dates (held in the model as ISO text "2023-01-30", as the reader gives them).
* ``[[tables.<table key>]]``: one TOML table per row, column key -> value.  For a fixed table
  (``rows=`` in the layout) the first column gives the row's label exactly as the layout spells it,
  and the row lands at that label's position; rows not listed stay empty.  An open table's rows are
  filled from the top in the order given.

``load_example_data`` validates every key and value against the layout and raises
``perfxl.errors.PerfxlError`` (a Chinese message naming the file and the bad key) instead of
guessing.  The result is a ``perfxl.model.Model`` exactly as a reader would return it for a
workbook holding these values (``Model.source`` is ``None``).
"""
from __future__ import annotations

import datetime as dt
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from perfxl import layout as L
from perfxl.errors import PerfxlError
from perfxl.model import Model

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["Example", "EXAMPLES", "ROOT", "BUNDLED", "data_root", "load_example_data", "example",
           "load_example"]

#: The repository root (the package is installed in editable mode; see the Makefile).
ROOT = Path(__file__).resolve().parent.parent
#: Where an installed wheel carries the examples (``perfxl/_bundled/examples/...``, copied there by
#: the build hook in setup.py; absent in a checkout, where ``examples/`` is at ``ROOT``).
BUNDLED = Path(__file__).resolve().parent / "_bundled"
#: Bytes of an example data file (the bundled ones are 11 to 52 kB).
MAX_EXAMPLE_FILE = 10 * 1024 * 1024


def data_root() -> Path:
    """The folder the examples' relative paths (``examples/...``) start from: the bundled copy of
    an installed wheel when present, else the repository root of a checkout."""
    return BUNDLED if (BUNDLED / "examples").is_dir() else ROOT


@dataclass(frozen=True)
class Example:
    """One bundled example: ``seed`` is the seed's number (``"004"``), ``data`` and ``output`` are
    paths relative to :func:`data_root` (the repository root in a checkout)."""

    seed: str
    department: str
    year: int
    unit: str
    framework: str
    data: str
    output: str

    def data_path(self, root: Path | None = None) -> Path:
        return (root or data_root()) / self.data

    def output_path(self, root: Path | None = None) -> Path:
        return (root or data_root()) / self.output

    def load(self, root: Path | None = None) -> Model:
        return load_example_data(self.data_path(root))


EXAMPLES: tuple[Example, ...] = (
    Example("004", "岳阳市商务局", 2023, "万元", "hunan_dept",
            "examples/data/004.toml", "examples/004-岳阳市商务局-2023.xlsx"),
    Example("000", "乐昌市商务局", 2022, "元", "guangdong_dept_100",
            "examples/data/000.toml", "examples/000-乐昌市商务局-2022.xlsx"),
    Example("002", "乐山市市中区经济合作局", 2022, "万元", "common_53",
            "examples/data/002.toml", "examples/002-乐山市市中区经济合作局-2022.xlsx"),
)


def example(seed: str) -> Example:
    """The bundled example of seed ``seed`` ("004", "000", "002")."""
    for ex in EXAMPLES:
        if ex.seed == seed:
            return ex
    raise PerfxlError(f"没有种子 {seed} 的示例；现有示例：{'、'.join(e.seed for e in EXAMPLES)}")


def load_example(seed: str, root: Path | None = None) -> Model:
    """The model of the bundled example of seed ``seed``, from its data file."""
    return example(seed).load(root)


# ----------------------------------------------------------------------------------------------
_NUMBER_KINDS = {L.AMOUNT: "金额", L.RATE: "比率", L.SCORE: "分值", L.NUMBER: "数字"}
_INPUT_ROLES = (L.INPUT, L.STATED)


def _value(raw: Any, kind: str, choices: Any, where: str, file: str) -> Any:
    """``raw`` (a TOML value) converted the way the reader normalises a cell of ``kind``."""
    def bad(msg: str) -> PerfxlError:
        return PerfxlError(f"{where}：{msg}", file=file)

    if isinstance(raw, (dict, list)):
        raise bad("应为单个值，不能是表或数组")
    if isinstance(raw, bool):
        raise bad("不能填写逻辑值（true/false）")
    if kind in _NUMBER_KINDS or kind in (L.COUNT, L.YEAR):
        if not isinstance(raw, (int, float)):
            raise bad(f"应填写数字，现为 {raw!r}")
        if isinstance(raw, float) and (math.isnan(raw) or math.isinf(raw)):
            raise bad("不是有效数字")
        if kind in (L.COUNT, L.YEAR):
            if float(raw).is_integer():
                return int(raw)
            if kind == L.YEAR:
                raise bad(f"年度应为整数，现为 {raw!r}")
            return float(raw)
        return float(raw)
    if kind == L.DATE:
        # as the reader gives a date cell: ISO text "YYYY-MM-DD"
        if isinstance(raw, (dt.datetime, dt.date)):
            return raw.strftime("%Y-%m-%d")
        if isinstance(raw, str):
            try:
                return dt.date.fromisoformat(raw).strftime("%Y-%m-%d")
            except ValueError:
                pass
        raise bad(f"应填写日期（如 2023-01-30），现为 {raw!r}")
    # text, longtext, choice
    if not isinstance(raw, str):
        raise bad(f"应填写文字，现为 {raw!r}")
    if kind == L.CHOICE and isinstance(choices, tuple) and raw not in choices:
        raise bad(f"“{raw}”不在可选值（{'、'.join(choices)}）中")
    return raw


def load_example_data(path: str | Path) -> Model:
    """Read an example data file (TOML, see the module docstring) into a ``Model``.

    Raises ``PerfxlError`` naming the file and the offending key for: a file that is missing or
    not TOML, an unknown top-level key, field, table or column, a formula or output field or
    column, a fixed-table label the layout does not have (or given twice), more rows than an open
    table holds, and a value of the wrong type (text in a number cell, a choice not offered...).
    """
    path = Path(path)
    file = str(path)
    from perfxl.io.reading.regular import read_regular

    # read without blocking: a FIFO or a device named .toml is refused, never waited on
    raw = read_regular(path, MAX_EXAMPLE_FILE, PerfxlError, "示例数据文件")
    if len(raw) > MAX_EXAMPLE_FILE:
        raise PerfxlError(f"示例数据文件过大（超过 {MAX_EXAMPLE_FILE // 1024 // 1024} MB）", file=file)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PerfxlError("不是有效的 TOML 文件：TOML 文件应为 UTF-8 编码", file=file) from None
    except tomllib.TOMLDecodeError as exc:
        raise PerfxlError(f"不是有效的 TOML 文件：{exc}", file=file) from None

    lay = L.LAYOUT
    unknown = sorted(set(data) - {"values", "tables"})
    if unknown:
        raise PerfxlError(f"未知的顶层键：{'、'.join(unknown)}（只允许 values 与 tables）", file=file)

    model = Model()
    values = data.get("values", {})
    if not isinstance(values, dict):
        raise PerfxlError("values 应为表（[values]）", file=file)
    for key, raw in values.items():
        if key not in lay.fields:
            raise PerfxlError(f"未知字段 values.{key}（布局中没有此字段）", file=file)
        f = lay.field(key)
        if f.role not in _INPUT_ROLES:
            raise PerfxlError(f"字段 values.{key}（{f.label}）由公式或程序计算，不能填写", file=file)
        model.values[key] = _value(raw, f.kind, f.choices, f"values.{key}（{f.label}）", file)

    tables = data.get("tables", {})
    if not isinstance(tables, dict):
        raise PerfxlError("tables 应为表（[[tables.<表名>]]）", file=file)
    # rows are added in the layout's table order, so Model.tables is in sheet order
    for tkey in sorted(tables, key=lambda k: list(lay.tables).index(k) if k in lay.tables else -1):
        rows = tables[tkey]
        if tkey not in lay.tables:
            raise PerfxlError(f"未知表 tables.{tkey}（布局中没有此表）", file=file)
        table = lay.table(tkey)
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise PerfxlError(f"tables.{tkey} 应为行的数组（[[tables.{tkey}]]）", file=file)
        first = table.columns[0].key
        placed: list[tuple[int, dict[str, Any]]] = []
        for n, raw_row in enumerate(rows, start=1):
            where = f"tables.{tkey} 第 {n} 行"
            row: dict[str, Any] = {}
            for ckey, raw in raw_row.items():
                try:
                    col = table.column(ckey)
                except KeyError:
                    raise PerfxlError(f"{where}：未知列 {ckey}（表 {tkey} 没有此列）",
                                      file=file) from None
                if col.role not in _INPUT_ROLES:
                    raise PerfxlError(f"{where}：列 {tkey}.{ckey}（{col.header}）由公式或程序计算，"
                                      f"不能填写", file=file)
                row[ckey] = _value(raw, col.kind, col.choices,
                                   f"{where} 列 {tkey}.{ckey}（{col.header}）", file)
            if table.rows is not None:
                label = row.get(first)
                if label not in table.rows:
                    raise PerfxlError(
                        f"{where}：{first} 应为 {'、'.join(table.rows)} 之一，现为 {label!r}",
                        file=file)
                index = table.rows.index(label)
                if any(i == index for i, _ in placed):
                    raise PerfxlError(f"{where}：“{label}”重复", file=file)
            else:
                index = len(placed)
                if index >= table.capacity:
                    raise PerfxlError(f"{where}：表 {tkey} 最多 {table.capacity} 行", file=file)
            placed.append((index, row))
        for index, row in sorted(placed, key=lambda p: p[0]):
            model.add_row(tkey, row, index=index)
    return model
