"""The one glossary: English identifier <-> official Chinese term.

Identifiers in code map one-to-one to the field's standard terms (execution_rate 执行率,
staff_control_rate 在职人员控制率 ...).  Field and column identifiers of the workbook come from
the layout description; the derived indicators and rule vocabulary are listed here.
``docs/glossary.md`` is generated from this module (``python -m perfxl.glossary``).
"""
from __future__ import annotations

import re

#: Derived figures and indicator names (source in brackets).
TERMS: dict[str, str] = {
    "execution_rate": "预算执行率（执行率）",            # 全年执行数 / 全年预算数 [财预〔2020〕10号]
    "execution_score": "预算执行率得分",
    "budget_adjustment_rate": "预算调整率",              # 预算调整数 / 年初预算数 [财预〔2013〕53号]
    "budget_completion_rate": "预算完成率",              # [53号; 湖南 S15]
    "staff_control_rate": "在职人员控制率",              # 在职人数 / 编制数 [53号]
    "three_public_change_rate": "“三公经费”变动率",      # [53号]
    "three_public_control_rate": "“三公经费”控制率",     # [53号]
    "public_funds_control_rate": "公用经费控制率",        # [53号]
    "procurement_rate": "政府采购执行率",                 # [53号]
    "carryover_rate": "结转结余率",                       # [53号]
    "carryover_change_rate": "结转结余变动率",            # [53号]
    "stock_funds_change_rate": "存量资金变动率",          # [seed 000]
    "fixed_asset_utilization": "固定资产利用率",          # [53号]
    "share": "占比",
    "change": "增减额",
    "change_rate": "增减率",
    "weight": "分值",
    "score": "得分",
    "stated": "填报",
    "grade": "等级",
    "total": "总分",
    "level1": "一级指标",
    "level2": "二级指标",
    "level3": "三级指标",
    "quantitative": "定量",
    "qualitative": "定性",
    "deviation": "偏差原因分析及改进措施",
    "framework": "评价框架",
    "finding": "校验结果",
    "prior": "上年（上一年度）",                         # prior_final 上年决算数, --prior 上年工作簿
    "prior_year_figure": "上年数",                       # PX118: 上年数 = 上年工作簿的本年数
    "carry_forward": "生成下一年度工作簿（结转上年数据）",  # perfxl new --from
    # report-draft proofreading (perfxl.draft, PX6xx)
    "draft": "自评报告草稿",
    "claim": "表述（一句话中数字之间的关系）",
    "breakdown": "其中分项",
    "enumeration": "列举",
    "restated": "前后表述",
    "quote": "原文",
    "line": "行",
    "paragraph": "段",
    "from_line": "起始行",
    "from_paragraph": "起始段",
}

#: Column headers real forms use for the same field -> the standard header.
HEADER_ALIASES: dict[str, str] = {
    "年度预算数": "年初预算数",
    "年初预算": "年初预算数",
    "调整后预算数": "全年预算数",
    "全年预算": "全年预算数",
    "实际支出": "全年执行数",
    "全年执行": "全年执行数",
    "决算数": "全年执行数",
    "全年决算数": "全年执行数",
    "本年决算": "本年决算数",
    "上年决算": "上年决算数",
    "权重": "分值",
    "指标权重": "分值",
    "自评得分": "得分（填报）",
    "年初指标值": "年度指标值",
    "全年实际值": "实际完成值",
    "偏差原因分析及改进措施": "偏差原因分析及改进措施",
    "偏差说明": "偏差原因分析及改进措施",
}

#: Names a report gives one quantity in its prose and its tables -> the name the tables use
#: (the draft rules compare a prose figure with a table cell under either name, PX626).
#: In 自评报告 the 项目支出 of the 自评表 is told in the prose as the 专项资金 spent (seed 004:
#: 「共支出专项资金1793.18万元」 / 「项目支出： 1793.17」).  Longer names first.
QUANTITY_SYNONYMS: dict[str, str] = {
    "专项资金支出": "项目支出",
    "项目资金支出": "项目支出",
    "专项经费支出": "项目支出",
    "专项支出": "项目支出",
    "专项资金": "项目支出",
    "专项经费": "项目支出",
    "项目资金": "项目支出",
    "项目经费": "项目支出",
    # the lines of the “三公” account, as prose shortens them (the quantity model of the
    # draft, perfxl.draft.quantities, compares two amounts only under one name)
    "公务用车运行维护费用": "公务用车运行维护费",
    "公务用车运行费用": "公务用车运行维护费",
    "公务用车运行支出": "公务用车运行维护费",
    "公务用车运行维护支出": "公务用车运行维护费",
    "公务用车购置支出": "公务用车购置费",
    "公务用车运行费": "公务用车运行维护费",
    "公务用车购置费用": "公务用车购置费",
    "公务接待费支出": "公务接待费",
    "公务接待支出": "公务接待费",
    "公务接待": "公务接待费",
    # the 公务用车 line of a “三公” table and the two columns under it (车辆购置 / 车辆运行)
    "公车购置及运行维护费": "公务用车购置及运行维护费",
    "公车购置及运行费": "公务用车购置及运行维护费",
    "公务用车购置及运行费": "公务用车购置及运行维护费",
    "车辆购置费": "公务用车购置费",
    "车辆购置": "公务用车购置费",
    "车辆运行维护费": "公务用车运行维护费",
    "车辆运行费": "公务用车运行维护费",
    "车辆运行": "公务用车运行维护费",
}

#: Breakdowns with nothing left over: each tuple names every part of one whole (财政部 部门决算
#: 口径: 一般公共预算收入 = 税收收入 + 非税收入; 支出 by its nature = 基本支出 + 项目支出; 基本支出 = 人员经费 + 公用经费; “三公”经费 = 因公出国(境)费 + 公务用车购置及运行维护费 +
#: 公务接待费, and the 公务用车 line = 购置费 + 运行维护费).  A 其中 list that names every part
#: of one of them (after ``QUANTITY_SYNONYMS``) is complete, so its parts must make its total
#: also when they add to less (PX604); any other list may name only some parts.  Each part is a
#: regular expression a part's name contains (「非税收入」 holds 税收: hence ``(?<!非)税收``).
#: Funds by the level of government that gives them (预算法 第五条: 中央预算 and 地方预算 make the
#: whole; 地方 = 省、市、县 levels) are a partition too, when the part's name *opens* with the level
#: (「中央安排直达资金」, 「省级资金」): a 地方政府债券 is a kind of fund, not a level, and is left out.
LEVEL_PARTS = ("^中央(?!.*债)", "^省(?:本)?级", "^市(?:本)?级", "^县(?:本)?级")
THREE_PUBLIC_PARTS = ("因公出国", "公务用车购置及运行维护费", "公务接待费")
CAR_PARTS = ("公务用车购置费", "公务用车运行维护费")
COMPLETE_BREAKDOWNS: tuple[tuple[str, ...], ...] = (
    ("(?<!非)税收", "非税"),
    ("基本支出", "项目支出"),
    ("人员经费", "公用经费"),
    THREE_PUBLIC_PARTS,
    (THREE_PUBLIC_PARTS[0], *CAR_PARTS, THREE_PUBLIC_PARTS[2]),
    CAR_PARTS,
    (LEVEL_PARTS[0], "^地方(?!.*债)"),
    LEVEL_PARTS,
)
#: Classes of one dimension that never overlap (each tuple: the parts of one classification of a
#: whole), whether or not they name all of it: the complete breakdowns above, and the economic
#: classes of 基本支出 (政府收支分类科目 支出经济分类: 工资福利支出, 商品和服务支出, 对个人和家庭的
#: 补助, 资本性支出, 债务利息).  Shares of one whole by parts of one such tuple add to at most 100 %
#: (PX673); parts of two classifications (基本支出 and 财政拨款支出) may overlap.
DISJOINT_PARTS: tuple[tuple[str, ...], ...] = COMPLETE_BREAKDOWNS + (
    ("工资福利", "商品和服务", "对个人和家庭", "资本性", "债务利息"),
)
#: A whole of several function classes (民生支出 = 教育 + 社会保障和就业 + 卫生健康 + …): listed
#: beside other parts, they are inside it, so the list adds nothing up (PX604).  国家财政性教育经费
#: (教育经费统计: 一般公共预算安排的教育经费 + 政府性基金预算安排的 + …) holds 一般公共预算教育经费
#: the same way.
OVERLAPPING_PARTS = ("民生", "国家财政性")


#: The wholes above by their own name, whole -> the patterns of its parts (the parts of a
#: change, PX640: the changes of all the parts of “三公”经费 make its change).
QUANTITY_PARTS: dict[str, tuple[str, ...]] = {
    "“三公”经费": THREE_PUBLIC_PARTS,
    "公务用车购置及运行维护费": CAR_PARTS,
}


def workbook_terms() -> dict[str, str]:
    """Every field and column identifier of the workbook -> its Chinese label."""
    from perfxl.layout import LAYOUT  # not at import: the draft reader needs only the synonyms

    out: dict[str, str] = {}
    for key, (_sheet, _block, f) in LAYOUT.fields.items():
        out[key] = f.label
    for tkey, (_sheet, t) in LAYOUT.tables.items():
        for c in t.columns:
            out[f"{tkey}.{c.key}"] = c.header
    return out


def term(identifier: str) -> str:
    """The Chinese term of an identifier (derived term, field key or ``table.column``)."""
    if identifier in TERMS:
        return TERMS[identifier]
    return workbook_terms()[identifier]


def _shown_part(pattern: str) -> str:
    """A part's pattern as the glossary shows it: the words, without the regex syntax
    (``^省(?:本)?级`` -> 省级)."""
    return re.sub(r"\(\?<?[!=][^)]*\)|\(\?:[^)]*\)\?|\^", "", pattern)


def markdown() -> str:
    lines = ["# 术语表 Glossary", "", "| identifier | 中文术语 |", "|---|---|"]
    lines += [f"| `{k}` | {v} |" for k, v in TERMS.items()]
    lines += ["", "## 同一数量的不同叫法（报告草稿校对）", "", "| 正文写法 | 表中名称 |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in QUANTITY_SYNONYMS.items()]
    lines += ["", "## 不多不少的分项（报告草稿“其中”）", "", "| 分项 |", "|---|"]
    lines += [f"| {' + '.join(_shown_part(w) for w in t)} |" for t in COMPLETE_BREAKDOWNS]
    lines += ["", "包含其他各类支出的汇总口径（与之并列的分项不相加）：" + "、".join(
        f"{w}……" for w in OVERLAPPING_PARTS)]
    lines += ["", "## 工作簿字段", "", "| identifier | 中文标签 |", "|---|---|"]
    lines += [f"| `{k}` | {v} |" for k, v in workbook_terms().items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(markdown(), end="")
