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

import importlib

__all__ = ["render_report", "report_text", "build_context", "default_outline", "OUTLINES",
           "ReportTemplateError"]

#: Loaded on first use (PEP 562): the core's figures and scores (``perfxl.report.scores``, used
#: by the draft's workbook rules) must not pull the .docx writer (docxtpl, Jinja2, lxml) in,
#: which the browser page does not have.
_WHERE = {"build_context": "context", "OUTLINES": "outlines", "default_outline": "outlines",
          "ReportTemplateError": "render", "render_report": "render", "report_text": "render"}


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(f"perfxl.report.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'perfxl.report' has no attribute {name!r}")
