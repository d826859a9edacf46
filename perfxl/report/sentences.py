"""Generated sentences of the report, written like the seeds write them, from computed figures.

Each function takes a ``Model`` and returns one sentence (``str``) or a list of paragraphs; every
figure is computed (``perfxl.derived``, the workbook's formulas in Python) and formatted by
``perfxl.report.fmt``.  Amounts
are in ``model.unit``.  An empty required input shows 「（未填写）」 at its place.
"""
from __future__ import annotations

import re

from perfxl import derived as D
from perfxl.layout import INCOME_SOURCES, THREE_PUBLIC_CAR_TOTAL, THREE_PUBLIC_ITEMS
from perfxl.model import Model, Row
from perfxl.numbers import excel_round
from perfxl.report.figures import (column_total, num, ratio, shares, staff_counts,
                                   three_public_totals)
from perfxl.report.fmt import (MISSING, change_phrase, fmt_amount, fmt_count,
                               fmt_quotient_rate, fmt_rate, fmt_score, paragraphs,
                               share_phrase)

__all__ = [
    "year_text", "income_sentence", "expenditure_sentence", "function_sentences",
    "basic_sentence", "three_public_sentence", "project_spending", "other_budget_sentence",
    "other_budget_section", "other_budget_notes",
    "staffing_sentences", "execution_sentence", "over_budget_note", "control_sentences",
]

#: How the report names each income source (the layout's row labels).
INCOME_LABELS = {
    "一般公共预算财政拨款": "一般公共预算财政拨款收入",
    "政府性基金预算拨款": "政府性基金预算拨款收入",
    "国有资本经营预算拨款": "国有资本经营预算拨款收入",
    # the 决算 tables' name: 「上年结转」 would read as a figure of last year, not a part of
    # this year's 收入合计
    "上年结转": "年初结转和结余",
}


def year_text(model: Model) -> str:
    """The evaluation year as text ("2023"), or 「（未填写）」."""
    return str(model.year) if model.year is not None else MISSING


def _ordered(rows: list[Row], column: str, order: tuple[str, ...]) -> list[Row]:
    rank = {label: i for i, label in enumerate(order)}
    return sorted(rows, key=lambda r: rank.get(r.get(column), len(rank)))


def _parts(labels: list[str], values: list[float | None], unit: str) -> list[str]:
    """「label金额，占x%」 for each non-empty value, shares of their total."""
    out = []
    for label, value, share in zip(labels, values, shares(values)):
        if num(value) is not None:
            out.append(f"{label}{fmt_amount(value, unit)}，{share_phrase(share)}")
    return out


def income_sentence(model: Model) -> str:
    """「2023年度收入合计414.31万元，其中：一般公共预算财政拨款收入414.31万元，占100%；…」

    Uses the 全年执行数 column of the 收入 table; when that column is empty, the 全年预算数
    column as 「全年预算收入合计」.
    """
    rows = _ordered(model.rows("income"), "source", INCOME_SOURCES)
    year, unit = year_text(model), model.unit
    for column, name in (("executed", "收入合计"), ("budget_full", "全年预算收入合计")):
        values = [r.get(column) for r in rows]
        t = column_total(rows, column)
        if t is not None:
            labels = [INCOME_LABELS.get(r.source, r.source or "") for r in rows]
            parts = _parts(labels, values, unit)
            return f"{year}年度{name}{fmt_amount(t, unit)}，其中：{'；'.join(parts)}。"
    return f"{year}年度收入合计{MISSING}。"


def _nature_rows(model: Model) -> list[Row]:
    return _ordered(model.rows("exp_nature"), "item", ("基本支出", "项目支出"))


def expenditure_sentence(model: Model) -> str:
    """「2023年度支出合计3,995.49万元，较上年决算…，其中：基本支出2,202.32万元，占55.12%；…」

    From the 支出性质 table (基本支出 / 项目支出); without it, from the 功能分类 table.
    """
    year, unit = year_text(model), model.unit
    rows = _nature_rows(model)
    t = column_total(rows, "executed")
    if t is not None:
        change = _expenditure_change(model, t, column_total(rows, "prior_final"))
        parts = _parts([r.item for r in rows], [r.executed for r in rows], unit)
        head = f"{year}年度支出合计{fmt_amount(t, unit)}"
        return f"{head}{'，' + change if change else ''}，其中：{'；'.join(parts)}。"
    frows = model.rows("exp_function")
    t = column_total(frows, "current")
    if t is not None:
        change = _expenditure_change(model, t, None)
        return f"{year}年度支出合计{fmt_amount(t, unit)}{'，' + change if change else ''}。"
    return f"{year}年度支出合计{MISSING}。"


def _expenditure_change(model: Model, total: float, nature_prior: float | None) -> str:
    """The one 较上年 change of 支出合计: the workbook's (支出!B20, 功能分类 basis) when both of
    its columns are filled — printed only when its 本年合计 is the ``total`` the sentence states
    (else the two bases disagree, PX119 says so, and no change is printed); otherwise the
    支出性质 basis (``nature_prior``), the workbook then showing none."""
    unit = model.unit
    if D.function_change(model) is None:
        return change_phrase(total, nature_prior, unit)
    current = D.function_current_sum(model)
    if fmt_amount(current) != fmt_amount(total):
        return ""
    return change_phrase(current, D.function_prior_sum(model), unit)


def function_sentences(model: Model) -> list[str]:
    """Per 功能分类科目: 「一般公共服务支出3,244,335.71元，占18.72%，较上年决算增加…」, one
    sentence per subject with a current or prior figure ([] when the table is empty)."""
    unit = model.unit
    rows = [r for r in model.rows("exp_function") if r.subject]
    cur_shares = shares([r.current for r in rows])
    out = []
    for r, share in zip(rows, cur_shares):
        cur, prior = num(r.current), num(r.prior)
        if cur is None and prior is None:
            continue
        if cur is None or cur == 0:
            out.append(f"{r.subject}本年无决算数，上年决算数{fmt_amount(prior, unit)}。")
            continue
        text = f"{r.subject}{fmt_amount(cur, unit)}，{share_phrase(share)}"
        if prior is None or prior == 0:
            text += "，上年无决算数"
        else:
            text += "，" + change_phrase(cur, prior, unit)
        out.append(text + "。")
    return out


def basic_sentence(model: Model) -> str:
    """「2023年度基本支出2,202.32万元，占支出合计的55.12%，其中：工资福利支出924.72万元，占41.99%；…」

    The total is the 基本支出 row of the 支出性质 table (else the sum of its economic items);
    each item's share is of the items' sum."""
    year, unit = year_text(model), model.unit
    nature = _nature_rows(model)
    basic = next((r for r in nature if r.item == "基本支出"), None)
    items = [r for r in model.rows("exp_basic") if r.item]
    t = num(basic.executed) if basic else None
    if t is None:
        t = column_total(items, "executed")
    if t is None:
        return f"{year}年度基本支出{MISSING}。"
    text = f"{year}年度基本支出{fmt_amount(t, unit)}"
    share = ratio(t, column_total(nature, "executed")) if basic else None
    if share is not None:
        text += f"，占支出合计的{fmt_rate(share)}"
    parts = _parts([r.item for r in items], [r.executed for r in items], unit)
    return text + (f"，其中：{'；'.join(parts)}。" if parts else "。")


#: how a sentence names a “三公”经费 row (the subtotal row's label says when to fill it)
_TP_NAMES = {THREE_PUBLIC_CAR_TOTAL: "公务用车购置及运行维护费"}


def three_public_sentence(model: Model) -> str:
    """「“三公”经费支出5.76万元，其中：…；较上年决算减少5.61万元，下降49.34%；本年预算55.77万元，
    “三公”经费控制率10.33%。」 ("" when nothing about 三公经费 is filled)."""
    unit = model.unit
    prior, budget, final = three_public_totals(model)
    if final is None and prior is None and budget is None:
        return ""
    # the rows that count in the 本年决算 total (the 公务用车 subtotal only without its split)
    rows = _ordered(D.tp_counted_rows(model, "final"), "item",
                    THREE_PUBLIC_ITEMS[:3] + (THREE_PUBLIC_CAR_TOTAL, THREE_PUBLIC_ITEMS[3]))
    items = [f"{_TP_NAMES.get(r.item, r.item)}{fmt_amount(r.final, unit)}" for r in rows
             if num(r.final) is not None]
    printed = [excel_round(float(r.final), 2) for r in rows if num(r.final) is not None]
    if final is None or fmt_amount(sum(printed) if printed else None) != fmt_amount(final):
        # items that do not add up (as printed) to the total are no breakdown of it: a typed
        # total they disagree with (PX105), or a cent of rounding between them
        items = []
    text = f"“三公”经费支出{fmt_amount(final, unit)}"
    if items:
        text += f"，其中：{'，'.join(items)}"
    phrase = change_phrase(final, prior, unit)
    if phrase:
        text += "；" + phrase
    if budget is not None:
        text += f"；本年预算{fmt_amount(budget, unit)}"
        control = D.three_public_control_rate(model)
        if control is not None:
            text += f"，“三公”经费控制率{fmt_rate(control)}"
    return text + "。"


def project_spending(model: Model) -> list[str]:
    """项目支出 paragraphs: the total and its share, then one clause per project of the 项目自评表
    with its 全年预算数, 全年执行数 and 执行率."""
    year, unit = year_text(model), model.unit
    nature = _nature_rows(model)
    proj = next((r for r in nature if r.item == "项目支出"), None)
    out = []
    if proj is not None and num(proj.executed) is not None:
        text = f"{year}年度项目支出{fmt_amount(proj.executed, unit)}"
        share = ratio(proj.executed, column_total(nature, "executed"))
        if share is not None:
            text += f"，占支出合计的{fmt_rate(share)}"
        change = change_phrase(proj.executed, proj.prior_final, unit)
        out.append(text + (f"，{change}" if change else "") + "。")
    projects = [r for r in model.rows("projects") if r.project]
    if projects:
        clauses = []
        for r in projects:
            # 「项目预算 / 项目执行」, not 「全年预算数 / 全年执行数」: those name the department's
            # figures, and a reader (or the proofreading) would take a project's for them
            clause = (f"“{r.project}”项目预算{fmt_amount(r.budget_full, unit)}，"
                      f"项目执行{fmt_amount(r.executed, unit)}")
            rate = D.project_execution_rate(r)
            if rate is not None:
                clause += f"，执行率{fmt_rate(rate)}" + over_budget_note(rate, r.executed,
                                                                        r.budget_full, unit)
            clauses.append(clause)
        out.append(f"本年度开展绩效自评的项目共{len(projects)}个：{'；'.join(clauses)}。")
    if not out:
        out.append(f"{year}年度项目支出{MISSING}。")
    return out


_OTHER_BUDGETS = {
    "gov_fund_exp": ("政府性基金预算支出", "政府性基金预算拨款"),
    "state_capital_exp": ("国有资本经营预算支出", "国有资本经营预算拨款"),
    "social_insurance_exp": ("社会保险基金预算支出", None),
}


#: the words by which a sentence of the 其他预算支出说明 names its budget (its report section)
_NOTE_WORDS = {
    "gov_fund_exp": ("政府性基金",),
    "state_capital_exp": ("国有资本",),
    "social_insurance_exp": ("社会保险基金", "社保基金"),
}
_SENTENCE = re.compile(r"[^。！？；]*[。！？；]?")


def other_budget_notes(model: Model) -> tuple[dict[str, str], list[str]]:
    """The 其他预算支出说明 (``special_exp_note``) split by the section each sentence belongs to:
    ({key: sentences naming that budget only}, paragraphs of the rest).  Keys as in
    :func:`other_budget_sentence`; 「国有资本经营预算支出主要用于现代服务方面。」 (seed 004) goes to
    ``state_capital_exp`` (四、国有资本经营预算支出情况), not after 五、社会保险基金预算支出情况."""
    placed: dict[str, str] = {}
    rest: list[str] = []
    for para in paragraphs(model.get("special_exp_note")):
        left = []
        for sentence in (x for x in _SENTENCE.findall(para) if x.strip()):
            keys = [k for k, words in _NOTE_WORDS.items() if any(w in sentence for w in words)]
            if len(keys) == 1:
                placed[keys[0]] = placed.get(keys[0], "") + sentence
            else:
                left.append(sentence)
        if "".join(left).strip():
            rest.append("".join(left).strip())
    return placed, rest


def other_budget_section(model: Model, key: str) -> str:
    """The paragraph of section 三/四/五: :func:`other_budget_sentence` followed by the sentences
    of the 其他预算支出说明 that name this budget."""
    return other_budget_sentence(model, key) + other_budget_notes(model)[0].get(key, "")


def other_budget_sentence(model: Model, key: str) -> str:
    """「本单位无政府性基金预算支出。」 or 「本单位2023年度国有资本经营预算支出19.20万元。」

    ``key`` is one of ``gov_fund_exp``, ``state_capital_exp``, ``social_insurance_exp``; when
    the field is empty, the matching income row's 全年执行数 is used; empty or 0 means none."""
    name, income_row = _OTHER_BUDGETS[key]
    value = num(model.get(key))
    if value is None and income_row:
        row = model.row("income", income_row)
        value = num(row.executed) if row else None
    if not value:
        return f"本单位无{name}。"
    return f"本单位{year_text(model)}年度{name}{fmt_amount(value, model.unit)}。"


def staffing_sentences(model: Model) -> list[str]:
    """编制 and 实有人数 by category, 离退休, and the 在职人员控制率 with its operands."""
    rows = [r for r in model.rows("staffing") if r.category]
    out = []
    auth = [(r.category, num(r.authorized)) for r in rows if num(r.authorized) is not None]
    if auth:
        total = sum(v for _, v in auth)
        parts = "、".join(f"{c}编制{fmt_count(v)}名" for c, v in auth)
        out.append(f"核定编制{fmt_count(total)}名，其中：{parts}。")
    act = [(r.category, num(r.actual)) for r in rows if num(r.actual) is not None]
    if act:
        total = sum(v for _, v in act)
        parts = "、".join(f"{c}{fmt_count(v)}人" for c, v in act)
        text = f"年末实有在职人员{fmt_count(total)}人，其中：{parts}"
        extras = [(label, num(model.get(key))) for key, label in
                  (("retired", "离退休人员"), ("temporary", "临聘人员"),
                   ("seconded", "挂职及其他人员"))]
        extras = [f"{label}{fmt_count(v)}人" for label, v in extras if v]
        out.append(text + ("；另有" + "、".join(extras) if extras else "") + "。")
    authorized, in_service = staff_counts(model)
    rate = D.staff_control_rate(model)
    if authorized is not None or in_service is not None:
        out.append(f"财政供养人员编制数{fmt_count(authorized)}人，实际在职人数"
                   f"{fmt_count(in_service)}人，在职人员控制率{fmt_rate(rate)}。")
    return out or [f"人员情况{MISSING}。"]


def over_budget_note(rate: float | None, executed: object, budget: object, unit: str) -> str:
    """「，执行数超出预算数X万元，超出原因（未填写）」 where 执行率 > 100% (an execution above the
    budget asks for its reason: 动用上年结转, a 追加 not adjusted…; the workbook has no field for
    it, so the place shows 「（未填写）」 for the user to fill); "" otherwise."""
    if rate is None or rate <= 1 or num(executed) is None or num(budget) is None:
        return ""
    return (f"，执行数超出预算数{fmt_amount(num(executed) - num(budget), unit)}，"
            f"超出原因{MISSING}")


def execution_sentence(model: Model) -> str:
    """「年初预算数…，全年预算数…，全年执行数…，预算执行率96.79%，执行率得分9.68分（分值10分）。」"""
    unit = model.unit
    text = (f"年初预算数{fmt_amount(model.get('budget_initial'), unit)}，"
            f"全年预算数{fmt_amount(model.get('budget_full'), unit)}，"
            f"全年执行数{fmt_amount(model.get('executed'), unit)}，"
            f"预算执行率{fmt_quotient_rate(D.execution_rate(model), model.get('budget_full'))}"
            + over_budget_note(D.execution_rate(model), model.get("executed"),
                               model.get("budget_full"), unit))
    from perfxl.report.scores import unscored_framework
    score, weight = D.execution_score(model), num(model.get("execution_weight"))
    if score is not None and not unscored_framework(model):
        text += f"，执行率得分{fmt_score(score)}分（分值{fmt_score(weight)}分）"
    return text + "。"


def control_sentences(model: Model) -> list[str]:
    """预算配置与控制: 在职人员控制率, “三公”经费, 预算调整率, 公用经费控制率, 政府采购执行率,
    结转结余 and 存量资金 变动率, 固定资产利用率 — each only when its operands are filled."""
    unit = model.unit
    out = []
    authorized, in_service = staff_counts(model)
    rate = D.staff_control_rate(model)
    if rate is not None:
        out.append(f"在职人员控制率{fmt_rate(rate)}（实际在职人数{fmt_count(in_service)}人，"
                   f"编制数{fmt_count(authorized)}人）。")
    # the whole “三公” sentence stands under 基本支出; here only its control rate, as the
    # other rates (the same paragraph twice in one report reads as a mistake)
    control = D.three_public_control_rate(model)
    if control is not None:
        _prior, budget, final = three_public_totals(model)
        out.append(f"“三公”经费控制率{fmt_rate(control)}（本年决算{fmt_amount(final, unit)} ÷ "
                   f"本年预算{fmt_amount(budget, unit)}）。")
    adj = D.budget_adjustment_rate(model)
    if adj is not None and num(model.get("budget_adjustment")) is not None:
        out.append(f"预算调整数{fmt_amount(model.get('budget_adjustment'), unit)}，"
                   f"预算调整率{fmt_rate(adj)}。")
    for fn, name, a, b in (
            (D.public_funds_control_rate, "公用经费控制率", "public_funds_final",
             "public_funds_budget"),
            (D.procurement_rate, "政府采购执行率", "procurement_actual", "procurement_budget")):
        r = fn(model)
        if r is not None:
            over = over_budget_note(r, model.get(a), model.get(b), unit) \
                if name == "政府采购执行率" else ""
            out.append(f"{name}{fmt_rate(r)}（{fmt_amount(model.get(a), unit)} ÷ "
                       f"{fmt_amount(model.get(b), unit)}）{over}。")
    for fn, name, cur, prior in (
            (D.carryover_change_rate, "结转结余", "carryover_current", "carryover_prior"),
            (D.stock_funds_change_rate, "存量资金", "stock_funds_current", "stock_funds_prior")):
        r = fn(model)
        if r is not None:
            # earlier figure first, as a 变动率 is read: (后 − 前) ÷ 前
            out.append(f"上年末{name}{fmt_amount(model.get(prior), unit)}，本年末"
                       f"{fmt_amount(model.get(cur), unit)}，{name}变动率{fmt_rate(r)}。")
    r = D.fixed_asset_utilization(model)
    if r is not None:
        out.append(f"固定资产利用率{fmt_rate(r)}。")
    return out
