"""PX220–PX221: ratios (and derived amounts) the report states on the 报告数据 sheet.

A figure such as 「全年支出率为 91%」 or 「完成预算的 100.83%」 is checked against its operands.
Reports are often inconsistent about the operands themselves (two 年初预算数, a 全年预算数 that
is not 年初 + 调整), so:

* PX220 accepts the stated figure when it agrees with *any* reading of its operands the workbook
  offers (the workbook's cells, the 报告数据 rows, and alternative derivations such as 全年预算数
  = 年初预算数 + 预算调整数); it reports the figure only when no reading reproduces it.  The
  contradictions among the operands are reported where they are (PX114, PX116).
* PX221 reports a figure that agrees with the workbook but not with the operands the report
  itself restates (all operands on the 报告数据 sheet): the report's own sentence does not add up.
"""
from __future__ import annotations

from perfxl.checks import quantities as Q
from perfxl.checks.compare import (fmt_amount, fmt_num, fmt_rate, fmt_stated_rate, rounded_amount,
                                   rounded_rate, wrong)
from perfxl.checks.finding import ERROR
from perfxl.checks.ratios import percent_slip
from perfxl.checks.registry import fails, passes, rule


def _matches(q: Q.Quantity, stated: float, cands: list[Q.Value]) -> bool:
    rate = q.kind == Q.RATE
    return any(not wrong(stated, c.value, percent=rate)
               or (rate and percent_slip(stated, c.value)) for c in cands)


def _texts(q: Q.Quantity, stated: float, best: Q.Value) -> dict:
    if q.kind == Q.RATE:
        return {"stated": fmt_stated_rate(stated),
                "expected_text": fmt_rate(best.value, like=stated)}
    fmt = fmt_amount if q.kind == Q.AMOUNT else fmt_num
    return {"stated": fmt(stated), "expected_text": fmt(best.value)}


def _expected(q: Q.Quantity, stated: float, best: Q.Value) -> float:
    if q.kind == Q.RATE:
        return rounded_rate(best.value, like=stated)  # type: ignore[return-value]
    return rounded_amount(best.value) if q.kind == Q.AMOUNT else best.value  # type: ignore


_EXEC = {"budget_initial": 17190340.15, "budget_adjustment": 1780823.2,
         "budget_full": 17190340.15, "executed": 17333259.2}


@rule("PX220", "report-ratio", ERROR, title="报告正文的比率与其运算数不符",
      message="报告数据“{item}”为 {stated}，按{label}的运算数（{formula}）应为 {expected_text}；"
              "请核对该数或其运算数",
      cases=[
          fails("seed 000: 财政拨款执行率 17333145.09 ÷ 17210340.15 = 100.71%，正文写 100.83%",
                at="statements[1].value", expected=1.0071,
                rows={"income": [{"source": "一般公共预算财政拨款", "executed": 17333145.09}],
                      "statements": [{"item": "财政拨款全年预算数", "value": 17210340.15},
                                     {"item": "财政拨款执行率", "value": 1.0083}]}),
          passes("seed 000: 全年支出率 91% = 17333259.20 ÷（年初 + 调整 18971163.35）",
                 values=_EXEC, rows={"statements": [{"item": "全年支出率", "value": 0.91}]}),
          passes("seed 004: 正文预算控制率 96.79% = 3995.49 ÷ 4128.02（自评表的 96.00% 由 PX201 报告）",
                 values={"budget_full": 4128.02, "executed": 3995.49, "execution_rate_stated": 0.96},
                 rows={"statements": [{"item": "执行率", "value": 0.9679}]}),
      ])
def report_ratio(ctx):
    """报告数据表中能由运算数算出的数（执行率、预算调整率、控制率、变动率、财政拨款执行率、
    财政拨款增减额……）应与其运算数一致。运算数可取工作簿的单元格、报告数据表中另处填写的值，
    或其另一种算法（全年预算数 = 年初预算数 + 预算调整数）；任一种读法能得出该数即不报告，
    运算数之间的矛盾由 PX114、PX116 报告。

    合格：正文“全年支出率 91%” = 17333259.20 ÷（17190340.15 + 1780823.20）= 91.37%（种子 000，
    seed-audit 000.H24）。
    不合格：正文“完成预算的 100.83%”，而同段的财政拨款执行 17333145.09 ÷ 预算 17210340.15 = 100.71%
    （种子 000，seed-audit 000.X11）。
    """
    for r, q, v in Q.statement_rows(ctx):
        if q.formula is None:
            continue
        cands = Q.evaluate(ctx, q.formula)
        if not cands or _matches(q, v, cands):
            continue
        own = Q.evaluate(ctx, q.formula, statements=False, depth=0)
        best = (own or cands)[0]
        yield ctx.hit(ctx.at_row(r, "value"), expected=_expected(q, v, best), actual=v,
                      item=r.item, label=q.label, formula=best.text, **_texts(q, v, best))


@rule("PX221", "report-ratio-own-operands", ERROR, title="报告正文的比率与正文自身的运算数不符",
      message="报告数据“{item}”为 {stated}，而报告另处填写的运算数给出 {formula} = {expected_text}；"
              "该数与工作簿一致，但与正文自身的数据矛盾，请核对正文",
      cases=[
          fails("seed 000: 调整比率 10.35%，而正文调整后预算 17333259.2、年初预算 17210340.15 给出 0.71%",
                at="statements[2].value", expected=0.0071,
                values={**_EXEC},
                rows={"statements": [{"item": "年初预算数", "value": 17210340.15},
                                     {"item": "全年预算数", "value": 17333259.2},
                                     {"item": "预算调整率", "value": 0.1035}]}),
          passes("运算数未在正文另处填写时不核对（种子 000 全年支出率 91%）", values=_EXEC,
                 rows={"statements": [{"item": "全年预算数", "value": 17333259.2},
                                      {"item": "全年支出率", "value": 0.91}]}),
      ])
def report_ratio_own_operands(ctx):
    """报告数据表中的比率，若其全部运算数也在报告数据表中（报告自己在同处或另处写出的数），
    则按这些数重算；与工作簿一致（PX220 不报告）却与正文自身的运算数不符时报告。

    合格：正文只写了“全年支出率 91%”和调整后预算，未写执行数——无从按正文重算，不报告。
    不合格：正文“调整比率为 10.35%”，而同句的调整后预算 17333259.2 与年初预算 17210340.15 给出
    (17333259.2 − 17210340.15) ÷ 17210340.15 = 0.71%（种子 000，seed-audit 000.X14；10.35% 只在用
    年中调整预算 1780823.20 时成立，000.H26）。
    """
    for r, q, v in Q.statement_rows(ctx):
        if q.formula is None:
            continue
        cands = Q.evaluate(ctx, q.formula)
        if not cands or not _matches(q, v, cands):
            continue  # PX220's business, or nothing to compare
        own = Q.evaluate(ctx, q.formula, workbook=False)
        if not own or _matches(q, v, own):
            continue
        best = own[0]
        yield ctx.hit(ctx.at_row(r, "value"), expected=_expected(q, v, best), actual=v,
                      item=r.item, formula=best.text, **_texts(q, v, best))
