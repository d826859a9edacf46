"""PX670: a score total written with its first-level scores in the same sentence
(「自评得分 92 分，其中：决策 18 分，过程 19 分，产出 37 分，效益 19 分」,
「综合得分 88.5 分（预算执行率 9.5 分、产出指标 45 分、效益指标 26 分、满意度指标 9 分）」).

PX613 adds the 「自评得分 N 分」 of the report's items; a breakdown inside one sentence names its
parts by the first-level indicators alone, without 得分, and is read here.  The parts make the
total only when they are a whole framework's first level (domain.md 1.3: 决策 / 过程 / 产出 /
效益 for a department, 预算执行率 / 产出 / 效益 / 满意度 for a project): any other list may leave
a part out, and is not read.
"""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import quote
from perfxl.draft.numbers import figures

#: the total and the opening of its breakdown (「，其中：」 or a parenthesis)
_TOTAL = re.compile(r"(?:自评|综合|总)得分(?:为|是|:)?\s*(?P<t>\d+(?:\.\d+)?)\s*分\s*"
                    r"(?:,\s*其中\s*:?|\(\s*(?:其中\s*:?)?)\s*")
#: one part: a first-level indicator and its score, then a separator
_PART = re.compile(r"(?P<name>决策|过程|产出|效益|满意度|预算执行率|预算执行|执行率)(?:指标)?"
                   r"(?:自评)?(?:得分)?(?:为|是|:)?\s*(?P<n>\d+(?:\.\d+)?)\s*分\s*[、,;]?\s*")
#: the first levels of the two frameworks (执行率 is the project form's 预算执行率)
_WHOLES = ({"决策", "过程", "产出", "效益"}, {"预算执行率", "产出", "效益", "满意度"})
_CANON = {"预算执行": "预算执行率", "执行率": "预算执行率"}
#: a sentence that writes 加分 / 扣分 or a rescaled total: the parts' sum is not the total
_OFF = re.compile(r"加分|扣分|加减分|减分|折算|百分制|换算|上限")


@rule("PX670", "draft-score-parts", "error", title="文字中的总得分不等于同句所列一级指标得分之和",
      message="“{quote}”：所列 {parts} = {sum} 分，总得分写 {stated} 分；请核对总得分或各项得分",
      cases=[fails("四项之和 93，总分写 92", at="1", expected=93,
                   text="自评得分 92 分，其中：决策 18 分，过程 19 分，产出 37 分，效益 19 分。"),
             passes("四项之和等于总分",
                    text="自评得分 93 分，其中：决策 18 分，过程 19 分，产出 37 分，效益 19 分。"),
             passes("只列了部分一级指标（可能另有未列的）",
                    text="自评得分 92 分，其中：产出 37 分，效益 19 分，满意度 10 分。"),
             passes("写了加分",
                    text="自评得分 95 分，其中：决策 18 分，过程 19 分，产出 37 分，效益 19 分，另加分 2 分。")])
def score_parts(ctx):
    """“自评（综合、总）得分 T 分，其中：A a 分，B b 分……”或“T 分（A a 分、B b 分……）”：所列各项
    恰为一个评价框架的全部一级指标（部门整体：决策、过程、产出、效益；项目：预算执行率、产出、
    效益、满意度）时，其和应等于 T（各项按所写数值相加，总分按所写末位的半个单位比较，同 PX613）。

    需要确定：所列各项都是一级指标名称，且合起来正好是上述一套（少列一项的可能另有未列的，
    不比较）；句中不写加分、扣分、折算、上限。
    合格：“自评得分 93 分，其中：决策 18 分，过程 19 分，产出 37 分，效益 19 分”。
    不合格：同一句总分写 92 分。
    """
    flat = ctx.doc.flat
    for m in _TOTAL.finditer(flat):
        end = flat.find("。", m.end())
        sent_a = max(flat.rfind("。", 0, m.start()), flat.rfind("\n", 0, m.start())) + 1
        sent_b = min(x for x in (end, flat.find("\n", m.end()), len(flat)) if x >= 0)
        if _OFF.search(flat, sent_a, sent_b):
            continue
        parts, at = [], m.end()
        while (p := _PART.match(flat, at)) and p.start() < sent_b:
            parts.append(p)
            at = p.end()
        names = [_CANON.get(p.group("name"), p.group("name")) for p in parts]
        if len(names) != len(set(names)) or set(names) not in _WHOLES:
            continue
        figs = figures(flat, m.start("t"), at)
        by_start = {f.start: f for f in figs}
        t = by_start.get(m.start("t"))
        ns = [by_start.get(p.start("n")) for p in parts]
        if t is None or any(n is None for n in ns):
            continue
        s = sum((n.value for n in ns), Decimal(0))
        # the parts are the scores as given (PX613 likewise): only the total's rounding is allowed
        if abs(s - t.value) > t.tol:
            yield Hit((m.start("t"), m.end("t")), expected=float(s), actual=float(t.value),
                      args={"quote": quote(ctx.doc, sent_a, sent_b)[:60],
                            "parts": " + ".join(f"{p.group('name')} {p.group('n')}" for p in parts),
                            "sum": format(s.normalize(), "f"), "stated": m.group("t")})
