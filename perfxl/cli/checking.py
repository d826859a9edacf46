"""What ``perfxl check`` does, without click: ``run`` takes the command's options and returns
its exit code (0, 1 findings, 2 unreadable or a wrong call).  ``perfxl.cli.check`` is the click
command over it; the ``perfxl`` entry point (``perfxl.cli.run``) calls ``run`` directly for the
common call ``perfxl check FILE... [--format F]``, so that call does not import click.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from perfxl.cli.exits import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from perfxl.safetext import terminal_text

#: ``--format`` values.
FORMATS = ("text", "json", "jsonl", "junit", "sarif", "github")


def echo(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """``message`` to stdout (or stderr), flushed, as ``click.echo`` writes a text: perfxl colours
    only a terminal (``_use_color``), so nothing needs stripping."""
    stream = sys.stderr if err else sys.stdout
    stream.write(message + ("\n" if nl else ""))
    stream.flush()


def run(files, fmt="text", output=None, select=(), ignore=(), fail_on=None, exit_zero=False,
        workbook=None, prior=None, show_notes=False, config_file=None, isolated=False,
        write=echo) -> int:
    """``perfxl check`` with these options (see ``perfxl.cli.check``); results to stdout (through
    ``write(text, nl=False)``) or ``output``, the summary line and messages to stderr; returns
    the exit code."""
    from perfxl.checks.output import render, summary
    from perfxl.errors import PerfxlError

    try:
        sel, ign = _prefixes(select), _prefixes(ignore)
        configs = _configs(config_file, isolated)
        files = discover(files, configs)
        if output is not None:
            from perfxl.outpath import refuse_overwrite
            inputs = [*files, prior] if prior is not None else list(files)
            if workbook is not None:
                inputs.append(workbook)
            refuse_overwrite(output, inputs, what="结果文件", make_parents=True)
        if workbook is not None and not workbook.exists():  # a FIFO: the reader says what it is
            from perfxl.errors import UsageError
            raise UsageError(f"--workbook 指定的工作簿「{workbook}」不存在")
        if prior is not None:
            if len(files) != 1:
                from perfxl.errors import UsageError
                raise UsageError("--prior 只能与一个工作簿一起使用；多个工作簿请用 perfxl batch --prior-dir")
            results = [check_with_prior(Path(files[0]), prior,
                                        *configs(files[0]).rules_for(files[0], sel, ign))]
    except PerfxlError as exc:
        echo(f"perfxl：{terminal_text(str(exc))}", err=True)
        return EXIT_ERROR
    except OSError as exc:  # --prior: a file that cannot be opened (permission, a folder...)
        echo(terminal_text(f"perfxl：文件「{exc.filename}」无法读取（{exc.strerror or exc}）"),
             err=True)
        return EXIT_ERROR
    if prior is None:
        results = check_files(list(files), sel, ign, workbook, notes=show_notes,
                              rules_for=lambda p: configs(p).rules_for(p, sel, ign))
    results = _accept(results, configs)
    unreadable = sum(r.error is not None for r in results)
    if output is None:
        width = 140
        if sys.stdout.isatty():
            import shutil
            width = shutil.get_terminal_size((140, 24)).columns
        write(render(results, fmt, color=_use_color(sys.stdout), width=max(width, 80)),
              nl=False)
    elif unreadable:  # exit 2 leaves nothing behind (docs/files-and-exit-codes.md)
        echo(f"perfxl：有 {unreadable} 个文件无法读取，未写入 {output}；请先修正或去掉这些文件",
             err=True)
    else:
        from perfxl.io.writing.atomic import atomic_path
        try:
            with atomic_path(output) as tmp:
                # a file name that is not UTF-8 (surrogate-escaped bytes) must not stop the write
                tmp.write_text(render(results, fmt), encoding="utf-8", errors="replace")
        except OSError as exc:
            echo(f"perfxl：无法写入 {output}（{exc.strerror or exc}）", err=True)
            return EXIT_ERROR
    totals = [summary(r) for r in results]
    tied = [r for r in results if r.compared is not None]
    echo(f"已校验 {len(results) - unreadable} 个文件：{sum(t['errors'] for t in totals)} 个错误，"
         f"{sum(t['warnings'] for t in totals)} 个警告，{sum(t['infos'] for t in totals)} 个提示"
               + (f"；{unreadable} 个文件无法读取" if unreadable else "")
               + (f"；报告中 {sum(r.compared for r in tied)} 个数字已与工作簿核对" if tied else "")
               + (f"；结果已写入 {output}" if output is not None and not unreadable else ""),
               err=True)
    if unreadable:
        return EXIT_ERROR
    if not exit_zero and any(r.fails(fail_on or configs(r.file).fail_on or "error")
                             for r in results):
        return EXIT_FINDINGS
    return EXIT_OK


def _prefixes(values: tuple[str, ...]) -> tuple[str, ...]:
    """``("PX1,PX2", "px3", "execution-rate")`` -> ``("PX1", "PX2", "PX3", "PX201")``: code
    prefixes (any case) and rule names (``perfxl rules``); one matching no rule is an error."""
    raw = tuple(p.strip() for v in values for p in v.split(",") if p.strip())
    if not raw:  # no rule registry to import for the common call
        return raw
    from perfxl.checks import RULES, load_draft_rules
    from perfxl.errors import UsageError

    load_draft_rules()  # PX6xx prefixes are valid too

    names = {r.name: code for code, r in RULES.items()}
    # a documented rule name (execution-rate) stands for its code; anything else is a prefix
    out = tuple(names.get(p.lower(), p.upper()) for p in raw)
    for p in out:
        if not any(code.startswith(p) for code in RULES):
            raise UsageError(f"没有以“{p}”开头的规则；规则编号与名称见 perfxl rules（如 PX2、PX201、execution-rate）")
    return out


def _load(path: Path):
    from perfxl.errors import WorkbookFormatError

    if not path.exists():
        raise WorkbookFormatError("文件不存在", file=str(path))
    if path.suffix.lower() == ".toml":
        from perfxl.examples import load_example_data
        return load_example_data(path)
    from perfxl.io.reading.xlsx_reader import read_workbook
    return read_workbook(path, engine="calamine")


def _is_draft(path: Path) -> bool:
    """``perfxl.draft.is_draft`` without importing the draft reader for a workbook."""
    if path.suffix.lower() in (".xlsx", ".xlsm", ".toml"):
        return False
    from perfxl.draft import is_draft
    return is_draft(path)


def check_one(args: tuple[Path, tuple[str, ...], tuple[str, ...]]):
    """The ``FileResult`` of one path (an unreadable file carries its reason and its Chinese
    message for stderr)."""
    from perfxl.checks.output import FileResult
    from perfxl.errors import PerfxlError

    p, select, ignore, workbook, *notes = args
    try:
        if _is_draft(p):
            return _check_draft(p, select, ignore, workbook, bool(notes and notes[0]))
        model = _load(p)
    except PerfxlError as exc:
        return FileResult(str(p), (), exc.message), f"perfxl：{exc}"
    except OSError as exc:
        msg = f"无法读取（{exc.strerror or exc}）"
        return FileResult(str(p), (), msg), f"perfxl：文件「{p}」：{msg}"
    from perfxl.checks.engine import check_model  # not for a draft: no workbook rule to import
    return _confirmed(FileResult(str(p), tuple(check_model(model, select, ignore,
                                                           file=str(p)))), model), None


def _confirmed(result, model):
    """``result`` with the findings the workbook's 说明 accepts (「确认 PXnnn：理由」,
    ``perfxl.checks.acceptance``) moved to ``accepted``."""
    from dataclasses import replace

    from perfxl.checks.acceptance import split_confirmed

    kept, accepted = split_confirmed(model, result.findings)
    if not accepted:
        return result
    return replace(result, findings=tuple(kept), accepted=result.accepted + tuple(accepted))


def _check_draft(p: Path, select, ignore, workbook, notes: bool):
    """A draft's ``FileResult`` (with how many figures were compared with ``workbook``) and, when
    the draft does not name the workbook's department, a note for stderr."""
    from perfxl.checks.output import FileResult
    from perfxl.draft import proofread
    from perfxl.draft.reading import read_draft
    got = proofread(read_draft(p), str(p), workbook, select, ignore, notes)
    note = None
    if workbook is not None and not got.confirmed:
        note = (f"perfxl：报告「{p}」没有写明工作簿「{workbook}」的部门名称，未能核对二者是否为同一"
                "部门；请确认后再看与工作簿核对的结果")
    return FileResult(str(p), tuple(got.findings), compared=got.compared), note


def check_files(paths: list[Path], select=(), ignore=(), workbook: Path | None = None,
                notes: bool = False, rules_for=None):
    """One ``FileResult`` per path, in the order given; unreadable files carry their reason.
    ``rules_for(path) -> (select, ignore)`` gives each file its own rules (the configuration's
    per-file ignores).  Several files are checked in parallel processes by the batch machinery
    (``perfxl.batch.parallel_map``), results in the order given."""
    rules_for = rules_for or (lambda p: (select, ignore))
    args = [(p, *rules_for(p), workbook, notes) for p in paths]
    if len(paths) > 1:
        from perfxl.batch import parallel_map  # one file needs no pool (nor its import)
        done = parallel_map(check_one, args)
    else:
        done = [check_one(a) for a in args]
    results = []
    for result, message in done:
        if message:
            echo(terminal_text(message), err=True)
        results.append(result)
    return results


def check_with_prior(path: Path, prior_path: Path, select=(), ignore=()):
    """The ``FileResult`` of ``path`` with PX118 against ``prior_path``; raises ``PerfxlError``
    (exit 2) when either cannot be read or they are not the same department's consecutive
    years."""
    from perfxl.carry import pair_problem
    from perfxl.checks import check_model
    from perfxl.checks.output import FileResult
    from perfxl.errors import UsageError

    model, prior = _load(path), _load(prior_path)
    problem = pair_problem(model, prior)
    if problem:
        raise UsageError(f"无法与「{prior_path}」比较上年数：{problem}")
    return _confirmed(FileResult(str(path), tuple(check_model(
        model, select, ignore, file=str(path), prior=prior, prior_file=str(prior_path)))), model)


def _use_color(stream) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _configs(config_file: Path | None, isolated: bool):
    """``path -> Config``: the file named by ``--config``, none with ``--isolated``, else the
    nearest one upward from each path (``perfxl.cli.config``)."""
    from perfxl.cli.config import Config, find_config, load_config

    if isolated:
        return lambda path: Config()
    if config_file is not None:
        if not config_file.is_file():
            from perfxl.errors import UsageError
            raise UsageError(f"配置文件「{config_file}」不存在")
        one = load_config(config_file, _prefixes)
        return lambda path: one
    cache: dict = {}
    return lambda path: find_config(path, _prefixes, cache)


def discover(paths, configs) -> list[Path]:
    """Files as given; a folder searched recursively for workbooks as ``perfxl batch`` does
    (``perfxl.batch.expand_paths``), without perfxl's own batch summaries and without what its
    configuration's ``exclude`` names.  Report drafts are checked when named, never picked up
    from a folder (a .txt or .docx there may be anything).  A folder without a workbook is an
    error (exit 2)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue
        from perfxl.batch import expand_paths
        from perfxl.batch.summary import is_summary
        from perfxl.errors import UsageError

        found = [f for f in expand_paths([p]) if not configs(f).excluded(f) and not is_summary(f)]
        if not found:
            raise UsageError(f"文件夹「{p}」中没有找到 .xlsx / .xlsm 工作簿")
        out += found
    return out


def _accept(results, configs):
    """Each result without the findings its configuration accepts (``[[accept]]`` with a
    reason), which join those its workbook accepts in ``accepted``: every format lists them
    with their reason, and stderr names each, never silently dropped."""
    from dataclasses import replace

    out = []
    for r in results:
        cfg = configs(r.file)
        if cfg.accept and r.findings:
            kept, accepted = cfg.split_accepted(r.file, r.findings)
            r = replace(r, findings=tuple(kept), accepted=r.accepted + tuple(accepted))
        for f, why in r.accepted:
            where = f"{f.sheet}!{f.cell}" if f.sheet else (f.place or "")
            echo(terminal_text(f"perfxl：已接受 {r.file} {f.rule} {where}：{why}"), err=True)
        out.append(r)
    return out
