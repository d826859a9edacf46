"""A report written, proofread, and its wrong typed sentences marked: what ``perfxl report`` and
the add-in's 生成报告 button both do.

``render_proofread(model, out, outline=None, project=None, findings=None) -> (Path, findings)``
writes the report (``perfxl.report.render.render_report``), proofreads it the way ``perfxl check
REPORT --workbook BOOK`` does (``perfxl.draft.check_draft`` against the model) and, when that
finds errors, writes it again with each error marked where it stands (a yellow highlight and a
Word comment, ``perfxl.report.render.mark_findings``).  perfxl's own sentences are consistent
by construction, so what the proofreading finds comes from the texts the user typed (seed 004:
「“三公”经费支出总额较上年增加0.11万元，上升1.99%」 against the computed 「减少5.61万元，下降
49.34%」): such a sentence is never printed unmarked.  ``findings`` (校验 findings) go in the
appendix, the proofreading errors after them; ``None`` writes no appendix.  Returns the path and
every proofreading finding (errors, warnings, notes).  The report's paragraphs keep their
numbers between the two writes (the appendix is last), so the marks land where the findings
point.  Errors: as ``render_report``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from perfxl.model import Model
from perfxl.report.render import render_report

__all__ = ["proofread", "render_proofread"]


def proofread(report: str | Path, model: Model) -> list:
    """The proofreading findings of a report perfxl wrote from ``model`` ([] when the draft
    checker is not installed)."""
    try:
        from perfxl.draft import check_draft
    except ModuleNotFoundError as exc:  # the draft checker not merged yet (issue 12)
        if exc.name != "perfxl.draft":
            raise
        return []
    return list(check_draft(report, workbook=model))


def render_proofread(model: Model, out: str | Path, outline: str | None = None,
                     project: str | None = None, findings: Iterable[Any] | None = None,
                     ) -> tuple[Path, list]:
    """Write, proofread and mark the report (see the module docstring)."""
    findings = None if findings is None else list(findings)
    path = render_report(model, out, outline=outline, project=project, findings=findings)
    found = proofread(path, model)
    errors = [f for f in found if f.level == "error"]
    if errors:
        path = render_report(model, out, outline=outline, project=project,
                             findings=None if findings is None else findings + errors,
                             marks=errors)
    return path, found
