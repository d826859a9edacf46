"""PX673: the shares of one whole, written in one sentence, that add past 100 %
(「其中基本支出占 65%，项目支出占 40%」, 「公务接待费占“三公”经费的 45%，公务用车购置及运行费占
“三公”经费的 60%」).

Parts of one whole, each named once, none inside another, cannot take more than all of it.  Only
shares whose whole is certainly the same are added: all name it in the same words, or none does
and they all follow one 其中 (or a sentence opening 「<whole>中，」).  A share in parentheses
(another year's, an aside) is not read.
"""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import quote
from perfxl.draft.numbers import figures, open_paren
from perfxl.draft.quantities import synonym
from perfxl.glossary import DISJOINT_PARTS

#: one share: the part's clause, 占, the whole (may be empty), the rate
_SHARE = re.compile(r"(?P<part>[^,;。:\n]{2,30}?)\s*,?\s*占(?P<of>[^,;。%\d]{0,20}?)的?\s*(?:比重|比例)?"
                    r"(?:为|约)?\s*(?P<r>\d+(?:\.\d+)?)\s*%")
#: a whole that is each part's own (its budget, its plan, its class): 「占预算的 101.6%」 is a
#: completion of the part's own budget, and such shares do not add
_OWN_WHOLE = re.compile(r"预算|计划|任务|同类|目标|规模|年初|调整|指标|下达|批复|应")
#: a whole the listed parts share: a sum of money by its name
_WHOLE = re.compile(r"(?:支出|收入|经费|费用|总额|合计|资金)$")
#: a part named by what it achieved (完成 / 执行 / 实现): its share is of its own target
_ACHIEVED = re.compile(r"完成|执行|预计|实现|达到|达")
_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:亿元|万元|元)")
#: a share of several parts together, or of another year, or a change of a share: not a part
#: a sentence opening with a whole's name and 中 (「“三公”经费支出决算中，A 占 R%；B 占 S%」): the bare
#: shares after it are of that whole, as after 其中 (the parts must still be disjoint classes)
_WHOLE_IN = re.compile(r"[^,;。:\n%]{2,40}?(?:支出|收入|经费|费用|总额|资金|决算)中\s*,")
_OTHER = re.compile(r"合计|共计|累计|总计|两项|二者|两者|以上|上述|三项|上年|去年|同期|比上年|较上年|"
                    r"提高|下降|增长|减少|增加|降低|其余|剩余|其他")


@rule("PX673", "draft-shares-past-whole", "error", title="同一整体的各部分所占比例之和超过100%",
      message="“{quote}”：{parts} 之和为 {sum}%，超过 100%；请核对各项比例",
      cases=[fails("两项占比之和 105%", at="1", expected=105,
                   text="本年支出 1000.00 万元，其中基本支出占 65%，项目支出占 40%。"),
             passes("两项占比之和 100%", text="本年支出 1000.00 万元，其中基本支出占 60%，项目支出占 40%。"),
             passes("占的不是同一个整体",
                    text="基本支出占本年支出的 80%，项目支出占项目预算的 95%。"),
             passes("后一项是前一项的组成（其中）",
                    text="工资福利支出占基本支出的 70%，其中基本工资占基本支出的 40%。"),
             passes("各占自己的预算（完成进度），不相加",
                    text="其中税收收入 7786 万元，占预算的 101.6%，非税收入 3162 万元，占预算的 96.3%。"),
             passes("各占同类产品的规模，不相加",
                    text="采购节能产品 520.4 亿元，占同类产品采购规模的 89.7%；采购环保产品 847.6 亿元，占同类产品采购规模的 87.1%。"),
             passes("汇总口径（民生支出）包含其他分项",
                    text="教育支出占一般公共预算支出的 25%，民生支出占一般公共预算支出的 80%。"),
             passes("两种分类（按来源、按性质）可能重叠",
                    text="财政拨款支出占本年支出的 90%，项目支出占本年支出的 30%。")])
def shares_past_whole(ctx):
    """同一句中几个部分各“占 W 的 R%”：W 写法相同（或都不写 W、都在同一个“其中”之后，或句子以
    整体的名称加“中，”开头：““三公”经费支出决算中，A 占 R%；B 占 S%”）、部分
    名称各不相同且互不包含、其间没有另一个“其中”时，各 R 之和不应超过 100%（按各数末位的
    半个单位之和放宽）。

    需要确定：各部分是同一种分类下互不重叠的类别（基本支出 / 项目支出，人员经费 / 公用经费，
    “三公”经费各项，工资福利 / 商品和服务 / 对个人和家庭的补助 / 资本性支出，税收 / 非税，中央 /
    地方……；按来源的财政拨款与按性质的项目支出可能重叠，不相加）；整体相同（同一写法），且是一笔按名称的金额（……支出、收入、经费、费用、总额、合计、
    资金），不是各部分自己的预算、计划、任务、同类规模（“占年初预算的 25%”是完成进度，不相加）；
    部分不以完成、执行、实现命名，每项比例不超过 100%；部分互不包含（不是汇总口径如民生支出），不是上年或合计
    的比例；括号里的比例不计。
    合格：“其中基本支出占 60%，项目支出占 40%”。
    不合格：“其中基本支出占 65%，项目支出占 40%”（之和 105%）。
    """
    flat = ctx.doc.flat
    sentences = (s for pa, pb in ctx.doc.paragraphs for s in ctx.doc.sentences_in(pa, pb))
    for a, b in sentences:
        # most sentences hold no share: a plain find spares the regex's backtracking start at
        # every character of them
        if flat.find("占", a, b) < 0 or flat.find("%", a, b) < 0:
            continue
        groups: dict[str, list] = {}
        for m in _SHARE.finditer(flat, a, b):
            if open_paren(flat, a, m.start("r")) is not None:
                continue
            part = _AMOUNT.sub("", m.group("part"))
            part = re.sub(r"^\s*(?:其中|分别|依次)?\s*[:,]?\s*|[\s“”\"]|(?:支出|决算)?(?:为|是|达)$", "", part)
            of = re.sub(r"[\s“”\"]", "", m.group("of"))
            if _OTHER.search(part) or _OTHER.search(of) or len(part) < 2 or _ACHIEVED.search(part):
                continue
            if of and (_OWN_WHOLE.search(of) or not _WHOLE.search(of)):
                continue
            if not of and flat.rfind("其中", a, m.end("part")) < 0 and not _WHOLE_IN.match(
                    flat, a + len(flat[a:b]) - len(flat[a:b].lstrip())):
                continue  # a bare 占 whose whole is not the one a 其中 (or 「W 中，」) breaks down
            groups.setdefault(of, []).append((m, part))
        for of, ms in groups.items():
            if len(ms) < 2:
                continue
            names = [p for _, p in ms]
            if len(set(names)) < len(names) or any(x != y and (x in y or y in x)
                                                   for x in names for y in names):
                continue
            if not _one_dimension(names):
                continue  # parts of two classifications (基本支出, 财政拨款支出) may overlap
            first, last = ms[0][0], ms[-1][0]
            if "其中" in flat[first.end():last.end("part")]:
                continue  # a part of a part
            rs = [figures(flat, m.start("r"), m.end("r") + 1)[0] for m, _ in ms]
            if any(r.value > 100 for r in rs):
                continue  # a share above 100 % is no part of a whole: a completion
            s = sum((r.value for r in rs), Decimal(0))
            if s > 100 + sum((r.tol for r in rs), Decimal(0)):
                yield Hit((first.start("part"), last.end()), expected=float(s), actual=100.0,
                          args={"quote": quote(ctx.doc, first.start("part"), last.end())[:80],
                                "parts": " + ".join(f"{p} {m.group('r')}%" for m, p in ms),
                                "sum": format(s.normalize(), "f")})


def _one_dimension(names: list[str]) -> bool:
    """Whether every name is a different class of one classification
    (``perfxl.glossary.DISJOINT_PARTS``)."""
    names = [synonym(n) for n in names]
    for dim in DISJOINT_PARTS:
        hit = [[i for i, w in enumerate(dim) if re.search(w, n)] for n in names]
        if all(len(h) == 1 for h in hit) and len({h[0] for h in hit}) == len(names):
            return True
    return False
