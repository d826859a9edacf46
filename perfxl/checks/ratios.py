"""PX201–PX211: stated rates (填报的比率) against the rate computed from their operands.

Rates are fractions (96.79% = 0.9679).  A stated rate is right when it is the computed rate
rounded to the decimals it shows (``compare.wrong``), so 96.79% for 3995.49 ÷ 4128.02 passes and
96.00% fails.  A stated rate that is the computed one typed as a percentage number (96.79 for
0.9679, or 0.001 meaning 0.001%) is left to PX505.  Formulas follow ``perfxl.derived`` (the
workbook's own formulas).
"""
from __future__ import annotations

from perfxl import derived
from perfxl.checks import execution
from perfxl.checks.compare import (fmt_amount, fmt_num, fmt_rate, fmt_stated_rate, rounded_rate,
                                   wrong)
from perfxl.checks.finding import ERROR, WARNING
from perfxl.checks.registry import fails, passes, rule

__all__ = ["percent_slip", "rate_hit"]

_MSG = "{name}应为 {expected_text}（{formula}），表中填写 {actual_text}；请改为 {expected_text}"


def percent_slip(stated: float, computed: float) -> bool:
    """True when ``stated`` is wrong as a fraction but right read as a percentage number
    (96.79 typed for 96.79%, or 0.001 written for 0.001%)."""
    return (wrong(stated, computed, percent=True)
            and not wrong(stated / 100, computed, percent=True))


def rate_hit(ctx, where, stated, computed, name: str, formula: str, related=()):
    """The hit of a wrong stated rate, or ``None`` when it is right (or a PX505 slip)."""
    if stated is None or computed is None:
        return None
    if not wrong(stated, computed, percent=True) or percent_slip(stated, computed):
        return None
    return ctx.hit(where, expected=rounded_rate(computed, like=stated), actual=stated,
                   name=name, expected_text=fmt_rate(computed, like=stated),
                   actual_text=fmt_stated_rate(stated), formula=formula, related=related)


def _a(x) -> str:
    return fmt_amount(x)


# ---- PX201 / PX202 执行率 -----------------------------------------------------------------------
_EXEC = {"budget_full": 4128.02, "executed": 3995.49}


@rule("PX201", "execution-rate", ERROR, title="执行率与全年执行数 ÷ 全年预算数不符",
      message=_MSG, cases=[
          fails("seed 004: 3995.49 ÷ 4128.02 = 96.79%，填写 96.00%", at="execution_rate_stated",
                expected=0.9679, values={**_EXEC, "execution_rate_stated": 0.96}),
          passes("填写 96.79%", values={**_EXEC, "execution_rate_stated": 0.9679}),
          passes("只写整数百分比 97% 也对", values={**_EXEC, "execution_rate_stated": 0.97}),
      ])
def execution_rate(ctx):
    """部门自评表的执行率（填报）应为全年执行数 ÷ 全年预算数（不是 ÷ 年初预算数），四舍五入到
    填写的小数位（财预〔2020〕10号附件；domain.md §1.4）。

    合格：3995.49 ÷ 4128.02 = 96.7895%，填写 96.79% 或 97%。
    不合格：填写 96.00%（种子 004，seed-audit 004.X05）。
    """
    ex = execution.department(ctx)  # a blank 全年执行数 is PX408's, not a rate of 0
    if ex is None:
        return
    h = rate_hit(ctx, ctx.at("execution_rate_stated"), ctx.num("execution_rate_stated"),
                 ex.rate, "执行率", ex.formula, related=(ctx.at("executed"), ctx.at("budget_full")))
    if h:
        yield h


@rule("PX202", "execution-rate-adjusted", WARNING, title="执行率所依据的全年预算数与年初预算数 + 预算调整数不符",
      message="执行率 {actual_text} 按全年预算数计算（{executed} ÷ {full}，与部门自评表的执行率"
              "一致），但全年预算数与年初预算数 + 预算调整数（{initial} + {adjustment} = {budget}）"
              "不符（PX114）；请先核对全年预算数，改正后执行率随之重算",
      cases=[
          fails("seed 000: 全年预算数 17190340.15 ≠ 17190340.15 + 1780823.20，执行率 100.83%",
                at="execution_rate_stated", expected=1.0083,
                values={"budget_initial": 17190340.15, "budget_adjustment": 1780823.2,
                        "budget_full": 17190340.15, "executed": 17333259.2,
                        "execution_rate_stated": 1.0083}),
          passes("全年预算数与年初 + 调整一致",
                 values={"budget_initial": 2161.19, "budget_adjustment": 1966.83,
                         "budget_full": 4128.02, "executed": 3995.49,
                         "execution_rate_stated": 0.9679}),
          passes("执行率本身算错时由 PX201 报告",
                 values={"budget_initial": 17190340.15, "budget_adjustment": 1780823.2,
                         "budget_full": 17190340.15, "executed": 17333259.2,
                         "execution_rate_stated": 0.9137}),
      ])
def execution_rate_adjusted(ctx):
    """执行率只有一个定义：全年执行数 ÷ 全年预算数（部门自评表 B9 的公式，财预〔2020〕10号附件；
    domain.md §1.4）。全年预算数与“年初预算数 + 预算调整数”不一致（PX114）时，按全年预算数
    算出的执行率本身没有算错，但它所依据的全年预算数有疑问：提醒先核对全年预算数（警告，
    不另给一个按年初 + 调整算的执行率）。执行率按其自身运算数已错时由 PX201 报告。

    合格：年初 2161.19 + 调整 1966.83 = 全年 4128.02，执行率 96.79%。
    不合格（提醒）：年初 17190340.15 + 调整 1780823.20 = 18971163.35，全年预算数却填
    17190340.15，执行率 100.83%（= 17333259.20 ÷ 17190340.15；种子 000，seed-audit 000.X09）。
    """
    init, adj = ctx.num("budget_initial"), ctx.num("budget_adjustment")
    full = ctx.num("budget_full")
    ex, stated = ctx.num("executed"), ctx.num("execution_rate_stated")
    if None in (init, adj, full, ex, stated) or init + adj == 0:
        return
    budget = init + adj
    if not wrong(full, budget):
        return
    own = derived.execution_rate(ctx.model)
    if own is None or wrong(stated, own, percent=True):
        return  # PX201
    yield ctx.hit(ctx.at("execution_rate_stated"), expected=rounded_rate(own, like=stated),
                  actual=stated, initial=_a(init), adjustment=_a(adj), budget=_a(budget),
                  executed=_a(ex), full=_a(full), actual_text=fmt_stated_rate(stated),
                  related=(ctx.at("budget_full"), ctx.at("budget_initial"),
                           ctx.at("budget_adjustment")))


@rule("PX203", "project-execution-rate", ERROR, title="项目执行率与全年执行数 ÷ 全年预算数不符",
      message=_MSG, cases=[
          fails("90 ÷ 100 = 90.00%，填写 100.00%", at="projects[0].execution_rate_stated",
                expected=0.9, rows={"projects": [{"project": "甲", "budget_full": 100.0,
                                                  "executed": 90.0,
                                                  "execution_rate_stated": 1.0}]}),
          fails("年度资金总额填 0，资金来源 90 / 89.974：执行率 0 仍核对", at="projects[0].execution_rate_stated",
                expected=0.9997,
                rows={"projects": [{"project": "甲", "budget_full": 0.0, "executed": 0.0,
                                    "execution_rate_stated": 0.0}],
                      "project_funds": [{"project": "甲", "source": "当年财政拨款",
                                         "budget_full": 90.0, "executed": 89.974}]}),
          passes("seed 004: 320 ÷ 320 = 100.00%",
                 rows={"projects": [{"project": "现代服务业资金", "budget_full": 320.0,
                                     "executed": 320.0, "execution_rate_stated": 1.0}]}),
      ])
def project_execution_rate(ctx):
    """每个项目自评表的执行率（填报）应为该项目全年执行数 ÷ 全年预算数。

    项目行的年度资金总额为 0 或空白时，按该项目各资金来源行之和计算（总额本身由 PX108 报告）；
    全年执行数空白时不核对（PX408）。

    合格：现代服务业资金 320 ÷ 320 = 100.00%（种子 004）。
    不合格：全年预算数 100、执行数 90，执行率填写 100.00%；年度资金总额填 0 而当年财政拨款
    90 / 89.974，执行率填 0。
    """
    for r in ctx.rows("projects"):
        ex = execution.project(ctx, r)  # the 资金来源 rows when the row's own total is 0
        if ex is None:
            continue
        h = rate_hit(ctx, ctx.at_row(r, "execution_rate_stated"),
                     ctx.rnum(r, "execution_rate_stated"), ex.rate, f"项目“{r.project}”执行率",
                     ex.formula)
        if h:
            yield h


# ---- PX204 / PX205 占比 -------------------------------------------------------------------------
_INC = [{"source": "一般公共预算财政拨款", "executed": 17333145.09},
        {"source": "其他收入", "executed": 114.11}]


@rule("PX204", "income-share", ERROR, title="收入来源占比与计算值不符", message=_MSG, cases=[
    fails("财政拨款占比填写 99.00%（应为 100.00%）", at="income[0].share_stated", expected=1.0,
          rows={"income": [dict(_INC[0], share_stated=0.99), _INC[1]]}),
    passes("seed 000: 17333145.09 ÷ 17333259.20 = 99.999%",
           rows={"income": [dict(_INC[0], share_stated=0.99999), _INC[1]]}),
])
def income_share(ctx):
    """收入表各来源的占比（填报）应为该来源全年执行数 ÷ 各来源全年执行数合计。

    合格：财政拨款 17333145.09 ÷ 17333259.20 = 99.999%（种子 000，seed-audit 000.H05）。
    不合格：同一来源占比填写 99.00%。
    """
    total = derived.income_executed_sum(ctx.model)
    for r in ctx.rows("income"):
        h = rate_hit(ctx, ctx.at_row(r, "share_stated"), ctx.rnum(r, "share_stated"),
                     derived.income_share(ctx.model, r), f"“{r.source}”占比",
                     f"{_a(ctx.rnum(r, 'executed'))} ÷ {_a(total)}")
        if h:
            yield h


@rule("PX205", "function-share", ERROR, title="功能分类科目占比与计算值不符", message=_MSG, cases=[
    fails("10000 ÷ 17333259.20 = 0.06%，填写 0.60%", at="exp_function[0].share_stated",
          expected=0.0006, rows={"exp_function": [
              {"subject": "其他公共安全支出", "current": 10000.0, "share_stated": 0.006},
              {"subject": "商业服务业等支出", "current": 17323259.2}]}),
    passes("seed 000: 10000 ÷ 17333259.20 = 0.06%", rows={"exp_function": [
        {"subject": "其他公共安全支出", "current": 10000.0, "share_stated": 0.0006},
        {"subject": "商业服务业等支出", "current": 17323259.2}]}),
])
def function_share(ctx):
    """功能分类科目的占比（填报）应为该科目本年决算数 ÷ 各科目本年决算数合计。各占比四舍五入后
    之和可以是 100.01%，不核对占比之和。

    合格：其他公共安全支出 10000 ÷ 17333259.20 = 0.0577%，填写 0.06%（种子 000，seed-audit 000.H08）。
    不合格：填写 0.60%。
    """
    total = derived.function_current_sum(ctx.model)
    for r in ctx.rows("exp_function"):
        h = rate_hit(ctx, ctx.at_row(r, "share_stated"), ctx.rnum(r, "share_stated"),
                     derived.function_row_share(ctx.model, r), f"“{r.subject}”占比",
                     f"{_a(ctx.rnum(r, 'current'))} ÷ {_a(total)}")
        if h:
            yield h


# ---- PX206–PX208 控制率, 变动率 ------------------------------------------------------------------
@rule("PX206", "staff-control-rate", ERROR, title="在职人员控制率与计算值不符", message=_MSG, cases=[
    fails("seed 004: 53 ÷ 56 = 94.64%，填写 94.00%", at="staff_control_rate_stated",
          expected=0.9464, values={"authorized_total": 56, "in_service_total": 53,
                                   "staff_control_rate_stated": 0.94}),
    passes("seed 000: 19 ÷ 21 = 90.48%", values={"authorized_total": 21, "in_service_total": 19,
                                                "staff_control_rate_stated": 0.9048}),
])
def staff_control_rate(ctx):
    """在职人员（财政供养人员）控制率 = 实际在职人数 ÷ 编制数（未填合计时用分类之和；
    财预〔2013〕53号）。

    合格：19 ÷ 21 = 90.48%（种子 000，seed-audit 000.H02）。
    不合格：53 ÷ 56 = 94.64%，填写 94.00%（种子 004，seed-audit 004.X02）。
    """
    num = ctx.num("in_service_total")
    num = derived.actual_sum(ctx.model) if num is None else num
    den = ctx.num("authorized_total")
    den = derived.authorized_sum(ctx.model) if den is None else den
    h = rate_hit(ctx, ctx.at("staff_control_rate_stated"), ctx.num("staff_control_rate_stated"),
                 derived.staff_control_rate(ctx.model), "在职人员控制率",
                 f"实际在职人数 {fmt_num(num)} ÷ 编制数 {fmt_num(den)}")
    if h:
        yield h


def _tp_figures(ctx):
    final = ctx.num("tp_final_stated")
    final = derived.tp_final_sum(ctx.model) if final is None else final
    budget = ctx.num("tp_budget_stated")
    budget = derived.tp_budget_sum(ctx.model) if budget is None else budget
    prior = ctx.num("tp_prior_stated")
    prior = derived.tp_prior_sum(ctx.model) if prior is None else prior
    return final, budget, prior


@rule("PX207", "three-public-control-rate", ERROR, title="“三公”经费控制率与计算值不符",
      message=_MSG, cases=[
          fails("5.76 ÷ 55.77 = 10.33%，填写 103.30%", at="three_public_control_rate_stated",
                expected=0.1033, values={"tp_final_stated": 5.76, "tp_budget_stated": 55.77,
                                         "three_public_control_rate_stated": 1.033}),
          passes("5.76 ÷ 55.77 = 10.33%", values={"tp_final_stated": 5.76, "tp_budget_stated": 55.77,
                                                 "three_public_control_rate_stated": 0.1033}),
      ])
def three_public_control_rate(ctx):
    """“三公”经费控制率 = 本年决算数 ÷ 本年预算数（填报的合计优先，否则各项之和；财预〔2013〕53号）。

    合格：5.76 ÷ 55.77 = 10.33%。
    不合格：同样数据填写 103.30%。
    """
    final, budget, _ = _tp_figures(ctx)
    h = rate_hit(ctx, ctx.at("three_public_control_rate_stated"),
                 ctx.num("three_public_control_rate_stated"),
                 derived.three_public_control_rate(ctx.model), "“三公”经费控制率",
                 f"{_a(final)} ÷ {_a(budget)}")
    if h:
        yield h


@rule("PX208", "three-public-change-rate", ERROR, title="“三公”经费变动率与计算值不符",
      message=_MSG, cases=[
          fails("seed 004: (5.76 − 11.37) ÷ 11.37 = −49.34%，填写上升 1.99%",
                at="three_public_change_rate_stated", expected=-0.4934,
                values={"tp_prior_stated": 11.37, "tp_final_stated": 5.76,
                        "three_public_change_rate_stated": 0.0199}),
          passes("写成“下降 49.34%”（正数 + 减少）也对",
                 values={"tp_prior_stated": 11.37, "tp_final_stated": 5.76,
                         "tp_change_word_stated": "减少",
                         "three_public_change_rate_stated": 0.4934}),
      ])
def three_public_change_rate(ctx):
    """“三公”经费变动率 =（本年决算数 − 上年决算数）÷ 上年决算数。填写为正数而增减方向为“减少”
    时按下降处理。

    合格：(5.76 − 11.37) ÷ 11.37 = −49.34%，填写 −49.34% 或“减少”+ 49.34%。
    不合格：填写 1.99%（种子 004，seed-audit 004.X07）。
    """
    stated = ctx.num("three_public_change_rate_stated")
    if stated is not None and stated > 0 and ctx.text("tp_change_word_stated") == "减少":
        stated = -stated
    final, _, prior = _tp_figures(ctx)
    h = rate_hit(ctx, ctx.at("three_public_change_rate_stated"), stated,
                 derived.three_public_change_rate(ctx.model), "“三公”经费变动率",
                 f"（{_a(final)} − {_a(prior)}）÷ {_a(prior)}")
    if h:
        yield h


# ---- PX209–PX211 other rates --------------------------------------------------------------------
def _simple(ctx, stated_key, computed, name, num_key, den_key):
    h = rate_hit(ctx, ctx.at(stated_key), ctx.num(stated_key), computed, name,
                 f"{_a(ctx.num(num_key))} ÷ {_a(ctx.num(den_key))}",
                 related=(ctx.at(num_key), ctx.at(den_key)))
    return [h] if h else []


@rule("PX209", "procurement-rate", ERROR, title="政府采购执行率与计算值不符", message=_MSG, cases=[
    fails("69710 ÷ 69910 = 99.71%，填写 97.71%", at="procurement_rate_stated", expected=0.9971,
          values={"procurement_budget": 69910.0, "procurement_actual": 69710.0,
                  "procurement_rate_stated": 0.9771}),
    passes("seed 000: 99.71%", values={"procurement_budget": 69910.0, "procurement_actual": 69710.0,
                                       "procurement_rate_stated": 0.9971}),
])
def procurement_rate(ctx):
    """政府采购执行率 = 政府采购实际金额 ÷ 政府采购预算数。

    合格：69710 ÷ 69910 = 99.71%（种子 000，seed-audit 000.H29）。
    不合格：填写 97.71%。
    """
    yield from _simple(ctx, "procurement_rate_stated", derived.procurement_rate(ctx.model),
                       "政府采购执行率", "procurement_actual", "procurement_budget")


@rule("PX210", "stock-funds-change-rate", ERROR, title="存量资金变动率与计算值不符", message=_MSG,
      cases=[
          fails("(37633.45 − 31906.8) ÷ 31906.8 = 17.95%，填写 15.95%",
                at="stock_funds_change_rate_stated", expected=0.1795,
                values={"stock_funds_prior": 31906.8, "stock_funds_current": 37633.45,
                        "stock_funds_change_rate_stated": 0.1595}),
          passes("seed 000: 17.95%", values={"stock_funds_prior": 31906.8,
                                              "stock_funds_current": 37633.45,
                                              "stock_funds_change_rate_stated": 0.1795}),
      ])
def stock_funds_change_rate(ctx):
    """存量资金变动率 =（本年末存量资金余额 − 上年末余额）÷ 上年末余额。

    合格：(37633.45 − 31906.80) ÷ 31906.80 = 17.95%（种子 000，seed-audit 000.H27）。
    不合格：填写 15.95%。
    """
    cur, pri = ctx.num("stock_funds_current"), ctx.num("stock_funds_prior")
    h = rate_hit(ctx, ctx.at("stock_funds_change_rate_stated"),
                 ctx.num("stock_funds_change_rate_stated"),
                 derived.stock_funds_change_rate(ctx.model), "存量资金变动率",
                 f"（{_a(cur)} − {_a(pri)}）÷ {_a(pri)}")
    if h:
        yield h


@rule("PX211", "fixed-asset-utilization", ERROR, title="固定资产利用率与计算值不符", message=_MSG,
      cases=[
          fails("950 ÷ 1000 = 95.00%，填写 98%", at="fixed_asset_utilization_stated", expected=0.95,
                values={"fixed_assets_total": 1000.0, "fixed_assets_in_use": 950.0,
                        "fixed_asset_utilization_stated": 0.98}),
          passes("没有运算数时不核对（种子 000 只写了 95%）",
                 values={"fixed_asset_utilization_stated": 0.95}),
      ])
def fixed_asset_utilization(ctx):
    """固定资产利用率 = 在用固定资产总额 ÷ 固定资产总额；两者都填写时核对。

    合格：只填写利用率 95%、未填金额（种子 000）——无从核对，不报告。
    不合格：950 ÷ 1000 = 95.00%，填写 98%。
    """
    yield from _simple(ctx, "fixed_asset_utilization_stated",
                       derived.fixed_asset_utilization(ctx.model), "固定资产利用率",
                       "fixed_assets_in_use", "fixed_assets_total")


@rule("PX222", "execution-without-budget", ERROR, title="全年预算数为 0 而有执行数，执行率无法计算",
      message="{what}全年执行数 {executed}，全年预算数为 0，执行率无法计算（工作簿“执行率（计算）”"
              "显示为空，执行率得分也为空）；请填写全年预算数",
      cases=[
          fails("全年预算数 0，全年执行数 100", at="budget_full",
                values={"budget_full": 0, "executed": 100, "execution_weight": 10}),
          fails("项目全年预算数 0，全年执行数 100", at="projects[0].budget_full",
                rows={"projects": [{"project": "甲", "budget_full": 0, "executed": 100}]}),
          passes("全年预算数 100，全年执行数 100", values={"budget_full": 100, "executed": 100}),
          passes("都为 0（无资金）", values={"budget_full": 0, "executed": 0}),
      ])
def execution_without_budget(ctx):
    """全年预算数为 0 而全年执行数不为 0 时，执行率（全年执行数 ÷ 全年预算数，domain.md §1.4）
    无法计算：工作簿的执行率与执行率得分显示为空，报告也写不出执行率。多半是全年预算数漏填为 0
    （issue 13 第 9 项）。

    合格：全年预算数 100、全年执行数 100。
    不合格：全年预算数 0、全年执行数 100。
    """
    ex, full = ctx.num("executed"), ctx.num("budget_full")
    if full == 0 and ex:
        yield ctx.hit(ctx.at("budget_full"), what="部门", executed=fmt_amount(ex))
    for r in ctx.rows("projects"):
        ex, full = ctx.rnum(r, "executed"), ctx.rnum(r, "budget_full")
        if full == 0 and ex:
            yield ctx.hit(ctx.at_row(r, "budget_full"), what=f"项目“{r.project}”",
                          executed=fmt_amount(ex))
