"""The demo run behind ``perfxl demo`` (kept out of the CLI module so tests can call it)."""
from __future__ import annotations

from pathlib import Path

import click

from perfxl.examples import EXAMPLES
from perfxl.io.xlsx_reader import read_workbook
from perfxl.template.builder import write_template


def _say(text: str = "") -> None:
    click.echo(text)


def run_demo(examples: Path, outdir: Path, *, png: bool = True) -> dict[str, Path]:
    """Run every stage on the bundled examples; returns the output paths by name."""
    outdir.mkdir(parents=True, exist_ok=True)
    outputs: dict[str, Path] = {}
    outputs["template"] = write_template(outdir / "perfxl-standard.xlsx")
    _say(f"标准工作簿：{outputs['template']}")
    for ex in EXAMPLES:
        path = ex.output_path(examples.parent)
        model = read_workbook(path)
        _say()
        _say(f"== 示例 {ex.seed}：{model.department_name} {model.year} 年度（金额单位：{model.unit}，"
             f"评价框架：{model.framework_id}） ==")
        _say(f"   文件：{path}")
    _say()
    _say(f"输出目录：{outdir.resolve()}")
    return outputs
