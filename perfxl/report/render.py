"""Render a report: the .docx file, or the same text as lines for the workbook's 报告 sheet.

* ``render_report(model, out_path, outline=None, project=None, findings=None, marks=None)
  -> Path`` fills the outline's template (``perfxl/templates/*.docx``, docxtpl with
  ``autoescape=True`` and Jinja's ``StrictUndefined``, so a tag the context does not supply is an
  error, never a blank) and writes it atomically (temporary file in the target folder, then ``os.replace``).  ``findings`` (校验
  findings) are listed in an appendix on a page of its own; without them there is none.
  ``marks`` (proofreading findings on the report's own text, ``perfxl.checks.finding.Finding``
  with draft locations) are marked where they stand: a yellow highlight on the quoted words
  and a Word comment (author ``perfxl``) saying what is wrong, so a typed sentence that
  contradicts the computed figures is never printed unmarked.
* The tables are then laid out as the paper forms print them (``perfxl.report.tablefit``).
* ``report_text(model, outline=None, project=None, findings=None) -> list[(level, text)]`` renders
  the same document in memory and reads it back in order, so the 报告 sheet and the .docx cannot
  differ (a title the .docx breaks over two lines is one line here).  Levels: ``TITLE`` 0,
  headings 1–3 (表题 counts as 1), ``BODY`` 4, ``TABLE_ROW`` 5 (the cells of one table row
  joined by a tab; a cell's paragraphs joined by a newline).

``outline`` defaults from the model's 评价框架 (``perfxl.report.outlines.default_outline``); the
``project`` outline needs ``project`` (a project name of the 项目自评表) unless the workbook holds
one project only.

Errors (all ``perfxl.errors.PerfxlError``): ``UsageError`` for an unknown outline or project or a
missing template; ``ReportTemplateError`` when a template (e.g. edited by hand) names a value the
report does not provide or has broken tags; ``PerfxlError`` when the file cannot be written
(its folder is a file, no permission...).
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any, Iterable

import jinja2
from docx import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from perfxl.errors import PerfxlError
from perfxl.model import Model
from perfxl.report.context import build_context
from perfxl.report.outlines import default_outline, template_path
from perfxl.report.tablefit import finish_tables

__all__ = ["render_report", "report_text", "render_document", "document_lines", "mark_findings",
           "ReportTemplateError", "TITLE", "BODY", "TABLE_ROW"]

TITLE, BODY, TABLE_ROW = 0, 4, 5
_LEVELS = {"Title": TITLE, "Heading 1": 1, "Heading 2": 2, "Heading 3": 3, "表题": 1}


class ReportTemplateError(PerfxlError):
    """A report template cannot be filled (unknown value name, broken Jinja tag)."""


def _environment() -> jinja2.Environment:
    return jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)


def render_document(model: Model, outline: str | None = None, project: str | None = None,
                    findings: Iterable[Any] | None = None, *,
                    score_result: Any | None = None) -> DocxTemplate:
    """The filled template (a docxtpl ``DocxTemplate`` holding the rendered document)."""
    outline = outline or default_outline(model)
    path = template_path(outline)
    context = build_context(model, outline, project=project, findings=findings,
                            score_result=score_result)
    tpl = DocxTemplate(str(path))
    try:
        tpl.render(context, _environment(), autoescape=True)
    except jinja2.TemplateError as exc:
        raise ReportTemplateError(f"报告模板 {path.name} 无法填写：{exc}；"
                                  "请检查模板中的 {{ }} / {% %} 占位符") from exc
    finish_tables(tpl.docx)
    props = tpl.docx.core_properties
    # the document properties hold at most 255 characters (python-docx refuses more; a 32,767-
    # character 部门名称 crashed the report) and no control characters
    props.title = _property(context.get("title", ""))
    props.author = props.last_modified_by = _property(context.get("department", ""))
    props.modified = dt.datetime.now().replace(microsecond=0)
    return tpl


def _property(text: object, limit: int = 255) -> str:
    """``text`` fit for a core property of the .docx: XML-safe, at most ``limit`` characters."""
    from perfxl.report.fmt import clean_text

    t = clean_text(str(text or ""))
    return t if len(t) <= limit else t[:limit - 1] + "…"


def render_report(model: Model, out_path: str | Path, outline: str | None = None,
                  project: str | None = None, findings: Iterable[Any] | None = None, *,
                  marks: Iterable[Any] | None = None, score_result: Any | None = None) -> Path:
    """Write the report of ``model`` to ``out_path`` (.docx) and return the path; ``marks``
    are highlighted and commented in place (see the module docstring).

    The file appears complete or not at all (atomic replace)."""
    from perfxl.io.writing.atomic import atomic_path

    tpl = render_document(model, outline, project, findings, score_result=score_result)
    if marks:
        mark_findings(tpl.docx, marks)
    out = Path(out_path)
    try:
        with atomic_path(out) as tmp:
            tpl.save(str(tmp))
    except OSError as exc:  # parent is a file, no permission, disk full ...
        reason = exc.strerror or str(exc)
        raise PerfxlError(f"无法写入报告文件：{reason}；请检查输出路径和写入权限",
                          file=str(out)) from exc
    return out


def mark_findings(document, marks: Iterable[Any]) -> int:
    """A Word comment per finding of ``marks`` on its quoted words (``perfxl.annotate``), and
    those words highlighted in yellow so the mark shows on paper too; returns the comments made."""
    from docx.enum.text import WD_COLOR_INDEX

    from perfxl.annotate import add_comments

    n = add_comments(document, marks)
    open_ids: set[str] = set()
    for el in document.element.body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"),
                                         qn("w:r")):
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(el.get(qn("w:id")))
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(el.get(qn("w:id")))
        elif open_ids:
            el.get_or_add_rPr().highlight_val = WD_COLOR_INDEX.YELLOW
    return n


def _paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def document_lines(document) -> list[tuple[int, str]]:
    """(level, text) of every non-empty paragraph and table row of a python-docx ``Document``,
    in body order (see module docstring for the levels)."""
    styles = {s.style_id: s.name for s in document.styles}
    out: list[tuple[int, str]] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = _paragraph_text(child).strip()
            if not text:
                continue
            pstyle = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            name = styles.get(pstyle.get(qn("w:val"))) if pstyle is not None else "Normal"
            level = _LEVELS.get(name or "Normal", BODY)
            if level == TITLE and out and out[-1][0] == TITLE:
                out[-1] = (TITLE, out[-1][1] + text)  # a title broken over two lines
                continue
            out.append((level, text))
        elif child.tag == qn("w:tbl"):
            for tr in child.iter(qn("w:tr")):
                cells = ["\n".join(t for t in (_paragraph_text(p).strip()
                                               for p in tc.iter(qn("w:p"))) if t)
                         for tc in tr.iter(qn("w:tc"))]
                if any(cells):
                    out.append((TABLE_ROW, "\t".join(cells)))
    return out


def report_text(model: Model, outline: str | None = None, project: str | None = None,
                findings: Iterable[Any] | None = None, *,
                score_result: Any | None = None) -> list[tuple[int, str]]:
    """The report's text as (level, text) lines for the workbook's 报告 sheet — the same text as
    ``render_report`` writes."""
    tpl = render_document(model, outline, project, findings, score_result=score_result)
    buf = io.BytesIO()
    tpl.save(buf)
    return document_lines(Document(io.BytesIO(buf.getvalue())))
