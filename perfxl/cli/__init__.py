"""The ``perfxl`` command: one thin module per sub-command (see ``COMMANDS``), each imported only
when it runs (or when ``--help`` lists them): ``perfxl check BOOK.xlsx`` does not pay for the
report, the add-in or the batch machinery."""
from __future__ import annotations

import importlib

import click

from perfxl import __version__
from perfxl.cli import zh

zh.install()  # before the decorators below: click's texts (Usage, Options...) in Chinese

#: Sub-command modules, each defining ``command`` (a click command or group) of the same name.
COMMANDS = ("new", "check", "score", "report", "annotate", "batch", "demo", "addin", "doctor",
            "web", "rules", "rule")


def _load(name: str):
    """The ``command`` of ``perfxl.cli.<name>``, or ``None`` for a command still being written."""
    try:
        mod = importlib.import_module(f"perfxl.cli.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"perfxl.cli.{name}":
            raise
        return None
    return mod.command


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
