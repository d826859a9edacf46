"""``perfxl demo``: the main job on the bundled real examples.

For each example workbook (seeds 004, 000, 002): read it, score it (computed total and grade
beside the stated ones), check it (findings), write its 自评报告 .docx plus a PNG of the first
page, and a batch summary of all; then say where the outputs are.
"""
from __future__ import annotations

from pathlib import Path

import click

from perfxl.cli._common import handle_errors


def _examples_dir() -> Path:
    from perfxl.examples import data_root

    return data_root() / "examples"


@click.command("demo")
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out/demo"), show_default=True, help="输出目录")
@click.option("--no-png", is_flag=True, help="不用 LibreOffice 生成报告首页图片")
@handle_errors
def command(outdir: Path, no_png: bool) -> None:
    """在内置的真实示例上演示：评分、校验、生成自评报告与批量汇总。"""
    from perfxl.demo import run_demo

    run_demo(_examples_dir(), outdir, png=not no_png)
