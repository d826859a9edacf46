"""Red team of issue 20 against the proofreader's WARNING-level rules (PX604 PX606 PX610 PX612
PX621 PX622 PX623 PX624 PX625 PX626 PX628 PX629 PX631 PX632 PX642 PX645 PX661 PX662 PX663).

Warnings are shown by default, so a warning that nags on sound text gets the proofreader
switched off.  QUIET drafts: plausible sentences of our own wording where figures look related
but are not the same quantity (non-exhaustive lists, other years, other stages, other scopes,
rounding that allows what is written, explanations in other words); the rule must not report
at all.  RECALL drafts: a real, certain mistake the rule must still report.  All drafts are
invented for these tests."""
from __future__ import annotations

import pytest

from perfxl.draft import check_text
from tests.draft.test_table_blocks import _table
from tests.draft.test_table_text import self_table, staff_table

T22 = "某县农业农村局2022年度部门决算说明\n"
T23 = "某区水务局2023年度部门整体支出绩效自评报告\n"


HEAD = ("支出情况（万元）", "上年决算数", "本年预算数", "本年决算数")
STAFF = "核定行政编制54名，事业编制25名，工勤编制2名。\n"
FORM = "项目支出绩效自评表（2024年度）\n"
DOC = "根据甲财农〔2024〕12号《关于下达2024年农田水利补助资金的通知》，下达我县资金 40 万元。\n"
COUNT = ("全年签约项目 20 个，总投资额 95.2 亿元。正式签约项目 15 个，总投资额 70.5 亿元。"
         "签订意向协议 5 个，总投资额 24.7 亿元。\n")
H642 = (T22 + "第三部分 2022年度部门决算情况说明\n一、关于2022年度收入支出决算总体情况说明\n"
        "二、关于2022年度收入决算情况说明\n三、关于2022年度支出决算情况说明\n")

QUIET = [
    # ---- PX604: 其中 lists
    ("PX604", T22 + "本年支出 500.00 万元，其中主要是会议费 100.00 万元、培训费 50.00 万元。\n",
     "其中主要是: not every part"),
    ("PX604", T22 + "项目资金 200.00 万元，其中中央资金 120.00 万元、省级资金 80.00 万元，"
     "已支出 150.00 万元。\n", "a spending figure after the parts"),
    ("PX604", T22 + "年初预算 100.00 万元，全年执行 90.00 万元，其中会议费预算 60.00 万元、执行 "
     "55.00 万元，培训费预算 40.00 万元、执行 35.00 万元。\n", "two totals by stage"),
    ("PX604", T22 + "收入合计 300.00 万元，其中财政拨款收入 250.00 万元（其中基本支出拨款 200.00 万元），"
     "其他收入 50.00 万元。\n", "a nested 其中 in parentheses"),
    ("PX604", T22 + "支出合计 3,000,000.00 元，其中基本支出 200.00 万元、项目支出 100.00 万元。\n",
     "元 total, 万元 parts"),
    ("PX604", T22 + "收入合计 300.00 万元，较上年 280.00 万元增加 20.00 万元，其中财政拨款收入 "
     "250.00 万元，其他收入 50.00 万元。\n", "上年 and change before the parts"),
    # ---- PX606: shares without %
    ("PX606", T22 + "项目占地 0.8 公顷，占用林地 0.35 公顷。\n", "占地 / 占用 are no shares"),
    ("PX606", T22 + "基本支出占总支出的比重为 35.00%，较上年提高 0.5 个百分点。\n", "百分点"),
    ("PX606", T22 + "其他收入 2.00 万元，占收入总额不足 1%。\n", "a bound in %"),
    ("PX606", T22 + "财政拨款收入占总收入的三成以上，其他收入 0.35 万元。\n", "no figure of the share"),
    ("PX606", T22 + "资产负债率 0.45，流动比率 1.20。\n", "ratios are no 占比"),
    # ---- PX610: other years on purpose
    ("PX610", T22 + "2021年结转资金 20.00 万元已于本年全部使用。\n", "a carry-over of the year before"),
    ("PX610", T22 + "该项目自2019年起实施，总投资 800.00 万元。\n", "a start year"),
    ("PX610", T22 + "截至2021年底累计投入 500.00 万元。\n", "a cumulative figure"),
    ("PX610", T22 + "下一步工作计划：2023年预算安排 150.00 万元，继续实施农田水利项目。\n",
     "next year's plan"),
    ("PX610", T22 + "针对2021年度绩效评价发现的问题，已整改到位，涉及资金 12.00 万元。\n",
     "an audit of another year"),
    # ---- PX612: precision of one amount
    ("PX612", T22 + "项目支出 1234.56 万元。\n项目支出约 1234.6 万元，主要用于农田建设。\n", "约"),
    ("PX612", T22 + "2021年项目支出 300.5 万元。\n2022年项目支出 300.48 万元。\n", "two years"),
    ("PX612", T22 + "项目支出 3244335.71 元。\n项目支出 324.43 万元，占总支出的 40.00%。\n",
     "元 and 万元"),
    ("PX612", T22 + "市级项目支出 120.5 万元。\n项目支出 120.46 万元。\n", "a scope"),
    ("PX612", T22 + "项目支出年初预算 300.5 万元。\n项目支出决算 300.48 万元。\n", "two stages"),
    # ---- PX621: 无结余
    ("PX621", T22 + "年初预算 70.40 万元，调整预算 53.27 万元，实际执行 53.27 万元，年末资金无结余。\n",
     "an adjusted budget equal to the spending"),
    ("PX621", T22 + "预算 70.40 万元，执行 53.27 万元，剩余 17.13 万元已收回财政，年末资金无结余。\n",
     "收回"),
    ("PX621", T22 + "预算 70.4 万元，执行 70.38 万元，执行率 99.97%，年末资金无结余。\n", "rounding"),
    ("PX621", T22 + "A项目预算 50.00 万元，执行 40.00 万元，结转下年 10.00 万元；B项目预算 20.00 万元，"
     "执行 20.00 万元，B项目资金无结余。\n", "another project's no balance"),
    ("PX621", T22 + "项目预算 70.40 万元，执行 53.27 万元，17.13 万元按规定结转下年使用，无结余资金。\n",
     "结转 is not 结余"),
    # ---- PX622: total rows
    ("PX622", "一、基础数据\n" + _table(HEAD, ("会议培训费合计", "12.00", "50.00", "33.00"),
                                      ("其中：会议费", "7.00", "20.00", "13.00")),
     "其中 lists one main part"),
    ("PX622", "一、基础数据\n" + _table(("项目（万元）", "预算数", "决算数", "执行率"),
                                      ("合计", "100.00", "90.00", "90.00%"),
                                      ("1、会议费", "60.00", "55.00", "91.67%"),
                                      ("2、培训费", "40.00", "35.00", "87.50%")), "a rate column"),
    ("PX622", "一、基础数据\n" + _table(HEAD, ("合计", "12.35", "50.01", "33.34"),
                                      ("1、会议费", "7.12", "20.01", "13.17"),
                                      ("2、培训费", "5.24", "30.01", "20.18")), "rounding of 元"),
    ("PX622", "一、基础数据\n" + _table(HEAD, ("合计", "12.00", "50.00", "33.00"),
                                      ("1、会议费", "7.00", "20.00", "13.00"),
                                      ("其中：视频会议", "2.00", "5.00", "3.00"),
                                      ("2、培训费", "5.00", "30.00", "20.00")), "a sub-item's 其中"),
    ("PX622", "一、基础数据\n" + _table(HEAD, ("1、会议费", "7.00", "20.00", "13.00"),
                                      ("2、培训费", "5.00", "30.00", "20.00"),
                                      ("合计", "12.00", "50.00", "33.00")), "the total below"),
    # ---- PX623: item numbers
    ("PX623", _table(("项目", "预算数", "决算数"), ("一、基本支出", "10", "9"), ("1、工资福利", "6", "5"),
                     ("2、商品服务", "4", "4"), ("二、项目支出", "5", "5"), ("1、专项A", "3", "3"),
                     ("2、专项B", "2", "2")), "restart under a new heading"),
    ("PX623", _table(("一级指标", "二级指标", "指标值"), ("产出指标", "1、数量指标", "100人次"),
                     ("", "2、质量指标", "100%"), ("效益指标", "1、社会效益", "有效提升"),
                     ("", "2、满意度", "95%")), "indicator tables restart per 一级指标"),
    ("PX623", _table(("项目", "预算数", "决算数"), ("1、会议费", "3", "2"), ("（1）视频会议", "1", "1"),
                     ("（2）现场会议", "2", "1"), ("2、培训费", "2", "2"), ("（1）线上培训", "1", "1"),
                     ("（2）线下培训", "1", "1")), "sub-numbers under each parent"),
    ("PX623", "表1 支出表\n" + _table(("项目", "预算数"), ("1、会议费", "3"), ("2、培训费", "2"))
     + "表2 收入表\n" + _table(("项目", "决算数"), ("1、财政拨款", "3"), ("2、其他收入", "2")),
     "two tables"),
    ("PX623", _table(("项目", "说明"), ("1、会议费", "1.控制规模；2.压缩天数"),
                     ("2、培训费", "1.线上为主；2.严控人数")), "numbers inside cells"),
    # ---- PX624: 编制
    ("PX624", "核定编制 81 名，实有人员 75 名。\n" + staff_table(81, "92.59%"), "the total, stated"),
    ("PX624", "核定行政编制54名，事业编制25名（其中参照公务员法管理10名），工勤编制2名。\n"
     + staff_table(81, "65.43%"), "a 其中 inside a type"),
    ("PX624", "年末实有行政人员 50 人、事业人员 3 人。\n" + staff_table(56), "实有, no 编制"),
    ("PX624", "退休人员 20 名，遗属 2 名。\n" + staff_table(56), "no 编制 at all"),
    ("PX624", "2021年核定行政编制50名、工勤编制2名；2022年核定行政编制54名、工勤编制2名。\n"
     + staff_table(56), "two years listed"),
    # ---- PX625: parts against the table
    ("PX625", "基本支出主要用于：工资福利支出 924.72 万元，商品和服务支出 265.40 万元。\n"
     + self_table(), "主要用于, partial"),
    ("PX625", T22 + "2021年基本支出构成：工资福利支出 900.00 万元，商品和服务支出 250.00 万元，"
     "对个人和家庭的补助 1000.00 万元，资本性支出 3.00 万元。\n" + self_table(), "another year"),
    ("PX625", "基本支出年初预算构成：工资福利支出 900.00 万元，商品和服务支出 250.00 万元，"
     "对个人和家庭的补助 1000.00 万元，资本性支出 3.00 万元。\n" + self_table(), "the budget stage"),
    ("PX625", "基本支出包括：人员经费 1,934.00 万元，公用经费 268.32 万元。\n" + self_table(),
     "adds up"),
    ("PX625", "项目支出包括：农田建设 1000.00 万元，水利维护 793.17 万元。\n" + self_table(),
     "project parts add up"),
    # ---- PX626: one last digit
    ("PX626", "其中市级专项资金 1793.18 万元。\n" + self_table(), "a scope"),
    ("PX626", "项目支出约 1793.2 万元。\n" + self_table(), "约, rounding"),
    ("PX626", T22 + "2021年项目支出 1793.18 万元。\n" + self_table(), "another year"),
    ("PX626", "项目支出年初预算 1793.18 万元。\n" + self_table(), "a budget"),
    ("PX626", "本年共支出专项资金 1793.17 万元。\n" + self_table(), "equal"),
    # ---- PX628: year labels
    ("PX628", "2022年度单位决算说明\n2022年本单位无国有资本经营预算支出。\n"
     "自2021年起本单位无政府性基金预算支出。\n", "自 … 起"),
    ("PX628", "2022年度单位决算说明\n2022年本单位无国有资本经营预算支出。\n"
     "2021年本单位无政府性基金预算支出，2022年亦无。\n", "the same sentence names the year"),
    ("PX628", "2022年度单位决算说明\n2022年度项目均已完成。\n2023年度项目均已启动。\n",
     "next year on purpose"),
    ("PX628", "2022年度单位决算说明\n2022年本单位无国有资本经营预算支出。\n"
     "2021年本单位无政府性基金预算支出，与本年情况相同。\n", "compared with 本年"),
    ("PX628", "2022年度单位决算说明\n2022年本单位无国有资本经营预算支出。\n"
     "2021年结转的项目本年已全部完成。\n", "a carry-over"),
    # ---- PX629: carry-over as spending
    ("PX629", T23 + "2023年支出总计 860.00 万元。\n其中基本支出 512.30 万元，项目支出 221.70 万元。\n"
     "年末结转和结余 126.00 万元。\n", "支出总计 includes carry-overs"),
    ("PX629", T23 + "2023年本年支出合计 860.00 万元。\n其中基本支出 512.30 万元，项目支出 221.70 万元。\n"
     "年初结转和结余 126.00 万元。\n", "a beginning balance"),
    ("PX629", T23 + "2023年本年支出合计 860.00 万元。\n2022年基本支出 512.30 万元，项目支出 221.70 万元。\n"
     "年末结转和结余 126.00 万元。\n", "another year's parts"),
    ("PX629", T23 + "2023年本年支出合计 734.00 万元。\n其中基本支出 512.30 万元，项目支出 221.70 万元。\n"
     "年末结转和结余 126.00 万元。\n", "right"),
    ("PX629", T23 + "2023年本年支出合计 860.00 万元。\n其中基本支出 512.30 万元，项目支出 221.70 万元，"
     "上缴上级支出 126.00 万元。\n年末结转和结余 126.00 万元。\n", "a third kind of spending"),
    # ---- PX631: 年度资金总额 0
    ("PX631", FORM + "年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 0 0 0 上年结转资金\n", "all zero"),
    ("PX631", FORM + "年度资金总额: 90 90 89.97 10 99.97% 10 其中:本年财政拨款 90 90 89.97\n",
     "filled"),
    ("PX631", FORM + "年度资金总额: 0 0 0 10 0 0\n年度总体目标：开展培训，其中:培训农民 300 人次，"
     "发放资料 500 份\n", "a 其中 of the targets"),
    ("PX631", FORM + "年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 0 0 0 上年结转资金 2023 年结转\n",
     "a year after the 其中 row"),
    ("PX631", FORM + "年度资金总额: 12 12 11.5 10 95.83% 9.6 其中:本年财政拨款 12 12 11.5\n",
     "another filled form"),
    # ---- PX632: over 100%
    ("PX632", T22 + "培训人次完成率 120%，超额完成年度目标。\n", "an output target"),
    ("PX632", T22 + "全年非税收入完成率 105.30%。\n", "revenue over its plan"),
    ("PX632", T22 + "预算执行率 108%，超出部分由单位自有资金解决。\n", "自有资金 explains it"),
    ("PX632", T22 + "预算执行率 104%，主要是使用了以前年度存量资金。\n", "存量资金 explains it"),
    ("PX632", T22 + "预算执行率 108%。\n执行率超过100%的原因是动用上年结转资金 8.00 万元。\n",
     "the next line explains it"),
    # ---- PX642: heading years
    ("PX642", H642 + "四、2023年工作打算\n", "next year's plans"),
    ("PX642", H642 + "四、2023年工作思路\n", "next year's approach"),
    ("PX642", H642 + "四、2021年审计发现问题整改情况\n", "an audit of another year"),
    ("PX642", H642 + "四、关于2021—2022年度对比情况说明\n", "a range"),
    ("PX642", H642 + "四、2023年绩效目标\n", "next year's targets"),
    # ---- PX645: parts of a change
    ("PX645", T22 + "“三公”经费较上年减少 4.00 万元，其中公务接待费减少 3.00 万元，公务用车运行维护费"
     "减少 2.00 万元，因公出国（境）费增加 1.00 万元。\n", "one part rose"),
    ("PX645", T22 + "支出较上年减少 4.00 万元，其中会议费较年初预算减少 3.00 万元，培训费较年初预算"
     "减少 2.00 万元。\n", "parts against another base"),
    ("PX645", T22 + "支出较上年减少 4.00 万元，其中会议费下降 3.00%，培训费下降 2.00%。\n",
     "parts in %"),
    ("PX645", T22 + "支出较上年减少 4.00 万元，其中会议费减少 3000 元，培训费减少 2.00 万元。\n",
     "元 and 万元"),
    ("PX645", T22 + "支出较上年减少 4.00 万元，其中会议费减少 2.00 万元，培训费减少 1.50 万元。\n",
     "sum within"),
    ("PX645", T22 + "支出较年初预算减少 4 万元，其中办公费减少 3 万元，差旅费减少 2 万元。\n",
     "whole 万元: the rounding allows it"),
    # ---- PX661: counts
    ("PX661", COUNT, "right"),
    ("PX661", COUNT.replace("签订意向协议 5 个，总投资额 24.7 亿元",
                            "签订意向协议 5 个，本年到位资金 3.1 亿元"), "another amount"),
    ("PX661", COUNT.replace("签订意向协议 5 个", "签订意向协议 4 个"), "counts short"),
    ("PX661", COUNT.replace("总投资额 95.2 亿元。", "总投资额 95.2 亿元。\n"),
     "parts in the next paragraph"),
    ("PX661", COUNT.replace("签订意向协议 5 个", "储备客户 5 个"), "another kind"),
    # ---- PX662: document numbers
    ("PX662", DOC + "甲财农〔2024〕12号文件下达的资金已支出 30.00 万元。\n", "spending, not allocation"),
    ("PX662", DOC + "依据甲财农〔2024〕12号下达我县资金 400000 元。\n", "元"),
    ("PX662", DOC + "依据甲财农〔2024〕12号安排渠道清淤 25 万元。\n依据甲财农〔2024〕12号安排泵站维修 "
     "15 万元。\n", "two uses"),
    ("PX662", DOC + "依据甲财农〔2023〕12号下达我县资金 35 万元。\n", "another year"),
    ("PX662", DOC + "依据甲财农〔2024〕12号下达全市资金 300 万元。\n", "another recipient"),
    # ---- PX663: complete lists
    ("PX663", T22 + "下达建设资金 56 万元，主要用于排水沟改造 30 万元、道路硬化 20 万元等。\n", "主要 / 等"),
    ("PX663", T22 + "项目预算和执行分别为 100.00 万元、90.00 万元。\n", "分别 of two wholes"),
    ("PX663", T22 + "下达建设资金 56 万元，全部用于排水沟改造 36 万元、道路硬化 20 万元。\n", "right"),
    ("PX663", T22 + "下达建设资金 56.00 万元，全部用于排水沟改造 360000 元、道路硬化 20.00 万元。\n",
     "元 and 万元"),
    ("PX663", T22 + "下达建设资金 56 万元，包括排水沟改造 30 万元、道路硬化 20 万元。\n",
     "包括 without 共 N 项"),
]

RECALL = [
    ("PX604", T22 + "支出合计 300.00 万元，其中基本支出 200.00 万元、项目支出 120.00 万元。\n", "320"),
    ("PX604", T22 + "收入合计 500.00 万元，其中财政拨款收入 450.00 万元，其他收入 80.00 万元。\n", "530"),
    ("PX606", T22 + "本年收入 300.00 万元，其中财政拨款收入 298.80 万元，占 99.60%；其他收入 1.20 万元，"
     "占收入的 0.4。\n", "0.4 for 0.4%"),
    ("PX606", "2022年度部门决算说明\n收入合计 3244335.71 元，其中财政拨款收入 3244221.60 元，占收入的"
     " 99.99%；其他收入 114.11 元，占收入的 0.001。\n", "seed-like"),
    ("PX610", T22 + "2021年政府采购预算 69910.00 元，实际采购 69710.00 元。\n", "the seed's shape"),
    ("PX610", T22 + "2021年会议费预算 5.00 万元，实际支出 4.80 万元。\n", "another sentence"),
    ("PX612", T22 + "基本支出 512.36 万元。\n基本支出 512.4 万元，主要用于人员工资。\n", "one digit less"),
    ("PX612", T22 + "项目支出 3244335.71 元。\n项目支出 3244335.7 元，主要用于农田建设。\n", "the seed"),
    ("PX621", T22 + "年初预算共计 70.40 万元，实际执行共计 53.27 万元，预算执行率 75.67%，年末资金无结余。\n",
     "the seed"),
    ("PX621", T22 + "全年预算 50.00 万元，全年执行 45.00 万元，执行率 90.00%，资金无结余。\n", "5 left"),
    ("PX622", "一、基础数据\n" + _table(HEAD, ("会议培训费合计", "1,200.00", "5,000.00", "3,300.00"),
                                      ("1、会议费", "700.00", "2,000.00", "1,300.00"),
                                      ("2、培训费", "500.00", "2,000.00", "1,000.00")), "columns off"),
    ("PX622", "一、基础数据\n" + _table(HEAD, ("合计", "12.00", "50.00", "33.00"),
                                      ("1、会议费", "7.00", "20.00", "13.00"),
                                      ("2、培训费", "5.00", "20.00", "20.00")), "budget column off"),
    ("PX623", "表1 支出明细表\n" + _table(("项目（万元）", "预算数", "决算数"), ("（1）办公费", "3", "2"),
                                         ("（2）印刷费", "1", "1"), ("（2）邮电费", "2", "2"),
                                         ("（3）差旅费", "1", "1")), "（2） twice"),
    ("PX623", _table(("项目", "预算数", "决算数"), ("1、会议费", "3", "2"), ("2、培训费", "2", "2"),
                     ("3、公务接待", "1", "1"), ("3、本级专项资金", "320", "320")), "3、 twice"),
    ("PX623", _table(("一级指标", "二级指标", "指标值"), ("产出指标", "1、数量指标", "100人次"),
                     ("", "2、质量指标", "100%"), ("", "2、时效指标", "按期")),
     "2、 twice within one 一级指标 group"),
    ("PX624", STAFF + staff_table(56), "56 = 54 + 2"),
    ("PX624", "核定人员编制 10 个，其中行政编制 9 个，工勤编制 1 个。\n" + staff_table(12, "441.67%"),
     "12 ≠ 10"),
    ("PX625", "基本支出构成：工资福利支出 924.72 万元，商品和服务支出 265.40 万元，"
     "对个人和家庭的补助 1,009.27 万元，资本性支出 2.94 万元。\n" + self_table(), "2202.33"),
    ("PX625", "基本支出构成：工资福利支出 900.00 万元，商品和服务支出 265.40 万元，"
     "对个人和家庭的补助 1,009.27 万元，资本性支出 2.94 万元。\n" + self_table(), "far off"),
    ("PX626", "局机关2023年包括省级共支出专项资金1793.18万元。\n" + self_table(), "the seed"),
    ("PX626", "本年项目资金支出 1793.16 万元。\n" + self_table(), "one below"),
    ("PX628", "2022年度单位决算说明\n2022年本单位无国有资本经营预算支出。\n"
     "2021年本单位无政府性基金预算支出。\n", "class 6"),
    ("PX628", "2022年度单位决算说明\n2022年本单位无政府采购支出。\n2021年本单位无国有资产处置收入。\n"
     "2022年本单位无国有资产出租收入。\n", "one of three"),
    ("PX629", T23 + "2023年本年支出合计 860.00 万元。\n其中基本支出 512.30 万元，项目支出 221.70 万元。\n"
     "年末结转和结余 126.00 万元。\n", "class 7"),
    ("PX629", T23 + "本年支出合计 1000.00 万元。\n基本支出 600.00 万元，项目支出 300.00 万元。\n"
     "年末结转和结余 100.00 万元。\n", "round figures"),
    ("PX631", FORM + "年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 90 89.97 89.97 上年结转资金\n", "doc"),
    ("PX631", FORM + "年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 12 12 11.5\n", "12"),
    ("PX632", T22 + "全年预算数 100.00 万元，全年执行数 108.00 万元，预算执行率 108%。\n", "doc"),
    ("PX632", T22 + "项目预算执行率 115.00%，项目按期完成。\n", "no reason"),
    ("PX642", "2022年度部门决算公开\n第一部分 2022年度部门决算表\n第二部分 2022年度部门决算情况说明\n"
     "一、收入决算情况说明\n二、关于2020年度预算绩效情况的说明\n三、国有资产占用情况说明\n", "doc"),
    ("PX642", T22 + "第二部分 2022年度部门决算情况说明\n一、收入支出决算总体情况\n二、“三公”经费情况\n"
     "三、关于2021年度政府采购情况的说明\n四、国有资产占用情况\n", "2021 in 2022"),
    ("PX645", T22 + "本年商品和服务支出较年初预算减少 4.00 万元，其中办公费减少 3.00 万元，差旅费减少 "
     "2.00 万元。\n", "doc"),
    ("PX645", T22 + "“三公”经费较上年增加 2.00 万元，其中公务接待费增加 1.50 万元，公务用车运行维护费"
     "增加 1.20 万元。\n", "2.70 > 2.00"),
    ("PX661", COUNT.replace("95.2 亿元", "96.0 亿元"), "doc"),
    ("PX661", COUNT.replace("70.5 亿元", "72.5 亿元"), "a part"),
    ("PX662", DOC + "县水利局按甲财农〔2024〕12号文件安排灌区续建配套 45 万元。\n", "a use above"),
    ("PX662", DOC + "财政局依据甲财农〔2024〕12号下达我县资金 38 万元，已全部拨付。\n", "two wholes"),
    ("PX663", T22 + "下达建设资金 56 万元，全部用于排水沟改造 30 万元、道路硬化 20 万元。\n", "doc"),
    ("PX663", T22 + "项目资金 80.00 万元，分别用于设备购置 50.00 万元、人员培训 20.00 万元。\n", "70"),
]

#: a second round, written after the first round's fixes: nested parts, subtotals, other bases
QUIET += [
    ("PX604", T22 + "支出合计 500.00 万元，其中基本支出 300.00 万元（其中人员经费 250.00 万元、公用经费 "
     "50.00 万元）、项目支出 200.00 万元。\n", "a nested breakdown in parentheses"),
    ("PX604", T22 + "共安排资金 100.00 万元，其中省级 60.00 万元、市级 40.00 万元；已拨付 90.00 万元，"
     "其中省级 55.00 万元、市级 35.00 万元。\n", "two totals, each with its 其中"),
    ("PX604", T22 + "支出 300.00 万元，其中：人员经费 200.00 万元，较上年增加 10.00 万元；公用经费 "
     "100.00 万元。\n", "a part's change"),
    ("PX604", T22 + "举办培训 30 期，其中线上 10 期、线下 20 期，支出培训费 15.00 万元。\n",
     "counts, then an amount"),
    ("PX606", T22 + "本单位占用办公用房 120 平方米，人均 0.35 平方米。\n", "占用 with an area"),
    ("PX610", T22 + "2021年12月提前下达补助资金 30.00 万元，已纳入年初预算。\n", "提前下达 in December"),
    ("PX610", T22 + "2021年度结余资金 5.00 万元已按规定上缴财政。\n", "a balance returned"),
    ("PX612", T22 + "项目支出 12345678.90 元。\n项目支出 1234.57 万元，占总支出的 40.00%。\n",
     "元 and 万元 again"),
    ("PX612", T22 + "项目支出 1.23 亿元。\n项目支出 12345.67 万元，主要用于农田建设。\n", "亿元 and 万元"),
    ("PX621", T22 + "项目预算 100.00 万元，实际到位 80.00 万元，到位资金已全部支出。\n",
     "到位资金, not the budget, all spent"),
    ("PX622", "一、基础数据\n" + _table(("项目（万元）", "上年", "本年", "增减率"),
                                      ("合计", "12.00", "15.00", "25.00%"),
                                      ("1、会议费", "7.00", "8.00", "14.29%"),
                                      ("2、培训费", "5.00", "7.00", "40.00%")), "a rate of change column"),
    ("PX622", "一、基础数据\n" + _table(("项目", "数量", "单价（元）", "金额（元）"),
                                      ("合计", "30", "", "9000.00"),
                                      ("1、办公桌", "10", "500.00", "5000.00"),
                                      ("2、办公椅", "20", "200.00", "4000.00")), "a unit-price column"),
    ("PX623", _table(("项目", "预算数", "决算数"), ("1、会议费", "3", "2"), ("2、培训费", "2", "2"))
     + "注：1、本表金额单位为万元。\n2、数据来源于部门决算。\n", "notes under a table"),
    ("PX624", "本级核定行政编制54名、工勤编制2名，所属事业单位另核定事业编制25名。\n" + staff_table(56),
     "the prose states the table's scope"),
    ("PX625", "基本支出具体使用情况：工资福利支出 924.72 万元（其中社会保障缴费 100.00 万元）；商品和"
     "服务支出 265.40 万元；对个人和家庭的补助 1009.27 万元；资本性支出 2.93 万元。\n" + self_table(),
     "a part's own 其中 in parentheses"),
    ("PX628", "2022年度单位决算说明\n2022年本单位无国有资本经营预算支出。\n2023年本单位无扩编安排。\n",
     "next year's plan"),
    ("PX629", T23 + "2023年本年支出合计 860.00 万元。\n其中基本支出 512.30 万元，项目支出 221.70 万元。\n"
     "2022年年末结转和结余 126.00 万元。\n", "the year before's closing balance"),
    ("PX632", T22 + "预算执行率 100.00%，得分 10 分；培训人数完成率 120%。\n", "a count's 完成率"),
    ("PX642", H642 + "四、2021年度结转项目实施情况\n", "结转"),
    ("PX642", H642 + "四、2023年工作展望\n", "展望"),
    ("PX645", T22 + "“三公”经费较上年减少 4.00 万元，其中公务用车购置及运行维护费减少 3.00 万元（其中公务用车"
     "运行维护费减少 2.00 万元），公务接待费减少 1.00 万元。\n", "a nested part in parentheses"),
    ("PX645", T22 + "支出较上年减少 4.00 万元，主要是会议费减少 3.00 万元、培训费减少 2.00 万元，"
     "差旅费增加 1.00 万元。\n", "主要是, one rose"),
    ("PX661", "全年签约项目 20 个，总投资额 95.2 亿元。其中 1 亿元以上项目 15 个，总投资额 85.5 亿元。"
     "5 亿元以上项目 5 个，总投资额 40.7 亿元。\n", "nested size classes"),
    ("PX662", DOC + "按甲财农〔2024〕12号文件要求，我县配套资金 10 万元。\n", "配套 is not 下达"),
    ("PX663", T22 + "下达建设资金 56 万元，全部用于排水沟改造 36 万元（含设计费 2 万元）、道路硬化 20 万元。\n",
     "a part's own detail in parentheses"),
    ("PX663", T22 + "下达建设资金 56 万元，全部用于排水沟改造 36 万元、道路硬化 20 万元，已支付 50 万元。\n",
     "spending after the list"),
]

#: a third round: traditional characters, PDF line breaks, per mille, sections, two-sided tables
QUIET += [
    ("PX604", "某縣農業農村局2022年度部門決算說明\n支出合計 300.00 萬元，其中基本支出 200.00 萬元、項目支出 "
     "100.00 萬元。\n", "traditional characters, right"),
    ("PX604", T22 + "支出合计 300.00 万元，其中基本支出 200.00\n万元、项目支出 100.00 万元。\n",
     "a line broken inside the list"),
    ("PX604", T22 + "支出 300.00 万元，其中基本支出 200.00 万元（上年 180.00 万元）、项目支出 100.00 万元"
     "（上年 90.00 万元）。\n", "上年 figures in parentheses"),
    ("PX604", T22 + "收入 300.00 万元，其中财政拨款 250.00 万元，占 83.33%；其他收入 50.00 万元，占 16.67%。\n",
     "shares after each part"),
    ("PX606", T22 + "其他收入 0.15 万元，占收入总额的 0.5‰。\n", "per mille"),
    ("PX612", T22 + "（一）一般公共预算财政拨款支出情况\n项目支出 120.5 万元。\n（二）政府性基金预算支出情况\n"
     "项目支出 120.46 万元。\n", "two fund sections"),
    ("PX621", T22 + "年初预算 50.00 万元，执行 50.00 万元；年中追加 10.00 万元，执行 8.00 万元，"
     "2.00 万元已收回，年末资金无结余。\n", "a 追加 with its own fate"),
    ("PX622", "一、基础数据\n" + _table(("序号", "项目", "金额（万元）"), ("1", "会议费", "7.00"),
                                      ("2", "培训费", "5.00"), ("合计", "", "12.00")),
     "a 序号 column, the total below"),
    ("PX623", _table(("收入项目", "金额", "支出项目", "金额"),
                     ("一、财政拨款收入", "100.00", "一、一般公共服务支出", "50.00"),
                     ("二、其他收入", "20.00", "二、教育支出", "70.00")), "a two-sided 收支总表"),
    ("PX623", _table(("项目", "金额"), ("1、财政拨款收入", "100"), ("2、其他收入", "20"), ("收入合计", "120"),
                     ("1、基本支出", "90"), ("2、项目支出", "30"), ("支出合计", "120")),
     "numbering restarts after a 合计 row"),
    ("PX624", "核定编制 10 名（行政编制 9 名、工勤编制 1 名），实有 10 人。\n" + staff_table(10, "100%"),
     "the types in parentheses"),
    ("PX626", "项目支出 1793.2 万元。\n" + self_table(), "coarser and consistent"),
    ("PX626", "项目支出 17931700.00 元。\n" + self_table(), "元, equal"),
    ("PX632", T22 + "预算执行率 110%（执行数含上年结转资金 10.00 万元）。\n", "结转 in parentheses"),
    ("PX645", T22 + "支出较上年减少 4.00 万元，会议费、培训费分别较年初预算减少 3.00 万元、2.00 万元。\n",
     "分别 against another base"),
    ("PX661", "新开工项目 10 个，总投资 50 亿元。续建项目 6 个，总投资 30 亿元，本年完成投资 12 亿元。"
     "新建项目 4 个，总投资 20 亿元，本年完成投资 8 亿元。\n", "two amounts per part, right"),
    ("PX662", DOC + "依据甲财农〔2024〕12号实施渠道清淤工程 45 万元，含县级配套资金。\n",
     "a project's cost with county money"),
    ("PX663", T22 + "下达资金 56 万元，分别用于 A、B 两个项目，A 项目完成投资 40 万元、B 项目完成投资 "
     "30 万元。\n", "investments, not uses of the allocation"),
]

RECALL += [
    ("PX604", "某縣農業農村局2022年度部門決算說明\n支出合計 300.00 萬元，其中基本支出 200.00 萬元、項目支出 "
     "120.00 萬元。\n", "traditional, 320"),
    ("PX612", T22 + "（一）一般公共预算财政拨款支出情况\n项目支出 120.46 万元。\n其他说明\n"
     "项目支出 120.5 万元，主要用于农田建设。\n", "one section, one digit less"),
    ("PX632", T22 + "项目执行率 112%，项目实施效果良好。\n", "no reason"),
]

#: a fourth round: lists that are not exhaustive, decimal fractions, totals below their items,
#: headings in PX642's own shape (siblings without years), forms back to back, fund scopes
H642B = ("2022年度部门决算公开\n第一部分 2022年度部门决算表\n第二部分 2022年度部门决算情况说明\n"
         "一、收入决算情况说明\n二、支出决算情况说明\n")
ASSETS = "四、国有资产占用情况说明\n"
QUIET += [
    ("PX604", T22 + "项目支出 500.00 万元，其中农业项目 200.00 万元、水利项目 150.00 万元。\n",
     "其中 naming only some"),
    ("PX604", T22 + "收入 300 万元，其中：财政拨款 250 万元、其他收入 50 万元；支出 280 万元，其中：基本支出 "
     "200 万元、项目支出 80 万元。\n", "two totals in one sentence, right"),
    ("PX606", T22 + "本年收入 100.00 万元，其中财政拨款收入 65.00 万元，占收入的 0.65；其他收入 35.00 万元，"
     "占收入的 0.35。\n", "a right decimal fraction"),
    ("PX622", "一、基础数据\n" + _table(("项目（万元）", "预算数", "决算数"), ("1、会议费", "7", "6"),
                                      ("2、培训费", "5", "5"), ("小计", "12", "11"), ("1、办公费", "3", "3"),
                                      ("2、印刷费", "2", "2"), ("小计", "5", "5")), "小计 below its items"),
    ("PX642", H642B + "三、2021年审计发现问题整改情况\n" + ASSETS, "an audit of another year"),
    ("PX642", H642B + "三、2023年工作打算\n" + ASSETS, "next year's plans"),
    ("PX642", H642B + "三、2021年度结转项目实施情况\n" + ASSETS, "结转"),
    ("PX642", H642B + "三、2020—2022年绩效对比情况\n" + ASSETS, "a range"),
    ("PX642", H642B + "三、2023年度绩效目标\n" + ASSETS, "next year's targets"),
    ("PX631", FORM + "项目名称：A项目\n年度资金总额: 0 0 0 10 0 0\n" + FORM + "项目名称：B项目\n"
     "年度资金总额: 90 90 89.97 10 99.97% 10 其中:本年财政拨款 90 90 89.97\n", "the next form's 其中"),
    ("PX629", T23 + "一般公共预算财政拨款本年支出合计 860.00 万元。\n基本支出 512.30 万元，项目支出 221.70 万元。\n"
     "年末结转和结余 126.00 万元。\n", "a fund scope"),
]

RECALL += [
    ("PX604", T22 + "收入 300 万元，其中：财政拨款 250 万元、其他收入 50 万元；支出 280 万元，其中：基本支出 "
     "200 万元、项目支出 70 万元。\n", "the second total, 270"),
    ("PX642", H642B + "三、关于2020年度预算绩效情况的说明\n" + ASSETS, "2020 in PX642's shape"),
]

#: a fifth round: a total broken down twice, changes, years and titles, part-year figures
QUIET += [
    ("PX604", T22 + "项目资金 200.00 万元，其中中央资金 120.00 万元、省级资金 80.00 万元，用于道路建设 "
     "150.00 万元、桥梁维修 50.00 万元。\n", "two breakdowns of one total"),
    ("PX604", T22 + "支出 300.00 万元，较上年增加 20.00 万元，其中基本支出增加 15.00 万元、项目支出增加 "
     "5.00 万元。\n", "其中 of the change"),
    ("PX604", T22 + "支出 500.00 万元，其中基本支出 300.00 万元，其中人员经费 250.00 万元、公用经费 50.00 万元；"
     "项目支出 200.00 万元。\n", "a second 其中 of a part"),
    ("PX604", T22 + "支出 30.00 万元，其中会议费 100000.00 元、培训费 20.00 万元。\n", "元 part, 万元 total"),
    ("PX604", T22 + "累计投入 900.00 万元，其中2020年 300.00 万元、2021年 300.00 万元、2022年 300.00 万元。\n",
     "years as parts"),
    ("PX610", T22 + "按照《关于下达2021年第二批农业发展资金的通知》，下达资金 30.00 万元。\n", "a year in a title"),
    ("PX610", T22 + "根据某财农〔2021〕88号文件，下达资金 30.00 万元。\n", "a year in a document number"),
    ("PX621", T22 + "项目预算 100.00 万元，截至6月底执行 50.00 万元，执行率 50%；截至年底资金已全部支出。\n",
     "a half-year figure"),
    ("PX663", T22 + "下达资金 5.6 万元，分别用于甲项目 36,123 元、乙项目 19,877 元。\n", "元 parts of a 万元 total"),
    ("PX663", T22 + "下达资金 56 万元，分别为2021年 36 万元、2022年 20 万元。\n", "years, right"),
    ("PX645", T22 + "“三公”经费较上年减少 4.00 万元（下降 20.00%），其中公务接待费减少 3.00 万元，公务用车运行"
     "维护费减少 1.00 万元。\n", "a rate beside, right"),
    ("PX626", "项目支出（含上年结转）1793.18 万元。\n" + self_table(), "a scope in parentheses"),
    ("PX632", T22 + "预算执行率=执行数÷预算数×100%=105%，超额部分为上年结余资金。\n", "a formula"),
    ("PX628", "2022年度单位决算说明\n2022年度部门预算已公开。\n2021年度部门决算已公开。\n", "two documents"),
]

RECALL += [
    ("PX625", "项目支出主要包括：农田建设 1000.00 万元，水利维护 800.00 万元。\n" + self_table(),
     "main parts above the whole"),
]

#: (rule, why) of the quiet drafts that nagged before any fix (the record of the first round;
#: no recall draft was missed)
NAGGED_BEFORE: set[tuple[str, str]] = {
    ("PX610", "a carry-over of the year before"), ("PX610", "a cumulative figure"), ("PX612", "约"),
    ("PX621", "an adjusted budget equal to the spending"), ("PX621", "收回"),
    ("PX621", "结转 is not 结余"), ("PX623", "indicator tables restart per 一级指标"),
    ("PX624", "a 其中 inside a type"), ("PX624", "two years listed"), ("PX625", "another year"),
    ("PX628", "compared with 本年"), ("PX629", "a beginning balance"),
    ("PX629", "a third kind of spending"), ("PX632", "存量资金 explains it"),
    ("PX632", "the next line explains it"),
}
#: (a 17th, PX626 "another year", was our draft's fault: written without a title line, its first
#: line was read as the title, making 2021 the report's year; with the title it was quiet)
#: the second round's quiet drafts that nagged before its fixes (no recall draft missed)
NAGGED_ROUND2: set[tuple[str, str]] = {
    ("PX610", "提前下达 in December"), ("PX610", "a balance returned"),
    ("PX621", "到位资金, not the budget, all spent"), ("PX624", "the prose states the table's scope"),
    ("PX625", "a part's own 其中 in parentheses"), ("PX628", "next year's plan"),
    ("PX663", "spending after the list"),
}
#: the third round's quiet drafts that nagged before its fix (no recall draft missed)
NAGGED_ROUND3: set[tuple[str, str]] = {("PX662", "a project's cost with county money")}
#: the fourth round's quiet drafts that nagged before its fixes (no recall draft missed; one
#: recall draft of round 1, 「其他收入 1.20 万元，占收入的 0.004」 of 300, was rewritten: 0.004 is
#: a right decimal fraction, no certain mistake)
NAGGED_ROUND4: set[tuple[str, str]] = {("PX606", "a right decimal fraction"),
                                       ("PX622", "小计 below its items")}
#: the fifth round's quiet drafts that nagged before its fix (no recall draft missed)
NAGGED_ROUND5: set[tuple[str, str]] = {("PX621", "a half-year figure")}
#: those still nagging (strict xfail until mended): every one above is mended, each by a rule
#: of identity (stage, period, scope, role) or of a stated reason, never by the draft's words
BEFORE_FIX: set[tuple[str, str]] = set()
#: recall drafts the rules still miss (strict xfail: a known limit)
KNOWN_MISSES: set[tuple[str, str]] = set()


def _cases(cases):
    return [pytest.param(r, t, w, id=f"{r}-{w}", marks=[pytest.mark.xfail(strict=True)]
                         if (r, w) in BEFORE_FIX | KNOWN_MISSES else []) for r, t, w in cases]


def _rules(text: str) -> set[str]:
    return {f.rule for f in check_text(text, file="t.txt")}


@pytest.mark.parametrize("rule, text, why", _cases(QUIET))
def test_quiet(rule, text, why):
    assert rule not in _rules(text), why


@pytest.mark.parametrize("rule, text, why", _cases(RECALL))
def test_recall(rule, text, why):
    assert rule in _rules(text), why
