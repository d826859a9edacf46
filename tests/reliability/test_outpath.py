"""Issue 15: no command writes over an input, whatever the spelling or link of ``-o``.

Each command that writes is called with every spelling of the input as its output (the same
string, ``./in``, ``../dir/in``, ``/proc/self/cwd/in``, a relative path equal to the absolute
one, a symbolic link, a hard link): exit 2, the Chinese refusal on stderr, the input's sha256
unchanged and nothing else in the folder.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from perfxl.cli import main
from perfxl.errors import UsageError
from perfxl.outpath import SAME_FILE_MESSAGE, refuse_overwrite, same_file
from tests.conftest import example_file

SPELLINGS = ["same", "dot", "dotdot", "proc", "relative", "symlink", "hardlink"]


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def book(tmp_path, monkeypatch) -> Path:
    """A copy of example 004 in ``tmp/dir/in.xlsx``; the working folder is ``tmp/dir``."""
    d = tmp_path / "dir"
    d.mkdir()
    p = d / "in.xlsx"
    shutil.copy(example_file("004"), p)
    monkeypatch.chdir(d)
    return p


def _spell(book: Path, how: str) -> str:
    if how == "same":
        return str(book)
    if how == "dot":
        return "./in.xlsx"
    if how == "dotdot":
        return "../dir/in.xlsx"
    if how == "proc":
        if not Path("/proc/self/cwd").exists():
            pytest.skip("no /proc")
        return "/proc/self/cwd/in.xlsx"
    if how == "relative":
        return "in.xlsx"
    if how == "symlink":
        link = book.with_name("link.xlsx")
        link.symlink_to(book)
        return str(link)
    if how == "hardlink":
        link = book.with_name("hard.xlsx")
        os.link(book, link)
        return str(link)
    raise AssertionError(how)


COMMANDS = {
    "score": lambda inp, out: ["score", inp, "-o", out],
    "batch": lambda inp, out: ["batch", inp, "-o", out],
    "check": lambda inp, out: ["check", inp, "-o", out],
}


CASES = [(c, h) for c in sorted(COMMANDS) for h in SPELLINGS] + \
    [("report", "symlink"), ("report", "hardlink")]  # report -o must end in .docx


@pytest.mark.parametrize("cmd, how", CASES)
def test_every_spelling_and_link_of_the_input_is_refused(book, cmd, how):
    before = _sha(book)
    out = _spell(book, how)
    if cmd == "report":
        # the report's -o must end in .docx, so the input is reached through a .docx name
        link = Path(out).with_suffix(".docx")
        Path(out).rename(link)
        out = str(link)
        args = ["report", str(book), "-o", out]
    else:
        args = COMMANDS[cmd](str(book), out)
    listing = sorted(os.listdir(book.parent))
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert SAME_FILE_MESSAGE in r.stderr, r.stderr
    if how == "symlink":
        assert "符号链接" in r.stderr
    if how == "hardlink":
        assert "硬链接" in r.stderr
    assert _sha(book) == before
    assert sorted(os.listdir(book.parent)) == listing  # nothing written, no temporary left


def test_report_of_a_docx_that_is_the_input(tmp_path):
    """A report whose -o names the same file as its input by another spelling."""
    p = tmp_path / "a.docx"
    p.write_bytes(b"x")
    with pytest.raises(UsageError, match="输出文件不能与输入文件相同"):
        refuse_overwrite(tmp_path / "." / "a.docx", [p], suffixes=(".docx",))


def test_batch_refuses_a_summary_that_is_a_file_inside_a_folder_it_reads(book):
    """``perfxl batch DIR -o DIR/in.xlsx``: the output is one of the expanded inputs."""
    before = _sha(book)
    r = CliRunner().invoke(main, ["batch", str(book.parent), "-o", "in.xlsx"])
    assert r.exit_code == 2 and SAME_FILE_MESSAGE in r.stderr, r.output
    assert _sha(book) == before


def test_batch_refuses_the_second_of_several_inputs(book, tmp_path):
    other = tmp_path / "other.xlsx"
    shutil.copy(book, other)
    before = _sha(other)
    r = CliRunner().invoke(main, ["batch", str(book), str(other), "-o", "../other.xlsx"])
    assert r.exit_code == 2 and SAME_FILE_MESSAGE in r.stderr, r.output
    assert _sha(other) == before


def test_a_different_file_is_accepted(book, tmp_path):
    assert refuse_overwrite(tmp_path / "out.xlsx", [book], suffixes=(".xlsx",)) == \
        tmp_path / "out.xlsx"
    assert not same_file(tmp_path / "out.xlsx", book)
    copy = tmp_path / "copy.xlsx"
    shutil.copy(book, copy)  # same bytes, another file: not the input
    assert not same_file(copy, book)


def test_same_file_without_the_files_existing(tmp_path):
    assert same_file(tmp_path / "x" / ".." / "a.xlsx", tmp_path / "a.xlsx")
    assert not same_file(tmp_path / "a.xlsx", tmp_path / "b.xlsx")


def test_dangling_symlink_to_the_input_spelling_is_refused(tmp_path):
    target = tmp_path / "gone.xlsx"
    link = tmp_path / "link.xlsx"
    link.symlink_to(target)
    with pytest.raises(UsageError, match="输出文件不能与输入文件相同"):
        refuse_overwrite(link, [target])


@pytest.mark.parametrize("cmd, suffix", [("score", ".xlsx"), ("report", ".docx"),
                                         ("batch", ".xlsx"), ("check", ".txt"),
                                         ("new", ".xlsx")])
def test_an_output_name_too_long_is_a_chinese_error(book, cmd, suffix):
    out = "长" * 100 + suffix  # 300 bytes in UTF-8, above NAME_MAX (255) of every common FS
    args = {"score": ["score", str(book), "-o", out], "report": ["report", str(book), "-o", out],
            "batch": ["batch", str(book), "-o", out], "check": ["check", str(book), "-o", out],
            "new": ["new", "-o", out]}[cmd]
    listing = sorted(os.listdir(book.parent))
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and "文件名过长" in r.stderr, r.stderr
    assert sorted(os.listdir(book.parent)) == listing


@pytest.mark.parametrize("cmd", ["score", "report"])
def test_an_output_in_a_folder_too_long_is_a_chinese_error(book, cmd):
    out = ("长" * 100) + "/" + ("a.docx" if cmd == "report" else "a.xlsx")
    r = CliRunner().invoke(main, [cmd, str(book), "-o", out])
    assert r.exit_code == 2 and "Traceback" not in r.output, r.output
    assert "perfxl：" in r.stderr


def test_score_xlsm_output_of_a_macro_free_workbook_is_refused(book, tmp_path):
    r = CliRunner().invoke(main, ["score", str(book), "-o", str(tmp_path / "x.xlsm")])
    assert r.exit_code == 2 and "不含宏" in r.stderr and ".xlsx" in r.stderr, r.output
    assert not (tmp_path / "x.xlsm").exists()


def test_batch_rerun_into_the_folder_it_reviews_replaces_its_own_summary(book):
    """``perfxl batch DIR -o DIR/汇总.xlsx`` twice: the second run finds the first summary in
    DIR; it is perfxl's own output (sheets 汇总 and 全部问题, no pf_ names), not an input, so it
    is neither reviewed nor refused as an input — while a submitted workbook at that path is
    refused.  Replacing it takes --force, as for every existing output (issue 22)."""
    before = _sha(book)
    for force in ([], ["--force"]):
        r = CliRunner().invoke(main, ["batch", str(book.parent), "-o", "汇总.xlsx",
                                      "--format", "json", "--jobs", "1", *force])
        assert r.exit_code == 1, r.output
        import json

        assert [Path(f["file"]).name for f in json.loads(r.stdout)["files"]] == ["in.xlsx"]
    assert _sha(book) == before
