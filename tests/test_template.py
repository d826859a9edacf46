"""The standard workbook built from the layout description."""
from __future__ import annotations

import re

import openpyxl
import pytest
from click.testing import CliRunner

from perfxl import TEMPLATE_VERSION
from perfxl import layout as L
from perfxl.cli import main
from perfxl.layout import LAYOUT

FUNC = re.compile(r"([A-Z][A-Z0-9.]*)\(")


@pytest.fixture(scope="module")
def wb(template_path):
    return openpyxl.load_workbook(template_path)


def test_every_field_has_its_defined_name(wb):
    for key, (_s, _b, f) in LAYOUT.fields.items():
        sheet, cell = LAYOUT.field_cell(key)
        assert wb.defined_names[f.name].attr_text == f"'{sheet}'!${cell[0]}${cell[1:]}"


def test_every_table_is_an_excel_table_with_layout_headers(wb):
    for key, (sheet, table) in LAYOUT.tables.items():
        ws = wb[sheet.name]
        assert ws.tables[table.name].ref == LAYOUT.table_ref(key)
        hdr = LAYOUT.header_row(key)
        assert [ws.cell(hdr, j + 1).value for j in range(len(table.columns))] == \
            [c.header for c in table.columns]


def test_formula_cells_hold_the_layout_formulas_from_the_allowed_set(wb):
    assert len(LAYOUT.formula_cells) > 250
    for (sheet, cell), formula in LAYOUT.formula_cells.items():
        assert wb[sheet][cell].value == formula
        assert set(FUNC.findall(formula)) <= L.ALLOWED_FUNCTIONS, formula
        assert "LET(" not in formula and "XLOOKUP" not in formula


def test_input_cells_unlocked_formula_cells_locked_sheets_protected(wb):
    for (sheet, cell) in LAYOUT.formula_cells:
        assert wb[sheet][cell].protection.locked
    for key, (_s, _b, f) in LAYOUT.fields.items():
        sheet, cell = LAYOUT.field_cell(key)
        if f.role in (L.INPUT, L.STATED):
            assert not wb[sheet][cell].protection.locked, key
    for sheet in L.INPUT_SHEETS:
        assert wb[sheet.name].protection.sheet
        assert wb[sheet.name].protection.password is None


def test_choice_fields_have_list_validation(wb):
    sheet, cell = LAYOUT.field_cell("amount_unit")
    rules = [dv for dv in wb[sheet].data_validations.dataValidation if cell in dv.sqref]
    assert rules and rules[0].formula1 == '"元,万元"'
    sheet, cell = LAYOUT.field_cell("framework")
    rules = [dv for dv in wb[sheet].data_validations.dataValidation if cell in dv.sqref]
    assert rules[0].formula1.startswith("'下拉列表'!")  # 「id 名称」: see below


def test_print_setup_freeze_and_version(wb):
    from perfxl.template.builder import LISTS_SHEET

    for ws in (wb[s.name] for s in L.SHEETS):
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.freeze_panes == "A3"
    sheet, cell = LAYOUT.field_cell("template_version")
    assert wb[sheet][cell].value == f"perfxl-{TEMPLATE_VERSION}"
    # the layout's sheets, then the hidden one of the long dropdown lists (never printed)
    assert [ws.title for ws in wb.worksheets] == [s.name for s in L.SHEETS] + [LISTS_SHEET]


def test_cjk_columns_are_wide_enough(wb):
    """A header wraps over two lines at most, in a row two lines tall (narrower columns: a wide
    table prints at a readable scale)."""
    from perfxl.template.styles import HEADER_LINES, display_width

    ws = wb["部门自评表"]
    hdr = LAYOUT.header_row("dept_indicators")
    assert ws.row_dimensions[hdr].height >= 13 * HEADER_LINES  # 「得分（计算）」 wraps
    for j, col in enumerate(LAYOUT.table("dept_indicators").columns, start=1):
        width = ws.column_dimensions[L.get_column_letter(j)].width
        assert width >= min(display_width(col.header) / HEADER_LINES, 40), col.header
        assert ws.cell(hdr, j).alignment.wrap_text


def test_cli_new_writes_and_refuses_to_overwrite(tmp_path):
    out = tmp_path / "新 模板.xlsx"
    r = CliRunner().invoke(main, ["new", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.exists()
    before = out.read_bytes()
    r = CliRunner().invoke(main, ["new", "-o", str(out)])
    assert r.exit_code == 2 and "已存在" in r.output
    assert out.read_bytes() == before


def test_cli_new_unknown_framework_exit_2(tmp_path):
    out = tmp_path / "x.xlsx"
    r = CliRunner().invoke(main, ["new", "--framework", "nope", "-o", str(out)])
    assert r.exit_code == 2 and "取值无效" in r.output and "hunan_dept" in r.output
    assert not out.exists()


def test_committed_template_is_current(tmp_path):
    """workbook/perfxl-standard.xlsx is what `perfxl new` builds today (same cells)."""
    from perfxl.template.builder import write_template
    from tests.conftest import ROOT

    committed = openpyxl.load_workbook(ROOT / "workbook" / "perfxl-standard.xlsx")
    fresh = openpyxl.load_workbook(write_template(tmp_path / "t.xlsx"))
    for ws in fresh.worksheets:
        old = committed[ws.title]
        for row in ws.iter_rows():
            for c in row:
                assert old[c.coordinate].value == c.value, (ws.title, c.coordinate)


def test_the_framework_dropdown_names_each_framework_in_chinese(wb, tmp_path):
    """基本信息!B13 listed the ids alone (hunan_dept…): its entries are 「id 名称」, kept on a
    hidden sheet (324 characters, over the 255 an inline list holds); the reader takes each."""
    from perfxl.frameworks import available, load, resolve_id
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.template.builder import LISTS_SHEET, build_workbook

    sheet, cell = LAYOUT.field_cell("framework")
    (dv,) = [d for d in wb[sheet].data_validations.dataValidation if cell in str(d.sqref)]
    assert dv.formula1 == f"'{LISTS_SHEET}'!$A$1:$A${len(available())}"
    entries = [wb[LISTS_SHEET].cell(i, 1).value for i in range(1, len(available()) + 1)]
    assert entries[-1] == f"hunan_dept {load('hunan_dept').name}"  # 湖南省部门整体支出绩效自评表
    assert [resolve_id(e) for e in entries] == available()
    assert wb[LISTS_SHEET].sheet_state == "hidden" and wb.sheetnames[-1] == LISTS_SHEET
    book = build_workbook()
    book[sheet][cell] = entries[4]  # hubei_project_2020 项目支出绩效自评（湖北式 2020…）
    book.save(tmp_path / "picked.xlsx")
    assert read_workbook(tmp_path / "picked.xlsx").framework_id == entries[4]
    assert resolve_id(entries[4]) == "hubei_project_2020"
