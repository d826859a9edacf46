"""PX613–PX615: scores and weights in the prose, and counts against their enumeration."""
from __future__ import annotations

import re

from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import quote, shown
from perfxl.draft.numbers import cn_count, top_split

_CAPPED = re.compile(r"(加减分|加分|扣分)[^。\n]{0,40}上限")
#: A total rescaled (不适用 items left out and the rest brought to 100): the items' sum is not it.
_RESCALED = re.compile(r"折算|百分制|换算")
#: A sentence that writes 加分 / 扣分 scores outside the items, and the 「N 分」 figures in it.
_BONUS = re.compile(r"加减分|加分")
_MINUS = re.compile(r"扣分|减分|扣\s*\d")
_POINTS = re.compile(r"(\d+(?:\.\d+)?)\s*分")
#: A count that ends a list of counts (「3 个一级指标、8 个二级指标、20 个」).
_COUNT_LIST = re.compile(r"\d+\s*(?:个|项|类|家|名|人|次)[^，,。；;\d]{0,12}[、和及与]\s*$")
#: 「23个数量指标」: a listed item that opens with its own count (Arabic or Chinese numerals).
_ITEM_COUNT = re.compile(r"^\s*(\d+|[一二两三四五六七八九十百]+)\s*(?:个|项|类|家|名|人|次|条)")
#: 「上年自评得分 88 分」: another year's score.
_OTHER_YEAR = re.compile(r"上年|去年|上一年|同期|以前年度")
#: "“农田水利”项目自评得分88分", 「执法大队自评得分 90 分」: the score of another evaluation (a
#: project's, a unit's), not of an indicator.
_OTHER_EVAL = re.compile(r"(?:项目|单位|大队|中队|中心|局|站|所|院|学校|医院)[”\"」]?\s*(?:的)?(?:绩效)?"
                         r"(?:自评|评价)?$")
_SAMPLE = ("2022 年度自评报告\n部门整体支出绩效自评得分为 93 分。\n"
           "(1)预算编制合理性(5分)。自评得分5分。\n(2)预算编制规范性(5分)。自评得分4分。\n"
           "(3)资金管理(90分)。自评得分80分。")


@rule("PX613", "draft-score-total", "error", title="文字中的总得分不等于各项得分之和",
      message="“{quote}”：报告中各项“自评得分”之和为 {sum} 分（{n} 项），总得分写 {stated}；"
              "请核对总分或各项得分",
      cases=[fails("总分 93，各项之和 89", text=_SAMPLE, at="2", expected=89),
             passes("总分等于各项之和", text=_SAMPLE.replace("93 分", "89 分")),
             passes("只写了总分，没有各项得分", text="2022 年度自评报告\n部门整体绩效评价自评得分98分。"),
             passes("加减分按上限计入总分",
                    text=_SAMPLE.replace("93 分", "91 分") + "\n加减分项：获得表彰，得分3分。\n"
                         "其中加减分2分：各加减分项合计3分，按评价框架的上限计。")])
def score_total(ctx):
    """总得分（“部门整体支出绩效自评得分为 N 分”）应等于报告中各指标“自评得分 N 分”之和
    （至少三项时才比较；加分、扣分项不计入各项）。加减分按评价框架的上限计入总分时（文中写
    “上限”），各项之和与总分之间差一个未写出的折算，不能确定，不报告。总分“按百分制折算”
    时同样不报告。写了加分（扣分）时，总分可以比各项之和多（少）至多所写的加分（扣分）分值。
    “某某项目（某某单位）自评得分 N 分”是另一项评价的得分，“上年自评得分”是另一年的得分，都不计入；
    同一句中“其中”之后的得分是前一项得分的组成，不再计入。

    合格：总分 89 分，各项 5 + 4 + 80 = 89。
    不合格：“部门整体支出绩效自评得分为 93 分”，而 28 项自评得分之和为 87 分（seed 000）。
    """
    scores = ctx.claims.of("score")
    items = [c for c in scores if c.words == "item"]
    if len(items) < 3:
        return
    if _CAPPED.search(ctx.doc.flat) or _RESCALED.search(ctx.doc.flat):
        return  # the 加减分 enter capped, or the total is rescaled: the items' sum is not the total
    items = [c for c in items if not _OTHER_EVAL.search(_label(ctx.doc.flat, c))
             and not _OTHER_YEAR.search(_label(ctx.doc.flat, c))]
    nested: set[int] = set()
    for k in range(1, len(items)):
        prev, c = items[k - 1], items[k]
        same = not re.search(r"[。\n]", ctx.doc.flat[prev.span[1]:c.span[0]])
        if _nested_in(ctx.doc.flat, prev, c) or (k - 1 in nested and same):
            nested.add(k)  # 「…，其中 A 得分 9 分，B 得分 9 分」: every part after the 其中
    items = [c for k, c in enumerate(items) if k not in nested]
    if len(items) < 3:
        return
    up, down = _allowance(ctx.doc.flat, _BONUS), _allowance(ctx.doc.flat, _MINUS)
    s = sum((c.figures[0].value for c in items), Decimal(0))
    for c in scores:
        if c.words != "total" or _OTHER_YEAR.search(_label(ctx.doc.flat, c)):
            continue
        n = c.figures[0]
        if not s - down - n.tol <= n.value <= s + up + n.tol:
            yield Hit(c.span, expected=float(s), actual=float(n.value),
                      args={"quote": quote(ctx.doc, c.span[0], c.span[1]),
                            "sum": s.normalize(), "n": len(items), "stated": shown(ctx.doc, n)})


def _label(flat: str, c) -> str:
    """The words of a score's sentence before its 「得分」 (the clause up to 40 characters back)."""
    a = c.span[0]
    head = flat[max(0, a - 40):a]
    head = re.split(r"[。；;，,\n]", head)[-1]
    return re.sub(r"(?:自评)?得分(?:为|是|:)?\s*$", "", head)


def _nested_in(flat: str, prev, c) -> bool:
    """Whether score ``c`` breaks down the score ``prev`` before it: the same sentence, with a
    其中 between (「自评得分18分，其中项目立项得分9分，绩效目标得分9分」: parts counted once)."""
    if prev is c or prev.span[1] > c.span[0]:
        return False
    between = flat[prev.span[1]:c.span[0]]
    return "其中" in between and not re.search(r"[。\n]", between[:between.rfind("其中")])


def _allowance(flat: str, words: re.Pattern) -> Decimal:
    """The largest 「N 分」 written in a sentence naming 加分 (or 扣分): how far the total may
    stand above (below) the items' sum by scores written outside them (0 when none)."""
    best = Decimal(0)
    for sent in re.split(r"[。\n]", flat):
        if words.search(sent):
            for m in _POINTS.finditer(sent):
                best = max(best, Decimal(m.group(1)))
    return best


@rule("PX614", "draft-weight-sum", "error", title="标题中的分值不等于下级指标分值之和",
      message="“{quote}”：下级指标分值 {parts} = {sum} 分{na}，这里写 {stated}；请核对",
      cases=[fails("二级指标写成了一级指标的分值",
                   text="1. 预算编制。指标分值28分。\n(1)预算编制合理性(5分)。\n(2)预算编制规范性(5分)。\n"
                        "(3)预算编制规划性(4分)。\n(4)预算编制科学性(4分)。\n2. 目标设置(10分)。",
                   at="1", expected=18),
             passes("分值之和一致",
                    text="1. 预算编制(18分)。\n(1)合理性(5分)。\n(2)规范性(5分)。\n(3)规划性(4分)。\n"
                         "(4)科学性(4分)。"),
             passes("不适用、不计分的指标不计入上级分值",
                    text="1. 资金管理。指标分值22分。\n(1)部门预算资金支出率(6分)。自评得分3分。\n"
                         "(2)结转结余率(3分)。自评得分3分。\n(3)财务合规性(4分)。自评得分4分。\n"
                         "(4)资金下达合法性(3分)。本项指标不适用，不计分。\n"
                         "(5)国库集中支付结转结余存量资金效率性(3分)。自评得分0分。\n"
                         "(6)政府采购执行率(2分)。自评得分2分。\n(7)公开性(4分)。自评得分4分。\n"
                         "2. 项目管理。指标分值7分。")])
def weight_sum(ctx):
    """带分值的标题（“1. 预算编制。指标分值28分”“(1)合理性(5分)”）：其分值应等于紧随其后、
    下一级标题分值之和（下级至少两项且都写了分值时才比较）。写明“本项指标不适用，不计分”
    的下级指标不计入（perfxl 的报告即如此写上级分值）；上级分值把它也算进去时同样不报告。
    加分项（“加分项：获得表彰(2分)”）同样可计入也可不计入上级分值。

    合格：“1. 预算编制(18分)”下 5 + 5 + 4 + 4 = 18；“1. 资金管理。指标分值22分”下七项共
    25 分，其中“资金下达合法性（3分）”不适用、不计分（seed 000）。
    不合格：“1. 预算编制。指标分值28分”，其下四项 5 + 5 + 4 + 4 = 18（seed 000 第 120 行）。
    """
    ws = ctx.claims.of("weight")
    kids_of = {i: _kids(ws, i) for i in range(len(ws))}
    # a 加分项 heading under a weighted one ("(4)加分项：获得表彰(2分)") is scored on top of the
    # parent's weight: like an item not applicable, it may or may not be in the parent's sum
    optional = {i for i, c in enumerate(ws) if c.words == "不适用"
                or _BONUS.search(ctx.doc.flat, c.span[0], c.span[1])}

    def sums(i: int) -> tuple[Decimal, Decimal]:
        """Σ of the children's weights without and with those not applicable (or bonus)."""
        ks = kids_of[i]
        return (sum((weight(k) for k in ks if k not in optional), Decimal(0)),
                sum((weight(k) for k in ks), Decimal(0)))

    def weight(i: int) -> Decimal:
        # a heading whose own children disagree with it counts as the sum of its children, so
        # one wrong heading is reported once, not again at its parent
        w = ws[i].figures[0]
        if len(kids_of[i]) < 2:
            return w.value
        s, s_all = sums(i)
        return w.value if min(abs(w.value - s), abs(w.value - s_all)) <= w.tol else s

    for i, c in enumerate(ws):
        kids = kids_of[i]
        if len(kids) < 2:
            continue
        s, s_all = sums(i)
        w = c.figures[0]
        if abs(w.value - s) > w.tol and abs(w.value - s_all) > w.tol:
            na = [k for k in kids if k in optional]
            yield Hit(c.span, expected=float(s), actual=float(w.value),
                      args={"quote": quote(ctx.doc, c.span[0], c.span[1]),
                            "parts": " + ".join(str(weight(k)) for k in kids if k not in na),
                            "sum": s.normalize(), "stated": shown(ctx.doc, w),
                            "na": f"（不适用、不计分或加分的 {len(na)} 项未计入）" if na else ""})


def _item_counts(items: list[str]) -> int | None:
    """The sum of the counts the listed items open with (「23个数量指标」「两个质量指标」), or
    ``None`` when any item carries no count of its own (then the items themselves are counted)."""
    total = 0
    for item in items:
        m = _ITEM_COUNT.match(item)
        if m is None:
            return None
        k = int(m.group(1)) if m.group(1).isdigit() else cn_count(m.group(1))
        if k is None:
            return None
        total += k
    return total


def _kids(ws, i: int) -> list[int]:
    """Indexes of the headings directly under heading ``i`` (the next deeper level)."""
    out: list[int] = []
    for j in range(i + 1, len(ws)):
        d = ws[j]
        if d.level <= ws[i].level:
            break
        if out and d.level != ws[out[0]].level:
            if d.level < ws[out[0]].level:
                return []
            continue
        out.append(j)
    return out


@rule("PX615", "draft-enumeration", "error", title="文字中的个数与列举的项数不符",
      message="“{quote}”：写的是 {stated}，后面列举了 {n} 项（{items}）；请核对个数或补全列举",
      cases=[fails("说 3 个，列了 2 个",
                   text="我局特定目标类项目共 3 个，分别为公务接待经费、平台运行经费。", at="1", expected=2),
             passes("个数与列举一致（中文数字）", text="事务中心内设三个机构，即办公室、财务室、业务室。"),
             passes("括号内的顿号不另计项", text="中心设 2 个科，即综合科(人事、财务)、业务科。"),
             fails("“以及”连接的是两项", text="所属单位 3 个，即机关本级、信息中心、执法大队以及档案馆。",
                   at="1", expected=4),
             passes("“以及”连接的两项都计入", text="所属单位 4 个，即机关本级、信息中心、执法大队以及档案馆。"),
             passes("各项自带个数，个数之和等于总数",
                    text="共设 12 个考核指标，包括 7 个产出指标、3 个效益指标、两个满意度指标。"),
             fails("各项自带个数，个数之和不等于总数",
                   text="共设 12 个考核指标，包括 7 个产出指标、3 个效益指标、1 个满意度指标。",
                   at="1", expected=11)])
def enumeration(ctx):
    """“共 N 个，分别为 A、B、C”“N个，即 A、B、C”：N 应等于顿号分隔的项数（N 可写成中文
    数字，由 cn2an 换算）；括号内的顿号列的是一项的组成（“办公室(机关党委、人事处)”），不另计项（连同
    这些组成计数也视为合格）。以“等”结尾的列举只列了一部分：个数多于所列项数时不报告。
    最后一项以“以及”连接两项（“即 A、B、C以及D”）时，“以及”不在名称之中，一定是两项，按多一项计。
    个数本身在一串个数之中（“3 个一级指标、8 个二级指标、20 个三级指标，分别为……”）时，
    列举的是哪一个的不能确定，不报告。
    所列各项各带个数（“33 个指标，包括 23 个数量指标、2 个质量指标……”）时，列举的是 N 的分解：
    N 应等于各项个数之和，而不是项数。

    合格：“特定目标类项目共 3 个，分别为招商服务中心公务接待经费、对外劳务平台运行经费、
    招商引资业务开展保障经费”（seed 002）。
    不合格：“共 3 个，分别为公务接待经费、平台运行经费”。
    """
    for c in ctx.claims.of("enumeration"):
        n = c.figures[0]
        # items are split at 、; a comma may also separate two (自贸区评估指导科,综合调研科)
        loose = sum(len(top_split(i, ",")) for i in c.items)
        # "3个，即 A、B和C": the last two joined by 和 / 及 / 以及 / 与 (a name may hold 和 too,
        # 社会保障和就业: only a count one short of the stated one reads it as a join)
        joined = len(c.items) + (1 if re.search(r"以及|和|及|与", c.items[-1]) else 0)
        # a writer may also count the parts a parenthesis lists (「3个,即A(B、C)、D」 as 3)
        parts = sum(i.count("、") + 1 for i in c.items)
        if re.search(r"等(?:等)?$", c.items[-1]) and int(n.value) > len(c.items):
            continue  # 「12 个，分别为 A、B、C 等」: the list is not all of them
        if _COUNT_LIST.search(ctx.doc.flat, max(0, n.start - 30), n.start):
            continue  # 「3 个一级指标、8 个二级指标、20 个三级指标，分别为…」: whose list is unsaid
        counted = _item_counts(c.items)
        if counted is not None:
            # 「33个指标，包括23个数量指标、2个质量指标…」: the items break N down by their
            # own counts, so N is their sum, not the number of items
            if counted != int(n.value):
                yield Hit(c.span, expected=counted, actual=int(n.value),
                          args={"quote": quote(ctx.doc, c.span[0], c.span[1])[:60],
                                "stated": shown(ctx.doc, n),
                                # 「列举了 9 类共 11 项」: the sum of the items' own counts
                                "n": f"{len(c.items)} 类共 {counted}",
                                "items": "、".join(c.items)[:80]})
            continue
        ok, listed = {len(c.items), loose, joined, parts}, len(c.items)
        if re.search(r"[\u4e00-\u9fff”)]\s*以及\s*[\u4e00-\u9fff“]", c.items[-1]):
            # 以及 names no part of a name (和 / 及 / 与 may: 社会保障和就业): it joins two items
            ok, listed = {joined, loose + 1, parts + 1}, joined
        if int(n.value) not in ok:
            yield Hit(c.span, expected=listed, actual=int(n.value),
                      args={"quote": quote(ctx.doc, c.span[0], c.span[1])[:60],
                            "stated": shown(ctx.doc, n), "n": listed,
                            "items": "、".join(c.items)[:80]})
