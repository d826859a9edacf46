"""Build ``perfxl.xlam`` (the Excel add-in) and its LibreOffice test workbook, reproducibly.

``build_addin(out_path) -> Path`` starts from ``quickstart_addin_ribbon.xlam`` of the installed
xlwings (pinned in pyproject.toml: its VBA names the exact DLL version), replaces the ribbon with
``src/customUI.xml``, and rewrites ``xl/vbaProject.bin``: project name ``perfxl``, module
``RibbonMyAddin`` removed, ``src/PerfxlRibbon.bas`` added, ``PROJECT_NAME`` of the xlwings
module set to ``perfxl`` (so the user config is ``%USERPROFILE%\\.perfxl\\perfxl.conf``), all
modules stored as source only (see :mod:`perfxl.addin.vbaproject`); the template's disabled
config sheet ``_myaddin.conf`` becomes ``_perfxl.conf`` and docProps/core.xml records the perfxl
and xlwings versions (read back by ``perfxl doctor``).
``build_test_workbook(out_path) -> Path`` writes an ``.xlsm`` with the same VBA, except that
the ``xlwings`` and ``Dictionary`` modules are replaced by ``src/RunPythonStub.bas`` (LibreOffice
cannot compile them, and it runs no macros from an .xlam).

Both write atomically (temporary file in the target folder, then ``os.replace``) and give
byte-identical files on repeated runs: zip entries carry a fixed timestamp, the compound file
fixed times and order.  Errors: :class:`perfxl.errors.PerfxlError` (Chinese message) when the
xlwings template is missing or a VBA source is not ASCII; ``OSError`` when the target cannot be
written.  Source of the recipe: ``shared/reference/addin.md``.
"""
from __future__ import annotations

import importlib.util
import io
import os
import re
import zipfile
from importlib import resources
from importlib.metadata import version
from pathlib import Path

from perfxl import __version__
from perfxl.addin.vbaproject import load_project, dump_project
from perfxl.errors import PerfxlError
from perfxl.io.writing.atomic import write_bytes_atomic

PROJECT = "perfxl"
MODULE = "PerfxlRibbon"
TEMPLATE = "quickstart_addin_ribbon.xlam"
CONF_SHEET = ("_myaddin.conf", f"_{PROJECT}.conf")  # the template's disabled config sheet
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XLAM_TYPE = "application/vnd.ms-excel.addin.macroEnabled.main+xml"


def source_text(name: str) -> str:
    """Text of ``perfxl/addin/src/<name>``; VBA sources come back with CRLF line ends."""
    text = resources.files("perfxl.addin").joinpath("src", name).read_text(encoding="utf-8")
    if name.endswith(".bas"):
        if not text.isascii():
            raise PerfxlError(f"VBA 源文件 {name} 含有非 ASCII 字符；中文请写在 customUI.xml 或 Python 中。")
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text


def template_path() -> Path:
    """``quickstart_addin_ribbon.xlam`` inside the installed xlwings package."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise PerfxlError("未安装 xlwings，无法生成加载项。请运行：pip install \"perfxl[addin]\"")
    path = Path(list(spec.submodule_search_locations)[0]) / TEMPLATE
    if not path.is_file():
        raise PerfxlError(f"xlwings 安装不完整，找不到 {path}。请重新安装：pip install --force-reinstall xlwings")
    return path


def _core_xml() -> bytes:
    """docProps/core.xml naming perfxl and the versions; doctor reads ``cp:version`` back."""
    xlwings = version("xlwings")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<cp:coreProperties'
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>perfxl 绩效自评加载项</dc:title><dc:creator>perfxl</dc:creator>"
        f"<dc:description>perfxl {__version__}; xlwings {xlwings}</dc:description>"
        f"<cp:version>{__version__}</cp:version>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode("utf-8")


def _vba_project(data: bytes, *, test_vehicle: bool) -> bytes:
    project = load_project(data)
    project.name = PROJECT
    project.modules = [m for m in project.modules if m.name != "RibbonMyAddin"]
    project.add_module(MODULE, source_text(f"{MODULE}.bas"))
    xlwings = project.module("xlwings")
    if test_vehicle:
        project.modules = [m for m in project.modules if m.name != "Dictionary"]
        xlwings.source = source_text("RunPythonStub.bas").encode("ascii")
    else:
        xlwings.source = re.sub(rb'(PROJECT_NAME As String = )"[^"]*"',
                                b'\\1"' + PROJECT.encode() + b'"', xlwings.source, count=1)
    return dump_project(project)


def _parts(test_vehicle: bool) -> list[tuple[str, bytes]]:
    """The (name, bytes) entries of the output package, in the template's order."""
    out = []
    with zipfile.ZipFile(template_path()) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            if name == "customUI/customUI.xml":
                data = source_text("customUI.xml").encode("utf-8")
            elif name == "xl/vbaProject.bin":
                data = _vba_project(data, test_vehicle=test_vehicle)
            elif name == "docProps/core.xml":
                data = _core_xml()
            elif name == "xl/workbook.xml":
                data = data.replace(*(s.encode() for s in CONF_SHEET))
                if test_vehicle:
                    data = data.replace(b' visibility="hidden"', b"")
            elif name == "[Content_Types].xml" and test_vehicle:
                data = data.replace(XLAM_TYPE.encode(), XLSM_TYPE.encode())
            out.append((name, data))
    return out


def _write_zip(out_path: Path, parts: list[tuple[str, bytes]]) -> Path:
    """Write ``parts`` as a zip with fixed metadata, atomically; returns the resolved path."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # MS-DOS, as Excel writes it; no Unix mode bits
            zf.writestr(info, data, compresslevel=6)
    return write_bytes_atomic(Path(out_path).resolve(), buf.getvalue())


def build_addin(out_path: str | os.PathLike = "perfxl.xlam") -> Path:
    """Build the add-in at ``out_path`` (see module doc); returns its absolute path."""
    return _write_zip(Path(out_path), _parts(test_vehicle=False))


def build_test_workbook(out_path: str | os.PathLike) -> Path:
    """Build the LibreOffice test ``.xlsm`` (stub RunPython writing into Z1); returns its path."""
    return _write_zip(Path(out_path), _parts(test_vehicle=True))
