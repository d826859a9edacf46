"""``perfxl rules [--format text|json] [--select P]``: every check rule, from the registry in the
package (so an installed wheel lists them without the repository's docs/rules/ folder): code,
name (usable in ``--select`` / ``--ignore`` and in the configuration), level and title."""
from __future__ import annotations

import json

import click

from perfxl.cli._common import handle_errors


def all_rules():
    """The registry with the report-draft rules (PX6xx) loaded, code order."""
    from perfxl.checks import RULES, load_draft_rules

    load_draft_rules()
    return [RULES[c] for c in sorted(RULES)]


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="输出格式")
@handle_errors
def command(fmt: str) -> None:
    """列出全部校验规则：编号、名称、级别与规则内容（某条规则的详细说明：perfxl rule 编号）。"""
    from perfxl.checks.registry import FAMILIES

    rules = all_rules()
    if fmt == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "level": r.level,
                                "title": r.title, "family": r.family} for r in rules],
                              ensure_ascii=False, indent=1))
        return
    levels = {"error": "错误", "warning": "警告", "info": "提示"}
    for fam, title in FAMILIES.items():
        group = [r for r in rules if r.code[2] == fam]
        if group:
            click.echo(f"PX{fam}xx {title}")
            for r in group:
                click.echo(f"  {r.code}  {r.name:<32} {levels[r.level]}  {r.title}")
    click.echo(f"共 {len(rules)} 条规则；--select / --ignore 可用编号前缀（PX2）或名称（execution-rate）")
