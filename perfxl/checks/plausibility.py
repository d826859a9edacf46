"""PX501–PX508: figures that are arithmetically possible but implausible — more staff than
posts, an amount 10,000 times its siblings (元 typed into a 万元 workbook), negative amounts,
rates typed as percentage numbers, spending above budget, a fill date before the year ended."""
from __future__ import annotations

from itertools import combinations

from perfxl import derived
from perfxl import layout as L
from perfxl.checks import execution
from perfxl.checks.compare import fmt_amount, fmt_num, fmt_rate, is_number, wrong
from perfxl.checks.finding import WARNING
from perfxl.checks.ratios import percent_slip
from perfxl.checks.registry import fails, passes, rule
from perfxl.numbers import excel_round, fmt_trimmed


@rule("PX501", "staff-above-posts", WARNING, title="实有人数超过编制数",
      message="{category}实有人数 {actual_n} 超过编制数 {authorized}；请核对，或在该行说明栏写明"
              "「确认 PX501：超编原因」（如下属单位人员未列编制）",
      cases=[
          fails("行政编制 9，实有 10", at="staffing[0].actual",
                rows={"staffing": [{"category": "行政", "authorized": 9, "actual": 10}]}),
          passes("seed 002: 行政 9 ≤ 9，工勤 1 ≤ 1",
                 rows={"staffing": [{"category": "行政", "authorized": 9, "actual": 9},
                                    {"category": "工勤", "authorized": 1, "actual": 1}]}),
      ])
def staff_above_posts(ctx):
    """每一类（行政、事业、工勤）的实有人数不应超过其编制数；超编须说明。

    合格：行政编制 9、实有 9；工勤编制 1、实有 1（种子 002，seed-audit 002.H03）。
    不合格：行政编制 9、实有 10。
    """
    for r in ctx.rows("staffing"):
        a, b = ctx.rnum(r, "actual"), ctx.rnum(r, "authorized")
        if a is not None and b is not None and a > b:
            yield ctx.hit(ctx.at_row(r, "actual"), expected=b, actual=a, category=r.category,
                          actual_n=fmt_num(a), authorized=fmt_num(b))


@rule("PX502", "in-service-above-posts", WARNING, title="实际在职人数超过编制数",
      message="实际在职人数 {in_service} 超过编制数 {authorized}（控制率 {rate}）；请核对口径，"
              "或说明超编原因",
      cases=[
          fails("编制 10，在职 18（种子 002 含下属事业单位人员）", at="in_service_total",
                values={"authorized_total": 10, "in_service_total": 18}),
          fails("实际在职人数未填，按分类合计 9 + 8 + 1 = 18（种子 002）", at="in_service_total",
                values={"authorized_total": 10},
                rows={"staffing": [{"category": "行政", "authorized": 9, "actual": 9},
                                   {"category": "事业", "actual": 8},
                                   {"category": "工勤", "authorized": 1, "actual": 1}]}),
          passes("seed 004: 53 ≤ 56", values={"authorized_total": 56, "in_service_total": 53}),
      ])
def in_service_above_posts(ctx):
    """实际在职人数不应超过编制数（在职人员控制率 ≤ 100%；湖南评分标准超 100% 扣分，domain.md §3.1）。

    合格：在职 53、编制 56（种子 004，seed-audit 004.H02）。
    不合格：在职 18、编制 10（种子 002 的机关编制未含下属单位，002.X01；实际在职人数未填时
    按人员编制表各类别实有人数之和，与在职人员控制率的算法相同）。
    """
    # the operands of the 在职人员控制率 the workbook computes (人员编制!B18): a blank typed
    # total is the categories' sum there (002: 实际在职人数 blank, 9 + 8 + 1 = 18 in service)
    b, a = derived.staff_counts(ctx.model)
    if a is not None and b and a > b:
        yield ctx.hit(ctx.at("in_service_total"), expected=b, actual=a, in_service=fmt_num(a),
                      authorized=fmt_num(b), rate=fmt_rate(a / b))


def _amount_rows(ctx):
    """(label, [(value, where, column label)]) for every group of amounts of one line."""
    dept = [(ctx.num(k), ctx.at(k), L.LAYOUT.field(k).label)
            for k in ("budget_initial", "budget_full", "executed")]
    yield "部门自评表", [d for d in dept if d[0]]
    for tkey in ("income", "exp_nature", "exp_basic", "three_public", "projects",
                 "project_funds", "exp_function"):
        table = L.LAYOUT.table(tkey)
        cols = [c for c in table.columns if c.kind == L.AMOUNT and c.role != L.FORMULA]
        for r in ctx.rows(tkey):
            vals = [(ctx.rnum(r, c.key), ctx.at_row(r, c.key), c.header) for c in cols]
            name = r.values.get(table.columns[0].key) or ""
            yield f"{table.title}“{name}”", [v for v in vals if v[0]]


@rule("PX503", "unit-slip", WARNING, title="金额疑似单位错误（元与万元）",
      message="{what}的“{col}” {value} 约为同行“{other_col}” {other} 的 {ratio} 倍，疑似把{wrong_unit}"
              "数填入了{unit}工作簿；若如此应为 {fixed}",
      cases=[
          fails("万元工作簿中全年执行数 39954900（元）", at="executed",
                values={"amount_unit": "万元", "budget_full": 4128.02, "executed": 39954900.0}),
          passes("seed 004: 4128.02 与 3995.49",
                 values={"amount_unit": "万元", "budget_full": 4128.02, "executed": 3995.49}),
      ])
def unit_slip(ctx):
    """同一行中应为同一量级的金额（年初预算数、全年预算数、全年执行数、上年决算数……）若相差
    约一万倍（3000–30000 倍），多半是把元填进了万元工作簿（或相反）。万元工作簿报告偏大的一个，
    元工作簿报告偏小的一个。

    合格：全年预算数 4128.02、全年执行数 3995.49。
    不合格：全年预算数 4128.02、全年执行数 39954900（按元填写）。
    """
    unit = ctx.model.unit
    seen = set()
    for what, vals in _amount_rows(ctx):
        for (a, wa, ca), (b, wb, cb) in combinations(vals, 2):
            big, small = (a, wa, ca), (b, wb, cb)
            if abs(b) > abs(a):
                big, small = small, big
            ratio = abs(big[0]) / abs(small[0])
            if not 3000 <= ratio <= 30000:
                continue
            bad, other = (big, small) if unit == "万元" else (small, big)
            if bad[1] in seen:
                continue
            seen.add(bad[1])
            fixed = bad[0] / 10000 if unit == "万元" else bad[0] * 10000
            yield ctx.hit(bad[1], expected=excel_round(fixed, 6), actual=bad[0], what=what,
                          col=bad[2], value=fmt_amount(bad[0]), other_col=other[2],
                          other=fmt_amount(other[0]), ratio=fmt_num(excel_round(ratio, 0)),
                          wrong_unit="元" if unit == "万元" else "万元", unit=unit,
                          fixed=fmt_amount(fixed, like=fixed if unit == "万元" else None))


_SIGNED = {"budget_adjustment", "exp_change_stated", "tp_change_stated", "change_stated"}


@rule("PX504", "negative-amount", WARNING, title="金额或人数为负数",
      message="{what}为 {value}，不应为负数；{hint}",
      cases=[
          fails("全年执行数 −5", at="executed", values={"executed": -5.0}),
          passes("预算调整数可为负（调减）", values={"budget_adjustment": -120.0}),
      ])
def negative_amount(ctx):
    """预算数、执行数、决算数、资金来源、人数都不应为负；只有预算调整数（调减）与增减额可为负。

    合格：预算调整数 −120（调减）。
    不合格：全年执行数 −5。
    """
    for key, (_s, _b, f) in L.LAYOUT.fields.items():
        if f.kind not in (L.AMOUNT, L.COUNT) or f.role == L.FORMULA or key in _SIGNED:
            continue
        v = ctx.num(key)
        if v is not None and v < 0:
            yield ctx.hit(ctx.at(key), expected=abs(v), actual=v, what=f"“{f.label}”",
                          value=fmt_num(v), hint="减少请用增减方向表示，金额填正数")
    for tkey, (_s, t) in L.LAYOUT.tables.items():
        cols = [c for c in t.columns if c.kind in (L.AMOUNT, L.COUNT) and c.role != L.FORMULA
                and c.key not in _SIGNED]
        for r in ctx.rows(tkey):
            for c in cols:
                v = ctx.rnum(r, c.key)
                if v is not None and v < 0:
                    name = r.values.get(t.columns[0].key) or ""
                    yield ctx.hit(ctx.at_row(r, c.key), expected=abs(v), actual=v,
                                  what=f"{t.title}“{name}”的“{c.header}”", value=fmt_num(v),
                                  hint="请核对")


def _plain(x: float) -> str:
    """0.00001 -> "0.00001" (no exponent)."""
    return fmt_trimmed(x, 10)


def _small_rate(x: float) -> str:
    """96.79% as usual; tiny rates with up to 6 decimals (0.000658%)."""
    return fmt_rate(x) if abs(x) >= 0.0001 else fmt_trimmed(x * 100, 6) + "%"


def _rate(ex) -> float | None:
    return None if ex is None else ex.rate


def _rate_cells(ctx):
    """(stated, computed or None, where, label, may_exceed) for every stated rate cell."""
    m = ctx.model
    for key, comp, label, big in (
            ("execution_rate_stated", _rate(execution.department(ctx)), "执行率", False),
            ("staff_control_rate_stated", derived.staff_control_rate(m), "在职人员控制率", False),
            ("three_public_control_rate_stated", derived.three_public_control_rate(m),
             "“三公”经费控制率", False),
            ("three_public_change_rate_stated", derived.three_public_change_rate(m),
             "“三公”经费变动率", True),
            ("procurement_rate_stated", derived.procurement_rate(m), "政府采购执行率", False),
            ("stock_funds_change_rate_stated", derived.stock_funds_change_rate(m),
             "存量资金变动率", True),
            ("fixed_asset_utilization_stated", derived.fixed_asset_utilization(m),
             "固定资产利用率", False)):
        v = ctx.num(key)
        if v is not None:
            yield v, comp, ctx.at(key), label, big
    for r in ctx.rows("income"):
        v = ctx.rnum(r, "share_stated")
        if v is not None:
            yield (v, derived.income_share(m, r), ctx.at_row(r, "share_stated"),
                   f"“{r.source}”占比", False)
    for r in ctx.rows("exp_function"):
        v = ctx.rnum(r, "share_stated")
        if v is not None:
            yield (v, derived.function_row_share(m, r), ctx.at_row(r, "share_stated"),
                   f"“{r.subject}”占比", False)
    for r in ctx.rows("projects"):
        v = ctx.rnum(r, "execution_rate_stated")
        if v is not None:
            yield (v, _rate(execution.project(ctx, r)), ctx.at_row(r, "execution_rate_stated"),
                   f"项目“{r.project}”执行率", False)


@rule("PX505", "percent-typed", WARNING, title="比率疑似按百分数填写",
      message="{what}填写 {value}，按比率读作 {as_rate}，{computed}；若指 {meant}，"
              "请填写 {fix}（并设为百分比格式）",
      cases=[
          fails("执行率填写 96.79（应为 0.9679，即 96.79%）", at="execution_rate_stated",
                expected=0.9679,
                values={"budget_full": 4128.02, "executed": 3995.49, "execution_rate_stated": 96.79}),
          fails("seed 000: 其他收入“占收入支出的 0.001”未写 %（实为 0.001%）",
                at="income[5].share_stated", expected=0.00001,
                rows={"income": [{"source": "一般公共预算财政拨款", "executed": 17333145.09},
                                 {"source": "其他收入", "executed": 114.11, "share_stated": 0.001}]}),
          passes("填写 0.9679", values={"budget_full": 4128.02, "executed": 3995.49,
                                       "execution_rate_stated": 0.9679}),
      ])
def percent_typed(ctx):
    """比率单元格按小数保存（96.79% 即 0.9679）。填写的数按比率不对、除以 100 后却正好等于
    计算值（96.79、或漏写 % 的 0.001 表示 0.001%），多半是按百分数填写；无从计算时，控制率、
    执行率、占比等填写 2 以上（200%）也视为此类。

    合格：执行率填写 0.9679（显示为 96.79%）。
    不合格：执行率填写 96.79；种子 000“其他收入 114.11 元，占收入支出的 0.001”（实为 0.001%，
    seed-audit 000.X01）。
    """
    for v, comp, where, label, big in _rate_cells(ctx):
        if comp is not None:
            if not percent_slip(v, comp):
                continue
        elif big or v < 2:
            continue
        fix = excel_round(v / 100, 10)
        yield ctx.hit(where, expected=fix, actual=v, what=label, value=fmt_trimmed(v, 10),
                      as_rate=fmt_rate(v), computed=f"而计算值为 {_small_rate(comp)}"
                      if comp is not None else "且无从计算比对", meant=fmt_trimmed(v, 10) + "%", fix=_plain(fix))


@rule("PX506", "spent-above-budget", WARNING, title="全年执行数超过全年预算数",
      message="{what}全年执行数 {executed} 超过全年预算数 {budget}（执行率 {rate}）；执行数一般不应"
              "超过预算，请核对全年预算数是否含年中追加",
      cases=[
          fails("seed 000: 17333259.20 > 17190340.15（全年预算数漏了年中调整）", at="executed",
                values={"budget_full": 17190340.15, "executed": 17333259.2}),
          passes("3995.49 ≤ 4128.02", values={"budget_full": 4128.02, "executed": 3995.49}),
      ])
def spent_above_budget(ctx):
    """全年执行数超过全年预算数（执行率 > 100%）在财政拨款支出中不应出现，多半是全年预算数未含
    年中追加或上年结转；执行率得分按 100% 封顶（domain.md §1.4 建议报告此异常）。

    合格：3995.49 ≤ 4128.02。
    不合格：17333259.20 > 17190340.15（种子 000，全年预算数漏了年中调整预算 1780823.20）。
    """
    ex, full = ctx.num("executed"), ctx.num("budget_full")
    if ex is not None and full and ex > full and wrong(full, ex):
        yield ctx.hit(ctx.at("executed"), expected=full, actual=ex, what="部门",
                      executed=fmt_amount(ex), budget=fmt_amount(full), rate=fmt_rate(ex / full))
    for r in ctx.rows("projects"):
        ex, full = ctx.rnum(r, "executed"), ctx.rnum(r, "budget_full")
        if ex is not None and full and ex > full and wrong(full, ex):
            yield ctx.hit(ctx.at_row(r, "executed"), expected=full, actual=ex,
                          what=f"项目“{r.project}”", executed=fmt_amount(ex),
                          budget=fmt_amount(full), rate=fmt_rate(ex / full))


@rule("PX507", "three-public-above-budget", WARNING, title="“三公”经费决算超过预算",
      message="“三公”经费本年决算数 {final} 超过本年预算数 {budget}（控制率 {rate}）；请核对或说明原因",
      cases=[
          fails("决算 60 > 预算 55.77", at="tp_final_stated",
                values={"tp_final_stated": 60.0, "tp_budget_stated": 55.77}),
          passes("seed 004: 5.76 ≤ 55.77", values={"tp_final_stated": 5.76, "tp_budget_stated": 55.77}),
      ])
def three_public_above_budget(ctx):
    """“三公”经费本年决算数不应超过本年预算数（控制率 ≤ 100%；湖南评分标准超出即扣分）。未填预算
    合计时按各项预算之和，但只在每个有支出的项目都填了预算时比较（种子 000 只写了公务接待预算）。

    合格：5.76 ≤ 55.77（种子 004，seed-audit 004.H11）。
    不合格：决算 60、预算 55.77。
    """
    final = ctx.num("tp_final_stated")
    where = ctx.at("tp_final_stated")
    if final is None and ctx.column_values("three_public", "final"):
        final, where = derived.tp_final_sum(ctx.model), ctx.at("tp_final_sum")
    budget = ctx.num("tp_budget_stated")
    rows = ctx.rows("three_public")
    if budget is None and ctx.column_values("three_public", "budget") and all(
            is_number(r.budget) for r in rows if ctx.rnum(r, "final")):
        budget = derived.tp_budget_sum(ctx.model)  # only when every spent item has a budget
    if final is not None and budget and final > budget and wrong(budget, final):
        yield ctx.hit(where, expected=budget, actual=final, final=fmt_amount(final),
                      budget=fmt_amount(budget), rate=fmt_rate(final / budget))


@rule("PX508", "fill-date", WARNING, title="填报日期早于评价年度结束",
      message="填报日期 {date} 早于 {year} 年度结束，年度决算数据尚不可得；请核对年度或填报日期",
      cases=[
          fails("2023 年度，填报日期 2023-06-30", at="fill_date",
                values={"year": 2023, "fill_date": "2023-06-30"}),
          passes("seed 000: 2022 年度，2023-01-30 填报", values={"year": 2022, "fill_date": "2023-01-30"}),
      ])
def fill_date(ctx):
    """自评在年度结束后进行，填报日期应晚于评价年度的 12 月 31 日。

    合格：2022 年度，填报日期 2023-01-30（种子 000）。
    不合格：2023 年度，填报日期 2023-06-30。
    """
    year, date = ctx.model.year, ctx.text("fill_date")
    if year is None or not date or len(date) < 4 or not date[:4].isdigit():
        return
    if int(date[:4]) <= year:
        yield ctx.hit(ctx.at("fill_date"), expected=f"{year + 1}-01-01 之后", actual=date,
                      date=date, year=year)
