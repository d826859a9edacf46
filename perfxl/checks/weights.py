"""PX110–PX113: indicator weights (分值) — 三级 → 二级 → 一级 → the framework's total.

* 指标体系 sheet (``system_indicators``): the stated 二级 / 一级 分值 against the sum of the rows
  below them (labels carried down; a 不适用 row keeps its weight, whose points move elsewhere).
  A 二级 whose 三级 rows carry no weight is taken at its stated 分值 (seed 000: 经济性 6 分 with
  three unweighted paragraphs, seed-audit 000.H51).
* 部门自评表 / 项目自评表: 执行率分值 + Σ indicator weights against the framework's total (100),
  and against the stated 总分分值.
"""
from __future__ import annotations


from perfxl.checks.compare import fmt_num, is_number
from perfxl.checks.finding import ERROR
from perfxl.checks.registry import fails, passes, rule

__all__ = ["system_tree"]


class _Group:
    """An indicator group being summed: its rows, stated total and children."""

    __slots__ = ("name", "rows", "stated", "where", "children")

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list = []
        self.stated: float | None = None
        self.where: tuple[str, str] | None = None
        self.children: dict = {}

    def weights(self) -> list[float] | None:
        """The 三级 weights, or ``None`` when a row has none."""
        ws = [r.row.weight for r in self.rows]
        return [float(w) for w in ws] if all(is_number(w) for w in ws) else None

    def computed(self) -> float | None:
        """Σ 三级 weights when all are given, else the stated weight (``None`` if neither)."""
        ws = self.weights()
        return float(sum(ws)) if ws is not None else self.stated


def system_tree(ctx) -> list[_Group]:
    """一级 groups of the 指标体系 sheet, each with its 二级 groups and their rows."""
    tree: dict[str, _Group] = {}
    for lab in ctx.indicator_groups("system_indicators"):
        r = lab.row
        g1 = tree.setdefault(lab.level1 or "", _Group(lab.level1 or ""))
        g2 = g1.children.setdefault(lab.level2 or "", _Group(lab.level2 or ""))
        g1.rows.append(lab)
        g2.rows.append(lab)
        if g1.stated is None and is_number(r.level1_weight):
            g1.stated, g1.where = float(r.level1_weight), ctx.at_row(r, "level1_weight")
        if g2.stated is None and is_number(r.level2_weight):
            g2.stated, g2.where = float(r.level2_weight), ctx.at_row(r, "level2_weight")
    return list(tree.values())


def _level1_computed(g1: _Group) -> float | None:
    vals = [g2.computed() for g2 in g1.children.values()]
    if not vals or any(v is None for v in vals):
        return g1.stated
    return float(sum(vals))  # type: ignore[arg-type]


_SYS = [{"level1": "预算编制情况", "level1_weight": 28, "level2": "预算编制", "level2_weight": 28,
         "level3": "预算编制合理性", "weight": 5},
        {"level3": "预算编制规范性", "weight": 5}, {"level3": "预算编制规划性", "weight": 4},
        {"level3": "预算编制科学性", "weight": 4},
        {"level2": "目标设置", "level2_weight": 10, "level3": "绩效目标覆盖率", "weight": 2},
        {"level3": "绩效目标合理性", "weight": 4}, {"level3": "绩效指标明确性", "weight": 4}]


@rule("PX110", "level2-weight", ERROR, title="三级指标分值之和与二级指标分值不符",
      message="二级指标“{name}”的三级指标分值合计为 {sum}（{parts}），表中二级分值填写 {stated}；"
              "请核对二级分值或各三级分值",
      cases=[
          fails("seed 000: 预算编制 5 + 5 + 4 + 4 = 18，填写 28", at="system_indicators[0].level2_weight",
                expected=18, rows={"system_indicators": _SYS}),
          passes("目标设置 2 + 4 + 4 = 10；二级分值 18 时预算编制也一致",
                 rows={"system_indicators": [dict(_SYS[0], level2_weight=18), *_SYS[1:]]}),
          passes("三级未列分值时不核对（种子 000 经济性 6 分）",
                 rows={"system_indicators": [
                     {"level1": "资金使用效益", "level2": "经济性", "level2_weight": 6,
                      "level3": "公用经费控制", "score_stated": 2},
                     {"level3": "“三公”经费控制", "score_stated": 2}]}),
      ])
def level2_weight(ctx):
    """指标体系中，每个二级指标下各三级指标的分值之和应等于填报的二级分值（不适用的三级指标
    仍计入：其分值按框架移至其他指标）。任一三级指标未填分值时不核对。

    合格：目标设置 绩效目标覆盖率 2 + 绩效目标合理性 4 + 绩效指标明确性 4 = 10（种子 000）。
    不合格：预算编制 5 + 5 + 4 + 4 = 18，二级分值填写 28（种子 000，seed-audit 000.X17）。
    """
    for g1 in system_tree(ctx):
        for g2 in g1.children.values():
            ws = g2.weights()
            if g2.stated is None or ws is None or not ws:
                continue
            s = float(sum(ws))
            if abs(s - g2.stated) > 1e-9:
                yield ctx.hit(g2.where, expected=s, actual=g2.stated, name=g2.name,
                              sum=fmt_num(s), parts=" + ".join(fmt_num(w) for w in ws),
                              stated=fmt_num(g2.stated),
                              related=tuple(ctx.at_row(r.row, "weight") for r in g2.rows))


@rule("PX111", "level1-weight", ERROR, title="二级指标分值之和与一级指标分值不符",
      message="一级指标“{name}”的二级指标分值合计为 {sum}（{parts}），{source}为 {stated}；"
              "请核对一级分值或各二级分值",
      cases=[
          fails("预算编制 18 + 目标设置 10 = 28，一级填写 30", at="system_indicators[0].level1_weight",
                expected=28,
                rows={"system_indicators": [dict(_SYS[0], level1_weight=30, level2_weight=18),
                                            *_SYS[1:]]}),
          passes("seed 000: 一级 28 = 预算编制（三级合计 18）+ 目标设置 10；二级填写的 28 不参与",
                 rows={"system_indicators": _SYS}),
      ])
def level1_weight(ctx):
    """每个一级指标的分值应等于其下二级指标分值之和；二级分值按其三级指标分值之和计算（三级未列
    分值时取填报的二级分值）。指标体系表核对填报的一级分值；部门、项目自评表在评价框架固定一级
    分值（不允许单位调整）时核对框架分值。

    合格：一级“预算编制情况”28 = 预算编制（5 + 5 + 4 + 4 = 18）+ 目标设置 10（种子 000，seed-audit
    000.H43；二级“预算编制”填写的 28 由 PX110 报告）。
    不合格：同样的二级指标，一级分值填写 30。
    """
    for g1 in system_tree(ctx):
        if g1.stated is None:
            continue
        vals = [(g2.name, g2.computed()) for g2 in g1.children.values()]
        if not vals or any(v is None for _, v in vals):
            continue
        s = float(sum(v for _, v in vals))  # type: ignore[misc]
        if abs(s - g1.stated) > 1e-9:
            yield ctx.hit(g1.where, expected=s, actual=g1.stated, name=g1.name, sum=fmt_num(s),
                          parts=" + ".join(f"{n} {fmt_num(v)}" for n, v in vals),
                          source="表中一级分值填写", stated=fmt_num(g1.stated))
    fw = ctx.framework
    if fw is None or fw.weights_overridable or fw.kind not in ("department", "project"):
        return
    table = "dept_indicators" if fw.kind == "department" else "project_indicators"
    fixed = {lv.name: lv for lv in fw.level1 if lv.weight is not None}
    sums: dict[tuple, list] = {}
    for lab in ctx.indicator_groups(table):
        if lab.level1 in fixed and _typed(lab.row.weight):
            sums.setdefault((lab.row.project, lab.level1), []).append(lab)
    for (_proj, name), labs in sums.items():
        s = float(sum(float(x.row.weight) for x in labs))
        want = float(fixed[name].weight)
        if abs(s - want) > 1e-9:
            yield ctx.hit(ctx.at_row(labs[0].row, "weight"), expected=want, actual=s, name=name,
                          sum=fmt_num(s), parts=" + ".join(fmt_num(x.row.weight) for x in labs),
                          source=f"评价框架“{fw.name}”规定", stated=fmt_num(want))


def _typed(v) -> bool:
    """A 分值 the workbook's sums count: a number, not text (``perfxl.derived.summed``)."""
    from perfxl.derived import summed
    return summed(v) is not None


def _project_total(ctx) -> float:
    from perfxl.errors import FrameworkError
    from perfxl.frameworks import load
    fw = ctx.framework
    if fw is not None and fw.kind != "project" and fw.project_framework:
        try:
            fw = load(fw.project_framework)
        except FrameworkError:
            fw = None
    return float(fw.total) if fw is not None and fw.total is not None else 100.0


def _project_rows(ctx, prow) -> list:
    return [r for r in ctx.rows("project_indicators") if r.project == prow.project]


def _project_weights(ctx, prow) -> list[float]:
    """The project's indicator weights as SUMPRODUCT counts them: a 分值 typed as text is not
    counted (PX009 names that cell)."""
    from perfxl.derived import summed
    return [w for w in map(summed, (r.weight for r in _project_rows(ctx, prow)))
            if w is not None]


def _counted(v) -> float:
    """执行率分值 as the workbook's N() reads it: text (「10」) is 0."""
    from perfxl.derived import summed
    return summed(v) or 0.0


def _text_weights(ctx, execution: tuple[object, tuple[str, str]], rows) -> str:
    """「B8、N20 填写的分值是文本，合计未计入」 for the 分值 cells typed as text (``execution`` =
    (执行率分值, its cell), then the 分值 of ``rows``) — the workbook's N() and SUMPRODUCT skip
    them; "" when there is none."""
    from perfxl.derived import row_formula_value
    from perfxl.typed import TextNumber

    def text(v) -> bool:  # 「10」 (arithmetic reads it) or 「10分」 (no formula reads it)
        return isinstance(v, (TextNumber, str))

    cells = [execution[1][1]] if text(execution[0]) else []
    cells += [ctx.at_row(r, "weight")[1] for r in rows if text(row_formula_value(r, "weight"))]
    return f"{'、'.join(cells)} 填写的分值是文本，合计未计入" if cells else ""


def _with_note(figure: str, note: str) -> str:
    return f"{figure}（{note}）" if note else figure


def _dept_text_weights(ctx) -> str:
    from perfxl.derived import formula_value
    return _text_weights(ctx, (formula_value(ctx.model, "execution_weight"),
                               ctx.at("execution_weight")),
                         [r for r in ctx.rows("dept_indicators") if r.applicable != "否"])


def _project_text_weights(ctx, prow) -> str:
    from perfxl.derived import row_formula_value
    return _text_weights(ctx, (row_formula_value(prow, "execution_weight"),
                               ctx.at_row(prow, "execution_weight")),
                         _project_rows(ctx, prow))


_DEPT = [{"level1": "产出指标", "weight": 40}, {"level1": "效益指标", "weight": 30},
         {"level1": "满意度指标", "weight": 10}, {"level1": "成本指标", "weight": 20}]


@rule("PX112", "weight-total", ERROR, title="分值合计与评价框架总分不符",
      message="{where_text}分值合计为 {sum}（{parts}），应为评价框架总分 {total}；{fix}",
      cases=[
          fails("seed 004: 执行率 10 + 指标 100 = 110", at="dept_weight_sum", expected=100,
                values={"framework": "hunan_dept", "execution_weight": 10},
                rows={"dept_indicators": _DEPT}),
          passes("执行率 10 + 指标 90 = 100",
                 values={"framework": "hunan_dept", "execution_weight": 10},
                 rows={"dept_indicators": [*_DEPT[:3], {"level1": "成本指标", "weight": 10}]}),
          passes("不适用的 5 分不计入（单元格“分值合计（计算）”显示 100）",
                 values={"framework": "hunan_dept", "execution_weight": 10},
                 rows={"dept_indicators": [*_DEPT[:3], {"level1": "成本指标", "weight": 10},
                                           {"level1": "成本指标", "weight": 5,
                                            "applicable": "否"}]}),
          passes("seed 000: 一级 28 + 42 + 30 = 100（指标体系）",
                 rows={"system_indicators": [
                     {"level1": "预算编制情况", "level1_weight": 28, "level3": "甲", "weight": 28},
                     {"level1": "预算执行情况", "level1_weight": 42, "level3": "乙", "weight": 42},
                     {"level1": "资金使用效益", "level1_weight": 30, "level3": "丙", "weight": 30}]}),
      ])
def weight_total(ctx):
    """部门自评表（执行率分值 + 适用指标的分值，即工作簿“分值合计（计算）”单元格的值）、每个
    项目自评表（执行率分值 + 全部指标分值：项目总分按百分制折算不适用指标，设计的分值须合计为
    总分）以及指标体系（各一级指标）的分值合计应等于评价框架的总分（一般为 100，含预算执行率）。

    合格：执行率 10 + 产出 40 + 效益 30 + 满意度 10 + 成本 10 = 100。
    不合格：执行率 10 + 产出 40 + 效益 30 + 满意度 10 + 成本 20 = 110（种子 004，seed-audit 004.X10：
    指标本身合计 100 无误，错在另加了执行率 10 分）。
    """
    from perfxl import derived
    total = ctx.total
    if any(is_number(r.weight) for r in ctx.rows("dept_indicators")):
        # the figure of the cell the finding points at: 分值合计（计算）, 不适用 rows left out
        ew = _counted(ctx.model.values.get("execution_weight"))
        s = derived.dept_weight_sum(ctx.model)
        if abs(s - total) > 1e-9:
            text = _dept_text_weights(ctx)
            yield ctx.hit(ctx.at("dept_weight_sum"), expected=total, actual=s,
                          where_text="部门自评表", sum=fmt_num(s),
                          parts=f"执行率分值 {fmt_num(ew)} + 适用指标分值 {fmt_num(s - ew)}",
                          total=fmt_num(total),
                          fix=f"其中 {text}；请改为数字后再核对" if text else
                          f"请把指标分值合计调整为 {fmt_num(total - ew)}")
    ptotal = _project_total(ctx)
    for prow in ctx.rows("projects"):
        ws = _project_weights(ctx, prow)
        if not prow.project or not ws:
            continue
        ew = _counted(prow.execution_weight)
        s = ew + sum(ws)
        if abs(s - ptotal) > 1e-9:
            text = _project_text_weights(ctx, prow)
            col = "weight_total_stated" if prow.weight_total_stated is not None else "project"
            yield ctx.hit(ctx.at_row(prow, col), expected=ptotal, actual=s,
                          where_text=f"项目“{prow.project}”", sum=fmt_num(s),
                          parts=f"执行率分值 {fmt_num(ew)} + 指标分值 {fmt_num(sum(ws))}",
                          total=fmt_num(ptotal), fix=f"其中 {text}；请改为数字后再核对" if text
                          else f"请把指标分值合计调整为 {fmt_num(ptotal - ew)}")
    tree = system_tree(ctx)
    vals = [(g.name, _level1_computed(g)) for g in tree]
    if vals and all(v is not None for _, v in vals):
        s = float(sum(v for _, v in vals))  # type: ignore[misc]
        if abs(s - total) > 1e-9:
            first = ctx.rows("system_indicators")[0]
            yield ctx.hit(ctx.at_row(first, "level1_weight"), expected=total, actual=s,
                          where_text="指标体系", sum=fmt_num(s),
                          parts=" + ".join(f"{n} {fmt_num(v)}" for n, v in vals),
                          total=fmt_num(total), fix="请核对各一级指标分值")


@rule("PX113", "weight-total-stated", ERROR, title="总分分值（填报）与分值合计不符",
      message="{where_text}总分分值填写 {stated}，而执行率分值 {ew} + 指标分值 {ind} = {sum}；"
              "请核对总分分值或各项分值",
      cases=[
          fails("seed 004: 10 + 100 = 110，总分分值填写 100", at="dept_weight_total_stated",
                expected=110, values={"execution_weight": 10, "dept_weight_total_stated": 100},
                rows={"dept_indicators": _DEPT}),
          passes("seed 004 项目表: 10 + 90 = 100",
                 rows={"projects": [{"project": "甲", "execution_weight": 10,
                                     "weight_total_stated": 100}],
                       "project_indicators": [{"project": "甲", "weight": 50},
                                              {"project": "甲", "weight": 40}]}),
      ])
def weight_total_stated(ctx):
    """填报的总分分值应等于执行率分值加各指标分值（部门自评表按适用的指标计，与“分值合计（计算）”
    一致；项目自评表按该项目全部指标计）。

    合格：项目表 执行率 10 + 指标 90 = 总分分值 100（种子 004 三个项目，seed-audit 004.H20–H22）。
    不合格：部门自评表 执行率 10 + 指标 100 = 110，总分分值填写 100（种子 004，seed-audit 004.X10）。
    """
    from perfxl import derived
    stated = ctx.num("dept_weight_total_stated")
    if stated is not None and ctx.rows("dept_indicators"):
        s = derived.dept_weight_sum(ctx.model)
        ew = _counted(ctx.model.values.get("execution_weight"))
        if abs(s - stated) > 1e-9:
            yield ctx.hit(ctx.at("dept_weight_total_stated"), expected=s, actual=stated,
                          where_text="部门自评表", stated=fmt_num(stated), ew=fmt_num(ew),
                          ind=fmt_num(s - ew), sum=_with_note(fmt_num(s), _dept_text_weights(ctx)))
    for prow in ctx.rows("projects"):
        stated = prow.weight_total_stated
        ws = _project_weights(ctx, prow)
        if not is_number(stated) or not ws:
            continue
        ew = _counted(prow.execution_weight)
        s = ew + sum(ws)
        if abs(s - float(stated)) > 1e-9:
            yield ctx.hit(ctx.at_row(prow, "weight_total_stated"), expected=s,
                          actual=float(stated), where_text=f"项目“{prow.project}”",
                          stated=fmt_num(stated), ew=fmt_num(ew),
                          ind=fmt_num(sum(ws)),
                          sum=_with_note(fmt_num(s), _project_text_weights(ctx, prow)))
