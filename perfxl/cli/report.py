"""``perfxl report FILE [-o OUT.docx] [--outline hunan|guangdong|project] [--project NAME]``: a thin
adapter over ``perfxl.report.render_report``.

Reads the workbook (``perfxl.io.reading.xlsx_reader.read_workbook``), writes the 自评报告 (.docx) and
prints its path on stdout.  The outline defaults from the workbook's 评价框架 (``--project`` alone
means the project outline).  Default output: ``<FILE stem>-自评报告.docx`` beside FILE
(``<FILE stem>-<项目>-项目自评报告.docx`` for a project).  Exit 0 on success, 2 when the file cannot
be read or the report cannot be written (Chinese message on stderr; a folder given as FILE or
``-o`` is answered by perfxl in Chinese, not by click).
"""
from __future__ import annotations

from pathlib import Path

import click

from perfxl.cli._common import handle_errors


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
@handle_errors
def command(file: Path, output: Path | None, outline: str | None, project: str | None) -> None:
    """根据工作簿生成自评报告（Word 文档，GB/T 9704 公文格式）。"""
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.outpath import refuse_overwrite
    from perfxl.report import render_report

    if outline is None and project:
        outline = "project"
    out = output or default_output(file, outline, project)
    refuse_overwrite(out, [file], suffixes=(".docx",), what="报告文件", make_parents=True)
    from perfxl.checks import check_model

    model = read_workbook(file)
    # the report prints computed figures; the 校验 findings say where the workbook disagrees
    findings = [f for f in check_model(model, file=str(file)) if f.level == "error"]
    path = render_report(model, out, outline=outline, project=project, findings=findings)
    click.echo(str(path))
