"""Item names of the 报告数据 sheet resolve to quantities (table-driven)."""
from __future__ import annotations

import pytest

from perfxl.checks import quantities as Q
from perfxl.checks.cases import build_model
from perfxl.checks.context import Ctx
from perfxl.checks.registry import Case


@pytest.mark.parametrize(("name", "key"), [
    ("执行率", "execution_rate"), ("全年支出率", "execution_rate"), ("预算执行率（填报）", "execution_rate"),
    ("年初预算数", "budget_initial"), ("预算调整后预算数", "budget_full"), ("调整比率", "budget_adjustment_rate"),
    ("“三公”经费变动率", "tp_change_rate"), ("三公经费变动率", "tp_change_rate"),
    ("财政拨款执行率", "fiscal_execution_rate"), ("支出合计", "exp_total"),
    ("政府采购预算数", "procurement_budget"),
    ("项目支出全年执行数", "exp_nature:项目支出:executed"),
    ("公务接待费本年决算数", "three_public:公务接待费:final"),
    ("上半年支出率", None), ("本级专项资金（招商引资）", None),
])
def test_resolve(name, key):
    q = Q.resolve(name)
    assert (q.key if q else None) == key


def test_prior_year_items():
    assert Q.resolve("上年支出合计").prior and not Q.resolve("支出合计").prior


def test_candidates_include_alternative_derivations():
    model = build_model(Case(True, "", values={"budget_initial": 100.0, "budget_adjustment": 20.0,
                                               "budget_full": 100.0, "executed": 110.0}))
    got = sorted(round(v.value, 4) for v in Q.evaluate(Ctx(model), Q.quantity("execution_rate").formula))
    assert got == [0.9167, 1.1]  # 110 ÷ 120 (年初 + 调整) and 110 ÷ 100 (填写的全年预算数)


def test_item_names_resolve_to_themselves():
    for name in Q.item_names():
        assert Q.resolve(name).label == name
