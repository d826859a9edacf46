"""The optional parts of perfxl (pip "extras") and a Chinese error when one is missing.

``pip install perfxl`` installs what check, score, report and annotate need.  Each edge is an
extra, named in ``pyproject.toml``:

* ``addin``    — the Excel add-in (xlwings, olefile);
* ``recalc``   — recomputing formula cells a file has no cached value for (formulas);
* ``analysis`` — batch results as pandas DataFrames (pandas);
* ``pdf``      — report drafts as text-layer PDF (pdfplumber).

``present(extra) -> bool`` says whether every module of an extra can be imported (without
importing it: ``importlib.util.find_spec``); ``require(module, extra, purpose)`` imports and
returns ``module`` or raises ``ExtraMissing`` (a ``PerfxlError``, exit code 2) whose message names
the extra and the pip command.  Core modules import an edge library only through ``require`` or
inside the function that needs it, never at module level.
"""
from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from perfxl.errors import PerfxlError

__all__ = ["EXTRAS", "ExtraMissing", "present", "require", "status"]

#: extra -> (import names, what it is for, in Chinese)
EXTRAS: dict[str, tuple[tuple[str, ...], str]] = {
    "addin": (("xlwings", "olefile"), "Excel 加载项（功能区按钮、生成 .xlam）"),
    "recalc": (("formulas",), "重新计算没有缓存值的公式单元格（如 perfxl new --from）"),
    "analysis": (("pandas",), "批量审核结果的 pandas 数据表"),
    "pdf": (("pdfplumber",), "读取 PDF 格式的报告草稿"),
}


class ExtraMissing(PerfxlError):
    """An optional part of perfxl that this call needs is not installed."""


def _importable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def present(extra: str) -> bool:
    """True when every module of ``extra`` (a key of ``EXTRAS``) can be imported."""
    return all(_importable(m) for m in EXTRAS[extra][0])


def status() -> dict[str, bool]:
    """extra -> installed, for every extra, in ``EXTRAS`` order (``perfxl doctor``)."""
    return {name: present(name) for name in EXTRAS}


def require(module: str, extra: str, purpose: str) -> ModuleType:
    """Import and return ``module``; when it is not installed raise ``ExtraMissing`` saying that
    ``purpose`` (Chinese, e.g. "重新计算公式") needs ``perfxl[extra]`` and how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExtraMissing(
            f"{purpose}需要 perfxl 的可选组件 {extra}（{module}），当前未安装；"
            f"请运行：pip install \"perfxl[{extra}]\"") from None
