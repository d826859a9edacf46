"""A finding accepted inside the workbook (issue 22): a 说明 cell holding 「确认 PXnnn：理由」.

PX106 (example 004: 行政 54 + 事业 25 + 工勤 2 = 81, 编制数 56) tells the user to write it in the
人员编制 说明 column: without the note it fires; with it, ``check`` lists it as 已接受 with the
reason (text, JSON, SARIF suppression), the report's appendix lists it, and a note without a
reason, or naming another cell, accepts nothing."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from perfxl.checks import check_model
from perfxl.checks.acceptance import confirmations, split_confirmed, without_confirmations
from perfxl.cli import main
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.io.writing.xlsx_fill import write_model
from tests.conftest import example_file

REASON = "基础数据表的编制数只含机关本级"


@pytest.fixture(scope="module")
def model004():
    return read_workbook(example_file("004"))


def _with_note(model, text: str, row: int = 0, table: str = "staffing", column: str = "note"):
    import copy

    m = copy.deepcopy(model)
    m.rows(table)[row].values[column] = text
    return m


def _rules(findings) -> set[str]:
    return {f.rule for f in findings}


def test_px106_fires_without_the_note(model004):
    kept, accepted = split_confirmed(model004, check_model(model004))
    assert "PX106" in _rules(kept) and accepted == []


@pytest.mark.parametrize("note", [
    f"确认 PX106：{REASON}",
    f"已确认PX106:{REASON}",
    f"确认 PX106 B12：{REASON}",
    f"确认 PX106 人员编制!B12：{REASON}",
    f"行政编制含下属单位\n确认 PX106：{REASON}。",
])
def test_the_note_accepts_it_with_its_reason(model004, note):
    m = _with_note(model004, note)
    kept, accepted = split_confirmed(m, check_model(m))
    assert "PX106" not in _rules(kept)
    assert [(f.rule, f.sheet, f.cell, why) for f, why in accepted] == [
        ("PX106", "人员编制", "B12", REASON)]


@pytest.mark.parametrize("note", [
    "确认 PX106",                      # no reason: never cleared without one
    "确认 PX106：",
    f"确认 PX106 B13：{REASON}",        # another cell
    f"确认 PX106 部门自评表!B12：{REASON}",  # another sheet
    f"确认 PX105：{REASON}",            # another rule
    f"口径不同，{REASON}",              # a note that is no confirmation
])
def test_a_note_without_reason_or_elsewhere_accepts_nothing(model004, note):
    m = _with_note(model004, note)
    kept, accepted = split_confirmed(m, check_model(m))
    assert "PX106" in _rules(kept) and accepted == []


def test_other_notes_accept_across_sheets_only_what_they_name(model004):
    import copy

    m = copy.deepcopy(model004)
    m.values["other_notes"] = f"其他说明一段。\n确认 PX106 人员编制!B12：{REASON}"
    assert [(c.rule, c.sheet, c.cell) for c in confirmations(m)] == [("PX106", "人员编制", "B12")]
    kept, accepted = split_confirmed(m, check_model(m))
    assert [f.rule for f, _ in accepted] == ["PX106"]
    # the report prints 其他说明 without the line addressed to the checks
    assert without_confirmations(m.values["other_notes"]) == "其他说明一段。"


def test_an_error_is_accepted_only_with_a_reason():
    """An error-level finding (PX201, a stated 执行率 that disagrees) is accepted like any
    other — only with a reason, and then listed."""
    from perfxl.model import Model

    m = Model(values={"budget_full": 4128.02, "executed": 3995.49, "execution_rate_stated": 0.96})
    (f,) = [f for f in check_model(m) if f.rule == "PX201"]
    assert f.level == "error"
    m.values["other_notes"] = "确认 PX201"
    assert split_confirmed(m, [f]) == ([f], [])
    m.values["other_notes"] = "确认 PX201：执行率按财政批复口径填报"
    assert split_confirmed(m, [f]) == ([], [(f, "执行率按财政批复口径填报")])


@pytest.fixture(scope="module")
def books(model004, tmp_path_factory):
    d = tmp_path_factory.mktemp("accept")
    plain = write_model(model004, d / "无说明.xlsx", engine="perfxl")
    noted = write_model(_with_note(model004, f"确认 PX106：{REASON}"), d / "有说明.xlsx",
                        engine="perfxl")
    return plain, noted


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_check_lists_it_as_accepted(books):
    plain, noted = books
    before = json.loads(run("check", plain, "--format", "json", "--isolated").stdout)["files"][0]
    assert "PX106" in {f["rule"] for f in before["findings"]} and "accepted" not in before
    res = run("check", noted, "--format", "json", "--isolated")
    after = json.loads(res.stdout)["files"][0]
    assert "PX106" not in {f["rule"] for f in after["findings"]}
    assert [(a["rule"], a["cell"], a["reason"]) for a in after["accepted"]] == [
        ("PX106", "B12", REASON)]
    assert after["summary"]["warnings"] == before["summary"]["warnings"] - 1
    assert "已接受" in res.stderr and REASON in res.stderr
    text = run("check", noted, "--isolated").stdout
    assert "已接受（不计入问题数）：1 条" in text and REASON in text
    sarif = json.loads(run("check", noted, "--format", "sarif", "--isolated").stdout)
    (sup,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "PX106"]
    assert sup["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                    "justification": REASON}]


def test_the_report_appendix_lists_it(books, tmp_path):
    from docx import Document

    plain, noted = books
    out = tmp_path / "报告.docx"
    assert run("report", plain, "-o", out, "--appendix").exit_code == 0
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "PX106" not in text  # a warning: the appendix lists errors, and what was accepted
    assert run("report", noted, "-o", out, "--appendix", "--force").exit_code == 0
    text = "\n".join(p.text for p in Document(out).paragraphs)
    line = next(ln for ln in text.splitlines() if "PX106" in ln)
    assert line.startswith("【提示】") and f"已接受：{REASON}" in line


def test_the_report_leaves_confirmation_lines_out_of_other_notes(model004, tmp_path):
    import copy

    from docx import Document

    m = copy.deepcopy(model004)
    m.values["other_notes"] = f"本年度无其他需要说明的事项。\n确认 PX106 人员编制!B12：{REASON}"
    book = write_model(m, tmp_path / "其他说明.xlsx", engine="perfxl")
    out = tmp_path / "报告.docx"
    assert run("report", book, "-o", out).exit_code == 0
    text = "\n".join(p.text for p in Document(out).paragraphs)
    assert "本年度无其他需要说明的事项。" in text
    assert "确认 PX106" not in text and REASON not in text


def test_the_note_columns_are_the_layouts_说明_columns():
    from perfxl.checks.acceptance import NOTE_COLUMNS

    assert NOTE_COLUMNS == (("staffing", "note"), ("system_indicators", "explanation"),
                            ("bonus", "explanation"))
