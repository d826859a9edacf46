"""`perfxl report` prints computed figures and appends the 校验 errors that explain where the
workbook's own stated figures disagree (issue 5)."""
from __future__ import annotations

from click.testing import CliRunner
from docx import Document

from perfxl.cli import main
from perfxl.examples import example


def test_report_of_004_uses_computed_figures_and_lists_the_errors(tmp_path):
    out = tmp_path / "004.docx"
    r = CliRunner().invoke(main, ["report", str(example("004").output_path()), "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "96.79%" in text and "96.00%，" not in text.split("附：数据校验提示")[0]
    appendix = text.split("附：数据校验提示")[1]
    assert "PX201" in appendix and "96.00%" in appendix and "PX303" in appendix
