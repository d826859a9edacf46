"""Help and errors of every command in Chinese (issue 22): no click English (Usage, Options,
Show this message and exit, Error: Missing option…), the top-level command list not cut
mid-phrase, ``--framework`` listing its choices, no pointer to docs files the wheel lacks."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from perfxl.cli import main
from perfxl.frameworks import available

ENGLISH = ("Usage", "Options", "Commands", "Show this message", "Show the version", "Error:",
           "Missing", "Try '", "No such", "Invalid value", "is not one of", "default:",
           "required]", "[OPTIONS]", "COMMAND", "PATH", "TEXT", "INTEGER", "x>=")


def _commands(group=main, path=()):
    import click

    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # the lazy group loads each command here
        cmd = group.get_command(ctx, name)
        yield path + (name,)
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, path + (name,))


def test_every_command_is_listed():
    assert {p[0] for p in _commands()} >= {"new", "check", "score", "report", "annotate",
                                           "batch", "demo", "addin", "doctor", "rules", "rule"}
    assert ("addin", "build") in set(_commands())


def run(*args):
    return CliRunner().invoke(main, list(args))


def english(text: str) -> list[str]:
    return [w for w in ENGLISH if w in text]


def test_scan_fires_on_click_english():
    assert english("Usage: perfxl [OPTIONS]\nError: Missing option '-o'")
    assert not english("用法：perfxl [选项] 命令 [参数]...")


@pytest.mark.parametrize("path", [()] + list(_commands()), ids=lambda p: " ".join(p) or "perfxl")
def test_help_is_chinese(path):
    res = run(*path, "--help")
    assert res.exit_code == 0, res.output
    assert not english(res.output), res.output
    assert "docs/" not in res.output  # the wheel carries no docs folder


@pytest.mark.parametrize("args, words", [
    (("batch", "x.xlsx"), "缺少选项 '-o' / '--output'"),
    (("check",), "缺少参数"),
    (("check", "--selec", "PX1", "a.xlsx"), "没有选项 '--selec'"),
    (("check", "--format", "xml", "a.xlsx"), "不在可选值"),
    (("chek",), "没有子命令 'chek'"),
    (("score", "a.xlsx", "--framework", "nope"), "不在可选值"),
    (("batch", "a", "-o", "s.xlsx", "--jobs", "0"), "取值无效"),
])
def test_click_errors_are_chinese(args, words):
    res = run(*args)
    assert res.exit_code == 2
    assert words in res.output, res.output
    assert not english(res.output), res.output


def test_command_list_not_cut():
    """Each line of the top-level list is a whole sentence: click cut the check line at 45
    characters ('…报告文字中的 数字（规则见...')."""
    out = run("--help").output
    # an entry is its command line and the lines wrapped under it
    lines = re.findall(r"^  [a-z]+\s{2,}.*(?:\n {12}\S.*)*", out, re.M)
    lines = [re.sub(r"\n {12}", "", ln) for ln in lines]
    assert {ln.split()[0] for ln in lines} >= {"check", "score", "batch", "rules", "rule"}
    for ln in lines:
        assert not ln.rstrip().endswith("..."), ln
        assert ln.rstrip().endswith("。"), ln


@pytest.mark.parametrize("cmd", ["score", "new"])
def test_framework_lists_its_choices(cmd):
    out = run(cmd, "--help").output
    for fid in available():
        assert fid in out


def test_bad_select_points_to_the_rules_command(tmp_path):
    (tmp_path / "a.toml").write_text("[values]\n", encoding="utf-8")
    res = run("check", str(tmp_path / "a.toml"), "--select", "PX9")
    assert res.exit_code == 2
    assert "perfxl rules" in res.output and "docs/" not in res.output


def test_rules_and_rule_from_the_package():
    out = run("rules").output
    assert "PX201" in out and "execution-rate" in out and "PX601" in out
    page = run("rule", "PX201")
    assert page.exit_code == 0 and page.output.startswith("# PX201 ")
    assert run("rule", "execution-rate").output == page.output
    bad = run("rule", "PX999")
    assert bad.exit_code == 2 and "perfxl rules" in bad.output


def test_select_by_rule_name(tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text("[values]\nbudget_full = 4128.02\nexecuted = 3995.49\n"
                 "execution_rate_stated = 0.96\n", encoding="utf-8")
    by_name = run("check", str(p), "--select", "execution-rate", "--format", "json")
    by_code = run("check", str(p), "--select", "PX201", "--format", "json")
    assert by_name.exit_code == 1 and by_name.stdout == by_code.stdout
    assert "PX201" in by_name.stdout


def _columns(line: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("path", [(), ("check",), ("batch",), ("report",), ("new",)],
                         ids=lambda p: " ".join(p) if isinstance(p, tuple) else str(p))
def test_help_fits_the_terminal(path, width):
    """An 80-column terminal shows a CJK character two columns wide: no help line is wider than
    the terminal (click counted one column per character and broke only at spaces, so the
    command list and the option texts ran to 110-135 columns)."""
    res = CliRunner().invoke(main, list(path) + ["--help"], terminal_width=width)
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    too_wide = [ln for ln in lines if _columns(ln) > width]
    assert not too_wide, "\n".join(too_wide)
    assert sum(_columns(ln) > width - 12 for ln in lines) >= 1  # the lines are filled, not cut short


def test_wrap_keeps_punctuation_and_words():
    from perfxl.cli.zh import wrap_text

    text = "上一年度的工作簿：核对本工作簿的上年数（PX118）；须为同一部门的上一年度，否则退出码 2"
    for width in (14, 15, 20, 24, 30, 40):
        lines = wrap_text(text, width).splitlines()
        assert all(_columns(ln) <= width for ln in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert not any(ln[0] in "，。；：）" for ln in lines), (width, lines)  # never 。 first
        assert not any(ln[-1] == "（" for ln in lines), (width, lines)
        assert "PX118" in "\n".join(lines)  # an ASCII word is not split
    # a paragraph's lines are joined without the space click put between Chinese characters
    assert wrap_text("规则一览：perfxl rules；\n某条规则的说明", 80) == "规则一览：perfxl rules；某条规则的说明"
    assert wrap_text("perfxl rule\nPX201", 80) == "perfxl rule PX201"
