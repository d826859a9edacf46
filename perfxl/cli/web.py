"""``perfxl web build OUT [--pyodide DIR] [--wheels DIR]``: write the offline web page (a static
folder any web server can serve; ``perfxl.web``), and ``perfxl web fetch``: put what the build
needs (the pinned npm package pyodide and the pure-Python wheels) into perfxl's cache.

Exit 0 on success, 2 (Chinese message on stderr, nothing written) when the page cannot be built.
"""
from __future__ import annotations

from pathlib import Path

import click

from perfxl.cli._common import handle_errors


@click.group("web")
def command() -> None:
    """离线网页版：生成可放在任何网站（如单位内网）上的静态网页，无需安装 Python。"""


@command.command("build")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--pyodide", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="已解压的 npm 包 pyodide 目录（默认自动用 npm 获取并缓存）")
@click.option("--wheels", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="存放依赖 wheel 的目录（默认 perfxl 缓存目录，缺少时用 pip 下载）")
@click.option("--base-url", default=None, metavar="URL",
              help="网页将放在的网址（如 https://内网地址/perfxl/），写入 xlwings Lite 的 requirements.txt")
@handle_errors
def build(out: Path, pyodide: Path | None, wheels: Path | None, base_url: str | None) -> None:
    """生成网页文件夹 OUT：把其中全部文件原样放到网站的一个目录下即可使用。"""
    from perfxl.web.build import build_page

    record = build_page(out, pyodide=pyodide, wheels=wheels, base_url=base_url)
    click.echo(f"已生成网页：{out}（{len(record['files'])} 个文件，"
               f"共 {record['bytes'] / 1024 / 1024:.1f} MB；Pyodide {record['pyodide']}）")
    click.echo(f"本机试用：python -m http.server --directory {out} 8000，然后打开 http://127.0.0.1:8000/",
               err=True)


@command.command("fetch")
@handle_errors
def fetch() -> None:
    """预先下载生成网页所需的 Pyodide（npm）与依赖 wheel（pip），存入缓存目录。"""
    from perfxl.web.build import fetch_pyodide, page_wheels

    click.echo(str(fetch_pyodide()))
    for w in page_wheels():
        click.echo(str(w))
