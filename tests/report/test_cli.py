"""perfxl report: a thin adapter; PerfxlError -> Chinese message on stderr, exit 2."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from perfxl.cli import main
from perfxl.cli.report import default_output
from perfxl.errors import WorkbookFormatError
from tests.report.fixtures import hunan_model


@pytest.fixture
def fake_reader(monkeypatch):
    import perfxl.io.reading.xlsx_reader as reader

    def read_workbook(path):
        if "坏" in str(path):
            raise WorkbookFormatError("不是 perfxl 标准工作簿", file=str(path))
        return hunan_model()

    monkeypatch.setattr(reader, "read_workbook", read_workbook)


def test_report_writes_docx(tmp_path, fake_reader):
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(main, ["report", str(tmp_path / "x.xlsx"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    assert out.is_file()


def test_report_project(tmp_path, fake_reader):
    result = CliRunner().invoke(main, ["report", str(tmp_path / "x.xlsx"), "--project",
                                       "招商引资资金"])
    assert result.exit_code == 0, result.output
    assert Path(result.stdout.strip()).name == "x-招商引资资金-项目自评报告.docx"


@pytest.mark.parametrize("args, message", [
    (["坏.xlsx"], "不是 perfxl 标准工作簿"),
    (["x.xlsx", "--outline", "project"], "请用 --project 指定项目"),
    (["x.xlsx", "--project", "无此项目"], "没有项目「无此项目」"),
    (["x.xlsx", "-o", "out.pdf"], "报告文件应为 .docx"),
])
def test_errors_exit_2_with_chinese_message(tmp_path, fake_reader, args, message):
    args = [str(tmp_path / a) if a.endswith((".xlsx", ".pdf")) else a for a in args]
    result = CliRunner().invoke(main, ["report", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_outline_is_a_usage_error(tmp_path, fake_reader):
    result = CliRunner().invoke(main, ["report", str(tmp_path / "x.xlsx"), "--outline", "x"])
    assert result.exit_code == 2


def test_default_output():
    f = Path("/d/单位.xlsx")
    assert default_output(f, None, None) == Path("/d/单位-自评报告.docx")
    assert default_output(f, "project", "甲") == Path("/d/单位-甲-项目自评报告.docx")


@pytest.mark.parametrize("out, message", [
    ("a-file/out.docx", "无法写入报告文件"),   # the folder is a file
    (".", "是一个文件夹"),
])
def test_output_path_problems(tmp_path, fake_reader, out, message):
    (tmp_path / "a-file").write_text("x")
    result = CliRunner().invoke(main, ["report", str(tmp_path / "x.xlsx"), "-o",
                                       str(tmp_path / out)])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_folder_as_input_is_answered_in_chinese(tmp_path):
    result = CliRunner().invoke(main, ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert "文件夹" in result.stderr
