"""PX114–PX117: identities and the same quantity stated twice.

* PX114 年初预算数 + 预算调整数 = 全年预算数; PX115 本年收入 + 上年结转 = 本年支出 + 年末结转结余
  (both are sum relations, so 万元 rounding differences go to PX150).
* PX116 a figure of the 报告数据 sheet against the workbook's cell for the same quantity
  (``perfxl.checks.quantities`` resolves the item name); PX117 the 功能分类 本年决算数 restated
  in the report's 支出 paragraph against the one in its 收入 paragraph.
Two statements of one quantity agree when the less precise one is the other rounded to the
decimals it shows (12830454.2 is not 12830454.25 rounded: seed-audit 000.X06).
"""
from __future__ import annotations

from perfxl.checks import quantities as Q
from perfxl.checks.compare import (fmt_amount, fmt_num, fmt_stated_rate, is_number,
                                   rounded_amount, wrong)
from perfxl.checks.finding import ERROR, WARNING
from perfxl.checks.registry import fails, passes, rule
from perfxl.checks.sumrel import SumRel, args, errors, expected_actual, generator
from perfxl.numbers import shown_decimals

__all__ = ["two_values"]


def two_values(a: float, b: float, *, percent: bool = False) -> bool:
    """True when ``a`` and ``b`` cannot be the same quantity: the one showing fewer decimals is
    not the other rounded to them."""
    da, db = shown_decimals(a, percent=percent), shown_decimals(b, percent=percent)
    less, more = (a, b) if da <= db else (b, a)
    return wrong(less, more, percent=percent)


# ---- PX114 budget identity -------------------------------------------------------------------
@generator("PX114")
def _budget_rels(ctx):
    full, init = ctx.num("budget_full"), ctx.num("budget_initial")
    adj = ctx.num("budget_adjustment")
    if None in (full, init, adj):
        return
    yield SumRel("年初预算数与预算调整数", full, ctx.at("budget_full"), "全年预算数",
                 ((init, "年初预算数"), (adj, "预算调整数")),
                 related=(ctx.at("budget_initial"), ctx.at("budget_adjustment")))


@rule("PX114", "budget-identity", ERROR, title="年初预算数 + 预算调整数 ≠ 全年预算数",
      message="全年预算数应为 {sum}（年初预算数 + 预算调整数：{parts}），表中填写 {total}；"
              "请核对三者",
      cases=[
          fails("seed 000: 17190340.15 + 1780823.20 = 18971163.35，全年预算数填写 17190340.15",
                at="budget_full", expected=18971163.35,
                values={"budget_initial": 17190340.15, "budget_adjustment": 1780823.2,
                        "budget_full": 17190340.15}),
          passes("2161.19 + 1966.83 = 4128.02",
                 values={"budget_initial": 2161.19, "budget_adjustment": 1966.83,
                         "budget_full": 4128.02}),
          passes("未填预算调整数时不核对（种子 004 未说明调整）",
                 values={"budget_initial": 2161.19, "budget_full": 4128.02}),
      ])
def budget_identity(ctx):
    """部门自评表的年初预算数加预算调整数（追加为正、调减为负）应等于全年预算数；三者都填写时核对。

    合格：年初 2161.19 + 调整 1966.83 = 全年 4128.02。
    不合格：年初 17190340.15 + 调整 1780823.20 = 18971163.35，全年预算数却填写 17190340.15
    （种子 000，seed-audit 000.X08）。
    """
    for rel in errors(ctx, "PX114"):
        exp, act = expected_actual(rel)
        yield ctx.hit(rel.where, expected=exp, actual=act, related=rel.related, **args(rel))


# ---- PX115 收支 identity ---------------------------------------------------------------------
def _first(*values):
    return next((v for v in values if v is not None), None)


@generator("PX115")
def _balance_rels(ctx):
    income = ctx.num("income_total_stated")
    if income is None:
        rows = [v for r, v in ctx.column_values("income", "executed") if r.source != "上年结转"]
        income = float(sum(rows)) if rows else None
    carry_in = _first(ctx.rnum(ctx.row("income", "上年结转"), "executed"),
                      ctx.num("carryover_prior"))
    spent = _first(ctx.num("exp_total_stated"), ctx.num("executed"))
    end = ctx.num("carryover_current")
    if None in (income, carry_in, spent, end):
        return
    yield SumRel("本年收入 + 上年结转 − 本年支出", end, ctx.at("carryover_current"),
                 "本年末结转结余", ((income, "本年收入"), (carry_in, "上年结转"), (-spent, "本年支出")))


@rule("PX115", "balance-identity", ERROR, title="收入 + 上年结转 ≠ 支出 + 年末结转结余",
      message="本年末结转结余应为 {sum}（本年收入 + 上年结转 − 本年支出：{parts}），表中填写 {total}；"
              "请核对收入、支出与结转结余",
      cases=[
          fails("414.31 + 0 − 400.00 = 14.31，年末结转结余填写 0",
                at="carryover_current", expected=14.31,
                values={"executed": 400.0, "carryover_prior": 0.0, "carryover_current": 0.0},
                rows={"income": [{"source": "一般公共预算财政拨款", "executed": 414.31}]}),
          passes("seed 002: 收入 414.31 − 支出 414.31 = 年末结转结余 0",
                 values={"executed": 414.31, "carryover_prior": 0.0, "carryover_current": 0.0},
                 rows={"income": [{"source": "一般公共预算财政拨款", "executed": 414.31}]}),
      ])
def balance_identity(ctx):
    """本年收入（收入合计（填报），未填时为收入表中除“上年结转”外各来源的全年执行数之和）加
    上年结转（收入表“上年结转”行，未填时取上年末结转结余）应等于本年支出（支出合计（填报），
    未填时为全年执行数）加本年末结转结余；四项都有时核对。

    合格：收入 414.31 + 上年结转 0 = 支出 414.31 + 年末结转结余 0（种子 002，seed-audit 002.H07）。
    不合格：收入 414.31、支出 400.00，年末结转结余填写 0。
    """
    for rel in errors(ctx, "PX115"):
        exp, act = expected_actual(rel)
        yield ctx.hit(rel.where, expected=exp, actual=act, **args(rel))


# ---- PX116 the same quantity stated twice -----------------------------------------------------
def _fmt(q: Q.Quantity, v: float) -> str:
    if q.kind == Q.RATE:
        return fmt_stated_rate(v)
    return fmt_amount(v, like=v) if q.kind == Q.AMOUNT else fmt_num(v)


def _quote(r) -> str:
    q = " ".join(str(r.quote or "").split())
    return f"（“{q[:30]}{'…' if len(q) > 30 else ''}”）" if q else ""


@rule("PX116", "stated-twice", ERROR, title="同一数据前后填写不一致",
      message="报告数据中的“{item}”为 {stated}{quote}，而工作簿{label}为 {workbook}（{cellref}）；"
              "同一数据应一致，请核对哪一处正确后统一",
      cases=[
          fails("seed 000: 年初预算数 17210340.15 对 17190340.15", at="statements[0].value",
                expected=17190340.15, values={"budget_initial": 17190340.15},
                rows={"statements": [{"item": "年初预算数", "value": 17210340.15}]}),
          fails("seed 004: 项目支出 1793.18 对 1793.17", at="statements[0].value",
                rows={"exp_nature": [{"item": "项目支出", "executed": 1793.17}],
                      "statements": [{"item": "项目支出全年执行数", "value": 1793.18}]}),
          passes("少写一位小数但四舍五入一致：3244335.7 对 3244335.71",
                 rows={"exp_nature": [{"item": "基本支出", "executed": 3244335.71}],
                       "statements": [{"item": "基本支出", "value": 3244335.7}]}),
          passes("比率交由 PX220 按运算数核对", values={"execution_rate_stated": 0.96,
                                                  "executed": 3995.49, "budget_full": 4128.02},
                 rows={"statements": [{"item": "执行率", "value": 0.9679}]}),
      ])
def stated_twice(ctx):
    """报告数据表（报告正文另处填写的数字）中的每一项，与工作簿中同一数据的单元格比较：两者应
    相同，或较粗的一个正是较细的一个四舍五入的结果。能由运算数算出的比率交由 PX220 核对。

    合格：正文 3244335.7 对 表中 3244335.71（少写一位，四舍五入一致）。
    不合格：正文年初预算数 17210340.15 对 表中 17190340.15（种子 000，seed-audit 000.X10）；
    正文专项资金 1793.18 对 表中项目支出 1793.17（种子 004，004.X04）。
    """
    from perfxl import layout as L
    for r, q, v in Q.statement_rows(ctx):
        if q.kind == Q.RATE and q.formula is not None and Q.evaluate(ctx, q.formula):
            continue  # PX220
        wb = Q.workbook_values(ctx, q)
        if not wb:
            continue
        ref = wb[0]
        if two_values(v, ref.value, percent=q.kind == Q.RATE):
            sheet, cell = ref.where
            src = q.sources[0]
            label = (L.LAYOUT.field(src.field).label if src.field
                     else f"{src.label}{L.LAYOUT.table(src.table).column(src.column).header}")
            exp = ref.value if q.kind != Q.AMOUNT else rounded_amount(ref.value, like=ref.value)
            yield ctx.hit(ctx.at_row(r, "value"), expected=exp, actual=v, item=r.item,
                          stated=_fmt(q, v), quote=_quote(r), label=f"“{label}”",
                          workbook=_fmt(q, ref.value), cellref=f"{sheet}!{cell}",
                          related=(ref.where,))


# ---- PX409 a statement naming a project row -----------------------------------------------
_PROJECT_SUFFIXES = ("专项资金", "资金", "项目", "经费", "基金")


def _project_core(name: str) -> str:
    """A project's name without its generic tail: 招商引资资金 -> 招商引资."""
    core = Q.normalise(name)
    for tail in _PROJECT_SUFFIXES:
        if core.endswith(tail) and len(core) > len(tail) + 1:
            return core[: -len(tail)]
    return core


def _project_candidates(ctx, item: str) -> list:
    """The project rows an unmatched 报告数据 item may mean: the project's name, without its
    generic tail, is written in the item (本级专项资金（招商引资） -> 招商引资资金), or the item in it."""
    text = Q.normalise(item)
    return [r for r in ctx.rows("projects") if r.project and len(text) >= 2
            and (_project_core(str(r.project)) in text or text in Q.normalise(str(r.project)))]


@rule("PX409", "statement-unmatched", WARNING, title="报告数据无法对应到项目",
      message="报告数据“{item}”为 {value}{quote}，对应不到工作簿中的数据项，perfxl 未核对它；它可能"
              "指{rows}；请人工核对两处是否一致，或把数据项改为工作簿中的名称",
      cases=[
          fails("seed 004: 本级专项资金（招商引资）320，项目表 招商引资资金 115",
                at="statements[0].value",
                rows={"projects": [{"project": "招商引资资金", "budget_full": 115.0,
                                    "executed": 115.0}],
                      "statements": [{"item": "本级专项资金（招商引资）", "value": 320}]}),
          passes("能识别的数据项由 PX116 核对",
                 rows={"projects": [{"project": "招商引资资金", "budget_full": 115.0}],
                       "statements": [{"item": "项目支出全年执行数", "value": 1793.18}]}),
          passes("不指任何项目的数据项（工作簿没有对应单元格）",
                 rows={"projects": [{"project": "招商引资资金", "budget_full": 115.0}],
                       "statements": [{"item": "上半年支出率", "value": 0.42}]}),
      ])
def statement_unmatched(ctx):
    """报告数据表中无法识别的数据项本来不参与核对；若它写的是某个项目（项目名称出现在数据项中），
    说明报告另处写了该项目的金额而 perfxl 无法自动对应——给出警告，列出可能对应的项目行及其
    金额，请用户人工核对，不静默丢弃。

    合格：数据项为“项目支出全年执行数”（可识别，由 PX116 核对）。
    不合格：基础数据表“本级专项资金（招商引资）”320，而项目自评表“招商引资资金”全年预算数 115
    （种子 004，seed-audit 004.X09）。
    """
    for r in ctx.rows("statements"):
        if Q.resolve(r.item) is not None or not is_number(r.value):
            continue
        found = _project_candidates(ctx, str(r.item or ""))
        if not found:
            continue
        rows = "、".join(
            f"项目自评表“{p.project}”（{ctx.at_row(p, 'project')[1]}，全年预算数 "
            f"{fmt_amount(ctx.rnum(p, 'budget_full'))}，全年执行数 "
            f"{fmt_amount(ctx.rnum(p, 'executed'))}）" for p in found)
        yield ctx.hit(ctx.at_row(r, "value"), actual=float(r.value), item=r.item,
                      value=fmt_num(float(r.value)), quote=_quote(r), rows=rows,
                      related=tuple(ctx.at_row(p, "project") for p in found))


# ---- PX117 功能分类 restated ------------------------------------------------------------------
@rule("PX117", "function-restated", ERROR, title="功能分类本年决算数前后不一致",
      message="“{subject}”本年决算数在报告中另处写作 {restated}，与 {current} 不一致（相差 {diff}）；"
              "请统一，并按正确数重算增减额",
      cases=[
          fails("seed 000: 商业服务业等支出 12830454.2 对 12830454.25",
                at="exp_function[0].current_restated", expected=12830454.25,
                rows={"exp_function": [{"subject": "商业服务业等支出", "current": 12830454.25,
                                        "current_restated": 12830454.2}]}),
          passes("seed 000: 一般公共服务支出 3244335.7 对 3244335.71（四舍五入一致）",
                 rows={"exp_function": [{"subject": "一般公共服务支出", "current": 3244335.71,
                                         "current_restated": 3244335.7}]}),
      ])
def function_restated(ctx):
    """报告常在收入、支出两段各写一次功能分类科目的本年决算数；“本年决算数（另处填报）”应与
    “本年决算数”相同，或为其四舍五入。

    合格：3244335.7 对 3244335.71（种子 000，seed-audit 000.X05 只差截尾）。
    不合格：12830454.2 对 12830454.25（种子 000，seed-audit 000.X06：相差 0.05，增减额也随之错）。
    """
    for r in ctx.rows("exp_function"):
        cur, again = ctx.rnum(r, "current"), ctx.rnum(r, "current_restated")
        if cur is None or again is None or not two_values(again, cur):
            continue
        yield ctx.hit(ctx.at_row(r, "current_restated"), expected=cur, actual=again,
                      subject=r.subject or "", restated=fmt_amount(again, like=again),
                      current=fmt_amount(cur, like=cur), diff=fmt_amount(abs(cur - again)),
                      related=(ctx.at_row(r, "current"),))
