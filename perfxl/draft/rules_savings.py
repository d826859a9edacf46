"""PX646 / PX647 / PX653: a saving against its base — 政府采购 节约资金 / 节约率, 财政投资评审 审减率.

「采购预算 P 万元，实际采购金额 A 万元，节约资金 S 万元，节约率 R%」: S = P − A and R = S ÷ P
(the savings rate of 政府采购 statistics is the savings over the procurement budget, 采购预算 /
采购计划).  A group is the words from the previous rate (or the start of the sentence, a ``;``
or a 其中) up to 节约率 / 节支率; its amounts are told by their own words: 节约 / 节支 / 节省 the
savings, 实际 / 成交 / 中标 / 合同 / 规模 the amount bought, 预算 / 计划 the budget.  A group with
an amount of none of these, or two of one, is not read.  「政府采购规模为 A，较采购计划节约资金 S」
states no budget: it is A + S.

The rate is compared as written: half a unit of its last digit (Excel's ROUND, half away from
zero: 18.75% written with no decimal is 19%, and 18% is wrong), plus what the amounts' own
rounding may move the quotient.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import amount_in, off, quote, quotient_tol, rate_text, rounded_tol, shown
from perfxl.draft.numbers import Figure, figures

_CUT = re.compile(r"[;。]|其中")
#: 「平均审减率」「平均节约率」: a mean of each project's rate, not the totals' quotient.
_MEAN = re.compile(r"(?:平均|均)$")


@dataclass(frozen=True)
class _Relation:
    """A rate of a saving over its base, as data: the words of the rate and of each amount.

    ``saved`` / ``bought`` / ``budget`` are the words before an amount that make it the saving,
    what is left of the base, and the base (tried in that order; 「实际」 is what is left when
    ``bought`` reads it, before ``budget``: 「实际采购金额」 is no 预算); ``derive``: a base or saving not written may be
    computed from the other two; ``net``: the rate may also be (base − left) ÷ base."""

    name: str
    rate: re.Pattern
    saved: re.Pattern
    bought: re.Pattern
    budget: re.Pattern
    derive: bool
    net: bool


_WHICH = r"\s*(?:为|是|达到|达|约)?\s*(?P<r>\d+(?:\.\d+)?)\s*%"
#: 政府采购: 节约率 = 节约资金 ÷ 采购预算
_SAVINGS = _Relation("savings", re.compile(r"(?:节约|节支|节省)(?:资金)?率" + _WHICH),
                     re.compile(r"节约|节支|节省"), re.compile(r"实际|成交|中标|合同金额|规模|采购总?金额"),
                     re.compile(r"预算|计划"), derive=True, net=False)
#: 财政投资评审: 审减率 = 审减金额 ÷ 送审金额 (审定 = 送审 − 审减 + 审增, so 审减 may not be
#: 送审 − 审定: the amounts are never derived, and the net rate is also accepted)
_AUDIT_CUT = _Relation("audit-cut", re.compile(r"审减率" + _WHICH), re.compile(r"审减"),
                       re.compile(r"审定"), re.compile(r"送审"), derive=False, net=True)


@dataclass(frozen=True)
class _Group:
    rate: Figure
    span: tuple[int, int]
    budget: Figure | None
    bought: Figure | None
    saved: Figure | None


def _kind(words: str, rel: _Relation) -> str | None:
    if rel.saved.search(words):
        return "saved"
    if "实际" in words and rel.bought.search("实际"):
        return "bought"
    if rel.budget.search(words):
        return "budget"
    if rel.bought.search(words):
        return "bought"
    return None


def _groups(ctx, rel: _Relation = _SAVINGS) -> list[_Group]:
    key = "savings" if rel is _SAVINGS else f"savings:{rel.name}"
    memo = ctx.memo.get(key)
    if memo is not None:
        return memo
    flat, out = ctx.doc.flat, []
    if "率" in flat:
        for a, b in ctx.doc.sentences:
            lo = a
            for m in rel.rate.finditer(flat, a, b):
                cut = max((c.end() for c in _CUT.finditer(flat, lo, m.start())), default=lo)
                figs = figures(flat, cut, m.end())
                rate = next((f for f in figs if f.start == m.start("r")), None)
                money = [f for f in figs if f.money]
                lo = m.end()
                if (rate is None or not money
                        or _MEAN.search(flat, max(a, m.start() - 2), m.start())):
                    continue
                got: dict[str, list[Figure]] = {}
                prev = cut
                for f in money:
                    kind = _kind(flat[prev:f.start], rel)
                    prev = f.end
                    got.setdefault(kind or "", []).append(f)
                if "" in got or any(len(v) > 1 for v in got.values()):
                    continue  # an amount of something else, or two of one: not read
                out.append(_Group(rate, (money[0].start, rate.end),
                                  *(got.get(k, [None])[0] for k in ("budget", "bought", "saved"))))
    ctx.memo[key] = out
    return out


def _tol(f: Figure, among) -> Decimal:
    return rounded_tol(f, among=among)


@rule("PX646", "draft-savings-rate", "error", title="节约率不等于节约资金 ÷ 采购预算",
      message="“{quote}”：节约率 = 节约资金 {saved} ÷ 采购预算 {budget} = {expected_text}，"
              "文字写 {stated}；请改为 {expected_text}（按四舍五入保留所写位数）",
      cases=[fails("节约率只舍不入（18.75% 写成 18%）", at="1", expected=18.75,
                   text="工程类采购预算 3200.00 万元，实际采购金额 2600.00 万元，节约资金 600.00 万元，"
                        "节约率为 18%。"),
             passes("按四舍五入保留整数",
                    text="工程类采购预算 3200.00 万元，实际采购金额 2600.00 万元，节约资金 600.00 万元，"
                         "节约率为 19%。"),
             fails("只写了规模和较计划节约的资金：预算是二者之和", at="1", expected=12.5,
                   text="全年政府采购规模 7.00 亿元，较采购计划节约资金 1.00 亿元，资金节约率 13.5%。"),
             passes("规模加节约资金得出的预算与节约率相符",
                    text="全年政府采购规模 7.00 亿元，较采购计划节约资金 1.00 亿元，资金节约率 12.5%。"),
             passes("一组里还有别的金额，不读",
                    text="采购预算 3200.00 万元，实际采购金额 2600.00 万元，其中公开招标 2000.00 万元，"
                         "节约资金 600.00 万元，节约率为 30%。")])
def savings_rate(ctx):
    """节约率 = 节约资金 ÷ 采购预算（计划）。节约资金没写时取 采购预算 − 实际采购金额；采购预算
    没写而写了“较采购计划节约资金”时取 实际采购金额 + 节约资金。

    按所写位数四舍五入比较（与 Excel 的 ROUND 相同，五入）：18.75% 保留整数是 19%，写 18% 是
    只舍不入，相差超过所写末位的半个单位（0.5%），报告；各金额按所写末位四舍五入所能带来的
    偏差一并放宽；恰好相差半个单位（11.75% 写 11.7%）不报告，各金额本身的舍入可能使它正确。
    截断不另设容差：只舍不入而差不到半个单位的（16.32% 写 16%）本就是四舍五入的结果。
    节约资金 ÷ 实际采购金额恰好等于所写节约率时不报告（口径不同，不算算错）。

    需要确定：节约率所在一组文字（从上一个节约率、句首、分号或“其中”到节约率）里的金额都
    认得出是预算、实际采购还是节约资金，每种至多一个；否则不报告。“平均节约率”是各项目节约率
    的平均，不是总额之比，不核对。

    合格：“采购预算 3200.00 万元……节约资金 600.00 万元，节约率为 19%”（18.75% → 19%）。
    不合格：同样的数写“节约率为 18%”。
    """
    for g, x, saved, budget in _off_rates(ctx, _SAVINGS):
        like = g.saved or g.bought
        yield Hit(g.span, expected=float(x), actual=float(g.rate.value / 100),
                  args={"quote": quote(ctx.doc, *g.span),
                        "saved": shown(ctx.doc, g.saved) if g.saved is not None
                        else amount_in(saved, like),
                        "budget": shown(ctx.doc, g.budget) if g.budget is not None
                        else f"{amount_in(budget, like)}（实际采购 {shown(ctx.doc, g.bought)} + 节约 "
                             f"{shown(ctx.doc, g.saved)}）",
                        "stated": shown(ctx.doc, g.rate),
                        "expected_text": rate_text(x, g.rate.places)})


def _off_rates(ctx, rel: _Relation):
    """(group, saving ÷ base, saving, base; 元) of each group whose written rate is off every
    reading of it."""
    for g in _groups(ctx, rel):
        if not rel.derive and (g.budget is None or g.saved is None):
            continue
        if g.budget is not None:
            budget, budget_tol = g.budget.value_yuan, _tol(g.budget, (g.budget, g.bought, g.saved))
        elif g.bought is not None and g.saved is not None:
            budget = g.bought.value_yuan + g.saved.value_yuan
            budget_tol = _tol(g.bought, (g.bought, g.saved)) + _tol(g.saved, (g.bought, g.saved))
        else:
            continue
        among = (g.budget, g.bought, g.saved)
        if g.saved is not None:
            saved, saved_tol = g.saved.value_yuan, _tol(g.saved, among)
        elif g.bought is not None:
            saved = budget - g.bought.value_yuan
            saved_tol = budget_tol + _tol(g.bought, among)
        else:
            continue
        if budget <= 0:
            continue
        x = saved / budget
        tol = g.rate.tol / 100 + quotient_tol(saved, saved_tol, budget, budget_tol)
        if not off(g.rate.value / 100, x, tol):
            continue
        if g.bought is not None and g.bought.value_yuan > 0 and not off(
                g.rate.value / 100, saved / g.bought.value_yuan,
                g.rate.tol / 100 + quotient_tol(saved, saved_tol, g.bought.value_yuan,
                                                _tol(g.bought, among))):
            continue  # the savings over the amount bought: another definition, not a slip
        if rel.net and g.bought is not None:
            left = budget - g.bought.value_yuan
            if not off(g.rate.value / 100, left / budget, g.rate.tol / 100 + quotient_tol(
                    left, budget_tol + _tol(g.bought, among), budget, budget_tol)):
                continue  # the net cut (base − left) ÷ base: another definition
        yield g, x, saved, budget


@rule("PX647", "draft-savings-amount", "error", title="节约资金不等于采购预算减实际采购金额",
      message="“{quote}”：采购预算 {budget} − 实际采购金额 {bought} = {expected_text}，节约资金写 "
              "{stated}；请核对三个数",
      cases=[fails("节约资金算错", at="1", expected=610,
                   text="采购预算 3200.00 万元，实际采购金额 2590.00 万元，节约资金 600.00 万元，节约率为 18.75%。"),
             passes("分位上的尾差在各数的舍入范围内",
                    text="采购预算 3200.01 万元，实际采购金额 2600.00 万元，节约资金 600.00 万元，节约率为 18.75%。")])
def savings_amount(ctx):
    """节约资金 = 采购预算 − 实际采购金额（三个数同在一组，见 PX646）。相差不超过三个数各自
    末位半个单位之和时不报告（各数本身由元四舍五入而来）。

    合格：“采购预算 3200.01 万元，实际采购金额 2600.00 万元，节约资金 600.00 万元”。
    不合格：“采购预算 3200.00 万元，实际采购金额 2590.00 万元，节约资金 600.00 万元”（应为 610.00）。
    """
    for g in _groups(ctx):
        if None in (g.budget, g.bought, g.saved):
            continue
        among = (g.budget, g.bought, g.saved)
        want = g.budget.value_yuan - g.bought.value_yuan
        tol = sum((_tol(f, among) for f in among), Decimal(0))
        if not off(g.saved.value_yuan, want, tol):
            continue
        yield Hit(g.span, expected=float(want), actual=float(g.saved.value_yuan),
                  args={"quote": quote(ctx.doc, *g.span), "budget": shown(ctx.doc, g.budget),
                        "bought": shown(ctx.doc, g.bought), "stated": shown(ctx.doc, g.saved),
                        "expected_text": amount_in(want, g.saved)})


@rule("PX653", "draft-audit-cut-rate", "error", title="审减率不等于审减金额 ÷ 送审金额",
      message="“{quote}”：审减率 = 审减金额 {saved} ÷ 送审金额 {budget} = {expected_text}，"
              "文字写 {stated}；请改为 {expected_text}（按四舍五入保留所写位数）",
      cases=[fails("审减率多写了零点一个百分点", at="1", expected=12.5,
                   text="全年评审项目 40 个，送审金额 8000 万元，审定金额 7000 万元，审减金额 1000 万元，"
                        "审减率 12.6%。"),
             passes("审减率按四舍五入保留一位",
                    text="全年评审项目 40 个，送审金额 8000 万元，审定金额 7000 万元，审减金额 1000 万元，"
                         "审减率 12.5%。"),
             passes("没写送审金额，不推算",
                    text="审定金额 7000 万元，审减金额 1000 万元，审减率 12.6%。")])
def audit_cut_rate(ctx):
    """财政投资评审的审减率 = 审减金额 ÷ 送审金额（三个数同在一组：从上一个审减率、句首、分号或
    “其中”到审减率）。按所写位数四舍五入比较，各金额末位的舍入一并放宽（同 PX646）。

    有审增时 审定 = 送审 − 审减 + 审增，审减金额不一定等于 送审 − 审定，所以不核对三个金额，也
    不推算没写的金额；审减率等于 (送审 − 审定) ÷ 送审 或 审减 ÷ 审定 时不报告（另一种口径）。

    需要确定：送审金额、审减金额都写了，组里的金额都认得出是送审、审定还是审减，每种至多一个
    （有“审增”等别的金额不报告）；“平均审减率”是各项目审减率的平均，不是总额之比，不核对。

    合格：“送审金额 8000 万元，审定金额 7000 万元，审减金额 1000 万元，审减率 12.5%”。
    不合格：同样的数写“审减率 12.6%”。
    """
    for g, x, _saved, _budget in _off_rates(ctx, _AUDIT_CUT):
        yield Hit(g.span, expected=float(x), actual=float(g.rate.value / 100),
                  args={"quote": quote(ctx.doc, *g.span), "saved": shown(ctx.doc, g.saved),
                        "budget": shown(ctx.doc, g.budget), "stated": shown(ctx.doc, g.rate),
                        "expected_text": rate_text(x, g.rate.places)})
