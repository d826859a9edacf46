"""``perfxl check FILE... [--format text|json|jsonl|junit|sarif|github] [-o OUT] [--select PREFIX]
[--ignore PREFIX] [--fail-on error|warning] [--exit-zero]``: a thin adapter over
``perfxl.checks.check_model`` and ``perfxl.checks.output``.

Each FILE is a standard workbook (.xlsx / .xlsm), an example data file (.toml) or a 自评报告
draft (.docx / .txt, checked by ``perfxl.draft`` with the PX6xx rules; ``--workbook BOOK``
ties every draft to its workbook).  Results go to
stdout (or atomically to ``-o OUT``), a one-line summary to stderr.  An unreadable file is reported
(its Chinese reason on stderr and in the output) and the run goes on.  Exit 0 when no finding is at
or above ``--fail-on`` (default error), 1 when one is, 2 when a file could not be read or the call
is wrong; ``--exit-zero`` turns 1 into 0.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import click

from perfxl.cli._common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK


def _prefixes(values: tuple[str, ...]) -> tuple[str, ...]:
    """``("PX1,PX2", "px3")`` -> ``("PX1", "PX2", "PX3")``; a prefix matching no rule is an error."""
    from perfxl.checks import RULES, load_draft_rules
    from perfxl.errors import UsageError

    load_draft_rules()  # PX6xx prefixes are valid too

    out = tuple(p.strip().upper() for v in values for p in v.split(",") if p.strip())
    for p in out:
        if not any(code.startswith(p) for code in RULES):
            raise UsageError(f"没有以“{p}”开头的规则；规则编号见 docs/rules/index.md（如 PX2、PX201）")
    return out


def _load(path: Path):
    from perfxl.errors import WorkbookFormatError

    if not path.exists():
        raise WorkbookFormatError("文件不存在", file=str(path))
    if path.suffix.lower() == ".toml":
        from perfxl.examples import load_example_data
        return load_example_data(path)
    from perfxl.io.xlsx_reader import read_workbook
    return read_workbook(path, engine="calamine")


def check_one(args: tuple[Path, tuple[str, ...], tuple[str, ...]]):
    """The ``FileResult`` of one path (an unreadable file carries its reason and its Chinese
    message for stderr)."""
    from perfxl.checks import check_model
    from perfxl.checks.output import FileResult
    from perfxl.errors import PerfxlError

    p, select, ignore, workbook = args
    try:
        from perfxl.draft import check_draft, is_draft
        if is_draft(p):
            return FileResult(str(p), tuple(check_draft(p, workbook, select, ignore))), None
        model = _load(p)
    except PerfxlError as exc:
        return FileResult(str(p), (), exc.message), f"perfxl：{exc}"
    except OSError as exc:
        msg = f"无法读取（{exc.strerror or exc}）"
        return FileResult(str(p), (), msg), f"perfxl：文件「{p}」：{msg}"
    return FileResult(str(p), tuple(check_model(model, select, ignore, file=str(p)))), None


def check_files(paths: list[Path], select=(), ignore=(), workbook: Path | None = None):
    """One ``FileResult`` per path, in the order given; unreadable files carry their reason.
    Several files are checked in parallel processes by the batch machinery
    (``perfxl.batch.parallel_map``), results in the order given."""
    from perfxl.batch import parallel_map

    jobs = None if len(paths) > 1 else 1
    results = []
    for result, message in parallel_map(check_one, [(p, select, ignore, workbook) for p in paths],
                                        jobs=jobs):
        if message:
            click.echo(message, err=True)
        results.append(result)
    return results


def _use_color(stream) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "junit", "sarif",
                                                    "github"]),
              default="text", show_default=True, help="输出格式")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="把结果写入文件（原子写入）而不是标准输出")
@click.option("--select", multiple=True, metavar="PREFIX",
              help="只运行编号以此开头的规则（可多次给出或用逗号分隔，如 PX1,PX201）")
@click.option("--ignore", multiple=True, metavar="PREFIX", help="不运行编号以此开头的规则")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error",
              show_default=True, help="达到此级别的问题使退出码为 1")
@click.option("--exit-zero", is_flag=True, help="发现问题也以 0 退出（无法读取的文件仍为 2）")
@click.option("--workbook", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="报告草稿（.docx/.txt）对应的工作簿：核对报告中的数字与工作簿计算结果一致")
def command(files, fmt, output, select, ignore, fail_on, exit_zero, workbook):
    """校验工作簿与自评报告草稿（.docx/.txt）：合计、比率、得分、完整性与工作簿规范，报告文字中的
    数字（规则见 docs/rules/）。"""
    from perfxl.checks.output import render, summary
    from perfxl.errors import PerfxlError

    try:
        sel, ign = _prefixes(select), _prefixes(ignore)
        if output is not None and any(output.resolve() == Path(f).resolve() for f in files):
            from perfxl.errors import UsageError
            raise UsageError("输出文件不能是被校验的文件")
        if workbook is not None and not workbook.is_file():
            from perfxl.errors import UsageError
            raise UsageError(f"--workbook 指定的工作簿「{workbook}」不存在")
    except PerfxlError as exc:
        click.echo(f"perfxl：{exc}", err=True)
        sys.exit(EXIT_ERROR)
    results = check_files(list(files), sel, ign, workbook)
    if output is None:
        width = shutil.get_terminal_size((140, 24)).columns if sys.stdout.isatty() else 140
        click.echo(render(results, fmt, color=_use_color(sys.stdout), width=max(width, 80)),
                   nl=False)
    else:
        from perfxl.io.atomic import atomic_path
        try:
            with atomic_path(output) as tmp:
                tmp.write_text(render(results, fmt), encoding="utf-8")
        except OSError as exc:
            click.echo(f"perfxl：无法写入 {output}（{exc.strerror or exc}）", err=True)
            sys.exit(EXIT_ERROR)
    totals = [summary(r) for r in results]
    unreadable = sum(r.error is not None for r in results)
    click.echo(f"已校验 {len(results) - unreadable} 个文件：{sum(t['errors'] for t in totals)} 个错误，"
               f"{sum(t['warnings'] for t in totals)} 个警告，{sum(t['infos'] for t in totals)} 个提示"
               + (f"；{unreadable} 个文件无法读取" if unreadable else "")
               + (f"；结果已写入 {output}" if output is not None else ""), err=True)
    if unreadable:
        sys.exit(EXIT_ERROR)
    if not exit_zero and any(r.fails(fail_on) for r in results):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)
