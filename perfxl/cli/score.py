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

from perfxl.cli._common import force_option, framework_ids, handle_errors


@click.command("score")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="写入评分结果的工作簿副本（.xlsx）；原文件不会被改写")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="输出格式")
@click.option("--framework", "framework", type=click.Choice(framework_ids()), default=None,
              help="评价框架编号（默认取工作簿「基本信息」中的评价框架）")
@force_option
@handle_errors
def command(file: Path, output: Path | None, fmt: str, framework: str | None,
            force: bool = False) -> None:
    """计算自评得分、总分与等级，并与填报的得分对照。"""
    from perfxl.errors import PerfxlError
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.scoring import score_model
    from perfxl.scoring.output import render_text

    if output is not None:
        _check_output(file, output, force)
    result = score_model(read_workbook(file), framework)
    if output is not None:
        _check_macros(file, output)
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
        from perfxl.safetext import escape_controls_json

        click.echo(escape_controls_json(json.dumps(data, ensure_ascii=False, indent=2)))
    else:
        from perfxl.safetext import terminal_text

        click.echo(terminal_text(render_text(result)))  # no ESC sequence from a name
    if output is not None:
        click.echo(f"已写入：{output}", err=True)


def _check_output(src: Path, out: Path, force: bool = False) -> None:
    """Refuse, before any work, an output that cannot or must not be written (exit code 2):
    the input by any spelling or link, a folder, a name too long, a missing folder
    (``perfxl.outpath.refuse_overwrite``), an existing file without ``--force``."""
    from perfxl.outpath import refuse_overwrite

    refuse_overwrite(out, [src], suffixes=(".xlsx", ".xlsm"), exists_ok=force)


def _check_macros(src: Path, out: Path) -> None:
    """The copy keeps the input's macros byte for byte, so its name must say what it is: a
    macro-enabled input (content type ``macroEnabled``) goes to ``.xlsm``, any other to
    ``.xlsx``.  Excel refuses to open a file whose extension and content type disagree."""
    import zipfile

    from perfxl.errors import UsageError

    try:
        with zipfile.ZipFile(src) as zf:
            types = zf.read("[Content_Types].xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return  # the reader has already said what is wrong with such a file
    has_macros = "macroEnabled" in types
    if out.suffix.lower() == ".xlsm" and not has_macros:
        raise UsageError(f"输出文件「{out}」以 .xlsm 结尾，但输入工作簿不含宏；"
                         f"请改用 .xlsx，如 {out.with_suffix('.xlsx')}")
    if out.suffix.lower() == ".xlsx" and has_macros:
        raise UsageError(f"输入工作簿含宏（VBA），副本会原样保留宏；输出文件「{out}」"
                         f"请改用 .xlsm，如 {out.with_suffix('.xlsm')}")


def _write(src: Path, out: Path, result) -> None:
    from perfxl.io.writing.xlsx_writer import write_outputs
    from perfxl.scoring.output import scores_output

    sheet, cells = scores_output(result)
    write_outputs(src, out, sheets=[sheet], cells=cells)
