"""What a command imports (issue 23): ``perfxl check BOOK.xlsx`` reads with python-calamine and
computes every figure itself, so it must not pay for openpyxl (and numpy, which openpyxl pulls
in), python-docx, pandas, the formulas engine or a process pool; ``perfxl new --from`` writes
the cached values from ``perfxl.derived``, without the formulas engine.

Each command runs in a fresh process (the test process has imported everything already); the
probe prints the heavy top-level packages in ``sys.modules`` after the command finished.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import example_file

HEAVY = ("openpyxl", "numpy", "docx", "docxtpl", "pandas", "formulas", "multiprocessing",
         "concurrent", "lxml", "jinja2")

_PROBE = """
import json, sys
heavy = json.loads(sys.argv[2])
sys.argv = ["perfxl", *json.loads(sys.argv[1])]
from perfxl.cli import main
try:
    main()
except SystemExit:
    pass
print("\\nIMPORTED " + json.dumps(sorted({m.split(".")[0] for m in sys.modules} & set(heavy))))
"""


def imported(args: list[str], cwd: Path, cache: Path) -> set[str]:
    """The packages of ``HEAVY`` that ``perfxl ARGS`` imported, in a new process."""
    env = {**os.environ, "PERFXL_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(args), json.dumps(HEAVY)],
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=600)
    line = [x for x in proc.stdout.splitlines() if x.startswith("IMPORTED ")]
    assert line, proc.stdout[-2000:] + proc.stderr[-2000:]
    return set(json.loads(line[-1].removeprefix("IMPORTED ")))


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_workbook_check_imports_nothing_heavy(tmp_path, fmt):
    book = example_file("004")
    cache = tmp_path / "cache"
    # the first run computes the template facts into the (empty) cache folder, the second reads
    # them: neither may import a heavy package
    for _ in range(2):
        assert imported(["check", str(book), "--format", fmt], tmp_path, cache) == set()
    assert list(cache.glob("template-facts-*.json"))


def test_the_probe_sees_a_heavy_import(tmp_path):
    """The probe is not blind: writing a report needs python-docx, and it shows."""
    got = imported(["report", str(example_file("004")), "-o", str(tmp_path / "r.docx")],
                   tmp_path, tmp_path / "cache")
    assert "docx" in got


def test_new_from_does_not_run_the_formula_engine(tmp_path):
    got = imported(["new", "--from", str(example_file("004")), "-o", str(tmp_path / "next.xlsx")],
                   tmp_path, tmp_path / "cache")
    assert "formulas" not in got and (tmp_path / "next.xlsx").exists()


def test_draft_check_with_its_workbook_imports_no_docx_writer(tmp_path):
    """A .txt draft checked against its workbook (the browser page's path too, which has no
    lxml, docxtpl or Jinja2): the workbook rules use the report's scores, never its writer."""
    draft = tmp_path / "draft.txt"
    draft.write_text("岳阳市商务局2023年度部门整体支出绩效自评报告\n部门整体支出绩效自评得分为 95 分，"
                     "评价等级为优。\n", encoding="utf-8")
    got = imported(["check", str(draft), "--workbook", str(example_file("004"))], tmp_path,
                   tmp_path / "cache")
    assert not got & {"docx", "docxtpl", "jinja2", "lxml", "openpyxl"}


_RULE_PROBE = """
import json, sys
sys.argv = ["perfxl", *json.loads(sys.argv[1])]
from perfxl.cli import main
try:
    main()
except SystemExit:
    pass
print("\\nMODULES " + json.dumps(sorted(m for m in sys.modules if m.startswith("perfxl."))))
"""

#: the workbook rule families (PX0xx–PX5xx), registered by ``load_workbook_rules``
WORKBOOK_RULES = {f"perfxl.checks.{m}" for m in (
    "changes", "completeness", "hygiene", "identities", "plausibility", "prior", "ratios",
    "report_figures", "scores", "sums", "weights")}


def perfxl_modules(args: list[str], cwd: Path) -> set[str]:
    """The ``perfxl.*`` modules that ``perfxl ARGS`` imported, in a new process."""
    proc = subprocess.run([sys.executable, "-c", _RULE_PROBE, json.dumps(args)],
                          capture_output=True, text=True, cwd=cwd, timeout=600)
    line = [x for x in proc.stdout.splitlines() if x.startswith("MODULES ")]
    assert line, proc.stdout[-2000:] + proc.stderr[-2000:]
    return set(json.loads(line[-1].removeprefix("MODULES ")))


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_draft_check_imports_no_workbook_rule(tmp_path, fmt):
    """A draft checked alone runs the PX6xx rules only: the workbook rule families are not
    imported (a 30-page draft's check is held to 10x ``python -c pass``), and still the draft
    rules ran and found the wrong direction word."""
    draft = tmp_path / "draft.txt"
    draft.write_text("一般公共服务支出 3244335.71 元，较上年决算 3034059.49 元减少 210276.22 元。\n",
                     encoding="utf-8")
    got = perfxl_modules(["check", str(draft), "--format", fmt], tmp_path)
    assert "perfxl.draft.rules" in got
    assert not got & WORKBOOK_RULES, sorted(got & WORKBOOK_RULES)


def test_the_rule_probe_sees_the_workbook_rules(tmp_path):
    """The probe is not blind: a workbook check imports every family."""
    got = perfxl_modules(["check", str(example_file("004")), "--format", "json"], tmp_path)
    assert WORKBOOK_RULES <= got
