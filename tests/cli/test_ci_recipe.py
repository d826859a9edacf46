"""docs/ci.md exercised: a temporary git repository of workbooks with the page's pyproject
configuration, the hook of .pre-commit-hooks.yaml run by pre-commit itself (as a local hook
with the same entry, files and exclude, so no package is installed), and perfxl check DIR."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from perfxl.cli import main
from tests.conftest import example_file

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "ci.md"


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC.read_text("utf-8"), re.S)


@pytest.fixture()
def repo(tmp_path):
    r = tmp_path / "books"
    (r / "县A").mkdir(parents=True)
    (r / "县B").mkdir()
    shutil.copy(example_file("004"), r / "县A" / "自评表.xlsx")
    shutil.copy(example_file("000"), r / "县B" / "自评表.xlsx")
    (r / "县A" / "~$自评表.xlsx").write_bytes(b"lock")  # Office's lock file: never checked
    return r


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_check_dir_is_recursive_and_skips_lock_files(repo):
    res = run("check", repo, "--format", "json")
    assert res.exit_code == 1, res.output
    import json
    files = sorted(Path(f["file"]).relative_to(repo).as_posix()
                   for f in json.loads(res.stdout)["files"])
    assert files == ["县A/自评表.xlsx", "县B/自评表.xlsx"]


def test_empty_folder_is_an_error(tmp_path):
    res = run("check", tmp_path)
    assert res.exit_code == 2 and "没有找到" in res.output


def _rules(res):
    import json
    return {Path(f["file"]).parent.name: {x["rule"] for x in f["findings"]}
            for f in json.loads(res.stdout)["files"]}


def test_pyproject_config_of_the_docs(repo):
    before = _rules(run("check", repo, "--format", "json"))
    assert "PX201" in before["县A"] and any(r.startswith("PX4") for r in before["县B"])
    assert any(r.startswith("PX5") for rs in before.values() for r in rs)
    (repo / "pyproject.toml").write_text(blocks("toml")[0], encoding="utf-8")
    res = run("check", repo / "县A" / "自评表.xlsx", repo / "县B" / "自评表.xlsx",
              "--format", "json")
    after = _rules(res)
    # select: only PX0-PX4; ignore PX503; per-file-ignores: no PX4 for 县B
    assert not any(r.startswith("PX5") for rs in after.values() for r in rs)
    assert not any(r.startswith("PX4") for r in after["县B"])
    assert any(r.startswith("PX4") for r in after["县A"])
    # accept: PX201 at 部门自评表!B10 of 县A, listed on stderr with its reason
    assert "PX201" not in after["县A"]
    assert "已接受" in res.stderr and "部门自评表!B10" in res.stderr and "财政局" in res.stderr
    # --isolated reads no configuration
    assert _rules(run("check", repo, "--format", "json", "--isolated")) == before


def test_config_found_upward_and_cli_overrides(repo):
    (repo / "perfxl.toml").write_text('select = ["PX2"]\nfail-on = "warning"\n', encoding="utf-8")
    res = run("check", repo / "县A" / "自评表.xlsx", "--format", "json")
    assert _rules(res)["县A"] and all(r.startswith("PX2") for r in _rules(res)["县A"])
    res = run("check", repo / "县A" / "自评表.xlsx", "--format", "json", "--select", "PX3")
    assert all(r.startswith("PX3") for r in _rules(res)["县A"])


@pytest.mark.parametrize("text, words", [
    ('selekt = ["PX1"]\n', "不认识的设置 selekt"),
    ('select = ["PX9"]\n', "PX9"),
    ('[[accept]]\nrule = "PX201"\n', "缺少 reason"),
    ('fail-on = "often"\n', "fail-on"),
    ('select = [\n', "不是有效的 TOML"),
])
def test_bad_config_is_refused_in_chinese(repo, text, words):
    (repo / "perfxl.toml").write_text(text, encoding="utf-8")
    res = run("check", repo)
    assert res.exit_code == 2 and words in res.output, res.output


def test_accept_matches_only_its_cell(repo):
    (repo / "perfxl.toml").write_text(
        '[[accept]]\nrule = "PX201"\ncell = "部门自评表!B99"\nreason = "别处"\n', encoding="utf-8")
    res = run("check", repo / "县A" / "自评表.xlsx", "--format", "json")
    assert "PX201" in _rules(res)["县A"] and "已接受" not in res.stderr


def test_pre_commit_hook_on_a_git_repository(repo, tmp_path):
    pytest.importorskip("pre_commit")
    import yaml

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))[0]
    perfxl = shutil.which("perfxl", path=str(Path(sys.executable).parent)) or "perfxl"
    local = dict(hook, language="system", entry=f"{perfxl} check")
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}, allow_unicode=True),
        encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc-home"), GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org")
    git = lambda *a: subprocess.run(["git", *a], cwd=repo, env=env, check=True,  # noqa: E731
                                    capture_output=True)
    git("init", "-q")
    git("add", "-A")
    pc = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    bad = subprocess.run(pc, cwd=repo, env=env, capture_output=True, text=True)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "PX201" in bad.stdout and "~$" not in bad.stdout
    # the documented configuration: everything still failing is accepted or ignored
    (repo / "pyproject.toml").write_text(
        '[tool.perfxl]\nselect = ["execution-rate"]\n'
        '[[tool.perfxl.accept]]\nrule = "PX201"\nreason = "按财政局批复口径填写"\n',
        encoding="utf-8")
    git("add", "-A")
    good = subprocess.run(pc, cwd=repo, env=env, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr


def test_workflow_of_the_docs_runs_check_on_the_repository():
    (workflow,) = [b for b in blocks("yaml") if "jobs:" in b]
    import yaml
    steps = yaml.safe_load(workflow)["jobs"]["check"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert any(r.startswith("perfxl check . --format github") for r in runs)


def test_report_lists_an_accepted_finding_with_its_reason(repo):
    from docx import Document

    book = repo / "县A" / "自评表.xlsx"
    out = repo / "报告.docx"
    assert run("report", book, "-o", out, "--appendix").exit_code == 0
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "PX201" in text and "已接受" not in text
    (repo / "perfxl.toml").write_text(
        '[[accept]]\nrule = "PX201"\ncell = "部门自评表!B10"\nreason = "按财政局批复口径填写"\n',
        encoding="utf-8")
    assert run("report", book, "-o", out, "--force", "--appendix").exit_code == 0
    text = "\n".join(p.text for p in Document(out).paragraphs)
    line = next(ln for ln in text.splitlines() if "PX201" in ln)
    assert "已接受：按财政局批复口径填写" in line and line.startswith("【提示】")
