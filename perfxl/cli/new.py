"""``perfxl new``: write an empty standard workbook."""
from __future__ import annotations

from pathlib import Path

import click

from perfxl.cli._common import handle_errors


@click.command("new")
@click.option("--framework", "framework", default=None, help="预设的评价框架 ID（见 docs/frameworks.md）")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="输出的 .xlsx 文件")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖")
@handle_errors
def command(framework: str | None, output: Path, force: bool) -> None:
    """生成空白的标准自评工作簿。"""
    from perfxl.errors import UsageError
    from perfxl.template.builder import write_template

    from perfxl.outpath import refuse_overwrite

    refuse_overwrite(output, [], suffixes=(".xlsx",))
    if output.exists() and not force:
        raise UsageError(f"文件「{output}」已存在；如需覆盖请加 --force")
    write_template(output, framework)
    click.echo(str(output))
