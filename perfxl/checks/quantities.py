"""The quantities a report may state more than once, and how the 报告数据 sheet names them.

The ``statements`` table (sheet 报告数据) holds figures the report states a second time, each
under an item name (``数据项``).  An item name is resolved to a ``Quantity`` by, in order:

1. the vocabulary below (``VOCABULARY``: label and aliases, e.g. 全年支出率 → 执行率);
2. the label of an input or stated field of the layout (政府采购预算数, 公用经费决算数 ...);
3. a fixed table's row label followed by a column header (项目支出全年执行数, 公务接待费本年决算数).

A quantity knows where the workbook holds it (``sources``) and, for ratios and derived amounts,
how it is computed from other quantities (``formula``; ``alternatives`` are other equally valid
derivations, e.g. 全年预算数 = 年初预算数 + 预算调整数).  Kinds: amount (workbook unit), rate
(fraction), count, score.  Names with 上年 are prior-year figures (``prior``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from perfxl import layout as L
from perfxl.checks.compare import is_number
from perfxl.model import Row

__all__ = ["Source", "Formula", "Quantity", "VOCABULARY", "resolve", "normalise", "quantity",
           "values", "evaluate", "Value", "item_names",
           "workbook_values", "statement_rows", "Operand"]

AMOUNT, RATE, COUNT, SCORE = "amount", "rate", "count", "score"


@dataclass(frozen=True)
class Source:
    """A workbook cell that holds the quantity: a field, or a fixed table's row and column."""

    field: str | None = None
    table: str | None = None
    label: str | None = None
    column: str | None = None


@dataclass(frozen=True)
class Formula:
    """``fn(*operands)`` over other quantities; ``symbol`` shows it in messages (÷, +, −)."""

    operands: tuple[str, ...]
    fn: Callable[..., float | None]
    symbol: str


def _div(a: float, b: float) -> float | None:
    return None if b == 0 else a / b


def _change(cur: float, prior: float) -> float | None:
    return None if prior == 0 else (cur - prior) / prior


DIV = lambda a, b: Formula((a, b), _div, "÷")  # noqa: E731
PLUS = lambda a, b: Formula((a, b), lambda x, y: x + y, "+")  # noqa: E731
MINUS = lambda a, b: Formula((a, b), lambda x, y: x - y, "−")  # noqa: E731
CHANGE = lambda a, b: Formula((a, b), _change, "变动率")  # noqa: E731


@dataclass(frozen=True)
class Quantity:
    """One quantity of the vocabulary: its key, label, kind, aliases, sources and formula."""

    key: str
    label: str
    kind: str
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    formula: Formula | None = None
    alternatives: tuple[Formula, ...] = ()
    prior: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


def _f(key: str) -> Source:
    return Source(field=key)


def _r(table: str, label: str, column: str) -> Source:
    return Source(table=table, label=label, column=column)


_FISCAL = "一般公共预算财政拨款"

#: Quantities with their Chinese names (label first) — sources: seeds 000/002/004 and the layout.
VOCABULARY: tuple[Quantity, ...] = (
    Quantity("budget_initial", "年初预算数", AMOUNT, ("年初预算", "年度预算数"),
             (_f("budget_initial"),), alternatives=(MINUS("budget_full", "budget_adjustment"),)),
    Quantity("budget_adjustment", "预算调整数", AMOUNT, ("年中调整预算", "调整预算数", "预算调整"),
             (_f("budget_adjustment"),), alternatives=(MINUS("budget_full", "budget_initial"),)),
    Quantity("budget_full", "全年预算数", AMOUNT,
             ("全年预算", "调整后预算数", "预算调整后预算数", "调整后预算"),
             (_f("budget_full"),), alternatives=(PLUS("budget_initial", "budget_adjustment"),)),
    Quantity("executed", "全年执行数", AMOUNT, ("执行数", "全年执行", "预算执行数"),
             (_f("executed"),)),
    Quantity("execution_rate", "执行率", RATE,
             ("预算执行率", "全年支出率", "部门预算资金支出率", "预算完成率", "完成预算比例"),
             (_f("execution_rate_stated"),), DIV("executed", "budget_full")),
    Quantity("execution_score", "执行率得分", SCORE, ("预算执行率得分",),
             (_f("execution_score_stated"),)),
    Quantity("budget_adjustment_rate", "预算调整率", RATE, ("调整比率", "预算调整比率"),
             (), DIV("budget_adjustment", "budget_initial")),
    Quantity("exp_total", "支出合计", AMOUNT, ("决算支出", "本年支出合计", "支出总额", "决算支出合计"),
             (_f("exp_total_stated"),)),
    Quantity("exp_prior_total", "上年支出合计", AMOUNT, ("上年决算支出", "上年决算数"),
             (_f("exp_prior_total_stated"),), prior=True),
    Quantity("income_total", "收入合计", AMOUNT, ("本年收入合计", "决算收入", "收入总额"),
             (_f("income_total_stated"),)),
    Quantity("basic_exp", "基本支出", AMOUNT, ("基本支出执行数",),
             (_r("exp_nature", "基本支出", "executed"),)),
    Quantity("project_exp", "项目支出", AMOUNT, ("项目支出执行数", "专项资金支出"),
             (_r("exp_nature", "项目支出", "executed"),)),
    Quantity("fiscal_budget_full", "财政拨款全年预算数", AMOUNT, ("财政拨款预算数",),
             (_r("income", _FISCAL, "budget_full"),)),
    Quantity("fiscal_executed", "财政拨款全年执行数", AMOUNT,
             ("财政拨款执行数", "财政拨款收入", "财政拨款收入支出"),
             (_r("income", _FISCAL, "executed"),)),
    Quantity("fiscal_prior", "财政拨款上年决算数", AMOUNT, (),
             (_r("income", _FISCAL, "prior_final"),), prior=True),
    Quantity("fiscal_execution_rate", "财政拨款执行率", RATE, ("财政拨款预算完成率",),
             (), DIV("fiscal_executed", "fiscal_budget_full")),
    Quantity("fiscal_change", "财政拨款较上年增减额", AMOUNT, (),
             (), MINUS("fiscal_executed", "fiscal_prior")),
    Quantity("authorized", "编制数", COUNT, ("核定编制数",), (_f("authorized_total"),)),
    Quantity("in_service", "实际在职人数", COUNT, ("在职人数", "年末实际在职人数"),
             (_f("in_service_total"),)),
    Quantity("staff_control_rate", "在职人员控制率", RATE,
             ("财政供养人员控制率", "人员控制率", "财政供给实有人员占编制比例"),
             (_f("staff_control_rate_stated"),), DIV("in_service", "authorized")),
    Quantity("tp_final", "“三公”经费本年决算数", AMOUNT,
             ("三公经费", "三公经费支出", "三公经费本年决算数", "三公经费支出总额"),
             (_f("tp_final_stated"),)),
    Quantity("tp_budget", "“三公”经费本年预算数", AMOUNT, ("三公经费预算数", "三公经费本年预算数"),
             (_f("tp_budget_stated"),)),
    Quantity("tp_prior", "“三公”经费上年决算数", AMOUNT, ("上年三公经费", "三公经费上年决算数"),
             (_f("tp_prior_stated"),), prior=True),
    Quantity("tp_control_rate", "“三公”经费控制率", RATE, ("三公经费控制率",),
             (_f("three_public_control_rate_stated"),), DIV("tp_final", "tp_budget")),
    Quantity("tp_change_rate", "“三公”经费变动率", RATE, ("三公经费变动率",),
             (_f("three_public_change_rate_stated"),), CHANGE("tp_final", "tp_prior")),
    Quantity("public_funds_budget", "公用经费预算数", AMOUNT, (), (_f("public_funds_budget"),)),
    Quantity("public_funds_final", "公用经费决算数", AMOUNT, (), (_f("public_funds_final"),)),
    Quantity("public_funds_control_rate", "公用经费控制率", RATE, (),
             (), DIV("public_funds_final", "public_funds_budget")),
    Quantity("procurement_budget", "政府采购预算数", AMOUNT, (), (_f("procurement_budget"),)),
    Quantity("procurement_actual", "政府采购实际金额", AMOUNT, ("实际采购",),
             (_f("procurement_actual"),)),
    Quantity("procurement_rate", "政府采购执行率", RATE, (),
             (_f("procurement_rate_stated"),), DIV("procurement_actual", "procurement_budget")),
    Quantity("stock_prior", "上年末存量资金余额", AMOUNT, (), (_f("stock_funds_prior"),),
             prior=True),
    Quantity("stock_current", "本年末存量资金余额", AMOUNT, ("年末存量资金余额",),
             (_f("stock_funds_current"),)),
    Quantity("stock_change_rate", "存量资金变动率", RATE, ("部门财政存量资金变动率",),
             (_f("stock_funds_change_rate_stated"),), CHANGE("stock_current", "stock_prior")),
    Quantity("carryover_prior", "上年末结转结余", AMOUNT, (), (_f("carryover_prior"),),
             prior=True),
    Quantity("carryover_current", "本年末结转结余", AMOUNT, ("年末结转结余", "结转结余"),
             (_f("carryover_current"),)),
    Quantity("carryover_change_rate", "结转结余变动率", RATE, (),
             (), CHANGE("carryover_current", "carryover_prior")),
    Quantity("assets_total", "固定资产总额", AMOUNT, (), (_f("fixed_assets_total"),)),
    Quantity("assets_in_use", "在用固定资产总额", AMOUNT, (), (_f("fixed_assets_in_use"),)),
    Quantity("fixed_asset_utilization", "固定资产利用率", RATE, (),
             (_f("fixed_asset_utilization_stated"),), DIV("assets_in_use", "assets_total")),
    Quantity("score_total", "总分", SCORE, ("自评得分", "自评总分", "总分得分"),
             (_f("dept_score_total_stated"), _f("system_total_stated"))),
)

_BY_KEY = {q.key: q for q in VOCABULARY}
_KIND = {L.AMOUNT: AMOUNT, L.RATE: RATE, L.COUNT: COUNT, L.SCORE: SCORE, L.NUMBER: AMOUNT}
_DROP = re.compile(r"[\s“”\"'‘’]|（填报）|\(填报\)|（万元）|（元）|\(万元\)|\(元\)")


def normalise(name: str) -> str:
    """An item name as compared: NFKC, no blanks, no quotes, no （填报）/（万元） suffixes."""
    s = unicodedata.normalize("NFKC", str(name))
    s = s.replace("(填报)", "").replace("(万元)", "").replace("(元)", "")
    return _DROP.sub("", s)


@lru_cache(maxsize=None)
def _index() -> dict[str, Quantity]:
    idx: dict[str, Quantity] = {}
    for key, (_s, _b, f) in L.LAYOUT.fields.items():
        if f.role in (L.INPUT, L.STATED) and f.kind in _KIND:
            q = Quantity(f"field:{key}", f.label, _KIND[f.kind], (), (_f(key),),
                         prior="上年" in f.label)
            idx.setdefault(normalise(f.label), q)
    for tkey, (_s, t) in L.LAYOUT.tables.items():
        if t.rows is None:
            continue
        for label in t.rows:
            for c in t.columns[1:]:
                if c.role in (L.INPUT, L.STATED) and c.kind in _KIND:
                    name = label + c.header
                    q = Quantity(f"{tkey}:{label}:{c.key}", name, _KIND[c.kind], (),
                                 (_r(tkey, label, c.key),), prior="上年" in c.header)
                    idx.setdefault(normalise(name), q)
    for q in VOCABULARY:  # the vocabulary wins
        for n in q.names:
            idx[normalise(n)] = q
    return idx


def resolve(name: str | None) -> Quantity | None:
    """The quantity an item name of the 报告数据 sheet names, or ``None``."""
    if not name:
        return None
    return _index().get(normalise(name))


def quantity(key: str) -> Quantity:
    return _BY_KEY[key]


@dataclass(frozen=True)
class Operand:
    """A value of a quantity and where it was read: a workbook cell, or a 报告数据 row."""

    value: float
    where: tuple[str, str]
    statement: Row | None = None


def workbook_values(ctx, q: Quantity) -> list[Operand]:
    """The quantity as the workbook's own cells hold it (not the 报告数据 sheet)."""
    out: list[Operand] = []
    for s in q.sources:
        if s.field is not None:
            v = ctx.num(s.field)
            if v is not None:
                out.append(Operand(v, ctx.at(s.field)))
        else:
            row = ctx.row(s.table, s.label)
            v = ctx.rnum(row, s.column)
            if v is not None:
                out.append(Operand(v, ctx.at_row(row, s.column)))
    return out


def statement_rows(ctx) -> list[tuple[Row, Quantity, float]]:
    """(row, quantity, value) for every 报告数据 row whose item resolves and value is a number."""
    out = []
    for r in ctx.rows("statements"):
        q = resolve(r.item)
        if q is not None and is_number(r.value):
            out.append((r, q, float(r.value)))
    return out


# ---- values of a quantity from several places ------------------------------------------------
@dataclass(frozen=True)
class Value:
    """A candidate value of a quantity and how it was obtained (for messages)."""

    value: float
    text: str


def _fmt(q: Quantity, v: float) -> str:
    from perfxl.checks.compare import fmt_amount, fmt_num, fmt_rate
    if q.kind == RATE:
        return fmt_rate(v)
    if q.kind == AMOUNT:
        return fmt_amount(v)
    return fmt_num(v)


def values(ctx, key: str, *, workbook: bool = True, statements: bool = True,
           depth: int = 1) -> list[Value]:
    """Every value the workbook gives quantity ``key``: its own cells (``workbook``), the
    报告数据 rows naming it (``statements``) and, down to ``depth`` levels, its alternative
    derivations from other quantities (全年预算数 = 年初预算数 + 预算调整数).  Duplicates dropped."""
    q = _BY_KEY[key]
    out: list[Value] = []
    if workbook:
        out += [Value(op.value, _fmt(q, op.value)) for op in workbook_values(ctx, q)]
    if statements:
        out += [Value(v, _fmt(q, v)) for _r, q2, v in statement_rows(ctx) if q2.key == key]
    if depth > 0:
        for f in q.alternatives:
            out += evaluate(ctx, f, workbook=workbook, statements=statements, depth=depth - 1)
    seen: set[float] = set()
    uniq = []
    for v in out:
        k = round(v.value, 9)
        if k not in seen:
            seen.add(k)
            uniq.append(v)
    return uniq


def evaluate(ctx, formula: Formula, *, workbook: bool = True, statements: bool = True,
             depth: int = 1, limit: int = 64) -> list[Value]:
    """``formula`` over every combination of its operands' values (at most ``limit``)."""
    import itertools
    lists = [values(ctx, k, workbook=workbook, statements=statements, depth=depth)
             for k in formula.operands]
    if any(not lst for lst in lists):
        return []
    out = []
    for combo in itertools.islice(itertools.product(*lists), limit):
        v = formula.fn(*(c.value for c in combo))
        if v is None:
            continue
        parts = [f"（{c.text}）" if " " in c.text else c.text for c in combo]
        if formula.symbol == "变动率":
            text = f"（{parts[0]} − {parts[1]}）÷ {parts[1]}"
        else:
            text = f" {formula.symbol} ".join(parts)
        out.append(Value(v, text))
    return out


def item_names() -> tuple[str, ...]:
    """The canonical item names of the vocabulary (a dropdown for the 报告数据 sheet's 数据项
    column; any field label or fixed-table “行名 + 列名” is accepted too)."""
    return tuple(q.label for q in VOCABULARY)
