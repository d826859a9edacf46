"""``perfxl addin build | install | remove | status``: thin adapters over :mod:`perfxl.addin`.

Results go to stdout; errors to stderr with exit code 2 (the command could not be done), e.g.
``install`` and ``remove`` on a system without Excel for Windows.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from perfxl.cli import _common  # noqa: F401  (click's texts in Chinese)

from perfxl.errors import PerfxlError


def _fail(exc: PerfxlError) -> None:
    click.echo(str(exc), err=True)
    raise SystemExit(exc.exit_code)


@click.group("addin")
def command() -> None:
    """Excel 加载项（perfxl.xlam）：生成、安装、卸载、查看状态。"""


@command.command("build")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("perfxl.xlam"), show_default=True, help="加载项文件的保存位置。")
def build(output: Path) -> None:
    """用已安装的 xlwings 的模板生成加载项（重复生成的文件逐字节相同）。"""
    from perfxl.addin.build import build_addin

    start = time.perf_counter()
    try:
        path = build_addin(output)
    except PerfxlError as exc:
        _fail(exc)
    except OSError as exc:
        _fail(PerfxlError(f"无法写入 {output}：{exc.strerror or exc}"))
    click.echo(f"已生成 {path}（{path.stat().st_size} 字节，用时 {time.perf_counter() - start:.2f} 秒）")


@command.command("install")
def install() -> None:
    """把加载项安装到 Excel 的启动文件夹（XLSTART），并写入 Python 解释器配置。"""
    from perfxl.addin import install as inst

    try:
        addin, config = inst.install()
    except PerfxlError as exc:
        _fail(exc)
    except OSError as exc:
        _fail(PerfxlError(f"安装失败：{exc.strerror or exc}（{exc.filename}）"))
    click.echo(f"已安装加载项：{addin}")
    click.echo(f"已写入配置：{config}（Excel 将使用 {inst.interpreter_for_excel()}）")
    click.echo("请重新启动 Excel，功能区上会出现「绩效自评」选项卡。可运行 perfxl doctor 检查。")


@command.command("remove")
def remove() -> None:
    """从 Excel 的启动文件夹删除加载项（配置文件保留）。"""
    from perfxl.addin import install as inst

    try:
        removed = inst.remove()
    except PerfxlError as exc:
        _fail(exc)
    if removed is None:
        click.echo("加载项未安装，无需卸载。")
    else:
        click.echo(f"已删除 {removed}。重新启动 Excel 后「绩效自评」选项卡消失。")


@command.command("status")
def status() -> None:
    """显示加载项是否已安装及其版本。"""
    from perfxl.addin import install as inst

    if not inst.is_windows():
        click.echo(inst.NEEDS_WINDOWS.format(platform=sys.platform))
        return
    try:
        folder = inst.xlstart_dir()
    except PerfxlError as exc:
        _fail(exc)
    path = inst.installed_path(folder)
    if path is None:
        click.echo(f"加载项未安装。perfxl addin install 会把它安装到：{folder / inst.ADDIN_NAME}")
        return
    info = inst.addin_info(path)
    click.echo(f"加载项已安装：{path}（perfxl {info.perfxl_version}，xlwings {info.xlwings_version}）")
    click.echo("卸载：perfxl addin remove")
