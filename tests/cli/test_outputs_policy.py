"""One overwrite policy (issue 22): every command that writes a document refuses an existing
output unless --force (``new`` did, ``report``, ``annotate``, ``score -o``, ``batch -o`` replaced it
silently); ``check -o`` leaves nothing behind when it exits 2."""
from __future__ import annotations

import hashlib
import shutil

import pytest
from click.testing import CliRunner

from perfxl.cli import main
from tests.conftest import example_file


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def sha(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    d = tmp_path_factory.mktemp("book")
    return shutil.copy(example_file("004"), d / "岳阳.xlsx")


def _args(cmd, book, out):
    return {"score": ["score", book, "-o", out],
            "report": ["report", book, "-o", out],
            "batch": ["batch", book, "-o", out],
            "new": ["new", "-o", out]}[cmd]


@pytest.mark.parametrize("cmd, name", [("score", "评分.xlsx"), ("report", "报告.docx"),
                                       ("batch", "汇总.xlsx"), ("new", "新.xlsx")])
def test_existing_output_refused_without_force(cmd, name, book, tmp_path):
    out = tmp_path / name
    out.write_bytes(b"the user's own edits")
    before = sha(out)
    res = run(*_args(cmd, book, out))
    assert res.exit_code == 2, res.output
    assert "已存在" in res.output and "--force" in res.output
    assert sha(out) == before
    res = run(*_args(cmd, book, out), "--force")
    assert res.exit_code in (0, 1), res.output
    assert sha(out) != before


def test_annotate_existing_output_refused_without_force(book, tmp_path):
    report = tmp_path / "报告.docx"
    assert run("report", book, "-o", report).exit_code == 0
    out = tmp_path / "批注.docx"
    out.write_bytes(b"edited")
    res = run("annotate", report, "-o", out)
    assert res.exit_code == 2 and "已存在" in res.output and out.read_bytes() == b"edited"
    assert run("annotate", report, "-o", out, "--force").exit_code in (0, 1)
    assert out.read_bytes() != b"edited"


def test_check_output_not_written_on_exit_2(book, tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a workbook")
    out = tmp_path / "m.json"
    res = run("check", book, bad, "--format", "json", "-o", out)
    assert res.exit_code == 2
    assert not out.exists()
    assert "未写入" in res.output
    res = run("check", book, "--format", "json", "-o", out)
    assert res.exit_code == 1 and out.exists()
