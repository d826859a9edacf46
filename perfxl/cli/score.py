"""``perfxl score FILE [-o OUT.xlsx] [--format text|json] [--framework ID]``: a thin adapter over
``perfxl.scoring.score_model``.

Scores go to stdout (text table or JSON: ``{"file", "framework", "total", "grade",
"stated_total", "items": [{"indicator", "weight", "score", "stated_score", "rule"}], ...}``);
with ``-o`` a copy of the workbook gets the 评分 sheet and the computed output cells — the input
file is never written.  Exit 0 on success, 2 when the file cannot be read or scored.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from perfxl.cli._common import handle_errors


@click.command("score")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="写入评分结果的工作簿副本（.xlsx）；原文件不会被改写")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="输出格式")
@click.option("--framework", default=None,
              help="评价框架 ID（默认取工作簿「基本信息」中的评价框架；见 docs/frameworks.md）")
@handle_errors
def command(file: Path, output: Path | None, fmt: str, framework: str | None) -> None:
    """计算自评得分、总分与等级，并与填报的得分对照。"""
    from perfxl.errors import PerfxlError
    from perfxl.io.xlsx_reader import read_workbook
    from perfxl.scoring import score_model
    from perfxl.scoring.output import render_text

    if output is not None:
        _check_output(file, output)
    result = score_model(read_workbook(file), framework)
    if output is not None:
        try:
            _write(file, output, result)
        except PerfxlError:
            raise
        except OSError as exc:  # disk full, file locked by Excel, network drive gone
            raise PerfxlError(f"无法写入输出文件「{output}」：{exc.strerror or exc}；"
                              "原工作簿未被改动", file=str(file)) from None
    if fmt == "json":
        data = result.to_json()
        data["file"] = str(file)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result))
    if output is not None:
        click.echo(f"已写入：{output}", err=True)


def _check_output(src: Path, out: Path) -> None:
    """Refuse, before any work, an output that cannot or must not be written (exit code 2)."""
    from perfxl.errors import UsageError

    if out.exists() and out.resolve() == src.resolve():
        raise UsageError("输出文件不能与输入文件相同；perfxl 不改写原工作簿，请用 -o 指定新文件")
    if out.is_dir():
        raise UsageError(f"输出路径「{out}」是文件夹；请给出 .xlsx 文件名，如 {out / '评分结果.xlsx'}")
    if out.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError(f"输出文件「{out}」应以 .xlsx 结尾")
    if not out.parent.is_dir():
        raise UsageError(f"输出文件所在的文件夹「{out.parent}」不存在或不是文件夹")


def _write(src: Path, out: Path, result) -> None:
    from perfxl.io.xlsx_writer import write_outputs
    from perfxl.scoring.output import scores_output

    sheet, cells = scores_output(result)
    write_outputs(src, out, sheets=[sheet], cells=cells)
