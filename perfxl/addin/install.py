"""Install, remove and inspect the add-in in Excel's per-user start-up folder (XLSTART).

Like ``xlwings addin install``, but without starting Excel: the add-in goes to
``%APPDATA%\\Microsoft\\Excel\\XLSTART\\perfxl.xlam``, which Excel opens (as a trusted location) on
every start.  ``install`` builds the file there from the installed xlwings, so the add-in's VBA
always names the DLL of the xlwings that Python will load, and writes the interpreter into the
xlwings config file the add-in reads, ``%USERPROFILE%\\.perfxl\\perfxl.conf``.

Every function takes the folders as optional arguments (tests pass temporary ones); left out,
they are the Windows defaults, and on any other system :class:`perfxl.errors.PerfxlError`
(exit code 2) explains that Excel for Windows is needed.  Sources: xlwings ``cli.py``
(``addin install/remove/status``, ``config create``) and the xlwings VBA ``GetConfig``.
"""
from __future__ import annotations

import os
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree

from perfxl.errors import PerfxlError

ADDIN_NAME = "perfxl.xlam"
NEEDS_WINDOWS = ("Excel 加载项只能安装在 Windows 版 Excel 中（当前系统：{platform}）。"
                 "在本机可以使用命令行：perfxl check / score / report。")
_CORE = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"


@dataclass(frozen=True)
class AddinInfo:
    """Versions recorded in a built add-in (docProps/core.xml); ``None`` where unreadable."""

    path: Path
    perfxl_version: str | None
    xlwings_version: str | None


def is_windows() -> bool:
    return sys.platform == "win32"


def config_encoding() -> str:
    """The ANSI code page VBA's ``Input #`` reads the config file in (``mbcs``) on Windows."""
    return "mbcs" if sys.platform == "win32" else "utf-8"


def xlstart_dir() -> Path:
    """Excel's per-user XLSTART folder; ``PerfxlError`` off Windows or without %APPDATA%."""
    if not is_windows():
        raise PerfxlError(NEEDS_WINDOWS.format(platform=sys.platform))
    appdata = os.environ.get("APPDATA")
    if not appdata:
        raise PerfxlError("找不到环境变量 APPDATA，无法确定 Excel 的启动文件夹（XLSTART）。")
    return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"


def config_path() -> Path:
    """The user config file the add-in's xlwings module reads (PROJECT_NAME = "perfxl")."""
    return Path.home() / ".perfxl" / "perfxl.conf"


def interpreter_for_excel() -> Path:
    """The interpreter Excel should start: ``pythonw.exe`` beside this one when it exists."""
    exe = Path(sys.executable)
    windowless = exe.with_name("pythonw.exe")
    return windowless if windowless.is_file() else exe


def write_config(path: Path, interpreter: Path) -> Path:
    """Set ``"INTERPRETER_WIN","<interpreter>"`` in ``path``, keeping any other settings.

    The file is written in :func:`config_encoding`.
    """
    encoding = config_encoding()
    lines = []
    if path.is_file():
        lines = [ln for ln in path.read_text(encoding=encoding).splitlines()
                 if ln.strip() and not ln.upper().startswith('"INTERPRETER_WIN"')]
    lines.insert(0, f'"INTERPRETER_WIN","{interpreter}"')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\r\n".join(lines) + "\r\n", encoding=encoding)
    return path


def install(xlstart: Path | None = None, config: Path | None = None) -> tuple[Path, Path]:
    """Build the add-in into XLSTART and write the config; returns ``(addin, config)`` paths."""
    from perfxl.addin.build import build_addin

    target = (xlstart or xlstart_dir()) / ADDIN_NAME
    try:
        addin = build_addin(target)
    except PermissionError as exc:
        raise PerfxlError(f"无法写入 {target}：文件正被使用。请先退出 Excel，再重新运行 "
                          "perfxl addin install。") from exc
    return addin, write_config(config or config_path(), interpreter_for_excel())


def remove(xlstart: Path | None = None) -> Path | None:
    """Delete the add-in from XLSTART; returns its former path, or ``None`` if it was absent."""
    target = (xlstart or xlstart_dir()) / ADDIN_NAME
    try:
        target.unlink()
    except FileNotFoundError:
        return None
    except PermissionError as exc:
        raise PerfxlError(f"无法删除 {target}：文件正被使用。请先退出 Excel，再重新运行 "
                          "perfxl addin remove；也可以手工删除该文件。") from exc
    return target


def installed_path(xlstart: Path | None = None) -> Path | None:
    """Path of the installed add-in, ``None`` when not installed."""
    target = (xlstart or xlstart_dir()) / ADDIN_NAME
    return target if target.is_file() else None


def addin_info(path: Path) -> AddinInfo:
    """Read the versions a built add-in records; fields are ``None`` if the file is foreign."""
    try:
        with zipfile.ZipFile(path) as zf:
            root = ElementTree.fromstring(zf.read("docProps/core.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return AddinInfo(Path(path), None, None)
    version = root.findtext(f"{_CORE}version")
    description = root.findtext(f"{_DC}description") or ""
    xlwings = None
    for part in description.split(";"):
        name, _, value = part.strip().partition(" ")
        if name == "xlwings" and value:
            xlwings = value
    return AddinInfo(Path(path), version, xlwings)
