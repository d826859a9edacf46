"""PX301–PX309: scores (得分) — against weights, bands, rules, totals and grades.

Scores and weights are in 分.  Stated scores are compared with the computed ones at half a unit
of the last decimal shown (a stated 10 stands for anything in [9.5, 10.5)).  Computed scores come
from ``perfxl.scoring`` (the framework's rules); items whose rule or weight is only a configurable
default (``ScoreItem.confirmed`` false) are not called wrong.
"""
from __future__ import annotations

from perfxl import derived
from perfxl.checks.compare import fmt_num, fmt_pts, fmt_score, is_number, wrong
from perfxl.checks.finding import ERROR
from perfxl.checks.registry import fails, passes, rule
from perfxl.numbers import excel_round

_TABLES = (("dept_indicators", "部门自评表"), ("project_indicators", "项目自评表"),
           ("system_indicators", "指标体系"))


def _name(r) -> str:
    name = r.level3 or r.level2 or r.level1 or f"第 {r.index + 1} 行"
    return f"“{r.project}”的“{name}”" if r.project else f"“{name}”"


def _scored_rows(ctx):
    for table, _ in _TABLES:
        for r in ctx.rows(table):
            yield r


@rule("PX301", "score-above-weight", ERROR, title="得分超过分值",
      message="{what}得分 {score} 超过其分值 {weight}；得分不得突破分值，请改为不超过 {weight} 的分数",
      cases=[
          fails("分值 10，得分 12", at="dept_indicators[0].score_stated", expected=10,
                rows={"dept_indicators": [{"level3": "甲", "weight": 10, "score_stated": 12}]}),
          fails("执行率分值 10，得分 10.5", at="execution_score_stated", expected=10,
                values={"execution_weight": 10, "execution_score_stated": 10.5}),
          passes("seed 004: 每项得分 = 分值",
                 rows={"dept_indicators": [{"level3": "甲", "weight": 10, "score_stated": 10}]}),
      ])
def score_above_weight(ctx):
    """每个指标（部门自评表、项目自评表、指标体系）以及预算执行率的得分不得超过其分值（S6“得分
    不得突破权重”；domain.md §5 第 4 条）。

    合格：分值 10、得分 10（种子 004 全部 11 项，seed-audit 004.H13）。
    不合格：分值 10、得分 12；执行率分值 10、得分 10.5。
    """
    for r in _scored_rows(ctx):
        w, s = ctx.rnum(r, "weight"), ctx.rnum(r, "score_stated")
        if w is not None and s is not None and s > w + 1e-9:
            yield ctx.hit(ctx.at_row(r, "score_stated"), expected=w, actual=s, what=_name(r),
                          score=fmt_num(s), weight=fmt_num(w))
    w, s = ctx.num("execution_weight"), ctx.num("execution_score_stated")
    if w is not None and s is not None and s > w + 1e-9:
        yield ctx.hit(ctx.at("execution_score_stated"), expected=w, actual=s, what="预算执行率",
                      score=fmt_num(s), weight=fmt_num(w))
    for r in ctx.rows("projects"):
        w, s = ctx.rnum(r, "execution_weight"), ctx.rnum(r, "execution_score_stated")
        if w is not None and s is not None and s > w + 1e-9:
            yield ctx.hit(ctx.at_row(r, "execution_score_stated"), expected=w, actual=s,
                          what=f"项目“{r.project}”的预算执行率", score=fmt_num(s), weight=fmt_num(w))


@rule("PX302", "negative-score", ERROR, title="得分或分值为负数",
      message="{what}的{field}为 {value}，不能为负数；扣分项请填写扣分后的得分（最低为 0）",
      cases=[
          fails("得分 −1", at="dept_indicators[0].score_stated",
                rows={"dept_indicators": [{"level3": "甲", "weight": 10, "score_stated": -1}]}),
          passes("得分 0", rows={"dept_indicators": [{"level3": "甲", "weight": 10, "score_stated": 0}]}),
      ])
def negative_score(ctx):
    """指标的分值和得分都不能为负（扣分制的指标扣到 0 为止；加减分项除外）。

    合格：得分 0。
    不合格：得分 −1。
    """
    for r in _scored_rows(ctx):
        for col, label in (("weight", "分值"), ("score_stated", "得分")):
            v = ctx.rnum(r, col)
            if v is not None and v < 0:
                yield ctx.hit(ctx.at_row(r, col), expected=0, actual=v, what=_name(r),
                              field=label, value=fmt_num(v))


@rule("PX303", "execution-score", ERROR, title="执行率得分与计算值不符",
      message="{what}得分应为 {expected_text}（分值 {weight} × 执行率 {rate}），表中填写 {actual_text}",
      cases=[
          fails("seed 004: 10 × 96.79% = 9.68，填写 9.60", at="execution_score_stated",
                expected=9.68, values={"budget_full": 4128.02, "executed": 3995.49,
                                       "execution_weight": 10, "execution_score_stated": 9.6}),
          passes("执行率超过 100% 时得满分（封顶）",
                 values={"budget_full": 100.0, "executed": 101.0, "execution_weight": 10,
                         "execution_score_stated": 10}),
          fails("年度资金总额填 0，资金来源 90 / 89.974：得分 0 仍核对", at="projects[0].execution_score_stated",
                expected=10.0,
                rows={"projects": [{"project": "甲", "budget_full": 0.0, "executed": 0.0,
                                    "execution_weight": 10, "execution_score_stated": 0}],
                      "project_funds": [{"project": "甲", "source": "当年财政拨款",
                                         "budget_full": 90.0, "executed": 89.974}]}),
          passes("全年执行数空白：不按 0 算（PX408 报告）",
                 values={"budget_full": 2690.62, "execution_weight": 10,
                         "execution_score_stated": 9.5}),
          passes("seed 004 项目: 10 × 100% = 10",
                 rows={"projects": [{"project": "甲", "budget_full": 320.0, "executed": 320.0,
                                     "execution_weight": 10, "execution_score_stated": 10}]}),
      ])
def execution_score(ctx):
    """预算执行率得分 = 分值 × min(执行率, 1)，执行率 = 全年执行数 ÷ 全年预算数（domain.md §1.4；
    超过 100% 按满分，封顶未见明文 [X]）。部门自评表与每个项目自评表分别核对。

    合格：项目 320 ÷ 320，分值 10，得分 10（种子 004）。
    不合格：3995.49 ÷ 4128.02 = 96.79%，10 × 96.79% = 9.68，填写 9.60（种子 004，seed-audit 004.X06）。
    """
    from perfxl.checks import execution
    from perfxl.checks.compare import fmt_rate
    # the figures that exist: no rate from a blank 全年执行数 (PX408), the 资金来源 rows when a
    # project's own total is 0
    ex = execution.department(ctx)
    comp, stated = execution.score(ex, ctx.num("execution_weight")), ctx.num("execution_score_stated")
    if comp is not None and stated is not None and wrong(stated, comp):
        yield ctx.hit(ctx.at("execution_score_stated"), expected=comp, actual=stated,
                      what="预算执行率", expected_text=fmt_score(comp),
                      weight=fmt_num(ctx.num("execution_weight")),
                      rate=fmt_rate(min(ex.rate, 1.0)), actual_text=fmt_score(stated))
    for r in ctx.rows("projects"):
        ex = execution.project(ctx, r)
        comp = execution.score(ex, ctx.rnum(r, "execution_weight"))
        stated = ctx.rnum(r, "execution_score_stated")
        if comp is not None and stated is not None and wrong(stated, comp):
            yield ctx.hit(ctx.at_row(r, "execution_score_stated"), expected=comp, actual=stated,
                          what=f"项目“{r.project}”预算执行率", expected_text=fmt_score(comp),
                          weight=fmt_num(ctx.rnum(r, "execution_weight")),
                          rate=fmt_rate(min(ex.rate, 1.0)) + ex.note, actual_text=fmt_score(stated))


def _items(ctx):
    res = ctx.score_result
    if res is None:
        return []
    items = list(res.items)
    for p in res.projects:
        items += list(p.items)
    return items


def _row(ctx, table, index):
    for r in ctx.rows(table):
        if r.index == index:
            return r
    return None


@rule("PX304", "indicator-score", ERROR, title="指标得分与评分规则不符",
      message="{what}按评分规则应得 {expected_text}（{rule}），表中填写 {actual_text}",
      cases=[
          fails("定量 ≥8000，实际 6000，分值 10：应得 7.50，填写 10",
                at="dept_indicators[0].score_stated", expected=7.5,
                values={"framework": "hunan_dept"},
                rows={"dept_indicators": [{"level1": "产出指标", "level3": "实际使用外资", "nature": "定量",
                                           "direction": "≥", "target": 8000, "actual": 6000,
                                           "weight": 10, "score_stated": 10}]}),
          passes("seed 004: ≥8000，实际 8094，得满分 10",
                 values={"framework": "hunan_dept"},
                 rows={"dept_indicators": [{"level1": "产出指标", "level3": "实际使用外资", "nature": "定量",
                                            "direction": "≥", "target": 8000, "actual": 8094,
                                            "weight": 10, "score_stated": 10}]}),
      ])
def indicator_score(ctx):
    """每个指标的得分（填报）应与评价框架的评分规则算出的得分一致（``perfxl.scoring``）：定量
    正向 分值 × min(实际 ÷ 指标值, 1)，反向 分值 × min(指标值 ÷ 实际, 1)，分档、扣分等按框架。
    定性指标的区间由 PX305 核对；框架中只是推定的规则或分值（未见出处）不据以报错。

    合格：≥8000 万美元，实际 8094，得 10（种子 004）。
    不合格：≥8000，实际 6000，分值 10，应得 7.50，填写 10。
    """
    for it in _items(ctx):
        if (it.kind != "indicator" or not it.confirmed or it.in_band is False
                or it.score is None or it.stated_score is None or it.table is None):
            continue
        r = _row(ctx, it.table, it.index)
        if r is None or (r.nature or "") == "定性":
            continue
        if wrong(it.stated_score, it.score):
            yield ctx.hit(ctx.at_row(r, "score_stated"), expected=it.score,
                          actual=it.stated_score, what=_name(r),
                          expected_text=fmt_score(it.score), rule=it.rule,
                          actual_text=fmt_num(it.stated_score))


@rule("PX305", "qualitative-band", ERROR, title="定性指标得分不在达成程度对应的区间内",
      message="{what}达成程度为“{achievement}”，得分应在 {low}–{high} 分之间（分值 {weight} 的 "
              "{band}），表中填写 {score}",
      cases=[
          fails("达成，分值 10，得分 7", at="dept_indicators[0].score_stated",
                rows={"dept_indicators": [{"level3": "甲", "nature": "定性", "achievement": "达成",
                                           "weight": 10, "score_stated": 7}]}),
          passes("部分达成，分值 10，得分 7", rows={"dept_indicators": [
              {"level3": "甲", "nature": "定性", "achievement": "部分达成", "weight": 10,
               "score_stated": 7}]}),
      ])
def qualitative_band(ctx):
    """定性指标的得分应落在其达成程度的区间：达成 80%–100%、部分达成 60%–80%、未达成 0–60%
    （占分值的比例；湖北式 80/50 等变体按评价框架；domain.md §1.6）。

    合格：部分达成，分值 10，得分 7。
    不合格：达成，分值 10，得分 7（应在 8–10 之间）。
    """
    from perfxl.scoring.bands import workbook_bands
    bands = workbook_bands(ctx.value("framework"))
    for table in ("dept_indicators", "project_indicators"):
        for r in ctx.rows(table):
            w, s = ctx.rnum(r, "weight"), ctx.rnum(r, "score_stated")
            b = bands.band(r.achievement)
            if (r.nature or "") != "定性" or w is None or s is None or b is None:
                continue
            lo, hi = w * b[0], w * b[1]
            if s < lo - 1e-9 or s > hi + 1e-9:
                yield ctx.hit(ctx.at_row(r, "score_stated"), expected=min(max(s, lo), hi), actual=s,
                              what=_name(r), achievement=r.achievement, low=fmt_num(lo),
                              high=fmt_num(hi), weight=fmt_num(w),
                              band=f"{fmt_num(b[0] * 100)}%–{fmt_num(b[1] * 100)}%",
                              score=fmt_num(s))


def _total_hit(ctx, where, stated, parts, what):
    s = excel_round(sum(v for v, _ in parts), 6)
    if wrong(stated, s):
        return ctx.hit(where, expected=s, actual=stated, what=what, sum=fmt_pts(s),
                       parts=" + ".join(f"{label} {fmt_pts(v)}" for v, label in parts[:6])
                       + (f" ……共 {len(parts)} 项" if len(parts) > 6 else ""),
                       stated=fmt_pts(stated))
    return None


_TOTAL_MSG = "{what}总分应为各项得分之和 {sum}（{parts}），表中填写 {stated}；请核对总分或各项得分"


def _computed_hit(ctx, where, stated, computed, parts, what):
    """A finding when ``stated`` is not the workbook's computed total ``computed`` (rounded to
    the decimals ``stated`` shows)."""
    if computed is None or not wrong(stated, computed):
        return None
    return ctx.hit(where, expected=computed, actual=stated, what=what, sum=fmt_pts(computed),
                   parts=parts, stated=fmt_pts(stated))


_COMPUTED_MSG = "{what}总分应为工作簿计算的得分合计 {sum}（{parts}），表中填写 {stated}；请核对总分或各项得分"


@rule("PX306", "dept-total", ERROR, title="部门自评表总分与各项得分之和不符", message=_COMPUTED_MSG,
      cases=[
          fails("seed 004: 执行率 9.68 + 指标 100 = 109.68，总分填写 100", at="dept_score_total_stated",
                expected=109.68, values={"execution_weight": 10, "budget_full": 4128.02,
                                         "executed": 3995.49, "dept_score_total_stated": 100},
                rows={"dept_indicators": [{"level3": "甲", "weight": 100, "score_stated": 100}]}),
          fails("定性“达成”得分 7 计为 8（区间下限）：8 + 80.89 = 88.89，总分填写 87.89",
                at="dept_score_total_stated", expected=88.89,
                values={"dept_score_total_stated": 87.89},
                rows={"dept_indicators": [
                    {"level3": "甲", "nature": "定性", "achievement": "达成", "weight": 10,
                     "score_stated": 7},
                    {"level3": "乙", "weight": 90, "score_stated": 80.89}]}),
          passes("同上，总分填写 88.89（工作簿“得分合计（计算）”显示 88.89）",
                 values={"dept_score_total_stated": 88.89},
                 rows={"dept_indicators": [
                     {"level3": "甲", "nature": "定性", "achievement": "达成", "weight": 10,
                      "score_stated": 7},
                     {"level3": "乙", "weight": 90, "score_stated": 80.89}]}),
          passes("9.60 + 80 = 89.60", values={"execution_weight": 10, "budget_full": 100,
                                             "executed": 96, "dept_score_total_stated": 89.6},
                 rows={"dept_indicators": [{"level3": "甲", "weight": 90, "score_stated": 80}]}),
      ])
def dept_total(ctx):
    """部门自评表的总分得分（填报）应等于工作簿“得分合计（计算，含执行率）”单元格的值：执行率
    得分（计算）加各适用指标的得分（计算）之和（domain.md §5 第 8 条）。期望值与工作簿公式出自
    同一计算（``perfxl.derived.dept_score_sum``），核对不会与工作簿显示的数字矛盾。

    合格：执行率 9.60 + 指标 80 = 总分 89.60。
    不合格：执行率 96.79% 得 9.68，指标 100，总分却填 100（种子 004，seed-audit 004.X11：满分
    100 不可能在执行率 96.79% 时取得；按正确的执行率为 109.68）。
    """
    stated = ctx.num("dept_score_total_stated")
    rows = [r for r in ctx.rows("dept_indicators") if r.applicable != "否"]
    if stated is None or not rows:
        return
    ex = derived.execution_score(ctx.model) or 0.0
    total = derived.dept_score_sum(ctx.model)
    if total is None:  # nothing scored, or the cell shows #VALUE! (PX310): nothing to compare
        return
    h = _computed_hit(ctx, ctx.at("dept_score_total_stated"), stated, total,
                      f"执行率 {fmt_pts(ex)} + 指标 {fmt_pts(total - ex)}", "部门自评表")
    if h:
        yield h


@rule("PX307", "project-total", ERROR, title="项目自评表总分与各项得分之和不符", message=_COMPUTED_MSG,
      cases=[
          fails("10 + 80 = 90，总分填写 100", at="projects[0].score_total_stated", expected=90,
                rows={"projects": [{"project": "甲", "execution_weight": 10, "budget_full": 50,
                                    "executed": 50, "score_total_stated": 100}],
                      "project_indicators": [{"project": "甲", "weight": 90, "score_stated": 80}]}),
          passes("seed 004: 10 + 90 = 100",
                 rows={"projects": [{"project": "甲", "execution_weight": 10, "budget_full": 50,
                                     "executed": 50, "score_total_stated": 100}],
                       "project_indicators": [{"project": "甲", "weight": 90, "score_stated": 90}]}),
          passes("有不适用指标：(10 + 71.6) × 100/90 = 90.67，按百分制折算",
                 rows={"projects": [{"project": "甲", "execution_weight": 10, "budget_full": 50,
                                     "executed": 50, "score_total_stated": 90.67}],
                       "project_indicators": [
                           {"project": "甲", "weight": 80, "score_stated": 71.6},
                           {"project": "甲", "weight": 10, "applicable": "否"}]}),
      ])
def project_total(ctx):
    """每个项目自评表的总分得分（填报）应等于工作簿该项目“总分得分（计算）”的值：执行率得分
    加该项目各指标得分（计算）之和；有不适用指标时按百分制折算（domain.md §1.5 [S5]）。期望值出自
    ``perfxl.derived.project_score_total``，与工作簿公式同一计算。

    合格：10 + 90 = 100（种子 004 三个项目，seed-audit 004.H20–H22）；有 10 分不适用时
    (10 + 71.6) × 100 ÷ 90 = 90.67。
    不合格：10 + 80 = 90，总分填写 100。
    """
    from perfxl.checks import execution

    for p in ctx.rows("projects"):
        stated = ctx.rnum(p, "score_total_stated")
        ind = derived.project_indicator_rows(ctx.model, p)
        if stated is None or not p.project or not any(r.applicable != "否" for r in ind):
            continue
        if ctx.rnum(p, "execution_weight") and execution.project(ctx, p) is None:
            continue  # a blank 全年执行数 is missing, not 0 (PX408 says so): the total cannot be checked
        total = derived.project_score_total(ctx.model, p)
        if total is None:  # the cell shows #VALUE! (PX310): nothing to compare
            continue
        ex = derived.project_execution_score(p) or 0.0
        k = derived.project_rescale(ctx.model, p)
        parts = f"执行率 {fmt_pts(ex)} + 指标 {fmt_pts(total / k - ex)}" + \
            ("" if k == 1 else f"，不适用指标按百分制折算 × {fmt_num(excel_round(k, 4))}")
        h = _computed_hit(ctx, ctx.at_row(p, "score_total_stated"), stated, total, parts,
                          f"项目“{p.project}”")
        if h:
            yield h


@rule("PX308", "system-total", ERROR, title="指标体系自评总分与各项得分之和不符",
      message=_TOTAL_MSG, cases=[
          fails("seed 000: 各项得分 87 + 加分 5 = 92，总分填写 93", at="system_total_stated",
                expected=92, values={"system_total_stated": 93, "bonus_total_stated": 5},
                rows={"system_indicators": [{"level3": "甲", "weight": 100, "score_stated": 87}]}),
          passes("87 + 5 = 92", values={"system_total_stated": 92, "bonus_total_stated": 5},
                 rows={"system_indicators": [{"level3": "甲", "weight": 100, "score_stated": 87}]}),
      ])
def system_total(ctx):
    """指标体系的自评总分（填报）应等于各指标自评得分之和加加减分（加减分合计（填报），未填时为
    加减分项各行得分之和）。

    合格：87 + 5 = 92。
    不合格：各项自评得分之和 87，加分 5，总分却填 93（种子 000，seed-audit 000.X19）。
    """
    stated = ctx.num("system_total_stated")
    scores = [float(r.score_stated) for r in ctx.rows("system_indicators")
              if is_number(r.score_stated)]
    if stated is None or not scores:
        return
    parts = [(sum(scores), "各项得分")]
    bonus = ctx.num("bonus_total_stated")
    if bonus is None:
        rows = [float(r.score_stated) for r in ctx.rows("bonus") if is_number(r.score_stated)]
        bonus = sum(rows) if rows else None
    if bonus is not None:
        parts.append((bonus, "加减分"))
    h = _total_hit(ctx, ctx.at("system_total_stated"), stated, parts, "指标体系")
    if h:
        yield h


def _grades(ctx):
    fw = ctx.framework
    from perfxl.frameworks.schema import DEFAULT_GRADES
    return fw.grades if fw is not None else DEFAULT_GRADES


@rule("PX309", "grade", ERROR, title="评价等级与总分不符",
      message="总分 {total} 对应的等级为“{expected_grade}”（{bands}），{source}写作“{actual_grade}”",
      cases=[
          fails("总分 86 写作“优”", at="conclusion",
                values={"dept_score_total_stated": 86, "conclusion": "自评得分86分，评价等级为优。"}),
          passes("总分 93 写作“优”",
                 values={"system_total_stated": 93, "conclusion": "自评得分为93分，等级为“优”。"}),
      ])
def grade(ctx):
    """写明的评价等级应与总分对应：优 ≥ 90、良 ≥ 80、中 ≥ 60、差 < 60（含下限；评价框架另有规定
    时从其规定；domain.md §1.8）。等级取自“等级（计算）”单元格被手工改写的值，或自评结论中
    “等级为…”“评为…”的文字；总分取填报的总分。

    合格：总分 93，等级“优”。
    不合格：总分 86，自评结论写“评价等级为优”。
    """
    import re
    from perfxl.scoring.rules import grade as grade_of
    total = ctx.num("dept_score_total_stated")
    if total is None:
        total = ctx.num("system_total_stated")
    if total is None:
        return
    bands = _grades(ctx)
    want = grade_of(total, bands)
    text = "、".join(f"{b.grade}≥{fmt_num(b.lower)}" for b in bands if b.lower > 0)
    found = []
    src = ctx.model.source
    if src is not None:
        where = ctx.at("dept_grade")
        typed = src.typed_over.get(where)
        if isinstance(typed, str) and typed.strip():
            found.append((typed.strip(), where, "“等级”单元格"))
    m = re.search(r"(?:等级|评为|评定为)[为是：:\s]*[“\"「]?(优秀|优|良好|良|中等|中|合格|差)",
                  ctx.text("conclusion") or "")
    if m:
        found.append((m.group(1)[0], ctx.at("conclusion"), "自评结论"))
    for g, where, source in found:
        if g != want:
            yield ctx.hit(where, expected=want, actual=g, total=fmt_num(total),
                          expected_grade=want, actual_grade=g, bands=text, source=source)


@rule("PX310", "total-error", ERROR, title="得分合计算不出结果",
      message="{what}算不出结果（单元格显示 #VALUE!），总分和等级都无从得出：{causes}；"
              "请在这些单元格改填数字",
      cases=[
          fails("实际值（数值）填写“8094人”：该行得分与得分合计都算不出结果", at="dept_score_sum",
                values={"execution_weight": 10, "budget_full": 100, "executed": 96},
                rows={"dept_indicators": [
                    {"level3": "甲", "nature": "定量", "direction": "≥", "target": 8000,
                     "actual": "8094人", "weight": 10, "score_stated": 10},
                    {"level3": "乙", "weight": 80, "score_stated": 80}]}),
          fails("分值填写“10分”（定性·达成：得分按分值的 80%–100% 计算）", at="dept_score_sum",
                rows={"dept_indicators": [
                    {"level3": "甲", "nature": "定性", "achievement": "达成", "weight": "10分",
                     "score_stated": 10}]}),
          passes("实际值为数字 8094：得分合计 9.6 + 10 + 80",
                 values={"execution_weight": 10, "budget_full": 100, "executed": 96},
                 rows={"dept_indicators": [
                     {"level3": "甲", "nature": "定量", "direction": "≥", "target": 8000,
                      "actual": 8094, "weight": 10, "score_stated": 10},
                     {"level3": "乙", "weight": 80, "score_stated": 80}]}),
          passes("不适用的行不计分，其中的文本不影响合计",
                 rows={"dept_indicators": [
                     {"level3": "甲", "nature": "定量", "target": 8000, "actual": "8094人",
                      "weight": 10, "applicable": "否"},
                     {"level3": "乙", "weight": 90, "score_stated": 90}]}),
      ])
def total_error(ctx):
    """部门自评表的“得分合计（计算）”和各项目的“总分得分（计算）”对得分列求和：任一行的得分
    （计算）算不出结果（分值、指标值（数值）或实际值（数值）填了公式不能当作数字计算的文本，如
    “10分”“8094人”），合计也算不出结果，单元格显示 #VALUE!，等级随之无从评定。项目总分按整列
    求和，一行出错时每个项目的总分都算不出结果。

    合格：实际值（数值）填数字 8094，得分合计照常计算。
    不合格：实际值（数值）填“8094人”，该行得分与得分合计都显示 #VALUE!。
    """
    from perfxl import score_errors

    causes = score_errors.dept_causes(ctx.model)
    if causes:
        yield ctx.hit(ctx.at("dept_score_sum"), what="部门自评表“得分合计（计算）”",
                      causes=score_errors.describe(causes, "部门自评表"))
    groups: dict[tuple, list] = {}
    for p in ctx.rows("projects"):
        found = score_errors.project_causes(ctx.model, p) if p.project else []
        if found:
            groups.setdefault(tuple(found), []).append(p)
    for found, projects in groups.items():
        names = "、".join(f"“{p.project}”" for p in projects)
        cells = "、".join(ctx.at_row(p, "score_total")[1] for p in projects)
        yield ctx.hit(ctx.at_row(projects[0], "score_total"),
                      what=f"项目{names}的“总分得分（计算）”（{cells}）",
                      causes=score_errors.describe(list(found), "项目自评表"))
