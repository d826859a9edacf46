"""Claims: what a sentence asserts about its figures, for the PX6xx rules to check.

A ``Claim`` is ``kind``, ``figures`` (``perfxl.draft.numbers.Figure``, roles by kind below),
``span`` (offsets in ``Doc.text``) and ``words`` (the relation words that tie the figures):

* ``change`` — ``B，较上年(决算) A 增加/减少/上升/下降/增长/持平… C(，上升 R%)``; figures
  ``(B, A, C, R)``, any may be ``None`` (B: the amount just before 较/比/同比 in the sentence).
  ``words`` = the direction word; ``basis`` = 上年 / 年初预算 / 同期… (also when written before
  相比: 「X 与年初预算相比，增加 C」 has basis 年初预算 and subject X).  Also read: the amount of
  the change after its rate (「同比增长 14.6%，增收 4,376 万元」), two year-labelled amounts
  before a bare 「对比减少 C」 (``_two_years``), and two subjects at once (「收、支总计各是 A,B
  万元…各减少 C,D 万元,各下降 R1%、R2%」, ``_respective``).
* ``share`` — ``part，占(label)的 R`` with ``R`` a % figure or a bare number (share written
  without %); figures ``(part, total, R)``, total from the enclosing breakdown, else the amount
  the share names (earlier, or later when the draft gives that name one value: ``_later_totals``),
  or ``None``;
  ``basis`` = "%" when R carries its sign, "" when not.
* ``breakdown`` — ``total…其中(:)A,B,C…`` to the end of the sentence; figures ``(total, *parts)``;
  a sentence starting with 其中 breaks down the previous breakdown's total.  Prior-year figures
  (上年…, 较…) and change amounts are not parts.  With several totals (预算 T1，执行 T2，其中…)
  parts are matched to a total by their key word (预算 / 执行 / 决算 / 收入 / 支出).  Several
  totals chained in one sentence (「总收入 A，其中 B、C；总支出 D，其中 E、F」) are one breakdown
  each; a part's own 其中 (「基本支出 60，其中人员经费 50、公用经费 10」) is a breakdown of that
  part and its figures are no parts of the total (none at all when they never meet the part).
  A 其中 list carried over the next paragraphs, one named amount each, up to a section heading,
  is one breakdown (``_continued``).
* ``ratio`` — ``执行率 / 完成率 / 到位率 / 控制率 / 支出率 / 完成预算的 / 调整比率… R%``;
  figures ``(R, *amounts of the sentence)``; ``words`` = the ratio word.
* ``score`` — ``(自评)得分(为) N 分``; ``words`` = ``total`` when the label names the whole
  (整体 / 总分 / 部门, or ends in 总: ``总得分``), else ``item``.
* ``weight`` — a heading that states its weight (``(1)预算编制合理性(5分)``,
  ``1. 预算编制。指标分值28分``); ``level`` = heading depth (一、=1, (一)=2, 1.=3, (1)=4);
  ``words`` = ``不适用`` when its paragraph says the indicator is not scored (perfxl writes
  「本项指标不适用，不计分」).
* ``enumeration`` — ``(共)N 个/项/家…，(分别为|即|包括) A、B、C``; figures ``(N,)``,
  ``items`` the names.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from perfxl.draft.numbers import Figure, figures, open_paren, top_split
from perfxl.draft.share_whole import names_parent, scope_changes
from perfxl.draft.text import Doc

__all__ = ["Claim", "extract", "Claims", "NUMBERING", "not_current", "garbled"]

UP = ("增加", "上升", "增长", "提高", "增多", "多", "增收", "增支", "增")
DOWN = ("减少", "下降", "降低", "减少了", "下降了", "减", "少", "回落", "减收", "减支", "负增长")
FLAT = ("持平", "无增减", "无变化", "基本持平", "不变")
#: (a bare 增 only before its figure, 「相比增12.05%」: 增幅 / 增速 name no change)
_DIR = "|".join(sorted((w for w in UP + DOWN + FLAT if w != "增"), key=len, reverse=True)) \
    + r"|增(?=\s*[-−－]?\d)"
_NUMU = r"\d[\d,]*(?:\.\d+)?\s*(?:个百分点|百分点|%|亿元|万元|万|元)?"
_CHANGE = re.compile(
    r"(?P<cmp>相较于|较于|较|对比|比|同比|环比|相比|与(?=\s*(?:上年|上一年|去年)))\s*(?P<basis>上年同期|上年度|上一年度?|去年同期|去年|上年|年初预算|"
    r"年初|预算|(?:19|20)\d\d\s*年度?)?\s*(?:决算数?|预算数?|同期|数|的)?\s*"
    r"(?P<a>" + _NUMU + r")?(?:(?<=元)\s*同口径(?=\s*相比))?\s*(?:相比|比较)?\s*,?\s*(?P<dir>" + _DIR + r")了?\s*"
    r"(?P<neg>[-−－](?=\d))?(?P<c>" + _NUMU + r")?(?:\s*[,;]?\s*(?:同比|环比)?\s*(?:上升|下降|增长|降低|减少|增幅|降幅|增加)率?了?"
    r"\s*(?:为)?\s*"
    r"(?P<r>\d[\d,]*(?:\.\d+)?\s*%))?"
    # "同比增长 14.6%，增收 4,376 万元": the amount of the change after its rate
    r"(?:\s*,\s*(?:增收|减收|增支|减支|增加|减少)了?\s*(?P<c2>\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|万|元)))?")
#: 「与年初预算(数)相比」: the budget a change is measured against, written before 相比
_VS_BUDGET = re.compile(r"(?:与|同|和)\s*(?P<b>年初预算|调整后的?预算|调整预算|全年预算|预算)数?\s*$")
#: a sentence's 其中 (its breakdown), and the words of a sentence about last year
_QIZHONG_AT = re.compile(r"其中\s*[,:]?")
_PRIOR_YEAR = re.compile(r"上年|去年|上一年")
_SHARE = re.compile(r"占(?P<of>[^,;。%\d]{0,20}?)的?\s*(?:比重|比例)?(?:为)?\s*"
                    r"(?P<r>\d+(?:\.\d+)?)\s*(?P<pct>%|)")
_INLINE_RATE = re.compile(r"\s*的?\s*(?:比重|比例)?(?:为)?\s*(?P<r>\d+(?:\.\d+)?\s*%)")
_RATIO = re.compile(r"(?P<w>预算执行率|执行率|完成率|到位率|控制率|支出率|支付率|拨付率|完成预算的|调整比率|调整率|"
                    r"变动率|使用率|结余率)\s*(?:为|是|达到|达|:)?\s*(?P<r>\d+(?:\.\d+)?\s*%)")
#: (「自评总分 96 分」 is the self-evaluation's total as 「总得分」 is; a bare 「总分 100 分」 may be the
#: full marks, and is not read)
_SCORE = re.compile(r"(?P<lab>[^,;。]{0,30}?)(?:(?:自评)?得分|(?P<tot>自评总分))(?:为|是|:)?\s*"
                    r"(?P<n>\d+(?:\.\d+)?)\s*分")
_WEIGHT = re.compile(r"(?:\((?P<a>\d+(?:\.\d+)?)\s*分\)|指标分值\s*(?P<b>\d+(?:\.\d+)?)\s*分)")
_NOT_APPLICABLE = re.compile(r"本项指标不适用|不适用[,，、]?\s*不(?:计|予计)分")
_ENUM = re.compile(r"(?:共|有)?\s*(?P<n>\d+|[一二两三四五六七八九十]{1,3})\s*(?P<u>个|项|家|名|所)"
                   r"[^,;。:]{0,12}?[,:]\s*(?:分别为|分别是|即|包括|包含|为|是)\s*:?(?P<items>[^。;]+)")
#: Item numbers by heading level (一、=1, (一)=2, 1.=3, (1)=4), the number as group ``n``;
#: full-width marks must already be ASCII (``Doc.text``).  Headings and table rows alike.
NUMBERING = ((1, re.compile(r"^\s*(?P<n>[一二三四五六七八九十]{1,3})\s*、")),
             (2, re.compile(r"^\s*\(\s*(?P<n>[一二三四五六七八九十]{1,3})\s*\)")),
             (3, re.compile(r"^\s*(?P<n>\d{1,2})\s*[.、](?!\d)")),
             (4, re.compile(r"^\s*\(\s*(?P<n>\d{1,2})\s*\)")))
_KEYS = ("执行", "决算", "预算", "收入", "支出")  # 预算执行 is 执行


@dataclass(frozen=True)
class Claim:
    kind: str
    figures: tuple[Figure | None, ...]
    span: tuple[int, int]
    words: str = ""
    basis: str = ""
    items: tuple[str, ...] = ()
    level: int = 0
    #: what the claim is about: the words before 较 / 占 / the figure ("“三公”经费支出总额")
    subject: str = ""
    #: a share's whole is certain (``perfxl.draft.share_whole``); PX605 checks only those
    sure: bool = True
    #: other values the draft gives a share's named whole: PX605 reports only a share wrong
    #: against each of them too
    others: tuple[Figure, ...] = ()


@dataclass
class Claims:
    """Every claim and figure of one draft, in text order."""

    doc: Doc
    claims: list[Claim] = field(default_factory=list)
    amounts: list[tuple[Figure, tuple[int, int]]] = field(default_factory=list)
    #: every figure (amounts, rates, counts, scores) with its sentence
    all: list[tuple[Figure, tuple[int, int]]] = field(default_factory=list)
    prior: set[int] = field(default_factory=set)  # starts of prior-year / change figures

    def of(self, kind: str) -> list[Claim]:
        return [c for c in self.claims if c.kind == kind]


def _fig_at(figs: list[Figure], start: int, end: int) -> Figure | None:
    for f in figs:
        if start <= f.start < end:
            return f
    return None


#: Fund names whose 预算 is no budget stage (「一般公共预算财政拨款安排的“三公”经费支出」 is spending).
_FUND = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算")


def _key(label: str) -> str | None:
    label = _FUND.sub("", label)
    for k in _KEYS:
        if k in label:
            return k
    return None


def _closed_paren(flat: str, a: int, b: int) -> bool:
    """``flat[a:b]`` closes a parenthesis it did not open."""
    depth = 0
    for ch in flat[a:b]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return True
    return False


#: 「占预算 Y 万元的 Z%」 / 「为年初预算 Y 的 Z%」 / 「完成预算 Y 的 Z%」: Y is the base of a share
_SHARE_BASE = re.compile(r"\s*(的)?\s*\d[\d,]*(?:\.\d+)?\s*%")
#: ... also without 的 after 占 / 为 / 完成 (「占全年预算 Y 万元 106.0%」)
_SHARE_HEAD = re.compile(r"(?:占|为|完成|达到?)[^,;。\d%]{0,15}$")
#: 「超收 392 万元」: an amount that is itself a difference against the budget
_DIFFERENCE = re.compile(r"(?:超收|超支|短收|节约|节支)了?\s*(?:资金)?\s*$")


def not_current(flat: str, f: Figure) -> bool:
    """``f`` cannot be the current value a later 「较上年…增减」 of its sentence compares with last
    year's: it is the base of a share written after it (「完成 X，占预算 Y 的 Z%，较上年同期 W 下降
    R%」: the change is X against W, Y is the base only of Z%) or a difference (超收 / 节约…)."""
    m = _SHARE_BASE.match(flat, f.end)
    if m is not None and (m.group(1) or _SHARE_HEAD.search(flat, max(0, f.start - 16), f.start)):
        return True
    return bool(_DIFFERENCE.search(flat, max(0, f.start - 6), f.start))


def _changes(flat: str, a: int, b: int, figs: list[Figure], out: Claims) -> None:
    for m in _CHANGE.finditer(flat, a, b):
        fa = _fig_at(figs, *m.span("a")) if m.group("a") else None
        fc = _fig_at(figs, *m.span("c")) if m.group("c") else None
        fr = _fig_at(figs, *m.span("r")) if m.group("r") else None
        if fc is not None and fc.rate and fr is None:
            fc, fr = None, fc
        if fc is None and m.group("c2"):
            fc = _fig_at(figs, *m.span("c2"))
        cur = None
        for f in figs:  # not a part in parentheses closed before 较 ("126.05 亿元(县本级 98.88 …)")
            if f.end <= m.start() and f.money and f.start not in out.prior and not _closed_paren(
                    flat, f.end, m.start()) and not not_current(flat, f):
                cur = f
        if cur is not None and re.search(r"[;。]|其中", flat[cur.end:m.start()]):
            cur = None  # 「支出 500 万元，…，其中人员经费较上年增加 30 万元」: the part's amount is unwritten
        basis = (m.group("basis") or "").replace(" ", "")
        pair = _two_years(flat, a, m.start(), figs, out) if fa is None and not basis else None
        if pair is not None:  # "2016年预算8万元,2015年预算12.5万元;对比减少4.35万元"
            cur, fa = pair
            basis = "上年"
        if m.group("neg"):  # 「增加-5.00 万元」: the size of the change is 5.00, its sign is the word's
            fc, fr = (replace(f, value=abs(f.value)) if f is not None else None for f in (fc, fr))
        for f in (fa, fc):
            if f is not None:
                out.prior.add(f.start)
        if fa is None and fc is None and fr is None and m.group("dir") not in FLAT:
            continue
        i = m.start()
        while i > a and flat[i - 1] not in ",;:。!?":
            i -= 1
        subject = flat[i:m.start()].strip()
        vs = _VS_BUDGET.search(subject) if not basis else None
        if vs:  # "与年初预算相比,增加 C": the budget is the basis, not part of the subject
            basis, subject = vs.group("b"), subject[:vs.start()].strip()
        if not subject and cur is not None:  # "公务用车费 1618 万元,比上年下降 1.2%"
            subject = cur.label
        if not subject:  # "…5.76万元，其中…；较上年决算减少5.61万元": the sentence's subject
            first = next((f for f in figs if f.money and f.start < m.start()), None)
            subject = first.label if first is not None else ""
        out.claims.append(Claim("change", (cur, fa, fc, fr), (cur.start if cur else i, m.end()),
                                _direction(m.group("dir"), m.group("neg")), basis, subject=subject))


def _direction(word: str, minus: str | None) -> str:
    """The direction a change states: 「增长-3.2%」「增加-5万元」 (a sign written after the word, as
    in a table's 增减 column) is a fall, 「减少-2万元」 a rise."""
    if not minus or word in FLAT:
        return word
    return "减少" if word in UP else "增加"


#: 「收、支总计各是 A,B 万元」 / 「各减少 C,D 万元,各下降 R1%、R2%」: two figures said of two
#: subjects at once, the unit written once after the second
_EACH_IS = re.compile(r"各(?:是|为|计)\s*$")
_EACH_CHANGE = re.compile(r"各(?P<dir>减少|增加|下降|增长|上升)了?\s*$")
_EACH_RATE = re.compile(r"\s*[,，]?\s*各(?:下降|增长|上升|减少|增加)了?\s*$")


def _two_after(figs: list[Figure], flat: str, rx: re.Pattern) -> tuple[Figure, Figure] | None:
    """The two figures 「A,B 万元」 right after a match of ``rx`` (which must end where A starts),
    A given B's unit; ``None`` when B carries no money unit or anything else stands between."""
    for x, y in zip(figs, figs[1:]):
        if (rx.search(flat, max(0, x.start - 12), x.start) and not x.unit and y.money
                and re.fullmatch(r"\s*[,、]\s*", flat[x.end:y.start])):
            from dataclasses import replace
            return replace(x, unit=y.unit), y
    return None


def _respective(flat: str, a: int, b: int, figs: list[Figure], out: Claims,
                pair: tuple[Figure, Figure] | None) -> tuple[Figure, Figure] | None:
    """「2022年度收、支总计各是 4125.49,4143.91万元。与2021年相比,收、支总计各减少
    1267.86,2570.97万元,各下降23.51%、38.28%。」: two change claims, one per subject, checked
    like any other (PX603).  Returns the pair of amounts a next sentence may change."""
    now = _two_after(figs, flat, _EACH_IS)
    if now is not None:
        return now
    if pair is None:
        return None
    for i, x in enumerate(figs):
        m = _EACH_CHANGE.search(flat, max(a, x.start - 12), x.start)
        if m is None or m.end() != x.start or i + 1 >= len(figs):
            continue
        c = _two_after(figs[i:i + 2], flat, _EACH_CHANGE)
        if c is None:
            continue
        rates: list[Figure | None] = [None, None]
        rest = [f for f in figs[i + 2:] if f.rate]
        if (len(rest) >= 2 and _EACH_RATE.search(flat, c[1].end, rest[0].start)
                and re.fullmatch(r"\s*[、,]\s*", flat[rest[0].end:rest[1].start])):
            rates = rest[:2]
        for cur, amount, r in zip(pair, c, rates):
            out.prior.add(amount.start)
            end = (r or amount).end
            out.claims.append(Claim("change", (cur, None, amount, r), (cur.start, end),
                                    m.group("dir"), ""))
        return None
    return pair


def _two_years(flat: str, a: int, at: int, figs: list[Figure], out: Claims):
    """(this year's, last year's) amount when the clause before a bare 「对比/比/较 减少 C」 states
    exactly two, labelled with two consecutive years (「2016年预算8万元,2015年预算12.5万元;对比
    减少4.35万元」); else ``None``."""
    start = max(a, flat.rfind("。", a, at) + 1)
    two = [f for f in figs if start <= f.start < at and f.money and f.start not in out.prior]
    two = two[-2:]
    if len(two) != 2 or None in (two[0].year, two[1].year):
        return None
    if re.search(r"\d", flat[two[1].end:at]) or abs(two[0].year - two[1].year) != 1:
        return None
    cur, prior = sorted(two, key=lambda f: -f.year)
    return cur, prior


_BUDGET = re.compile(r"预算(?:数|安排数?)?$|(?:年初|全年|本年|调整后?|年中)预算")


def _is_budget(label: str) -> bool:
    """A budget figure (本年预算 55.77 万元), not a fund type (一般公共预算财政拨款收入)."""
    return bool(_BUDGET.search(label)) and "执行" not in label


_QIZHONG = re.compile(r"其中\s*[,:]?")
#: a total that opens a new breakdown after another one in the same sentence, behind a comma
#: ("…，总支出 D 万元，其中…"); behind a semicolon any amount does
_NEW_TOTAL = re.compile(r"总|合计|总计|共计")


def _chain(flat: str, a: int, b: int, figs: list[Figure], out: Claims) -> list[int]:
    """Where the sentence ``flat[a:b]`` starts a new total with its own 其中 after an earlier
    one (「总收入 A，其中 B、C；总支出 D，其中 E、F」): the offsets its breakdowns begin at,
    ``[a]`` when it holds one.  A 其中 whose amount before it is a part of the previous
    breakdown (「基本支出 60，其中人员经费…」 after 「支出 100，其中」) is nested, not chained."""
    if flat.count("其中", a, b) < 2:
        return [a]
    # a 其中 in parentheses breaks down the amount before them (「2066 万元（其中：…）」)
    qs = [m.start() for m in _QIZHONG.finditer(flat, a, b) if open_paren(flat, a, m.start()) is None]
    cuts = [a]
    for prev, q in zip(qs, qs[1:]):
        own = [f for f in figs if prev < f.start and f.end <= q and f.money
               and f.start not in out.prior]
        if not own:
            continue
        t = own[-1]
        semi = flat.rfind(";", prev, t.start)
        comma = max(flat.rfind(",", prev, t.start), flat.rfind(";", prev, t.start))
        if semi >= 0:
            cuts.append(semi + 1)
        elif comma >= 0 and _NEW_TOTAL.search(t.label) and not _NEW_TOTAL.search(
                flat[prev:comma]):
            cuts.append(comma + 1)
    return cuts


def _breakdowns(flat: str, a: int, b: int, figs: list[Figure], out: Claims,
                prev_total: list[Figure]) -> list[Figure]:
    """The breakdowns of one sentence; a chain of totals (``_chain``) is read one total at a
    time, each with its own parts."""
    cuts = _chain(flat, a, b, figs, out)
    if len(cuts) == 1:
        got = _breakdown(flat, a, b, figs, out, prev_total)
        _paren_breakdowns(flat, a, b, figs, out)
        return got
    totals = prev_total
    for sa, sb in zip(cuts, cuts[1:] + [b]):
        totals = _breakdown(flat, sa, sb, [f for f in figs if sa <= f.start < sb], out,
                            totals if sa == a else [])
    return totals


#: 「A 14.40 万元(其中购置费 10.00 万元,运行费 4.40 万元)」: a parenthesis that breaks down the amount
#: before it, after the sentence's first 其中
_PAREN_QIZHONG = re.compile(r"\(\s*其中")


def _paren_breakdowns(flat: str, a: int, b: int, figs: list[Figure], out: Claims) -> None:
    """The breakdowns in parentheses after a sentence's first 其中 (「…其中:公务接待费 3.20 万元;
    公务用车购置及运行费 14.40 万元(其中购置费 10.00 万元,运行费 4.40 万元);…」): each read as a
    breakdown of the amount right before it, from the clause that amount opens (the first 其中 of
    the sentence is read by ``_breakdown``)."""
    first = flat.find("其中", a, b)
    for m in _PAREN_QIZHONG.finditer(flat, a, b):
        if m.start() + 1 <= first <= m.end() or first < 0 or m.start() < first:
            continue  # the sentence's first 其中: read already
        clause = max(flat.rfind(c, a, m.start()) for c in ",;:") + 1
        if clause <= a:
            continue
        close = flat.find(")", m.end(), b)
        if close < 0:
            continue
        _breakdown(flat, clause, close + 1, [f for f in figs if clause <= f.start < close], out, [])


#: 「T，由 A a、B b 及 C c 组成」 (every part: ``words`` 组成) and 「T，包括 A a 和 B b」 (maybe some
#: parts, as after 其中): a breakdown without 其中
_COMPOSED = re.compile(r"(?<![主要])(?:由(?P<made>[^。;:()]{4,160}?)(?:组成|构成)|"
                       r"包括\s*:?(?P<incl>[^。;()]{4,160}))")


def _composed(flat: str, a: int, b: int, figs: list[Figure], out: Claims) -> None:
    """The breakdown a sentence without 其中 writes as 「由…组成」 or 「包括…」 right after its
    total (the amount just before, in the same clause: nothing but the comma between)."""
    if flat.find("其中", a, b) >= 0:
        return  # read as a 其中 breakdown
    for m in _COMPOSED.finditer(flat, a, b):
        g = "made" if m.group("made") else "incl"
        before = [f for f in figs if f.end <= m.start() and f.money]
        if not before or not re.fullmatch(r"\s*,?\s*", flat[before[-1].end:m.start()]):
            continue
        total = before[-1]
        if total.start in out.prior or "上年" in total.label:
            continue
        parts = [f for f in figs if m.start(g) <= f.start and f.end <= m.end(g) and f.money
                 and f.start not in out.prior and open_paren(flat, m.start(g), f.start) is None]
        if g == "incl":
            parts = _before_other_aggregate(flat, m.start(g), parts)
        if len(parts) >= 2 and not any(_CHANGE_AMOUNT.search(p.label) for p in parts):
            out.claims.append(Claim("breakdown", (total, *parts), (total.start, parts[-1].end),
                                    "组成" if g == "made" else "其中"))


def _nested(flat: str, at: int, parts: list[Figure], out: Claims) -> list[Figure] | None:
    """``parts`` (after the 其中 at ``at``) without those a second 其中 breaks a part down into
    (「基本支出 60，其中人员经费 50、公用经费 10，项目支出 40」: 50 and 10 are 60's; that
    breakdown is recorded in ``out``); ``None`` when which figures belong to the inner 其中
    cannot be told (their sum never meets the part's)."""
    rest = list(parts)
    for m in _QIZHONG.finditer(flat, at + 2, parts[-1].start if parts else at):
        if open_paren(flat, at, m.start()) is not None:
            continue  # inside parentheses: their figures are no parts already
        host = [p for p in rest if p.end <= m.start()]
        if not host:
            continue
        parent, inner, s, met = host[-1], [], Decimal(0), False
        for p in (p for p in rest if p.start > m.start()):
            inner.append(p)
            s += p.value_yuan
            slack = sum((f.tol_yuan for f in (parent, *inner)), Decimal(0)) + Decimal("1e-9")
            if abs(s - parent.value_yuan) <= slack:
                met = True
                break
            if s > parent.value_yuan:
                break
        if not met:
            return None
        if len(inner) >= 2:
            out.claims.append(Claim("breakdown", (parent, *inner),
                                    (parent.start, inner[-1].end), "其中"))
        rest = [p for p in rest if p not in inner]
    return rest


#: a total called so (「共计」「合计」), and the funds it is made of, named by their source
_CALLED_TOTAL = re.compile(r"共计|合计|总计|总额")
_SOURCE = re.compile(r"(?:财政|政府|上级|中央|省级?|市级?|县级?)?(?:拨款|补助资金|专项资金)(?:支出)?$|"
                     r"自筹(?:资金)?(?:支出)?$|配套(?:资金)?(?:支出)?$|银行贷款$|社会资本$")


def _sources(flat: str, a: int, own: list[Figure], out: Claims) -> None:
    """「实际利用共计 T 万元，…，政府拨款支出 A 万元，…，自筹资金支出 B 万元」: a total called so,
    then two or more amounts named by their source of funds and nothing else — the sources of
    the total, a breakdown without 其中 (``words`` 来源: the text may name only some sources, so
    only parts exceeding the total are certain, PX604)."""
    if len(own) < 3 or not _CALLED_TOTAL.search(flat, a, own[0].start):
        return
    parts = own[1:]
    if all(_SOURCE.search(re.sub(r"[\s“”\"]", "", p.label)) for p in parts):
        out.claims.append(Claim("breakdown", (own[0], *parts), (own[0].start, parts[-1].end),
                                "来源"))


def _breakdown(flat: str, a: int, b: int, figs: list[Figure], out: Claims,
               prev_total: list[Figure]) -> list[Figure]:
    m = _QIZHONG_AT.search(flat[a:b])
    if not m:
        # a sentence without 其中 offers its first current amount to a next one opening with 其中
        own = [f for f in figs if f.money and f.start not in out.prior and "上年" not in f.label]
        _sources(flat, a, own, out)
        return own or prev_total
    at = a + m.start()
    # "…；公务用车费决算 1618 万元，比上年下降 1.2%，其中：…": the clause's own total, not
    # the amounts of the clauses before its semicolon
    clause = max(a, flat.rfind(";", a, at) + 1)
    before = [f for f in figs if f.end <= at and f.money and f.start not in out.prior
              and "上年" not in f.label]
    if clause > a and [f for f in before if f.start >= clause]:
        # ... and its parts end with the clause
        before = [f for f in before if f.start >= clause]
        end = flat.find(";", at, b)
        figs = [f for f in figs if end < 0 or f.start < end]
    paren = open_paren(flat, a, at)
    if paren is not None:
        # "预算数 13.78 亿元（其中 3.5 亿元…）": the parenthesis breaks down the amount before
        # it, and only its own figures are parts
        host = [f for f in before if f.end <= paren]
        if not host:
            return prev_total
        before = host[-1:]
        close = flat.find(")", at, b)
        figs = [f for f in figs if f.start < (close if close >= 0 else b)]
    totals = before or prev_total
    parts = [f for f in figs if f.start >= at + m.end() - m.start() and f.money
             and f.start not in out.prior and "上年" not in f.label
             and not _CHANGE_AMOUNT.search(f.label)
             and open_paren(flat, at, f.start) is None]  # "基本支出 60(人员经费 50,…)": a part's part
    if open_paren(flat, a, at) is not None:  # "13亿7,800万元(其中3.5亿元…),执行…": inside only
        close = flat.find(")", at, b)
        parts = [p for p in parts if close < 0 or p.start < close]
    parts = _before_other_aggregate(flat, at, parts)
    # "…其中A 1 元,…,A中,a1 …,a2 …": after "A中," the parts break down A, not the total; A is
    # the last part before it unless A names the total ("决算支出 T,其中财政拨款 F,决算支出中,…")
    sub = (re.search(r"([\u4e00-\u9fff]{2,8})中\s*,", flat[at + 2:parts[-1].start])
           if parts else None)
    if sub:
        cut = at + 2 + sub.start()
        inner = [p for p in parts if p.start > cut]
        outer = [p for p in parts if p.start < cut]
        name = sub.group(1)[-4:]
        whole = [t for t in totals if len(name) == 4 and name in t.label]
        if outer and whole and name not in outer[-1].label and len(inner) >= 2:
            out.claims.append(Claim("breakdown", (whole[-1], *inner),
                                    (whole[-1].start, inner[-1].end), "中"))
        elif outer and len(inner) >= 2:
            out.claims.append(Claim("breakdown", (outer[-1], *inner),
                                    (outer[-1].start, inner[-1].end), "中"))
        parts = outer
    # "其中:财力安排支出 68.4 亿元,…,主要支出事项:一般公共服务支出 7.1 亿元、…等": what follows
    # "主要…:" itemises the part before it, not the total
    main = (re.search(r"主要[\u4e00-\u9fff]{0,6}:", flat[at + 2:parts[-1].start])
            if parts and not sub else None)
    if main:
        parts = [p for p in parts if p.start < at + 2 + main.start()]
    nested = _nested(flat, at, parts, out)
    if nested is None:  # a 其中 inside a part whose own parts cannot be told: no sum is sure
        return totals if before else prev_total
    parts = nested
    if len(totals) == 1 and parts:
        # a budget figure is no part of an actual total, nor the reverse ("三公经费支出 5.76
        # 万元，其中…；本年预算 55.77 万元")
        if not _is_budget(totals[0].label):
            parts = [p for p in parts if not _is_budget(p.label)]
    if not totals or len(parts) < 2:
        return totals if before else prev_total
    span = (totals[0].start if before else at, parts[-1].end)
    # "其中，A、B 为 106.59、17.24 亿元": figures listed respectively name examples, not
    # necessarily every part
    words = "其中…" if any(re.fullmatch(r"\s*、\s*", flat[p.end:q.start])
                          for p, q in zip(parts, parts[1:])) else "其中"
    if len(totals) == 1:
        parts = _made_by_prefix(totals[0], parts)
        out.claims.append(Claim("breakdown", (totals[0], *parts), span, words))
    elif len({t.year for t in totals}) == len(totals) and all(t.year for t in totals):
        # "2016 年预算 33 万元，2015 年预算 57.55 万元。其中：…2016 年预算 8 万元，2015 年…":
        # each year's total with the parts of its year
        for t in totals:
            mine = [p for p in parts if p.year == t.year]
            if len(mine) >= 2:
                out.claims.append(Claim("breakdown", (t, *mine), span, "其中"))
    else:
        for j, t in enumerate(totals):
            k = _key(t.label)
            if any(_key(u.label) == k for u in totals[j + 1:]):
                continue  # 「…出国 120 万元；接待 1033 万元；用车 1618 万元，其中 …」: the nearest
            mine = _made_by_prefix(t, [p for p in parts if k and _key(p.label) == k])
            if k and len(mine) >= 2:
                out.claims.append(Claim("breakdown", (t, *mine), span, "其中"))
    return totals


#: 「…；加上级补助收入 A，…，收入合计 T」: a clause that adds to (or takes from) what came before
#: builds another aggregate (a reconciliation), not more parts of the 其中's total.  Not the
#: change words (减少 / 减收 / 加快…).
_ADDS_UP = re.compile(r"[;,]\s*(?:再\s*)?(?:加上?|减去?|扣除)(?![少收支免快强大速])")
#: an amount called 合计 / 总计 / 共计 right before its figure: a total of its own
_ITS_OWN_TOTAL = re.compile(r"(?:合计|总计|共计)\s*(?:为|是|:)?\s*$")


#: an amount named by nothing but a stage of the whole (「已支出 388.16 万元」, 「目前项目资金已拨付
#: 106.36 万元」, 「结余 5 万元」): what happened to the whole, no component of it
_STAGE_ONLY = re.compile(
    r"(?:目前|当前|截至目前|截止目前|现)?(?:项目|该项目)?(?:资金)?"
    r"(?:(?:已经?|累计|共|实际)(?:支出|拨付|使用|完成|下达|兑付|发放|到位|支付|执行)|"
    r"(?:拨付|兑付|发放|到位|支付)|"
    r"(?:尚?未|剩余|结余)(?:支出|拨付|使用)?|结余|执行数?)(?:资金|金额)?(?:为|是)?")


#: a numbered item opening after a separator (「；2、」「，(二)」「 ③」): the next item of the list the
#: total belongs to, not another part of the total's 其中 (unless the 其中 itself is numbered)
_NUMBERED = re.compile(r"[;,。:\s]\s*(?:\d{1,2}\s*[、.](?!\d)|\(\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})"
                       r"\s*\)|[一二三四五六七八九十]{1,3}\s*、|[①-⑳])")


def _before_other_aggregate(flat: str, at: int, parts: list[Figure]) -> list[Figure]:
    """The parts of the 其中 at ``at`` up to a clause that opens with 加 / 减 / 扣除 (「其中地方收入
    A；加上级补助收入 B，调入资金 C，收入合计 T」: B and C build T from A, they are no parts of
    the total before 其中), an amount, after the first part, that is called 合计 / 总计 (the sum
    of something, never a part beside the others), or an amount named only by a stage
    (``_STAGE_ONLY``: 「520 万元，其中：某补助资金 520 万元，已支出 388.16 万元」 — a part is a
    component by name, a fund, an item or a use; 已支出 / 已拨付 / 结余 tell what happened to the
    whole).  A numbered item after an unnumbered first part (「1、运动会 654.17 万元，其中补助地方
    30 万元；2、健身活动 559.52 万元」) is the total's sibling: the list ends before it."""
    numbered = bool(parts) and _NUMBERED.search(flat, at, parts[0].start) is not None
    for i, p in enumerate(parts):
        if i and not numbered and _NUMBERED.search(flat, parts[i - 1].end, p.start):
            return parts[:i]
        if _ADDS_UP.search(flat, parts[i - 1].end if i else at, p.start) or (
                i and _ITS_OWN_TOTAL.search(flat, max(p.label_start, parts[i - 1].end), p.start)) \
                or _STAGE_ONLY.fullmatch(re.sub(r"[\s,:“”\"]", "", p.label)):
            return parts[:i]
    return parts


def _made_by_prefix(total: Figure, parts: list[Figure]) -> list[Figure]:
    """``parts`` cut after the first two or more that make ``total`` exactly (each within half a
    unit of its last digit) when all of them do not: 「…29612 万元，其中国税 11765、地税 14796、
    财政 3051；实现地方一般预算收入 19401 万元」 — the list went on past its parts."""
    from decimal import Decimal as D
    acc, slack = D(0), total.tol_yuan
    for k, p in enumerate(parts):
        acc += p.value_yuan
        slack += p.tol_yuan
        if k >= 1 and k < len(parts) - 1 and abs(acc - total.value_yuan) <= slack:
            rest = sum((q.value_yuan for q in parts), D(0))
            if abs(rest - total.value_yuan) > slack + sum((q.tol_yuan for q in parts[k + 1:]), D(0)):
                return parts[:k + 1]
    return parts


def _shares(flat: str, a: int, b: int, figs: list[Figure], out: Claims,
            total: list[Figure]) -> None:
    for m in _SHARE.finditer(flat, a, b):
        r = _fig_at(figs, *m.span("r"))
        if r is None:
            continue
        inline = None
        if r.money:  # "占年计划 400 万元的 80%": the whole is written in the share itself
            rm = _INLINE_RATE.match(flat, r.end, b)
            rate = _fig_at(figs, *rm.span("r")) if rm else None
            if rate is None or not rate.rate:
                continue
            inline, r = r, rate
        part = None
        for f in figs:  # a change amount is no part ("比上年增收 11487.11 亿元，…，占…的 88.9%")
            if (f.end <= m.start() and f.money and f.start not in out.prior
                    and not _CHANGED.search(f.label)):
                part = f
        if part is None or re.search(r"[;。]", flat[part.end:m.start()]):
            continue
        inner = open_paren(flat, a, part.end)
        if inner is not None and open_paren(flat, a, m.start()) != inner:
            # the part is in a closed parenthesis (「财政拨款收入 A(其中…B),占…」): the share is
            # of the amount the parenthesis follows; without one right before it, say nothing
            part = next((f for f in figs if f.end <= inner and not flat[f.end:inner].strip()
                         and f.money and f.start not in out.prior), None)
            if part is None:
                continue
        parts = _listed(figs, flat, part, lambda f: f.money and f.start not in out.prior, back=True)
        rates = _listed(figs, flat, r, lambda f: f.rate, back=False) if not inline else [r]
        if len(parts) > 1 or len(rates) > 1:
            # 「A、B和C分别为 a、b和c,占…的 r1、r2和r3」: one share per pair, in order; lists of
            # two lengths pair nothing for sure
            if len(parts) != len(rates):
                continue
            part = parts[0]
        own = _OWN_BUDGET.search(m.group("of") or "")  # 「占年初预算的 25%」: of its own budget
        # a whole named unlike the 其中 total is another quantity (「其中：授予小微企业…，占政府
        # 采购支出总额的 6.7%」): the named one, not the total
        tot = inline or (total[0] if len(total) == 1 and total[0] not in parts and not own
                         and part.start > total[0].end  # a part before its 其中 is none of it
                         and names_parent(m.group("of"), total[0].label,
                                         flat[total[0].label_start:total[0].start]) else None)
        named = tot is None
        if named:
            tot = _named_total(out, m.group("of"), part, figs)
        # basis "%" when the share carries its sign, "" when it is a bare number (PX606)
        for p, q in zip(parts, rates):
            out.claims.append(Claim("share", (p, tot, q), (p.start, q.end), "占",
                                    "%" if inline or m.group("pct") else "", subject=m.group("of"),
                                    sure=not named))


#: The label of a change amount (「税收收入 1036.5 亿元，增长 5.4%，增收 36.9 亿元」): the part's own
#: change, never another part of the total.
_CHANGE_AMOUNT = re.compile(r"(?:增收|减收|增支|减支|增加|减少|增长|下降|上升|节约资金|节约)了?$")
#: A share of the part's own budget, target or plan (「国税完成 11765 万元,占年初预算的 25%」, 「占任务数的
#: 96.3%」): a completion rate, never a share of the breakdown's total.
_OWN_BUDGET = re.compile(r"预算|任务|计划|目标")
#: A figure's label that makes it a change ("较上年增加24d5.2 亿元" where a mirror garbled the digits).
_CHANGED = re.compile(r"(?:较|比|同比).*(?:增加|减少|增收|减收|增支|减支)")
_LIST_SEP = re.compile(r"\s*(?:、|,|和|及|与|以及)\s*")


def _listed(figs: list[Figure], flat: str, f: Figure, ok, back: bool) -> list[Figure]:
    """``f`` and the figures listed with it (「6571.4亿元、11155.2亿元和3343.9亿元」, 「31.2%、52.9%和
    15.9%」): neighbours that pass ``ok`` with only a list mark between, before ``f`` when
    ``back``, after it otherwise; in text order."""
    i = figs.index(f)
    run = [f]
    step = -1 if back else 1
    j = i + step
    while 0 <= j < len(figs) and ok(figs[j]):
        a, b = (figs[j], run[-1]) if back else (run[-1], figs[j])
        if not _LIST_SEP.fullmatch(flat, a.end, b.start):
            break
        run.append(figs[j])
        j += step
    return run[::-1] if back else run


#: How far back (characters) a share's named total is looked for ("占实际支出的 12.5%").
_NAMED_TOTAL_REACH = 1000


def _named_total(out: Claims, of: str, part: Figure, figs: list[Figure]) -> Figure | None:
    """The figure a share names as its whole when no total is in its sentence ("其中培训费 52
    万元，占实际支出的 12.5%" after "实际支出 468 万元"): the nearest current-year amount before
    the part, at most ``_NAMED_TOTAL_REACH`` characters back, whose quantity name ends with the
    name the share gives ("项目实际支出" for "实际支出")."""
    from perfxl.draft.common import quantity_name
    name = quantity_name("".join((of or "").split()))
    if len(name) < 3:
        return None
    year = out.doc.year
    # nearest first: this sentence's amounts backwards, then the earlier sentences' (already in
    # text order, so no sort: a long draft asks this for every share)
    before = itertools.chain(
        (f for f in reversed(figs) if f.end <= part.start and f.money),
        (f for f, _s in reversed(out.amounts[-200:])))
    for f in before:
        if part.start - f.start > _NAMED_TOTAL_REACH:
            break
        if (f is not part and f.start not in out.prior and f.year in (None, year)
                and "上年" not in f.label and quantity_name(f.label).endswith(name)):
            return f
    return None


def _ratios(flat: str, a: int, b: int, figs: list[Figure], out: Claims) -> None:
    for m in _RATIO.finditer(flat, a, b):
        r = _fig_at(figs, *m.span("r"))
        lead = flat[max(a, m.start() - 4):m.start()]
        if r is None or "上半年" in lead or "半年" in lead:
            continue
        ops = tuple(f for f in figs if f.money and f.start not in out.prior and f.start < r.start)
        out.claims.append(Claim("ratio", (r, *ops), (ops[0].start if ops else m.start(), r.end),
                                m.group("w")))


def _scores(flat: str, a: int, b: int, figs: list[Figure], out: Claims) -> None:
    if flat.find("得分", a, b) < 0 and flat.find("自评总分", a, b) < 0:
        return  # the pattern's lazy label makes a scan of a sentence without 得分 costly
    for m in _SCORE.finditer(flat, a, b):
        n = _fig_at(figs, *m.span("n"))
        if n is None:
            continue
        lab = m.group("lab")
        # "总得分 95 分" leaves "总" (or "自评总") as the label
        whole = (m.group("tot") is not None
                 or any(w in lab for w in ("整体", "总分", "部门", "综合")) or "总得分" in lab
                 or lab.rstrip().endswith(("总", "合计", "共计", "累计")))
        if "加分" in lab or "扣分" in lab or "减分" in lab:
            continue
        out.claims.append(Claim("score", (n,), (m.start("n"), m.end()),
                                "total" if whole else "item"))


def _heading_level(text: str) -> int:
    for level, rx in NUMBERING:
        if rx.match(text):
            return level
    return 0


def _weights(doc: Doc, out: Claims) -> None:
    flat = doc.flat
    for a, b in doc.paragraphs:
        level = _heading_level(flat[a:b])
        if not level:
            continue
        # the heading sentence and, for "1. 预算编制。", the next sentence "指标分值28分。"
        m = _WEIGHT.search(flat, a, min(b, a + 60))
        if not m:
            continue
        g = "a" if m.group("a") else "b"
        f = _fig_at(figures(flat, m.start(g), m.end() + 1), m.start(g), m.end(g))
        if f is not None:
            na = "不适用" if _NOT_APPLICABLE.search(flat, a, b) else ""
            out.claims.append(Claim("weight", (f,), (a, m.end()), na, level=level))


def _enumerations(flat: str, a: int, b: int, figs: list[Figure], out: Claims) -> None:
    for m in _ENUM.finditer(flat, a, b):
        n = _fig_at(figs, *m.span("n"))
        if n is None or not n.count:
            continue
        # counted at the top level: a 、 inside parentheses lists the parts of one item
        items = tuple(top_split(m.group("items"), "、"))
        if len(items) < 2:
            continue
        out.claims.append(Claim("enumeration", (n,), (n.start, m.end()), m.group("u"),
                                items=items))


#: a paragraph that opens a new section: the end of a list carried over from the one before
_SECTION = re.compile(r"\s*(?:[一二三四五六七八九十]+\s*、|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|"
                      r"\d{1,2}\s*[.、](?!\d)|第[一二三四五六七八九十]+[章节部分])")


def _opening_amount(flat: str, a: int, b: int, out: Claims) -> Figure | None:
    """The amount a paragraph opens with behind a short name and nothing else (「公用经费
    71339.2 元，主要包括：…」), else ``None``."""
    figs = figures(flat, a, min(b, a + 60))
    f = next((f for f in figs if f.money), None)
    if f is None or f is not figs[0]:
        return None
    lead = flat[a:f.start].strip()
    if (not 2 <= len(lead) <= 16 or re.search(r"[\d,;:。()]|上年|较|比|其中|合计|总计", lead)
            or f.start in out.prior):
        return None
    return f


def _closing_amount(flat: str, a: int, b: int, out: Claims) -> list[Figure]:
    """The one amount of a paragraph that ends with it (「本年支出合计 860.00 万元。」), as the
    total of a 其中 that opens the next paragraph; else no total."""
    figs = [f for f in figures(flat, a, b) if f.money]
    if len(figs) != 1 or figs[0].start in out.prior or "上年" in figs[0].label:
        return []
    return figs if re.fullmatch(r"\s*。?\s*", flat[figs[0].end:b]) else []


def _continued(doc: Doc, out: Claims) -> None:
    """A 其中 list that ends its paragraph after one part and goes on, one part per paragraph,
    up to the next section heading (「基本支出 911000.39 元，其中：人员经费 809961.19 元，主要
    包括…。」 / 「公用经费 71339.2 元，主要包括…。」 / 「七、…」): one breakdown of the total.  Kept
    only when the list ends at a heading (or the draft's end), or its parts already exceed the
    total; a paragraph that does not open with a named amount, or opens with one larger than the
    total (「其中:税收收入 8039 万元」 / 「一般公共预算支出 32664 万元」), ends it unread.  A 其中 that
    opens its paragraph takes the one amount the paragraph before ends with as its total."""
    flat, paras = doc.flat, doc.paragraphs
    for k, (pa, pb) in enumerate(paras):
        if flat.find("其中", pa, pb) < 0:
            continue
        sents = doc.sentences_in(pa, pb)
        if not sents or flat.find("其中", *sents[-1]) < 0:
            continue
        a, b = sents[-1]
        m = _QIZHONG.search(flat, a, b)
        figs = [f for f in figures(flat, a, b) if f.money and f.start not in out.prior
                and "上年" not in f.label]
        totals = [f for f in figs if f.end <= m.start()]
        parts = [f for f in figs if f.start >= m.end() and open_paren(flat, m.end(), f.start) is None]
        if not parts and re.fullmatch(r"\s*:\s*", flat[m.end() - 1:pb]) and flat[m.end() - 1] == ":":
            # 「“三公”经费支出 30.00 万元。其中:」 and then one numbered part per line
            _numbered_parts(doc, out, k, m.start())
            continue
        if not totals and k and not flat[pa:m.start()].strip():
            totals = _closing_amount(flat, *paras[k - 1], out)
            listed = [p for p in _before_other_aggregate(flat, m.start(), parts)
                      if not _CHANGE_AMOUNT.search(p.label)]
            if totals and len(parts) >= 2 and listed == parts and len(sents) == 1:
                # 「本年支出合计 T。」 / 「其中:基本支出 A;项目支出 B。」: the paragraph is the list;
                # one more paragraph opening with an amount may go on with it
                more = k + 1 < len(paras) and _opening_amount(flat, *paras[k + 1], out)
                out.claims.append(Claim("breakdown", (totals[0], *parts),
                                        (totals[0].start, parts[-1].end), "其中…" if more else "其中"))
                continue
        if len(totals) != 1 or len(parts) != 1:
            continue
        total, s, ended = totals[0], parts[0].value_yuan, False
        for qa, qb in paras[k + 1:]:
            if _SECTION.match(flat, qa):
                ended = True
                break
            f = _opening_amount(flat, qa, qb, out)
            if f is None or f.value_yuan > total.value_yuan + total.tol_yuan + f.tol_yuan:
                break  # an amount larger than the total is another total, no part of it
            parts.append(f)
            s += f.value_yuan
            if s >= total.value_yuan - sum((x.tol_yuan for x in (total, *parts)), Decimal(0)):
                ended = True  # the parts make (or exceed) the total: the list is complete
                break
        else:
            ended = True
        if ended and len(parts) >= 2:
            out.claims.append(Claim("breakdown", (total, *parts), (total.start, parts[-1].end),
                                    "其中"))


#: an item number a part's line opens with (1. / (1) / ①)
_ITEM_NO = re.compile(r"\s*(?:(?P<d>\d{1,2})\s*[.、](?!\d)|\(\s*(?P<p>\d{1,2})\s*\)|(?P<c>[①②③④⑤⑥⑦⑧⑨⑩]))")


def _named_amount(flat: str, a: int, b: int, out: Claims) -> Figure | None:
    """The amount a numbered line opens with behind its name (「因公出国(境)费 0 万元;」), else
    ``None``: as ``_opening_amount``, a name in parentheses allowed."""
    figs = figures(flat, a, min(b, a + 60))
    f = figs[0] if figs else None
    if f is None or not f.money or f.start in out.prior:
        return None
    lead = flat[a:f.start].strip()
    if not 2 <= len(lead) <= 20 or re.search(r"[\d,;:。]|上年|较|比|其中|合计|总计", lead):
        return None
    return f


def _numbered_parts(doc: Doc, out: Claims, k: int, at: int) -> None:
    """「T 万元。其中:」 closing paragraph ``k`` (the 其中 at ``at``), then the lines 「1.A a 万元;」
    「2.B b 万元;」…: one part per line, numbered from 1 in one style, up to a line of another
    kind.  The total is the paragraph's only amount before the 其中; the list is not read when a
    numbered line of it opens with no amount, or its next number comes further down (the list
    goes on past a line of another kind)."""
    flat, paras = doc.flat, doc.paragraphs
    pa = paras[k][0]
    totals = [f for f in figures(flat, pa, at) if f.money and f.start not in out.prior
              and "上年" not in f.label]
    if len(totals) != 1:
        return
    total, parts, style, end = totals[0], [], None, len(paras)
    if k + 1 < len(paras) and not _ITEM_NO.match(flat, paras[k + 1][0]):
        _parts_by_name(doc, out, k, total)
        return
    for j, (qa, qb) in enumerate(paras[k + 1:], k + 1):
        n = _ITEM_NO.match(flat, qa)
        kind = n and next(g for g in ("d", "p", "c") if n.group(g))
        if not n or (style and kind != style):
            end = j
            break
        num = int(n.group(kind)) if kind != "c" else "①②③④⑤⑥⑦⑧⑨⑩".index(n.group("c")) + 1
        f = _named_amount(flat, n.end(), qb, out)
        if num != len(parts) + 1 or f is None:
            return  # a numbered line that is no named amount: not a list of parts
        style = kind
        parts.append(f)
    if len(parts) < 2:
        return
    following = (str(len(parts) + 1), "①②③④⑤⑥⑦⑧⑨⑩"[len(parts):len(parts) + 1])
    for qa, _qb in paras[end:end + 30]:
        n = _ITEM_NO.match(flat, qa)
        if n and n.group(style) in following:
            return  # the list goes on after a line of another kind: its parts are not all here
    if len(parts) >= 2:
        out.claims.append(Claim("breakdown", (total, *parts), (total.start, parts[-1].end), "其中"))


def _parts_by_name(doc: Doc, out: Claims, k: int, total: Figure) -> None:
    """「公务用车购置及运行维护费 4.02 万元。其中:」 closing paragraph ``k``, then unnumbered lines
    each opening with a named amount: a list of parts only when the total's own name says what
    its parts are (``perfxl.glossary.QUANTITY_PARTS``: 「A及B」 is A and B and nothing else) and
    the next lines are exactly those parts, one each, in any order."""
    from perfxl.glossary import QUANTITY_PARTS
    from perfxl.draft.quantities import synonym
    flat, paras = doc.flat, doc.paragraphs
    label = synonym(re.sub(r"[\s“”\"]|^\s*\d{1,2}\s*[.、]", "", total.label))
    wholes = [w for w in QUANTITY_PARTS if re.sub(r"[“”\"]", "", w) in label]
    if len(wholes) != 1:
        return
    pats = QUANTITY_PARTS[wholes[0]]
    parts = [_opening_amount(flat, qa, qb, out) for qa, qb in paras[k + 1:k + 1 + len(pats)]]
    if len(parts) < len(pats) or None in parts:
        return
    names = [synonym(re.sub(r"[\s“”\"]", "", flat[qa:p.start])) for (qa, _), p in
             zip(paras[k + 1:], parts)]
    hits = [[i for i, w in enumerate(pats) if re.search(w, n)] for n in names]
    if all(len(h) == 1 for h in hits) and len({h[0] for h in hits}) == len(pats):
        out.claims.append(Claim("breakdown", (total, *parts), (total.start, parts[-1].end), "其中"))


_SIGNED = re.compile(r"(?P<w>" + "|".join(sorted((w for w in UP + DOWN if w != "增"), key=len, reverse=True))
                     + r")了?\s*$")  # (a bare 增 before a part, 「新增 5 万元」, signs nothing)


def _signed(flat: str, a: int, f: Figure) -> Figure | None:
    """``f`` signed by the direction word right before it (「减少 0.26 万元」 -> −0.26), or
    ``None`` when no such word stands there or it is in parentheses."""
    m = _SIGNED.search(flat, max(a, f.start - 6), f.start)
    if m is None or open_paren(flat, a, f.start) is not None:
        return None
    return replace(f, value=-f.value) if m.group("w") in DOWN else f


def _change_parts(doc: Doc, out: Claims) -> None:
    """「……合计 16.08 万元增加 15.15 万元。其中：公务接待费减少 0.26 万元，公务用车运行维护费增加
    14.79 万元。」: the sentence opening with 其中 breaks the change of the sentence before it
    down into the changes of the parts, signed by their words (``words`` 增减, figures signed:
    a 减少 part is negative).  Kept only when that sentence states one change amount (an amount
    right after 增加 / 减少…), every
    amount of the 其中 sentence follows a direction word, and they are at least as many as the
    non-zero parts of the breakdown before them in the paragraph (the list is complete)."""
    flat = doc.flat
    breakdowns = [c for c in out.claims if c.kind == "breakdown"]
    for pa, pb in doc.paragraphs:
        if flat.find("其中", pa, pb) < 0:
            continue
        sents = doc.sentences_in(pa, pb)
        for (a1, b1), (a2, b2) in zip(sents, sents[1:]):
            if not re.match(r"\s*其中\s*[,:]", flat[a2:b2]):
                continue
            signed = [_signed(flat, a1, f) for f in figures(flat, a1, b1) if f.money]
            signed = [f for f in signed if f is not None]
            if len(signed) != 1:
                continue  # the sentence before states no change, or several
            total = signed[0]
            parts = [_signed(flat, a2, f) for f in figures(flat, a2, b2) if f.money]
            whole = [b for b in breakdowns if pa <= b.span[0] and b.span[1] <= b1]
            if (len(parts) < 2 or None in parts or not whole
                    or len(parts) < sum(1 for p in whole[-1].figures[1:] if p.value)):
                continue
            out.claims.append(Claim("breakdown", (total, *parts), (total.start, parts[-1].end),
                                    "增减"))


def extract(doc: Doc) -> Claims:
    """Every claim of ``doc`` (see the module doc for kinds and figure roles)."""
    out = Claims(doc)
    flat = doc.flat
    for pa, pb in doc.paragraphs:
        prev: list[Figure] = []
        pair: tuple[Figure, Figure] | None = None
        sents = doc.sentences_in(pa, pb)
        for i, (a, b) in enumerate(sents):
            figs = figures(flat, a, b)
            if figs and _PRIOR_YEAR.search(flat[a:figs[0].start]):
                out.prior.update(f.start for f in figs)  # a sentence about last year
            _changes(flat, a, b, figs, out)
            pair = _respective(flat, a, b, figs, out, pair)
            n = len(out.claims)
            prev = _breakdowns(flat, a, b, figs, out, prev)
            _composed(flat, a, b, figs, out)
            if len(out.claims) > n and (open_paren(flat, a, b) is not None or (
                    i + 1 < len(sents) and _opening_amount(flat, *sents[i + 1], out))):
                # the list may go on past the sentence's end (a 。 inside parentheses, a next
                # sentence naming another amount): its parts may be only some of them
                out.claims[n:] = [replace(c, words="其中…") if c.words == "其中" else c
                                  for c in out.claims[n:]]
            _shares(flat, a, b, figs, out, prev)
            _ratios(flat, a, b, figs, out)
            _scores(flat, a, b, figs, out)
            _enumerations(flat, a, b, figs, out)
            for f in figs:
                out.all.append((f, (a, b)))
                if f.money:
                    out.amounts.append((f, (a, b)))
    _weights(doc, out)
    _continued(doc, out)
    _change_parts(doc, out)
    from perfxl.draft.share_lists import list_wholes
    list_wholes(out)  # before the name look-ups: a list's own whole is certain
    _later_totals(out)
    _sure_wholes(out)
    if "?" in flat or "\ufffd" in flat:
        out.claims = [c for c in out.claims if not any(
            f is not None and garbled(flat, f) for f in c.figures)]
    return out


def garbled(flat: str, f: Figure) -> bool:
    """A character lost to a wrong encoding (``?`` / U+FFFD) stands right before ``f``: its
    leading digits may be lost with it (「支出?8639 萬元」 of a report that wrote 48639), so its
    value is not known and no claim over it is checked."""
    return f.start > 0 and flat[f.start - 1] in "?\ufffd"


def _budget_name(label: str) -> str:
    """A quantity name without a trailing 预算 after 支出 / 收入 (「基本支出预算」 and 「一般公共预算
    基本支出」 name one budget document's figure); 收支总预算 read as 支出总预算."""
    from perfxl.draft.common import quantity_name
    name = quantity_name("".join((label or "").split()))
    # a budget's 收支总预算 is its 支出总预算 (收支平衡): 「占支出总预算 4.04%」 names it
    name = re.sub(r"收支总预算$", "支出总预算", name)
    return re.sub(r"(?<=[支收][出入])预算$", "", name)


def _later_totals(out: Claims) -> None:
    """A share whose named whole no earlier amount gives (「对个人和家庭补助支出预算 73200 元,占
    基本支出预算 6.45%」 with 「基本支出 1133753.33 元」 in a later section) takes it from later in
    the draft, when the draft gives that name exactly one value (so it is the one quantity)."""
    todo = [i for i, c in enumerate(out.claims) if c.kind == "share" and c.figures[1] is None
            and len(_budget_name(c.subject)) >= 4]
    if not todo:
        return
    by_suffix: dict[str, list[Figure]] = {}  # every ending of 4 characters or more of a name
    year = out.doc.year
    for f, _s in out.amounts:
        if f.start in out.prior or f.year not in (None, year) or "上年" in f.label:
            continue
        name = _budget_name(f.label)
        for k in range(0, len(name) - 3):
            by_suffix.setdefault(name[k:], []).append(f)
    for i in todo:
        c = out.claims[i]
        want = _budget_name(c.subject)
        part = c.figures[0]
        hits = by_suffix.get(want, [])
        values = {f.value_yuan for f in hits}
        later = [f for f in hits if f.start > part.end]
        if len(values) == 1 and later and later[0].value_yuan != part.value_yuan:
            out.claims[i] = Claim("share", (part, later[0], c.figures[2]), c.span, c.words,
                                  c.basis, subject=c.subject, sure=False)


def _sure_wholes(out: Claims) -> None:
    """A share's whole found by its name is certain only when that name has one value in the
    whole draft and no other area is named between it and the share (``share_whole``)."""
    todo = [i for i, c in enumerate(out.claims) if c.kind == "share" and not c.sure
            and c.figures[1] is not None]
    if not todo:
        return
    from perfxl.draft.common import quantity_name
    year, flat = out.doc.year, out.doc.flat
    sentence = {f.start: s for f, s in out.amounts}
    for i in todo:
        c = out.claims[i]
        part, whole, r = c.figures
        want, budget = quantity_name("".join(c.subject.split())), _budget_name(c.subject)
        others = {f.value_yuan: f for f, _s in out.amounts
                  if f.start not in out.prior and f.year in (None, year) and "上年" not in f.label
                  and f.value_yuan != whole.value_yuan
                  and (quantity_name(f.label).endswith(want)
                       or (len(budget) >= 4 and _budget_name(f.label).endswith(budget)))}
        own = sentence.get(whole.start)
        if own is None:
            continue
        a, b = min(whole.end, part.start), max(r.end, whole.end)
        share_sentence = sentence.get(part.start, (a, b))
        if scope_changes(flat, own, a, max(b, share_sentence[1])):
            continue
        out.claims[i] = replace(c, sure=True, others=tuple(others.values()))

