"""``score_model``: one entry point that scores a model under its framework.

The framework is the one named by ``framework_id`` or, when ``None``, by the workbook's 评价框架
cell (``model.values["framework"]``).  Department part by kind (``department`` → 部门自评表,
``system`` → 指标体系, ``reference`` → values only); projects always with the project framework
(the framework itself when it is a ``project`` one, else its ``project_framework``).
"""
from __future__ import annotations

from dataclasses import replace

from perfxl.errors import FrameworkError
from perfxl.frameworks import choices_text, load
from perfxl.model import Model
from perfxl.scoring.department import score_department
from perfxl.scoring.projects import score_projects
from perfxl.scoring.reference import score_reference
from perfxl.scoring.result import ScoreResult
from perfxl.scoring.system import score_system

__all__ = ["score_model"]


def score_model(model: Model, framework_id: str | None = None) -> ScoreResult:
    """Score ``model``.  Raises ``FrameworkError`` when no framework is named or the name is
    unknown (the message lists the available ids with their Chinese names)."""
    fid = framework_id or model.values.get("framework")
    if not fid:
        raise FrameworkError("工作簿未填写「评价框架」，请在基本信息表中选择，或在命令行用 "
                             f"--framework 指定（可选：{choices_text()}）",
                             sheet=model.field_cell("framework")[0],
                             cell=model.field_cell("framework")[1])
    fw = load(str(fid))
    if fw.kind == "project":
        projects = score_projects(model, fw)
        one = projects[0] if len(projects) == 1 else None
        warnings = tuple(w for p in projects for w in p.warnings)
        return ScoreResult(
            framework=fw.id, framework_name=fw.name, total=one.total if one else None,
            grade=one.grade if one else None, stated_total=one.stated_total if one else None,
            weight_total=one.weight_total if one else None,
            items=one.items if one else tuple(i for p in projects for i in p.items),
            level1=one.level1 if one else (), projects=projects, warnings=warnings,
            file=model.source.path if model.source else None)
    result = {"department": score_department, "system": score_system,
              "reference": score_reference}[fw.kind](model, fw)
    projects = ()
    if fw.project_framework:
        projects = score_projects(model, load(fw.project_framework))
    file = model.source.path if model.source else None
    return replace(result, projects=projects, file=file,
                   warnings=result.warnings + tuple(w for p in projects for w in p.warnings))


