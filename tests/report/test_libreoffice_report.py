"""A real word processor opens every generated report: LibreOffice converts each .docx to PDF,
the PDF carries a CJK font (the names 仿宋_GB2312 etc. are substituted by fonts-noto-cjk) and the
report's text, and pdftoppm makes a PNG of page 1 for a person to look at.

Set PERFXL_REPORT_PREVIEW=<folder> to keep the PDFs and PNGs.  Runs in CI (make test installs
LibreOffice and poppler); skipped only where soffice is absent.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from perfxl.report import render_report
from perfxl.report.preview import docx_to_pdf, pdf_page_png
from tests.report.fixtures import empty_model, guangdong_model, hunan_model

pytestmark = pytest.mark.libreoffice

CASES = [("hunan", "hunan", hunan_model, None, "2023年度示例市商务局整体支出绩效自评报告"),
         ("guangdong", "guangdong", guangdong_model, None, "部门整体支出绩效自评报告"),
         ("project", "project", hunan_model, "招商引资资金", "招商引资资金项目支出绩效自评报告"),
         ("hunan-empty", "hunan", empty_model, None, "空白单位整体支出绩效自评报告")]


def _tool(name: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        pytest.fail(f"{name} missing (poppler-utils; make sysdeps installs it)")
    return exe


@pytest.fixture(scope="module")
def pdfs(soffice, tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("lo-report")
    docs = [render_report(f(), work / f"{cid}.docx", outline, project)
            for cid, outline, f, project, _t in CASES]
    out = docx_to_pdf(docs, work / "pdf")
    return {cid: pdf for (cid, *_rest), pdf in zip(CASES, out)}


@pytest.mark.parametrize("cid, title", [(c[0], c[4]) for c in CASES])
def test_pdf_has_cjk_font_and_text(pdfs, cid, title):
    pdf = pdfs[cid]
    fonts = subprocess.run([_tool("pdffonts"), str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    assert "CJK" in fonts, fonts
    text = subprocess.run([_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert title.replace(" ", "") in text.replace(" ", "").replace("\n", "")
    assert "{{" not in text and "{%" not in text


@pytest.mark.parametrize("cid", [c[0] for c in CASES])
def test_first_page_png(pdfs, cid, tmp_path):
    png = pdf_page_png(pdfs[cid], tmp_path / f"{cid}-1.png")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    keep = os.environ.get("PERFXL_REPORT_PREVIEW")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(png, Path(keep) / png.name)
        shutil.copy(pdfs[cid], Path(keep) / pdfs[cid].name)
