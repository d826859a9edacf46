"""Running the PX6xx rules over one draft: ``DraftCtx`` (what a rule sees) and ``check_doc``.

A draft rule takes a ``DraftCtx`` and yields ``perfxl.checks.registry.Hit`` records whose
``where`` is the ``(start, end)`` span of the claim in ``Doc.text``; the engine turns the span
into the unit's location (line / paragraph / table cell) and the exact quote.  A span in a cell
of a table pasted one cell per line also gets the line (paragraph) where that row starts
(``Finding.from_line`` / ``from_paragraph``): the row is what the reader must look at.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from perfxl.checks.finding import Finding
from perfxl.checks.registry import Rule, select_rules
from perfxl.draft.claims import Claims, extract
from perfxl.draft.text import Doc
from perfxl.draft.units import in_text_unit

__all__ = ["DraftCtx", "check_doc", "run_draft_rule"]


@dataclass
class DraftCtx:
    """A draft, its claims, and optionally the workbook model it goes with."""

    doc: Doc
    model: object | None = None  # perfxl.model.Model
    #: codes of the rules being run (``None``: all); a rule that leaves a figure to another
    #: one (PX650 to PX607) asks whether that one runs
    codes: frozenset[str] | None = None
    #: offsets of the draft figures the workbook rules (PX650–PX652) compared with the workbook
    compared: set[int] = field(default_factory=set)
    #: what a rule resolved once for another to use (PX634's table bases, which PX603 leaves
    #: to it), by the rule's own key
    memo: dict = field(default_factory=dict)

    @cached_property
    def claims(self) -> Claims:
        return extract(self.doc)

    @cached_property
    def quantities(self):
        """Every amount with its name, stage, period, role and scope
        (``perfxl.draft.quantities``), extracted once."""
        from perfxl.draft.quantities import quantities
        return quantities(self.doc, self.claims)

    @cached_property
    def ambiguous_names(self) -> set[str]:
        """Quantity names given two values in one sentence (``perfxl.draft.quantities``)."""
        from perfxl.draft.quantities import ambiguous_names
        return ambiguous_names(self.quantities)

    @cached_property
    def tables(self):
        """The draft's tables (``perfxl.draft.tables``)."""
        from perfxl.draft.tables import read_tables
        return read_tables(self.doc)

    @cached_property
    def _paragraph_figures(self) -> dict[int, tuple[list, list[int]]]:
        return {}

    def paragraph_figures(self, i: int) -> tuple[list, list[int]]:
        """The figures of paragraph ``i`` of ``Doc.paragraphs`` (``perfxl.draft.numbers``) and
        their start offsets, read once: rules that look back from each claim in a long
        paragraph must not read it again for every claim."""
        got = self._paragraph_figures.get(i)
        if got is None:
            from perfxl.draft.numbers import figures
            a, b = self.doc.paragraphs[i]
            figs = figures(self.doc.flat, a, b)
            got = self._paragraph_figures[i] = (figs, [f.start for f in figs])
        return got

    @cached_property
    def row_starts(self) -> dict[int, int]:
        """Unit index of a cell of a one-cell-per-line table row -> unit index of the row's
        first cell (only for rows spread over several units)."""
        doc, out = self.doc, {}
        for t in self.tables:
            for r in t.rows:
                idx = [doc.unit_at(c.start) for c in r.cells]
                if len(set(idx)) > 1 and not doc.units[idx[0]].in_table:
                    out.update({i: idx[0] for i in idx})
        return out


def _nested_quote(args: dict) -> dict:
    """``args`` with the quoted draft words' own double quotes made single (“三公” → ‘三公’):
    the message puts the quote inside “…”, and a quotation inside a quotation takes single
    quotes (GB/T 15834-2011 标点符号用法 4.1.3.2)."""
    q = args.get("quote")
    if not isinstance(q, str) or not ("“" in q or "”" in q):
        return args
    return {**args, "quote": q.replace("“", "‘").replace("”", "’")}


def run_draft_rule(rule: Rule, ctx: DraftCtx) -> list[Finding]:
    out = []
    for hit in rule.func(ctx):
        start, end = hit.where
        unit, quote = ctx.doc.locate(start, end)
        first = ctx.row_starts.get(ctx.doc.unit_at(start))
        head = ctx.doc.units[first] if first is not None and first != ctx.doc.unit_at(start) \
            else None
        # expected / actual in the unit the text writes the figure in (perfxl.draft.units)
        expected, actual, shown_in = in_text_unit(ctx, start, end, hit.expected, hit.actual,
                                                  hit.unit)
        out.append(Finding(rule.code, rule.level, ctx.doc.file, "", "",
                           rule.message.format(**_nested_quote(hit.args)), expected, actual,
                           tuple(hit.related), line=unit.line, paragraph=unit.paragraph,
                           table=unit.table, row=unit.row, col=unit.col, quote=quote,
                           from_line=head.line if head else None,
                           from_paragraph=head.paragraph if head else None, unit=shown_in,
                           page=unit.page))
    return out


#: the rules that compare the draft with a workbook: run only with --workbook
WORKBOOK_RULES = frozenset({"PX650", "PX651", "PX652"})


def check_doc(ctx: DraftCtx, select: Iterable[str] = (), ignore: Iterable[str] = ()
              ) -> list[Finding]:
    """Every finding of the selected PX6xx rules, sorted by place, each reported once."""
    seen: dict[Finding, Finding] = {}
    rules = [r for r in select_rules(select, ignore, draft=True)
             if r.code not in WORKBOOK_RULES or ctx.model is not None]
    ctx.codes = frozenset(r.code for r in rules)
    for rule in rules:
        for f in run_draft_rule(rule, ctx):
            seen.setdefault(f, f)
    return sorted(seen)
