"""perfxl doctor: every problem carries a Chinese fix; exit 0 when clean, 1 with a problem.
Windows-only checks are exercised by pretending to be on Windows with temporary folders."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from perfxl.addin import diagnose, install
from perfxl.cli import main


@pytest.fixture
def fake_windows(tmp_path, monkeypatch):
    """is_windows() -> True, XLSTART and the config file in tmp_path."""
    monkeypatch.setattr(install, "is_windows", lambda: True)
    monkeypatch.setattr(install, "xlstart_dir", lambda: tmp_path / "XLSTART")
    monkeypatch.setattr(install, "config_path", lambda: tmp_path / ".perfxl" / "perfxl.conf")
    return tmp_path


def test_doctor_is_clean_here():
    result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 0, result.output
    for name in ("Python 解释器", "perfxl", "xlwings", "Excel 加载项", "Excel 位数", "测试调用"):
        assert name in result.output
    assert "无法判断" in result.output


def test_doctor_exits_1_and_shows_the_fix(monkeypatch):
    monkeypatch.setattr(diagnose, "pinned_xlwings", lambda: "9.9.9")
    result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 1
    assert "perfxl 需要 9.9.9" in result.output
    assert "解决办法：" in result.output and "xlwings==9.9.9" in result.output


def test_addin_checks_on_windows(fake_windows):
    assert diagnose.check_addin().status == diagnose.PROBLEM
    assert diagnose.check_config().status == diagnose.PROBLEM
    install.install()
    assert diagnose.check_addin().status == diagnose.OK
    assert diagnose.check_config().status == diagnose.OK


def test_outdated_addin_is_a_problem(fake_windows, monkeypatch):
    install.install()
    monkeypatch.setattr(diagnose, "__version__", "0.0.0-other")
    check = diagnose.check_addin()
    assert check.status == diagnose.PROBLEM and "perfxl addin install" in check.fix


def test_config_naming_another_interpreter_is_a_problem(fake_windows, tmp_path):
    other = tmp_path / "other" / "pythonw.exe"
    other.parent.mkdir()
    other.write_bytes(b"")
    install.write_config(install.config_path(), other)
    check = diagnose.check_config()
    assert check.status == diagnose.PROBLEM and str(other) in check.detail


def test_every_problem_has_a_fix(fake_windows, monkeypatch):
    monkeypatch.setattr(diagnose, "pinned_xlwings", lambda: "9.9.9")
    checks = diagnose.run_checks()
    assert [c.status for c in checks].count(diagnose.PROBLEM) >= 3
    assert all(bool(c.fix) == (c.status == diagnose.PROBLEM) for c in checks)


# ---- the files report, demo and addin build need (issue 13) --------------------------------
def test_doctor_fails_in_chinese_without_the_report_templates(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFXL_TEMPLATE_DIR", str(tmp_path))  # an empty folder: no template
    result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 1, result.output
    assert "[问题] 报告模板：缺少 hunan_dept.docx、guangdong_dept.docx、project.docx" in result.output
    assert "perfxl report 无法生成报告" in result.output and "--force-reinstall perfxl" in result.output


def test_doctor_fails_without_the_bundled_examples(tmp_path, monkeypatch):
    from perfxl import examples

    monkeypatch.setattr(examples, "data_root", lambda: tmp_path)
    check = diagnose.check_examples()
    assert check.status == diagnose.PROBLEM
    assert "004-岳阳市商务局-2023.xlsx" in check.detail and "perfxl demo 无法运行" in check.detail


def test_doctor_fails_without_the_xlwings_addin_template(monkeypatch):
    from perfxl.addin import build
    from perfxl.errors import PerfxlError

    def gone():
        raise PerfxlError("xlwings 安装不完整，找不到 quickstart_addin_ribbon.xlam。")
    monkeypatch.setattr(build, "template_path", gone)
    check = diagnose.check_addin_sources()
    assert check.status == diagnose.PROBLEM and "quickstart_addin_ribbon.xlam" in check.detail
    assert "xlwings==0.37.8" in check.fix


def test_the_checkout_has_every_file_the_commands_need():
    for check in (diagnose.check_templates, diagnose.check_examples, diagnose.check_addin_sources):
        assert check().status == diagnose.OK, check()
