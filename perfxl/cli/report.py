"""``perfxl report FILE [-o OUT.docx] [--outline hunan|guangdong|project] [--project NAME]``: a thin
adapter over ``perfxl.report.render_report``.

Reads the workbook (``perfxl.io.reading.xlsx_reader.read_workbook``), writes the 自评报告 (.docx) and
prints its path on stdout.  The outline defaults from the workbook's 评价框架 (``--project`` alone
means the project outline).  Default output: ``<FILE stem>-自评报告.docx`` beside FILE
(``<FILE stem>-<项目>-项目自评报告.docx`` for a project).  Exit 0 on success, 2 when the file cannot
be read or the report cannot be written (Chinese message on stderr; a folder given as FILE or
``-o`` is answered by perfxl in Chinese, not by click).

The written report is then proofread (``perfxl.draft.check_draft`` against the workbook, as
``perfxl check REPORT --workbook FILE`` does): perfxl's own sentences are consistent by
construction, so what it finds comes from the texts the user typed.  Each error is marked where
it stands (yellow highlight and a Word comment) and listed on stderr; warnings and notes are
counted there, with the ``perfxl check`` command that lists them.

``--appendix`` adds the workbook's 校验 errors (and the proofreading errors) as an appendix on a
page of its own; by default the report holds none, and stderr says how many 校验 errors there
are and how to list them.
"""
from __future__ import annotations

from pathlib import Path

import click

from perfxl.cli._common import force_option, handle_errors


def default_output(file: Path, outline: str | None, project: str | None) -> Path:
    """Where the report goes when ``-o`` is not given."""
    if outline == "project" or (outline is None and project):
        return file.with_name(f"{file.stem}-{project or '项目'}-项目自评报告.docx")
    return file.with_name(f"{file.stem}-自评报告.docx")


@click.command("report")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="报告文件（.docx）；默认写在工作簿旁")
@click.option("--outline", type=click.Choice(["hunan", "guangdong", "project"]), default=None,
              help="报告提纲：hunan 湖南十部分、guangdong 广东一至六、project 项目支出"
                   "（默认按工作簿的评价框架）")
@click.option("--project", default=None, help="项目名称（项目支出绩效自评报告）")
@click.option("--appendix/--no-appendix", default=False,
              help="在报告末尾另起一页附上数据校验提示（默认不附）")
@force_option
@handle_errors
def command(file: Path, output: Path | None, outline: str | None, project: str | None,
            appendix: bool, force: bool) -> None:
    """根据工作簿生成自评报告（Word 文档，GB/T 9704 公文格式）。"""
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.outpath import refuse_overwrite
    from perfxl.cli.annotate import sorted_findings
    from perfxl.report.context import finding_lines
    from perfxl.report.proof import render_proofread

    if outline is None and project:
        outline = "project"
    out = output or default_output(file, outline, project)
    refuse_overwrite(out, [file], suffixes=(".docx",), what="报告文件", make_parents=True,
                     exists_ok=force)

    model = read_workbook(file)
    # the report prints computed figures; the 校验 findings say where the workbook disagrees
    findings = config_findings(file, model)
    path, found = render_proofread(model, out, outline=outline, project=project,
                                   findings=findings if appendix else None)
    found = sorted_findings(found)
    proof = [f for f in found if f.level == "error"]  # as for the 校验 findings
    if proof:
        click.echo(f"perfxl：校对报告发现 {len(proof)} 个错误（已在报告中以黄色底色和批注标出）：",
                   err=True)
        from perfxl.safetext import terminal_text

        for line in finding_lines(proof):
            click.echo(f"  {terminal_text(line)}", err=True)
    if len(found) > len(proof):
        click.echo(f"perfxl：校对报告另有 {len(found) - len(proof)} 条警告或提示；查看：perfxl check "
                   f"{path} --workbook {file}", err=True)
    if findings and not appendix:
        click.echo(f"perfxl：工作簿有 {len(findings)} 个校验错误（报告中的数字按计算值填写）；查看："
                   f"perfxl check {file}，或加 --appendix 附在报告末尾", err=True)
    click.echo(str(path))


def config_findings(file: Path, model) -> list:
    """The 校验 errors for the report's appendix under the workbook's configuration (``perfxl
    check``'s, found upward from FILE: select, ignore, per-file ignores); a finding the
    workbook's 说明 (「确认 PXnnn：理由」, ``perfxl.checks.acceptance``) or the configuration
    accepts — error or warning — is listed as a 提示 with its reason instead."""
    from dataclasses import replace

    from perfxl.checks import check_model
    from perfxl.checks.acceptance import split_confirmed
    from perfxl.cli.checking import _prefixes
    from perfxl.cli.config import find_config

    cfg = find_config(file, _prefixes)
    select, ignore = cfg.rules_for(file, (), ())
    found = [f for f in check_model(model, select, ignore, file=str(file))
             if f.level in ("error", "warning")]
    found, in_book = split_confirmed(model, found)
    found, in_config = cfg.split_accepted(file, found)
    return [f for f in found if f.level == "error"] + [
        replace(f, level="info", message=f"{f.message}（已接受：{why}）")
        for f, why in in_book + in_config]


def proofread(report: Path, model) -> list:
    """The proofreading findings of the report perfxl just wrote, in document order."""
    from perfxl.cli.annotate import sorted_findings
    from perfxl.report.proof import proofread as found

    return sorted_findings(found(report, model))
