"""The ``perfxl`` command: one thin module per sub-command (see ``COMMANDS``)."""
from __future__ import annotations

import importlib

import click

from perfxl import __version__
from perfxl.cli import zh

zh.install()  # before the decorators below: click's texts (Usage, Options...) in Chinese

#: Sub-command modules, each defining ``command`` (a click command or group).
COMMANDS = ("new", "check", "score", "report", "annotate", "batch", "demo", "addin", "doctor",
            "rules", "rule")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="perfxl")
def main() -> None:
    """perfxl：预算绩效自评工作簿的校验、评分与自评报告生成。"""


for _name in COMMANDS:
    try:
        _mod = importlib.import_module(f"perfxl.cli.{_name}")
    except ModuleNotFoundError as _exc:  # a command still being written
        if _exc.name != f"perfxl.cli.{_name}":
            raise
        continue
    main.add_command(_mod.command)
zh.localize(main)
