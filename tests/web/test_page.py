"""The offline page in a real headless Chromium gives what the CLI gives (issue 21).

For the bundled examples 004, 000 and 002 the page's findings equal `perfxl check --format json`
(rule, sheet, cell, expected, actual, level, message) and its score equals `perfxl score --format
json`; the seed 004 text as a draft (.txt, and as a .docx read without lxml) gives the CLI's draft
findings, alone and against the workbook; the downloads are real workbooks; the browser asked
nothing of any host but the page's own 127.0.0.1 server.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import openpyxl
import pytest
from click.testing import CliRunner

from perfxl.cli import main
from perfxl.outputs import LEVEL_NAMES
from perfxl.scoring.indicators import fmt
from tests.conftest import ROOT, example_file
from tests.draft.measure import SEEDS, make_docx, seed_path

pytestmark = pytest.mark.slow

KEYS = ("rule", "level", "message", "sheet", "cell", "expected", "actual")


def cli_json(*args: str) -> dict:
    r = CliRunner().invoke(main, [*args, "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)


def run_in_page(page, book: Path | None = None, draft: Path | None = None) -> dict:
    page.evaluate("delete document.body.dataset.state; window.perfxlResult = null")
    page.select_option("#example", "")
    page.set_input_files("#workbook", [str(book)] if book else [])
    page.set_input_files("#draft", [str(draft)] if draft else [])
    page.click("#run")
    page.wait_for_function("document.body.dataset.state", timeout=120_000)
    assert page.evaluate("document.body.dataset.state") == "done", page.text_content("#status")
    return page.evaluate("window.perfxlResult")


def shown_rows(page) -> list[tuple[str, str]]:
    """(位置/单元格, 规则, 级别) of every finding row the page shows, in order."""
    return [tuple(r) for r in page.eval_on_selector_all(
        "tr.finding", "rows => rows.map(r => [r.querySelector('.where').textContent, "
                      "r.querySelector('.rule').textContent, r.querySelector('.level').textContent])")]


@pytest.mark.parametrize("seed", ["004", "000", "002"])
def test_page_findings_and_score_equal_the_cli(ready_page, seed, tmp_path):
    book = example_file(seed)
    got = run_in_page(ready_page, book)
    cli = cli_json("check", str(book))["files"][0]
    page_file = got["check"]["files"][0]
    assert ready_page.text_content(".picked[data-for=workbook]") == book.name
    assert ready_page.text_content(".picked[data-for=draft]") == "未选择文件"
    assert [{k: f[k] for k in KEYS} for f in page_file["findings"]] == \
        [{k: f[k] for k in KEYS} for f in cli["findings"]]
    assert page_file["summary"] == cli["summary"] and cli["findings"]
    # what the page shows: every finding, grouped by sheet in the CLI's order
    assert shown_rows(ready_page) == [(f["cell"] or "-", f["rule"], LEVEL_NAMES[f["level"]])
                                      for f in cli["findings"]]
    score = cli_json("score", str(book))
    page_score = dict(got["score"])
    assert page_score.pop("file").endswith(book.name)
    page_score.pop("shown")
    score.pop("file")
    assert page_score == score
    if score["total"] is None:  # common_53: values only, no total
        assert "不计总分" in ready_page.text_content("#score")
    else:
        assert ready_page.text_content("#total") == fmt(score["total"])
        assert ready_page.text_content("#grade") == score["grade"]
    if seed == "004":
        assert (score["total"], score["grade"], len(cli["findings"])) == (109.68, "优", 16)
        shot = tmp_path / "page-004.png"
        ready_page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 50_000
        if os.environ.get("PERFXL_UPDATE_SCREENSHOT"):  # the picture in the README
            shutil.copyfile(shot, ROOT / "docs" / "web-page.png")


needs_seed = pytest.mark.skipif(not all(any(SEEDS.glob(f"{s}_*.txt")) for s in ("004", "000")),
                                reason="seed reports not available")


@needs_seed
def test_seed_004_text_as_a_draft_gives_the_cli_findings(ready_page, tmp_path):
    txt = tmp_path / "004草稿.txt"
    shutil.copyfile(seed_path("004"), txt)
    cli = cli_json("check", str(txt))["files"][0]["findings"]
    got = run_in_page(ready_page, draft=txt)["check"]["files"][0]["findings"]
    assert got == cli and len(cli) >= 5
    assert shown_rows(ready_page)[0] == (f"第 {cli[0]['line']} 行", cli[0]["rule"],
                                         LEVEL_NAMES[cli[0]["level"]])
    # tied to the workbook, as --workbook does (seed 000 differs from its workbook)
    txt = tmp_path / "000草稿.txt"
    shutil.copyfile(seed_path("000"), txt)
    book = example_file("000")
    alone = cli_json("check", str(txt))["files"][0]["findings"]
    cli = cli_json("check", str(txt), "--workbook", str(book))["files"][0]["findings"]
    assert cli != alone
    files = run_in_page(ready_page, book, txt)["check"]["files"]
    assert [Path(f["file"]).name for f in files] == [book.name, txt.name]
    assert files[1]["findings"] == cli


@needs_seed
def test_a_docx_draft_is_checked_without_lxml_in_the_page(ready_page, tmp_path):
    docx = make_docx(seed_path("004"), tmp_path / "004草稿.docx")
    cli = cli_json("check", str(docx))["files"][0]["findings"]
    got = run_in_page(ready_page, draft=docx)
    assert got["check"]["files"][0]["findings"] == cli and cli
    assert ready_page.is_visible("#docx-note")  # no .docx outputs here, said in Chinese
    assert "桌面版 perfxl" in ready_page.text_content("#docx-note")


def test_downloads_are_the_findings_and_the_scored_copy(ready_page, tmp_path):
    book = example_file("004")
    got = run_in_page(ready_page, book)
    with ready_page.expect_download() as dl:
        ready_page.click("#dl-findings")
    path = tmp_path / dl.value.suggested_filename
    dl.value.save_as(path)
    assert path.name == "004-岳阳市商务局-2023（校验结果）.xlsx"
    ws = openpyxl.load_workbook(path)["校验结果"]
    rules = [c.value for row in ws.iter_rows() for c in row if str(c.value or "").startswith("PX")]
    assert sorted(rules) == sorted(f["rule"] for f in got["check"]["files"][0]["findings"])
    with ready_page.expect_download() as dl:
        ready_page.click("#dl-scored")
    scored = tmp_path / dl.value.suggested_filename
    dl.value.save_as(scored)
    cli_copy = tmp_path / "cli.xlsx"
    assert CliRunner().invoke(main, ["score", str(book), "-o", str(cli_copy)]).exit_code == 0

    def values(path):
        wb = openpyxl.load_workbook(path)
        return wb.sheetnames, [[c.value for c in row] for row in wb["评分"].iter_rows()]
    assert values(scored) == values(cli_copy)


def test_an_unreadable_file_is_a_chinese_message(ready_page, tmp_path):
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"not a workbook at all")
    got = run_in_page(ready_page, bad)
    assert got["errors"][0]["file"] == "坏文件.xlsx" and "工作簿" in got["errors"][0]["error"]
    assert "无法读取" in ready_page.text_content("#findings")


def test_opened_as_a_file_it_says_to_use_a_web_address(browser_context, built_page):
    page = browser_context.new_page()
    page.goto((built_page / "index.html").as_uri())
    page.wait_for_function("document.body.dataset.state === 'failed'", timeout=30_000)
    assert "请通过网站地址打开本网页" in page.text_content("#status")
    page.close()


def test_a_file_the_server_does_not_serve_is_named(browser_context, built_page, tmp_path):
    """A server that refuses a file type (IIS without web.config and .whl) answers 404: the
    page names the file and the fix instead of failing obscurely."""
    import functools
    import http.server
    import threading

    from tests.web.conftest import _Quiet

    copy = tmp_path / "page"
    shutil.copytree(built_page, copy)
    gone = next((copy / "wheels").glob("openpyxl-*.whl"))
    gone.unlink()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Quiet, directory=str(copy)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser_context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_port}/")
        page.wait_for_function("document.body.dataset.state === 'failed'", timeout=180_000)
        status = page.text_content("#status")
        assert status.startswith("运行环境加载失败：") and f"wheels/{gone.name}（404）" in status
        assert "web.config" in status
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_no_request_left_127_0_0_1(ready_page, browser_context, page_url):
    """Runs after the others (file order): every request of the session went to the page's
    own server."""
    hosts = {urlsplit(u).hostname for u in browser_context.requests
             if urlsplit(u).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {"127.0.0.1"}
    assert any(u.endswith("pyodide.asm.wasm") for u in browser_context.requests)


def test_page_shows_what_the_workbook_accepts(ready_page, tmp_path):
    """A 说明 「确认 PX106：理由」 (issue 22): the page lists PX106 last, under 已接受, with its
    reason, and counts it apart, as ``perfxl check`` does."""
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.io.writing.xlsx_fill import write_model

    model = read_workbook(example_file("004"))
    model.rows("staffing")[0].values["note"] = "确认 PX106：基础数据表的编制数只含机关本级"
    book = write_model(model, tmp_path / "noted.xlsx", engine="perfxl")
    got = run_in_page(ready_page, book)
    cli = cli_json("check", str(book))["files"][0]
    assert got["check"]["files"][0]["summary"] == cli["summary"]
    rows = shown_rows(ready_page)
    assert rows[-1] == ("人员编制!B12", "PX106", "已接受")
    assert rows[:-1] == [(f["cell"] or "-", f["rule"], LEVEL_NAMES[f["level"]])
                         for f in cli["findings"]]
    assert "已接受（不计入问题数" in ready_page.text_content("#findings")
    assert "基础数据表的编制数只含机关本级" in ready_page.text_content("#findings")
