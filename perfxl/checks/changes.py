"""PX212–PX213: 较上年增减额 and its direction word (增加 / 减少 / 持平) against the figures.

Three places state a change: each 功能分类 row (本年 − 上年决算数), the 支出合计 (支出合计 − 上年
支出合计, or the 功能分类 sums), and the “三公”经费 (本年 − 上年决算合计).  Reports write a change
as a magnitude with a word (“减少 171152.91 元”); a negative stated change is compared signed.
Where the report restates the 本年 figure (``current_restated``), a change computed from the
restated figure is accepted: the restatement itself is PX117's business (seed 000: 12830454.2 −
1551425.26 = 11279028.94).
"""
from __future__ import annotations

from typing import Iterator, NamedTuple

from perfxl import derived
from perfxl.checks.compare import fmt_amount, rounded_amount, wrong
from perfxl.checks.finding import ERROR
from perfxl.checks.registry import fails, passes, rule

__all__ = ["changes", "Change"]


class Change(NamedTuple):
    what: str                       # 「“一般公共服务支出”」
    computed: float                 # signed, 本年 − 上年
    alternatives: tuple[float, ...]  # other accepted signed values
    formula: str                    # "3244335.71 − 3034059.49"
    amount: float | None            # stated change as typed
    amount_where: tuple[str, str] | None
    word: str | None
    word_where: tuple[str, str] | None


def _num(v) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def changes(ctx) -> Iterator[Change]:
    """Every stated change (amount and/or word) with the change the workbook computes."""
    for r in ctx.rows("exp_function"):
        amount, word = _num(r.change_stated), (r.change_word_stated or None)
        if amount is None and word is None:
            continue
        cur, pri = _num(r.current), _num(r.prior)
        computed = derived.function_row_change(r)
        if computed is None:
            continue
        again = _num(r.current_restated)
        alts = (again - (pri or 0.0),) if again is not None else ()
        yield Change(f"“{r.subject}”", computed, alts,
                     f"{fmt_amount(cur or 0.0)} − {fmt_amount(pri or 0.0)}", amount,
                     ctx.at_row(r, "change_stated"), word, ctx.at_row(r, "change_word_stated"))
    amount, word = ctx.num("exp_change_stated"), ctx.text("exp_change_word_stated")
    if amount is not None or word is not None:
        cur, pri = ctx.num("exp_total_stated"), ctx.num("exp_prior_total_stated")
        if cur is None or pri is None:
            if ctx.rows("exp_function"):
                cur = derived.function_current_sum(ctx.model)
                pri = derived.function_prior_sum(ctx.model)
        if cur is not None and pri is not None:
            yield Change("支出合计", cur - pri, (), f"{fmt_amount(cur)} − {fmt_amount(pri)}",
                         amount, ctx.at("exp_change_stated"), word,
                         ctx.at("exp_change_word_stated"))
    amount, word = ctx.num("tp_change_stated"), ctx.text("tp_change_word_stated")
    if amount is not None or word is not None:
        cur = derived.tp_total(ctx.model, "final")
        pri = derived.tp_total(ctx.model, "prior_final")
        if cur is not None and pri is not None:  # (a blank total: no computed change)
            yield Change("“三公”经费", cur - pri, (),
                         f"{fmt_amount(cur)} − {fmt_amount(pri)}", amount,
                         ctx.at("tp_change_stated"), word, ctx.at("tp_change_word_stated"))


def _word(x: float) -> str:
    return "增加" if x > 0 else "减少" if x < 0 else "持平"


def _signed(c: Change) -> float | None:
    """The stated change as a signed number (a magnitude takes the sign of its word)."""
    if c.amount is None:
        return None
    if c.amount < 0 or c.word not in ("减少",):
        return c.amount
    return -c.amount


_FN = [{"subject": "社会保障和就业支出", "current": 758799.44, "prior": 929952.35}]


@rule("PX212", "change-amount", ERROR, title="较上年增减额与计算值不符",
      message="{what}较上年增减额应为 {expected_text}（{formula}），表中填写 {actual_text}；"
              "请改为 {magnitude}",
      cases=[
          fails("758799.44 − 929952.35 = −171152.91，填写 171125.91（减少）",
                at="exp_function[0].change_stated", expected=-171152.91,
                rows={"exp_function": [dict(_FN[0], change_stated=171125.91,
                                            change_word_stated="减少")]}),
          passes("seed 000: 减少 171152.91", rows={"exp_function": [
              dict(_FN[0], change_stated=171152.91, change_word_stated="减少")]}),
          passes("seed 000: 按另处填报的 12830454.2 算出的 11279028.94 不在此报告（见 PX117）",
                 rows={"exp_function": [{"subject": "商业服务业等支出", "current": 12830454.25,
                                         "prior": 1551425.26, "current_restated": 12830454.2,
                                         "change_stated": 11279028.94,
                                         "change_word_stated": "增加"}]}),
      ])
def change_amount(ctx):
    """填报的较上年增减额（数值，配合增减方向）应等于本年数 − 上年数：功能分类各科目、支出合计、
    “三公”经费合计。方向由 PX213 核对；此处只比较数额（方向不明时比较绝对值）。

    合格：社会保障和就业支出 758799.44 − 929952.35 = −171152.91，填写“减少 171152.91”
    （种子 000，seed-audit 000.H17）。
    不合格：填写“减少 171125.91”；“三公”经费 5.76 − 11.37 = −5.61，填写 0.11（种子 004，004.X07）。
    """
    for c in changes(ctx):
        if c.amount is None:
            continue
        cands = (c.computed, *c.alternatives)
        signed = _signed(c)
        if c.word in ("增加", "减少") or c.amount < 0:
            ok = any(not wrong(abs(signed), abs(x)) for x in cands)  # direction: PX213
        else:
            ok = any(not wrong(abs(c.amount), abs(x)) for x in cands)
        if ok:
            continue
        yield ctx.hit(c.amount_where, expected=rounded_amount(c.computed), actual=signed,
                      what=c.what,
                      expected_text=f"{_word(c.computed)} {fmt_amount(abs(c.computed))}",
                      formula=c.formula, actual_text=fmt_amount(c.amount, like=c.amount),
                      magnitude=fmt_amount(abs(c.computed)))


@rule("PX213", "change-direction", ERROR, title="增减方向与数据不符",
      message="{what}本年数比上年{direction}（{formula} = {diff}），增减方向应为“{expected_word}”，"
              "表中填写“{actual_word}”",
      cases=[
          fails("seed 000: 3244335.71 − 3034059.49 = +210276.22，写作“减少”",
                at="exp_function[0].change_word_stated", expected="增加",
                rows={"exp_function": [{"subject": "一般公共服务支出", "current": 3244335.71,
                                        "prior": 3034059.49, "change_stated": 210276.21,
                                        "change_word_stated": "减少"}]}),
          fails("seed 004: “三公”经费 11.37 → 5.76，写作“增加”", at="tp_change_word_stated",
                expected="减少", values={"tp_prior_stated": 11.37, "tp_final_stated": 5.76,
                                        "tp_change_word_stated": "增加"}),
          passes("seed 000: 卫生健康支出增加 53982.31", rows={"exp_function": [
              {"subject": "卫生健康支出", "current": 225387.8, "prior": 171405.49,
               "change_stated": 53982.31, "change_word_stated": "增加"}]}),
      ])
def change_direction(ctx):
    """增减方向（增加 / 减少 / 持平）应与本年数 − 上年数的符号一致。

    合格：卫生健康支出 225387.80 − 171405.49 = +53982.31，写“增加”（种子 000，seed-audit 000.H18）。
    不合格：一般公共服务支出 3244335.71 − 3034059.49 > 0 却写“减少”（种子 000，000.X03、X04）；
    “三公”经费 11.37 → 5.76 写“增加”（种子 004，004.X07）。
    """
    for c in changes(ctx):
        if c.word is None:
            continue
        want = _word(c.computed)
        if abs(c.computed) < 0.005 and c.word == "持平":
            continue
        if c.word != want:
            yield ctx.hit(c.word_where, expected=want, actual=c.word, what=c.what,
                          direction={"增加": "增加", "减少": "减少", "持平": "持平"}[want],
                          formula=c.formula, diff=f"{c.computed:+.2f}", expected_word=want,
                          actual_word=c.word)
