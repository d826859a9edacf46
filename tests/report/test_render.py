"""render_report writes atomically; report_text gives the same text as the .docx."""
from __future__ import annotations

import pytest
from docx import Document

from perfxl.errors import UsageError
from perfxl.report import render_report, report_text
from perfxl.report.render import BODY, TABLE_ROW, TITLE, document_lines
from tests.report.fixtures import guangdong_model, hunan_model


def test_report_text_is_the_document_text(tmp_path):
    path = render_report(hunan_model(), tmp_path / "r.docx")
    assert report_text(hunan_model()) == document_lines(Document(str(path)))


def test_report_text_levels():
    lines = report_text(guangdong_model())
    assert lines[0] == (TITLE, "2022年度部门整体支出绩效自评报告")
    levels = {lv for lv, _t in lines}
    assert {TITLE, 1, 2, 3, BODY} <= levels
    rows = [t for lv, t in report_text(hunan_model()) if lv == TABLE_ROW]
    assert "年度资金总额\t2,161.19\t4,128.02\t3,995.49\t10\t96.79%\t9.68" in rows


def test_default_outline_from_framework():
    assert report_text(guangdong_model())[2][1] == "单位负责人：张三"   # guangdong cover
    assert report_text(hunan_model())[1][1].startswith("根据预算绩效管理有关规定")


def test_write_is_atomic(tmp_path):
    out = tmp_path / "sub" / "报告.docx"
    assert render_report(hunan_model(), out) == out
    assert out.is_file()
    assert [p.name for p in out.parent.iterdir()] == ["报告.docx"]  # no temporary left
    before = out.read_bytes()
    with pytest.raises(UsageError):
        render_report(hunan_model(), out, "project", "不存在的项目")
    assert out.read_bytes() == before                    # a failed run leaves it untouched
    assert [p.name for p in out.parent.iterdir()] == ["报告.docx"]


def test_findings_appendix(tmp_path):
    findings = [{"rule": "PX101", "level": "error", "sheet": "部门自评表", "cell": "B12",
                 "message": "执行率应为 96.79%（3995.49 ÷ 4128.02），表中填写 96.00%"}]
    lines = report_text(hunan_model(), findings=findings)
    text = [t for _lv, t in lines]
    assert "附：数据校验提示（请核对后删除本部分）" in text
    assert text[-1] == ("【错误】PX101 部门自评表!B12：执行率应为 96.79%（3995.49 ÷ 4128.02），"
                        "表中填写 96.00%")
    assert "附：数据校验提示（请核对后删除本部分）" not in [t for _lv, t in report_text(hunan_model())]


def test_each_project_report(tmp_path):
    for name in ("现代服务业资金", "招商引资资金"):
        title = report_text(hunan_model(), "project", name)[0]
        assert title == (TITLE, f"2023年度{name}项目支出绩效自评报告")
