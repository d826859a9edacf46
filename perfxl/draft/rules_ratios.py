"""PX607, PX608, PX621: ratios written in the prose (执行率、完成预算的、调整比率、变动率…)
against the amounts they are computed from, the budget identity 全年(调整后)预算 = 年初预算 +
年中调整, and "无结余" against the paragraph's budget and execution.
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal
from itertools import product

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.numbers import fmt_fixed
from perfxl.draft.common import amount_in, off, quote, quotient_tol, rate_text, rounded_tol, shown
from perfxl.draft.numbers import Figure, tolerance
from perfxl.draft.quantities import subject_name
from perfxl.draft.units import money_in

_EXEC_WORDS = ("预算执行率", "执行率", "完成率", "完成预算的", "支出率", "使用率", "到位率", "控制率",
               "支付率", "拨付率")
_INITIAL = re.compile(r"年初(?:部门)?(?:财政拨款)?预算")
_ADJUST = re.compile(r"年中(?:调整|追加)(?:预算)?|预算调整数|调整预算$|追加预算|追加(?:资金)?$")
#: Amounts that make another execution formula than 执行 ÷ 预算 ((实现 + 应付) ÷ 预算,
#: 结转 / 结余…): with one in the sentence the ratio's definition is not resolved.
_OTHER_EXEC = re.compile(r"实现数|应付数|保留数|暂付|结转|结余")
_FULL = re.compile(r"全年(?:财政拨款)?预算|调整后(?:的)?预算")
#: A ratio of another period than the year's: 序时进度 (spending to date over the year's
#: budget, or over its time share), last year's rate quoted for comparison.
_OTHER_PERIOD_WORDS = re.compile(r"序时|进度|上年|去年|上一年|同期|"
                                 r"(?:截至|截止)(?!\s*(?:20\d\d\s*年)?\s*(?:年底|年末|12\s*月(?:底|末|31日)))")
#: (「截至年底」「截至12月底」 is the whole year: no part of it)
_PART_YEAR = re.compile(r"(?:截至|截止)(?!\s*(?:20\d\d\s*年)?\s*(?:年底|年末|12\s*月(?:底|末|31日)))|"
                        r"(?<!12)月底|(?<!12)月末|季度|上半年|1-\d+月|1—\d+月")


def _budget(f: Figure) -> bool:
    return "预算" in f.label and "执行" not in f.label and not _ADJUST.search(f.label)


def _executed(f: Figure) -> bool:
    return any(w in f.label for w in ("执行", "决算", "实际", "支出", "使用", "到位", "完成", "支付",
                                      "拨付"))


def _paragraph_figs(ctx, pos: int) -> list[Figure]:
    paras = ctx.doc.paragraphs
    i = bisect.bisect_right(paras, (pos, float("inf"))) - 1
    if i >= 0 and paras[i][0] <= pos < paras[i][1]:
        figs, starts = ctx.paragraph_figures(i)  # the amounts up to 3,000 characters back
        lo, hi = bisect.bisect_left(starts, pos - 3000), bisect.bisect_left(starts, pos)
        return [f for f in figs[lo:hi] if f.end <= pos and f.money
                and f.start not in ctx.claims.prior]
    return []


#: How many amounts before a ratio it may be computed from: the nearest ones (seed 000's
#: longest paragraph has 30 before its ratio); the pairs grow with the square of this.
_NEAREST = 40


def _num(f: Figure) -> str:
    """A figure's number as the draft writes it, without its unit ("17333259.2")."""
    return fmt_fixed(f.value, f.places)


def _candidates(word: str, ops: list[Figure]) -> list[tuple[Decimal, Decimal, str]]:
    """Every value the ratio may stand for, from the ``_NEAREST`` amounts before it, each with
    how far it may move when its amounts are correctly rounded (``quotient_tol``) and the
    computation that gives it ("（17333259.2 − 17210340.15）÷ 17210340.15"), so a finding shows
    which definition it applied."""
    out = []
    ops = ops[-_NEAREST:]
    # amounts in two units (元 and 万元) are shown with their units, or 96.00 ÷ 1200000.00 reads wrong
    mixed = len({f.unit for f in ops}) > 1

    def num(f: Figure) -> str:
        return f"{_num(f)} {f.unit}" if mixed else _num(f)

    def q(a: Decimal, ta: Decimal, b: Decimal, tb: Decimal, how: str) -> tuple[Decimal, Decimal, str]:
        return a / b, quotient_tol(a, ta, b, tb), how

    if word in ("支付率", "拨付率"):  # 已支付 ÷ 下达 (批复、到位、预算) 的资金
        # 应拨付 / 应支付 is what is due (the base), 已支付 what is paid; a fund named by its
        # source alone (「中央资金 200 万元」) is the amount given
        paid = [f for f in ops if re.search(r"(?<!应)(?:支付|拨付)", f.label)]
        given = [f for f in ops if re.search(r"下达|批复|到位|预算|安排|应(?:支付|拨付)|^[^\d]{0,6}资金$",
                                             re.sub(r"[\s“”\"]", "", f.label))
                 and not re.search(r"(?<!应)(?:支付|拨付)", f.label)]
        return [q(p.value_yuan, rounded_tol(p, among=ops), g.value_yuan, rounded_tol(g, among=ops),
                  f"{num(p)} ÷ {num(g)}")
                for g, p in product(given, paid) if g.value_yuan]
    if word in _EXEC_WORDS:
        budgets = [(f.value_yuan, rounded_tol(f, among=ops), num(f)) for f in ops if _budget(f)
                   or (word != "到位率" and "到位" in f.label)]  # 资金执行率 = 支出 ÷ 到位资金
        initial = [f for f in ops if _INITIAL.search(f.label)]
        adjust = [f for f in ops if _ADJUST.search(f.label)]
        budgets += [(i.value_yuan + a.value_yuan, rounded_tol(i, among=ops) + rounded_tol(a, among=ops),
                     f"（{num(i)} + {num(a)}）") for i, a in product(initial, adjust)]
        execs = [f for f in ops if _executed(f) and not _budget(f)]
        out = [q(e.value_yuan, rounded_tol(e, among=ops), b, tb, f"{num(e)} ÷ {bt}")
               for (b, tb, bt), e in product(budgets, execs) if b]
    elif word in ("调整比率", "调整率"):
        initial = [f for f in ops if _INITIAL.search(f.label)]
        after = [f for f in ops if _FULL.search(f.label)]
        adjust = [f for f in ops if _ADJUST.search(f.label)]
        # one definition, 调整数 ÷ 年初预算数 (as the workbook's 预算调整率): the 调整数 either
        # written or implied by 调整后预算 − 年初预算
        out = [q(a.value_yuan - i.value_yuan, rounded_tol(a, among=ops) + rounded_tol(i, among=ops), i.value_yuan,
                 rounded_tol(i, among=ops), f"（{num(a)} − {num(i)}）÷ {num(i)}")
               for i, a in product(initial, after) if i.value_yuan]
        out += [q(a.value_yuan, rounded_tol(a, among=ops), i.value_yuan, rounded_tol(i, among=ops),
                  f"{num(a)} ÷ {num(i)}")
                for i, a in product(initial, adjust) if i.value_yuan]
    elif word == "变动率" and len(ops) >= 2:
        old, new = ops[-2], ops[-1]
        out = [q(new.value_yuan - old.value_yuan, rounded_tol(new, among=ops) + rounded_tol(old, among=ops),
                 old.value_yuan, rounded_tol(old, among=ops), f"（{num(new)} − {num(old)}）÷ {num(old)}")
               ] if old.value_yuan else []
    return out


def _own_part(flat: str, ops: list[Figure], r: Figure) -> tuple[list[Figure], bool]:
    """(amounts, resolved) a ratio is computed from when a 其中 list stands between the
    sentence's total and the ratio (「…年初预算为683.51万元,…其中:公务用车…决算为316.57万元,完成
    预算的76.21%」): the ratio is the part's, over the part's own budget, so only the amounts
    after 其中 count; a part whose own budget is not written leaves the ratio unresolved."""
    lo = ops[0].start if ops else r.start
    q = flat.rfind("其中", lo, r.start)
    if q < 0:
        return ops, True
    before = [f for f in ops if f.start < q]
    after = [f for f in ops if f.start > q]
    if not any(_budget(f) for f in before):
        return ops, True
    return after, any(_budget(f) for f in after)


@rule("PX607", "draft-ratio", "error", title="文字中的执行率（完成率、调整比率…）与其所依据的金额不符",
      message="“{quote}”：按本句（本段）的金额，{word} = {how} = {expected_text}，文字写 {stated}；"
              "请核对",
      cases=[fails("完成预算的比例算错",
                   text="全年财政拨款预算 17210340.15 元，全年财政拨款预算执行 17333145.09 元，"
                        "完成预算的 100.83%。", at="1", expected=100.71),
             passes("执行率与预算、执行数一致",
                    text="全年预算数 17190340.15 元，执行数 17333259.20 元，完成预算的 100.83%。"),
             fails("支付率：只以来源命名的资金为下达数", at="1", expected=75,
                   text="中央资金 200.00 万元，已支付 150.00 万元，支付率 80%。"),
             passes("全年支出率按年初加调整计",
                    text="年初预算数 17190340.15 元，年中调整预算 1780823.20 元，执行数 17333259.20 元，"
                         "全年支出率为 91%。")])
def ratio(ctx):
    """执行率 / 完成率 / 完成预算的 / 支出率 / 到位率 / 控制率 = 执行（决算、实际）数 ÷ 预算数
    （预算数可为年初预算 + 年中调整）；调整比率 = （调整后预算 − 年初预算）÷ 年初预算，或
    年中调整 ÷ 年初预算；变动率 = （后 − 前）÷ 前；支付率 / 拨付率 = 已支付（拨付）÷ 下达（批复、
    到位、预算、应拨付）资金，或只以来源命名的资金（“中央资金 200 万元”）。金额取本句，本句不足两个时取本段此前的金额；只要有一种取法与所写百分数
    （按其末位的半个单位）相符就不报告。句中有实现数、应付数、保留数、结转、结余时，执行率
    可能另有算法（如（实现数 + 应付数）÷ 预算数），不能确定，不报告。“其中:”之后某一分项的
    比例（“年初预算为200.00万元,……其中:公务接待费支出决算为30.00万元,完成预算的75%”）是
    该分项对其自身预算的比例：只用“其中”之后的金额；分项自身的预算没有写出时不报告。
    执行率也可以是实际支出 ÷ 到位资金。序时进度执行率、“截至 X 月底”的支出、上年（同期）
    的执行率是另一期间的比例，不核对（“截至年底 / 年末 / 12月底”是全年，照常核对）。金额写成
    元与万元两种单位时，算式中各数带单位。所写比例比算得的数低、但不到其末位的一个单位时
    （99.985% 写成“99%”，未执行完的项目不写 100%），是按末位截取，不报告。

    合格：“全年预算数 17190340.15 元，执行数 17333259.20 元，完成预算的 100.83%”。
    不合格：“全年财政拨款预算 17210340.15 元，……执行 17333145.09 元，完成预算的 100.83%”
    （应为 100.71%；seed 000 第 262 行）；“调整后预算数17333259.2元，年初预算数17210340.15元，
    调整比率为10.35%”（应为 0.71%）。
    """
    for c in ctx.claims.of("ratio"):
        r, *ops = c.figures
        if r.unit != "%":
            continue
        if c.words in _EXEC_WORDS and any(_OTHER_EXEC.search(f.label) for f in ops):
            continue  # 实现数 + 应付数, 保留数…: another formula than 执行 ÷ 预算, unresolved
        w = ctx.doc.flat.rfind(c.words, c.span[0], r.start)
        if (_OTHER_PERIOD_WORDS.search(ctx.doc.flat, max(c.span[0], w - 6), max(w, 0))
                or any(_PART_YEAR.search(f.label) for f in ops)):
            continue  # last year's rate, or a rate to date: another period than the amounts
        ops, own = _own_part(ctx.doc.flat, ops, r)
        if not own:
            continue
        cands = _candidates(c.words, ops)
        if not cands and len(ops) < 2:
            cands = _candidates(c.words, _paragraph_figs(ctx, r.start))
        if not cands:
            continue
        stated, tol = r.value / 100, r.tol / 100
        # a rate cut off at its last written place (99.985% written 「99%」, kept below 100% for
        # an execution not quite complete) is the author's choice of places, not a contradiction:
        # a computed value from the stated one up to one unit of its last place above it holds
        if all(off(stated, x, tol + t) and not stated <= x + t < stated + 2 * tol + t
               for x, t, _how in cands):
            best, _t, how = min(cands, key=lambda c: abs(c[0] - stated))
            yield Hit(c.span, expected=float(best), actual=float(stated),
                      args={"quote": quote(ctx.doc, c.span[0], c.span[1]),
                            "word": c.words.replace("完成预算的", "完成预算比例"),
                            "stated": shown(ctx.doc, r), "how": how,
                            "expected_text": rate_text(best, r.places)})


@rule("PX608", "draft-budget-identity", "error", title="文字中的全年（调整后）预算不等于年初预算加年中调整",
      message="“{quote}”：年初预算 {initial} + 年中调整 {adjust} = {expected_text}，"
              "这里的{label}写 {stated}；请核对",
      cases=[fails("全年预算写成了年初预算",
                   text="全年预算数 17190340.15 元，执行数 17333259.20 元。\n"
                        "年初预算数 17190340.15 元，年中调整预算 1780823.20 元。", at="1",
                   expected=18971163.35),
             passes("全年预算 = 年初 + 调整",
                    text="全年预算数 18971163.35 元。\n年初预算数 17190340.15 元，年中调整预算 1780823.20 元。")])
def budget_identity(ctx):
    """全年预算数（调整后预算数）= 年初预算数 + 年中调整预算数，三者在报告中任何位置写出时都要
    成立（年初、调整取报告中写出的值；写了几个不同的年初数时取最近的一个）。

    需要确定（否则不报告）：三个数是同一项、同一资金范围（财政拨款或全部资金）的——它们之间
    没有别的年初预算、全年预算（两个项目的预算写在同一段），没有上年结转、结余（全年预算也可能含它们）；调整只写了一个数（追加和
    调减都写了时，哪些计入不能确定）。“较上年年初预算增加 N 万元”是变动额，不是预算数。

    合格：“全年预算数 18971163.35 元”与“年初预算数 17190340.15 元，年中调整预算 1780823.20 元”。
    不合格：“全年预算数 17190340.15 元”（= 年初数，漏了年中调整 1780823.20 元；seed 000
    第 112 行）。
    """
    every = [f for f, _ in ctx.claims.amounts if f.start not in ctx.claims.prior
             and f.year in (None, ctx.doc.year)]
    amounts = [f for f in every if not _COMPARED.search(f.label) or _CARRIED.search(f.label)]
    initial = [f for f in amounts if _INITIAL.search(f.label)]
    adjust = [f for f in amounts if _ADJUST.search(f.label) and f.value_yuan > 0]
    if not initial or not adjust:
        return
    for f in amounts:
        if not _FULL.search(f.label) or "执行" in f.label:
            continue
        scope = subject_name(f.label)[1]  # the 年初 and 调整 of the same fund scope, nearest
        same = [x for x in initial if subject_name(x.label)[1] == scope]
        plus = [x for x in adjust if subject_name(x.label)[1] == scope]
        if not same or not plus:
            continue
        i = min(same, key=lambda x: abs(x.start - f.start))
        a = min(plus, key=lambda x: abs(x.start - f.start))
        if not _one_item(every, f, i, a):
            continue
        want = i.value_yuan + a.value_yuan
        if off(f.value_yuan, want, max(tolerance(f, i, a), rounded_tol(f) + rounded_tol(i)
                                       + rounded_tol(a))):
            yield Hit((f.label_start, f.end), expected=float(want), actual=float(f.value_yuan),
                      args={"quote": quote(ctx.doc, f.label_start, f.end),
                            "initial": shown(ctx.doc, i), "adjust": shown(ctx.doc, a),
                            "label": f.label, "stated": shown(ctx.doc, f),
                            "expected_text": amount_in(want, f)})


#: An amount that a 全年预算 may hold besides 年初 + 年中调整 (上年结转, 结余).
_CARRIED = re.compile(r"结转|结余")


#: A change against another year or figure (「较上年年初预算增加 10 万元」): no budget of the year.
_COMPARED = re.compile(r"较|比上年|同比|上年")
_ITEM = re.compile(r"“[^”]{1,30}”|[\u4e00-\u9fff]{0,12}项目")


def _item(label: str) -> str:
    """The item a budget's label names (「“乡村道路”项目」, 「道路养护项目」), or ``""``."""
    m = _ITEM.search(label)
    return m.group(0) if m else ""


def _one_item(amounts: list[Figure], f: Figure, i: Figure, a: Figure) -> bool:
    """Whether 全年 ``f``, 年初 ``i`` and 调整 ``a`` are resolved as one item's identity: no other
    年初 / 全年 amount lies among them (two projects' budgets in one paragraph), no second
    adjustment of another value (追加 and 调减 both written: which enter is not said), and no
    上年结转 / 结余 (which a 全年预算 may hold too)."""
    if len({_item(g.label) for g in (f, i, a)}) > 1 or len(
            {subject_name(g.label)[1] for g in (f, i, a)}) > 1:
        return False  # 「“乡村道路”项目全年预算」, 「财政拨款年初预算」 against the department's
    lo, hi = min(f.start, i.start, a.start), max(f.start, i.start, a.start)
    for g in amounts:
        if g is f or g is i or g is a or not lo <= g.start <= hi:
            continue
        if _INITIAL.search(g.label) or _FULL.search(g.label) or _CARRIED.search(g.label):
            return False
    others = [g for g in amounts if g is not a and (_ADJUST.search(g.label) or "调减" in g.label)
              and g.value_yuan != a.value_yuan and abs(g.start - a.start) <= 60]
    return not others


#: Where an unspent gap went, said in the paragraph: returned (收回 / 缴回 / 上缴), cut from the
#: budget (调减 / 核减) or carried to the next year (结转下年, 结转 17.13 万元) — 结转 is not 结余.
_GAP_GONE = re.compile(r"收回|缴回|上缴|调减|核减|结转(?:至|到)?(?:下年|下一年|以后年度|使用|\s*[0-9０-９])")


def _para_span(ctx, pos: int) -> tuple[int, int]:
    """The (start, end) of the paragraph holding ``pos`` in the flat text."""
    paras = ctx.doc.paragraphs
    i = bisect.bisect_right(paras, (pos, float("inf"))) - 1
    return paras[i] if i >= 0 else (0, len(ctx.doc.flat))


#: A part of the year (6月底, 一季度, 上半年): its execution is not the year's.
_MONTHS = re.compile(r"\d{1,2}\s*月|[一二三四1-4]\s*季度|半年")
#: Money received (到位 / 下达 / 收到), not spent: no execution to set against the budget.
_RECEIVED = re.compile(r"到位|下达|收到")
_NO_BALANCE = re.compile(r"(?:年末)?(?:资金)?(?:无|没有)(?:结转(?:和|及)?)?结余|资金已?全部(?:支出|执行|使用)")


@rule("PX621", "draft-no-balance", "warning", title="文字说资金无结余，同段的预算与执行却有差额",
      message="“{quote}”：同段写预算 {budget}、执行 {executed}（执行率 {rate}），有 {gap} 未支出，"
              "却写“{words}”；若差额已收回或调减请写明，否则请改正",
      cases=[fails("执行 75.67% 却说无结余", at="1", expected=17.13,
                   text="项目年初预算共计 70.40 万元，实际执行共计 53.27 万元，预算执行率 75.67%，年末资金无结余。"),
             passes("全部执行，无结余",
                    text="项目年初预算共计 70.40 万元，实际执行共计 70.40 万元，预算执行率 100%，年末资金无结余。")])
def no_balance(ctx):
    """“年末资金无结余 / 资金全部支出”与同段写出的预算数、执行数（或执行率）要一致：执行数少于
    预算数（超过所写末位的半个单位）时，差额要么结转结余，要么写明已收回或调减。可能确已收回
    而未写，故为警告。

    需要确定：预算是全年的最终数——同段写了年中调整、追加或全年预算时，年初预算不是它，
    不比较；同段写了差额的去向（收回 / 缴回 / 上缴 / 调减 / 核减 / 结转下年、结转 N 万元：
    结转不是结余）时不报告。执行数须是全年支出的数：到位 / 下达 / 收到的资金不是执行，截至某月、
    某季度、上半年的执行数不是全年的。

    合格：“年初预算共计 70.40 万元，实际执行共计 70.40 万元，……年末资金无结余”。
    不合格：“年初预算共计 70.40 万元，实际执行共计 53.27 万元，预算执行率 75.67%，年末资金
    无结余”（17.13 万元未支出；seed 002 第 57 行）。
    """
    for m in _NO_BALANCE.finditer(ctx.doc.flat):
        figs = _paragraph_figs(ctx, m.start())
        budgets = [f for f in figs if _budget(f)]
        execs = [f for f in figs if _executed(f) and not _budget(f) and not _RECEIVED.search(f.label)
                 and not _MONTHS.search(f.label)]  # 「截至6月底执行 50 万元」: not the year's
        if not budgets or not execs:
            continue
        b, e = budgets[-1], execs[-1]
        if _INITIAL.search(b.label) and any(_ADJUST.search(f.label) or _FULL.search(f.label)
                                            for f in figs):
            continue  # a 年初 budget with an adjustment written: the year's final budget is not it
        ps, pe = _para_span(ctx, m.start())
        if _GAP_GONE.search(ctx.doc.flat, ps, m.start()) or _GAP_GONE.search(ctx.doc.flat, m.end(), pe):
            continue  # the paragraph says where the gap went (收回 / 调减 / 结转下年)
        gap = b.value_yuan - e.value_yuan
        if gap > tolerance(b, e) and b.value_yuan:
            (want, _zero), unit = money_in(b, gap, Decimal(0))
            yield Hit(m.span(), expected=want, actual=0.0, unit=unit,
                      args={"quote": m.group(), "words": m.group(), "budget": shown(ctx.doc, b),
                            "executed": shown(ctx.doc, e),
                            "rate": rate_text(e.value_yuan / b.value_yuan),
                            "gap": amount_in(gap, b)})


_OVER_WORDS = ("预算执行率", "执行率", "完成预算的", "支出率", "使用率")
_EXPLAINED = re.compile(r"原因|由于|因为|因|追加|调整|结转|结余|超支|超出|超过预算|动用|使用上年|"
                        r"存量|自有资金|自筹|以前年度|往年")


@rule("PX632", "draft-execution-over-budget", "warning", title="执行率超过 100% 而没有说明原因",
      message="“{quote}”：执行率写 {stated}，执行数超过了预算数，本段没有说明原因；请说明（如动用"
              "上年结转、年中追加未调整预算），或核对执行数与预算数",
      cases=[fails("执行数超过全年预算，无说明", at="2", expected=100,
                   text="2023年度自评报告\n全年预算数 100.00 万元，全年执行数 108.00 万元，预算执行率 108%。"),
             passes("说明了原因",
                    text="2023年度自评报告\n全年预算数 100.00 万元，全年执行数 108.00 万元，预算执行率 108%，"
                         "主要原因是动用上年结转资金 8.00 万元。"),
             passes("不超过 100%",
                    text="2023年度自评报告\n全年预算数 100.00 万元，全年执行数 98.00 万元，预算执行率 98%。")])
def execution_over_budget(ctx):
    """预算执行率（完成预算的比例、支出率）超过 100%，即执行数大于全年预算数：通常是动用了上年
    结转结余或年中追加而预算没有相应调整，报告应当说明；没有说明时，也可能是执行数或预算数
    写错了。

    需要确定：写出的执行率大于 100%，且所在段落及紧接的下一段都没有“原因 / 由于 / 追加 /
    调整 / 结转 / 结余 / 超支 / 存量资金 / 自有资金 / 自筹 / 以前年度”等说明的字样。产出指标的
    “完成率”（培训人次完成率 120%）不是预算执行率，不核对。
    合格：“……预算执行率 108%，主要原因是动用上年结转资金 8.00 万元”。
    不合格：“全年预算数 100.00 万元，全年执行数 108.00 万元，预算执行率 108%”（没有说明）。
    """
    paras = ctx.doc.paragraphs
    for c in ctx.claims.of("ratio"):
        r = c.figures[0]
        if c.words not in _OVER_WORDS or r.unit != "%" or r.value <= 100 + r.tol:
            continue
        i = bisect.bisect_right(paras, (r.start, float("inf"))) - 1
        if i < 0 or _EXPLAINED.search(ctx.doc.flat, paras[i][0], paras[min(i + 1, len(paras) - 1)][1]):
            continue  # the reason is in its paragraph or the next one (「执行率超过100%的原因是…」)
        yield Hit(c.span, expected=1.0, actual=float(r.value / 100),
                  args={"quote": quote(ctx.doc, c.span[0], c.span[1]),
                        "stated": shown(ctx.doc, r)})
