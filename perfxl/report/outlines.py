"""The report outlines (提纲) and their templates.

* ``hunan``: 湖南 部门整体支出绩效自评报告 in ten sections, with the 部门整体支出绩效自评表 and the
  基础数据表 as tables (seed 004; domain.md §4.1).
* ``guangdong``: 广东 部门整体支出绩效自评报告 一…六 with a paragraph per indicator (seed 000).
* ``project``: 项目支出绩效自评报告 per project (财预〔2020〕10号 参考提纲, domain.md §4.2) with its
  项目支出绩效自评表.

Templates live in the package, ``perfxl/templates/`` (built by ``perfxl/templates/build_templates.py``,
shipped in the wheel as package data); ``PERFXL_TEMPLATE_DIR`` points elsewhere (a finance office's
edited copies).
"""
from __future__ import annotations

import os
from pathlib import Path

from perfxl.errors import PerfxlError, UsageError
from perfxl.model import Model

__all__ = ["OUTLINES", "TITLES", "template_dir", "template_path", "default_outline",
           "check_outline"]

#: outline -> template file name.
OUTLINES: dict[str, str] = {
    "hunan": "hunan_dept.docx",
    "guangdong": "guangdong_dept.docx",
    "project": "project.docx",
}

#: outline -> Chinese name (messages and help).
TITLES: dict[str, str] = {
    "hunan": "湖南部门整体支出绩效自评报告（十部分）",
    "guangdong": "广东部门整体支出绩效自评报告（一至六）",
    "project": "项目支出绩效自评报告",
}

#: framework id -> outline, for the frameworks whose outline is known.
_BY_FRAMEWORK = {"hunan_dept": "hunan", "guangdong_dept_100": "guangdong"}
#: framework kind (``perfxl.frameworks``) -> outline.
_BY_KIND = {"department": "hunan", "system": "guangdong", "project": "project"}


def template_dir() -> Path:
    """Folder of the report templates: ``$PERFXL_TEMPLATE_DIR`` or ``perfxl/templates``."""
    env = os.environ.get("PERFXL_TEMPLATE_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1] / "templates"


def template_path(outline: str) -> Path:
    """The .docx template of ``outline``; ``UsageError`` when the outline is unknown or its
    template is missing."""
    check_outline(outline)
    path = template_dir() / OUTLINES[outline]
    if not path.is_file():
        raise UsageError(f"找不到报告模板 {path}；perfxl 安装不完整，请重新安装："
                         f"pip install --force-reinstall perfxl（源码目录中运行 "
                         f"python perfxl/templates/build_templates.py 生成）")
    return path


def check_outline(outline: str) -> str:
    """``outline`` itself, or ``UsageError`` naming the valid ones."""
    if outline not in OUTLINES:
        raise UsageError(f"未知的报告提纲「{outline}」；可选：{'、'.join(OUTLINES)}")
    return outline


def default_outline(model: Model) -> str:
    """The outline the model's 评价框架 calls for: hunan_dept -> hunan, guangdong_dept_100 ->
    guangdong, other frameworks by their kind (department -> hunan, system -> guangdong,
    project -> project); with no known framework, guangdong when the 指标体系 table is filled,
    else hunan."""
    fid = model.framework_id
    if fid in _BY_FRAMEWORK:
        return _BY_FRAMEWORK[fid]
    if fid:
        try:
            from perfxl import frameworks
            fw = frameworks.load(fid)
        except (ImportError, PerfxlError):  # an unknown framework is the checks' finding
            fw = None
        if fw is not None and fw.id in _BY_FRAMEWORK:
            return _BY_FRAMEWORK[fw.id]
        if fw is not None and getattr(fw, "kind", None) in _BY_KIND:
            return _BY_KIND[fw.kind]
    return "guangdong" if model.rows("system_indicators") else "hunan"
