"""``perfxl batch``: review many workbooks into one summary workbook."""
from __future__ import annotations

import functools
import json
import sys
import tempfile
import textwrap
from pathlib import Path

import click

from perfxl.cli._common import EXIT_FINDINGS, EXIT_OK, force_option, handle_errors
from perfxl.numbers import fmt_fixed, fmt_trimmed


def progress_callback(total: int):
    """A progress bar on stderr when it is a terminal (honours NO_COLOR); otherwise (a log, a CI
    job) a line every ``progress_step(total)`` files, so a long run is never silent."""
    if total < 2:
        return None, None
    if not sys.stderr.isatty():
        step = progress_step(total)

        def line(done: int, total: int) -> None:
            if done % step == 0 or done == total:
                click.echo(f"已审核 {done}/{total} 个工作簿", err=True)
        return None, line
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    task = bar.add_task("校验中", total=total)
    return bar, (lambda done, _total: bar.update(task, completed=done))


def progress_step(total: int) -> int:
    """Files between two progress lines: about 20 lines per run, at least every 10 files."""
    return max(10, -(-total // 20))


#: The header of the text output (tab-separated, one workbook per line below it).
TEXT_HEADER = ("状态", "文件", "部门名称", "年度", "评价框架", "填报总分", "计算总分", "等级",
               "错误数", "警告数", "备注")


def text_note(rec: dict) -> str:
    """The 备注 of the text output: the summary's 备注, and for a file that cannot be read the
    reason (the summary has it in 主要问题1, a column the text output leaves out)."""
    from perfxl.batch import UNREADABLE

    if rec["状态"] != UNREADABLE or not rec["主要问题1"]:
        return rec["备注"] or ""
    return "；".join(t for t in (rec["主要问题1"], rec["备注"]) if t)


def _line(text: str) -> str:
    """``text`` on one line of the text output: a file name or department name holding a line
    break, tab or other control character shows it escaped (``\\n``), so one file is one line
    (the one terminal sanitiser, ``perfxl.safetext.terminal_text``, keeps line breaks and tabs)."""
    from perfxl.safetext import terminal_text

    return terminal_text(text).replace("\n", "\\n").replace("\t", "\\t")


def _echo_json(output: Path, spool, records: list[dict]) -> None:
    """The JSON output, one workbook at a time from ``spool`` (one review's JSON a line): the
    text of ``json.dumps({"summary": ..., "files": [...]}, ensure_ascii=False, indent=1)``,
    each file's review with its name and note (备注)."""
    from perfxl.safetext import escape_controls_json

    spool.seek(0)
    dump = functools.partial(json.dumps, ensure_ascii=False, indent=1)
    click.echo(escape_controls_json(f'{{\n "summary": {dump(str(output))},\n "files": ['), nl=False)
    for k, (line, rec) in enumerate(zip(spool, records)):
        entry = dict(json.loads(line), name=rec["文件"], note=rec["备注"] or None)
        # an item of "files" sits two levels deep: each of its lines two spaces in
        click.echo(escape_controls_json(("," if k else "") + "\n" + textwrap.indent(
            dump(entry), "  ")), nl=False)
    click.echo("\n ]\n}" if records else "]\n}")


def _accept(review, cfg) -> None:
    """Move the findings of ``review`` that the configuration's ``[[accept]]`` covers to its
    accepted ones (the workbook's own 「确认 PXnnn：理由」 were moved when it was reviewed)."""
    from types import SimpleNamespace

    if not cfg.accept or not review.findings:
        return
    rel = cfg.relative(review.file)
    pairs = []
    for d in review.findings:
        why = next((a.reason for a in cfg.accept if a.matches(SimpleNamespace(**d), rel)), None)
        if why is not None:
            pairs.append((d, why))
    review.accept(pairs)


@click.command("batch")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="汇总工作簿（.xlsx）")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="并行进程数（默认：CPU 核数）")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="标准输出的格式")
@click.option("--prior-dir", "prior_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="上一年度工作簿所在目录：按部门名称 + 年度配对，核对各工作簿的上年数（PX118）")
@click.option("--select", multiple=True, metavar="规则",
              help="只运行编号以此开头的规则或此名称的规则（同 perfxl check）")
@click.option("--ignore", multiple=True, metavar="规则", help="不运行编号以此开头的规则或此名称的规则")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="配置文件（perfxl.toml 或 pyproject.toml）；默认从各工作簿所在文件夹向上查找")
@click.option("--isolated", is_flag=True, help="不读取任何配置文件")
@force_option
@handle_errors
def command(paths: tuple[Path, ...], output: Path, jobs: int | None, fmt: str,
            prior_dir: Path | None, select: tuple[str, ...], ignore: tuple[str, ...],
            config_file: Path | None, isolated: bool, force: bool) -> None:
    """批量审核：每个工作簿一行汇总，全部问题带链接，附图表。

    与 perfxl check 一样读取配置文件（perfxl.toml 或 pyproject.toml 的 [tool.perfxl]）：
    select、ignore、per-file-ignores、exclude 与 accept。"""
    from perfxl.batch import UNREADABLE, expand_paths, iter_reviews, prior_index
    from perfxl.cli.checking import _configs, _prefixes
    from perfxl.errors import UsageError
    from perfxl.batch.summary import is_summary, summarize
    from perfxl.outpath import refuse_overwrite, same_file

    if output.suffix.lower() != ".xlsx":
        raise UsageError("汇总文件应以 .xlsx 结尾")
    sel, ign = _prefixes(select), _prefixes(ignore)
    configs = _configs(config_file, isolated)
    # a folder's workbooks without what their configuration excludes (as perfxl check)
    files = list(dict.fromkeys(f for p in paths for f in expand_paths([p])
                               if not (Path(p).is_dir() and configs(f).excluded(f))))
    # a summary perfxl wrote (this run's output or an earlier one in a folder being reviewed)
    # is no workbook to review: named on stderr, never a row 无法读取
    summaries = [f for f in files if is_summary(f)]
    files = [f for f in files if f not in summaries]
    for f in summaries:
        if not same_file(f, output):
            click.echo(f"perfxl：跳过 perfxl 此前生成的汇总文件「{f}」", err=True)
    if not files:
        raise UsageError("没有找到 .xlsx / .xlsm 文件")
    refuse_overwrite(output, [*paths, *files], suffixes=(".xlsx",), what="汇总文件",
                     make_parents=True, exists_ok=force)
    priors = None
    if prior_dir is not None:
        if not prior_dir.is_dir():
            raise UsageError(f"上年工作簿目录「{prior_dir}」不存在")
        priors = prior_index(prior_dir)
    bar, cb = progress_callback(len(files))
    # the reviews stream into the summary (the parent's memory stays flat in the number of
    # files): kept of each, its last-year workbook; its JSON goes to a temporary file
    priors_found: list[str | None] = []
    accepted = [0]
    spool = tempfile.TemporaryFile("w+", encoding="utf-8") if fmt == "json" else None

    def keep(reviews):
        for r in reviews:
            _accept(r, configs(r.file))
            accepted[0] += len(r.accepted)
            priors_found.append(r.prior)
            if spool is not None:
                spool.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
            yield r

    stream = keep(iter_reviews(files, jobs=jobs, progress=cb, priors=priors,
                               rules_for=lambda p: configs(p).rules_for(p, sel, ign)))
    if bar:
        with bar:
            records = summarize(stream, output, files=files)
    else:
        records = summarize(stream, output, files=files)
    if spool is not None:
        with spool:
            _echo_json(output, spool, records)
    else:
        click.echo("\t".join(TEXT_HEADER))
        for rec in records:
            total = "" if rec["计算总分"] is None else fmt_fixed(rec["计算总分"], 2)
            stated = "" if rec["填报总分"] is None else fmt_trimmed(rec["填报总分"], 6)
            click.echo("\t".join(_line(str(v)) for v in (
                rec["状态"], rec["文件"], rec["部门名称"], rec["年度"] or "", rec["评价框架"] or "",
                stated, total, rec["等级"] or "", rec["错误数"], rec["警告数"], text_note(rec))))
    for rec in records:
        if rec["备注"]:
            click.echo(f"perfxl：「{rec['文件']}」{rec['备注']}", err=True)
    if accepted:
        click.echo(f"已接受 {accepted[0]} 条问题（各自写明理由，见汇总的「全部问题」，级别为「已接受」）",
                   err=True)
    if priors is not None:
        missing = [rec["文件"] for prior, rec in zip(priors_found, records)
                   if rec["状态"] != UNREADABLE and not prior]
        click.echo(f"上年数已与 {len(records) - len(missing)} 个上年工作簿核对（{prior_dir}）"
                   + (f"；未找到同一部门上一年度工作簿、未核对上年数：{'、'.join(map(_line, missing))}"
                      if missing else ""), err=True)
    bad = sum(rec["状态"] == UNREADABLE for rec in records)
    errors = sum(rec["错误数"] for rec in records)
    click.echo(f"共 {len(records)} 个工作簿，无法读取 {bad} 个，错误 {errors} 条；汇总：{output}",
               err=True)
    # the summary was written, so the call ran: 2 is only for a call that cannot run (wrong
    # arguments, the summary cannot be written: PerfxlError above); a file that cannot be read
    # is a row of the summary and counts like a file with errors (docs/files-and-exit-codes.md)
    sys.exit(EXIT_FINDINGS if bad or errors else EXIT_OK)
