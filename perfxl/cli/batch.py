"""``perfxl batch``: review many workbooks into one summary workbook."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from perfxl.numbers import fmt_fixed, fmt_trimmed
from perfxl.cli._common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, handle_errors


def progress_callback(total: int):
    """A progress bar on stderr when it is a terminal (honours NO_COLOR), else nothing."""
    if not sys.stderr.isatty() or total < 2:
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    task = bar.add_task("校验中", total=total)
    return bar, (lambda done, _total: bar.update(task, completed=done))


@click.command("batch")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="汇总工作簿（.xlsx）")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="并行进程数（默认：CPU 核数）")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="标准输出的格式")
@handle_errors
def command(paths: tuple[Path, ...], output: Path, jobs: int | None, fmt: str) -> None:
    """批量审核：每个工作簿一行汇总，全部问题带链接，附图表。"""
    from perfxl.batch import UNREADABLE, expand_paths, review_files
    from perfxl.errors import UsageError
    from perfxl.io.summary_writer import write_summary

    if output.suffix.lower() != ".xlsx":
        raise UsageError("汇总文件应以 .xlsx 结尾")
    files = expand_paths(paths)
    if not files:
        raise UsageError("没有找到 .xlsx / .xlsm 文件")
    bar, cb = progress_callback(len(files))
    if bar:
        with bar:
            reviews = review_files(files, jobs=jobs, progress=cb)
    else:
        reviews = review_files(files, jobs=jobs)
    write_summary(reviews, output)
    if fmt == "json":
        click.echo(json.dumps({"summary": str(output), "files": [r.to_json() for r in reviews]},
                              ensure_ascii=False, indent=1))
    else:
        for r in reviews:
            total = "—" if r.total is None else fmt_fixed(r.total, 2)
            stated = "—" if r.stated_total is None else fmt_trimmed(r.stated_total, 6)
            click.echo(f"{r.status}\t{Path(r.file).name}\t{r.department}\t填报 {stated}\t计算 {total}"
                       f"\t{r.grade or '—'}\t错误 {r.errors}\t警告 {r.warnings}")
    bad = sum(r.status == UNREADABLE for r in reviews)
    errors = sum(r.errors for r in reviews)
    click.echo(f"共 {len(reviews)} 个工作簿，无法读取 {bad} 个，错误 {errors} 条；汇总：{output}",
               err=True)
    # the exit codes of perfxl check: 2 when a file cannot be read, 1 when errors were found
    sys.exit(EXIT_ERROR if bad else EXIT_FINDINGS if errors else EXIT_OK)
