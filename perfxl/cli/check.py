"""``perfxl check FILE... [--format text|json|jsonl|junit|sarif|github] [-o OUT] [--select PREFIX]
[--ignore PREFIX] [--fail-on error|warning] [--exit-zero] [--prior LAST]``: a thin adapter over
``perfxl.checks.check_model`` and ``perfxl.checks.output``.

``--prior LAST`` (one FILE only) also compares FILE's 上年 figures with LAST's 本年 figures
(PX118).  LAST must be the same 部门名称 and the year before: otherwise the comparison is
refused with the reason in Chinese and exit 2 (``perfxl.carry.pair_problem``).

Each FILE is a standard workbook (.xlsx / .xlsm), an example data file (.toml) or a 自评报告
draft (.docx / .txt / .pdf, checked by ``perfxl.draft`` with the PX6xx rules; ``--workbook BOOK``
ties every draft to its workbook: a draft naming another department or year is refused, exit 2,
one that names no department is checked with a note on stderr, and the summary line says how
many draft figures were compared with the workbook; ``perfxl.draft.tie``).  Results go to
stdout (or atomically to ``-o OUT``), a one-line summary to stderr.  An unreadable file is reported
(its Chinese reason on stderr and in the output) and the run goes on.  Exit 0 when no finding is at
or above ``--fail-on`` (default error), 1 when one is, 2 when a file could not be read or the call
is wrong; ``--exit-zero`` turns 1 into 0.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from perfxl.cli import _common  # noqa: F401  (click's texts in Chinese)
from perfxl.cli.checking import FORMATS, run


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="输出格式")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="把结果写入文件（原子写入）而不是标准输出")
@click.option("--select", multiple=True, metavar="规则",
              help="只运行编号以此开头的规则或此名称的规则（可多次给出或用逗号分隔，如 PX1,PX201,execution-rate）")
@click.option("--ignore", multiple=True, metavar="规则", help="不运行编号以此开头的规则或此名称的规则")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default=None,
              help="达到此级别的问题使退出码为 1（默认 error，或配置文件的 fail-on）")
@click.option("--exit-zero", is_flag=True, help="发现问题也以 0 退出（无法读取的文件仍为 2）")
@click.option("--prior", "prior", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="上一年度的工作簿：核对本工作簿的上年数（PX118）；须为同一部门的上一年度，否则退出码 2")
@click.option("--workbook", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="报告草稿（.docx/.txt/.pdf）对应的工作簿：核对报告中的数字与工作簿计算结果一致；"
                   "报告写明的部门或年度与工作簿不同时拒绝核对（退出码 2）")
@click.option("--show-notes", is_flag=True,
              help="报告草稿：也列出提示（两处金额可能是同一数量、但文字没写明阶段或口径）")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="配置文件（perfxl.toml 或 pyproject.toml）；默认从各文件所在文件夹向上查找")
@click.option("--isolated", is_flag=True, help="不读取任何配置文件")
def command(files, fmt, output, select, ignore, fail_on, exit_zero, workbook,
            prior, show_notes, config_file, isolated):
    """校验工作簿与自评报告草稿（.docx/.txt/.pdf）的合计、比率、得分、完整性与报告中的数字。

    文件可以是文件夹（查找其中全部工作簿）。规则一览：perfxl rules；
    某条规则的说明与示例：perfxl rule PX201。"""
    # click.echo for the results: on a terminal (coloured text) it knows the console
    sys.exit(run(files, fmt, output, select, ignore, fail_on, exit_zero, workbook, prior,
                 show_notes, config_file, isolated, write=click.echo))
