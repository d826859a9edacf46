"""Findings the accountant accepts inside the workbook, with a reason (no configuration file:
they work in Excel or WPS).

The form, written in a 说明 cell (``NOTE_COLUMNS``: 人员编制 / 指标体系 / 加减分项 「说明」) or in
自评结论「其他说明」 (``NOTE_FIELDS``), one per line::

    确认 PX106：基础数据表的编制数只含机关
    确认 PX501 人员编制!C5：下属单位人员未列编制
    已确认 PX201 B10：执行率按财政批复口径填报

* 「确认」 or 「已确认」, a rule code, optionally a cell (``B10``, or ``工作表!B10``), a colon
  (：or :), then the reason.  A line without a reason accepts nothing: a finding is never
  cleared without one, whatever its level.
* Where it applies: the named cell; without a cell, every finding of that rule on the sheet of
  the 说明 cell — written in 「其他说明」, in the whole workbook.  A cell without a sheet name is
  on the sheet of the 说明 cell (in 「其他说明」: that address on any sheet).
* Accepted findings are not counted, and are listed with their reason (``perfxl check``: 已接受;
  the report's appendix).  ``perfxl rule CODE`` names the rules.

No openpyxl here: the model's text cells are read through ``perfxl.model``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from perfxl import layout as L
from perfxl.model import Model

__all__ = ["Confirmation", "NOTE_COLUMNS", "NOTE_FIELDS", "confirmations", "split_confirmed",
           "CONFIRM_LINE", "without_confirmations", "note_columns"]

#: The header of a table column that holds its row's 说明 (``NOTE_COLUMNS``).
NOTE_HEADER = "说明"
#: Fields whose confirmations apply to the whole workbook (自评结论「其他说明」).
NOTE_FIELDS = ("other_notes",)


def note_columns(layout: L.Layout = L.LAYOUT) -> list[tuple[str, str]]:
    """(table key, column key) of every 说明 column of the layout: 人员编制, 指标体系 and 加减分项
    today."""
    return [(tkey, c.key) for tkey, (_s, t) in layout.tables.items() for c in t.columns
            if c.header == NOTE_HEADER]


NOTE_COLUMNS = tuple(note_columns())

#: One confirmation: 确认 / 已确认, the rule, an optional [sheet!]cell, a colon, the reason.
CONFIRM_LINE = re.compile(
    r"(?:已)?确认\s*(PX\d{3})(?:\s+(?:([^\s!！：:]+)[!！])?\$?([A-Z]{1,3})\$?(\d+))?\s*[：:]"
    r"[ \t\u3000]*([^\n]*)")


@dataclass(frozen=True)
class Confirmation:
    """One accepted finding: ``rule`` at ``cell`` ("B10", ``None``: every cell) of ``sheet``
    (``None``: every sheet), for ``reason``; ``at`` is the (sheet, A1) of the 说明 cell holding it."""

    rule: str
    reason: str
    sheet: str | None
    cell: str | None
    at: tuple[str, str]

    def matches(self, finding) -> bool:
        if finding.rule != self.rule or not finding.sheet:
            return False
        if self.sheet is not None and finding.sheet != self.sheet:
            return False
        return self.cell is None or finding.cell == self.cell


def _parse(text, at: tuple[str, str], sheet: str | None) -> list[Confirmation]:
    out = []
    for m in CONFIRM_LINE.finditer(str(text or "")):
        rule, on_sheet, col, row, reason = m.groups()
        reason = reason.strip().rstrip("。；;").strip()
        if not reason:
            continue
        out.append(Confirmation(rule, reason, on_sheet or sheet,
                                f"{col}{row}" if col else None, at))
    return out


def confirmations(model: Model) -> list[Confirmation]:
    """Every confirmation written in the workbook's 说明 cells, in sheet order."""
    out: list[Confirmation] = []
    for key in NOTE_FIELDS:
        at = model.field_cell(key)
        out += _parse(model.values.get(key), at, None)
    for table, column in note_columns(model.layout):
        for r in model.rows(table):
            text = r.get(column)
            if text:
                at = model.cell(table, r.index, column)
                out += _parse(text, at, at[0])
    return out


def split_confirmed(model: Model, findings: Iterable) -> tuple[list, list]:
    """(kept, accepted): ``accepted`` holds (finding, reason) for each finding a confirmation in
    the workbook covers; the others are kept, in their order."""
    conf = confirmations(model)
    kept, accepted = [], []
    for f in findings:
        why = next((c.reason for c in conf if c.matches(f)), None)
        if why is None:
            kept.append(f)
        else:
            accepted.append((f, why))
    return kept, accepted


def without_confirmations(text: str | None) -> str | None:
    """``text`` without its confirmation lines (the report prints 「其他说明」 as written, but a
    「确认 PX106：…」 line is addressed to the checks, not to the reader of the report)."""
    if not text:
        return text
    lines = [ln for ln in str(text).splitlines() if not CONFIRM_LINE.match(ln.strip())]
    return "\n".join(lines).strip()
