"""PX634: a change against the budget whose base the prose leaves to a table above it.

「公务接待费与年初预算相比，增加 2.30 万元，增长 2.30%」 after a table whose 公务接待费 row gives
年初预算数 2.00 and 决算数 4.30: the rate is 2.30 ÷ 2.00 = 115%.  「会议费与年初预算相比无变化」
over a row of 年初预算数 12 and 决算数 0 is not 无变化.

The item is resolved only when one table row above the sentence has the same name (after the
glossary's synonyms, ``perfxl.draft.quantities.subject_name``), and the two columns are told by
their header labels: one of the stage the sentence compares with (年初预算 / 调整预算 / 全年预算 /
预算), one of spending (决算 / 执行 / 实际), of the sentence's year when the header writes one.
Anything else (two rows, two columns of a stage, a prose figure the row does not hold) leaves
the change unchecked.
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.claims import DOWN, FLAT, UP
from perfxl.draft.common import (amount_in, off, place_of, quantize, quote, quotient_tol,
                                 rate_text, rounded_tol, shown)
from perfxl.draft.numbers import UNIT_SCALE
from perfxl.draft.quantities import stage_of, subject_name
from perfxl.draft.tables import figure_of, stated_unit
from perfxl.draft.units import money_in
from perfxl.numbers import excel_round

#: the bases of a change that are budgets (``Claim.basis``), by the stage they name
BUDGET_BASES = ("年初预算", "年初", "调整后预算", "调整后的预算", "调整预算", "全年预算", "预算")
_SPENT = ("决算", "执行", "实际支出")
_YEAR = re.compile(r"((?:19|20)\d\d)")

_TABLE = ("2024年度“三公”经费预算执行情况表（单位：万元）\n"
          "项目 | 2024年年初预算数 | 2024年决算数\n"
          "公务接待费 | {budget} | {spent}\n"
          "公务用车运行维护费 | 8.00 | 7.50\n")


def _item(text: str) -> str | None:
    """The quantity a subject or a row label names, without stage words ("公务接待费支出决算"
    -> 公务接待费); ``None`` for none or a bare 支出."""
    name, _scope = subject_name(re.sub(r"[“”\"'\s]", "", text))
    if not name or len(name) < 2:
        return None
    name = re.sub(r"(?<=费)支出$", "", name)  # 会议费支出 = 会议费
    return name


def _basis(c) -> tuple[str, str] | None:
    """(budget stage, subject words) of a change measured against a budget, else ``None``."""
    if c.basis not in BUDGET_BASES:
        return None
    return stage_of(c.basis) or "年初预算", c.subject  # 「较年初增加」: 年初 alone is the budget


def _one(cols, want, year: int | None, report: int | None):
    """The single column of stage ``want`` (a stage or a tuple of them) for ``year``; a header
    that writes no year is taken for the report's year only."""
    wants = (want,) if isinstance(want, str) else want
    got = []
    for h, cell in cols:
        ys = _YEAR.findall(h)
        if (int(ys[-1]) if ys else report) != year:
            continue
        if stage_of(h) in wants or (want == "预算" and stage_of(h) == "预算"):
            got.append((h, cell))
    return got[0] if len(got) == 1 else None


def _rows_by_name(ctx) -> dict[str, list[tuple[int, int, object, object]]]:
    """Item name -> (end, number of its table, table, row) of every table row lined up with a
    header, in text order; built once per draft (a long draft has thousands of rows and of
    change claims)."""
    key = ("PX634", "rows")
    if key not in ctx.memo:
        index: dict = {}
        for k, t in enumerate(ctx.tables):
            for r in t.rows:
                name = _item(r.label) if r.cells and r.header else None
                if name:
                    index.setdefault(name, []).append((r.cells[-1].end, k, t, r))
        for v in index.values():
            v.sort(key=lambda e: e[0])
        ctx.memo[key] = index
    return ctx.memo[key]


def _row_above(ctx, name: str, before: int):
    """The table row named ``name`` nearest above offset ``before``, with its table; ``None``
    when two rows above carry the name in one table (which one is meant is not said)."""
    rows = [e for e in _rows_by_name(ctx).get(name, ()) if e[0] <= before]
    if not rows:
        return None
    end, k, t, r = rows[-1]
    if sum(1 for e in rows if e[1] == k) > 1:
        return None
    return t, r


def table_base(ctx, c):
    """What PX634 needs of a change claim (the table, the row, the budget and spending columns
    and figures, the unit), or ``None`` when anything is unresolved; read once per claim."""
    key = ("PX634", id(c))
    if key not in ctx.memo:
        ctx.memo[key] = _resolved(ctx, c)
    return ctx.memo[key]


def _resolved(ctx, c):
    got = _basis(c)
    if got is None:
        return None
    stage, words = got
    cur, prior, amount, r = c.figures
    if prior is not None:
        return None  # the base is written: PX601–PX603 check it
    if not words.strip(" ,") and cur is not None:
        words = cur.label  # 「公务接待费决算 4.30 万元，与年初预算相比，…」
    name = _item(words)
    if name is None:
        return None
    doc = ctx.doc
    k = bisect.bisect_right(doc.sentences, (c.span[0], float("inf"))) - 1
    sent = doc.sentences[k] if k >= 0 else c.span
    ys = [int(y) for y in re.findall(r"((?:19|20)\d\d)\s*年", doc.flat[sent[0]:c.span[1]])]
    year = ys[-1] if ys else doc.year
    found = _row_above(ctx, name, c.span[0])
    if found is None:
        return None
    t, row = found
    cols = row.columns()
    own = stage_of(words)
    base_col = _one(cols, stage, year, doc.year)
    spent_col = _one(cols, own if own in _SPENT else _SPENT, year, doc.year)
    if base_col is None or spent_col is None:
        return None
    figs = [figure_of(doc, cell) if cell.number else None for _h, cell in (base_col, spent_col)]
    if None in figs or any(f.rate or f.count for f in figs):
        return None
    base, spent = figs
    if cur is not None and cur.value != spent.value:
        return None  # the prose's figure is not the row's: another quantity, or another unit
    unit = (stated_unit(base_col[0], spent_col[0]) or t.unit
            or (cur.unit if cur is not None and cur.money else None))
    return t, row, base_col, spent_col, base, spent, amount, r, unit


def _where(ctx, t, row) -> str:
    at = place_of(ctx.doc, row.cells[0].start, column=False)
    return f"“{t.label}”{at}" if t.title else f"表中{at}"


@rule("PX634", "draft-change-table-base", "error",
      title="文字中与预算相比的增减与上文表中该项的预算数、决算数不符",
      message="“{quote}”：{where}“{row}”的{base_col} {base}、{spent_col} {spent}，{problem}；"
              "请改为{fix}（或核对表中数字）",
      cases=[fails("增减率按表中年初预算 2.00 算应为 115%", at="5", expected=115,
                   text=_TABLE.format(budget="2.00", spent="4.30")
                   + "公务接待费与年初预算相比，增加 2.30 万元，增长 2.30%。\n"),
             fails("表中预算 12、决算 0，文字写无变化", at="5", expected="减少",
                   text=_TABLE.format(budget="12.00", spent="0")
                   + "公务接待费支出与年初预算相比无变化。\n"),
             passes("增减率与表中数字一致", text=_TABLE.format(budget="2.00", spent="4.30")
                    + "公务接待费与年初预算相比，增加 2.30 万元，增长 115%。\n"),
             passes("表中没有同名的行", text=_TABLE.format(budget="2.00", spent="4.30")
                    + "会议费与年初预算相比，增加 2.30 万元，增长 2.30%。\n"),
             passes("表中是预算数，文字比的是调整预算（阶段不同）",
                    text=_TABLE.format(budget="2.00", spent="4.30")
                    + "公务接待费与调整预算相比，增加 2.30 万元，增长 2.30%。\n")])
def change_table_base(ctx):
    """“X 与年初预算相比，增加 C，增长 R%”“X 与年初预算相比无增减 / 无变化”而句中没写年初
    预算数时，取上文表中 X 一行的预算数与决算（执行）数：增减方向、增减额、增减率（= 增减额
    ÷ 预算数）都应与这两个数一致；“无增减 / 无变化 / 持平”要求两数相等。按所写各数末位的
    半个单位比较。

    需要确定：上文只有一张表的一行与 X 同名（按术语表的同义词）；表头按名称认出一列是句中
    所比的那个预算阶段（年初预算 / 调整预算 / 全年预算 / 预算，阶段须相同），一列是决算
    （执行、实际支出），表头写了年度的须是句子的年度（没写年度的表头算作报告年度）；句中写了本期数时须等于表中该行的数。
    有一样不确定就不报告。
    合格：表中公务接待费年初预算数 2.00、决算数 4.30，文字“与年初预算相比，增加 2.30 万元，
    增长 115%”。
    不合格：同一张表，文字“增长 2.30%”（应为 115%）；表中年初预算 12、决算 0，文字“与年初
    预算相比无变化”。
    """
    doc = ctx.doc
    for c in ctx.claims.of("change"):
        got = table_base(ctx, c)
        if got is None:
            continue
        t, row, base_col, spent_col, base, spent, amount, r, unit = got
        diff = spent.value - base.value
        tol = rounded_tol(base, yuan=False) + rounded_tol(spent, yuan=False)
        word = c.words.rstrip("了")
        real = "相等" if abs(diff) <= tol else ("增加" if diff > 0 else "减少")
        args = {"quote": quote(doc, c.span[0], c.span[1]), "where": _where(ctx, t, row),
                "row": row.label, "base_col": base_col[0], "base": shown(doc, base),
                "spent_col": spent_col[0], "spent": shown(doc, spent)}
        bad_word = ((word in FLAT and real != "相等") or (word in UP and real == "减少")
                    or (word in DOWN and real == "增加"))
        named = {"万": "万元", "亿": "亿元"}.get(unit, unit) if unit else ""
        bare = _num(abs(diff), base, spent)
        gap = bare + (f" {named}" if named in ("元", "万元", "亿元") else "")
        if bad_word:
            fix = "持平" if real == "相等" else f"{real} {gap}"
            said = "两数相等" if real == "相等" else f"{spent_col[0]}比{base_col[0]}{real} {gap}"
            yield Hit(c.span, expected="持平" if real == "相等" else real, actual=word,
                      args={**args, "problem": f"{said}，文字却写“{word}”", "fix": f"“{fix}”"})
            continue
        if word in FLAT or not base.value:
            continue
        if amount is not None and amount.money and unit in ("元", "万元", "亿元", "万", "亿"):
            scale = UNIT_SCALE[{"万元": "万", "亿元": "亿"}.get(unit, unit)]
            want = abs(diff) * scale
            if off(amount.value_yuan, want, amount.tol_yuan + tol * scale):
                (e, a), in_unit = money_in(amount, want, amount.value_yuan)
                yield Hit(c.span, expected=e, actual=a, unit=in_unit,
                          args={**args, "problem": f"两数相差 {amount_in(want, amount)}，文字写 "
                                f"{shown(doc, amount)}", "fix": f" {amount_in(want, amount)}"})
                continue
        if r is None or r.unit != "%":
            continue
        rate = abs(diff) / base.value
        rtol = r.tol / 100 + quotient_tol(diff, tol, base.value, rounded_tol(base, yuan=False))
        if off(r.value / 100, rate, rtol):
            text = rate_text(rate, max(r.places, 2))
            yield Hit(c.span, expected=excel_round(rate * 100, max(r.places, 2)),
                      actual=float(r.value), unit="%",
                      args={**args, "problem": f"增减率 = {bare} ÷ {shown(doc, base)} = {text}，"
                            f"文字写 {shown(doc, r)}", "fix": f" {rate_text(rate, r.places)}"})


def _num(x: Decimal, *like) -> str:
    """A table amount written at the decimals of the cells it comes from."""
    places = max(f.places for f in like)
    return f"{quantize(x, places):f}"
