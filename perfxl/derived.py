"""Every derived figure of the standard workbook, computed from a ``Model`` in plain Python.

Each function mirrors the formula of the field or column of the same name in ``perfxl.layout``
(the workbook's own formulas), so Python and the workbook agree: a blank input counts as 0 where
the formula's arithmetic does, and a function returns ``None`` where the formula shows ""
(division by zero, missing input).  Amounts are in the workbook's unit (``Model.unit``: 元 or
万元), rates are fractions (0.9679 = 96.79%), weights and scores in 分.

Names are the English identifiers of the Chinese terms (docs/frameworks.md lists the mapping);
``MEASURES`` maps the names that frameworks may cite (``measure = "..."``) to their function.
Formulas: 财预〔2013〕53号 common indicators (domain.md §2), Hunan variants (§3.1), the project and
department 自评表 (§1.2–§1.4).
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from perfxl.model import Model, Row
from perfxl.numbers import excel_round
from perfxl.typed import TextNumber

__all__ = [
    "authorized_sum", "actual_sum", "staff_counts", "staff_control_rate",
    "income_initial_sum", "income_full_sum", "income_executed_sum", "income_prior_sum",
    "income_share", "basic_executed_sum", "nature_executed_sum", "function_current_sum",
    "function_prior_sum", "function_change", "function_row_change", "function_row_change_rate",
    "function_row_share", "tp_counted_rows", "tp_total", "tp_prior_sum", "tp_budget_sum", "tp_final_sum", "tp_change",
    "three_public_change_rate", "three_public_control_rate", "public_funds_control_rate",
    "procurement_rate", "carryover_change_rate", "stock_funds_change_rate",
    "fixed_asset_utilization", "execution_rate", "execution_score", "budget_adjustment_rate",
    "budget_completion_rate", "budget_completion_rate_hunan", "carryover_rate",
    "carryover_current", "carryover_prior", "dept_weight_sum", "dept_score_sum", "dept_grade",
    "indicator_row_score", "indicator_weight_sums", "fill_down", "system_score_sum",
    "bonus_row_score", "project_execution_rate", "project_execution_score",
    "project_score_total", "project_indicator_rows", "project_rescale", "MEASURES", "measure",
    "COLUMN_FUNCTIONS", "field_value",
    "column_value", "summed", "indicator_row_error", "text_weight_score",
    "execution_score_error", "project_execution_score_error", "dept_score_sum_error",
    "project_score_total_error",
]


# ---- spreadsheet semantics ---------------------------------------------------------------------
def _is_num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _blank(v: Any) -> bool:
    """``cell=""`` in a formula: an empty cell or an empty string."""
    return v is None or v == ""


def _typed(v: Any) -> bool:
    """A number cell's value that is a number to SUM, N() and COUNT: not text (a
    ``TextNumber`` is text that only arithmetic reads as its number)."""
    return _is_num(v) and not isinstance(v, TextNumber)


def _n(v: Any) -> float:
    """Excel's N(): a number stays, anything else (text included) is 0."""
    return float(v) if _typed(v) else 0.0


def _arith(v: Any) -> float | None:
    """A cell used in arithmetic: blank is 0, a number stays, text is an error (``None``)."""
    if _blank(v):
        return 0.0
    return float(v) if _is_num(v) else None


def _div(a: Any, b: Any) -> float | None:
    """IFERROR(a/b, ""): ``None`` on a zero or blank divisor or a text operand."""
    x, y = _arith(a), _arith(b)
    if x is None or y is None or y == 0:
        return None
    return x / y


def _sum(values: Iterable[Any]) -> float:
    """SUM over a range: numbers only; blanks and text are ignored."""
    return float(sum(float(v) for v in values if _typed(v)))


def summed(v: Any) -> float | None:
    """A cell's value as SUM, SUMPRODUCT and N() count it: a number stays; blank and text —
    a ``TextNumber`` (「10」 typed as text in a 分值 cell) included — count nothing (``None``).
    Every 分值合计 adds its parts through this, as the workbook's 分值合计（计算） does."""
    return float(v) if _typed(v) else None


def _col(model: Model, table: str, column: str) -> list[Any]:
    return [r.get(column) for r in model.rows(table)]


def _v(model: Model, key: str) -> Any:
    return formula_value(model, key)


def formula_value(model: Model, key: str) -> Any:
    """Field ``key`` as the workbook's formulas see it: its model value, or the text typed in a
    number cell that no formula reads as a number (``SourceInfo.unreadable_text``: arithmetic on
    it is #VALUE!, its ``TRIM(cell)=""`` test false), which the model holds as blank."""
    v = model.values.get(key)
    if v is None and model.source is not None:
        return model.source.unreadable_text.get(key)
    return v


def row_formula_value(row: Row, key: str) -> Any:
    """Cell ``key`` of a table row as the workbook's formulas see it: its model value, or the
    text typed in a number cell that no formula reads as a number (``Row.unreadable``:
    arithmetic on it is #VALUE!, its ``TRIM(cell)=""`` test false), held as blank in the model."""
    v = row.values.get(key)
    return row.unreadable.get(key) if v is None else v


# ---- 人员编制 staffing -------------------------------------------------------------------------
def authorized_sum(model: Model) -> float:
    """编制数（分类合计）= SUM(staffing.authorized), persons."""
    return _sum(_col(model, "staffing", "authorized"))


def actual_sum(model: Model) -> float:
    """实有人数（分类合计）= SUM(staffing.actual), persons."""
    return _sum(_col(model, "staffing", "actual"))


def staff_counts(model: Model) -> tuple[float | None, float | None]:
    """(编制数, 实际在职人数) as ``staff_control_rate`` takes them, persons: each the typed total
    (``authorized_total`` / ``in_service_total``) when filled, else the sum of the 人员编制
    table's categories; ``None`` where neither holds a figure."""
    out = []
    for key, column in (("authorized_total", "authorized"), ("in_service_total", "actual")):
        v = _v(model, key)
        if _is_num(v):
            out.append(float(v))
        else:
            values = _col(model, "staffing", column)
            out.append(_sum(values) if any(_typed(x) for x in values) else None)
    return out[0], out[1]


def staff_control_rate(model: Model) -> float | None:
    """在职人员控制率 (财政供养人员控制率) = 实际在职人数 ÷ 编制数, fraction; the stated totals
    (``in_service_total``, ``authorized_total``) when filled, else the category sums.
    财预〔2013〕53号 (domain.md §2 [S17, S15, S19]); seed 000 L214 90.48%, seed 004 L65 53/56."""
    num = _v(model, "in_service_total")
    den = _v(model, "authorized_total")
    return _div(actual_sum(model) if _blank(num) else num,
                authorized_sum(model) if _blank(den) else den)


# ---- 收入 income ------------------------------------------------------------------------------
def income_initial_sum(model: Model) -> float:
    """年初预算数合计 = SUM(income.budget_initial), amount."""
    return _sum(_col(model, "income", "budget_initial"))


def income_full_sum(model: Model) -> float:
    """全年预算数合计 = SUM(income.budget_full), amount."""
    return _sum(_col(model, "income", "budget_full"))


def income_executed_sum(model: Model) -> float:
    """全年执行数合计 = SUM(income.executed), amount."""
    return _sum(_col(model, "income", "executed"))


def income_prior_sum(model: Model) -> float:
    """上年决算数合计 = SUM(income.prior_final), amount."""
    return _sum(_col(model, "income", "prior_final"))


def income_share(model: Model, row: Row) -> float | None:
    """占执行数比重 of an income row = executed ÷ SUM(income.executed), fraction."""
    return _div(row.executed, income_executed_sum(model))


# ---- 支出 expenditure -------------------------------------------------------------------------
def basic_executed_sum(model: Model) -> float:
    """基本支出经济分类合计 = SUM(exp_basic.executed), amount."""
    return _sum(_col(model, "exp_basic", "executed"))


def nature_executed_sum(model: Model) -> float:
    """基本支出 + 项目支出 = SUM(exp_nature.executed), amount."""
    return _sum(_col(model, "exp_nature", "executed"))


def function_current_sum(model: Model) -> float:
    """功能分类本年合计 = SUM(exp_function.current), amount."""
    return _sum(_col(model, "exp_function", "current"))


def function_prior_sum(model: Model) -> float:
    """功能分类上年合计 = SUM(exp_function.prior), amount."""
    return _sum(_col(model, "exp_function", "prior"))


def function_change(model: Model) -> float | None:
    """较上年增减额 = 功能分类本年合计 − 上年合计, amount (negative = 减少); ``None`` unless both
    columns hold a figure (a blank 上年 column is not 0)."""
    cur, prior = _col(model, "exp_function", "current"), _col(model, "exp_function", "prior")
    if not any(_typed(v) for v in cur) or not any(_typed(v) for v in prior):  # COUNT()
        return None
    return function_current_sum(model) - function_prior_sum(model)


def function_row_change(row: Row) -> float | None:
    """增减额 of a 功能分类 row = N(current) − N(prior); ``None`` when both are blank (text is
    not blank there, and 0 to N)."""
    if _blank(row_formula_value(row, "current")) and _blank(row_formula_value(row, "prior")):
        return None
    return _n(row.current) - _n(row.prior)


def function_row_change_rate(row: Row) -> float | None:
    """增减率 of a 功能分类 row = (current − prior) ÷ prior, fraction; ``None`` when prior is 0
    or blank."""
    if _n(row.prior) == 0:
        return None
    return (_n(row.current) - float(row.prior)) / float(row.prior)


def function_row_share(model: Model, row: Row) -> float | None:
    """占比 of a 功能分类 row = current ÷ SUM(exp_function.current), fraction; ``None`` when
    current is blank (seed 000 L86–L92)."""
    if _blank(row.current):
        return None
    return _div(row.current, function_current_sum(model))


# ---- “三公”经费 and other controls ------------------------------------------------------------
def tp_counted_rows(model: Model, column: str) -> list[Row]:
    """The “三公”经费 rows whose ``column`` counts in its 合计: the four items, and the 公务用车
    subtotal row (``layout.THREE_PUBLIC_CAR_TOTAL``) only where neither 公务用车 split row holds
    a figure in that column (a stated 公务用车 11.86 without 购置 / 运行维护 counts once)."""
    from perfxl.layout import THREE_PUBLIC_CAR_TOTAL, THREE_PUBLIC_ITEMS
    rows = model.rows("three_public")
    split = any(_typed(r.get(column)) for r in rows if r.item in THREE_PUBLIC_ITEMS[1:3])
    return [r for r in rows if r.item != THREE_PUBLIC_CAR_TOTAL or not split]


def tp_prior_sum(model: Model) -> float:
    """“三公”经费上年决算合计 = Σ counted rows' 上年决算数 (``tp_counted_rows``), amount."""
    return _sum(r.get("prior_final") for r in tp_counted_rows(model, "prior_final"))


def tp_budget_sum(model: Model) -> float:
    """“三公”经费本年预算合计 = Σ counted rows' 本年预算数 (``tp_counted_rows``), amount."""
    return _sum(r.get("budget") for r in tp_counted_rows(model, "budget"))


def tp_final_sum(model: Model) -> float:
    """“三公”经费本年决算合计 = Σ counted rows' 本年决算数 (``tp_counted_rows``), amount."""
    return _sum(r.get("final") for r in tp_counted_rows(model, "final"))


def _trim_blank(v: Any) -> bool:
    """``TRIM(cell)=""``: empty, or only ASCII spaces (Excel's TRIM keeps other blanks)."""
    return _blank(v) or (isinstance(v, str) and not v.strip(" "))


def tp_total(model: Model, column: str) -> float | None:
    """One “三公”经费 total as 经费控制 takes it, amount: the typed total (``tp_*_stated``) when
    typed, else the sum of the item rows; ``None`` when neither holds a figure (or the typed
    total is text, an error in the workbook's arithmetic).  ``column`` is ``prior_final``,
    ``budget`` or ``final``."""
    stated = _v(model, {"prior_final": "tp_prior_stated", "budget": "tp_budget_stated",
                        "final": "tp_final_stated"}[column])
    if not _trim_blank(stated):
        return float(stated) if _is_num(stated) else None
    values = _col(model, "three_public", column)
    if not any(_typed(v) for v in values):
        return None
    return {"prior_final": tp_prior_sum, "budget": tp_budget_sum,
            "final": tp_final_sum}[column](model)


def tp_change(model: Model) -> float | None:
    """“三公”经费较上年增减额 = 本年决算合计 − 上年决算合计, amount, each total as ``tp_total``
    takes it; ``None`` when either total is blank (a blank total is not 0)."""
    final, prior = tp_total(model, "final"), tp_total(model, "prior_final")
    return None if final is None or prior is None else final - prior


def three_public_change_rate(model: Model) -> float | None:
    """“三公经费”变动率 = (本年 − 上年) ÷ 上年, fraction.  财预〔2013〕53号 (domain.md §2 [S17,
    S15, S16]); seed 004 L79: 11.37 → 5.76 gives −49.34%."""
    change, prior = tp_change(model), _v(model, "tp_prior_stated")
    if change is None:  # IFERROR(""/上年, ""): no change, no rate
        return None
    return _div(change, tp_prior_sum(model) if _blank(prior) else prior)


def three_public_control_rate(model: Model) -> float | None:
    """“三公经费”控制率 = 实际支出数 ÷ 预算安排数, fraction (domain.md §2 [S13])."""
    final, budget = _v(model, "tp_final_stated"), _v(model, "tp_budget_stated")
    return _div(tp_final_sum(model) if _blank(final) else final,
                tp_budget_sum(model) if _blank(budget) else budget)


def public_funds_control_rate(model: Model) -> float | None:
    """公用经费控制率 = 公用经费决算数 ÷ 预算数, fraction (53号 [R], domain.md §2)."""
    return _div(_v(model, "public_funds_final"), _v(model, "public_funds_budget"))


def procurement_rate(model: Model) -> float | None:
    """政府采购执行率 = 实际政府采购金额 ÷ 政府采购预算数, fraction (domain.md §2, S9);
    seed 000 L172: 69710 ÷ 69910 = 99.71%."""
    return _div(_v(model, "procurement_actual"), _v(model, "procurement_budget"))


def carryover_change_rate(model: Model) -> float | None:
    """结转结余变动率 = (本年末 − 上年末结转结余) ÷ 上年末, fraction (domain.md §2 [S23])."""
    cur, pri = _arith(_v(model, "carryover_current")), _v(model, "carryover_prior")
    return None if cur is None or _arith(pri) is None else _div(cur - _arith(pri), pri)


def stock_funds_change_rate(model: Model) -> float | None:
    """存量资金变动率 = (本年末 − 上年末存量资金余额) ÷ 上年末, fraction; seed 000 L168
    (31906.8 → 37633.45: 17.95%)."""
    cur, pri = _arith(_v(model, "stock_funds_current")), _v(model, "stock_funds_prior")
    return None if cur is None or _arith(pri) is None else _div(cur - _arith(pri), pri)


def fixed_asset_utilization(model: Model) -> float | None:
    """固定资产利用率 = 实际在用固定资产总额 ÷ 所有固定资产总额, fraction (domain.md §2)."""
    return _div(_v(model, "fixed_assets_in_use"), _v(model, "fixed_assets_total"))


def carryover_current(model: Model) -> float | None:
    """本年末结转结余, amount (as entered; ``None`` when blank)."""
    v = _v(model, "carryover_current")
    return float(v) if _is_num(v) else None


def carryover_prior(model: Model) -> float | None:
    """上年末结转结余, amount (as entered; ``None`` when blank)."""
    v = _v(model, "carryover_prior")
    return float(v) if _is_num(v) else None


# ---- 部门自评表 funds -------------------------------------------------------------------------
def execution_rate(model: Model) -> float | None:
    """执行率 = 全年执行数 ÷ 全年预算数, fraction (domain.md §1.4 [S3, S4]); seed 004 L134:
    3995.49 ÷ 4128.02 = 96.79%."""
    return _div(_v(model, "executed"), _v(model, "budget_full"))


def execution_score(model: Model) -> float | None:
    """执行率得分 = ROUND(执行率分值 × min(执行率, 1), 2), 分; ``None`` without 分值 or rate."""
    from perfxl.scoring.rules import execution_score as rule
    w = _v(model, "execution_weight")
    return None if _blank(w) or not _is_num(w) else rule(execution_rate(model), float(w))


def budget_adjustment_rate(model: Model) -> float | None:
    """预算调整率 = 预算调整数 ÷ 年初预算数, fraction, signed (调减 negative).  财预〔2013〕53号
    (domain.md §2 [R]); Hunan 预算控制率 = 本年追加 ÷ 年初预算 [S15, S16]; seed 000 L228:
    1780823.20 ÷ 17210340.15 = 10.35%."""
    return _div(_v(model, "budget_adjustment"), _v(model, "budget_initial"))


def budget_completion_rate(model: Model) -> float | None:
    """预算完成率 = 预算完成数 ÷ 预算数 (财预〔2013〕53号 [R], domain.md §2), read as 全年执行数 ÷
    全年预算数 (the same figure as 执行率), fraction."""
    return execution_rate(model)


def budget_completion_rate_hunan(model: Model) -> float | None:
    """Hunan 预算完成率 = (上年结转 + 年初预算 + 本年追加 − 年末结余) ÷ (上年结转 + 年初预算 +
    本年追加), fraction (domain.md §3.1 [S15]); ``None`` without 年初预算数 or 年末结转结余."""
    init, end = _v(model, "budget_initial"), _v(model, "carryover_current")
    if not _is_num(init) or not _is_num(end):
        return None
    base = _n(_v(model, "carryover_prior")) + float(init) + _n(_v(model, "budget_adjustment"))
    return _div(base - float(end), base)


def carryover_rate(model: Model) -> float | None:
    """结转结余率 = 结转结余总额 ÷ 支出预算数, read as 本年末结转结余 ÷ 全年预算数, fraction
    (财预〔2013〕53号 [R], domain.md §2; S23 divides by 支出完成数 instead); ``None`` when the
    年末结转结余 is blank."""
    cur = _v(model, "carryover_current")
    return None if _blank(cur) else _div(cur, _v(model, "budget_full"))


# ---- indicator tables -------------------------------------------------------------------------
def fill_down(rows: list[Row], columns: tuple[str, ...] = ("level1", "level2")) -> list[dict]:
    """The rows' values with blank 一级/二级 labels carried down from the row above (official
    forms write a label once for a merged block, seed 004 L203–L300); a new 一级 resets 二级."""
    out: list[dict] = []
    last: dict[str, Any] = {c: None for c in columns}
    for r in rows:
        vals = dict(r.values)
        for i, c in enumerate(columns):
            v = vals.get(c)
            if _blank(v):
                vals[c] = last[c]
            else:
                if v != last[c]:
                    for lower in columns[i + 1:]:
                        last[lower] = None
                last[c] = v
        out.append(vals)
    return out


def indicator_row_score(model: Model, row: Row) -> float | None:
    """得分（计算） of a dept/project indicator row: ``INDICATOR_SCORE_FORMULA``'s value, 分
    (see ``perfxl.scoring.rules.indicator_score``); bands follow the workbook's framework."""
    from perfxl.scoring.rules import indicator_score
    from perfxl.scoring.bands import workbook_bands
    w = row.weight
    if row.applicable != "否" and isinstance(row_formula_value(row, "weight"), str):
        return text_weight_score(row)
    if indicator_text_operand(row) is not None:
        return text_indicator_score(row)
    return indicator_score(row.nature, row.direction, _num_or_none(row.target),
                           _num_or_none(row.actual), None if _blank(w) else _num_or_none(w),
                           row.achievement, _num_or_none(row.score_stated),
                           _num_or_none(row.target_upper), applicable=row.applicable,
                           bands=workbook_bands(_v(model, "framework")))


def indicator_text_operand(row: Row) -> tuple[str, str] | None:
    """(column, text) of the 指标值（数值） or 实际值（数值） of a 定量 indicator row that holds text
    no formula reads as a number while the other operand is filled — the row
    ``text_indicator_score`` scores — else ``None``."""
    if row.nature == "定性" or _blank(row_formula_value(row, "target")) \
            or _blank(row_formula_value(row, "actual")):
        return None
    texts = ((k, row_formula_value(row, k)) for k in ("target", "actual"))
    return next(((k, v.strip()) for k, v in texts if isinstance(v, str)), None)


def text_indicator_score(row: Row) -> float | None:
    """``INDICATOR_SCORE_FORMULA`` on a 定量 row whose 指标值 or 实际值 holds text no formula reads
    as a number (「≥90%」「95分」) and the other operand filled: its arithmetic on the text is
    #VALUE! (``None``), but its comparisons put text above every number (Excel and LibreOffice
    alike), which settle a few cases without arithmetic."""
    t, a = row_formula_value(row, "target"), row_formula_value(row, "actual")
    w = row.weight
    if row.applicable == "否" or not _is_num(w):
        return None
    w, d = float(w), row.direction or ""
    if d == "≤":  # IF(a<=0, w, w*…t/a): a text is not <= 0
        return excel_round(w, 2) if _is_num(a) and a <= 0 else None
    if d == "=":  # IF(a=t, w, IF(t=0, 0, w*…a/t))
        if not _is_num(a) and not _is_num(t) and str(a).casefold() == str(t).casefold():
            return excel_round(w, 2)
        return 0.0 if _is_num(t) and t == 0 else None
    if d == "区间" and not _blank(row_formula_value(row, "target_upper")):
        # IF(a<t, IF(t<=0, 0, w*…a/t), IF(a<=u, w, IF(u<=0, 0, w*…u/a)))
        u = row_formula_value(row, "target_upper")
        if _is_num(t) and not _is_num(a) and _is_num(u):  # a text: not < t, not <= u
            return 0.0 if u <= 0 else None
        return None
    # ≥: IF(t<=0, IF(a>=t, w, 0), w*…a/t); a text is >= any number
    return excel_round(w, 2) if _is_num(t) and t <= 0 and not _is_num(a) else None


def _lt(x: Any, y: Any) -> bool:
    """``x<y`` in a formula: numbers by value, text by its letters (case ignored), and text
    above every number (Excel and LibreOffice alike)."""
    if _is_num(x) and _is_num(y):
        return x < y
    if _is_num(x) or _is_num(y):
        return _is_num(x)
    return str(x).casefold() < str(y).casefold()


def _eq(x: Any, y: Any) -> bool:
    """``x=y`` in a formula: a number never equals text; text compares with case ignored."""
    if _is_num(x) and _is_num(y):
        return x == y
    return not _is_num(x) and not _is_num(y) and str(x).casefold() == str(y).casefold()


def text_weight_score(row: Row) -> float | None:
    """``INDICATOR_SCORE_FORMULA`` on an applicable row whose 分值 holds text no formula reads
    as a number (「10分」): ``None`` where the formula gives #VALUE! — it multiplies the 分值
    (N19*0.8, N19*MAX(…)) or ends in ROUND(N19, 2) — else the score it gives without touching
    it: MIN(MAX(N(得分（填报）),0), N19) skips the text (定性 without 达成程度, 定量 without
    指标值 or 实际值), and a few comparisons end in 0."""
    t, a = row_formula_value(row, "target"), row_formula_value(row, "actual")
    if row.nature == "定性" and row.achievement not in ("达成", "部分达成", "未达成") or \
            row.nature != "定性" and (_blank(t) or _blank(a)):
        return excel_round(max(_n(row.score_stated), 0.0), 2)
    if row.nature == "定性":
        return None
    d, u = row.direction or "", row_formula_value(row, "target_upper")
    at_most_0 = lambda x: _is_num(x) and x <= 0  # noqa: E731 - text is not <= 0
    if d == "≤":
        zero = False  # IF(a<=0, N19, N19*…): both need the 分值
    elif d == "=":
        zero = not _eq(a, t) and _is_num(t) and t == 0  # IF(a=t, N19, IF(t=0, 0, …))
    elif d == "区间" and not _blank(u):
        if _lt(a, t):
            zero = at_most_0(t)
        else:
            zero = not (_lt(a, u) or _eq(a, u)) and at_most_0(u)
    else:
        zero = at_most_0(t) and _lt(a, t)  # IF(t<=0, IF(a>=t, N19, 0), …)
    return 0.0 if zero else None


def indicator_row_error(row: Row) -> bool:
    """True when the row's 得分（计算） is #VALUE! (not the "" of a 不适用 row or a blank 分值):
    its 分值, or the 指标值 / 实际值 it computes with, holds text no formula reads as a number.
    A SUM or SUMPRODUCT over the column then gives #VALUE! too (``dept_score_sum``,
    ``project_score_total``)."""
    if row.applicable == "否" or _blank(row_formula_value(row, "weight")):
        return False
    if isinstance(row_formula_value(row, "weight"), str):
        return text_weight_score(row) is None
    return indicator_text_operand(row) is not None and text_indicator_score(row) is None


def _score_weight_error(weight: Any, rate: float | None) -> bool:
    """执行率得分 = IF(OR(TRIM(分值)="", 执行率=""), "", ROUND(分值 × …)): #VALUE! when the 分值 is
    text no formula reads as a number and there is a rate."""
    return isinstance(weight, str) and not _blank(weight) and rate is not None


def execution_score_error(model: Model) -> bool:
    """True when the 部门自评表's 执行率得分（计算） is #VALUE! (see ``_score_weight_error``)."""
    return _score_weight_error(_v(model, "execution_weight"), execution_rate(model))


def project_execution_score_error(row: Row) -> bool:
    """True when a project row's 执行率得分（计算） is #VALUE!."""
    return _score_weight_error(row_formula_value(row, "execution_weight"),
                               project_execution_rate(row))


def _num_or_none(v: Any) -> float | None:
    if isinstance(v, TextNumber):  # kept: the scoring rules read it as the formulas do
        return v
    return float(v) if _is_num(v) else None


def indicator_weight_sums(model: Model, table: str = "dept_indicators", level: str = "level1",
                          project: str | None = None) -> dict[str, float]:
    """Σ 分值 of applicable rows (是否适用 ≠ 否) per 一级 (``level="level1"``) or per (一级, 二级)
    joined by " / " (``level="level2"``), labels carried down (``fill_down``), in table order;
    ``project`` limits ``project_indicators`` to one project.  分."""
    rows = model.rows(table)
    if project is not None:
        rows = [r for r in rows if r.project == project]
    out: dict[str, float] = {}
    for vals in fill_down(rows):
        if vals.get("applicable") == "否":
            continue
        key = vals.get("level1") or ""
        if level == "level2":
            key = f"{key} / {vals.get('level2') or ''}"
        out[key] = out.get(key, 0.0) + _n(vals.get("weight"))
    return out


def dept_weight_sum(model: Model) -> float:
    """分值合计（含执行率）= N(执行率分值) + Σ 分值 of applicable dept indicators, 分."""
    return _n(_v(model, "execution_weight")) + _sum(
        r.weight for r in model.rows("dept_indicators") if r.applicable != "否")


def dept_score_sum(model: Model) -> float | None:
    """得分合计（含执行率）= ROUND(N(执行率得分) + Σ indicator scores, 2), 分; ``None`` when
    nothing is scored (no 执行率得分 and no indicator score: an empty table has no total)."""
    if dept_score_sum_error(model):
        return None
    scores = [indicator_row_score(model, r) for r in model.rows("dept_indicators")]
    ex = execution_score(model)
    if ex is None and not any(_is_num(s) for s in scores):
        return None
    return excel_round(_n(ex) + _sum(scores), 2)


def dept_score_sum_error(model: Model) -> bool:
    """True when 得分合计（计算） is #VALUE!: the 执行率得分 or an indicator row's score is
    (``execution_score_error``, ``indicator_row_error``); ``dept_score_sum`` is then ``None``
    and there is no 等级."""
    return execution_score_error(model) or any(
        indicator_row_error(r) for r in model.rows("dept_indicators"))


def dept_grade(model: Model) -> str | None:
    """等级 of ``dept_score_sum``: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差 (domain.md §1.8 [S1]);
    ``None`` when nothing is scored."""
    from perfxl.scoring.rules import grade
    return grade(dept_score_sum(model))


def system_score_sum(model: Model) -> float:
    """指标得分合计（自评得分）= SUM(system_indicators.score_stated), 分."""
    return _sum(_col(model, "system_indicators", "score_stated"))


def bonus_row_score(row: Row) -> float | None:
    """得分（计算） of a 加减分项 row: the stated score when no 次数 is given, else 每项分值 × 次数
    capped at 上限; ``None`` when neither 每项分值 nor a stated score is filled (seed 000 L276)."""
    cell = lambda key: row_formula_value(row, key)  # noqa: E731 - text is no blank here
    if _blank(cell("points_each")) and _blank(cell("score_stated")):
        return None
    if _blank(cell("count")):
        return _n(row.score_stated)
    pts, cnt = _arith(cell("points_each")), _arith(cell("count"))
    if pts is None or cnt is None:
        return None
    if _blank(cell("cap")):
        return pts * cnt
    cap = _arith(cell("cap"))
    return None if cap is None else min(pts * cnt, cap)


# ---- 项目自评表 -------------------------------------------------------------------------------
def project_execution_rate(row: Row) -> float | None:
    """执行率 of a project row = 全年执行数 ÷ 全年预算数, fraction; ``None`` where the workbook
    shows "" (a blank or zero 全年预算数, text such as 「90万元」 in either cell)."""
    return _div(row_formula_value(row, "executed"), row_formula_value(row, "budget_full"))


def project_execution_score(row: Row) -> float | None:
    """执行率得分 of a project row = ROUND(分值 × min(执行率, 1), 2), 分."""
    from perfxl.scoring.rules import execution_score as rule
    w = row.execution_weight
    return None if _blank(w) or not _is_num(w) else rule(project_execution_rate(row), float(w))


def project_score_total(model: Model, row: Row) -> float | None:
    """总分得分 of a project row = ROUND((N(执行率得分) + Σ its indicator scores) × k, 2), 分;
    k = 1 unless a row is 不适用, then (all weights) ÷ (applicable weights) — 不适用指标不计分，
    按百分制折算 (domain.md §1.5 [S5]).  ``None`` for a row without a project name."""
    if _blank(row.project) or project_score_total_error(model, row):
        return None
    ind = project_indicator_rows(model, row)
    raw = _n(project_execution_score(row)) + _sum(indicator_row_score(model, r) for r in ind)
    return excel_round(raw * project_rescale(model, row), 2)


def project_score_total_error(model: Model, row: Row) -> bool:
    """True when a named project's 总分得分（计算） is #VALUE!: its own 执行率得分 is, or ANY row of
    the 项目绩效指标 table is — SUMPRODUCT(EXACT(项目名称, 本项目)*1, 得分) multiplies every row,
    and 0 × #VALUE! is #VALUE! (LibreOffice and Excel alike)."""
    return not _blank(row.project) and (project_execution_score_error(row) or any(
        indicator_row_error(r) for r in model.rows("project_indicators")))


def project_indicator_rows(model: Model, row: Row) -> list[Row]:
    """The indicator rows of a project row: 项目名称 exactly equal (case and spaces count, as
    the formulas' EXACT)."""
    return [r for r in model.rows("project_indicators") if r.project == row.project]


def project_rescale(model: Model, row: Row) -> float:
    """The factor k of ``project_score_total``: 1 without a 不适用 row, else (执行率分值 + all
    indicator weights) ÷ (执行率分值 + applicable weights); 1 when that divisor is 0."""
    ind = project_indicator_rows(model, row)
    if not any(r.applicable == "否" for r in ind):
        return 1.0
    ew = _n(row.execution_weight)
    den = ew + _sum(r.weight for r in ind if r.applicable != "否")
    return (ew + _sum(r.weight for r in ind)) / den if den else 1.0


# ---- measures a framework can cite ------------------------------------------------------------
MEASURES: dict[str, Callable[[Model], float | None]] = {
    "staff_control_rate": staff_control_rate,
    "three_public_change_rate": three_public_change_rate,
    "three_public_control_rate": three_public_control_rate,
    "public_funds_control_rate": public_funds_control_rate,
    "procurement_rate": procurement_rate,
    "carryover_change_rate": carryover_change_rate,
    "carryover_rate": carryover_rate,
    "carryover_current": carryover_current,
    "carryover_prior": carryover_prior,
    "stock_funds_change_rate": stock_funds_change_rate,
    "fixed_asset_utilization": fixed_asset_utilization,
    "execution_rate": execution_rate,
    "budget_adjustment_rate": budget_adjustment_rate,
    "budget_completion_rate": budget_completion_rate,
    "budget_completion_rate_hunan": budget_completion_rate_hunan,
}


#: (table, column) -> function(model, row) for every formula column of the template.
COLUMN_FUNCTIONS: dict[tuple[str, str], Callable[[Model, Row], Any]] = {
    ("income", "share"): income_share,
    ("exp_function", "change"): lambda m, r: function_row_change(r),
    ("exp_function", "change_rate"): lambda m, r: function_row_change_rate(r),
    ("exp_function", "share"): function_row_share,
    ("dept_indicators", "score"): indicator_row_score,
    ("project_indicators", "score"): indicator_row_score,
    ("projects", "execution_rate"): lambda m, r: project_execution_rate(r),
    ("projects", "execution_score"): lambda m, r: project_execution_score(r),
    ("projects", "score_total"): project_score_total,
    ("bonus", "score"): lambda m, r: bonus_row_score(r),
}


def field_value(model: Model, key: str) -> Any:
    """The value of formula field ``key`` (a function of this module of the same name); ``None``
    where the workbook shows ""."""
    fn = globals().get(key)
    if key not in __all__ or not callable(fn):
        raise KeyError(f"no derived function for field {key!r}")
    return fn(model)


def column_value(model: Model, table: str, column: str, index: int) -> Any:
    """The value of formula column ``column`` in data row ``index`` of ``table`` (an empty row
    when the model holds none there)."""
    rows = {r.index: r for r in model.rows(table)}
    row = rows.get(index) or Row(table, index, {})
    return COLUMN_FUNCTIONS[(table, column)](model, row)


def measure(model: Model, name: str) -> float | None:
    """The value of measure ``name`` (a key of ``MEASURES``), or ``None`` when unknown or not
    computable from the model."""
    fn = MEASURES.get(name)
    return None if fn is None else fn(model)
