"""The 校对报告 button (``perfxl.addin.annotate`` -> ``perfxl.api.annotate_book``) on the real
xlwings API, headless (the remote engine, as test_handlers.py): the report of example 004 is
checked against the open workbook and the annotated copy lands beside the report."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import perfxl.addin
from tests.addin.test_handlers import P004, _alerts, _load, remote_book, run

xw = pytest.importorskip("xlwings")

from perfxl import api  # noqa: E402


@pytest.fixture(autouse=True)
def _addin_log(monkeypatch, tmp_path):
    monkeypatch.setattr(perfxl.addin, "LOG_FILE", tmp_path / "addin.log")


@pytest.fixture(scope="module")
def report004(tmp_path_factory) -> Path:
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.report import render_report

    return render_report(read_workbook(P004), tmp_path_factory.mktemp("r") / "004报告.docx")


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _cli_findings(report: Path):
    from perfxl.draft import check_draft
    from perfxl.io.reading.xlsx_reader import read_workbook

    return check_draft(report, workbook=read_workbook(P004))


def test_annotate_004_report_beside_it(report004, tmp_path):
    from docx import Document

    report = tmp_path / report004.name
    report.write_bytes(report004.read_bytes())
    before = _digest(report)
    summary, wb, history = run(lambda b: api.annotate_book(b, report), P004)
    out = tmp_path / "004报告（perfxl批注）.docx"
    findings = _cli_findings(report)
    assert findings, "the typed “三公” sentence of 004 disagrees with its table"
    assert summary.startswith(f"校对完成：报告「004报告.docx」发现 {len(findings)} 条问题")
    assert str(out) in summary
    assert len(Document(str(out)).comments) == len(findings)
    assert _digest(report) == before  # the report is only read
    assert history[-1] == []  # nothing written into the workbook
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([report.name, out.name])


def test_button_shows_the_summary(report004, tmp_path):
    report = tmp_path / "r.docx"
    report.write_bytes(report004.read_bytes())
    book = remote_book(_load(P004))
    result = perfxl.addin.annotate(book, report)
    assert result and _alerts(book.json()["actions"]) == [result]
    assert (tmp_path / "r（perfxl批注）.docx").exists()


def test_without_a_dialog_the_user_is_told_to_use_the_command_line():
    book = remote_book(_load(P004))
    assert perfxl.addin.annotate(book) is None
    [alert] = _alerts(book.json()["actions"])
    assert alert.startswith("校对报告未完成：当前环境无法打开文件选择框") and "perfxl annotate" in alert


def test_a_bad_docx_is_a_message_and_nothing_is_written(tmp_path):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip at all")
    book = remote_book(_load(P004))
    assert perfxl.addin.annotate(book, bad) is None
    [alert] = _alerts(book.json()["actions"])
    assert alert.startswith("校对报告未完成：") and "坏.docx" in alert
    assert sorted(p.name for p in tmp_path.iterdir()) == ["坏.docx"]


class _App:
    """Excel's Application as pywin32 gives it: only GetOpenFilename is used."""

    def __init__(self, answer):
        self.answer, self.calls = answer, []

    def GetOpenFilename(self, *args):  # noqa: N802 - the COM name
        self.calls.append(args)
        return self.answer


class _Book:
    def __init__(self, answer):
        self.app = type("A", (), {"api": _App(answer)})()


def test_pick_docx_asks_excel_for_a_docx():
    book = _Book(r"C:\报告\自评报告.docx")
    assert perfxl.addin.pick_docx(book) == Path(r"C:\报告\自评报告.docx")
    [(filt, index, title)] = book.app.api.calls
    assert filt == "Word 文档 (*.docx),*.docx" and index == 1 and "自评报告" in title


def test_pick_docx_cancelled_runs_nothing(monkeypatch):
    called = []
    monkeypatch.setattr(perfxl.addin, "_api", lambda name: called.append(name))
    book = _Book(False)
    assert perfxl.addin.pick_docx(book) is None
    assert perfxl.addin.annotate(book) is None and called == []
