"""install / remove / status and the config file, in temporary folders (the XLSTART default
exists only on Windows), and the CLI's behaviour off Windows."""
from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from perfxl.addin import install
from perfxl.addin.build import build_addin
from perfxl.cli import main

off_windows = pytest.mark.skipif(sys.platform == "win32", reason="checks the non-Windows message")


def test_install_builds_into_xlstart_and_writes_config(tmp_path, addin_path):
    addin, config = install.install(tmp_path / "XLSTART", tmp_path / ".perfxl" / "perfxl.conf")
    assert addin == tmp_path / "XLSTART" / "perfxl.xlam"
    assert addin.read_bytes() == addin_path.read_bytes()
    assert config.read_text(encoding="utf-8").splitlines() == [
        f'"INTERPRETER_WIN","{install.interpreter_for_excel()}"']
    assert install.installed_path(tmp_path / "XLSTART") == addin


def test_config_keeps_other_settings(tmp_path):
    conf = tmp_path / "perfxl.conf"
    conf.write_text('"INTERPRETER_WIN","C:\\old\\pythonw.exe"\r\n"PYTHONPATH","D:\\lib"\r\n',
                    encoding="utf-8")
    install.write_config(conf, tmp_path / "pythonw.exe")
    assert conf.read_text(encoding="utf-8").splitlines() == [
        f'"INTERPRETER_WIN","{tmp_path / "pythonw.exe"}"', '"PYTHONPATH","D:\\lib"']


def test_remove(tmp_path):
    folder = tmp_path / "XLSTART"
    build_addin(folder / install.ADDIN_NAME)
    assert install.remove(folder) == folder / install.ADDIN_NAME
    assert install.installed_path(folder) is None
    assert install.remove(folder) is None


def test_addin_info_of_a_foreign_file(tmp_path):
    foreign = tmp_path / "other.xlam"
    foreign.write_bytes(b"not a zip")
    info = install.addin_info(foreign)
    assert (info.perfxl_version, info.xlwings_version) == (None, None)


@off_windows
@pytest.mark.parametrize("sub", ["install", "remove"])
def test_install_and_remove_need_windows(sub):
    result = CliRunner().invoke(main, ["addin", sub])
    assert result.exit_code == 2
    assert "Windows 版 Excel" in result.output


@off_windows
def test_status_explains_off_windows():
    result = CliRunner().invoke(main, ["addin", "status"])
    assert result.exit_code == 0
    assert "Windows 版 Excel" in result.output


def test_cli_build(tmp_path, addin_path):
    result = CliRunner().invoke(main, ["addin", "build", "-o", str(tmp_path / "p.xlam")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "p.xlam").read_bytes() == addin_path.read_bytes()


def test_cli_build_into_an_unwritable_place(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["addin", "build", "-o", str(blocker / "p.xlam")])
    assert result.exit_code == 2
    assert "无法写入" in result.output
