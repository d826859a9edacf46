"""A finding's expected and actual are in the unit the text uses (``Finding.unit``,
``perfxl.draft.units``), in JSON and in the annotate comment: never two units in one finding."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from perfxl.annotate import comment_text
from perfxl.checks import check_model
from perfxl.checks.output import FileResult, render
from perfxl.draft import check_draft, check_text
from tests.draft.measure import SEED_IDS, SEEDS, seed_path

ROOT = Path(__file__).resolve().parents[2]
BOOK = {sid: next((ROOT / "examples").glob(f"{sid}-*.xlsx")) for sid in SEED_IDS}
seeds = pytest.mark.skipif(not any(SEEDS.glob("004_*.txt")), reason="no seeds")

_PART = re.compile(r"(应为|实为) (?P<v>[^；）]*)")
_NUMBER = re.compile(r"^-?[\d,]+(?:\.\d+)?\s*(?P<unit>\D*)$")


def units_shown(f) -> set[str]:
    """The units the comment shows the numbers of ``f`` in (a text value, such as PX606's
    「应为 0.001%；实为 0.001」 about how to write a share, shows none)."""
    tail = comment_text(f)[len(f"【】{f.rule}：{f.message}") + 2:]
    numeric = {"应为": f.expected, "实为": f.actual}
    out = set()
    for m in _PART.finditer(tail):
        v = numeric[m.group(1)]
        n = _NUMBER.match(m.group("v"))
        if n and isinstance(v, (int, float)) and not isinstance(v, bool):
            out.add(n.group("unit").strip())
    return out


def _squeeze(s: str) -> str:
    return re.sub(r"[\s,]", "", s.translate(str.maketrans("０１２３４５６７８９．％", "0123456789.%")))


@seeds
@pytest.mark.parametrize("sid", SEED_IDS)
def test_no_seed_finding_shows_two_units(sid):
    found = check_draft(seed_path(sid), BOOK[sid])
    assert found
    for f in found:
        assert len(units_shown(f)) <= 1, comment_text(f)
        if f.unit is not None:  # the unit is the text's: the message or the quote writes it
            assert f.unit in f.message + (f.quote or ""), (f.rule, f.unit, f.message)


@pytest.mark.parametrize("sid", SEED_IDS)
def test_no_example_finding_shows_two_units(sid):
    from perfxl.io.reading.xlsx_reader import read_workbook
    found = check_model(read_workbook(BOOK[sid], engine="calamine"))
    assert found
    for f in found:
        assert len(units_shown(f)) <= 1, comment_text(f)


@seeds
def test_seed_004_comments_in_the_texts_unit():
    by = {(f.rule, f.line): f for f in check_draft(seed_path("004"), BOOK["004"])}
    f = by[("PX625", 27)]
    assert (f.expected, f.actual, f.unit) == (2202.33, 2202.32, "万元")
    assert comment_text(f).endswith("（应为 2202.33万元；实为 2202.32万元）")
    f = by[("PX626", 31)]
    assert comment_text(f).endswith("（应为 1793.17万元；实为 1793.18万元）")
    # PX603: the figures its message talks about (下降 49.34% computed, 上升 1.99% written)
    f = by[("PX603", 44)]
    assert (f.expected, f.actual, f.unit) == (-49.34, 1.99, "%")
    assert "下降 49.34%" in f.message and "1.99%" in f.message
    assert _squeeze("1.99%") in _squeeze(f.quote)


@pytest.mark.parametrize(("text", "rule", "expected", "actual", "unit"), [
    # an amount in 元 stays in 元, in 万元 in 万元, 亿元 in 亿元
    ("卫生健康支出 225387.8 元，较上年决算 171405.49 元增加 53000 元。", "PX602", 53982.31, 53000,
     "元"),
    ("项目支出 1793.17 万元，较年初预算 1800 万元减少 8.83 万元。", "PX602", 6.83, 8.83, "万元"),
    ("进出口总值 693.1 亿元，其中进口值 536.7 亿元，出口值 156.5 亿元。", "PX604", 693.2, 693.1,
     "亿元"),
    # a rate in %, the stated one as written; a stated 下降 is negative
    ("进出口总值 693.1 亿元，比上年 734.9 亿元下降 41.8 亿元，下降 4.9%。", "PX603", -5.69, -4.9, "%"),
    # a total stated before the span (a breakdown's total) is found in the paragraph
    ("收入合计 414.31 万元，其中：一般公共预算财政拨款收入 4,100,000.00 元；其他收入 14.31 万元。",
     "PX604", 424.31, 414.31, "万元"),
    # no figure written: the unit of the amounts the rule compares
    ("项目年初预算共计 70.40 万元，实际执行共计 53.27 万元，预算执行率 75.67%，年末资金无结余。",
     "PX621", 17.13, 0.0, "万元"),
    # counts and scores as they are
    ("我局特定目标类项目共 4 个，分别为公务接待经费、平台运行经费、业务保障经费。", "PX615", 3, 4, "个"),
])
def test_expected_and_actual_in_the_texts_unit(text, rule, expected, actual, unit):
    got = [f for f in check_text(text) if f.rule == rule]
    assert got, [f.rule for f in check_text(text)]
    f = got[0]
    assert (f.expected, f.actual, f.unit) == (pytest.approx(expected), pytest.approx(actual), unit)
    assert len(units_shown(f)) == 1


def test_a_text_value_has_no_unit():
    f = [f for f in check_text("营业收入１３５．６５万元，比上年１００万元减少３５．６５万元。")
         if f.rule == "PX601"][0]
    assert (f.expected, f.actual, f.unit) == ("增加", "减少", None)
    assert comment_text(f).endswith("（应为 增加；实为 减少）")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif"])
def test_unit_in_every_format_with_expected(fmt):
    found = check_text("项目支出 1793.17 万元，较年初预算 1800 万元减少 8.83 万元。")
    out = render([FileResult("d.txt", tuple(found))], fmt)
    if fmt == "json":
        got = json.loads(out)["files"][0]["findings"][0]
    elif fmt == "jsonl":
        got = json.loads(out.splitlines()[0])
    else:
        got = json.loads(out)["runs"][0]["results"][0]["properties"]
    assert (got["expected"], got["actual"], got["unit"]) == (6.83, 8.83, "万元")


def test_a_workbook_finding_has_unit_null_in_json():
    from perfxl.checks.registry import RULES
    from perfxl.checks.cases import build_model
    found = check_model(build_model(RULES["PX201"].cases[0]), select=["PX201"])
    got = json.loads(render([FileResult("b.xlsx", tuple(found))], "json"))
    assert got["files"][0]["findings"][0]["unit"] is None


@pytest.mark.parametrize(("expected", "actual"), [(float("inf"), 5.0), (5.0, float("nan")),
                                                  (float("-inf"), float("inf"))])
def test_an_overflowed_figure_is_left_as_it_is(expected, actual):
    """An overflowed sum (±1.797e308 summed) has no unit to be shown in: unchanged, no error."""
    from perfxl.draft.engine import DraftCtx
    from perfxl.draft.reading import units_from_text
    from perfxl.draft.text import Doc
    from perfxl.draft.units import in_text_unit
    ctx = DraftCtx(Doc(units_from_text("支出 5 万元。")))
    got = in_text_unit(ctx, 0, 7, expected, actual)
    assert got[2] is None and got[0] is expected and got[1] is actual
