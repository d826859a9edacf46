"""Reads a standard workbook file (.xlsx/.xlsm) into a ``perfxl.model.Model``.

* Fields are found through their defined names (``pf_<key>``), tables through their Excel Table
  names (``T_<key>``), so rows inserted above a table or a moved block are still read right.
* Values are normalised once (amounts in the declared unit, rates as fractions).  Text in a
  number cell is never guessed: every such cell is collected and reported in one
  ``WorkbookFormatError`` naming file, sheet and cell with the number it probably meant.
* For every cell the template computes, the formula text and the cached value are recorded in
  ``Model.source`` (for the hygiene checks).  Where the file carries no cached values (saved by
  openpyxl or another library), ``SourceInfo.value_of`` recomputes them with the ``formulas``
  engine on first use; a formula cell is never read as empty.
* Accepts the aliases real forms use for the same column header (年度预算数 for 年初预算数,
  实际支出 for 全年执行数; see ``perfxl.glossary.HEADER_ALIASES``).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

from perfxl import TEMPLATE_VERSION
from perfxl import layout as L
from perfxl.errors import WorkbookFormatError
from perfxl.glossary import HEADER_ALIASES
from perfxl.io.reading.sheetxml import (defined_names, external_links, print_areas, scan_formulas,
                                        sheet_parts)
from perfxl.io.reading.sniff import open_checked
from perfxl.model import Model, SourceInfo
from perfxl.template_facts import text_read_as_number, text_read_both_ways
from perfxl.numbers import NumberTextError, formula_number, parse_number
from perfxl.typed import TextNumber, excel_trim

NUMERIC = {L.AMOUNT, L.RATE, L.COUNT, L.SCORE, L.NUMBER, L.YEAR}
MAX_CELLS = 2_000_000
_REF = re.compile(r"^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$")
_A1 = re.compile(r"^([A-Z]+)(\d+)$")


def _split_a1(a1: str) -> tuple[str, int]:
    m = _A1.match(a1)
    assert m, a1
    return m.group(1), int(m.group(2))


class _Problems:
    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[tuple[str, str, str]] = []

    def add(self, sheet: str, cell: str, message: str) -> None:
        self.items.append((sheet, cell, message))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        sheet, cell, first = self.items[0]
        if len(self.items) == 1:
            raise WorkbookFormatError(first, file=self.file, sheet=sheet, cell=cell)
        lines = [f"{s}!{c}：{m}" for s, c, m in self.items[:20]]
        more = f"\n……另有 {len(self.items) - 20} 处" if len(self.items) > 20 else ""
        raise WorkbookFormatError(
            f"{len(self.items)} 个单元格的内容无法读取：\n" + "\n".join(lines) + more,
            file=self.file, sheet=sheet, cell=cell)


def _convert(value: Any, kind: str, choices, sheet: str, cell: str, problems: _Problems,
             source: SourceInfo | None = None, coerce: bool | str = False) -> Any:
    """The model value of one input cell.  Text in a number cell is not fatal: its Chinese reason
    goes to ``source.number_text`` (rule PX009 reports it) and the cell reads as the template's
    formulas read it: the number the text spells where they use it in arithmetic (``coerce``),
    a ``TextNumber`` where some formulas also skip it (``coerce == "both"``), else blank."""
    if isinstance(value, str) and value.strip() == "":
        return None
    if value is None:
        return None
    if kind in NUMERIC:
        if isinstance(value, (dt.datetime, dt.date)):
            problems.add(sheet, cell, f"应填写数字，现为日期 {value:%Y-%m-%d}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            # NaN / INF written by a script: openpyxl cannot even open such a package, so both
            # engines refuse it alike (``perfxl.io.reading.backends``)
            problems.add(sheet, cell, "不是有效数字；请填写数字，不适用时留空")
            return None
        try:
            num = parse_number(value)
        except NumberTextError as exc:
            if source is None:
                problems.add(sheet, cell, exc.reason)
                return None
            source.number_text[(sheet, cell)] = exc.reason
            num = formula_number(value) if coerce and isinstance(value, str) else None
            if num is not None and not math.isfinite(num):  # "1e999": #VALUE! in Excel too
                num = None
            if num is not None and coerce == "both":  # arithmetic reads it, SUM skips it
                return TextNumber(num)
        if num is not None and kind in (L.COUNT, L.YEAR) and float(num).is_integer():
            return int(num)
        return num
    if kind == L.DATE and isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, str) and kind == L.CHOICE:
        # the formulas compare TRIM(cell) with the choices: read it the same way
        return excel_trim(value) or None
    return value if isinstance(value, str) else str(value)


def _space_only(raw: Any, kind: str) -> bool:
    """A number cell holding only white space: looks empty, is text to a spreadsheet."""
    return kind in NUMERIC and isinstance(raw, str) and raw != "" and raw.strip() == ""


def _identity(book, names: dict[str, str], file: str) -> None:
    pf = {n for n in names if n.startswith("pf_")}
    if not pf:
        raise WorkbookFormatError("这不是 perfxl 标准工作簿（没有找到 perfxl 的命名单元格）；"
                                  "请用 `perfxl new -o 文件.xlsx` 生成标准工作簿后填写", file=file)
    if "pf_template_version" not in names:
        raise WorkbookFormatError("工作簿缺少模板版本信息（pf_template_version），可能是其他版本的模板；"
                                  "请用当前版本的标准工作簿重新填写", file=file)
    sheet, cell = _resolve(names, "pf_template_version", file)
    found = _cell(book, sheet, cell) if sheet in book.sheetnames else None
    want = f"perfxl-{TEMPLATE_VERSION}"
    if found != want:
        raise WorkbookFormatError(f"模板版本为“{found}”，本程序需要“{want}”；"
                                  "请用 `perfxl new` 生成当前版本的标准工作簿，把数据复制过去",
                                  file=file, sheet=sheet, cell=cell)


def _resolve(names: dict[str, str], name: str, file: str) -> tuple[str, str]:
    text = names.get(name, "")
    m = _REF.match(text or "")
    if not m:
        raise WorkbookFormatError(f"命名单元格 {name} 的引用无效（{text}），可能删除过它所在的行或列；"
                                  "请用 `perfxl new` 生成标准工作簿，把数据复制过去", file=file)
    return m.group(1).replace("''", "'"), f"{m.group(2)}{m.group(3)}"


def _check_label(book, sheet: str, a1: str, f: L.Field, file: str) -> None:
    """A field found by position only: its label (column A of its row) must be the template's,
    else the layout cannot be trusted and the file is refused (issue 15)."""
    if sheet not in book.sheetnames:
        return  # the caller says the sheet is missing
    _col, row = _split_a1(a1)
    found = book.value(sheet, row, 1)
    if not (isinstance(found, str) and found.strip() == f.label):
        raise WorkbookFormatError(
            f"命名单元格 {f.name}（“{f.label}”）已被删除或引用无效，标准位置 A{row} 的标签为"
            f"“{found if found is not None else '（空）'}”，不是“{f.label}”：无法确定该项的位置；"
            "请用 `perfxl new` 生成标准工作簿，把数据复制过去", file=file, sheet=sheet,
            cell=f"A{row}")


def _cell(book, sheet: str, a1: str) -> Any:
    col, row = _split_a1(a1)
    return book.value(sheet, row, L.column_index(col))


def _header_matches(found: Any, col: L.Column) -> bool:
    if found == col.header:
        return True
    return isinstance(found, str) and HEADER_ALIASES.get(found.strip()) == col.header


def read_workbook(path: str | Path, *, layout: L.Layout = L.LAYOUT,
                  engine: str = "openpyxl") -> Model:
    """Read ``path`` into a Model.

    ``engine``: "openpyxl" (the reference) or "calamine" (fast, for batch review); both give the
    same model.  Raises ``WorkbookFormatError`` (exit code 2 in the CLI) when the file is not a
    readable perfxl standard workbook of this template version, when a sheet, named cell or
    table is missing or renamed, or when cells hold text where numbers belong (all such cells
    listed).  Never writes anything.
    """
    from perfxl.io.reading.backends import ENGINES, CalamineGaveUp

    path = Path(path)
    file = str(path)
    # read once: every parser below works on these bytes, and on the members the package check
    # decompressed (``Package``: none is decompressed twice)
    data, package = open_checked(path)
    try:
        # formula texts, cached values and defined names, straight from the XML
        try:
            names = defined_names(package)
            parts = sheet_parts(package)
            scanned = {s.name: scan_formulas(package, parts[s.name]) for s in layout.sheets
                       if not s.output and s.name in parts}
            links = external_links(package)
            areas = print_areas(package)
        except WorkbookFormatError:
            raise
        except Exception as exc:  # defusedxml refuses DTDs/entities; damaged XML lands here
            raise WorkbookFormatError(f"工作簿内部 XML 无法安全解析（{type(exc).__name__}）；"
                                      "文件可能已损坏或含有不安全内容", file=file) from None
        try:
            model = read_book(ENGINES[engine](path, data, package), names, scanned, file=file,
                              layout=layout)
        except CalamineGaveUp:  # a sheet calamine cannot convert: the reference engine reads it
            model = read_book(ENGINES["openpyxl"](path, data), names, scanned, file=file,
                              layout=layout)
    finally:
        package.close()
    model.source.external_links = links
    model.source.print_areas = areas
    model.source.recompute = lambda: _recompute(path, model)
    return model


def read_book(book, names: dict[str, str], scanned: dict[str, dict] | None, *, file: str,
              layout: L.Layout = L.LAYOUT) -> Model:
    """The model of an opened workbook, whatever reads its cells.

    ``book`` offers ``sheetnames``, ``value(sheet, row, col)``, ``table(name) -> (sheet, ref)``,
    ``merged(sheet)`` and ``size(sheet)`` (see ``perfxl.io.reading.backends``; the add-in passes a live
    xlwings book through the same interface); ``names`` maps defined names to references;
    ``scanned`` maps sheet -> A1 -> ``FormulaCell``, or is ``None`` where formulas cannot be
    seen (then no formula cell is recorded, and the hygiene checks have nothing to judge).
    Raises ``WorkbookFormatError`` as ``read_workbook`` does.
    """
    formulas_known = scanned is not None
    scanned = scanned or {}
    _identity(book, names, file)
    missing = [s.name for s in layout.sheets if not s.output and s.name not in book.sheetnames]
    if missing:
        raise WorkbookFormatError(f"缺少工作表：{'、'.join(missing)}；请使用完整的标准工作簿",
                                  file=file, sheet=missing[0])
    source = SourceInfo(path=file)
    problems = _Problems(file)
    model = Model(source=source, layout=layout)
    coerced = text_read_as_number(layout)
    both = text_read_both_ways(layout)

    for ws_name in (s.name for s in layout.sheets if not s.output):
        rows, cols = book.size(ws_name)
        if rows * cols > MAX_CELLS:
            raise WorkbookFormatError(f"工作表使用区域过大（{rows} 行 × {cols} 列），"
                                      "请删除多余的行列后另存", file=file, sheet=ws_name)

    # fields
    for key, (sheet, block, f) in layout.fields.items():
        at = None
        if f.name in names:
            try:
                at = _resolve(names, f.name, file)
            except WorkbookFormatError:
                pass
        if at is not None:
            s, cell = at
        else:  # the name was deleted or broken: the template's position, if its label says so
            s, cell = layout.field_cell(key)
            _check_label(book, s, cell, f, file)
            source.unnamed_fields[key] = (s, cell)
        if s not in book.sheetnames:
            raise WorkbookFormatError(f"命名单元格 {f.name} 指向不存在的工作表", file=file, sheet=s)
        source.field_cells[key] = (s, cell)
        raw = _cell(book, s, cell)
        if f.role == L.FORMULA:
            if formulas_known:
                _formula_cell(source, scanned.get(s, {}), s, cell, raw)
            continue
        if f.role == L.OUTPUT:
            continue
        fc = scanned.get(s, {}).get(cell)
        if fc is not None:
            source.extra_formulas[(s, cell)] = fc.formula or "(共享公式)"
        if _space_only(raw, f.kind):
            source.space_only.append((s, cell))
        value = _convert(raw, f.kind, f.choices, s, cell, problems, source,
                         "both" if key in both else key in coerced)
        if value is not None:
            model.values[key] = value
        elif (key in coerced or key in both) and (s, cell) in source.number_text:
            source.unreadable_text[key] = str(raw).strip()

    # tables
    for tkey, (sheet, table) in layout.tables.items():
        found_table = book.table(table.name)
        if found_table is None or found_table[0] != sheet.name:
            raise WorkbookFormatError(f"缺少表格“{table.title}”（{table.name}），可能被删除或改名；"
                                      "请使用完整的标准工作簿", file=file, sheet=sheet.name)
        ref = found_table[1]
        first, last = ref.split(":")
        c0, r0 = _split_a1(first)
        c1, r1 = _split_a1(last)
        if c0 != "A" or L.get_column_letter(len(table.columns)) != c1:
            raise WorkbookFormatError(f"表格“{table.title}”的列数与标准模板不同（{ref}）；"
                                      "请不要增删表格中的列", file=file, sheet=sheet.name, cell=first)
        for j, col in enumerate(table.columns, start=1):
            found = book.value(sheet.name, r0, j)
            if not _header_matches(found, col):
                cell = f"{L.get_column_letter(j)}{r0}"
                raise WorkbookFormatError(f"表头应为“{col.header}”，现为“{found}”；"
                                          "请不要修改表头", file=file, sheet=sheet.name, cell=cell)
        data_first = r0 + 1
        source.table_rows[tkey] = data_first
        if table.rows is not None:
            _check_fixed_rows(book, sheet.name, table, data_first, r1, problems)
        for (mr0, mc0, mr1, mc1) in book.merged(sheet.name):
            if mr0 <= r1 and mr1 >= data_first and mc0 <= len(table.columns):
                coord = f"{L.get_column_letter(mc0)}{mr0}:{L.get_column_letter(mc1)}{mr1}"
                problems.add(sheet.name, coord.split(":")[0],
                             f"表格“{table.title}”的数据行中有合并单元格（{coord}）；请取消合并，每行一条记录")
        # per column, once per table: its letter, whether it is the fixed rows' label, whether
        # its text reads as a number (~4,300 cells per workbook go through the loop below)
        sheet_formulas = scanned.get(sheet.name, {})
        cols = [(j, col, L.get_column_letter(j), table.rows is not None and j == 1,
                 "both" if (tkey, col.key) in both else (tkey, col.key) in coerced)
                for j, col in enumerate(table.columns, start=1)]
        for r in range(data_first, r1 + 1):
            index = r - data_first
            values: dict[str, Any] = {}
            unreadable: dict[str, str] = {}
            for j, col, letter, label_col, as_number in cols:
                a1 = f"{letter}{r}"
                raw = book.value(sheet.name, r, j)
                if col.role == L.FORMULA and not label_col:
                    if formulas_known:
                        _formula_cell(source, sheet_formulas, sheet.name, a1, raw)
                    continue
                if col.role == L.OUTPUT:
                    continue
                if not label_col:
                    fc = sheet_formulas.get(a1)
                    if fc is not None:
                        source.extra_formulas[(sheet.name, a1)] = fc.formula or "(共享公式)"
                if _space_only(raw, col.kind):
                    source.space_only.append((sheet.name, a1))
                value = _convert(raw, col.kind, col.choices, sheet.name, a1, problems, source,
                                 as_number)
                if value is not None:
                    values[col.key] = value
                elif as_number and (sheet.name, a1) in source.number_text:
                    unreadable[col.key] = str(raw).strip()
            label = table.columns[0].key
            has_data = any(k != label or table.rows is None for k in values)
            if has_data:
                model.add_row(tkey, values, index=index).unreadable = unreadable

    problems.raise_if_any()
    return model


def _check_fixed_rows(book, sheet: str, table: L.Table, first: int, last: int,
                      problems: _Problems) -> None:
    """A fixed table (one row per standard item) must keep its rows: same labels, same order."""
    found = [book.value(sheet, r, 1) for r in range(first, last + 1)]
    for i, want in enumerate(table.rows):
        got = found[i] if i < len(found) else None
        if got != want:
            cell = f"A{first + i}"
            problems.add(sheet, cell, f"表格“{table.title}”第 {i + 1} 行应为“{want}”，现为"
                                      f"“{got if got is not None else '（缺行）'}”；此表的行是固定的，"
                                      "请不要插入、删除、移动或改名行")
            return
    if len(found) > len(table.rows):
        extra = found[len(table.rows)]
        problems.add(sheet, f"A{first + len(table.rows)}",
                     f"表格“{table.title}”多出一行“{extra if extra is not None else '（空行）'}”；"
                     "此表的行是固定的，请删除多出的行")


def _formula_cell(source: SourceInfo, scanned: dict, sheet: str, a1: str, raw: Any) -> None:
    fc = scanned.get(a1)
    if fc is None:
        source.formulas[(sheet, a1)] = None
        source.typed_over[(sheet, a1)] = raw
        return
    source.formulas[(sheet, a1)] = fc.formula
    source.cached[(sheet, a1)] = fc.cached


def _recompute(path: Path, model: Model) -> None:
    """Values of the formula cells the file carries none for: the verified Python twins of the
    template's formulas (``formulas`` runs once per template version, not per file; see
    ``perfxl.io.reading.template_cache``), and ``formulas`` on this file only for cells whose formula
    is not the template's."""
    from perfxl.io.reading.template_cache import fill_missing

    fill_missing(model, path)
