"""Reading the standard workbook: round trip, aliases, and every bad input of issue 2."""
from __future__ import annotations

import functools
import shutil
import zipfile

import openpyxl
import pytest

from perfxl.errors import WorkbookFormatError
from perfxl.io.writing.xlsx_fill import model_to_workbook, write_model
from perfxl.io.reading.xlsx_reader import read_workbook
from perfxl.layout import LAYOUT
from perfxl.model import Model


@pytest.fixture(params=["openpyxl", "calamine"])
def read(request):
    """Both engines must give the same model (style.md: the same tests against every engine)."""
    return functools.partial(read_workbook, engine=request.param)


def small_model() -> Model:
    m = Model()
    m.values.update(department_name="岳阳市商务局", year=2023, amount_unit="万元",
                    framework="hunan_dept", budget_initial=2161.19, budget_full=4128.02,
                    executed=3995.49, execution_weight=10, execution_rate_stated=0.96,
                    execution_score_stated=9.6, authorized_total=56, in_service_total=53)
    m.add_row("income", {"source": "一般公共预算财政拨款", "budget_full": 3667.49}, index=0)
    m.add_row("income", {"source": "其他收入", "budget_full": 381.12}, index=5)
    m.add_row("dept_indicators", {"level1": "产出指标", "level3": "新设外资企业", "nature": "定量",
                                  "direction": "≥", "target_text": "≥20", "target": 20,
                                  "actual_text": "24", "actual": 24, "weight": 10,
                                  "score_stated": 10})
    return m


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    path = tmp_path_factory.mktemp("filled") / "filled.xlsx"
    return write_model(small_model(), path, cached_values=False)


def copy_with(tmp_path, src, edit, name="edited.xlsx"):
    wb = openpyxl.load_workbook(src)
    edit(wb)
    out = tmp_path / name
    wb.save(out)
    return out


def test_round_trip_values_and_rows(read, filled):
    m = read(filled)
    want = small_model()
    assert m.values["budget_full"] == 4128.02
    assert m.values["execution_rate_stated"] == 0.96
    assert {k: m.values[k] for k in want.values} == want.values
    assert [(r.index, r.values) for r in m.rows("income")] == \
        [(r.index, r.values) for r in want.rows("income")]
    assert m.rows("dept_indicators")[0].target == 20.0


def test_formula_cells_are_recorded_and_never_read_as_empty(read, filled):
    m = read(filled)
    assert set(m.source.formulas) == set(LAYOUT.formula_cells)
    assert all(v is not None for v in m.source.formulas.values())
    # openpyxl saved it: no cached values; the formulas engine fills them on first need
    assert not m.source.has_cached_values
    sheet, cell = LAYOUT.field_cell("execution_rate")
    assert m.source.value_of(sheet, cell) == pytest.approx(3995.49 / 4128.02)


def test_cached_values_are_read_when_present(read, tmp_path):
    # the cached values written by perfxl's twins: which program computed them is not the question
    # here (tests/scoring/test_formula_agreement.py compares the twins with the formulas engine)
    path = write_model(small_model(), tmp_path / "cached.xlsx", cached_values=True, engine="perfxl")
    m = read(path)
    sheet, cell = LAYOUT.field_cell("execution_score")
    assert m.source.cached[(sheet, cell)] == pytest.approx(9.68)
    assert m.source.recomputed == {}


def test_typed_over_formula_is_recorded(read, tmp_path, filled):
    sheet, cell = LAYOUT.field_cell("execution_rate")
    path = copy_with(tmp_path, filled, lambda wb: wb[sheet].__setitem__(cell, 0.96))
    m = read(path)
    assert m.source.formulas[(sheet, cell)] is None
    assert m.source.typed_over[(sheet, cell)] == 0.96


def test_header_alias_is_accepted(read, tmp_path, filled):
    sheet = LAYOUT.table_sheet("income")
    hdr = LAYOUT.header_row("income")
    col = LAYOUT.column_letter("income", "budget_initial")

    def edit(wb):
        wb[sheet][f"{col}{hdr}"] = "年度预算数"
    m = read(copy_with(tmp_path, filled, edit))
    assert m.rows("income")[0].budget_full == 3667.49


def test_table_moved_down_is_found_by_name(read, tmp_path, filled):
    def edit(wb):
        ws = wb["收入"]
        t = ws.tables["T_income"]
        ws.move_range(t.ref, rows=2)
        a, b = t.ref.split(":")
        t.ref = f"{a[0]}{int(a[1:]) + 2}:{b[0]}{int(b[1:]) + 2}"
    m = read(copy_with(tmp_path, filled, edit))
    assert m.rows("income")[0].budget_full == 3667.49
    assert m.cell("income", 0, "budget_full")[1] == f"C{LAYOUT.first_data_row('income') + 2}"


@pytest.mark.parametrize("text, hint, reads", [
    ("96.79%", "0.9679", 0.9679), ("1,234.00", "1234", 1234.0),
    ("１２３", "123", None),  # the fix reads the full-width digits; LibreOffice's =B7/B6 does not
    ("约100", "请填写数字", None), ("—", "请填写数字", None),
])
def test_text_in_number_cell_names_sheet_cell_and_fix(read, tmp_path, filled, text, hint, reads):
    """Readable (issue 13): the reason, naming the fix, is kept for PX009, and the cell reads as
    the template's formulas read it (全年预算数 is used in =B7/B6: the number LibreOffice reads in
    the text, ``perfxl.numbers.formula_number``)."""
    sheet, cell = LAYOUT.field_cell("budget_full")
    path = copy_with(tmp_path, filled, lambda wb: wb[sheet].__setitem__(cell, text))
    m = read(path)
    assert hint in m.source.number_text[(sheet, cell)]
    assert m.values.get("budget_full") == (pytest.approx(reads) if reads is not None else None)


def test_several_bad_cells_are_all_listed(read, tmp_path, filled):
    def edit(wb):
        wb["部门自评表"]["B6"] = "3,995.49"
        wb["收入"]["C5"] = "３６６７.４９"
    m = read(copy_with(tmp_path, filled, edit))
    assert set(m.source.number_text) == {("部门自评表", "B6"), ("收入", "C5")}


def test_not_a_perfxl_workbook(read, tmp_path):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "部门名称"
    p = tmp_path / "plain.xlsx"
    wb.save(p)
    with pytest.raises(WorkbookFormatError, match="不是 perfxl 标准工作簿"):
        read(p)


def test_other_template_version(read, tmp_path, filled):
    sheet, cell = LAYOUT.field_cell("template_version")
    path = copy_with(tmp_path, filled, lambda wb: wb[sheet].__setitem__(cell, "perfxl-0"))
    with pytest.raises(WorkbookFormatError, match="模板版本") as e:
        read(path)
    assert e.value.cell == cell


def test_missing_sheet(read, tmp_path, filled):
    path = copy_with(tmp_path, filled, lambda wb: wb.remove(wb["经费控制"]))
    with pytest.raises(WorkbookFormatError, match="缺少工作表：经费控制"):
        read(path)


def test_missing_table(read, tmp_path, filled):
    path = copy_with(tmp_path, filled, lambda wb: wb["收入"].tables.pop("T_income"))
    with pytest.raises(WorkbookFormatError, match="缺少表格") as e:
        read(path)
    assert e.value.sheet == "收入"


def test_renamed_header(read, tmp_path, filled):
    hdr = LAYOUT.header_row("income")
    path = copy_with(tmp_path, filled, lambda wb: wb["收入"].__setitem__(f"C{hdr}", "金额"))
    with pytest.raises(WorkbookFormatError, match="表头应为“全年预算数”") as e:
        read(path)
    assert e.value.cell == f"C{hdr}"


def test_merged_cells_in_data_rows(read, tmp_path, filled):
    r = LAYOUT.first_data_row("income")
    path = copy_with(tmp_path, filled, lambda wb: wb["收入"].merge_cells(f"B{r}:C{r}"))
    with pytest.raises(WorkbookFormatError, match="合并单元格"):
        read(path)


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_text("部门名称,年度\n", encoding="utf-8"), "不是 Excel 工作簿"),
    (lambda p: p.write_bytes(b""), "文件为空"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "97-2003"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64
                             + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512), "密码"),
])
def test_not_an_xlsx(read, tmp_path, make, message):
    p = tmp_path / "bad.xlsx"
    make(p)
    with pytest.raises(WorkbookFormatError, match=message):
        read(p)


def test_truncated_zip(read, tmp_path, filled):
    p = tmp_path / "truncated.xlsx"
    data = filled.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(WorkbookFormatError, match="损坏"):
        read(p)


def test_ods_and_xlsb_are_named(read, tmp_path):
    ods = tmp_path / "a.xlsx"
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(WorkbookFormatError, match="ods"):
        read(ods)
    xlsb = tmp_path / "b.xlsx"
    with zipfile.ZipFile(xlsb, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\0")
    with pytest.raises(WorkbookFormatError, match="xlsb"):
        read(xlsb)


def test_reading_never_writes(read, filled, tmp_path):
    p = tmp_path / "ro.xlsx"
    shutil.copy(filled, p)
    before = p.read_bytes(), p.stat().st_mtime_ns
    read(p)
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before


def test_model_to_workbook_refuses_computed_fields():
    m = small_model()
    m.values["execution_rate"] = 0.5
    with pytest.raises(ValueError, match="computed"):
        model_to_workbook(m)


@pytest.mark.parametrize("value, fmt", [(-1e12, "yyyy-mm-dd"), (1e12, "[h]:mm:ss")])
def test_number_outside_the_date_range_reads_as_with_openpyxl(tmp_path, filled, value, fmt):
    """A number outside Excel's date range in a date-formatted cell (Excel shows ####): calamine
    raises OverflowError or panics in Rust (PanicException, a BaseException) on the sheet, so the
    calamine path must fall back on openpyxl and give the reference reading, not a traceback."""
    sheet, cell = LAYOUT.field_cell("budget_full")

    def edit(wb):
        wb[sheet][cell] = value
        wb[sheet][cell].number_format = fmt

    path = copy_with(tmp_path, filled, edit)

    def outcome(engine):
        try:
            return read_workbook(path, engine=engine).values.get("budget_full")
        except WorkbookFormatError as exc:
            return ("refused", str(exc))

    assert outcome("calamine") == outcome("openpyxl")
