"""Look at a generated report the way a reader will: PDF through LibreOffice, PNG of a page.

* ``docx_to_pdf(paths, outdir) -> list[Path]``: LibreOffice headless (``perfxl.io.office.libreoffice``,
  a dedicated user profile) converts each .docx; a real word processor opening the file is the
  proof that it is well formed.
* ``pdf_page_png(pdf, png, page=1, dpi=80) -> Path``: one page as PNG with poppler's pdftoppm.

Fonts are only named in the documents (仿宋_GB2312, 黑体 ...); on Linux LibreOffice substitutes
an installed CJK font (Debian's fonts-noto-cjk).  Errors: ``PerfxlError`` with a Chinese message
when LibreOffice or pdftoppm is missing or produces nothing.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from perfxl.errors import PerfxlError

__all__ = ["docx_to_pdf", "pdf_page_png", "pdftoppm", "first_page_previews"]


def pdftoppm() -> str | None:
    """Path of poppler's pdftoppm, or None."""
    return shutil.which("pdftoppm")


def docx_to_pdf(paths: list[Path], outdir: str | Path, *, timeout: int = 600) -> list[Path]:
    """PDFs of ``paths`` in ``outdir`` (same stems), in the order given."""
    from perfxl.io.office.libreoffice import convert

    return convert([Path(p) for p in paths], "pdf", outdir, timeout=timeout)


def pdf_page_png(pdf: str | Path, png: str | Path, *, page: int = 1, dpi: int = 80) -> Path:
    """Page ``page`` of ``pdf`` as the PNG ``png``."""
    exe = pdftoppm()
    if exe is None:
        raise PerfxlError("没有找到 pdftoppm；请运行 make sysdeps 或 apt-get install poppler-utils")
    png = Path(png)
    png.parent.mkdir(parents=True, exist_ok=True)
    prefix = png.with_suffix("")
    subprocess.run([exe, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(prefix)], check=False, capture_output=True, timeout=120)
    out = prefix.with_suffix(".png")
    if not out.exists():
        raise PerfxlError(f"pdftoppm 未能生成「{Path(pdf).name}」第 {page} 页的图片")
    if out != png:
        out.replace(png)
    return png


def first_page_previews(docs: list[Path], outdir: str | Path, *, dpi: int = 80) -> list[Path]:
    """PNG of the first page of each report in ``docs`` (``<stem>-1.png`` in ``outdir``), through
    one LibreOffice run; the PDFs stay beside them.  For ``perfxl demo``."""
    outdir = Path(outdir)
    pdfs = docx_to_pdf(list(docs), outdir)
    return [pdf_page_png(pdf, outdir / f"{pdf.stem}-1.png", dpi=dpi) for pdf in pdfs]
