"""`perfxl web build`: what the folder holds, what it refuses, and the page's Python in CPython."""
from __future__ import annotations

import json
import zipfile

import pytest
from click.testing import CliRunner

from perfxl.cli import main
from perfxl.errors import UsageError
from perfxl.web import run
from perfxl.web.build import MARKER, PYODIDE_FILES, build_page, perfxl_wheel, pyodide_dir
from tests.conftest import example_file
from tests.draft.measure import SEEDS


def test_the_folder_holds_the_page_the_core_the_wheels_and_lite(built_page):
    names = {p.relative_to(built_page).as_posix() for p in built_page.rglob("*") if p.is_file()}
    assert {"index.html", "app.js", "worker.js", "style.css", "web.config", MARKER,
            "lite/main.py", "lite/requirements.txt", "wheels/index.json"} <= names
    assert {f"pyodide/{f}" for f in PYODIDE_FILES} <= names
    index = json.loads((built_page / "wheels" / "index.json").read_text(encoding="utf-8"))
    assert index["wheels"][0].startswith("perfxl-") and len(index["wheels"]) == 6
    assert all(f"wheels/{w}" in names for w in index["wheels"])
    record = json.loads((built_page / MARKER).read_text(encoding="utf-8"))
    assert record["bytes"] == sum(record["files"].values()) > 10_000_000
    req = (built_page / "lite" / "requirements.txt").read_text(encoding="utf-8")
    assert f"https://（本网页所在的网址）/wheels/{index['wheels'][0]}" in req.splitlines()
    # every page script is fetched relative to the page: no other host named anywhere (the one
    # address is the local trial server in the message for a page opened as a file)
    import re
    for name in ("index.html", "app.js", "worker.js"):
        text = (built_page / name).read_text(encoding="utf-8")
        assert set(re.findall(r"\w+://([^/\s\"'<>]*)", text)) <= {"127.0.0.1:8000"}, name
        assert "cdn" not in text.lower()


def test_the_perfxl_wheel_is_reproducible_and_lean(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = perfxl_wheel(tmp_path / "a"), perfxl_wheel(tmp_path / "b")
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as zf:
        names = set(zf.namelist())
    assert {"perfxl/web/run.py", "perfxl/addin/marks.py", "perfxl/api.py",
            "perfxl/frameworks/hunan_dept.toml", "perfxl-0.1.0.dist-info/RECORD"} <= names
    assert not [n for n in names if n.startswith(("perfxl/templates/", "perfxl/addin/src/"))
                or "__pycache__" in n or n.endswith(".docx")]


def test_base_url_names_the_wheel_for_xlwings_lite(tmp_path):
    record = build_page(tmp_path / "p", base_url="https://intranet.example/perfxl")
    req = (tmp_path / "p" / "lite" / "requirements.txt").read_text(encoding="utf-8")
    assert "https://intranet.example/perfxl/wheels/perfxl-0.1.0-py3-none-any.whl" in req.splitlines()
    again = build_page(tmp_path / "p")  # a page perfxl built is replaced
    assert again["files"].keys() == record["files"].keys()
    assert not list(tmp_path.glob(".p.*"))  # no temporary folder left


def test_a_foreign_folder_or_a_file_is_refused(tmp_path):
    foreign = tmp_path / "site"
    foreign.mkdir()
    (foreign / "index.html").write_text("单位主页")
    r = CliRunner().invoke(main, ["web", "build", str(foreign)])
    assert r.exit_code == 2 and "不是 perfxl 生成的网页" in r.stderr
    assert (foreign / "index.html").read_text() == "单位主页" and len(list(foreign.iterdir())) == 1
    afile = tmp_path / "x.txt"
    afile.write_text("x")
    r = CliRunner().invoke(main, ["web", "build", str(afile)])
    assert r.exit_code == 2 and "是一个文件" in r.stderr


def test_a_folder_that_is_not_the_npm_package_is_refused(tmp_path):
    with pytest.raises(UsageError, match="不是 npm 包 pyodide 的目录"):
        pyodide_dir(tmp_path)


def test_the_page_python_gives_the_cli_json_in_cpython(tmp_path):
    book = example_file("004")
    assert json.loads(run.open_workbook(str(book))) == {"ok": True}
    got = json.loads(run.check())
    cli = json.loads(CliRunner().invoke(main, ["check", str(book), "--format", "json"]).stdout)
    assert got["files"] == cli["files"]
    view = got["view"][0]
    assert view["summary"] == {"errors": 12, "warnings": 4, "infos": 0}
    assert [g["sheet"] for g in view["groups"]][:2] == ["人员编制", "支出"]
    score = json.loads(run.score())
    assert (score["shown"]["total"], score["grade"]) == ("109.68", "优")
    out = run.findings_xlsx(str(tmp_path / "f.xlsx"))
    assert zipfile.is_zipfile(out)
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"no")
    answer = json.loads(run.open_workbook(str(bad)))
    assert answer["ok"] is False and "坏.xlsx" in answer["error"]
    run.reset()


def test_the_page_lists_what_the_workbook_accepts(tmp_path):
    """The offline page, as ``perfxl check``: a 说明 「确认 PX106：理由」 moves PX106 to the
    accepted findings, shown last as 已接受 with the reason, and in the downloaded 校验结果."""
    import openpyxl

    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.io.writing.xlsx_fill import write_model

    model = read_workbook(example_file("004"))
    model.rows("staffing")[0].values["note"] = "确认 PX106：基础数据表的编制数只含机关本级"
    book = write_model(model, tmp_path / "noted.xlsx", engine="perfxl")
    assert json.loads(run.open_workbook(str(book))) == {"ok": True}
    got = json.loads(run.check())
    cli = json.loads(CliRunner().invoke(main, ["check", str(book), "--format", "json"]).stdout)
    assert got["files"] == cli["files"] and got["files"][0]["accepted"][0]["rule"] == "PX106"
    view = got["view"][0]
    assert view["summary"] == {"errors": 12, "warnings": 3, "infos": 0}
    (acc,) = [g for g in view["groups"] if g.get("accepted")]
    assert acc is view["groups"][-1] and [r["level_text"] for r in acc["rows"]] == ["已接受"]
    assert acc["rows"][0]["message"].endswith("（已接受：基础数据表的编制数只含机关本级）")
    rows = list(openpyxl.load_workbook(run.findings_xlsx(str(tmp_path / "f.xlsx")))["校验结果"]
                .values)
    assert rows[-1][:2] == ("已接受", "PX106")
    run.reset()


_PAGE_PATH_CHILD = r"""
import json, sys
BLOCK = {"subprocess", "multiprocessing", "concurrent", "python_calamine", "docx", "lxml"}
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCK:
            raise ImportError(f"blocked: {name}")
sys.meta_path.insert(0, Block())
from perfxl.web import run
book, draft, out = sys.argv[1:]
assert json.loads(run.open_workbook(book)) == {"ok": True}
assert json.loads(run.open_draft(draft)) == {"ok": True}
files = json.loads(run.check())["files"]
print(json.dumps({"findings": [len(f["findings"]) for f in files],
                  "total": json.loads(run.score())["total"], "docx": run.docx_outputs(),
                  "outputs": [run.findings_xlsx(out + "/f.xlsx"), run.scored_copy(out + "/s.xlsx")]}))
"""


@pytest.mark.skipif(not any(SEEDS.glob("000_*.txt")), reason="seed 000 not available")
def test_the_page_path_needs_no_process_thread_pool_calamine_or_lxml(tmp_path):
    """What the browser lacks, blocked in a CPython child: no subprocess, multiprocessing or
    concurrent.futures, no compiled reader, no python-docx/lxml (the .docx draft through the
    standard-library reader); every step still gives its result."""
    import subprocess
    import sys

    from tests.draft.measure import make_docx, seed_path

    draft = make_docx(seed_path("000"), tmp_path / "000.docx")
    r = subprocess.run([sys.executable, "-c", _PAGE_PATH_CHILD, str(example_file("000")),
                        str(draft), str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    got = json.loads(r.stdout)
    alone = CliRunner().invoke(main, ["check", str(draft), "--workbook", str(example_file("000")),
                                      "--format", "json"])
    assert got["findings"][1] == len(json.loads(alone.stdout)["files"][0]["findings"]) > 0
    assert got["docx"] is False and all(zipfile.is_zipfile(p) for p in got["outputs"])


@pytest.mark.slow
def test_bench_web_runs(tmp_path, chromium, built_page):
    """benchmarks/bench_web.py at one run (its figures are not judged here)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    p = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_web.py"), "--runs", "1",
                        "--out", str(tmp_path)], capture_output=True, text=True, timeout=900)
    assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr[-3000:]
    assert "first result after" in p.stdout
    assert json.loads((tmp_path / "web.json").read_text())["first_visit_bytes"] > 10_000_000
