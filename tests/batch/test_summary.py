"""The summary workbook: its charts exist (openpyxl reads them back) and render (LibreOffice ->
PDF -> PNG), it opens in LibreOffice, and its figures are those of ``perfxl check`` and
``perfxl score`` on each file."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from perfxl.batch import review_files
from perfxl.batch.summary import SUMMARY_HEADERS, write_summary
from tests.batch.conftest import need, perfxl
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def batch_dir(small_set, tmp_path_factory) -> Path:
    """The bundled examples plus the small generated set, in one folder, and a corrupt file."""
    d = tmp_path_factory.mktemp("batch")
    for p in sorted(EXAMPLES.glob("[0-9][0-9][0-9]-*.xlsx")):
        shutil.copy(p, d / p.name)
    for p in sorted(small_set.glob("*.xlsx")):
        shutil.copy(p, d / f"set-{p.name}")
    (d / "zz-broken.xlsx").write_bytes(b"PK\x03\x04 broken")
    return d


@pytest.fixture(scope="module")
def summary(batch_dir, tmp_path_factory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("summary") / "summary.xlsx"
    p = perfxl("batch", str(batch_dir), "-o", str(out), "--jobs", "2", "--format", "json")
    assert p.returncode == 1, p.stderr  # one member is unreadable: a row, exit 1; the summary is written
    return out, json.loads(p.stdout)["files"]


def _target(summary: Path, link: str) -> Path:
    """The file a hyperlink of the summary opens: relative to the summary, or a file: URI."""
    from urllib.parse import unquote, urlparse

    if link.startswith("file:"):
        return Path(unquote(urlparse(link).path)).resolve()
    return (summary.parent / link).resolve()


def test_sheets_rows_and_links(summary, batch_dir):
    out, files = summary
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总", "全部问题", "图表"]
    ws = wb["汇总"]
    assert [c.value for c in ws[1]] == SUMMARY_HEADERS
    assert ws.max_row == len(files) + 1 == len(list(batch_dir.glob("*.xlsx"))) + 1
    for row, f in zip(ws.iter_rows(min_row=2), files):
        assert row[0].value == Path(f["file"]).name
        assert _target(out, row[0].hyperlink.target) == Path(f["file"]).resolve()
    n_findings = sum(len(f["findings"]) for f in files)
    assert wb["全部问题"].max_row == n_findings + 1
    # every finding's row opens its file (one range link per file, read back per cell)
    by_name = {Path(f["file"]).name: Path(f["file"]).resolve() for f in files}
    rows = list(wb["全部问题"].iter_rows(min_row=2, max_col=1))
    assert rows and all(_target(out, c.hyperlink.target) == by_name[c.value] for (c,) in rows)


def test_one_link_per_file_not_per_finding(summary):
    """全部问题 holds one hyperlink (and one relationship) per file with findings, spanning its
    rows: the batch's memory does not grow with the number of findings."""
    import re
    import zipfile

    out, files = summary
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet2.xml").decode()
        rels = z.read("xl/worksheets/_rels/sheet2.xml.rels").decode()
    refs = re.findall(r'<hyperlink [^>]*ref="([^"]+)"', sheet)
    rows = [c.value for (c,) in openpyxl.load_workbook(out)["全部问题"].iter_rows(min_row=2,
                                                                                max_col=1)]
    assert len(refs) == len(set(rows)) == rels.count("Target=")  # one per file listed
    assert len(rows) > len(refs)  # links were shared
    spans = [tuple(int(x[1:]) for x in r.split(":")) if ":" in r else (int(r[1:]),) * 2
             for r in refs]
    assert sum(b - a + 1 for a, b in spans) == len(rows)  # every row covered once
    for a, b in spans:  # each span is one file's rows
        assert len(set(rows[a - 2:b - 1])) == 1


def test_charts_exist(summary):
    from openpyxl.chart import BarChart, ScatterChart

    out, files = summary
    charts = openpyxl.load_workbook(out)["图表"]._charts
    kinds = sorted(type(c).__name__ for c in charts)
    assert kinds == sorted(["BarChart", "BarChart", "ScatterChart"])
    grade = next(c for c in charts if isinstance(c, BarChart) and c.type == "col")
    assert grade.series and isinstance(next(c for c in charts if isinstance(c, ScatterChart)),
                                       ScatterChart)
    ws = openpyxl.load_workbook(out)["图表"]
    counts = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, 6)}
    want = {g: sum(f["grade"] == g for f in files) for g in ("优", "良", "中", "差")}
    assert counts == want


def _check_json(path: str) -> dict:
    p = perfxl("check", path, "--format", "json")
    assert p.returncode in (0, 1), p.stderr
    return json.loads(p.stdout)["files"][0]


def _score_json(path: str) -> dict | None:
    p = perfxl("score", path, "--format", "json")
    return json.loads(p.stdout) if p.returncode == 0 and p.stdout.strip() else None


@pytest.mark.libreoffice
def test_opens_in_libreoffice_and_figures_match_check(summary, soffice, tmp_path):
    """LibreOffice re-saves the summary; what it read back equals perfxl check / score of each
    file (errors, warnings, every finding's rule and cell, totals and grade)."""
    from perfxl.io.office.libreoffice import convert

    out, files = summary
    (lo,) = convert([out], "xlsx", tmp_path / "lo")
    wb = openpyxl.load_workbook(lo)
    rows = [[c.value for c in r] for r in wb["汇总"].iter_rows(min_row=2, max_col=13)]
    found = [[c.value for c in r] for r in wb["全部问题"].iter_rows(min_row=2, max_col=5)]
    assert len(rows) == len(files)
    checked = 0
    for row, f in zip(rows, files):
        assert row[0] == Path(f["file"]).name
        if f["status"] == "unreadable":
            assert row[12] == "无法读取" and row[9] == f["error"]
            continue
        cj = _check_json(f["file"])
        want = sorted((x["rule"], x["sheet"], x["cell"]) for x in cj["findings"])
        got = sorted((r[1], r[3], r[4]) for r in found if r[0] == row[0])
        assert got == want, row[0]
        assert (row[7], row[8]) == (cj["summary"]["errors"], cj["summary"]["warnings"]), row[0]
        sj = _score_json(f["file"])
        if sj is not None:
            assert row[5] == pytest.approx(sj.get("total")) if sj.get("total") is not None \
                else row[5] is None
            assert row[6] == sj.get("grade")
            assert row[4] == pytest.approx(sj.get("stated_total")) \
                if sj.get("stated_total") is not None else row[4] is None
        checked += 1
    assert checked >= 15


def _ppm_ink(ppm: Path) -> float:
    """Share of non-white pixels of a binary PPM (P6) image."""
    data = ppm.read_bytes()
    parts, pos = [], 0
    while len(parts) < 4:  # magic, width, height, maxval (no comments from pdftoppm)
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        parts.append(data[pos:end])
        pos = end
    pix = data[pos + 1:]
    w, h = int(parts[1]), int(parts[2])
    ink = sum(1 for i in range(0, w * h * 3, 3) if pix[i] < 200 or pix[i + 1] < 200 or pix[i + 2] < 200)
    return ink / (w * h)


@pytest.mark.libreoffice
def test_charts_render(summary, soffice, tmp_path):
    """The 图表 sheet alone -> PDF (LibreOffice) -> PNG and PPM (pdftoppm); the PNG stays in the
    test's folder for a person to look at."""
    from perfxl.io.office.libreoffice import convert

    need("pdftoppm")
    out, _files = summary
    wb = openpyxl.load_workbook(out)
    for name in ("汇总", "全部问题"):
        del wb[name]
    only = tmp_path / "charts.xlsx"
    wb.save(only)
    (pdf,) = convert([only], "pdf", tmp_path)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(tmp_path / "charts")],
                   check=True)
    subprocess.run(["pdftoppm", "-r", "40", "-singlefile", str(pdf), str(tmp_path / "charts")],
                   check=True)
    png, ppm = tmp_path / "charts.png", tmp_path / "charts.ppm"
    assert png.exists() and png.stat().st_size > 10_000
    ink = _ppm_ink(ppm)
    assert 0.02 < ink < 0.6, ink  # charts drawn, not a blank page, not a black one
    print(f"charts rendered: {png}")


def test_write_summary_without_reviews(tmp_path):
    out = write_summary([], tmp_path / "empty.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb["汇总"].max_row == 1


def test_summary_rows_follow_reviews(small_set, tmp_path):
    files = sorted(small_set.glob("*.xlsx"))
    reviews = review_files(files, jobs=1)
    out = write_summary(reviews, tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(out)["汇总"]
    for row, r in zip(ws.iter_rows(min_row=2), reviews):
        vals = [c.value for c in row]
        assert vals[0] == Path(r.file).name
        assert vals[7:9] == [r.errors, r.warnings]
        assert vals[12] == r.status
