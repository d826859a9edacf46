"""``perfxl rule CODE``: one rule's page (what it checks, its message, its 合格 / 不合格 examples),
generated from the registry in the package as docs/rules/<CODE>.md is (``perfxl.checks.docs``),
so an installed wheel has it.  CODE is a code (PX201) or a name (execution-rate)."""
from __future__ import annotations

import click

from perfxl.cli._common import handle_errors


@click.command("rule")
@click.argument("code")
@handle_errors
def command(code: str) -> None:
    """显示一条校验规则的说明、消息模板与合格 / 不合格示例（如 perfxl rule PX201）。"""
    from perfxl.checks.docs import rule_page
    from perfxl.cli.rules import all_rules
    from perfxl.errors import UsageError

    wanted = code.strip()
    found = [r for r in all_rules() if wanted.upper() == r.code or wanted.lower() == r.name]
    if not found:
        raise UsageError(f"没有规则“{code}”；全部规则见 perfxl rules")
    click.echo(rule_page(found[0]), nl=False)
