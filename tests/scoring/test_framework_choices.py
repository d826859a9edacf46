"""The frameworks a message offers name each with its Chinese name, not only the internal id:
an accountant choosing 评价框架 recognises 「湖南省部门整体支出绩效自评表」, not 「hunan_dept」."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from perfxl.cli import main
from perfxl.errors import FrameworkError
from perfxl.frameworks import available, choices_text, load


def test_choices_text_pairs_each_id_with_its_name():
    text = choices_text()
    assert "hunan_dept（湖南省部门整体支出绩效自评表）" in text
    assert text.count("、") == len(available()) - 1


def test_unknown_framework_lists_the_names():
    with pytest.raises(FrameworkError) as exc:
        load("beijing_2030")
    assert "guangdong_dept_100（广东省部门整体支出绩效自评" in str(exc.value)


def test_score_of_a_workbook_without_framework_lists_the_names(tmp_path):
    blank = tmp_path / "空白.xlsx"
    assert CliRunner().invoke(main, ["new", "-o", str(blank)]).exit_code == 0
    run = CliRunner().invoke(main, ["score", str(blank)])
    assert run.exit_code == 2
    assert "工作簿未填写「评价框架」" in run.output
    assert "hunan_dept（湖南省部门整体支出绩效自评表）" in run.output
