"""``check DRAFT --workbook BOOK``: the draft and the workbook must be the same department and
year (``perfxl.draft.tie``); the summary line says how many draft figures were compared."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from perfxl.cli.check import command
from perfxl.draft import check_text, proofread
from perfxl.draft.reading import units_from_text
from perfxl.draft.text import Doc
from perfxl.draft.tie import draft_department, draft_year, tie
from perfxl.errors import UsageError
from perfxl.model import Model
from tests.draft.measure import SEEDS, seed_path

ROOT = Path(__file__).resolve().parents[2]
BOOK = {sid: next((ROOT / "examples").glob(f"{sid}-*.xlsx")) for sid in ("000", "002", "004")}
seeds = pytest.mark.skipif(not any(SEEDS.glob("004_*.txt")), reason="no seeds")

BODY = "全年预算数 4128.02 万元，执行数 3995.49 万元，预算控制率96.79%。\n"


def book(name="岳阳市商务局", year=2023) -> Model:
    return Model(values={"department_name": name, "year": year, "amount_unit": "万元",
                         "budget_full": 4128.02, "executed": 3995.49})


def doc(text: str) -> Doc:
    return Doc(units_from_text(text))


def run(*args):
    return CliRunner().invoke(command, [str(a) for a in args])


@seeds
def test_seed_004_with_000s_workbook_is_refused_naming_both():
    r = run(seed_path("004"), "--workbook", BOOK["000"])
    assert r.exit_code == 2
    assert "岳阳市商务局" in r.stderr and "乐昌市商务局" in r.stderr
    assert "不是同一部门" in r.stderr


@seeds
def test_seed_004_with_its_workbook_counts_the_figures_compared():
    r = run(seed_path("004"), "--workbook", BOOK["004"], "--format", "json")
    assert r.exit_code == 1  # the seed's own errors
    n = json.loads(r.stdout)["files"][0]["compared_with_workbook"]
    assert n == 3  # 预算控制率, 总得分, 等级 (measured on the seed)
    assert f"报告中 {n} 个数字已与工作簿核对" in r.stderr
    assert "未能核对" not in r.stderr


@seeds
@pytest.mark.parametrize("sid", ["000", "002", "004"])
def test_each_seed_goes_with_its_own_workbook(sid):
    from perfxl.io.reading.xlsx_reader import read_workbook
    d = Doc(units_from_text(seed_path(sid).read_text("utf-8")))
    t = tie(d, read_workbook(BOOK[sid], engine="calamine"))
    assert t.problem is None and t.confirmed


@pytest.mark.parametrize(("text", "names", "year"), [
    ("2023年度岳阳市商务局整体支出绩效自评报告\n" + BODY, ["岳阳市商务局"], 2023),
    ("区经济合作局整体绩效自评报告\n" + BODY, ["区经济合作局"], None),
    ("2022年度部门整体支出绩效 自评报告\n\n部门名称：\n" + BODY, [], 2022),
    ("部门整体支出绩效自评报告\n\n部门名称：湘阴县农业农村局（公章）\n" + BODY, ["湘阴县农业农村局"], None),
    (BODY, [], None),
    # a year in the prose is not the draft's year
    ("一、基本情况\n2022年全年预算数 4128.02 万元。\n", [], None),
    # a sentence of the first lines naming the 财政局 is no title, a project's 实施单位 no cover
    ("一、基本情况\n根据市财政局2022年度部门整体支出绩效自评工作要求\n" + BODY, [], None),
    ("根据市财政局关于开展2023年度部门整体支出绩效自评的通知，现将自评情况报告如下。\n" + BODY,
     [], None),
    ("2023年度部门整体支出绩效自评报告\n" + "一、基本情况\n" * 60 + "项目单位名称：市投资促进中心\n",
     [], 2023),
])
def test_what_the_draft_states(text, names, year):
    assert draft_department(doc(text)) == names
    assert draft_year(doc(text)) == year


def test_another_department_is_refused():
    t = tie(doc("2023年度湘阴县农业农村局整体支出绩效自评报告\n" + BODY), book())
    assert t.problem == ("报告草稿的部门为“湘阴县农业农村局”，工作簿的部门名称为“岳阳市商务局”，"
                         "不是同一部门；请用本部门本年度的工作簿核对报告")
    with pytest.raises(UsageError):
        check_text("2023年度湘阴县农业农村局整体支出绩效自评报告\n" + BODY, workbook=book())


def test_another_year_is_refused():
    t = tie(doc("2022年度岳阳市商务局整体支出绩效自评报告\n" + BODY), book())
    assert t.problem == ("报告草稿为 2022 年度，工作簿“岳阳市商务局”为 2023 年度（基本信息!年度），"
                         "不是同一年度；请用本部门本年度的工作簿核对报告")


@pytest.mark.parametrize("text", [
    "2023年度商务局整体支出绩效自评报告\n" + BODY,         # a shorter form of the name
    "2023年度岳阳市商务局本级整体支出绩效自评报告\n" + BODY,  # a longer one
    "2023年度部门整体支出绩效自评报告\n岳阳市商务局 2023 年全年预算数 4128.02 万元。\n",  # in the body
])
def test_the_same_department_is_confirmed(text):
    assert (tie(doc(text), book()).problem, tie(doc(text), book()).confirmed) == (None, True)


def test_a_workbook_without_year_is_not_refused_for_the_year():
    t = tie(doc("2022年度岳阳市商务局整体支出绩效自评报告\n" + BODY), book(year=None))
    assert (t.problem, t.confirmed) == (None, True)


@pytest.mark.parametrize(("text", "model"), [
    (BODY, book()),                                            # the draft names no department
    ("2023年度部门整体支出绩效自评报告\n" + BODY, book()),
    ("2023年度岳阳市商务局整体支出绩效自评报告\n" + BODY, book(name="")),  # nor does the workbook
])
def test_silence_on_either_side_is_accepted_unconfirmed(text, model):
    t = tie(doc(text), model)
    assert t.problem is None and not t.confirmed
    got = proofread(units_from_text(text), workbook=model)
    assert got.confirmed is False and got.compared == 3  # 全年预算数, 执行数, 预算控制率


def test_cli_notes_an_unconfirmed_tie(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(BODY, encoding="utf-8")
    r = run(draft, "--workbook", BOOK["004"])
    assert r.exit_code == 0
    assert "未能核对二者是否为同一部门" in r.stderr
    assert "报告中 3 个数字已与工作簿核对" in r.stderr


def test_without_workbook_nothing_is_counted(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(BODY, encoding="utf-8")
    r = run(draft, "--format", "json")
    assert "compared_with_workbook" not in json.loads(r.stdout)["files"][0]
    assert "与工作簿核对" not in r.stderr
    assert proofread(units_from_text(BODY)).compared is None
