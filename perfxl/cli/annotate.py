"""``perfxl annotate REPORT.docx [--workbook BOOK.xlsx] [-o OUT.docx] [--fail-on error|warning]``:
the draft checked (``perfxl.draft.check_draft``) and a copy written with a Word comment on each
finding (``perfxl.annotate.annotate_docx``).

Default output: ``<REPORT stem>（perfxl批注）.docx`` beside REPORT.  REPORT is never written; ``-o``
naming REPORT or the workbook (any spelling, a hard link) is refused.  The output path goes to
stdout, a one-line summary to stderr.  Exit 0 when no finding is at or above ``--fail-on``
(default error), 1 when one is (as ``perfxl check``), 2 when a file cannot be read or written
(Chinese message, nothing written).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from perfxl.cli._common import EXIT_FINDINGS, EXIT_OK, force_option, handle_errors

SUFFIX = "（perfxl批注）"


def default_output(report: Path) -> Path:
    """``报告.docx`` -> ``报告（perfxl批注）.docx`` beside it."""
    return report.with_name(f"{report.stem}{SUFFIX}.docx")


def annotate_file(report: Path, workbook=None, out: Path | None = None, force: bool = True):
    """Check ``report`` (against ``workbook``: a path, a ``Model`` or ``None``) and write the
    annotated copy; returns ``(out, findings)``.  Raises ``PerfxlError`` (Chinese) on bad
    input, before anything is written; with ``force=False`` (the command without ``--force``)
    also when ``out`` exists.  The add-in's 校对报告 keeps replacing its own copy."""
    from perfxl.annotate import annotate_docx, require_docx_name
    from perfxl.outpath import refuse_overwrite

    require_docx_name(report)
    out = out or default_output(report)
    # the one output guard (issue 15): every spelling, symbolic or hard link of an input refused
    refuse_overwrite(out, [x for x in (report, workbook) if isinstance(x, (str, Path))],
                     suffixes=(".docx",), what="批注副本", exists_ok=force)
    from perfxl.draft import check_draft

    # check_draft refuses garbage, a .doc, an encrypted or empty file, a bad workbook (Chinese
    # DraftFormatError / WorkbookFormatError) before anything is written
    findings = sorted_findings(check_draft(report, workbook=workbook))
    annotate_docx(report, findings, out)
    return out, findings


def sorted_findings(findings) -> list:
    """Document order: table findings after the paragraphs, then by rule."""
    def key(f):
        g = lambda k: getattr(f, k, None) or 0  # noqa: E731
        return (g("table"), g("row"), g("col"), g("paragraph"), g("line"), f.rule)
    return sorted(findings, key=key)


def summary_line(findings, out: Path) -> str:
    n = {lv: sum(f.level == lv for f in findings) for lv in ("error", "warning", "info")}
    return (f"已校对：{n['error']} 个错误，{n['warning']} 个警告，{n['info']} 个提示；"
            f"{len(findings)} 条批注已写入 {out}")


@click.command("annotate")
@click.argument("report", type=click.Path(path_type=Path))
@click.option("--workbook", type=click.Path(path_type=Path), default=None,
              help="与报告对应的工作簿（.xlsx），核对报告中的数字与工作簿的计算结果")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="批注后的副本（.docx）；默认「<报告名>（perfxl批注）.docx」，写在报告旁")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error",
              show_default=True, help="达到此级别的问题使退出码为 1")
@force_option
@handle_errors
def command(report: Path, workbook: Path | None, output: Path | None, fail_on: str,
            force: bool) -> None:
    """校对自评报告（Word 文档），把发现的问题作为批注写在副本中；原文档不改动。"""
    from perfxl.checks import level_rank

    out, findings = annotate_file(report, workbook, output, force=force)
    click.echo(str(out))
    click.echo(summary_line(findings, out), err=True)
    if any(level_rank(f.level) <= level_rank(fail_on) for f in findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)
