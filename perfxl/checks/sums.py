"""PX101–PX109, PX119, PX150: totals against the sum of their parts (amounts and headcounts).

Every stated total is compared with the sum of the parts the workbook holds for it; a blank part
counts 0, a relation without a stated total or without any part is skipped.  Differences that
the rounding of 万元 figures can explain are PX150 warnings (``perfxl.checks.sumrel``).
"""
from __future__ import annotations

from typing import Iterator

from perfxl import derived
from perfxl import layout as L
from perfxl.checks.finding import ERROR, WARNING
from perfxl.checks.registry import fails, passes, rule
from perfxl.checks.sumrel import SumRel, args, errors, expected_actual, generator, rounding_only
from perfxl.checks.compare import fmt_amount

_DEPT_COLS = (("budget_initial", "年初预算数"), ("budget_full", "全年预算数"),
              ("executed", "全年执行数"))


def _column_rel(ctx, table: str, column: str, header: str, total_key: str | None,
                what: str, total_label: str, total_value=None, where=None,
                rows=None) -> SumRel | None:
    rows = ctx.rows(table) if rows is None else rows
    parts = tuple((float(r.values[column]), str(r.values.get(L.LAYOUT.table(table).columns[0].key)
                                                or ""))
                  for r in rows if isinstance(r.values.get(column), (int, float)))
    total = ctx.num(total_key) if total_key else total_value
    if not parts or total is None:
        return None
    return SumRel(what, total, where or ctx.at(total_key), total_label, parts,
                  related=tuple(ctx.at_row(r, column) for r in rows
                                if isinstance(r.values.get(column), (int, float))))


def _emit(ctx, code: str) -> Iterator:
    for rel in errors(ctx, code):
        exp, act = expected_actual(rel)
        yield ctx.hit(rel.where, expected=exp, actual=act, related=rel.related, **args(rel),
                      fix=_unit_fix(rel, ctx.model.unit))


#: total ÷ Σ parts (or its inverse) read as 元 typed into a 万元 workbook or the reverse: about
#: ten thousand (the band of PX503 unit-slip)
_SLIP = (3000, 30000)


def _unit_fix(rel: SumRel, unit: str) -> str:
    """The fix a sum message ends with: 「请核对各分项或合计数」, or, when the total and the sum
    of the parts differ about ten thousand times, which side looks typed in the other unit."""
    plain = "请核对各分项或合计数"
    if not rel.money or unit not in ("元", "万元") or rel.total <= 0 or rel.sum <= 0:
        return plain
    ratio = rel.total / rel.sum
    big_total = _SLIP[0] <= ratio <= _SLIP[1]
    if not (big_total or _SLIP[0] <= 1 / ratio <= _SLIP[1]):
        return plain
    other = "元" if unit == "万元" else "万元"
    if big_total == (unit == "万元"):  # the total is the figure out of scale
        fixed = rel.total / 10000 if unit == "万元" else rel.total * 10000
        return (f"{rel.total_label}与分项合计相差约一万倍，疑似按{other}填写（本工作簿金额单位为"
                f"{unit}）；若如此应为 {fmt_amount(fixed)}，否则请核对各分项或合计数")
    return (f"分项合计与{rel.total_label}相差约一万倍，分项疑似按{other}填写（本工作簿金额单位为"
            f"{unit}）；请核对各分项或合计数")


_TEMPLATE = "{what}合计为 {sum}（{parts}），{total_label}填写 {total}；{fix}"


# ---- PX101 income sources ------------------------------------------------------------------
@generator("PX101")
def _income_rels(ctx):
    for col, header in _DEPT_COLS:
        rel = _column_rel(ctx, "income", col, header, col, f"收入来源的{header}",
                          f"部门自评表{header}")
        if rel:
            yield rel


@rule("PX101", "income-sources-sum", ERROR, title="收入来源合计与年度资金总额不符",
      message=_TEMPLATE, cases=[
          fails("收入来源全年预算数之和 4100.00 ≠ 4128.02", at="budget_full", expected=4100.0,
                values={"budget_full": 4128.02},
                rows={"income": [{"source": "一般公共预算财政拨款", "budget_full": 3700.0},
                                 {"source": "其他收入", "budget_full": 400.0}]}),
          fails("万元工作簿中全年预算数按元填写 41280200（各来源之和 4128.02）", at="budget_full",
                expected=4128.02, values={"amount_unit": "万元", "budget_full": 41280200.0},
                rows={"income": [{"source": "一般公共预算财政拨款", "budget_full": 3667.49},
                                 {"source": "财政专户管理的非税收入", "budget_full": 79.41},
                                 {"source": "其他收入", "budget_full": 381.12}]}),
          passes("seed 004: 3667.49 + 0.0 + 79.41 + 381.12 = 4128.02",
                 values={"budget_full": 4128.02},
                 rows={"income": [{"source": "一般公共预算财政拨款", "budget_full": 3667.49},
                                  {"source": "政府性基金预算拨款", "budget_full": 0.0},
                                  {"source": "财政专户管理的非税收入", "budget_full": 79.41},
                                  {"source": "其他收入", "budget_full": 381.12}]}),
      ])
def income_sources_sum(ctx):
    """收入来源（一般公共预算、政府性基金、非税收入、其他…）各列之和应等于部门自评表“年度资金总额”
    同列的数（年初预算数、全年预算数、全年执行数）。

    合格：一般公共预算 3667.49 + 政府性基金 0.00 + 非税收入 79.41 + 其他资金 381.12 = 全年预算数 4128.02。
    不合格：各来源全年预算数之和 4100.00，而全年预算数填写 4128.02。
    """
    yield from _emit(ctx, "PX101")


# ---- PX102 stated income total ---------------------------------------------------------------
@generator("PX102")
def _income_total_rels(ctx):
    rel = _column_rel(ctx, "income", "executed", "全年执行数", "income_total_stated",
                      "各收入来源的全年执行数", "收入合计（填报）")
    if rel:
        yield rel


@rule("PX102", "income-total", ERROR, title="收入合计（填报）与各来源之和不符",
      message=_TEMPLATE, cases=[
          fails("17333145.09 + 114.11 = 17333259.20，填报 17333259.10", at="income_total_stated",
                values={"income_total_stated": 17333259.1},
                rows={"income": [{"source": "一般公共预算财政拨款", "executed": 17333145.09},
                                 {"source": "其他收入", "executed": 114.11}]}),
          passes("seed 000: 17333145.09 + 114.11 = 17333259.20",
                 values={"income_total_stated": 17333259.2},
                 rows={"income": [{"source": "一般公共预算财政拨款", "executed": 17333145.09},
                                  {"source": "其他收入", "executed": 114.11}]}),
      ])
def income_total(ctx):
    """报告或决算表填报的收入合计应等于收入表各来源全年执行数之和。

    合格：财政拨款 17333145.09 + 其他收入 114.11 = 收入合计 17333259.20（种子 000）。
    不合格：同样两项，收入合计填写 17333259.10。
    """
    yield from _emit(ctx, "PX102")


# ---- PX103 基本支出 + 项目支出 -----------------------------------------------------------------
@generator("PX103")
def _nature_rels(ctx):
    for col, header in _DEPT_COLS:
        rel = _column_rel(ctx, "exp_nature", col, header, col, f"基本支出与项目支出的{header}",
                          f"部门自评表{header}")
        if rel:
            yield rel


@rule("PX103", "nature-sum", ERROR, title="基本支出 + 项目支出与年度资金总额不符",
      message=_TEMPLATE, cases=[
          fails("2202.32 + 1700.00 ≠ 3995.49", at="executed", expected=3902.32,
                values={"executed": 3995.49},
                rows={"exp_nature": [{"item": "基本支出", "executed": 2202.32},
                                     {"item": "项目支出", "executed": 1700.0}]}),
          passes("seed 004: 2202.32 + 1793.17 = 3995.49", values={"executed": 3995.49},
                 rows={"exp_nature": [{"item": "基本支出", "executed": 2202.32},
                                      {"item": "项目支出", "executed": 1793.17}]}),
      ])
def nature_sum(ctx):
    """按支出性质分的基本支出与项目支出之和应等于部门自评表同列的年度资金总额（年初预算数、
    全年预算数、全年执行数各列分别核对）。

    合格：基本支出 2202.32 + 项目支出 1793.17 = 全年执行数 3995.49（种子 004）。
    不合格：基本支出 2202.32 + 项目支出 1700.00 = 3902.32，全年执行数填写 3995.49。
    """
    yield from _emit(ctx, "PX103")


# ---- PX104 基本支出 economic breakdown ----------------------------------------------------------
@generator("PX104")
def _basic_rels(ctx):
    basic = ctx.row("exp_nature", "基本支出")
    for col, header in (("budget_full", "全年预算数"), ("executed", "全年执行数"),
                        ("prior_final", "上年决算数")):
        total = ctx.rnum(basic, col)
        if total is None:
            continue
        rel = _column_rel(ctx, "exp_basic", col, header, None, f"基本支出经济分类的{header}",
                          f"基本支出{header}", total_value=total, where=ctx.at_row(basic, col))
        if rel:
            yield rel


@rule("PX104", "basic-breakdown", ERROR, title="基本支出经济分类合计与基本支出不符",
      message=_TEMPLATE, cases=[
          fails("924.72 + 265.40 + 1009.27 + 2.94 = 2202.33，基本支出填写 2100.00",
                at="exp_nature[0].executed", expected=2202.33,
                rows={"exp_nature": [{"item": "基本支出", "executed": 2100.0}],
                      "exp_basic": [{"item": "工资福利支出", "executed": 924.72},
                                    {"item": "商品和服务支出", "executed": 265.4},
                                    {"item": "对个人和家庭的补助", "executed": 1009.27},
                                    {"item": "资本性支出", "executed": 2.94}]}),
          passes("各项之和等于基本支出",
                 rows={"exp_nature": [{"item": "基本支出", "executed": 2202.33}],
                       "exp_basic": [{"item": "工资福利支出", "executed": 924.72},
                                     {"item": "商品和服务支出", "executed": 265.4},
                                     {"item": "对个人和家庭的补助", "executed": 1009.27},
                                     {"item": "资本性支出", "executed": 2.94}]}),
          passes("seed 004: 2202.33 对 2202.32 只差尾数（由 PX150 提示）",
                 values={"amount_unit": "万元"},
                 rows={"exp_nature": [{"item": "基本支出", "executed": 2202.32}],
                       "exp_basic": [{"item": "工资福利支出", "executed": 924.72},
                                     {"item": "商品和服务支出", "executed": 265.4},
                                     {"item": "对个人和家庭的补助", "executed": 1009.27},
                                     {"item": "资本性支出", "executed": 2.94}]}),
      ])
def basic_breakdown(ctx):
    """基本支出按经济分类（工资福利、商品和服务、对个人和家庭的补助、资本性支出）之和应等于
    “按支出性质分”的基本支出（全年预算数、全年执行数、上年决算数各列）。

    合格：924.72 + 265.40 + 1009.27 + 2.94 = 2202.33，基本支出 2202.33。
    不合格：同样四项，基本支出填写 2100.00。（差额只在尾数时由 PX150 提示。）
    """
    yield from _emit(ctx, "PX104")


# ---- PX105 三公 categories ---------------------------------------------------------------------
_TP_COLS = (("prior_final", "tp_prior_stated", "上年决算数"), ("budget", "tp_budget_stated",
                                                              "本年预算数"),
            ("final", "tp_final_stated", "本年决算数"))


@generator("PX105")
def _tp_rels(ctx):
    for col, key, header in _TP_COLS:
        # the rows that count (the 公务用车 subtotal only without its split), as in 经费控制
        rel = _column_rel(ctx, "three_public", col, header, key, f"“三公”经费各项的{header}",
                          f"“三公”经费{header}合计（填报）",
                          rows=derived.tp_counted_rows(ctx.model, col))
        if rel:
            yield rel


@rule("PX105", "three-public-sum", ERROR, title="“三公”经费各项之和与合计不符",
      message=_TEMPLATE, cases=[
          fails("4.95 + 0.81 = 5.76，合计填写 6.76", at="tp_final_stated", expected=5.76,
                values={"tp_final_stated": 6.76},
                rows={"three_public": [{"item": "公务用车运行维护费", "final": 4.95},
                                       {"item": "公务接待费", "final": 0.81}]}),
          passes("公务用车小计 11.86（未分购置、运行维护）+ 公务接待 17.22 = 29.08",
                 values={"tp_prior_stated": 29.08},
                 rows={"three_public": [
                     {"item": "公务接待费", "prior_final": 17.22},
                     {"item": "公务用车购置及运行维护费（未分项时填写）", "prior_final": 11.86}]}),
          passes("seed 004: 0 + 4.95 + 0.81 = 5.76", values={"tp_final_stated": 5.76},
                 rows={"three_public": [{"item": "因公出国（境）费", "final": 0.0},
                                        {"item": "公务用车运行维护费", "final": 4.95},
                                        {"item": "公务接待费", "final": 0.81}]}),
      ])
def three_public_sum(ctx):
    """“三公”经费四项（因公出国（境）费、公务用车购置费、公务用车运行维护费、公务接待费）每一列
    之和应等于该列填报的合计（上年决算数、本年预算数、本年决算数）。只有公务用车合计、未分购置和
    运行维护时填在“公务用车购置及运行维护费（未分项时填写）”一行，它在该列未填分项时计入合计。

    合格：出国 0 + 公车运行维护 4.95 + 公务接待 0.81 = 本年决算合计 5.76（种子 004）。
    不合格：同样三项，合计填写 6.76。
    """
    yield from _emit(ctx, "PX105")


# ---- PX106 staffing categories -------------------------------------------------------------------
@generator("PX106")
def _staff_rels(ctx):
    for col, key, header, label in (("authorized", "authorized_total", "编制数", "编制数"),
                                    ("actual", "in_service_total", "实有人数", "实际在职人数")):
        rel = _column_rel(ctx, "staffing", col, header, key, f"分类{header}",
                          f"财政供养人员情况的{label}")
        if rel:
            yield SumRel(rel.what, rel.total, rel.where, rel.total_label, rel.parts, money=False,
                         related=rel.related)


@rule("PX106", "staffing-sum", WARNING, title="分类编制数、实有人数与合计不符",
      message="{what}合计为 {sum}（{parts}），{total_label}填写 {total}；若口径不同（如只含机关），"
              "请在人员编制表的说明栏写明「确认 PX106：口径」，否则请核对",
      cases=[
          fails("seed 004: 行政 54 + 事业 25 + 工勤 2 = 81，编制数填写 56", at="authorized_total",
                expected=81, values={"authorized_total": 56},
                rows={"staffing": [{"category": "行政", "authorized": 54},
                                   {"category": "事业", "authorized": 25},
                                   {"category": "工勤", "authorized": 2}]}),
          passes("seed 000: 14 + 5 + 2 = 21；12 + 5 + 2 = 19",
                 values={"authorized_total": 21, "in_service_total": 19},
                 rows={"staffing": [{"category": "行政", "authorized": 14, "actual": 12},
                                    {"category": "事业", "authorized": 5, "actual": 5},
                                    {"category": "工勤", "authorized": 2, "actual": 2}]}),
      ])
def staffing_sum(ctx):
    """分类（行政、事业、工勤）编制数之和应等于填报的编制数，分类实有人数之和应等于实际在职人数。
    口径不同（例如基础数据表只含机关）很常见，故为警告。

    合格：行政 14 + 事业 5 + 工勤 2 = 编制数 21（种子 000）。
    不合格：行政 54 + 事业 25 + 工勤 2 = 81，编制数填写 56（种子 004，seed-audit 004.X01）。
    """
    for rel in errors(ctx, "PX106"):
        yield ctx.hit(rel.where, expected=rel.sum, actual=rel.total, related=rel.related,
                      **args(rel))


# ---- PX107 年末实有人数 -----------------------------------------------------------------------
@rule("PX107", "headcount-sum", WARNING, title="年末实有人数与在职、离退休人数不符",
      message="年末实有人数应为 {expected_text}（在职 {in_service} + 离退休 {retired}），表中填写 {actual_text}",
      cases=[
          fails("19 + 15 = 34，填写 36", at="headcount_total", expected=34,
                values={"in_service_total": 19, "retired": 15, "headcount_total": 36}),
          passes("seed 000: 在职 19 + 退休 15 = 34（挂职人员 12 不计）",
                 values={"in_service_total": 19, "retired": 15, "seconded": 12,
                         "headcount_total": 34}),
      ])
def headcount_sum(ctx):
    """“年末实有人数（含离退休）”应等于实际在职人数（未填时用分类实有人数之和）加离退休人数；
    临聘、挂职人员不计入。

    合格：在职 19 + 退休 15 = 34（种子 000）。
    不合格：在职 19 + 退休 15，年末实有人数填写 36。
    """
    total, retired = ctx.num("headcount_total"), ctx.num("retired")
    in_service = ctx.num("in_service_total")
    if in_service is None:
        acts = ctx.column_values("staffing", "actual")
        in_service = sum(v for _, v in acts) if acts else None
    if total is None or retired is None or in_service is None:
        return
    exp = in_service + retired
    if exp != total:
        from perfxl.checks.compare import fmt_num
        yield ctx.hit(ctx.at("headcount_total"), expected=exp, actual=total,
                      expected_text=fmt_num(exp), actual_text=fmt_num(total),
                      in_service=fmt_num(in_service), retired=fmt_num(retired))


# ---- PX108 project fund rows -------------------------------------------------------------------
@generator("PX108")
def _project_fund_rels(ctx):
    for prow in ctx.rows("projects"):
        if not prow.project:
            continue
        rows = [r for r in ctx.rows("project_funds") if r.project == prow.project]
        for col, header in _DEPT_COLS:
            total = ctx.rnum(prow, col)
            filled = [r for r in rows if ctx.rnum(r, col) is not None]
            if total is None or not filled:
                continue
            yield SumRel(f"项目“{prow.project}”各资金来源的{header}", total,
                         ctx.at_row(prow, col), f"年度资金总额{header}",
                         tuple((ctx.rnum(r, col), r.source or "") for r in filled),
                         related=tuple(ctx.at_row(r, col) for r in filled))


@rule("PX108", "project-fund-rows", ERROR, title="项目年度资金总额与各资金来源之和不符",
      message=_TEMPLATE + "（年度资金总额 = 当年财政拨款 + 上年结转 + 其他资金）",
      cases=[
          fails("当年财政拨款 90 + 上年结转 0 + 其他 0 = 90，总额填写 0（S3 所见）",
                at="projects[0].budget_full", expected=90.0,
                rows={"projects": [{"project": "甲", "budget_full": 0.0}],
                      "project_funds": [{"project": "甲", "source": "当年财政拨款", "budget_full": 90.0},
                                        {"project": "甲", "source": "上年结转", "budget_full": 0.0}]}),
          passes("seed 004: 320 + 0 + 0 = 320",
                 rows={"projects": [{"project": "现代服务业资金", "budget_full": 320.0,
                                     "executed": 320.0}],
                       "project_funds": [
                           {"project": "现代服务业资金", "source": "当年财政拨款", "budget_full": 320.0,
                            "executed": 320.0},
                           {"project": "现代服务业资金", "source": "其他资金", "budget_full": 0.0,
                            "executed": 0.0}]}),
      ])
def project_fund_rows(ctx):
    """每个项目的年度资金总额应等于其当年财政拨款、上年结转、其他资金三行之和，年初预算数、
    全年预算数、全年执行数各列分别核对（domain.md §5 第 1 条；S3 曾见总额留 0 而分项已填）。

    合格：现代服务业资金 当年财政拨款 320 + 上年结转 0 + 其他 0 = 总额 320（种子 004）。
    不合格：当年财政拨款 90，总额填写 0。
    """
    yield from _emit(ctx, "PX108")


# ---- PX109 projects vs 项目支出 ------------------------------------------------------------------
@rule("PX109", "projects-exceed", ERROR, title="各项目资金之和超过部门项目支出",
      message="项目自评表各项目{header}之和 {sum}（{parts}）超过部门项目支出{header} {total}；"
              "请核对项目金额或部门项目支出",
      cases=[
          fails("320 + 115 + 100 = 535 > 500", at="exp_nature[1].executed", expected=535.0,
                rows={"exp_nature": [{"item": "项目支出", "executed": 500.0}],
                      "projects": [{"project": "甲", "executed": 320.0},
                                   {"project": "乙", "executed": 115.0},
                                   {"project": "丙", "executed": 100.0}]}),
          passes("seed 004: 535 ≤ 1793.17（其他专项未列表）",
                 rows={"exp_nature": [{"item": "项目支出", "executed": 1793.17}],
                       "projects": [{"project": "甲", "executed": 320.0},
                                    {"project": "乙", "executed": 115.0},
                                    {"project": "丙", "executed": 100.0}]}),
      ])
def projects_exceed(ctx):
    """项目自评表只列部分项目时，各项目金额之和可以小于部门项目支出，但不能超过它（全年预算数、
    全年执行数各列）。

    合格：320 + 115 + 100 = 535 ≤ 项目支出 1793.17（种子 004，seed-audit 004.H19）。
    不合格：三个项目执行数之和 535，部门项目支出执行数填写 500。
    """
    from perfxl.checks.compare import fmt_amount, wrong
    proj = ctx.row("exp_nature", "项目支出")
    for col, header in _DEPT_COLS:
        total = ctx.rnum(proj, col)
        vals = [v for _, v in ctx.column_values("projects", col)]
        if total is None or not vals:
            continue
        s = float(sum(vals))
        if s > total and wrong(total, s):
            yield ctx.hit(ctx.at_row(proj, col), expected=s, actual=total, header=header,
                          sum=fmt_amount(s), total=fmt_amount(total),
                          parts=" + ".join(fmt_amount(v) for v in vals[:8]))


# ---- PX119 功能分类 -----------------------------------------------------------------------------
@generator("PX119")
def _function_rels(ctx):
    total_cur = ctx.num("exp_total_stated")
    key_cur = "exp_total_stated"
    if total_cur is None:
        key_cur = "executed"
    for col, key, header, label in (("current", key_cur, "本年决算数",
                                     "支出合计（填报）" if key_cur == "exp_total_stated"
                                     else "全年执行数"),
                                    ("prior", "exp_prior_total_stated", "上年决算数",
                                     "上年支出合计（填报）")):
        rel = _column_rel(ctx, "exp_function", col, header, key, f"功能分类科目的{header}", label)
        if rel:
            yield rel
    # the two 上年 totals the workbook and the report print (支出!功能分类上年合计 vs the 支出性质
    # table's 上年决算数, which the report's 「较上年决算」 uses) must be one figure
    nature = [r for r in ctx.rows("exp_nature") if isinstance(r.prior_final, (int, float))]
    if nature:
        prior = float(sum(r.prior_final for r in nature))
        rel = _column_rel(ctx, "exp_function", "prior", "上年决算数", None,
                          "功能分类科目的上年决算数", "支出性质表（基本支出 + 项目支出）上年决算数",
                          total_value=prior, where=ctx.at_row(nature[0], "prior_final"))
        if rel:
            yield rel


@rule("PX119", "function-sum", ERROR, title="功能分类科目合计与支出合计不符",
      message=_TEMPLATE, cases=[
          fails("3244335.71 + 10000 ≠ 3254335.00", at="exp_total_stated",
                values={"exp_total_stated": 3254335.0},
                rows={"exp_function": [{"subject": "一般公共服务支出", "current": 3244335.71},
                                       {"subject": "其他公共安全支出", "current": 10000.0}]}),
          fails("功能分类上年合计 1880 ≠ 支出性质上年合计 1830（报告与工作簿的较上年增减不同）",
                at="exp_nature[0].prior_final", expected=1880,
                rows={"exp_nature": [{"item": "基本支出", "prior_final": 1000},
                                     {"item": "项目支出", "prior_final": 830}],
                      "exp_function": [{"subject": "一般公共服务支出", "current": 1000, "prior": 1880}]}),
          passes("功能分类上年合计 = 支出性质上年合计 1830",
                 rows={"exp_nature": [{"item": "基本支出", "prior_final": 1000},
                                      {"item": "项目支出", "prior_final": 830}],
                       "exp_function": [{"subject": "一般公共服务支出", "prior": 1830}]}),
          passes("seed 000: 七个科目之和 17333259.20 = 支出合计",
                 values={"exp_total_stated": 17333259.2},
                 rows={"exp_function": [
                     {"subject": "一般公共服务支出", "current": 3244335.71},
                     {"subject": "其他公共安全支出", "current": 10000.0},
                     {"subject": "社会保障和就业支出", "current": 758799.44},
                     {"subject": "卫生健康支出", "current": 225387.8},
                     {"subject": "城乡社区支出", "current": 72000.0},
                     {"subject": "商业服务业等支出", "current": 12830454.25},
                     {"subject": "住房保障支出", "current": 192282.0}]}),
      ])
def function_sum(ctx):
    """按功能分类科目的本年决算数之和应等于支出合计（未填支出合计时为全年执行数），上年决算数之和
    应等于上年支出合计，也应等于支出性质表（基本支出 + 项目支出）的上年决算数之和：工作簿的
    “较上年增减额（计算）”按功能分类计算，报告的“较上年决算增加/减少”按支出性质表计算，两个
    上年合计不同，两处就会写出不同的增减额（issue 13 第 7 项）。

    合格：种子 000 七个科目本年 17333259.20、上年 6805660.47，与两处合计一致（seed-audit 000.H06、H21）。
    不合格：两个科目之和 3254335.71，支出合计填写 3254335.00。
    """
    yield from _emit(ctx, "PX119")


# ---- PX150 rounding-level differences ------------------------------------------------------------
@rule("PX150", "rounding-difference", WARNING, title="合计与分项之和相差尾数",
      message="{what}合计为 {sum}（{parts}），{total_label}填写 {total}，相差 {diff}，在分项四舍五入的范围内；"
              "请按原始数据核对尾数（{source}）",
      cases=[
          fails("seed 004: 924.72 + 265.4 + 1009.27 + 2.94 = 2202.33，基本支出 2202.32",
                at="exp_nature[0].executed", expected=2202.33,
                values={"amount_unit": "万元"},
                rows={"exp_nature": [{"item": "基本支出", "executed": 2202.32}],
                      "exp_basic": [{"item": "工资福利支出", "executed": 924.72},
                                    {"item": "商品和服务支出", "executed": 265.4},
                                    {"item": "对个人和家庭的补助", "executed": 1009.27},
                                    {"item": "资本性支出", "executed": 2.94}]}),
          passes("元 为单位的金额精确到分，相差 0.01 按错误处理（PX104），不算尾差",
                 values={"amount_unit": "元"},
                 rows={"exp_nature": [{"item": "基本支出", "executed": 2202.32}],
                       "exp_basic": [{"item": "工资福利支出", "executed": 2202.33}]}),
      ])
def rounding_difference(ctx):
    """万元工作簿中每个金额都是由元四舍五入得来的，合计与分项之和可以相差分项舍入的累计
    （每个数最多半个末位单位）。这样的差额不是计算错误，但仍值得按原始数据核对，故为警告；
    超出此范围的差额由各合计规则（PX101–PX108、PX114、PX119）报错。元为单位时不适用。

    合格：元工作簿中相差 0.01（由 PX104 报错，不在此提示）。
    不合格：924.72 + 265.4 + 1009.27 + 2.94 = 2202.33，基本支出填写 2202.32（种子 004，seed-audit 004.X03）。
    """
    from perfxl.checks.compare import fmt_amount
    for code, rel in rounding_only(ctx):
        exp, act = expected_actual(rel)
        yield ctx.hit(rel.where, expected=exp, actual=act, related=rel.related,
                      diff=fmt_amount(abs(rel.total - rel.sum)), source=code, **args(rel))
