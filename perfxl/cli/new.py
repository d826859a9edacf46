"""``perfxl new -o NEXT.xlsx [--framework ID] [--from LAST.xlsx] [--force]``: write an empty
standard workbook, or with ``--from`` the next year's workbook of LAST (``perfxl.carry``:
fixed data kept, LAST's 本年 figures in the 上年 cells, year LAST + 1).

Exit 2, nothing written, when the output exists (without ``--force``), is LAST itself (same
path, symbolic or hard link: ``os.path.samefile``), or LAST cannot be read.
"""
from __future__ import annotations

from pathlib import Path

import click

from perfxl import layout as L
from perfxl.cli._common import force_option, framework_ids, handle_errors


@click.command("new")
@click.option("--framework", "framework", type=click.Choice(framework_ids()), default=None,
              help="预设的评价框架编号")
@click.option("--from", "last", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="上一年度的工作簿：结转部门信息、指标体系与项目清单，本年数填入新工作簿的上年栏")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="输出的 .xlsx 文件")
@force_option
@handle_errors
def command(framework: str | None, last: Path | None, output: Path, force: bool) -> None:
    """生成空白的标准自评工作簿；加 --from 上年.xlsx 时生成下一年度的工作簿。"""
    from perfxl.errors import WorkbookFormatError
    from perfxl.outpath import refuse_overwrite

    # LAST is an input: every spelling, symlink or hard link of it is refused (issue 15)
    refuse_overwrite(output, [last] if last is not None else [], suffixes=(".xlsx",),
                     what="输出文件", exists_ok=force)
    if last is None:
        from perfxl.template.builder import write_template
        write_template(output, framework)
        click.echo(str(output))
        return
    from perfxl.carry import carry_forward
    from perfxl.io.writing.xlsx_fill import write_model
    from perfxl.io.reading.xlsx_reader import read_workbook

    if not last.exists():
        raise WorkbookFormatError("文件不存在", file=str(last))
    if last.suffix.lower() == ".toml":  # an example data file, as perfxl check reads it
        from perfxl.examples import load_example_data
        nxt = carry_forward(load_example_data(last))
    else:
        nxt = carry_forward(read_workbook(last, engine="calamine"))
    if framework:
        nxt.values["framework"] = framework
    write_model(nxt, output, engine="perfxl")  # cached values from perfxl.derived: no formula engine
    click.echo(str(output))
    carried = sum(1 for c in L.PRIOR_YEAR_FIGURES for v in _targets(nxt, c) if v is not None)
    click.echo(f"已由 {last.name}（{nxt.year - 1} 年度）生成 {nxt.year} 年度工作簿：上年栏填入 {carried} 个"
               "上年本年数，部门信息、指标体系与项目清单已结转，本年数待填写", err=True)


def _targets(model, carry):
    """The values of a carry's target cells in ``model``."""
    if carry.table is None:
        return [model.values.get(carry.target)]
    return [r.values.get(carry.columns()[1]) for r in model.rows(carry.table)]
