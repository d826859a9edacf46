"""Proofreading a 自评报告 draft (.docx / .txt): every figure of the prose checked against the
prose itself and, with a workbook, against what the workbook computes (issue 12).

* ``check_draft(path, workbook=None, select=(), ignore=()) -> list[Finding]``: read the draft
  (``perfxl.draft.reading``; ``DraftFormatError`` for bad input), extract its claims
  (``perfxl.draft.claims``), run the PX6xx rules.  ``workbook`` is a path to the standard
  workbook (or a ``perfxl.model.Model``) or ``None``.
* ``check_text(text, file="", workbook=None)``: the same for a text already in memory (one
  line per ``\\n``; findings carry ``line``).
* notes (``NOTE_RULES``, level ``info``: an ambiguity, never an error) only with ``notes=True``
  or when the rule is selected by name.
* ``check_units(units, ...)``: the same for units already read.

Each finding carries its place (``line`` for .txt; ``paragraph`` or ``table``/``row``/``col``
for .docx, see ``perfxl.draft.reading``) and ``quote``, an exact substring of that unit's text
(of ``Paragraph.text`` for a paragraph, of the cell's paragraphs joined by ``\n`` for a cell).
``expected`` / ``actual``: amounts in 元 (whatever unit the draft wrote), rates as fractions
(0.9679), scores in 分, counts, years, or text (a direction word 增加/减少, a grade 优/良).
Errors: ``perfxl.errors.DraftFormatError`` for a draft that cannot be read,
``WorkbookFormatError`` for a workbook that cannot be, ``UsageError`` for a workbook of another
department or year than the draft's (``perfxl.draft.tie``).  Rounding is Excel's ROUND (half away
from zero) on the decimals as written, tolerance half a unit of the last digit written.
No openpyxl here: the workbook is read by ``perfxl.io.reading.xlsx_reader``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from perfxl.draft.reading import EXTENSIONS, Unit, read_draft, units_from_text

__all__ = ["check_draft", "check_text", "check_units", "is_draft", "proofread", "Proofread",
           "EXTENSIONS", "NOTE_RULES"]


def is_draft(path: str | Path) -> bool:
    """True for a path the draft reader takes (.txt, .docx, and .doc to refuse it clearly)."""
    return Path(path).suffix.lower() in EXTENSIONS + (".doc",)


def _model(workbook):
    if workbook is None:
        return None
    if isinstance(workbook, (str, Path)):
        p = Path(workbook)
        from perfxl.errors import WorkbookFormatError
        if not p.exists():
            raise WorkbookFormatError("文件不存在", file=str(p))
        if p.suffix.lower() == ".toml":
            from perfxl.examples import load_example_data
            return load_example_data(p)
        from perfxl.io.reading.xlsx_reader import read_workbook
        return read_workbook(p, engine="calamine")
    return workbook


#: Rules whose findings are notes: an ambiguity the text leaves (PX630, PX648), hidden unless
#: asked for (``notes=True``, ``perfxl check --show-notes``, or the rule selected by name); never
#: an error.
NOTE_RULES = frozenset({"PX630", "PX648"})


@dataclass(frozen=True)
class Proofread:
    """What proofreading one draft gives: ``findings`` (sorted by place); with a workbook,
    ``compared`` = how many figures of the draft were compared with it (PX650–PX652) and
    ``confirmed`` = whether the draft names the workbook's department (``perfxl.draft.tie``);
    ``None`` for both without a workbook."""

    findings: list
    compared: int | None = None
    confirmed: bool | None = None


def proofread(units: list[Unit], file: str = "", workbook=None, select: Iterable[str] = (),
              ignore: Iterable[str] = (), notes: bool = False) -> Proofread:
    """``check_units`` with the counts (``Proofread``).  Raises ``UsageError`` (Chinese, naming
    both sides) when ``workbook`` is another department's or another year's
    (``perfxl.draft.tie``)."""
    from perfxl.draft import rules  # noqa: F401  (registers PX6xx)
    from perfxl.draft.engine import DraftCtx, check_doc
    from perfxl.draft.text import Doc
    doc, model = Doc(units, file), _model(workbook)
    confirmed = None
    if model is not None:
        from perfxl.draft.tie import tie
        t = tie(doc, model)
        if t.problem:
            from perfxl.errors import UsageError
            raise UsageError(t.problem, file=file or None)
        confirmed = t.confirmed
    select = tuple(select)
    asked = {c for c in NOTE_RULES if any(c.startswith(s) for s in select if s)}
    hidden = () if notes else tuple(sorted(NOTE_RULES - asked))  # not even run
    ctx = DraftCtx(doc, model)
    findings = check_doc(ctx, select, tuple(ignore) + hidden)
    return Proofread(findings, len(ctx.compared) if model is not None else None, confirmed)


def check_units(units: list[Unit], file: str = "", workbook=None, select: Iterable[str] = (),
                ignore: Iterable[str] = (), notes: bool = False):
    """The findings of units already read (see ``proofread`` for the errors)."""
    return proofread(units, file, workbook, select, ignore, notes).findings


def check_draft(path: str | Path, workbook=None, select: Iterable[str] = (),
                ignore: Iterable[str] = (), notes: bool = False):
    """The findings of the draft at ``path`` (.txt / .docx / .pdf), sorted by place; the notes
    (``NOTE_RULES``) only with ``notes=True`` or when selected by name."""
    return check_units(read_draft(path), str(path), workbook, select, ignore, notes)


def check_text(text: str, file: str = "", workbook=None, select: Iterable[str] = (),
               ignore: Iterable[str] = (), notes: bool = False):
    """The findings of a draft text in memory, one unit per line."""
    return check_units(units_from_text(text), file, workbook, select, ignore, notes)
