"""PX619 and PX650–PX652: the draft against its scores and its workbook (``--workbook``).

A prose figure *names* a workbook quantity when its label ends with the quantity's name
(``全年预算数``, ``年初预算数``, ``全年执行数``, ``执行率`` / ``预算控制率``, ``编制数``,
``实际在职人数``, ``核定编制`` (the 人员编制 table's total, not the 编制数), the “三公”经费 total and items, ``总分`` / ``自评得分``, an indicator's
三级指标 name); its value must equal what the workbook computes (``perfxl.derived``, the
workbook's unit converted to the figure's), compared at half a unit of the figure's last digit.
Prior-year figures (上年…) are not compared.  Without ``--workbook`` only PX619 runs.  Every
draft figure PX650–PX652 compares with the workbook (found or not) is counted in
``DraftCtx.compared`` (the CLI's summary line says how many).
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal

from perfxl.numbers import fmt_fixed, fmt_percent
from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import quote, shown
from perfxl.draft.numbers import Figure
from perfxl.draft.tables import norm_label

_GRADE = re.compile(r"(?:评价)?等级(?:为|是|评定为|:)?\s*[“\"]?(?P<g>优秀|良好|优|良|中|差)")
_GRADE_NORM = {"优秀": "优", "良好": "良"}
_YUAN = {"元": Decimal(1), "万元": Decimal(10000)}


def grade_of(score: Decimal) -> str:
    """优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差 (domain.md §5 check 8)."""
    from perfxl.scoring.rules import grade
    return grade(float(score)) or "差"


@rule("PX619", "draft-grade", "error", title="文字中的等级与总得分不符",
      message="“{quote}”：总得分 {score} 分对应等级“{want}”（优 ≥ 90，良 ≥ 80，中 ≥ 60），文字写“{stated}”；"
              "请改为“{want}”",
      cases=[fails("89 分写成优", text="部门整体支出绩效自评得分为 89 分，评价等级为优。", at="1",
                   expected="良"),
             passes("93 分为优", text="部门整体支出绩效自评得分为 93 分，评价等级为优。")])
def grade_word(ctx):
    """等级由总得分决定：优 ≥ 90，良 ≥ 80，中 ≥ 60，其余为差（domain.md 第 5 节第 8 项）。
    总得分取同一句或前一句中的“（部门整体……）得分为 N 分”。

    合格：“自评得分为 93 分，评价等级为优”。
    不合格：“自评得分为 89 分，评价等级为优”（应为良）。
    """
    # by where each total ends: a 等级 looks up the last total before it by bisection, not by
    # scanning every total (a long draft has thousands of both)
    totals = sorted((c for c in ctx.claims.of("score") if c.words == "total"),
                    key=lambda c: c.span[1])
    ends = [c.span[1] for c in totals]
    for m in _GRADE.finditer(ctx.doc.flat):
        i = bisect.bisect_right(ends, m.start())
        if not i or m.start() - ends[i - 1] >= 120:
            continue
        n = totals[i - 1].figures[0]
        want = grade_of(n.value)
        stated = _GRADE_NORM.get(m.group("g"), m.group("g"))
        if stated != want:
            yield Hit(m.span("g"), expected=want, actual=stated,
                      args={"quote": ctx.doc.raw[m.start():m.end()], "score": n.value.normalize(),
                            "want": want, "stated": stated})


def _three_public(model, item: str | None):
    from perfxl import derived as D
    if item is None:  # the 本年决算合计 as 经费控制 takes it: the typed total, else the items
        return D.tp_total(model, "final")
    vals = [r.values.get("final") for r in D.tp_counted_rows(model, "final")
            if any(i in str(r.values.get("item", "")) for i in item.split("|"))]
    vals = [v for v in vals if isinstance(v, (int, float))]
    return sum(vals) if vals else None


def _staffing_sum(model):
    """Σ 编制数 of the 人员编制 table's categories (None when none is filled)."""
    vals = [r.values.get("authorized") for r in model.rows("staffing")]
    vals = [v for v in vals if isinstance(v, (int, float))]
    return sum(vals) if vals else None


def _quantities(model):
    """(label regex, kind, what, value in the workbook's unit / fraction / count)."""
    from perfxl import derived as D
    v = model.values
    return [
        (re.compile(r"全年(?:财政拨款)?预算数?$"), "money", "全年预算数", v.get("budget_full")),
        (re.compile(r"年初(?:财政拨款)?预算数?$"), "money", "年初预算数", v.get("budget_initial")),
        (re.compile(r"全年(?:财政拨款)?(?:预算)?执行数?$|^执行数$"), "money", "全年执行数",
         v.get("executed")),
        (re.compile(r"^(?!.*(?:采购|项目|专项|三公|公用|半年|资金)).*(?:执行率|预算控制率|完成预算的)$"),
         "rate", "执行率", D.execution_rate(model)),
        # 核定编制 is the 人员编制 table's total (行政 + 事业 + 工勤, perfxl's 「核定编制81名，其中：
        # 行政编制54名…」), another quantity than the 编制数 of 财政供养人员情况 (004: 81 and 56)
        (re.compile(r"^(?!.*(?:行政|事业|工勤|其中)).*核定编制数?$"), "count",
         "人员编制表的编制数（分类合计）", _staffing_sum(model)),
        (re.compile(r"^(?!.*(?:行政|事业|工勤|其中|核定)).*(?:编制数|人员编制)$"), "count", "编制数",
         v.get("authorized_total")),
        (re.compile(r"(?:实际)?在职人数$|实有在职人员?$"), "count", "实际在职人数",
         v.get("in_service_total")),
        (re.compile(r"三公.{0,4}(?:总支出|支出总额|支出|决算数?)$"), "money", "“三公”经费本年决算合计",
         _three_public(model, None)),
        (re.compile(r"公务接待费?(?:支出)?$"), "money", "公务接待费本年决算数",
         _three_public(model, "公务接待")),
        (re.compile(r"公务用车运行维护费?(?:支出)?$|公车运行维护费?$"), "money",
         "公务用车运行维护费本年决算数", _three_public(model, "公务用车运行维护")),
        (re.compile(r"公务用车购置及运行维护费?(?:支出)?$"), "money", "公务用车购置及运行维护费本年决算数",
         _three_public(model, "公务用车购置|公务用车运行维护")),
        (re.compile(r"因公出国\(境\)(?:费|支出)?$"), "money", "因公出国（境）费本年决算数",
         _three_public(model, "因公出国")),
    ]


_PROJECT = re.compile(r"“(?!三公)[^”]{2,30}”|项目")
_OWNER = re.compile(r"^(?:.{0,14}(?:局|委|办|中心|单位|部门|本级|机关))?(?:部门|单位|整体)?$")


def _whole(prefix: str) -> bool:
    """The words before the quantity name the department, not a project ("“招商引资资金”全年
    预算数" is a project's)."""
    return bool(_OWNER.match(prefix)) and "项目" not in prefix and "资金" not in prefix


def _matches(ctx, f: Figure, kind: str) -> bool:
    if kind == "money":
        return f.money
    if kind == "rate":
        return f.unit == "%"
    return f.count


@rule("PX650", "draft-workbook-figure", "error", title="文字中的数字与工作簿计算结果不一致",
      message="“{quote}”：工作簿的{what}为 {want}，文字写 {stated}；请按工作簿改正（或先改正工作簿）",
      cases=[fails("执行率与工作簿不一致", text="全年预算数 4128.02 万元，预算控制率96.00%。",
                   at="1", expected=96.79, values={"amount_unit": "万元", "budget_full": 4128.02,
                                                   "executed": 3995.49}),
             passes("与工作簿一致（单位换算）", text="全年预算数 41280200 元，预算控制率96.79%。",
                    values={"amount_unit": "万元", "budget_full": 4128.02, "executed": 3995.49}),
             passes("执行率与本句金额不符，已由 PX607 报告（一个数字只报一次）",
                    text="全年预算数4,128.02万元，全年执行数3,995.49万元，预算执行率96.97%。",
                    values={"amount_unit": "万元", "budget_full": 4128.02, "executed": 3995.49}),
             passes("核定编制是人员编制表的合计，不是财政供养人员的编制数",
                    text="核定编制81名，其中：行政编制54名、事业编制25名、工勤编制2名。"
                         "财政供养人员编制数56人。",
                    values={"authorized_total": 56},
                    rows={"staffing": [{"category": "行政", "authorized": 54},
                                       {"category": "事业", "authorized": 25},
                                       {"category": "工勤", "authorized": 2}]})])
def workbook_figure(ctx):
    """报告中点名工作簿数量的数字（全年预算数、年初预算数、全年执行数、执行率 / 预算控制率、
    编制数、实际在职人数、“三公”经费本年决算合计及各项；“核定编制”是人员编制表各类别编制数
    之和，与财政供养人员情况的“编制数”是两个数，各按各的比较）应等于工作簿计算的值（金额按工作簿
    的单位换算到文字所写单位），按文字所写末位的半个单位比较。上年数不比较。

    一个数字只报一次：本句（本段）金额算出的执行率与所写不符时，PX607 已报告该数字
    （其范围止于该数字），本规则不再就同一数字报告工作簿的值（PX607 未运行时，如 --ignore
    PX607，仍由本规则报告）。两条规则给出的正确值通常相同；本句金额与工作簿不一致时，
    金额本身另由本规则报告。

    合格：工作簿 全年预算数 4128.02 万元，文字“全年预算数 41280200 元”。
    不合格：工作簿执行率 96.79%，文字“全年预算数 4128.02 万元，预算控制率96.00%”。
    """
    model = ctx.model
    if model is None:
        return
    quantities = _quantities(model)
    scale = _YUAN.get(model.unit, Decimal(10000))
    year = ctx.doc.year
    # parts of a breakdown (其中基本支出…全年执行数) are not the whole's figure
    parts = {p.start for c in ctx.claims.of("breakdown") for p in c.figures[1:]}
    # one figure, one finding: a rate PX607 reports against the sentence's own amounts (its
    # span ends at the rate) is not reported again here
    by_ratio: set[int] = set()
    codes = getattr(ctx, "codes", None)
    if codes is None or "PX607" in codes:
        from perfxl.draft.rules_ratios import ratio
        by_ratio = {h.where[1] for h in ratio(ctx)}
    for f, (a, _b) in ctx.claims.all:
        if (f.start in ctx.claims.prior or f.start in parts or "上年" in f.label
                or "财政拨款" in f.label or f.year not in (None, year)):
            continue
        if _PROJECT.search(ctx.doc.flat[a:f.start]):  # a project's figures, not the department's
            continue
        label = norm_label(f.label)
        for rx, kind, what, want in quantities:
            m = rx.search(label) if want is not None and _matches(ctx, f, kind) else None
            if m is None or not _whole(label[:m.start()]):
                continue
            if kind == "rate" and f.end in by_ratio:
                break
            ctx.compared.add(f.start)
            want_d = Decimal(repr(float(want)))
            if kind == "money":
                stated, target, tol = f.value_yuan, want_d * scale, f.tol_yuan
                want_text = f"{fmt_fixed(float(want), 2)} {model.unit}"
            elif kind == "rate":
                stated, target, tol = f.value / 100, want_d, f.tol / 100
                want_text = fmt_percent(float(want), 2)
            else:
                stated, target, tol = f.value, want_d, Decimal("0.5")
                want_text = f"{int(want_d)}"
            if abs(stated - target) > tol + Decimal("1e-9"):
                yield Hit((f.label_start, f.end), expected=float(target), actual=float(stated),
                          args={"quote": quote(ctx.doc, f.label_start, f.end),
                                "what": what, "want": want_text, "stated": shown(ctx.doc, f)})
            break


@rule("PX651", "draft-workbook-score", "error", title="文字中的总得分、等级或指标得分与工作簿不一致",
      message="“{quote}”：工作簿的{what}为 {want}，文字写 {stated}；请按工作簿改正（或先改正工作簿）",
      cases=[fails("总得分与工作簿不一致", text="部门整体支出绩效自评得分为 100 分，等级为优。", at="1",
                   expected=95, values={"execution_weight": 10, "budget_full": 100, "executed": 100},
                   rows={"dept_indicators": [{"level3": "新设外资企业", "weight": 90,
                                              "score_stated": 85}]}),
             passes("与工作簿一致", text="部门整体支出绩效自评得分为 95 分，等级为优。",
                    values={"execution_weight": 10, "budget_full": 100, "executed": 100},
                    rows={"dept_indicators": [{"level3": "新设外资企业", "weight": 90,
                                               "score_stated": 85}]})])
def workbook_score(ctx):
    """报告中的总得分（“部门整体支出绩效自评得分为 N 分”）应等于工作簿的得分合计（含执行率
    得分），等级应等于工作簿的等级；“某三级指标……得分 N 分”应等于工作簿该指标的得分。

    合格：工作簿得分合计 95，文字“自评得分为 95 分，等级为优”。
    不合格：文字写 100 分。
    """
    model = ctx.model
    if model is None:
        return
    from perfxl.report.scores import collect_scores, dept_grade, dept_total, row_score
    scored = [r for r in model.rows("dept_indicators")
              if isinstance(r.values.get("score_stated"), (int, float))]
    if not scored:  # a workbook without the 自评表's scores says nothing about them
        return
    if "项目支出绩效自评报告" in "".join(ctx.doc.text[:300].split()):
        return  # a project's report: its scores, totals and grade are not the department's
    # the computed scores, as the 评分 sheet and the report give them (the framework's total:
    # a 指标体系 framework's is not the 部门自评表's; an indicator's is its computed score)
    scores = collect_scores(model)
    total, grade = dept_total(scores), dept_grade(scores)
    for c in ctx.claims.of("score"):
        n = c.figures[0]
        if c.words == "total":
            if total is not None:
                ctx.compared.add(n.start)
            if total is not None and abs(n.value - Decimal(repr(float(total)))) > n.tol:
                yield Hit(c.span, expected=float(total), actual=float(n.value),
                          args={"quote": ctx.doc.raw[c.span[0]:c.span[1]], "what": "得分合计",
                                "want": f"{total:g} 分", "stated": shown(ctx.doc, n)})
            continue
        # the words before the score, within its sentence (an indicator named in the sentence
        # before is not this score's)
        before = re.split(r"[。！？\n]", ctx.doc.flat[max(0, c.span[0] - 40):c.span[0]])[-1]
        lab = norm_label(before)
        if lab.endswith("分值"):  # 「（分值12分，得分8分）」: the 12 is the weight
            continue
        named = [((lab.rfind(name) + len(name), len(name)), name, r)
                 for t in ("dept_indicators", "system_indicators") for r in model.rows(t)
                 for name in (norm_label(str(r.values.get("level3") or "")),)
                 if len(name) >= 2 and name in lab]
        # the indicator named nearest before the score, the longest name that ends there
        # (体系指标408, not 指标408); a name too short to be sure of (指标5) is compared with
        # nothing, and no longer name before it stands in for it
        _at, name, r = max(named, key=lambda x: x[0]) if named else (None, "", None)
        if len(name) >= 4:
            s = row_score(scores, r)
            if s is not None:
                ctx.compared.add(n.start)
            if s is not None and abs(n.value - Decimal(repr(float(s)))) > n.tol:
                yield Hit(c.span, expected=float(s), actual=float(n.value),
                          args={"quote": ctx.doc.raw[c.span[0]:c.span[1]],
                                "what": f"指标“{name}”得分", "want": f"{s:g} 分",
                                "stated": shown(ctx.doc, n)})
    for m in _GRADE.finditer(ctx.doc.flat):
        stated = _GRADE_NORM.get(m.group("g"), m.group("g"))
        if grade:
            ctx.compared.add(m.start("g"))
        if grade and stated != grade:
            yield Hit(m.span("g"), expected=grade, actual=stated,
                      args={"quote": ctx.doc.raw[m.start():m.end()], "what": "等级",
                            "want": f"“{grade}”", "stated": f"“{stated}”"})


@rule("PX652", "draft-workbook-indicator", "error", title="文字中的指标实际完成值与工作簿不一致",
      message="“{quote}”：工作簿中指标“{name}”的实际完成值为 {want}，文字写 {stated}；请核对",
      cases=[fails("完成值与工作簿不一致", text="全年新设外资企业 22 家。", at="1", expected=24,
                   rows={"dept_indicators": [{"level3": "新设外资企业", "actual": 24, "weight": 10}]}),
             passes("完成值一致", text="全年新设外资企业 24 家，同比增长 20%。",
                    rows={"dept_indicators": [{"level3": "新设外资企业", "actual": 24, "weight": 10}]})])
def workbook_indicator(ctx):
    """报告中以某个三级指标名称（工作簿“绩效指标”表的三级指标）为主语的数字，应等于该指标的
    实际完成值（同一单位）。只比较名称至少 4 个字、句中紧接名称写出的第一个数字。

    合格：工作簿“新设外资企业”实际完成值 24，文字“新设外资企业 24 家”。
    不合格：文字写“新设外资企业 22 家”。
    """
    model = ctx.model
    if model is None:
        return
    names = []
    for r in model.rows("dept_indicators"):
        name = norm_label(str(r.values.get("level3") or ""))
        actual = r.values.get("actual")
        if len(name) >= 4 and isinstance(actual, (int, float)) and not re.search(r"\d", name):
            names.append((name, actual))
    for f, _sent in ctx.claims.all:
        if f.start in ctx.claims.prior or f.rate or f.unit in ("年", "分"):
            continue
        label = norm_label(f.label)
        for name, actual in names:
            if label.endswith(name):
                ctx.compared.add(f.start)
                want = Decimal(repr(float(actual)))
                if abs(f.value - want) > f.tol:
                    yield Hit((f.label_start, f.end), expected=float(actual), actual=float(f.value),
                              args={"quote": quote(ctx.doc, f.label_start, f.end),
                                    "name": name, "want": f"{actual:g}", "stated": shown(ctx.doc, f)})
                break
