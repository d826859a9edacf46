"""The 上年数据 button (``perfxl.api.prior_book``, ``perfxl.addin.prior_data``) on the real
xlwings API, headless (the remote engine, as test_handlers.py): last year's example 004 fills
the empty 上年 cells of a 2024 workbook, leaves the one the user typed, and says which."""
from __future__ import annotations

import pytest

import perfxl.addin
from perfxl import layout as L
from tests.conftest import example_file

xw = pytest.importorskip("xlwings")

from perfxl import api  # noqa: E402
from tests.addin.test_handlers import input_values, remote_book, replay, _load  # noqa: E402

P004, P000 = example_file("004"), example_file("000")
CAR = L.LAYOUT.table_cell("three_public", 2, "prior_final")     # 公务用车运行维护费
RECEPTION = L.LAYOUT.table_cell("three_public", 3, "prior_final")  # 公务接待费
SALARY = L.LAYOUT.table_cell("exp_basic", 0, "prior_final")      # 工资福利支出
TP_PRIOR = L.LAYOUT.field_cell("tp_prior_stated")


@pytest.fixture(autouse=True)
def _addin_log(monkeypatch, tmp_path):
    monkeypatch.setattr(perfxl.addin, "LOG_FILE", tmp_path / "addin.log")


@pytest.fixture(scope="module")
def this_path(tmp_path_factory):
    """A 2024 workbook of 岳阳市商务局: 公务接待费 and 工资福利支出 上年 blank, the 上年合计
    blank, 公务用车运行维护费 上年 typed as 5.05 (004 says 4.95)."""
    from perfxl.carry import carry_forward
    from perfxl.io.writing.xlsx_fill import write_model
    from perfxl.io.reading.xlsx_reader import read_workbook

    m = carry_forward(read_workbook(P004))
    rows = {r.item: r for r in m.rows("three_public")}
    del rows["公务接待费"].values["prior_final"]
    rows["公务用车运行维护费"].values["prior_final"] = 5.05
    del m.values["tp_prior_stated"]
    del m.rows("exp_basic")[0].values["prior_final"]
    return write_model(m, tmp_path_factory.mktemp("prior") / "2024.xlsx", cached_values=False)


def test_fills_only_empty_cells_and_lists_the_filled_one(this_path):
    before = _load(this_path)
    book = remote_book(_load(this_path), "2024.xlsx")
    summary = api.prior_book(book, P004)
    after = _load(this_path)
    replay(after, book.json()["actions"])

    assert after[RECEPTION[0]][RECEPTION[1]].value == 0.81
    assert after[TP_PRIOR[0]][TP_PRIOR[1]].value == 5.76
    assert after[SALARY[0]][SALARY[1]].value == 924.72
    assert after[CAR[0]][CAR[1]].value == 5.05  # typed by the user: never overwritten
    written = {(RECEPTION[0], RECEPTION[1]), (TP_PRIOR[0], TP_PRIOR[1]), (SALARY[0], SALARY[1])}
    old, new = input_values(before), input_values(after)
    assert {k: v for k, v in new.items() if k not in written} == old
    assert set(new) - set(old) == written

    assert summary.startswith(f"已从「{P004.name}」（2023 年度）填入 3 个上年数。")
    assert f"以下 1 个单元格已有内容，未改动，请自行核对：{CAR[0]}!{CAR[1]}" in summary
    assert "已填 5.05，上年工作簿为 4.95" in summary


def test_second_press_writes_nothing(this_path):
    first = _load(this_path)
    book = remote_book(first, "2024.xlsx")
    api.prior_book(book, P004)
    replay(first, book.json()["actions"])
    again = remote_book(first, "2024.xlsx")
    summary = api.prior_book(again, P004)
    assert [a for a in again.json()["actions"] if a["func"] == "setValues"] == []
    assert "填入 0 个上年数" in summary and f"{CAR[0]}!{CAR[1]}" in summary


def test_another_department_is_refused_with_a_message(this_path):
    book = remote_book(_load(this_path), "2024.xlsx")
    assert perfxl.addin.prior_data(book, path=str(P000)) is None
    actions = book.json()["actions"]
    assert [a["func"] for a in actions] == ["alert"]
    message = actions[0]["args"][0]
    assert message.startswith("填入上年数未完成：未填入上年数：上年工作簿的部门名称为“乐昌市商务局”")


def test_no_file_dialog_on_the_remote_engine(this_path):
    book = remote_book(_load(this_path), "2024.xlsx")
    assert perfxl.addin.prior_data(book) is None
    message = book.json()["actions"][0]["args"][0]
    assert "无法打开文件选择框" in message and "perfxl new --from" in message
