"""PX671: an indicator row of a 自评表 (pasted as text, or a .docx / PDF table) whose 实际完成值
falls short of its 年度指标值 and is scored the full 分值.

domain.md 1.5 (财预〔2020〕10号 and the provincial forms): a 正向 target (「≥X」) met scores full,
one not met scores 分值 × 实际 ÷ 指标值; a 反向 target (「≤X」) 分值 × 指标值 ÷ 实际.  Some local
frameworks score by tiers instead, so the rule is a warning.
"""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.tables import value

#: a target cell: its direction, value and unit (「≥500人次」, 「≤5%」, 「1200人次」)
_TARGET = re.compile(r"^\s*(?P<op>≥|>=|大于等于|不低于|不少于|≤|<=|小于等于|不高于|不超过)?\s*"
                     r"(?P<v>\d+(?:\.\d+)?)\s*(?P<u>%|[\u4e00-\u9fff]{1,4})?\s*$")
_ACTUAL = re.compile(r"^\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<u>%|[\u4e00-\u9fff]{1,4})?\s*$")
_DOWN = ("≤", "<=", "小于等于", "不高于", "不超过")
#: a row whose bare target (no ≥ / ≤) is a floor: a count to reach, a satisfaction to attain
_FLOOR_ROW = ("数量指标", "满意度")
_FORM = ("2024年度农村道路养护项目支出绩效自评表\n"
         "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
         "产出指标 | 数量指标 | 培训人次 | {t} | {a} | 20 | {s}\n")


@rule("PX671", "draft-indicator-short-full-score", "warning",
      title="自评表中实际完成值未达年度指标值却得满分",
      message="表中“{name}”：年度指标值 {target}，实际完成值 {actual}，未达到指标值，"
              "得分却为满分 {score} 分（按完成比例应为 {due} 分）；请核对实际完成值或得分",
      cases=[fails("≥500 人次只完成 420，得满分", at="3", expected=16.8,
                   text=_FORM.format(t="≥500人次", a="420人次", s="20")),
             passes("完成值超过指标值", text=_FORM.format(t="≥500人次", a="520人次", s="20")),
             passes("未达到，按比例扣分", text=_FORM.format(t="≥500人次", a="420人次", s="16.8")),
             passes("差距在得分的舍入之内", text=_FORM.format(t="≥500人次", a="498人次", s="20")),
             passes("单位不同，不比较", text=_FORM.format(t="≥5万人次", a="420人次", s="20"))])
def indicator_short_full_score(ctx):
    """自评表的指标行（表头有“年度指标值 / 指标值”“实际完成值”“分值”“得分”列）：指标值写
    “≥X”（或“不低于 / 不少于”，数量指标、满意度指标也可只写 X）而实际完成值 B < X，或写“≤X”
    而 B > X 时，得分按完成比例为 分值 × B ÷ X（反向 分值 × X ÷ B）；得分写成满分且比按比例
    应得的多出得分末位的半个单位以上时提示。

    需要确定：指标值与完成值都是一个数加同一个单位（“%”“人次”“公里”……），分值、得分都读到了数。
    合格：“≥500人次 | 520人次 | 20 | 20”。
    不合格（提示）：“≥500人次 | 420人次 | 20 | 20”（按比例 16.8 分）。
    """
    doc = ctx.doc
    for t in ctx.tables:
        for r in t.rows:
            if not r.header:
                continue
            tc = r.merged_column(("年度指标值", "指标值", "目标值"))
            ac = r.merged_column(("实际完成值", "完成值"))
            wc, sc = r.merged_column(("分值", "权重")), r.merged_column(("得分",))
            if None in (tc, ac, wc, sc) or tc is ac:
                continue
            tm, am = _TARGET.match(tc.text), _ACTUAL.match(ac.text)
            w, s = value(doc, wc), value(doc, sc)
            if not tm or not am or w is None or s is None or w <= 0 or s != w:
                continue
            if (tm.group("u") or "") != (am.group("u") or "") or not (tm.group("u") or ""):
                continue  # a number without its unit, or two units: not one quantity
            op = tm.group("op")
            if op is None and not any(k in c.text for c in r.cells for k in _FLOOR_ROW):
                continue  # a bare target may be a ceiling (a cost) or a point
            x, b = Decimal(tm.group("v")), Decimal(am.group("v"))
            if x <= 0 or b <= 0:
                continue
            ratio = (x / b) if op in _DOWN else (b / x)
            if ratio >= 1:
                continue
            due = w * ratio
            places = -s.as_tuple().exponent if s.as_tuple().exponent < 0 else 0
            half = Decimal(1).scaleb(-places) / 2
            if s - due > half:
                name = next((c.text.strip() for c in reversed(r.cells[:r.cells.index(tc)])
                             if c.text.strip() and not c.number), r.label)
                yield Hit((sc.start, sc.end), expected=float(round(due, 2)), actual=float(s),
                          args={"name": name, "target": tc.text.strip(), "actual": ac.text.strip(),
                                "score": sc.text.strip(), "due": format(round(due, 2).normalize(), "f")})
