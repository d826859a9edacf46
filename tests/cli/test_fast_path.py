"""The console script's short way (``perfxl.cli.run``): ``perfxl check FILE... [--format F]``
runs ``perfxl.cli.checking.run`` without click; it must print, write and exit exactly as the
click command does, and anything else must go to click."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from perfxl.cli import fast_check
from tests.conftest import example_file

_VIA = {
    # the console script's entry point (the short way when stdout is not a terminal)
    "run": "import sys; from perfxl.cli import run; sys.argv = ['perfxl', *sys.argv[1:]]; run()",
    # the click group, as before
    "click": "import sys; from perfxl.cli import main; sys.argv = ['perfxl', *sys.argv[1:]]; main()",
}
_PROBE = ("import atexit, sys; atexit.register(lambda: sys.stderr.write("
          "'\\nCLICK %s\\n' % ('click' in sys.modules)))\n")


def _perfxl(via: str, *args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _PROBE + _VIA[via], *args], capture_output=True,
                          text=True, cwd=cwd)


@pytest.mark.parametrize("args", [["--format", "json"], ["--format=jsonl"], [], ["--format", "sarif"],
                                  ["--exit-zero", "--format", "github"]])
def test_short_way_prints_and_exits_as_click(args, tmp_path):
    book = str(example_file("004"))
    fast, slow = _perfxl("run", "check", book, *args), _perfxl("click", "check", book, *args)
    assert fast.returncode == slow.returncode == (0 if "--exit-zero" in args else 1)  # 004: errors
    assert fast.stdout == slow.stdout and fast.stdout
    assert fast.stderr.replace("CLICK False", "CLICK True") == slow.stderr
    assert "CLICK False" in fast.stderr  # the short way did not import click


def test_short_way_unreadable_file_exit_2(tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a zip")
    fast, slow = _perfxl("run", "check", str(bad)), _perfxl("click", "check", str(bad))
    assert fast.returncode == slow.returncode == 2
    assert fast.stdout == slow.stdout
    assert fast.stderr.replace("CLICK False", "CLICK True") == slow.stderr
    assert "无法读取" in fast.stderr


def test_other_calls_go_to_click():
    book = str(example_file("004"))
    for args in (["check", book, "--exit-zero", "--exit-zero"], ["check", book, "--format", "xml"],
                 ["check"], ["check", "-h"], ["score", book, "--format", "json"]):
        got = _perfxl("run", *args)
        assert "CLICK True" in got.stderr, args
    wrong = _perfxl("run", "check", book, "--format", "xml")
    assert wrong.returncode == 2 and "取值无效" in wrong.stderr  # click's Chinese error


def test_fast_check_parses_only_the_plain_call(monkeypatch):
    class Pipe:
        def isatty(self):
            return False

    monkeypatch.setattr(sys, "stdout", Pipe())
    assert fast_check(["check", "a.xlsx", "b.xlsx"]) == {"files": ("a.xlsx", "b.xlsx"),
                                                         "fmt": "text", "exit_zero": False}
    assert fast_check(["check", "a.xlsx", "--format", "json"]) == {"files": ("a.xlsx",),
                                                                   "fmt": "json",
                                                                   "exit_zero": False}
    assert fast_check(["check", "--exit-zero", "a.txt"])["exit_zero"] is True
    assert fast_check(["check", "--format=github", "a.xlsx"])["fmt"] == "github"
    for argv in (["check"], ["check", "--format", "json"], ["check", "a.xlsx", "--format"],
                 ["check", "a.xlsx", "--format", "json", "--format", "text"],
                 ["check", "a.xlsx", "-o", "x.json"], ["check", "-"], ["score", "a.xlsx"], [],
                 ["check", "a.xlsx", "--format", "JSON"]):
        assert fast_check(argv) is None, argv


def test_a_terminal_goes_to_click(monkeypatch):
    class Tty:
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdout", Tty())
    assert fast_check(["check", "a.xlsx"]) is None


def test_json_of_the_short_way_is_the_check(tmp_path):
    got = _perfxl("run", "check", str(example_file("004")), "--format", "json")
    data = json.loads(got.stdout)
    assert data["files"][0]["summary"]["errors"] == 12


def test_short_way_draft_as_click(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("岳阳市商务局2023年度部门整体支出绩效自评报告\n年初预算数为100万元，全年预算数为120万元，"
                     "全年执行数为90万元，预算执行率为80%。\n", encoding="utf-8")
    fast = _perfxl("run", "check", str(draft), "--exit-zero")
    slow = _perfxl("click", "check", str(draft), "--exit-zero")
    assert fast.returncode == slow.returncode == 0
    assert fast.stdout == slow.stdout and "CLICK False" in fast.stderr
    assert fast.stderr.replace("CLICK False", "CLICK True") == slow.stderr


def test_collector_off_only_for_one_workbook(tmp_path):
    """One workbook or .txt draft: no cycle collection (start-up); a .docx draft, two files: the
    collector stays."""
    probe = ("import atexit, gc, sys; atexit.register(lambda: sys.stderr.write("
             "'\\nGC %s\\n' % gc.isenabled()))\n" + _VIA["run"])
    draft = tmp_path / "d.txt"
    draft.write_text("岳阳市商务局2023年度部门整体支出绩效自评报告\n", encoding="utf-8")
    book = str(example_file("004"))
    docx = tmp_path / "d.docx"
    docx.write_bytes(b"")  # unreadable: still a .docx, the collector stays
    for args, on in (([book], False), ([str(draft)], False), ([str(docx)], True),
                     ([book, book], True)):
        got = subprocess.run([sys.executable, "-c", probe, "check", *args, "--exit-zero"],
                             capture_output=True, text=True)
        assert f"GC {on}" in got.stderr, (args, got.stderr[-500:])


@pytest.mark.parametrize("fmt", [[], ["--format", "json"]])
def test_short_way_real_draft_as_click(fmt):
    """A real draft with findings in several places (the held-out draft of tests/data): the short
    way's text table (drawn without rich's console to a pipe) and JSON are the click path's."""
    from pathlib import Path

    draft = str(Path(__file__).resolve().parents[1] / "data" / "drafts"
                / "heldout-county-agri-2023.txt")
    fast = _perfxl("run", "check", draft, "--exit-zero", *fmt)
    slow = _perfxl("click", "check", draft, "--exit-zero", *fmt)
    assert fast.returncode == slow.returncode == 0
    assert fast.stdout == slow.stdout and fast.stdout.count("PX6") >= 5
    assert "CLICK False" in fast.stderr
    assert fast.stderr.replace("CLICK False", "CLICK True") == slow.stderr
