"""The xlwings Lite scripts (perfxl/web/lite/main.py) in Pyodide under node, offline (Pyodide from
the npm package folder, every wheel from local files), on the remote-engine book of example 004:
the same summary and the same actions as CPython running the same scripts (issue 21)."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # before xlwings is imported

from tests.conftest import ROOT, example_file  # noqa: E402

xw = pytest.importorskip("xlwings")
pytestmark = pytest.mark.slow

MAIN = ROOT / "perfxl" / "web" / "lite" / "main.py"
RUNNER = Path(__file__).with_name("lite_node.mjs")
SCRIPTS = ("校验", "评分", "清除标记")


def _main_module():
    spec = importlib.util.spec_from_file_location("perfxl_lite_main", MAIN)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # xlwings.script is a no-op decorator off Excel
    return mod


@pytest.fixture(scope="module")
def payload_file(tmp_path_factory) -> Path:
    from tests.addin.test_handlers import _load, payload

    path = tmp_path_factory.mktemp("lite") / "payload.json"
    path.write_text(json.dumps(payload(_load(example_file("004")), "004.xlsx"),
                               ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def wheels(tmp_path_factory) -> Path:
    from perfxl.web import PAGE_PACKAGES
    from perfxl.web.build import page_wheels, perfxl_wheel

    d = tmp_path_factory.mktemp("wheels")
    perfxl_wheel(d)
    for w in page_wheels(names=(*PAGE_PACKAGES, "xlwings")):
        shutil.copyfile(w, d / w.name)
    return d


def _cpython(payload: dict, script: str) -> dict:
    try:
        book = xw.Book(json=payload)
    except xw.LicenseError as exc:
        pytest.skip(f"xlwings remote engine unavailable: {exc}")
    summary = getattr(_main_module(), script)(book)
    return {"summary": summary, "actions": book.json()}


@pytest.fixture(scope="module")
def in_pyodide(node, wheels, payload_file, tmp_path_factory) -> dict:
    """script -> {summary, actions, platform, modules}: every script in one Pyodide (node)."""
    from perfxl.web.build import pyodide_dir

    out = tmp_path_factory.mktemp("lite-out") / "out.json"
    run = subprocess.run([node, str(RUNNER), str(pyodide_dir()), str(wheels), str(MAIN),
                          str(payload_file), ",".join(SCRIPTS), str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("script", SCRIPTS)
def test_lite_script_in_pyodide_equals_cpython(script, in_pyodide, payload_file):
    got = in_pyodide[script]
    assert got["platform"] == "emscripten" and got["modules"] == []  # no lxml, calamine, pandas
    want = _cpython(json.loads(payload_file.read_text(encoding="utf-8")), script)
    assert got["summary"] == want["summary"]
    assert got["actions"] == want["actions"]
    if script == "校验":
        assert want["summary"].startswith("校验完成：发现 16 条问题")
        funcs = {a["func"] for a in want["actions"]["actions"]}
        assert {"addSheet", "setValues", "setRangeColor"} <= funcs


def test_lite_script_reports_a_perfxl_error_in_chinese(monkeypatch):
    from perfxl.errors import WorkbookFormatError

    main = _main_module()

    def broken(book):
        raise WorkbookFormatError("缺少工作表「基本信息」")
    monkeypatch.setattr(main.api, "check_book", broken)
    assert main.校验(object()) == "校验未完成：缺少工作表「基本信息」"
