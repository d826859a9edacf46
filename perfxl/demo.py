"""The demo run behind ``perfxl demo`` (kept out of the CLI module so tests can call it).

For each bundled example: read it, score it (computed total and grade beside the stated ones),
check it (the findings), write a copy with the 校验结果/评分/报告 sheets, the 自评报告 .docx and a
PNG of its first page; then review all examples as a batch into one summary workbook.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import click

from perfxl.examples import EXAMPLES


def _say(text: str = "") -> None:
    click.echo(text)


def first_page_png(docx: Path, png: Path) -> Path | None:
    """PNG of the first page of ``docx`` (LibreOffice -> PDF -> pdftoppm), or None when either
    tool is missing."""
    from perfxl.io.office.libreoffice import convert, soffice

    if soffice() is None or shutil.which("pdftoppm") is None:
        return None
    with tempfile.TemporaryDirectory(prefix="perfxl-png-") as tmp:
        pdf = convert([docx], "pdf", tmp)[0]
        stem = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(stem)], check=True, capture_output=True)
        png.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(stem.with_suffix(".png")), png)
    return png


def _fmt(x: float | None) -> str:
    from perfxl.numbers import fmt_fixed
    return "—" if x is None else fmt_fixed(x, 2)


def run_demo(examples: Path, outdir: Path, *, png: bool = True) -> dict[str, Path]:
    """Run every stage on the bundled examples; returns the output paths by name."""
    from perfxl.batch import review_files
    from perfxl.checks import check_model
    from perfxl.batch.summary import write_summary
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.io.writing.xlsx_writer import write_outputs
    from perfxl.outputs import findings_sheet, report_sheet
    from perfxl.report.proof import render_proofread
    from perfxl.report.render import report_text
    from perfxl.scoring import score_model
    from perfxl.scoring.output import scores_output
    from perfxl.template.builder import write_template

    outdir.mkdir(parents=True, exist_ok=True)
    outputs: dict[str, Path] = {}
    outputs["标准工作簿"] = write_template(outdir / "perfxl-standard.xlsx")
    paths = []
    for ex in EXAMPLES:
        path = ex.output_path(examples.parent)
        paths.append(path)
        model = read_workbook(path)
        result = score_model(model)
        findings = check_model(model)
        stem = path.stem
        _say()
        _say(f"== 示例 {ex.seed}：{model.department_name} {model.year} 年度"
             f"（金额单位：{model.unit}，评价框架：{result.framework_name}） ==")
        _say(f"   计算总分 {_fmt(result.total)}（等级：{result.grade or '—'}）；"
             f"填报总分 {_fmt(result.stated_total)}；填报得分之和 {_fmt(result.stated_sum)}")
        differ = [it for it in result.items if it.stated_score is not None
                  and it.score is not None and abs(it.score - it.stated_score) > 0.005]
        for it in differ[:5]:
            _say(f"   · {it.indicator}：计算 {_fmt(it.score)}，填报 {_fmt(it.stated_score)}")
        errors = sum(f.level == "error" for f in findings)
        warnings = sum(f.level == "warning" for f in findings)
        _say(f"   校验：错误 {errors} 条，警告 {warnings} 条，提示 {len(findings) - errors - warnings} 条")
        for f in [f for f in findings if f.level == "error"][:8]:
            _say(f"   ✗ {f.rule} {f.sheet}!{f.cell} {f.message}")
        score_sheet, cells = scores_output(result)
        lines = report_text(model, findings=findings)
        checked = write_outputs(path, outdir / f"{stem}-校验与评分.xlsx",
                                sheets=[findings_sheet(findings), score_sheet, report_sheet(lines)],
                                cells=cells)
        # as perfxl report --appendix: the typed sentences the proofreading finds wrong marked
        report, _found = render_proofread(model, outdir / f"{stem}-自评报告.docx",
                                          findings=findings)
        outputs[f"{ex.seed} 校验与评分"] = checked
        outputs[f"{ex.seed} 自评报告"] = report
        if png:
            image = first_page_png(report, outdir / f"{stem}-自评报告-第1页.png")
            if image:
                outputs[f"{ex.seed} 报告首页图"] = image
        for project in model.projects()[:1]:
            pr, _found = render_proofread(model, outdir / f"{stem}-项目-{project}-自评报告.docx",
                                          outline="project", project=project)
            outputs[f"{ex.seed} 项目自评报告（{project}）"] = pr
    reviews = review_files(paths, jobs=1)
    outputs["批量汇总"] = write_summary(reviews, outdir / "批量汇总.xlsx")
    _say()
    _say("输出文件：")
    for name, p in outputs.items():
        _say(f"   {name}：{p}")
    _say(f"输出目录：{outdir.resolve()}")
    return outputs
