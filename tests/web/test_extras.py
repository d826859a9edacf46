"""The lean core: every core module imports with the edge libraries absent, and a missing extra is
a Chinese error naming it (issue 21)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from perfxl import extras
from perfxl.addin import diagnose

ROOT = Path(__file__).resolve().parents[2]

#: modules that exist only for an edge and may import it at module level
EDGE_MODULES = {"perfxl.udfs_xl"}

# A child interpreter in which the extras' libraries cannot be imported: it imports every perfxl
# module and prints the ones that fail.
_BLOCKED_IMPORTS = r"""
import importlib, json, pkgutil, sys
BLOCK = {"pandas", "xlwings", "olefile", "formulas", "numpy", "pdfplumber", "pdfminer",
         "pypdfium2"}
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCK:
            raise ImportError(f"blocked: {name}")
sys.meta_path.insert(0, Block())
import perfxl
failed = {}
for m in pkgutil.walk_packages(perfxl.__path__, "perfxl."):
    if m.name in set(sys.argv[1:]) or m.name.startswith("perfxl.templates.build"):
        continue
    try:
        importlib.import_module(m.name)
    except Exception as exc:
        failed[m.name] = repr(exc)
loaded = sorted(n for n in sys.modules if n.split(".")[0] in BLOCK)
print(json.dumps({"failed": failed, "loaded": loaded}))
"""


def test_every_core_module_imports_without_the_extras():
    out = subprocess.run([sys.executable, "-c", _BLOCKED_IMPORTS, *EDGE_MODULES],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == {"failed": {}, "loaded": []}


def test_the_block_in_the_child_does_fire():
    """The same child with an edge module not excused reports it (the check can fail)."""
    out = subprocess.run([sys.executable, "-c", _BLOCKED_IMPORTS], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert list(result["failed"]) == ["perfxl.udfs_xl"]


def test_require_names_the_extra_in_chinese():
    with pytest.raises(extras.ExtraMissing) as err:
        extras.require("perfxl_no_such_module", "recalc", "计算没有缓存值的公式单元格")
    assert str(err.value) == ("计算没有缓存值的公式单元格需要 perfxl 的可选组件 recalc"
                              "（perfxl_no_such_module），当前未安装；"
                              "请运行：pip install \"perfxl[recalc]\"")
    assert extras.require("json", "recalc", "x") is json


def test_recalculate_without_formulas_is_a_chinese_error(monkeypatch, tmp_path):
    from perfxl.io.office import recalc

    monkeypatch.setitem(sys.modules, "formulas", None)  # import formulas -> ImportError
    with pytest.raises(extras.ExtraMissing, match=r"perfxl\[recalc\]"):
        recalc.recalculate(tmp_path / "x.xlsx")


def test_doctor_lists_the_extras(monkeypatch):
    check = diagnose.check_extras()
    assert check.status == diagnose.INFO
    assert check.detail.startswith("addin：已安装") and "recalc：已安装" in check.detail
    monkeypatch.setattr(extras, "_importable", lambda name: name != "pandas")
    check = diagnose.check_extras()
    assert "analysis：未安装" in check.detail
    assert check.detail.endswith("需要时运行：pip install \"perfxl[analysis]\"")


def test_doctor_without_xlwings_off_windows_is_not_a_problem(monkeypatch):
    monkeypatch.setattr(diagnose, "installed_xlwings", lambda: None)
    assert diagnose.check_xlwings().status == diagnose.INFO
    monkeypatch.setattr(diagnose.install, "is_windows", lambda: True)
    check = diagnose.check_xlwings()
    assert check.status == diagnose.PROBLEM and "perfxl[addin]" in check.fix
