"""The batch parent holds nothing per workbook (issue 23: its memory flat from 200 to 1,000
books): the pool takes its arguments a few chunks at a time, the 汇总 records wait on disk
(``perfxl.batch.spool``) and come back with the same 备注 as the in-memory records, and 图表 is
written from counts and the records read back."""
from __future__ import annotations

import math

import openpyxl
import pytest

from perfxl.batch import FileReview, parallel_imap
from perfxl.batch.spool import RecordSpool
from perfxl.batch.summary import POINTS_COL, summarize, workbook_records


def test_pool_takes_its_arguments_a_few_chunks_ahead():
    """With the first result handed out, only the chunks in flight have been taken from the
    arguments (``Executor.map`` took all 1,000 at once)."""
    taken = []

    def args():
        for i in range(1000):
            taken.append(i)
            yield -i

    stream = parallel_imap(abs, args(), jobs=2, total=1000)
    assert next(stream) == 0
    assert 0 < len(taken) <= 5 * 32  # 2 workers x 2 chunks ahead, and the next one; 32 a chunk
    assert list(stream) == list(range(1, 1000))
    assert len(taken) == 1000


def test_pool_with_a_list_and_one_job():
    assert list(parallel_imap(abs, [-3, -1, -2], jobs=2)) == [3, 1, 2]
    assert list(parallel_imap(abs, (x for x in [-3, -1]), jobs=1, total=2)) == [3, 1]


def _reviews() -> list[FileReview]:
    """80 reviews: departments spaced differently, a file named twice, a group of five, no
    year, no department, totals missing, not finite, int and float, equal extremes."""
    out = []
    for k in range(80):
        dept = ["甲 局", "甲局", "乙局", "", "丙局"][k % 5]
        year = None if k % 7 == 6 else 2023 + (k % 11 == 0)
        stated = [90, 88.5, None, float("nan"), 70.0, 101][k % 6]
        total = [91.25, None, 80, 70, 88.5, float("inf"), 101.0][k % 7]
        out.append(FileReview(file=f"d{k % 3}/f{k:02d}.xlsx", department=dept, year=year,
                              stated_total=stated, total=total, grade="优良中差"[k % 4],
                              status=["通过", "有错误", "有警告"][k % 3]))
    out.append(FileReview(file="d0/f00.xlsx", department="甲局", year=2024))  # named twice
    for f in ("d1/\udcff.xlsx", "d2/\udce9x.xlsx"):  # undecodable names: lone surrogates
        out.append(FileReview(file=f, department="丁\ud800局", year=2023))
    return out


def test_spool_gives_the_records_and_notes_of_the_list(tmp_path):
    reviews = _reviews()
    want = workbook_records(reviews)
    assert sum(bool(r["备注"]) for r in want) > 20  # the notes are exercised
    assert any("等 " in r["备注"] for r in want)
    got = summarize(reviews, tmp_path / "s.xlsx")
    assert len(got) == len(want)
    for _ in range(2):  # read back as often as wanted
        assert [_same(r) for r in got] == [_same(r) for r in want]
    got.close()


def _same(rec: dict) -> dict:
    """NaN compares unequal to itself: as text."""
    return {k: "nan" if isinstance(v, float) and math.isnan(v) else v for k, v in rec.items()}


def test_spool_without_notes_and_empty():
    with RecordSpool() as spool:
        assert len(spool) == 0 and list(spool) == []
        spool.add({"路径": "a", "文件": "a", "部门名称": "甲", "年度": 1, "备注": ""})
        spool.add({"路径": "b", "文件": "b", "部门名称": "甲", "年度": 1, "备注": ""})
        assert [r["路径"] for r in spool] == ["a", "b"] and len(spool) == 2
        assert [r["备注"] for r in spool] == ["", ""]  # no note asked for


def test_charts_points_and_diagonal_from_the_spool(tmp_path):
    """More than 30 points: listed from column X in the order of the files, the diagonal from
    the smallest to the largest total, beside the small tables of the first rows."""
    reviews = _reviews()
    records = workbook_records(reviews)
    summarize(reviews, tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx")["图表"]
    pts = [(r["文件"], r["填报总分"], r["计算总分"]) for r in records
           if isinstance(r["填报总分"], (int, float)) and isinstance(r["计算总分"], (int, float))
           and math.isfinite(r["填报总分"]) and math.isfinite(r["计算总分"])]
    assert len(pts) > 30
    x = POINTS_COL
    listed = [tuple(ws.cell(k, c).value for c in range(x, x + 3)) for k in range(2, ws.max_row + 1)]
    assert listed == pts
    assert ws.cell(2, x + 4).value == min(min(s, c) for _, s, c in pts) == 70
    assert ws.cell(3, x + 4).value == max(max(s, c) for _, s, c in pts) == 101
    assert [ws.cell(k, 1).value for k in range(1, 6)] == ["等级", "优", "良", "中", "差"]
    assert ws.cell(2, 2).value == sum(r.grade == "优" for r in reviews)


def _members(path) -> dict[str, bytes]:
    """The parts of an .xlsx, the times of docProps/core.xml aside."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        return {n: re.sub(rb"<dcterms:(created|modified)[^<]*<", b"", z.read(n))
                for n in z.namelist()}


def _sheets(tmp_path, spooled: bool):
    """Two write-only sheets, one with a table, with single-cell and range links (a target
    with non-ASCII and a space, one outside the folder), written with openpyxl's own
    hyperlinks or with ``perfxl.batch.links``."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet.table import Table

    from perfxl.batch.links import LinkedSheets

    wb = Workbook(write_only=True)
    a, b = wb.create_sheet("汇总"), wb.create_sheet("全部问题")
    links = LinkedSheets()
    plan = {a: [(2, 2, "县 A/自评表.xlsx"), (3, 3, "file:///tmp/x%0A.xlsx")],
            b: [(2, 4, "d/1.xlsx"), (5, 5, "d/2.xlsx")]}
    for ws, spans in plan.items():
        ws.freeze_panes = "A2"
        spool = links.sheet(ws) if spooled else None
        for row in range(1, 6):
            c = WriteOnlyCell(ws, f"r{row}")
            start = next((s for s in spans if s[0] == row), None)
            if start and not spooled:
                c.hyperlink = start[2]
            ws.append([c, row])
            if start and not spooled and start[1] > start[0]:  # widened once written
                c.hyperlink.ref = f"A{start[0]}:A{start[1]}"
        for first, last, target in spans if spooled else ():
            spool.add(f"A{first}" if first == last else f"A{first}:A{last}", target)
    t = Table(displayName="T", ref="A1:B5")
    t._initialise_columns()
    a.add_table(t)
    out = tmp_path / ("spooled.xlsx" if spooled else "openpyxl.xlsx")
    links.save(wb, out) if spooled else wb.save(out)
    return out


@pytest.mark.filterwarnings("ignore:In write-only mode you must add table columns")
def test_spooled_links_are_the_bytes_openpyxl_writes(tmp_path):
    """The sheets, their relationships (the table numbered after the links) and every other
    part are byte for byte those of openpyxl's own hyperlinks; the links open their files."""
    theirs, ours = _sheets(tmp_path, False), _sheets(tmp_path, True)
    want, got = _members(theirs), _members(ours)
    assert sorted(got) == sorted(want)
    assert b"perfxl-links" not in b"".join(got.values())
    assert b'ref="A2:A4"' in got["xl/worksheets/sheet2.xml"]
    assert b'Id="rId3"' in got["xl/worksheets/_rels/sheet1.xml.rels"]  # the table, after 2 links
    for name in want:
        assert got[name] == want[name], name
    wb = openpyxl.load_workbook(ours)
    assert wb["汇总"]["A2"].hyperlink.target == "县 A/自评表.xlsx"
    assert wb["全部问题"]["A3"].hyperlink.target == "d/1.xlsx"  # a cell inside the range
    assert wb["全部问题"]["A5"].hyperlink.target == "d/2.xlsx"


def _held_at_save(n: int, tmp_path) -> int:
    """Bytes of Python objects alive when ``summarize`` of ``n`` reviews (five findings each,
    two departments) starts its save."""
    import tracemalloc

    from perfxl.batch import links

    reviews = [FileReview(file=f"d/f{k:04d}.xlsx", department="甲局" if k % 2 else "乙局",
                          year=2023, stated_total=90.0, total=80.0 + k % 7, grade="良",
                          errors=5, status="有错误",
                          findings=[{"rule": "PX101", "level": "error", "sheet": "收入",
                                     "cell": f"B{j}", "message": f"收入合计应为 {k}.{j} 万元",
                                     "expected": k, "actual": j} for j in range(5)])
               for k in range(n)]
    files = [r.file for r in reviews]
    held = []
    save = links.LinkedSheets.save

    def spy(self, wb, filename):
        held.append(tracemalloc.get_traced_memory()[0])
        return save(self, wb, filename)

    def stream():  # the reviews handed out one at a time, as the pool does
        for r in reviews:
            yield r

    links.LinkedSheets.save = spy
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        summarize(stream(), tmp_path / f"s{n}.xlsx", files=files).close()
    finally:
        tracemalloc.stop()
        links.LinkedSheets.save = save
    return held[0] - base


def test_summary_holds_nothing_per_book_at_the_save(tmp_path):
    """What the summary writer holds when the save starts does not grow with the number of
    workbooks (the records and the hyperlinks wait on disk): 600 more books, under 40 bytes
    each (records kept in a list held ~2.5 KB each)."""
    import perfxl.checks

    perfxl.checks.load_workbook_rules()  # the rules' registry is no part of the figure
    _held_at_save(50, tmp_path)  # first use: imports and caches
    small, large = _held_at_save(100, tmp_path), _held_at_save(700, tmp_path)
    assert large - small < 40 * 600, (small, large)
