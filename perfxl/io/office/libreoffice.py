"""LibreOffice headless as the reference spreadsheet and word processor.

LibreOffice does not recalculate an .xlsx on load unless told to (engines.md): a dedicated user
profile sets ``OOXMLRecalcMode`` = 0 (always), so a conversion gives freshly computed values.
Conversions run in batches of at most 200 files and the outputs are counted (a long batch was
seen to stop silently).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from perfxl.errors import PerfxlError

_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
</oor:items>
"""
BATCH = 200
FONTS_CONF = Path(__file__).with_name("fonts.conf")


def soffice() -> str | None:
    """Path of the soffice binary, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def make_profile(folder: str | Path) -> str:
    """Create a LibreOffice user profile that recalculates on load; returns its file URL."""
    folder = Path(folder)
    user = folder / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_XCU, encoding="utf-8")
    return folder.resolve().as_uri()


def convert(paths: list[Path], fmt: str, outdir: str | Path, *, timeout: int = 600) -> list[Path]:
    """Convert ``paths`` with LibreOffice headless to ``fmt`` ("xlsx", "pdf", ...) in ``outdir``;
    returns the output paths in the order given.  Raises ``PerfxlError`` when LibreOffice is
    missing or an output is not produced."""
    exe = soffice()
    if exe is None:
        raise PerfxlError("没有找到 LibreOffice（soffice）；请运行 make sysdeps 或 apt-get install libreoffice-calc-nogui")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    results: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="perfxl-lo-") as prof:
        profile = make_profile(prof)
        for i in range(0, len(paths), BATCH):
            chunk = [Path(p).resolve() for p in paths[i:i + BATCH]]
            subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                            "--convert-to", fmt, "--outdir", str(outdir), *map(str, chunk)],
                           check=False, capture_output=True, timeout=timeout,
                           env={**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)})
            ext = fmt.split(":")[0]
            for p in chunk:
                out = outdir / f"{p.stem}.{ext}"
                if not out.exists():
                    raise PerfxlError(f"LibreOffice 未能转换文件「{p.name}」为 {ext}")
                results.append(out)
    return results


def recalculated_values(path: Path, workdir: str | Path) -> dict[tuple[str, str], object]:
    """Every cell value of ``path`` after LibreOffice recalculated it: (sheet, A1) -> value."""
    import openpyxl

    out = convert([Path(path)], "xlsx", workdir)[0]
    wb = openpyxl.load_workbook(out, data_only=True)
    values: dict[tuple[str, str], object] = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    values[(ws.title, c.coordinate)] = c.value
    return values
