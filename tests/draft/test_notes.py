"""Notes (issue 20): an ambiguity the draft leaves is at most a note, hidden unless asked for."""
from __future__ import annotations

from click.testing import CliRunner

from perfxl.cli import main
from perfxl.draft import check_draft

TEXT = ("2024年度自评报告\n2024年办公设备购置费决算 18.40 万元。\n"
        "2024年办公设备购置费 16.90 万元，主要用于更换电脑。\n")


def test_note_hidden_by_default_and_never_an_error(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text(TEXT, encoding="utf-8")
    assert [f.rule for f in check_draft(p)] == []
    notes = check_draft(p, notes=True)
    assert [(f.rule, f.line, f.level) for f in notes] == [("PX630", 3, "info")]
    assert "16.90 万元" in notes[0].message and "18.40 万元" in notes[0].message


def test_show_notes_flag(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text(TEXT, encoding="utf-8")
    quiet = CliRunner().invoke(main, ["check", str(p)])
    shown = CliRunner().invoke(main, ["check", str(p), "--show-notes", "--format", "json"])
    assert quiet.exit_code == 0 and "PX630" not in quiet.output
    assert shown.exit_code == 0 and "PX630" in shown.output
