"""Diagnose the add-in set-up: what ``perfxl doctor`` prints and the 关于/诊断 button shows.

``run_checks() -> list[Check]``: one :class:`Check` per item, in a fixed order: interpreter,
perfxl, xlwings (against the version perfxl pins), the files the commands need (report templates,
bundled examples, add-in sources and xlwings' add-in template), the installed add-in and its versions, the
config file naming the interpreter, the xlwings DLL, Excel's bitness, and a test call into
perfxl's core.  A check's ``status`` is ``"ok"``, ``"info"`` (nothing to fix), ``"skip"`` (does not
apply here, e.g. Excel checks off Windows) or ``"problem"``, which always carries ``fix``, the
Chinese instruction that repairs it.  No check raises: a failure to inspect is itself reported.

Known failure modes come from xlwings' troubleshooting notes: version skew between the add-in's
VBA and the Python package, a missing or wrong interpreter in the config, a DLL not found beside
the interpreter, and Excel not loading the add-in.
"""
from __future__ import annotations

import re
import struct
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from perfxl import __version__
from perfxl.addin import install
from perfxl.errors import PerfxlError

PROBLEM, OK, INFO, SKIP = "problem", "ok", "info", "skip"
LABELS = {OK: "通过", INFO: "信息", SKIP: "跳过", PROBLEM: "问题"}


@dataclass(frozen=True)
class Check:
    """One diagnosis line; ``fix`` is set exactly when ``status == "problem"``."""

    name: str
    status: str
    detail: str
    fix: str = ""


def pinned_xlwings() -> str | None:
    """The xlwings version perfxl's metadata pins (``xlwings==X``), ``None`` if not pinned."""
    try:
        requires = metadata.requires("perfxl") or []
    except metadata.PackageNotFoundError:
        return None
    for req in requires:
        m = re.match(r"\s*xlwings\s*==\s*([\w.]+)", req)
        if m:
            return m.group(1)
    return None


def installed_xlwings() -> str | None:
    try:
        return metadata.version("xlwings")
    except metadata.PackageNotFoundError:
        return None


def check_interpreter() -> Check:
    bits = struct.calcsize("P") * 8
    return Check("Python 解释器", INFO, f"{sys.executable}（Python {sys.version.split()[0]}，{bits} 位）")


def check_perfxl() -> Check:
    return Check("perfxl", OK, f"版本 {__version__}，位于 {Path(__file__).resolve().parents[1]}")


def check_xlwings() -> Check:
    have, want = installed_xlwings(), pinned_xlwings()
    if have is None:
        if not install.is_windows():  # only the add-in needs it, and the add-in is Windows only
            return Check("xlwings", INFO, "未安装（仅 Excel 加载项需要）")
        return Check("xlwings", PROBLEM, "未安装，Excel 加载项无法运行",
                     f"运行：{sys.executable} -m pip install \"perfxl[addin]\"")
    if want and have != want:
        return Check("xlwings", PROBLEM, f"已安装 {have}，perfxl 需要 {want}",
                     f"运行：{sys.executable} -m pip install xlwings=={want}，"
                     "然后运行 perfxl addin install")
    return Check("xlwings", OK, f"版本 {have}")


def check_addin() -> Check:
    if not install.is_windows():
        return Check("Excel 加载项", SKIP, "当前系统不是 Windows，Excel 加载项不适用")
    try:
        folder = install.xlstart_dir()
    except PerfxlError as exc:
        return Check("Excel 加载项", PROBLEM, str(exc), "在 Windows 的普通用户会话中运行 perfxl addin install")
    path = install.installed_path(folder)
    if path is None:
        return Check("Excel 加载项", PROBLEM, f"未安装（应在 {folder}）",
                     "运行：perfxl addin install，然后重新启动 Excel")
    info = install.addin_info(path)
    want = (__version__, installed_xlwings())
    if (info.perfxl_version, info.xlwings_version) != want:
        return Check("Excel 加载项", PROBLEM,
                     f"{path} 的版本为 perfxl {info.perfxl_version} / xlwings {info.xlwings_version}，"
                     f"与当前安装的 perfxl {want[0]} / xlwings {want[1]} 不一致",
                     "先退出 Excel，再运行：perfxl addin install")
    return Check("Excel 加载项", OK, f"已安装：{path}（perfxl {info.perfxl_version}）")


def check_config() -> Check:
    if not install.is_windows():
        return Check("加载项配置", SKIP, "当前系统不是 Windows，不需要配置")
    path = install.config_path()
    text = ""
    if path.is_file():
        text = path.read_text(encoding=install.config_encoding(), errors="replace")
    m = re.search(r'^"INTERPRETER_WIN","([^"]*)"', text, flags=re.I | re.M)
    if not m:
        return Check("加载项配置", PROBLEM, f"{path} 中没有 INTERPRETER_WIN，Excel 不知道用哪个 Python",
                     "运行：perfxl addin install（会写入当前 Python 的路径）")
    interpreter = Path(m.group(1))
    if not interpreter.is_file():
        return Check("加载项配置", PROBLEM, f"配置的解释器 {interpreter} 不存在",
                     "在要使用的 Python 环境中运行：perfxl addin install")
    if interpreter.parent != Path(sys.executable).parent:
        return Check("加载项配置", PROBLEM,
                     f"Excel 将使用 {interpreter}，而不是当前的 {sys.executable}",
                     "在要使用的 Python 环境中运行：perfxl addin install")
    return Check("加载项配置", OK, f"{path}：{interpreter}")


def check_dll() -> Check:
    if not install.is_windows():
        return Check("xlwings DLL", SKIP, "仅 Windows 需要")
    version = installed_xlwings()
    names = [f"xlwings64-{version}.dll", f"xlwings32-{version}.dll"]
    folders = [Path(sys.executable).parent, Path(sys.executable).parent.parent, Path(sys.prefix)]
    found = [f / n for f in folders for n in names if (f / n).is_file()]
    if not found:
        return Check("xlwings DLL", PROBLEM, f"在 {folders[0]} 及其上级目录中找不到 {names[0]}",
                     f"重新安装 xlwings：{sys.executable} -m pip install --force-reinstall "
                     f"xlwings=={version}")
    return Check("xlwings DLL", OK, str(found[0]))


def excel_bitness() -> str | None:
    """"64" or "32" from the Windows registry (Click-to-Run, then MSI installs); else None."""
    if sys.platform != "win32":
        return None
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE,
                            r"SOFTWARE\Microsoft\Office\ClickToRun\Configuration") as key:
            platform = winreg.QueryValueEx(key, "Platform")[0]
        return {"x64": "64", "x86": "32"}.get(str(platform).lower())
    except OSError:
        pass
    for version in ("16.0", "15.0", "14.0"):
        for view, bits in ((winreg.KEY_WOW64_64KEY, "64"), (winreg.KEY_WOW64_32KEY, "32")):
            try:
                with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE,
                                    rf"SOFTWARE\Microsoft\Office\{version}\Excel\InstallRoot",
                                    0, winreg.KEY_READ | view):
                    return bits
            except OSError:
                continue
    return None


def check_bitness() -> Check:
    bits = excel_bitness()
    if bits is None:
        return Check("Excel 位数", INFO, "无法判断")
    return Check("Excel 位数", INFO, f"{bits} 位（xlwings 同时支持 32 位和 64 位 Excel）")


def check_test_call() -> Check:
    try:
        from perfxl.numbers import excel_round

        value = excel_round(1.005, 2)
    except Exception as exc:  # a broken install shows up as any error at all; report, never raise
        return Check("测试调用", PROBLEM, f"调用 perfxl 失败：{type(exc).__name__}: {exc}",
                     f"重新安装：{sys.executable} -m pip install --force-reinstall perfxl")
    if value != 1.01:
        return Check("测试调用", PROBLEM, f"excel_round(1.005, 2) 得到 {value}，应为 1.01",
                     f"重新安装：{sys.executable} -m pip install --force-reinstall perfxl")
    return Check("测试调用", OK, "excel_round(1.005, 2) = 1.01")


_REINSTALL = "重新安装 perfxl：{py} -m pip install --force-reinstall perfxl"


def _missing(paths: list[Path]) -> list[Path]:
    """The paths that are not a non-empty file."""
    return [p for p in paths if not (p.is_file() and p.stat().st_size > 0)]


def check_templates() -> Check:
    """The report templates ``perfxl report`` renders (one per outline, package data)."""
    from perfxl.report.outlines import OUTLINES, template_dir

    folder = template_dir()
    gone = _missing([folder / name for name in OUTLINES.values()])
    if gone:
        return Check("报告模板", PROBLEM,
                     f"缺少 {'、'.join(p.name for p in gone)}（应在 {folder}），perfxl report 无法生成报告",
                     _REINSTALL.format(py=sys.executable))
    return Check("报告模板", OK, f"{len(OUTLINES)} 个模板：{folder}")


def check_examples() -> Check:
    """The bundled example workbooks ``perfxl demo`` runs on."""
    from perfxl.examples import EXAMPLES

    gone = _missing([ex.output_path() for ex in EXAMPLES])
    if gone:
        return Check("内置示例", PROBLEM,
                     f"缺少示例工作簿 {'、'.join(str(p) for p in gone)}，perfxl demo 无法运行",
                     _REINSTALL.format(py=sys.executable))
    return Check("内置示例", OK, f"{len(EXAMPLES)} 个示例工作簿：{EXAMPLES[0].output_path().parent}")


def check_addin_sources() -> Check:
    """What ``perfxl addin build`` needs: perfxl's ribbon and VBA sources and xlwings' template."""
    from importlib import resources

    from perfxl import extras
    from perfxl.addin.build import template_path

    if not extras.present("addin"):
        return Check("加载项源文件", INFO, "未安装可选组件 addin，不能生成加载项"
                     "（需要时运行：pip install \"perfxl[addin]\"）")
    src = resources.files("perfxl.addin").joinpath("src")
    names = ("customUI.xml", "PerfxlRibbon.bas", "RunPythonStub.bas")
    gone = [n for n in names if not src.joinpath(n).is_file()]
    if gone:
        return Check("加载项源文件", PROBLEM,
                     f"缺少 {'、'.join(gone)}（应在 {src}），perfxl addin build 无法生成加载项",
                     _REINSTALL.format(py=sys.executable))
    try:
        template = template_path()
    except PerfxlError as exc:
        return Check("加载项源文件", PROBLEM, str(exc),
                     f"重新安装 xlwings：{sys.executable} -m pip install --force-reinstall "
                     f"xlwings=={pinned_xlwings() or installed_xlwings()}")
    return Check("加载项源文件", OK, f"{src}；xlwings 模板 {template.name}")


def check_extras() -> Check:
    """Which optional parts (pip extras, ``perfxl.extras``) are installed; never a problem."""
    from perfxl import extras

    parts = [f"{name}：{'已安装' if ok else '未安装'}（{extras.EXTRAS[name][1]}）"
             for name, ok in extras.status().items()]
    missing = [name for name, ok in extras.status().items() if not ok]
    hint = f"；需要时运行：pip install \"perfxl[{','.join(missing)}]\"" if missing else ""
    return Check("可选组件", INFO, "；".join(parts) + hint)


CHECKS = (check_interpreter, check_perfxl, check_extras, check_xlwings, check_templates, check_examples,
          check_addin_sources, check_addin, check_config, check_dll, check_bitness,
          check_test_call)


def run_checks() -> list[Check]:
    """Run every check in :data:`CHECKS`, in order."""
    return [check() for check in CHECKS]


def format_checks(checks: list[Check]) -> str:
    """Plain text, one line per check plus a 解决办法 line under each problem (GBK-safe)."""
    lines = []
    for c in checks:
        lines.append(f"[{LABELS[c.status]}] {c.name}：{c.detail}")
        if c.fix:
            lines.append(f"    解决办法：{c.fix}")
    return "\n".join(lines)
