"""Seed models built in code, figure by figure from the seeds (line numbers of ../shared/seeds).

* ``seed004``: 岳阳市商务局 2023 (004_889ad4c75b38c677.txt, 万元): 部门整体支出绩效自评表 (L120–L304)
  with its 年度资金总额 row and 11 indicators, plus the first 项目支出绩效自评表 (现代服务业资金,
  L322–L576).  Figures as the report states them, errors included (执行率 96.00%, 得分 9.60, 总分 100).
* ``seed000``: 乐昌市商务局 2022 (000_3a9e18a8bfa5b466.txt, 元): the Guangdong 100-point system of
  三、绩效分析 (L116–L276) with each stated 自评得分, and the base data its rules use.
"""
from __future__ import annotations

import pytest

from perfxl.model import Model

# (一级, 三级, 性质, 方向, 年度指标值 text, 指标值, 实际完成值 text, 实际值, 达成程度, 分值, 得分) — seed 004 L203–L300
SEED004_INDICATORS = [
    ("产出指标", "1.招商引资项目； 2.外经外贸规模； 3.内贸流通；", "定量", "≥", "≥8000", 8000,
     "8094万美元", 8094, None, 10, 10),                                               # L204–L209
    (None, "新设外资企业", "定量", "≥", "≥20", 20, "24", 24, None, 10, 10),          # L214–L218
    (None, "1. 引资项目优质化； 2. 外资水平不断提高； 3. 商贸流通“千百工程”", "定性", None,
     "全省平均水平", None, "完成", None, "达成", 10, 10),                              # L223–L227
    (None, "在规定时间完成年度绩效目标", "定性", None, "年底前", None, "完成", None, "达成",
     10, 10),                                                                          # L232–L236
    ("效益指标", "1.发展实体经济，优化产业结构 2.对外贸易持续增长； 3. 促进内贸流通繁荣；", "定量",
     "≥", "≥7.5", 7.5, "9.5", 9.5, None, 10, 10),                                    # L240–L245
    (None, "1.消费品市场运行平稳有序； 2.提升城市国际形象，助力国家“一带一路”建设", "定性", None,
     "保障在非洲猪瘟、雨雪冰冻天气等严峻形势下和春节等重大节庆日的市场正常供应", None, "完成",
     None, "达成", 10, 10),                                                            # L250–L254
    (None, "外贸发展上台阶", "定性", None, "进一步提升", None, "完成", None, "达成", 10, 10),  # L259–L263
    ("满意度指标", "服务对象满意度", "定性", None, "95%以上", None, "完成", None, "达成", 10, 10),  # L267–L272
    ("成本指标", "经济成本指标", "定性", None, "控制在预算内", None, "完成", None, "达成", 6, 6),  # L276–L281
    (None, "社会成本指标", "定性", None, "控制在预算内", None, "完成", None, "达成", 6, 6),      # L286–L290
    (None, "生态环境成本指标", "定性", None, "控制在预算内", None, "完成", None, "达成", 8, 8),  # L295–L299
]

# 现代服务业资金 (L324–L576): (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分) — all 定性 “完成”.
SEED004_PROJECT = [
    ("产出指标", "数量指标", "加强市级统筹调度，加大宣传培训力度", "改革试点任务实施率达到100%。", "完成", 10, 10),
    (None, None, "对外投资额200万美元以上", "完成目标任务", "完成对外投资710万美元", 10, 10),
    (None, None, "促进消费市场调控", "激发消费增长动能", "完成“味道湖南”等各项活动", 10, 10),
    (None, "质量指标", "岳阳自贸片区工作领导小组办公室工作经费等", "完成目标任务", "完成", 10, 10),
    (None, "时效指标", "在规定时间完成年度绩效目标", "年底前", "完成", 10, 10),
    ("效益指标", "经济效益指标", "1.发展实体经济，优化产业结构", "经济得到提升", "完成", 10, 10),
    (None, "社会效益指标", "1.消费品市场运行平稳有序", "进一步提升经济", "完成", 10, 10),
    (None, "可持续影响指标", "经济发展上台阶", "提升", "完成", 10, 10),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "95%", "完成", 10, 10),
]


def build_seed004() -> Model:
    m = Model()
    m.values.update({
        "department_name": "岳阳市商务局", "year": 2023, "amount_unit": "万元",
        "framework": "hunan_dept",
        # 年度资金总额 (L134–L140): 年初 2161.19, 全年 4128.02, 执行 3995.49, 分值 10, 96.00%, 9.60
        "budget_initial": 2161.19, "budget_full": 4128.02, "executed": 3995.49,
        "execution_weight": 10, "execution_rate_stated": 0.96, "execution_score_stated": 9.60,
        # 总分 (L302–L304): 分值 100, 得分 100
        "dept_weight_total_stated": 100, "dept_score_total_stated": 100,
        # 基础数据表 (L63–L71): 编制数 56, 实际在职 53, 控制率 94.00%
        "authorized_total": 56, "in_service_total": 53, "staff_control_rate_stated": 0.94,
        # 三公经费 (L79): 2022年决算 11.37, 2023年预算 55.77, 2023年决算 5.76
        "tp_prior_stated": 11.37, "tp_budget_stated": 55.77, "tp_final_stated": 5.76,
    })
    # 部门整体支出绩效自评表 按收入性质 (L147–L166, 全年预算数) and 按支出性质 (L149–L162, 执行数)
    for idx, source, full in ((0, "一般公共预算财政拨款", 3667.49), (1, "政府性基金预算拨款", 0.0),
                              (3, "财政专户管理的非税收入", 79.41), (5, "其他收入", 381.12)):
        m.add_row("income", {"source": source, "budget_full": full}, index=idx)
    m.add_row("exp_nature", {"item": "基本支出", "executed": 2202.32}, index=0)
    m.add_row("exp_nature", {"item": "项目支出", "executed": 1793.17}, index=1)
    # 基础数据表 经费控制情况 (L75–L104): 公车运行维护 8.97/19.68/4.95, 出国 —/13.12/—, 接待 2.4/—/0.81
    m.add_row("three_public", {"item": "因公出国（境）费", "budget": 13.12}, index=0)
    m.add_row("three_public", {"item": "公务用车运行维护费", "prior_final": 8.97, "budget": 19.68,
                               "final": 4.95}, index=2)
    m.add_row("three_public", {"item": "公务接待费", "prior_final": 2.4, "final": 0.81}, index=3)
    for (l1, l3, nature, direction, ttext, target, atext, actual, ach, w, s) in SEED004_INDICATORS:
        m.add_row("dept_indicators", {
            "level1": l1, "level3": l3, "nature": nature, "direction": direction,
            "target_text": ttext, "target": target, "actual_text": atext, "actual": actual,
            "achievement": ach, "weight": w, "score_stated": s})
    name = "现代服务业资金"
    # 项目资金 (L363–L396): 当年财政拨款 320/320/320; 年度资金总额 320/320/320, 分值 10, 100.00%, 10.00
    m.add_row("projects", {
        "project": name, "supervisor": "岳阳市商务局", "implementer": "岳阳市商务局本级",
        "budget_initial": 320, "budget_full": 320, "executed": 320, "execution_weight": 10,
        "execution_rate_stated": 1.0, "execution_score_stated": 10.0,
        "weight_total_stated": 100, "score_total_stated": 100.0})
    for (l1, l2, l3, ttext, atext, w, s) in SEED004_PROJECT:
        m.add_row("project_indicators", {
            "project": name, "level1": l1, "level2": l2, "level3": l3, "nature": "定性",
            "target_text": ttext, "actual_text": atext, "achievement": "达成", "weight": w,
            "score_stated": s})
    return m


# (一级, 二级, 三级, 分值 or None, 自评得分 or None, 是否适用, 依据数值) — seed 000 L116–L274
SEED000_SYSTEM = [
    ("预算编制情况", "预算编制", "预算编制合理性", 5, 5, None, None),                 # L122–L124
    (None, None, "预算编制规范性", 5, 5, None, None),                                 # L126–L128
    (None, None, "预算编制规划性", 4, 3, None, None),                                 # L130–L132
    (None, None, "预算编制科学性", 4, 3, None, None),                                 # L134–L136
    (None, "目标设置", "绩效目标覆盖率", 2, 2, None, 1.0),                            # L140–L142
    (None, None, "绩效目标合理性", 4, 4, None, None),                                 # L144–L146
    (None, None, "绩效指标明确性", 4, 4, None, None),                                 # L148–L150
    ("预算执行情况", "资金管理", "部门预算资金支出率", 3, 3, None, 0.91),              # L158–L160
    (None, None, "结转结余率", 3, 3, None, None),                                     # L162–L164
    (None, None, "国库集中支付结转结余存量资金效率性", 3, 0, None, 0.1795),           # L166–L168
    (None, None, "政府采购执行率", 2, 2, None, 0.9971),                               # L170–L172
    (None, None, "财务合规性", 4, 4, None, None),                                     # L174–L176
    (None, None, "资金下达合法性", 3, None, "否", None),                              # L178–L180
    (None, None, "预决算信息,绩效评价结果公开性", 4, 4, None, None),                  # L182–L184
    (None, "项目管理", "项目实施程序", 2, 2, None, None),                             # L188–L192
    (None, None, "项目监管", 5, 4, None, None),                                       # L194–L196
    (None, "资产管理", "资产配置合规性", 2, 2, None, None),                           # L200–L202
    (None, None, "资产盘点情况", 2, 2, None, None),                                   # L204–L206
    (None, None, "固定资产利用率", 3, 3, None, 0.95),                                 # L208–L210
    (None, "人员管理", None, 2, 2, None, 0.9048),                                     # L212–L214
    (None, "制度管理", None, 4, 4, None, None),                                       # L216–L218
    ("资金使用效益", "经济性", "公用经费控制", None, 2, None, None),                   # L224
    (None, None, "“三公”经费控制", None, 2, None, None),                              # L226
    (None, None, "预算调整率", None, 0, None, 0.1035),                                # L228
    (None, "效率性", "重点工作完成率", 3, 3, None, None),                             # L232–L258
    (None, None, "绩效目标完成率", 3, 3, None, None),                                 # L260–L262
    (None, None, "项目完成及时性", 3, 1, None, None),                                 # L264–L266
    (None, "效果性", None, 10, 10, None, None),                                       # L268–L270
    (None, "公平性", None, 5, 5, None, None),                                         # L272–L274
]


def build_seed000() -> Model:
    m = Model()
    m.values.update({
        "department_name": "乐昌市商务局", "year": 2022, "amount_unit": "元",
        "framework": "guangdong_dept_100",
        # L160: 年初预算数 17190340.15, 年中调整预算 1780823.20, 执行数 17333259.20
        "budget_initial": 17190340.15, "budget_adjustment": 1780823.20,
        "budget_full": 17190340.15, "executed": 17333259.20,
        # L172: 政府采购预算 69910.00, 实际采购 69710.00, 99.71%
        "procurement_budget": 69910.0, "procurement_actual": 69710.0,
        "procurement_rate_stated": 0.9971,
        # L224: 公用经费 预算 290000.00, 实际 321675.02; L226: 三公 上年 40000, 本年 42356
        "public_funds_budget": 290000.0, "public_funds_final": 321675.02,
        "tp_prior_stated": 40000.0, "tp_final_stated": 42356.0,
        # L164, L168: 无结转结余; 存量资金 31906.8 → 37633.45
        "carryover_prior": 0.0, "carryover_current": 0.0,
        "stock_funds_prior": 31906.8, "stock_funds_current": 37633.45,
        # L112: 自评得分 93
        "system_total_stated": 93,
    })
    # L73–L77, L214: 编制 行政14/事业5/工勤2, 实有 12/5/2
    for cat, auth, act in (("行政", 14, 12), ("事业", 5, 5), ("工勤", 2, 2)):
        m.add_row("staffing", {"category": cat, "authorized": auth, "actual": act})
    # 功能分类 (L86–L96): 本年决算数, 上年决算数
    for subject, cur, pri in (("一般公共服务支出", 3244335.71, 3034059.49),
                              ("其他公共安全支出", 10000, None),
                              ("社会保障和就业支出", 758799.44, 929952.35),
                              ("卫生健康支出", 225387.8, 171405.49),
                              ("节能环保支出", None, 500401),
                              ("城乡社区支出", 72000, 436211.88),
                              ("商业服务业等支出", 12830454.25, 1551425.26),
                              ("住房保障支出", 192282, 182205)):
        m.add_row("exp_function", {"subject": subject, "current": cur, "prior": pri})
    # L226: 三公 by item — 公务接待费 0 → 2356, 公务用车运行维护费 40000 → 40000
    m.add_row("three_public", {"item": "公务用车运行维护费", "prior_final": 40000.0,
                               "final": 40000.0}, index=2)
    m.add_row("three_public", {"item": "公务接待费", "prior_final": 0.0, "budget": 10000.0,
                               "final": 2356.0}, index=3)
    for (l1, l2, l3, w, s, app, basis) in SEED000_SYSTEM:
        m.add_row("system_indicators", {
            "level1": l1, "level2": l2, "level3": l3, "weight": w, "score_stated": s,
            "applicable": app, "basis_value": basis})
    # L276: 省韶表彰各得 1 分，最多得 3 分，本市表彰得 0.5 分，最多得 2 分 (no occurrence stated)
    m.add_row("bonus", {"item": "省韶表彰", "points_each": 1, "cap": 3})
    m.add_row("bonus", {"item": "本市表彰", "points_each": 0.5, "cap": 2})
    return m


@pytest.fixture
def seed004() -> Model:
    return build_seed004()


@pytest.fixture
def seed000() -> Model:
    return build_seed000()
