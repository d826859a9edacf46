"""The 自评报告: written from the workbook, in official-document format (GB/T 9704-2012).

* ``render_report(model, out_path, outline=None, project=None, findings=None) -> Path``: the .docx;
* ``report_text(model, outline=None, project=None, findings=None)``: the same text as
  (level, text) lines for the workbook's 报告 sheet;
* ``build_context(model, outline, ...)``: the plain-dict context the templates place.

Modules: ``fmt`` (every number and phrase format), ``figures`` (computed figures), ``scores``
(scores from ``perfxl.scoring``), ``sentences`` / ``tables`` / ``analysis`` (generated text and
table rows), ``context``, ``outlines`` (templates), ``docstyle`` (page and styles),
``render``, ``preview`` (PDF/PNG through LibreOffice).  See docs/report.md.
"""
from __future__ import annotations

from perfxl.report.context import build_context
from perfxl.report.outlines import OUTLINES, default_outline
from perfxl.report.render import ReportTemplateError, render_report, report_text

__all__ = ["render_report", "report_text", "build_context", "default_outline", "OUTLINES",
           "ReportTemplateError"]
