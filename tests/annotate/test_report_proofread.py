"""``perfxl report`` proofreads the report it writes: the findings are listed on stderr, marked
in place (a Word comment each) and, with ``--appendix``, in the appendix, each with the
paragraph it names in the final document."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from docx import Document

from perfxl.cli import main
from perfxl.cli.report import proofread
from perfxl.outputs import FINDINGS_APPENDIX
from tests.conftest import example_file


@pytest.mark.parametrize("seed", ["000", "002", "004"])
def test_report_lists_its_proofreading_findings(seed, tmp_path):
    from perfxl.io.reading.xlsx_reader import read_workbook

    book = example_file(seed)
    out = tmp_path / "r.docx"
    r = CliRunner().invoke(main, ["report", str(book), "-o", str(out), "--appendix"])
    assert r.exit_code == 0, r.output
    assert r.stdout.strip() == str(out)
    # proofreading the final document finds what the run listed: the appendix is not read,
    # and the paragraphs before it kept their numbers
    everything = proofread(out, read_workbook(book))
    found = [f for f in everything if f.level == "error"]
    doc = Document(str(out))
    paragraphs = [p.text for p in doc.paragraphs]
    for f in found:
        if f.table:
            unit = doc.tables[f.table - 1].cell(f.row - 1, f.col - 1).text
        else:
            unit = paragraphs[f.paragraph - 1]
        assert f.quote in unit, (f.place, f.quote)
    place = r"(第 \d+ 段|表 \d+ 第 \d+ 行第 \d+ 列)"
    listed = [line for line in r.stderr.splitlines()
              if re.match(rf"  【.+?】PX6\d\d {place}：", line)]
    assert len(listed) == len(found)
    appendix = paragraphs[paragraphs.index(FINDINGS_APPENDIX) + 1:] if found else []
    for f, line in zip(found, listed):
        assert f"{f.rule} {f.place}：" in line
        assert line.strip() in appendix
    assert (f"校对报告发现 {len(found)} 个错误" in r.stderr) == bool(found)
    assert len(doc.comments) == len(found)  # each marked where it stands
    others = len(everything) - len(found)
    assert (f"校对报告另有 {others} 条警告或提示" in r.stderr) == bool(others)
