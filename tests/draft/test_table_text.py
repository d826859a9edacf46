"""PX624–PX626 (and PX611 on a table): the draft's tables against its prose, on drafts written
otherwise than the seed — spaces, full-width digits and punctuation, 元 against 万元, other
wording, tables pasted one cell per line and real .docx tables — and near misses that must stay
quiet."""
from __future__ import annotations

import pytest

from perfxl.draft import check_draft, check_text
from perfxl.draft.reading import units_from_text
from perfxl.draft.rules_table_text import key, same_quantity
from perfxl.draft.tables import pairs, read_tables, stated_unit
from perfxl.draft.text import Doc

HEAD = "2023年度部门整体支出绩效自评报告\n\n"
CODES = ("PX611", "PX624", "PX625", "PX626")


def found(text, codes=CODES):
    return [f for f in check_text(HEAD + text) if f.rule in codes]


def staff_table(n, rate="94.64%", title="基础数据表"):
    return (f"\t{title}\n\n\t财政供养人员情况\n\t编制数\n\t年末实际在职人数\n\t控制率\n\n"
            f"\t\n\t{n}\n\t53\n\t{rate}\n")


def self_table(basic="2202.32", project="1793.17", unit="(万元)"):
    return ("\t部门整体支出绩效自评表\n\n\t年度预算申请\n\t年初预算数" + unit + "\n\t全年预算数\n"
            "\t全年执行数\n\t分值\n\t执行率\n\t得分\n\n"
            "\t\n\t年度资金总额：\n\t2161.19\n\t4128.02\n\t3995.49\n\t10\n\t96.79%\n\t9.68\n\n"
            "\t\n\t一般公共预算：\n\t3667.49\n\t其中:基本支出：\n\t" + basic + "\n\n"
            "\t\n\t纳入专户管理的非税收入拨款：\n\t79.41\n\t项目支出：\n\t" + project + "\n")


# ---------------------------------------------------------------- tables.pairs, key, same_quantity

def test_pairs_of_a_row_and_the_stated_unit():
    doc = Doc(units_from_text(self_table()))
    got = [(key(p.label.text), str(p.figure.value), p.unit)
           for t in read_tables(doc) for r in t.rows for p in pairs(doc, t, r)]
    assert got == [("一般公共预算", "3667.49", "万元"), ("基本支出", "2202.32", "万元"),
                   ("纳入专户管理的非税收入拨款", "79.41", "万元"), ("项目支出", "1793.17", "万元")]
    assert stated_unit("金额（元）") == "元" and stated_unit("单位：万元") == "万元"
    assert stated_unit("(万元)", "(元)") is None and stated_unit("全年预算数") is None
    caption = Doc(units_from_text("\t收支情况表\n\n\t单位：元\n\n\t\n\t项目支出：\n\t17931700.00\n"))
    units = [p.unit for t in read_tables(caption) for r in t.rows for p in pairs(caption, t, r)]
    assert units == ["元"]


def test_a_row_by_columns_has_no_pair():
    text = ("\t经费控制情况(万元)\n\t2022年决算数\n\t2023年预算数\n\t2023年决算数\n\n"
            "\t三公经费\n\t11.37\n\t55.77\n\t5.76\n\n\t3.公务接待\n\t2.40\n\t\n\t0.81\n")
    doc = Doc(units_from_text(text))
    assert [p for t in read_tables(doc) for r in t.rows for p in pairs(doc, t, r)] == []


@pytest.mark.parametrize(("prose", "table", "same"), [
    ("局机关2023年包括省级共支出专项资金", "项目支出：", True),
    ("本年项目资金支出", "项目支出", True),
    ("项目支出", "项目支出", True),
    ("市商务局共支出专项经费", "项目支出", True),
    ("其中市级专项资金", "项目支出", False),
    ("招商引资专项资金", "项目支出", False),
    ("基本支出", "其中:基本支出：", True),
    ("一般公共预算支出", "一般公共预算：", False),
])
def test_names_of_one_quantity(prose, table, same):
    assert same_quantity(key(prose), key(table)) is same


# ---------------------------------------------------------------- PX624

@pytest.mark.parametrize("prose", [
    "核定行政编制54名，财政全额事业编制25名，工勤编制2名。其中市投资促进事务中心事业编制25名。",
    "核定行政编制 54 名、事业编制 25 名、工勤编制 2 名。",
    "本局核定行政编制５４名；事业编制２５名；工勤编制２名。",
])
def test_staff_table_counts_a_subset(prose):
    fs = found(prose + "\n" + staff_table(56))
    assert [(f.rule, f.line, f.level) for f in fs] == [("PX624", 3, "warning")]
    assert fs[0].expected == 81 and fs[0].actual == 56
    assert "恰为行政编制" in fs[0].message and "+ 工勤编制" in fs[0].message
    assert "事业编制" in fs[0].message.split("未含")[1]


def test_staff_table_counts_one_type_only():
    fs = found("核定行政编制54名，事业编制25名，工勤编制2名。\n" + staff_table(54, "98.15%"))
    assert [(f.rule, f.actual) for f in fs] == [("PX624", 54)]


def test_staff_total_stated_and_no_subset():
    fs = found("市中区经济合作局核定人员编制 10 个，其中行政编制 9 个，工勤编制 1 个。\n"
               + staff_table(12, "441.67%"))
    assert [(f.rule, f.expected, f.actual) for f in fs] == [("PX624", 10, 12)]
    assert "恰为" not in fs[0].message


@pytest.mark.parametrize("text", [
    # the table counts what the prose lists
    "核定行政编制54名，财政全额事业编制25名，工勤编制2名。\n" + staff_table(81, "65.43%"),
    "核定编制 81 名，其中：行政编制 54 名、事业编制 25 名、工勤编制 2 名。\n" + staff_table(81, "65.43%"),
    # the prose states the table's 编制数 too: its scope is written (perfxl's own report)
    "核定编制81名，其中：行政编制54名、事业编制25名、工勤编制2名。\n"
    "财政供养人员编制数56人，实际在职人数53人，在职人员控制率94.64%。\n" + staff_table(56),
    # 实有 figures are no 编制; a 其中 sentence alone states no 编制 of the whole
    "核定编制 56 名。年末实有行政编制 50 人、工勤 3 人。\n" + staff_table(56),
    "其中事务中心事业编制25名。\n" + staff_table(56),
    # no table of 编制数
    "核定行政编制54名，财政全额事业编制25名，工勤编制2名。\n",
    # one 编制 type alone is no listing to add up
    "核定行政编制54名。\n" + staff_table(56),
])
def test_staff_quiet(text):
    assert found(text) == []


# ---------------------------------------------------------------- PX625

@pytest.mark.parametrize(("prose", "note"), [
    ("1、基本支出具体使用情况：工资福利支出为924.72万；商品和服务支出为265.4万；"
     "对个人和家庭的补助为1009.27万；资本性支出为2.94万。", True),
    ("（一）基本支出构成：工资福利支出 924.72 万元，商品和服务支出 265.40 万元，"
     "对个人和家庭的补助 1,009.27 万元，资本性支出 2.94 万元。", True),
    ("基本支出明细如下：工资福利支出９２４．７２万元；商品和服务支出２６５．４０万元；"
     "对个人和家庭的补助１００９．２７万元；资本性支出２．９４万元。", True),
    ("基本支出包括：人员经费 1,934.00 万元，公用经费 268.82 万元。", False),
    ("2023 年局机关基本支出构成：工资福利支出 924.72 万元，商品和服务支出 265.40 万元，"
     "对个人和家庭的补助 1009.27 万元，资本性支出 2.94 万元。", True),
])
def test_unstated_breakdown_against_the_table(prose, note):
    fs = found(prose + "\n" + self_table())
    assert [(f.rule, f.line, f.level) for f in fs] == [("PX625", 3, "warning")]
    assert (fs[0].actual, fs[0].unit) == (pytest.approx(2202.32), "万元")  # the prose's unit
    assert ("尾差以内" in fs[0].message) is note


@pytest.mark.parametrize("prose", [
    # the parts add up
    "基本支出具体使用情况：工资福利支出为924.72万；商品和服务支出为265.4万；"
    "对个人和家庭的补助为1009.26万；资本性支出为2.94万。",
    # only the main parts: less than the total is no contradiction
    "基本支出主要用于：工资福利支出 924.72 万元，对个人和家庭的补助 1,009.27 万元。",
    # the total is stated: PX604 checks it (within its rounding slack)
    "基本支出2202.32万元，其中：工资福利支出924.72万元；商品和服务支出265.40万元；"
    "对个人和家庭的补助1009.27万元；资本性支出2.94万元。",
    # another quantity than the table's
    "公用经费具体使用情况：办公费 10.00 万元，差旅费 5.00 万元。",
    "三公经费具体支出情况：公务接待费0.81万；公务用车运行维护费4.95万。",
])
def test_unstated_breakdown_quiet(prose):
    assert found(prose + "\n" + self_table()) == []


def test_unstated_breakdown_table_without_unit():
    """A table that does not state its unit is compared only when the gap is a rounding one."""
    prose = ("基本支出具体使用情况：工资福利支出 9247200 元；商品和服务支出 2654000 元；"
             "对个人和家庭的补助 10092700 元；资本性支出 29400 元。")
    assert found(prose + "\n" + self_table(unit="")) == []
    near = found(prose + "\n" + self_table(unit="", basic="22023299.99"))
    assert [(f.rule, f.level) for f in near] == [("PX625", "warning")]


# ---------------------------------------------------------------- PX626 / PX611

@pytest.mark.parametrize("prose", [
    "局机关2023年包括省级共支出专项资金1793.18万元，大部分为专项资金。",
    "2023年项目支出 1,793.16 万元。",
    "本局共支出专项经费１７９３．１８万元。",
    "全年项目资金支出 17,931,800.00 元。",
])
def test_one_last_digit_apart_is_a_warning(prose):
    fs = found(prose + "\n" + self_table())
    assert [(f.rule, f.line, f.level) for f in fs] == [("PX626", 3, "warning")]
    # in the prose figure's unit
    assert (fs[0].expected, fs[0].unit) in [(pytest.approx(1793.17), "万元"),
                                            (pytest.approx(17931700), "元")]
    assert "项目支出" in fs[0].message and "1793.17" in fs[0].message


def test_farther_apart_is_px611():
    fs = found("局机关共支出专项资金 1,803.17 万元。\n" + self_table())
    assert [(f.rule, f.line, f.level) for f in fs] == [("PX611", 3, "error")]
    assert (fs[0].expected, fs[0].unit) == (pytest.approx(1793.17), "万元")


@pytest.mark.parametrize("text", [
    "局机关2023年共支出专项资金1793.17万元。\n" + self_table(),
    # written with fewer decimals, rounding to the table's figure
    "项目支出 1793.2 万元。\n" + self_table(),
    # another level's funds, last year's figure, another year's figure
    "其中市级专项资金 1793.18 万元。\n" + self_table(),
    "上年项目支出 1793.18 万元。\n" + self_table(),
    "项目支出 1793.18 万元，较上年 1700.00 万元增加 93.18 万元。\n" + self_table(project="1793.18"),
    "2021年项目支出 1793.18 万元。\n" + self_table(),
    # a table without its unit: a prose amount far from the cell may be in another unit
    "项目支出 17931700 元。\n" + self_table(unit="", project="1793"),
    "项目支出 1803.17 万元。\n" + self_table(unit=""),
])
def test_prose_and_table_quiet(text):
    assert found(text) == []


# ---------------------------------------------------------------- a real .docx table

def test_docx_tables(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("2023年度部门整体支出绩效自评报告")
    d.add_paragraph("核定行政编制 54 名，事业编制 25 名，工勤编制 2 名。")
    d.add_paragraph("基本支出具体使用情况：工资福利支出924.72万元；商品和服务支出265.40万元；"
                    "对个人和家庭的补助1009.27万元；资本性支出2.94万元。")
    d.add_paragraph("本年共支出专项资金 1793.18 万元。")
    d.add_paragraph("基础数据表")
    t = d.add_table(rows=2, cols=3)
    for c, v in zip(t.rows[0].cells, ("编制数", "实际在职人数", "控制率")):
        c.text = v
    for c, v in zip(t.rows[1].cells, ("56", "53", "94.64%")):
        c.text = v
    d.add_paragraph("部门整体支出绩效自评表（万元）")
    t = d.add_table(rows=2, cols=4)
    for r, vals in zip(t.rows, (("一般公共预算：", "3667.49", "其中:基本支出：", "2202.32"),
                               ("纳入专户管理的非税收入拨款：", "79.41", "项目支出：", "1793.17"))):
        for c, v in zip(r.cells, vals):
            c.text = v
    p = tmp_path / "d.docx"
    d.save(str(p))
    fs = [(f.rule, f.paragraph, f.level) for f in check_draft(p) if f.rule in CODES]
    assert fs == [("PX624", 2, "warning"), ("PX625", 3, "warning"), ("PX626", 4, "warning")]
