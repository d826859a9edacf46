"""Where every field of the standard workbook lives: the one layout description.

The template builder (``perfxl.template``), the readers (``perfxl.io``) and the cell addresses
that findings carry all use this module, so a field moves in one place only.

Shapes
------
* A **sheet** (Chinese name) holds **blocks** stacked from row 3 down, one blank row apart.
* A **FieldBlock** is a label/value form: label in column A, value in column B, note in C.  Every
  field has an ASCII defined name ``pf_<key>`` so readers find it by name.
* A **Table** is an Excel Table (ListObject) named ``T_<key>``: a header row and data rows.  Fixed
  tables have one row per label of ``rows``; open tables have ``capacity`` blank rows that the
  user fills.  Formula columns carry their formula per row.

Roles of a cell: ``input`` (the user types it), ``stated`` (the user types a figure the official
form or report states, such as 执行率 or 得分; checks compare it with the computed one),
``formula`` (a native formula, protected), ``output`` (written by perfxl only).

Formulas are templates: ``{f:key}`` is the absolute address of field ``key`` (sheet-qualified
when on another sheet); ``{c:key}`` the same-row cell of column ``key``; ``{col:table.key}`` the
whole data range of a column; ``{row}`` the row number; ``{fz:key}`` / ``{cz:key}`` the cell
read as a number with blank — or only spaces — as 0 (``IF(TRIM(x)="",0,x)``, the reader's
reading of a blank number cell).  Only functions that Excel, WPS and
LibreOffice all compute are used (see ``ALLOWED_FUNCTIONS``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property


def get_column_letter(n: int) -> str:
    """1 -> "A", 27 -> "AA" (kept here so the core never imports openpyxl)."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def column_index(letters: str) -> int:
    """"A" -> 1, "AA" -> 27 (the inverse of ``get_column_letter``)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


ALLOWED_FUNCTIONS = frozenset({
    "SUM", "SUMIF", "SUMIFS", "SUMPRODUCT", "COUNTIF", "COUNTIFS", "COUNTA", "IF", "IFERROR",
    "AND", "OR", "NOT", "MIN", "MAX", "ABS", "ROUND", "ISNUMBER", "ISBLANK", "LOOKUP",
    "INDEX", "MATCH", "VLOOKUP", "LEN", "TRIM", "N", "EXACT",
})

FIRST_ROW = 3

# Kinds of value: how a cell is validated, formatted and parsed.
TEXT, LONGTEXT, AMOUNT, RATE, COUNT, YEAR, SCORE, CHOICE, NUMBER, DATE = (
    "text", "longtext", "amount", "rate", "count", "year", "score", "choice", "number", "date")

INPUT, STATED, FORMULA, OUTPUT = "input", "stated", "formula", "output"

UNITS = ("元", "万元")
NATURES = ("定量", "定性")
DIRECTIONS = ("≥", "≤", "=", "区间")
ACHIEVEMENT = ("达成", "部分达成", "未达成")
YES_NO = ("是", "否")
CHANGE_WORDS = ("增加", "减少", "持平")


@dataclass(frozen=True)
class Field:
    """One labelled input or formula cell of a field block (key, label, kind, role...)."""

    key: str
    label: str
    kind: str = TEXT
    role: str = INPUT
    formula: str | None = None
    choices: tuple[str, ...] | str | None = None  # a tuple, or "frameworks" (filled at build time)
    required: bool = False
    note: str = ""

    @property
    def name(self) -> str:
        return f"pf_{self.key}"


@dataclass(frozen=True)
class FieldBlock:
    """A titled block of fields on a sheet."""

    key: str
    title: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Column:
    """One column of a table: key, header, kind, role, formula, choices."""

    key: str
    header: str
    kind: str = TEXT
    role: str = INPUT
    formula: str | None = None
    choices: tuple[str, ...] | None = None
    width: float | None = None


@dataclass(frozen=True)
class Table:
    """A table of a sheet: its columns and fixed rows, or its blank capacity."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[str, ...] | None = None  # fixed first-column labels, or None for open tables
    capacity: int = 0                    # blank rows of an open table

    @property
    def name(self) -> str:
        return f"T_{self.key}"

    @property
    def n_rows(self) -> int:
        return len(self.rows) if self.rows is not None else self.capacity

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(f"{self.key}.{key}")

    def col_index(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        raise KeyError(f"{self.key}.{key}")


Block = FieldBlock | Table


@dataclass(frozen=True)
class Sheet:
    """One sheet of the template: its key, name, title and blocks."""

    key: str
    name: str
    title: str
    blocks: tuple[Block, ...]
    output: bool = False


@dataclass(frozen=True)
class Place:
    """Where a block sits: first row of content (after the block title), first column 1."""
    sheet: str
    title_row: int
    first_row: int  # first field row, or the table's header row


# ----------------------------------------------------------------------------------------------
# Columns shared by the indicator tables (department 自评表, project 自评表)
# ----------------------------------------------------------------------------------------------
def _indicator_columns(with_project: bool) -> tuple[Column, ...]:
    # widths: the department's 17 columns print one landscape A4 page wide at 70 % or more
    # (perfxl.template.printing.MIN_SCALE; 73 % by width: LibreOffice prints a few points
    # smaller where a row is very tall); the 项目自评表, whose project table shares the
    # columns, prints two pages wide (printing.pages_wide), so its texts get more room
    wide = with_project
    cols = []
    if with_project:
        cols.append(Column("project", "项目名称", TEXT, width=14))
    cols += [
        Column("level1", "一级指标", TEXT, width=8),
        Column("level2", "二级指标", TEXT, width=10),
        Column("level3", "三级指标", TEXT, width=22 if wide else 15),
        Column("nature", "指标性质", CHOICE, choices=NATURES, width=6),
        Column("direction", "方向", CHOICE, choices=DIRECTIONS, width=6),
        Column("target_text", "年度指标值", TEXT, width=14 if wide else 10),
        Column("target", "指标值（数值）", NUMBER, width=9),
        Column("target_upper", "区间上限", NUMBER, width=7),
        Column("unit", "计量单位", TEXT, width=6),
        Column("actual_text", "实际完成值", TEXT, width=14 if wide else 10),
        Column("actual", "实际值（数值）", NUMBER, width=9),
        Column("achievement", "达成程度", CHOICE, choices=ACHIEVEMENT, width=8),
        Column("applicable", "是否适用", CHOICE, choices=YES_NO, width=6),
        Column("weight", "分值", SCORE, width=6),
        Column("score_stated", "得分（填报）", SCORE, STATED, width=8),
        Column("score", "得分（计算）", SCORE, FORMULA, formula="__indicator_score__", width=8),
        Column("deviation", "偏差原因分析及改进措施", LONGTEXT, width=24 if wide else 14),
    ]
    return tuple(cols)


# The computed-score formula of an indicator row.  It must agree with
# perfxl.scoring.rules.indicator_score (tests evaluate both on generated rows with formulas and
# LibreOffice):
#  not applicable -> ""; no weight -> "";
#  定性: the stated score moved into the band of 达成程度 (达成 80-100%, 部分达成 60-80%, 未达成
#        0-60% of the weight; 80/50 for the hubei_project_2020 framework, domain.md §1.6 [S6]);
#        with no 达成程度, the stated score capped to [0, weight];
#  定量 without target or actual: the stated score capped to [0, weight];
#  ≥ (or blank): weight*MAX(0,MIN(actual/target,1)); target<=0: full when actual>=target else 0;
#  ≤: weight*MAX(0,MIN(target/actual,1)); actual<=0 -> full;
#  =: full when actual=target, else 0 when target=0, else as ≥;
#  区间 [target, upper]: full inside; below: weight*actual/target (0 when target<=0);
#        above: weight*MIN(1,upper/actual) (0 when upper<=0); no upper: as ≥.
# Choice cells and the blank tests of number cells go through TRIM, as the reader reads them
# (perfxl.typed.excel_trim): "达成 " is 达成, a number cell holding " " is blank (issue 13).
INDICATOR_SCORE_FORMULA = (
    '=IF(OR(TRIM({c:applicable})="否",TRIM({c:weight})=""),"",ROUND('
    'IF(TRIM({c:nature})="定性",'
    'IF(TRIM({c:achievement})="达成",MIN(MAX(N({c:score_stated}),{c:weight}*0.8),{c:weight}),'
    'IF(TRIM({c:achievement})="部分达成",MIN(MAX(N({c:score_stated}),{c:weight}*'
    'IF(COUNTIF({f:framework},"*hubei_project_2020*")>0,0.5,0.6)),'
    '{c:weight}*0.8),'
    'IF(TRIM({c:achievement})="未达成",MIN(MAX(N({c:score_stated}),0),{c:weight}*'
    'IF(COUNTIF({f:framework},"*hubei_project_2020*")>0,0.5,0.6)),'
    'MIN(MAX(N({c:score_stated}),0),{c:weight})))),'
    'IF(OR(TRIM({c:target})="",TRIM({c:actual})=""),MIN(MAX(N({c:score_stated}),0),{c:weight}),'
    'IF(TRIM({c:direction})="≤",IF({c:actual}<=0,{c:weight},'
    '{c:weight}*MAX(0,MIN({c:target}/{c:actual},1))),'
    'IF(TRIM({c:direction})="=",IF({c:actual}={c:target},{c:weight},IF({c:target}=0,0,'
    '{c:weight}*MAX(0,MIN({c:actual}/{c:target},1)))),'
    'IF(AND(TRIM({c:direction})="区间",TRIM({c:target_upper})<>""),'
    'IF({c:actual}<{c:target},IF({c:target}<=0,0,{c:weight}*MAX(0,{c:actual}/{c:target})),'
    'IF({c:actual}<={c:target_upper},{c:weight},'
    'IF({c:target_upper}<=0,0,{c:weight}*MIN(1,{c:target_upper}/{c:actual})))),'
    'IF({c:target}<=0,IF({c:actual}>={c:target},{c:weight},0),'
    '{c:weight}*MAX(0,MIN({c:actual}/{c:target},1))))))))'
    ',2))'
)


def _amount_cols(*specs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(k, h, AMOUNT, width=14) for k, h in specs)


BUDGET_COLS = (("budget_initial", "年初预算数"), ("budget_full", "全年预算数"),
               ("executed", "全年执行数"))

# ----------------------------------------------------------------------------------------------
# The sheets
# ----------------------------------------------------------------------------------------------
INFO = Sheet("info", "基本信息", "基本信息", (
    FieldBlock("info", "单位与填报信息", (
        Field("department_name", "部门名称", required=True),
        Field("budget_code", "预算编码"),
        Field("year", "年度", YEAR, required=True, note="评价年度，如 2023"),
        Field("supervisor", "主管部门"),
        Field("unit_head", "单位负责人"),
        Field("preparer", "填报人"),
        Field("phone", "联系电话"),
        Field("fill_date", "填报日期", DATE),
        Field("amount_unit", "金额单位", CHOICE, choices=UNITS, required=True,
              note="全部金额使用同一单位"),
        Field("framework", "评价框架", CHOICE, choices="frameworks", required=True),
        Field("region", "地区"),
        Field("template_version", "模板版本", TEXT, role=OUTPUT, note="由 perfxl 生成，请勿修改"),
    )),
))

OVERVIEW = Sheet("overview", "部门概况", "部门概况", (
    FieldBlock("overview", "部门（单位）基本情况", (
        Field("duties", "职能职责", LONGTEXT, required=True),
        Field("organization", "机构设置", LONGTEXT, required=True),
        Field("subordinate_units", "下属单位", LONGTEXT),
        Field("annual_tasks", "年度主要工作任务", LONGTEXT),
        Field("overall_goal", "年度总体目标", LONGTEXT, required=True),
    )),
))

STAFFING = Sheet("staffing", "人员编制", "人员编制情况", (
    Table("staffing", "编制与实有人数（分类）", (
        Column("category", "类别", TEXT, width=12),
        Column("authorized", "编制数", COUNT, width=10),
        Column("actual", "实有人数", COUNT, width=10),
        Column("note", "说明", TEXT, width=30),
    ), rows=("行政", "事业", "工勤")),
    FieldBlock("staff_totals", "财政供养人员情况（基础数据表口径）", (
        Field("authorized_sum", "编制数（分类合计）", COUNT, FORMULA,
              formula="=SUM({col:staffing.authorized})"),
        Field("actual_sum", "实有人数（分类合计）", COUNT, FORMULA,
              formula="=SUM({col:staffing.actual})"),
        Field("authorized_total", "编制数", COUNT, STATED, note="基础数据表填报的编制数"),
        Field("in_service_total", "实际在职人数", COUNT, STATED, note="年末实际在职人数"),
        Field("retired", "离退休人数", COUNT),
        Field("temporary", "临聘人员", COUNT),
        Field("seconded", "挂职及其他人员", COUNT),
        Field("headcount_total", "年末实有人数（含离退休）", COUNT, STATED),
        Field("staff_control_rate", "在职人员控制率（计算）", RATE, FORMULA,
              formula='=IFERROR(IF(TRIM({f:in_service_total})="",{f:actual_sum},{f:in_service_total})'
                      '/IF(TRIM({f:authorized_total})="",{f:authorized_sum},{f:authorized_total}),"")'),
        Field("staff_control_rate_stated", "在职人员控制率（填报）", RATE, STATED),
    )),
))

INCOME_SOURCES = ("一般公共预算财政拨款", "政府性基金预算拨款", "国有资本经营预算拨款",
                  "财政专户管理的非税收入", "上年结转", "其他收入")

INCOME = Sheet("income", "收入", "收入情况（按来源）", (
    Table("income", "收入来源", (
        Column("source", "收入来源", TEXT, width=24),
        *_amount_cols(*BUDGET_COLS, ("prior_final", "上年决算数")),
        Column("share", "占执行数比重（计算）", RATE, FORMULA,
               formula='=IFERROR({cz:executed}/SUM({col:income.executed}),"")', width=10),
        Column("share_stated", "占比（填报）", RATE, STATED, width=10),
    ), rows=INCOME_SOURCES),
    FieldBlock("income_totals", "收入合计", (
        Field("income_initial_sum", "年初预算数合计（计算）", AMOUNT, FORMULA,
              formula="=SUM({col:income.budget_initial})"),
        Field("income_full_sum", "全年预算数合计（计算）", AMOUNT, FORMULA,
              formula="=SUM({col:income.budget_full})"),
        Field("income_executed_sum", "全年执行数合计（计算）", AMOUNT, FORMULA,
              formula="=SUM({col:income.executed})"),
        Field("income_prior_sum", "上年决算数合计（计算）", AMOUNT, FORMULA,
              formula="=SUM({col:income.prior_final})"),
        Field("income_total_stated", "收入合计（填报）", AMOUNT, STATED,
              note="报告或决算表填报的本年收入合计"),
    )),
))

BASIC_ITEMS = ("工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出")

EXPENDITURE = Sheet("expenditure", "支出", "支出情况", (
    Table("exp_nature", "按支出性质（基本支出 / 项目支出）", (
        Column("item", "支出性质", TEXT, width=16),
        *_amount_cols(*BUDGET_COLS, ("prior_final", "上年决算数")),
    ), rows=("基本支出", "项目支出")),
    Table("exp_basic", "基本支出（按经济分类）", (
        Column("item", "经济分类", TEXT, width=20),
        *_amount_cols(("budget_full", "全年预算数"), ("executed", "全年执行数"),
                      ("prior_final", "上年决算数")),
    ), rows=BASIC_ITEMS),
    FieldBlock("exp_totals", "支出合计", (
        Field("basic_executed_sum", "基本支出经济分类合计（计算）", AMOUNT, FORMULA,
              formula="=SUM({col:exp_basic.executed})"),
        Field("nature_executed_sum", "基本支出+项目支出（计算）", AMOUNT, FORMULA,
              formula="=SUM({col:exp_nature.executed})"),
        Field("function_current_sum", "功能分类本年合计（计算）", AMOUNT, FORMULA,
              formula="=SUM({col:exp_function.current})"),
        Field("function_prior_sum", "功能分类上年合计（计算）", AMOUNT, FORMULA,
              formula="=SUM({col:exp_function.prior})"),
        Field("function_change", "较上年增减额（计算）", AMOUNT, FORMULA,
              # "" unless both columns hold a figure (a blank 上年 column is not 0)
              formula='=IF(OR(SUMPRODUCT(ISNUMBER({col:exp_function.current})*1)=0,'
                      'SUMPRODUCT(ISNUMBER({col:exp_function.prior})*1)=0),"",'
                      '{f:function_current_sum}-{f:function_prior_sum})'),
        Field("exp_total_stated", "支出合计（填报）", AMOUNT, STATED),
        Field("exp_prior_total_stated", "上年支出合计（填报）", AMOUNT, STATED),
        Field("exp_change_stated", "较上年增减额（填报）", AMOUNT, STATED),
        Field("exp_change_word_stated", "增减方向（填报）", CHOICE, STATED, choices=CHANGE_WORDS),
        Field("gov_fund_exp", "政府性基金预算支出", AMOUNT),
        Field("state_capital_exp", "国有资本经营预算支出", AMOUNT),
        Field("social_insurance_exp", "社会保险基金预算支出", AMOUNT),
        Field("special_exp_note", "其他预算支出说明", LONGTEXT),
    )),
    Table("exp_function", "按功能分类科目", (
        Column("subject", "功能分类科目", TEXT, width=22),
        Column("current", "本年决算数", AMOUNT, width=14),
        Column("prior", "上年决算数", AMOUNT, width=14),
        Column("change", "增减额（计算）", AMOUNT, FORMULA,
               formula='=IF(AND(TRIM({c:current})="",TRIM({c:prior})=""),"",N({c:current})-N({c:prior}))',
               width=14),
        Column("change_rate", "增减率（计算）", RATE, FORMULA,
               formula='=IFERROR(IF(N({c:prior})=0,"",(N({c:current})-{c:prior})/{c:prior}),"")',
               width=10),
        Column("share", "占比（计算）", RATE, FORMULA,
               formula='=IFERROR(IF(TRIM({c:current})="","",{c:current}/SUM({col:exp_function.current})),"")',
               width=10),
        Column("share_stated", "占比（填报）", RATE, STATED, width=10),
        Column("change_stated", "增减额（填报）", AMOUNT, STATED, width=14),
        Column("change_word_stated", "增减方向（填报）", CHOICE, STATED, choices=CHANGE_WORDS,
               width=8),
        Column("current_restated", "本年决算数（另处填报）", AMOUNT, STATED, width=14),
    ), capacity=20),
))

THREE_PUBLIC_ITEMS = ("因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费")
#: the 公务用车 subtotal a department states without the 购置 / 运行维护 split (a real table:
#: 29.08 = 公务用车 11.86 + 公务接待 17.22); it counts in a column's 合计 only where neither
#: split row holds a figure (never twice).  Last, so the rows above keep their cells.
THREE_PUBLIC_CAR_TOTAL = "公务用车购置及运行维护费（未分项时填写）"


def _tp_sum(column: str) -> str:
    """“三公”经费 column total: the four items, plus the 公务用车 subtotal row where neither
    公务用车 split row of the column holds a figure."""
    item, col = "{col:three_public.item}", "{col:three_public." + column + "}"
    split = (f'SUMPRODUCT((({item}="{THREE_PUBLIC_ITEMS[1]}")+({item}="{THREE_PUBLIC_ITEMS[2]}"))'
             f'*ISNUMBER({col}))')
    return (f'=SUMIF({item},"<>{THREE_PUBLIC_CAR_TOTAL}",{col})'
            f'+IF({split}=0,SUMIF({item},"{THREE_PUBLIC_CAR_TOTAL}",{col}),0)')


CONTROL = Sheet("control", "经费控制", "经费控制情况", (
    Table("three_public", "“三公”经费", (
        Column("item", "项目", TEXT, width=20),
        *_amount_cols(("prior_final", "上年决算数"), ("budget", "本年预算数"),
                      ("final", "本年决算数")),
    ), rows=THREE_PUBLIC_ITEMS + (THREE_PUBLIC_CAR_TOTAL,)),
    FieldBlock("three_public_totals", "“三公”经费合计与比率", (
        Field("tp_prior_sum", "上年决算合计（计算）", AMOUNT, FORMULA,
              formula=_tp_sum("prior_final")),
        Field("tp_budget_sum", "本年预算合计（计算）", AMOUNT, FORMULA,
              formula=_tp_sum("budget")),
        Field("tp_final_sum", "本年决算合计（计算）", AMOUNT, FORMULA,
              formula=_tp_sum("final")),
        Field("tp_prior_stated", "上年决算合计（填报）", AMOUNT, STATED),
        Field("tp_budget_stated", "本年预算合计（填报）", AMOUNT, STATED),
        Field("tp_final_stated", "本年决算合计（填报）", AMOUNT, STATED),
        Field("tp_change", "较上年增减额（计算）", AMOUNT, FORMULA,
              # each side is its typed total, else the sum of its items; "" when a side has
              # neither (a blank total is not 0: 上年 blank is no change of 100%)
              formula='=IFERROR(IF(OR(AND(TRIM({f:tp_final_stated})="",'
                      'SUMPRODUCT(ISNUMBER({col:three_public.final})*1)=0),AND(TRIM({f:tp_prior_stated})="",'
                      'SUMPRODUCT(ISNUMBER({col:three_public.prior_final})*1)=0)),"",'
                      'IF(TRIM({f:tp_final_stated})="",{f:tp_final_sum},{f:tp_final_stated})-'
                      'IF(TRIM({f:tp_prior_stated})="",{f:tp_prior_sum},{f:tp_prior_stated})),"")'),
        Field("three_public_change_rate", "“三公”经费变动率（计算）", RATE, FORMULA,
              formula='=IFERROR({f:tp_change}/IF(TRIM({f:tp_prior_stated})="",{f:tp_prior_sum},'
                      '{f:tp_prior_stated}),"")'),
        Field("three_public_control_rate", "“三公”经费控制率（计算）", RATE, FORMULA,
              formula='=IFERROR(IF(TRIM({f:tp_final_stated})="",{f:tp_final_sum},{f:tp_final_stated})'
                      '/IF(TRIM({f:tp_budget_stated})="",{f:tp_budget_sum},{f:tp_budget_stated}),"")'),
        Field("tp_change_stated", "较上年增减额（填报）", AMOUNT, STATED),
        Field("tp_change_word_stated", "增减方向（填报）", CHOICE, STATED, choices=CHANGE_WORDS),
        Field("three_public_change_rate_stated", "“三公”经费变动率（填报）", RATE, STATED),
        Field("three_public_control_rate_stated", "“三公”经费控制率（填报）", RATE, STATED),
    )),
    FieldBlock("other_control", "公用经费、政府采购、结转结余、存量资金、固定资产", (
        Field("public_funds_budget", "公用经费预算数", AMOUNT),
        Field("public_funds_final", "公用经费决算数", AMOUNT),
        Field("public_funds_control_rate", "公用经费控制率（计算）", RATE, FORMULA,
              formula='=IFERROR({fz:public_funds_final}/{f:public_funds_budget},"")'),
        Field("procurement_budget", "政府采购预算数", AMOUNT),
        Field("procurement_actual", "政府采购实际金额", AMOUNT),
        Field("procurement_rate", "政府采购执行率（计算）", RATE, FORMULA,
              formula='=IFERROR({fz:procurement_actual}/{f:procurement_budget},"")'),
        Field("procurement_rate_stated", "政府采购执行率（填报）", RATE, STATED),
        Field("carryover_prior", "上年末结转结余", AMOUNT),
        Field("carryover_current", "本年末结转结余", AMOUNT),
        Field("carryover_change_rate", "结转结余变动率（计算）", RATE, FORMULA,
              formula='=IFERROR(({fz:carryover_current}-{fz:carryover_prior})/{f:carryover_prior},"")'),
        Field("stock_funds_prior", "上年末存量资金余额", AMOUNT),
        Field("stock_funds_current", "本年末存量资金余额", AMOUNT),
        Field("stock_funds_change_rate", "存量资金变动率（计算）", RATE, FORMULA,
              formula='=IFERROR(({fz:stock_funds_current}-{fz:stock_funds_prior})/{f:stock_funds_prior},"")'),
        Field("stock_funds_change_rate_stated", "存量资金变动率（填报）", RATE, STATED),
        Field("fixed_assets_total", "固定资产总额", AMOUNT),
        Field("fixed_assets_in_use", "在用固定资产总额", AMOUNT),
        Field("fixed_asset_utilization", "固定资产利用率（计算）", RATE, FORMULA,
              formula='=IFERROR({fz:fixed_assets_in_use}/{f:fixed_assets_total},"")'),
        Field("fixed_asset_utilization_stated", "固定资产利用率（填报）", RATE, STATED),
        Field("thrift_measures", "厉行节约保障措施", LONGTEXT),
    )),
))

DEPT = Sheet("dept", "部门自评表", "部门整体支出绩效自评表", (
    FieldBlock("dept_funds", "年度资金总额与预算执行率", (
        Field("budget_initial", "年初预算数", AMOUNT, STATED),
        Field("budget_adjustment", "预算调整数", AMOUNT, note="年中追加（+）或调减（-）"),
        Field("budget_full", "全年预算数", AMOUNT, STATED),
        Field("executed", "全年执行数", AMOUNT, STATED),
        Field("execution_weight", "执行率分值", SCORE, note="预算执行率的分值，一般为 10"),
        Field("execution_rate", "执行率（计算）", RATE, FORMULA,
              formula='=IFERROR({fz:executed}/{f:budget_full},"")'),
        Field("execution_rate_stated", "执行率（填报）", RATE, STATED),
        Field("execution_score", "执行率得分（计算）", SCORE, FORMULA,
              formula='=IF(OR(TRIM({f:execution_weight})="",{f:execution_rate}=""),"",'
                      'ROUND({f:execution_weight}*MAX(0,MIN({f:execution_rate},1)),2))'),
        Field("execution_score_stated", "执行率得分（填报）", SCORE, STATED),
        Field("budget_adjustment_rate", "预算调整率（计算）", RATE, FORMULA,
              formula='=IFERROR({fz:budget_adjustment}/{f:budget_initial},"")'),
        Field("goal_expected", "年度总体目标（预期目标）", LONGTEXT),
        Field("goal_actual", "年度总体目标（实际完成情况）", LONGTEXT),
    )),
    Table("dept_indicators", "绩效指标", _indicator_columns(with_project=False), capacity=40),
    FieldBlock("dept_totals", "总分", (
        Field("dept_weight_sum", "分值合计（计算，含执行率）", SCORE, FORMULA,
              formula="=N({f:execution_weight})+SUMPRODUCT((TRIM({col:dept_indicators.applicable})"
                      "<>\"否\")*1,{col:dept_indicators.weight})"),
        Field("dept_score_sum", "得分合计（计算，含执行率）", SCORE, FORMULA,
              # "" when nothing is scored (an empty table has no total and no 等级)
              formula='=IF(AND({f:execution_score}="",SUMPRODUCT(ISNUMBER('
                      '{col:dept_indicators.score})*1)=0),"",'
                      'ROUND(N({f:execution_score})+SUM({col:dept_indicators.score}),2))'),
        Field("dept_weight_total_stated", "总分分值（填报）", SCORE, STATED),
        Field("dept_score_total_stated", "总分得分（填报）", SCORE, STATED),
        Field("dept_grade", "等级（计算）", TEXT, FORMULA,
              formula='=IF({f:dept_score_sum}="","",IF({f:dept_score_sum}>=90,"优",'
                      'IF({f:dept_score_sum}>=80,"良",IF({f:dept_score_sum}>=60,"中","差"))))'),
    )),
))

SYSTEM = Sheet("system", "指标体系", "部门整体支出绩效评价指标体系（百分制）", (
    # widths (with 加减分项 below, which shares the columns): one landscape A4 page wide at
    # 70 % or more (perfxl.template.printing.MIN_SCALE; 74 % by width: LibreOffice prints a few
    # points smaller where a row is very tall, seed 000's 说明); texts wrap, the rows grow
    Table("system_indicators", "指标与评分", (
        Column("level1", "一级指标", TEXT, width=10),
        Column("level1_weight", "一级分值（填报）", SCORE, STATED, width=8),
        Column("level2", "二级指标", TEXT, width=10),
        Column("level2_weight", "二级分值（填报）", SCORE, STATED, width=8),
        Column("level3", "三级指标", TEXT, width=16),
        Column("weight", "分值", SCORE, width=6),
        Column("applicable", "是否适用", CHOICE, choices=YES_NO, width=6),
        Column("criteria", "评分标准", LONGTEXT, width=22),
        Column("basis_value", "依据数值", NUMBER, width=8),
        Column("score_stated", "自评得分（填报）", SCORE, STATED, width=8),
        Column("score", "得分（计算）", SCORE, OUTPUT, width=8),
        Column("explanation", "说明", LONGTEXT, width=26),
    ), capacity=40),
    Table("bonus", "加减分项", (
        Column("item", "加减分项", TEXT, width=12),
        Column("points_each", "每项分值", SCORE, width=8),
        Column("cap", "上限", SCORE, width=8),
        Column("count", "次数", COUNT, width=8),
        Column("score_stated", "自评得分（填报）", SCORE, STATED, width=8),
        Column("score", "得分（计算）", SCORE, FORMULA,
               formula='=IF(AND(TRIM({c:points_each})="",TRIM({c:score_stated})=""),"",'
                       'IF(TRIM({c:count})="",N({c:score_stated}),'
                       'IF(TRIM({c:cap})="",{cz:points_each}*{c:count},'
                       'MIN({cz:points_each}*{c:count},{c:cap}))))', width=8),
        Column("explanation", "说明", LONGTEXT, width=10),
    ), capacity=6),
    FieldBlock("system_totals", "总分", (
        Field("system_total_stated", "自评总分（填报）", SCORE, STATED),
        Field("bonus_total_stated", "加减分合计（填报）", SCORE, STATED),
        Field("system_score_sum", "指标得分合计（计算，自评得分）", SCORE, FORMULA,
              formula="=SUM({col:system_indicators.score_stated})"),
    )),
))

PROJECTS = Sheet("projects", "项目自评表", "项目支出绩效自评表", (
    Table("projects", "项目（每个项目一行）", (
        Column("project", "项目名称", TEXT, width=18),
        Column("supervisor", "主管部门", TEXT, width=14),
        Column("implementer", "实施单位", TEXT, width=14),
        *_amount_cols(*BUDGET_COLS),
        Column("execution_weight", "执行率分值", SCORE, width=8),
        Column("execution_rate", "执行率（计算）", RATE, FORMULA,
               formula='=IFERROR({cz:executed}/{c:budget_full},"")', width=9),
        Column("execution_rate_stated", "执行率（填报）", RATE, STATED, width=9),
        Column("execution_score", "执行率得分（计算）", SCORE, FORMULA,
               formula='=IF(OR(TRIM({c:execution_weight})="",{c:execution_rate}=""),"",'
                       'ROUND({c:execution_weight}*MAX(0,MIN({c:execution_rate},1)),2))', width=9),
        Column("execution_score_stated", "执行率得分（填报）", SCORE, STATED, width=9),
        Column("weight_total_stated", "总分分值（填报）", SCORE, STATED, width=8),
        Column("score_total_stated", "总分得分（填报）", SCORE, STATED, width=8),
        Column("score_total", "总分得分（计算）", SCORE, FORMULA,
               # 不适用指标不计分，按百分制折算 (domain.md §1.5 [S5]): with a 不适用 row, the
               # sum is scaled by (all weights) / (applicable weights); see perfxl.scoring.
               # Project names match exactly (case and spaces count, as in the reader:
               # EXACT, not SUMIF, which ignores case); choices are read TRIMmed.
               formula='=IF(TRIM({c:project})="","",ROUND((N({c:execution_score})+'
                       'SUMPRODUCT(EXACT({col:project_indicators.project},{c:project})*1,'
                       '{col:project_indicators.score}))*'
                       'IF(SUMPRODUCT(EXACT({col:project_indicators.project},{c:project})*'
                       '(TRIM({col:project_indicators.applicable})="否"))=0,1,'
                       'IFERROR((N({c:execution_weight})+SUMPRODUCT(EXACT('
                       '{col:project_indicators.project},{c:project})*1,'
                       '{col:project_indicators.weight}))/(N({c:execution_weight})+'
                       'SUMPRODUCT(EXACT({col:project_indicators.project},{c:project})*'
                       '(TRIM({col:project_indicators.applicable})<>"否"),'
                       '{col:project_indicators.weight})),1)),2))',
               width=9),
        Column("goal_expected", "年度总体目标（预期目标）", LONGTEXT, width=24),
        Column("goal_actual", "实际完成情况", LONGTEXT, width=24),
    ), capacity=10),
    Table("project_funds", "项目资金（每个项目按来源分行）", (
        Column("project", "项目名称", TEXT, width=18),
        Column("source", "资金来源", CHOICE, choices=("当年财政拨款", "上年结转", "其他资金"),
               width=14),
        *_amount_cols(*BUDGET_COLS),
    ), capacity=30),
    Table("project_indicators", "项目绩效指标", _indicator_columns(with_project=True),
          capacity=120),
))

CONCLUSION = Sheet("conclusion", "自评结论", "自评结论与问题", (
    FieldBlock("texts", "文字部分", (
        Field("performance_summary", "部门整体支出绩效情况", LONGTEXT),
        Field("conclusion", "自评结论", LONGTEXT),
        Field("achievements", "主要绩效", LONGTEXT),
        Field("problems", "存在问题", LONGTEXT, required=True),
        Field("improvements", "改进措施", LONGTEXT, required=True),
        Field("result_application", "结果应用和公开", LONGTEXT),
        Field("other_notes", "其他说明", LONGTEXT),
    )),
))

STATED_KEYS_NOTE = "报告正文中另处填报的数字，用于核对前后是否一致"

STATEMENTS = Sheet("statements", "报告数据", "报告正文数据核对", (
    Table("statements", STATED_KEYS_NOTE, (
        # any field label ("年初预算数"), fixed-row label + column header ("项目支出全年执行数") or
        # vocabulary name ("全年支出率") resolves: perfxl.checks.quantities
        Column("item", "数据项", TEXT, width=24),
        Column("value", "填报值", NUMBER, STATED, width=16),
        Column("year_label", "标注年度", YEAR, STATED, width=8),
        Column("quote", "出处（报告原文）", LONGTEXT, width=56),
    ), capacity=30),
))

FINDINGS_SHEET = Sheet("findings", "校验结果", "校验结果", (), output=True)
SCORES_SHEET = Sheet("scores", "评分", "评分结果", (), output=True)
REPORT_SHEET = Sheet("report", "报告", "自评报告正文", (), output=True)

SHEETS: tuple[Sheet, ...] = (INFO, OVERVIEW, STAFFING, INCOME, EXPENDITURE, CONTROL, DEPT, SYSTEM,
                             PROJECTS, CONCLUSION, STATEMENTS, FINDINGS_SHEET, SCORES_SHEET,
                             REPORT_SHEET)
INPUT_SHEETS = tuple(s for s in SHEETS if not s.output)
OUTPUT_SHEET_NAMES = tuple(s.name for s in SHEETS if s.output)


# ----------------------------------------------------------------------------------------------
# Carrying a workbook into the next year (perfxl new --from, PX118, the 上年数据 button)
# ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Carry:
    """One 本年 figure of last year's workbook that is a 上年 figure of this year's: ``source``
    (in LAST) feeds ``target`` (in NEXT).  Both are a field key (``"carryover_current"``) or
    ``"table.column"`` of the same table; table rows pair by their first column (the row label
    of a fixed table, the 功能分类科目 of ``exp_function``)."""

    source: str
    target: str

    @property
    def table(self) -> str | None:
        return self.source.split(".")[0] if "." in self.source else None

    def columns(self) -> tuple[str, str]:
        """(source column, target column) of a table carry."""
        return self.source.split(".")[1], self.target.split(".")[1]


#: Every 本年 决算/执行 figure and the 上年 cell it becomes next year.
PRIOR_YEAR_FIGURES: tuple[Carry, ...] = (
    Carry("three_public.final", "three_public.prior_final"),      # “三公”经费 本年决算数 -> 上年决算数
    Carry("tp_final_stated", "tp_prior_stated"),
    Carry("income.executed", "income.prior_final"),               # 收入 全年执行数 -> 上年决算数
    Carry("exp_nature.executed", "exp_nature.prior_final"),       # 支出 全年执行数 -> 上年决算数
    Carry("exp_basic.executed", "exp_basic.prior_final"),
    Carry("exp_function.current", "exp_function.prior"),          # 功能分类 本年决算数 -> 上年决算数
    Carry("exp_total_stated", "exp_prior_total_stated"),
    Carry("carryover_current", "carryover_prior"),                # 本年末结转结余 -> 上年末结转结余
    Carry("stock_funds_current", "stock_funds_prior"),            # 本年末存量资金 -> 上年末存量资金
)

#: Fields that stay from one year to the next (the year itself becomes LAST + 1).
CARRIED_FIELDS: tuple[str, ...] = (
    "department_name", "budget_code", "supervisor", "unit_head", "preparer", "phone",
    "amount_unit", "framework", "region", "duties", "organization", "subordinate_units",
    "authorized_total", "execution_weight",
)

_INDICATOR_SYSTEM = ("level1", "level2", "level3", "nature", "direction", "target_text", "target",
                     "target_upper", "unit", "applicable", "weight")

#: Table columns that stay (a starting point the user edits): 编制, the 功能分类科目 list, the
#: indicator systems with their weights and targets, the project list.  Actuals, scores and
#: this year's amounts are left blank.
CARRIED_COLUMNS: dict[str, tuple[str, ...]] = {
    "staffing": ("category", "authorized", "note"),
    "exp_function": ("subject",),
    "dept_indicators": _INDICATOR_SYSTEM,
    "system_indicators": ("level1", "level1_weight", "level2", "level2_weight", "level3",
                          "weight", "applicable", "criteria"),
    "bonus": ("item", "points_each", "cap"),
    "projects": ("project", "supervisor", "implementer", "execution_weight"),
    "project_indicators": ("project",) + _INDICATOR_SYSTEM,
}


# ----------------------------------------------------------------------------------------------
# Positions
# ----------------------------------------------------------------------------------------------
class Layout:
    """Positions of every block, field and table column in the standard workbook."""

    def __init__(self, sheets: tuple[Sheet, ...] = SHEETS) -> None:
        self.sheets = sheets
        self.places: dict[str, Place] = {}
        self.fields: dict[str, tuple[Sheet, FieldBlock, Field]] = {}
        self.tables: dict[str, tuple[Sheet, Table]] = {}
        for sheet in sheets:
            row = FIRST_ROW
            for block in sheet.blocks:
                self.places[block.key] = Place(sheet.name, row, row + 1)
                if isinstance(block, FieldBlock):
                    for f in block.fields:
                        if f.key in self.fields:
                            raise ValueError(f"duplicate field {f.key}")
                        self.fields[f.key] = (sheet, block, f)
                    row += 1 + len(block.fields) + 1
                else:
                    if block.key in self.tables:
                        raise ValueError(f"duplicate table {block.key}")
                    self.tables[block.key] = (sheet, block)
                    row += 1 + 1 + block.n_rows + 1

    # fields ---------------------------------------------------------------------------------
    def field(self, key: str) -> Field:
        return self.fields[key][2]

    def field_cell(self, key: str) -> tuple[str, str]:
        """(sheet name, "B7") of field ``key`` in the standard position."""
        sheet, block, f = self.fields[key]
        i = block.fields.index(f)
        return sheet.name, f"B{self.places[block.key].first_row + i}"

    # tables ---------------------------------------------------------------------------------
    def table(self, key: str) -> Table:
        return self.tables[key][1]

    def table_sheet(self, key: str) -> str:
        return self.tables[key][0].name

    def header_row(self, key: str) -> int:
        return self.places[key].first_row

    def first_data_row(self, key: str) -> int:
        return self.places[key].first_row + 1

    def table_ref(self, key: str) -> str:
        t = self.table(key)
        last_col = get_column_letter(len(t.columns))
        return f"A{self.header_row(key)}:{last_col}{self.first_data_row(key) + t.n_rows - 1}"

    def column_letter(self, table: str, column: str) -> str:
        return get_column_letter(self.table(table).col_index(column) + 1)

    def table_cell(self, table: str, index: int, column: str,
                   first_data_row: int | None = None) -> tuple[str, str]:
        """(sheet, "C12") of data row ``index`` (0-based) of ``table``; ``first_data_row``
        overrides the standard position (a reader passes where the table really starts)."""
        start = self.first_data_row(table) if first_data_row is None else first_data_row
        return self.table_sheet(table), f"{self.column_letter(table, column)}{start + index}"

    # formulas -------------------------------------------------------------------------------
    _TOKEN = re.compile(r"\{(fz|cz|f|c|col):([A-Za-z0-9_.]+)\}")

    def expand(self, template: str, *, sheet: str, table: str | None = None,
               row: int | None = None) -> str:
        """Turn a formula template into A1 references for a cell on ``sheet`` (and ``row`` of
        ``table`` for ``{c:...}``)."""
        if template == "__indicator_score__":
            template = INDICATOR_SCORE_FORMULA

        def ref(target_sheet: str, a1: str) -> str:
            return a1 if target_sheet == sheet else f"'{target_sheet}'!{a1}"

        def sub(m: re.Match[str]) -> str:
            kind, key = m.group(1), m.group(2)
            if kind in ("fz", "cz"):
                # a number as arithmetic reads it, blank (or spaces only) as 0: as perfxl reads it
                inner = sub(re.match(self._TOKEN, "{" + kind[0] + ":" + key + "}"))
                return f'IF(TRIM({inner})="",0,{inner})'
            if kind == "f":
                s, cell = self.field_cell(key)
                col = re.match(r"[A-Z]+", cell).group(0)
                return ref(s, f"${col}${cell[len(col):]}")
            if kind == "c":
                assert table is not None and row is not None
                return f"{self.column_letter(table, key)}{row}"
            tkey, ckey = key.split(".")
            letter = self.column_letter(tkey, ckey)
            first = self.first_data_row(tkey)
            last = first + self.table(tkey).n_rows - 1
            return ref(self.table_sheet(tkey), f"${letter}${first}:${letter}${last}")

        return self._TOKEN.sub(sub, template)

    @cached_property
    def formula_owners(self) -> dict[tuple[str, str], tuple]:
        """Every formula cell of the template: (sheet, A1) -> ``("field", key)`` or
        ``("column", table, column, index)``, what computes it (``perfxl.derived`` has a twin of
        each)."""
        out: dict[tuple[str, str], tuple] = {}
        for key, (_s, _b, f) in self.fields.items():
            if f.role == FORMULA and f.formula:
                out[self.field_cell(key)] = ("field", key)
        for tkey, (_s, t) in self.tables.items():
            for c in t.columns:
                if c.role == FORMULA and c.formula:
                    for i in range(t.n_rows):
                        out[self.table_cell(tkey, i, c.key)] = ("column", tkey, c.key, i)
        return out

    @cached_property
    def formula_cells(self) -> dict[tuple[str, str], str]:
        """Every formula cell of the template: (sheet, A1) -> formula text."""
        out: dict[tuple[str, str], str] = {}
        for key, (sheet, block, f) in self.fields.items():
            if f.role == FORMULA and f.formula:
                s, cell = self.field_cell(key)
                out[(s, cell)] = self.expand(f.formula, sheet=s)
        for tkey, (sheet, t) in self.tables.items():
            for c in t.columns:
                if c.role == FORMULA and c.formula:
                    for i in range(t.n_rows):
                        s, cell = self.table_cell(tkey, i, c.key)
                        out[(s, cell)] = self.expand(c.formula, sheet=s, table=tkey,
                                                     row=self.first_data_row(tkey) + i)
        return out


LAYOUT = Layout()
