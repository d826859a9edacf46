"""How the standard workbook prints (issue 22): as the paper forms do — A4 fit to width (not
to one page), landscape where the form is wide, the main table's header repeated on every page,
only the filled rows (the blank template: its first rows), wrapped texts in rows tall enough,
and the output sheets (校验结果, 评分, 报告) fit to width with their header rows repeated."""
from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from perfxl import layout as L
from perfxl.layout import LAYOUT
from perfxl.model import Model
from perfxl.io.writing.xlsx_fill import model_to_workbook
from perfxl.outputs import findings_sheet, report_sheet
from perfxl.template.builder import build_workbook
from perfxl.template.printing import BLANK_ROWS, print_ranges
from perfxl.template.styles import display_width


@pytest.fixture(scope="module")
def blank():
    return build_workbook()


def _areas(ws) -> list[str]:
    return [r.split("!")[-1].replace("$", "") for r in str(ws.print_area).split(",")]


def test_every_sheet_fits_to_width_not_to_one_page(blank):
    for ws in blank.worksheets:
        ps = ws.page_setup
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        wide = 2 if ws.title == "项目自评表" else 1
        assert (int(ps.fitToWidth), int(ps.fitToHeight)) == (wide, 0), ws.title
        assert int(ps.paperSize) == int(ws.PAPERSIZE_A4)


def _width(ws) -> float:
    return sum(d.width for d in ws.column_dimensions.values() if d.width)


@pytest.mark.parametrize("sheet", [s.name for s in L.INPUT_SHEETS])
def test_every_form_prints_at_a_readable_scale(blank, sheet):
    """Each printed page at 70 % or more (10-point text at 7 points or more), as LibreOffice
    prints it (printing.POINTS_PER_UNIT: measured 264 units at 42 %, 200 at 56 % on landscape
    A4 before issue 22; 部门自评表 200 units, 指标体系 222, 项目自评表 264 printed at 56 %,
    50 %, 42 % one page wide)."""
    from perfxl.template.printing import MIN_SCALE, scale

    ws = blank[sheet]
    pages = int(ws.page_setup.fitToWidth)
    first = ws.column_dimensions["A"].width if pages > 1 else 0
    assert scale(_width(ws), ws.page_setup.orientation, pages, first) >= MIN_SCALE, sheet


def test_the_project_form_prints_two_pages_wide_with_its_project_column(blank):
    """项目自评表: its project, funds and indicator tables share 18 columns, too wide for one
    page at 70 %: left half then right half of the same rows, 项目名称 (column A) on both."""
    ws = blank["项目自评表"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_cols == "$A:$A"
    assert ws.page_setup.pageOrder == "overThenDown"
    assert ws.print_title_rows == f"${LAYOUT.header_row('project_indicators')}:" \
                                  f"${LAYOUT.header_row('project_indicators')}"
    for other in ("部门自评表", "指标体系"):  # one page wide, no repeated column
        assert blank[other].print_title_cols is None


def test_field_labels_wrap_in_the_tables_columns(blank):
    """部门自评表: its fields share the indicator table's columns; they do not widen them (the
    labels wrap, an amount gets the room it needs) and a long text spreads over the printed
    width (a merged cell), so the form stays one page wide."""
    ws = blank["部门自评表"]
    # 一级指标 8; the labels wrap in 13.5 (in 10, 「执行率（计算」 over a lone 「）」)
    assert ws.column_dimensions["A"].width == 13.5
    assert ws.column_dimensions["B"].width == 14  # 二级指标 10; a 12-digit amount needs 14
    sheet, cell = LAYOUT.field_cell("goal_actual")
    row = int(cell[1:])
    assert f"B{row}:Q{row}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws[LAYOUT.field_cell("budget_initial")[1]].value is None  # a value cell, not merged
    # a sheet of fields without notes prints its labels and values only (A:B)
    assert _areas(blank["部门概况"]) == ["A1:B8"]


@pytest.mark.parametrize("sheet", [s.name for s in LAYOUT.sheets if not s.output])
def test_no_label_wraps_a_closing_bracket_alone(blank, sheet):
    """Column A labels beside a table wrap as LibreOffice prints them (about 1.35 units a
    Chinese character; ``printing._LO_CJK``) without a line of 「）」 alone: 部门自评表 printed
    「执行率（计算」 over 「）」 in 10 units, 人员编制 「编制数（分类合计」 over 「）」 in 12."""
    from perfxl.template.printing import _LO_CJK, _LO_PAD, wrapped

    width = blank[sheet].column_dimensions["A"].width
    blocks = next(s for s in LAYOUT.sheets if s.name == sheet).blocks
    labels = [f.label for b in blocks if isinstance(b, L.FieldBlock) for f in b.fields]
    for k in _LO_CJK:
        for label in labels:
            lines = wrapped(label, (width - _LO_PAD) * 2 / k)
            assert "）" not in lines[1:], (label, lines)


@pytest.mark.parametrize("sheet", [s.name for s in LAYOUT.sheets if not s.output])
def test_no_table_header_wraps_a_closing_bracket_alone(blank, sheet):
    """Table headers wrap over two lines as LibreOffice prints them without a last line of
    「）」 alone: 部门自评表 printed 「指标值（数值」, 「实际值（数值」, 「得分（填报」 and 「得分（计算」
    over 「）」 in 9 and 8 units, 项目自评表 its 执行率 and 指标 headers the same way."""
    from perfxl.template.printing import _LO_CJK, _LO_PAD, lone_closer

    ws = blank[sheet]
    tables = [b for s in LAYOUT.sheets if s.name == sheet for b in s.blocks
              if isinstance(b, L.Table)]
    for table in tables:
        for j, col in enumerate(table.columns, start=1):
            width = ws.column_dimensions[L.get_column_letter(j)].width
            assert not any(lone_closer(col.header, (width - _LO_PAD) * 2 / k) for k in _LO_CJK), \
                (table.key, col.header, width)


def test_header_width_prefers_narrower():
    from perfxl.template.printing import header_width

    assert header_width(["得分（计算）"], 8, 7) == 7  # 「得分（计」 over 「算）」
    assert header_width(["指标值（数值）"], 9, 7) == 8.5
    assert header_width(["本年决算数（另处填报）"], 14, 14) == 16.5  # an amount: wider only
    assert header_width(["分值"], 6, 6) == 6  # nothing to mend


def test_wrapped_lines_keep_words_whole():
    from perfxl.template.printing import lone_closer, wrapped

    assert wrapped("执行率（计算）", 10.7) == ["执行率（计", "算）"]
    assert wrapped("编制数（分类合计）", 16.6) == ["编制数（分类合计", "）"]
    assert lone_closer("编制数（分类合计）", 16.6) and not lone_closer("编制数（分类合计）", 18)
    assert wrapped("共 2119.41 亿元", 8) == ["共 ", "2119.41 ", "亿元"]


@pytest.mark.parametrize("sheet, orientation", [
    ("部门自评表", "landscape"), ("指标体系", "landscape"), ("项目自评表", "landscape"),
    ("支出", "landscape"), ("基本信息", "portrait"), ("部门概况", "portrait"),
    ("经费控制", "portrait"), ("自评结论", "portrait")])
def test_wide_forms_print_landscape(blank, sheet, orientation):
    assert blank[sheet].page_setup.orientation == orientation


@pytest.mark.parametrize("sheet, table", [
    ("部门自评表", "dept_indicators"), ("指标体系", "system_indicators"),
    ("项目自评表", "project_indicators"), ("支出", "exp_function")])
def test_the_main_tables_header_repeats(blank, sheet, table):
    row = LAYOUT.header_row(table)
    assert blank[sheet].print_title_rows == f"${row}:${row}"
    assert blank["基本信息"].print_title_rows == "$1:$2"


def test_blank_template_prints_its_first_rows(blank):
    # 部门自评表: the fields block and the indicators' header with BLANK_ROWS rows, then 总分
    first = LAYOUT.header_row("dept_indicators") + BLANK_ROWS
    totals = LAYOUT.places["dept_totals"]
    last = totals.first_row + 4  # the five 总分 fields
    assert _areas(blank["部门自评表"]) == [f"A1:Q{first}", f"A{totals.title_row}:Q{last}"]
    # not the ~50 empty rows of the indicator table: the print area ends well before them
    assert first < LAYOUT.first_data_row("dept_indicators") + 40


def test_a_filled_book_prints_its_filled_rows():
    m = Model()
    m.values.update(department_name="示例局", amount_unit="万元")
    from perfxl.model import Row
    m.tables["dept_indicators"] = [Row("dept_indicators", i, {"level1": "产出指标",
                                                              "level3": f"指标{i}"})
                                   for i in range(11)]
    m.tables["projects"] = [Row("projects", 0, {"project": "甲"})]
    wb = model_to_workbook(m)
    hdr = LAYOUT.header_row("dept_indicators")
    assert _areas(wb["部门自评表"])[0] == f"A1:Q{hdr + 11}"
    # 项目自评表: the one project; its empty funds and indicators tables are left out
    assert _areas(wb["项目自评表"]) == [f"A1:R{LAYOUT.first_data_row('projects')}"]


def test_print_ranges_merge_blocks_one_blank_row_apart():
    sheet = next(s for s in L.SHEETS if s.name == "支出")
    assert print_ranges(sheet, {"exp_nature": 2, "exp_basic": 4, "exp_function": 5}) == [
        (1, LAYOUT.header_row("exp_function") + 5)]


def test_long_texts_wrap_in_rows_tall_enough():
    m = Model()
    text = "本部门" * 60  # 180 characters: many lines in column B
    m.values.update(department_name="示例局", duties=text)
    wb = model_to_workbook(m)
    sheet, cell = LAYOUT.field_cell("duties")
    ws = wb[sheet]
    row = int(cell[1:])
    width = ws.column_dimensions["B"].width
    lines = display_width(text) / (width - 1)
    assert ws[cell].alignment.wrap_text
    assert ws.row_dimensions[row].height >= 13 * lines


def test_field_notes_wrap(blank):
    sheet, cell = LAYOUT.field_cell("template_version")
    note = blank[sheet][f"C{cell[1:]}"]
    assert note.value and note.alignment.wrap_text


def test_output_sheets_fit_to_width_with_titles(tmp_path):
    """Both writers: openpyxl (write_sheet) and the package writer."""
    from perfxl.io.writing.package_writer import write_package
    from perfxl.io.writing.xlsx_writer import write_sheet
    from perfxl.template.builder import save_atomic

    src = save_atomic(build_workbook(), tmp_path / "a.xlsx")
    sheets = [findings_sheet([]), report_sheet([(0, "标题"), (4, "正文" * 60)])]
    wb = openpyxl.load_workbook(src)
    for out in sheets:
        write_sheet(wb, out)
    data = write_package(src.read_bytes(), sheets, {})
    assert data is not None
    wb2 = openpyxl.load_workbook(io.BytesIO(data))
    for book in (wb, wb2):
        for out in sheets:
            ws = book[out.name]
            assert ws.sheet_properties.pageSetUpPr.fitToPage
            assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)
            # 校验结果 145 units wide: landscape; 报告 102: portrait, as the report
            assert ws.page_setup.orientation == ("portrait" if out.name == "报告" else "landscape")
            assert ws.print_title_rows == "$1:$2"
        long = book["报告"]["B4"]
        assert long.value == "正文" * 60
        assert book["报告"].row_dimensions[4].height >= 13 * 2
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


def test_rows_typed_beyond_the_blank_templates_print_area_are_reported(tmp_path):
    """The blank template prints the first rows of each table; rows typed in Excel beyond them
    would be missing on paper: PX011 says which (and stays quiet on the examples, whose print
    areas perfxl set to their filled rows)."""
    from perfxl.checks import check_model
    from perfxl.examples import example
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.template.builder import save_atomic

    wb = build_workbook("hunan_dept")
    ws = wb["部门自评表"]
    first = LAYOUT.first_data_row("dept_indicators")
    col = LAYOUT.column_letter("dept_indicators", "level3")
    for i in range(5):  # as a user types them, the print area untouched
        ws[f"{col}{first + i}"] = f"指标{i + 1}"
    path = save_atomic(wb, tmp_path / "填写.xlsx")
    model = read_workbook(path)
    assert model.source.print_areas["部门自评表"][0] == (1, first + BLANK_ROWS - 1)
    hits = [f for f in check_model(model) if f.rule == "PX011"]
    assert [(f.sheet, f.cell) for f in hits] == [("部门自评表", f"A{first + BLANK_ROWS}")]
    assert f"第 {first + 3}–{first + 4} 行" in hits[0].message
    book = read_workbook(example("004").output_path())
    assert not [f for f in check_model(book) if f.rule == "PX011"]


def test_row_heights_leave_no_wrapped_text_clipped():
    """Seed 004's 三级指标 「1. 引资项目优质化；2. 外资水平不断提高；3. 商贸流通“千百工程”」 in
    a 15-unit column: LibreOffice wraps it over 5 lines (an ASCII run such as "2." moves down
    whole, “ ” print full width); the row was made 4 lines tall and the last quote was clipped."""
    from perfxl.template.printing import LINE_HEIGHT, row_height

    text = "1. 引资项目优质化；2. 外资水平不断提高；3. 商贸流通“千百工程”"
    assert row_height([(text, 15)]) >= LINE_HEIGHT * 5
    assert display_width("“千”") == 6  # the quotes are as wide as a Chinese character
    assert row_height([("完成", 15)]) is None  # one line: the row keeps its height
    assert row_height([("甲乙丙丁戊己庚", 15)]) is None  # 14 units of text in 15: one line…
    assert row_height([("甲乙丙丁戊己庚辛", 15)]) == LINE_HEIGHT * 2 + 3  # …16 units: two
    assert row_height([("甲乙丙丁戊己 12345", 15)]) == LINE_HEIGHT * 2 + 3  # the number moves down
