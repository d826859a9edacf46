"""The click group of the ``perfxl`` command (``perfxl.cli.main``): one thin module per
sub-command (see ``perfxl.cli.COMMANDS``), each imported only when it runs (or when ``--help``
lists them): ``perfxl check BOOK.xlsx`` does not pay for the report, the add-in or the batch
machinery."""
from __future__ import annotations

import click

from perfxl import __version__
from perfxl.cli import COMMANDS, _common, _load, zh  # noqa: F401  (_common: texts in Chinese)


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [n for n in COMMANDS if self.get_command(ctx, n) is not None]

    def get_command(self, ctx: click.Context, cmd_name: str):
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        if cmd_name not in COMMANDS:
            return None
        cmd = _load(cmd_name)
        if cmd is not None:
            zh.localize(cmd)  # Chinese metavars and a whole first sentence for the list
            self.add_command(cmd, cmd_name)
        return cmd


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="perfxl")
def main() -> None:
    """perfxl：预算绩效自评工作簿的校验、评分与自评报告生成。"""


zh.localize(main)
