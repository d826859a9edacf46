"""``perfxl doctor``: diagnose the add-in set-up (see :mod:`perfxl.addin.diagnose`).

Prints one line per check and, under each problem, its fix in Chinese.  Exit 0 when nothing is
wrong, 1 when at least one check found a problem.
"""
from __future__ import annotations

import click

from perfxl.cli import _common  # noqa: F401  (click's texts in Chinese)


@click.command("doctor")
def command() -> None:
    """检查 Python、perfxl、xlwings 与 Excel 加载项的安装情况，并给出解决办法。"""
    from perfxl.addin.diagnose import PROBLEM, format_checks, run_checks

    checks = run_checks()
    click.echo(format_checks(checks))
    problems = sum(c.status == PROBLEM for c in checks)
    if problems:
        click.echo(f"发现 {problems} 个问题，请按上面的解决办法处理。")
        raise SystemExit(1)
    click.echo("未发现问题。")
