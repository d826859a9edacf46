"""Fixture models built in code for the report tests (no workbook, no example file).

* ``hunan_model()``: a small Hunan department (万元) shaped like seed 004, with stated figures
  that disagree with the computed ones (执行率 96.00% typed, 96.79% computed; 控制率 94.00% typed,
  94.64% computed), a “三公” fall, two projects (one losing points), texts with ``&`` and ``<``.
* ``guangdong_model()``: a Guangdong 指标体系 (元) shaped like seed 000: groups, a 不适用 row, a
  二级 with a single indicator, 加减分项.
* ``empty_model()``: only the required identity; every required text empty.
"""
from __future__ import annotations

from perfxl.model import Model


def _rows(model: Model, table: str, rows: list[dict]) -> None:
    for r in rows:
        model.add_row(table, r)


def hunan_model() -> Model:
    m = Model(values={
        "department_name": "示例市商务局", "year": 2023, "amount_unit": "万元",
        "framework": "hunan_dept", "fill_date": "2024-03-15",
        "duties": "1.贯彻执行国内外贸易政策。\n　　2.负责招商引资 & 对外合作<协调>。",
        "organization": "核定行政编制54名，工勤编制2名。",
        "overall_goal": "招商引资取得突破。",
        "authorized_total": 56, "in_service_total": 53, "staff_control_rate_stated": 0.94,
        "gov_fund_exp": 0.0, "state_capital_exp": 19.2, "social_insurance_exp": None,
        "tp_prior_stated": 11.37, "tp_budget_stated": 55.77, "tp_final_stated": 5.76,
        "tp_change_stated": 0.11, "tp_change_word_stated": "增加",
        "budget_initial": 2161.19, "budget_full": 4128.02, "executed": 3995.49,
        "execution_weight": 10, "execution_rate_stated": 0.96, "execution_score_stated": 9.6,
        "goal_expected": "1.招商引资取得突破；\n2.内贸流通稳定向好；",
        "goal_actual": "全年实际使用外资8094万美元。",
        "performance_summary": "较好地完成了各项绩效目标。",
        "problems": "（一）绩效评价人员匮乏。\n（二）绩效目标编制不规范。",
        "improvements": "（一）加强队伍建设。",
        "result_application": "按要求予以公开。",
        "thrift_measures": "厉行节约，严格按要求压减一般性支出",
    })
    _rows(m, "staffing", [{"category": "行政", "authorized": 54},
                          {"category": "事业", "authorized": 25},
                          {"category": "工勤", "authorized": 2}])
    _rows(m, "income", [{"source": "一般公共预算财政拨款", "budget_full": 3667.49},
                        {"source": "政府性基金预算拨款", "budget_full": 0.0},
                        {"source": "财政专户管理的非税收入", "budget_full": 79.41},
                        {"source": "其他收入", "budget_full": 381.12}])
    _rows(m, "exp_nature", [{"item": "基本支出", "executed": 2202.32},
                            {"item": "项目支出", "executed": 1793.17}])
    _rows(m, "exp_basic", [{"item": "工资福利支出", "executed": 924.72},
                           {"item": "商品和服务支出", "executed": 265.4},
                           {"item": "对个人和家庭的补助", "executed": 1009.27},
                           {"item": "资本性支出", "executed": 2.94}])
    _rows(m, "three_public", [
        {"item": "因公出国（境）费", "budget": 13.12, "final": 0.0},
        {"item": "公务用车运行维护费", "prior_final": 8.97, "budget": 19.68, "final": 4.95},
        {"item": "公务接待费", "prior_final": 2.4, "final": 0.81}])
    ind = dict(nature="定性", achievement="达成", actual_text="完成")
    _rows(m, "dept_indicators", [
        dict(level1="产出指标", level3="新设外资企业", nature="定量", direction="≥",
             target_text="≥20", target=20, actual_text="24", actual=24, weight=40,
             score_stated=40),
        dict(ind, level1="效益指标", level3="外贸发展上台阶", target_text="进一步提升",
             weight=30, score_stated=30),
        dict(ind, level1="满意度指标", level3="服务对象满意度", target_text="95%以上",
             weight=10, score_stated=10),
        dict(ind, level1="成本指标", level3="经济成本指标", target_text="控制在预算内",
             weight=10, score_stated=10),
    ])
    _rows(m, "projects", [
        dict(project="现代服务业资金", implementer="示例市商务局本级", budget_initial=320,
             budget_full=320, executed=320, execution_weight=10, goal_expected="促进消费",
             goal_actual="完成"),
        dict(project="招商引资资金", implementer="示例市商务局本级", budget_initial=115,
             budget_full=115, executed=92, execution_weight=10, goal_expected="组织博览会",
             goal_actual="部分完成"),
    ])
    _rows(m, "project_funds", [
        dict(project="现代服务业资金", source="当年财政拨款", budget_initial=320,
             budget_full=320, executed=320),
        dict(project="招商引资资金", source="当年财政拨款", budget_initial=115,
             budget_full=115, executed=92),
    ])
    _rows(m, "project_indicators", [
        dict(ind, project="现代服务业资金", level1="产出指标", level2="数量指标",
             level3="促消费活动", target_text="5场", weight=50, score_stated=50),
        dict(ind, project="现代服务业资金", level1="效益指标", level2="社会效益指标",
             level3="消费市场平稳", target_text="平稳", weight=40, score_stated=40),
        dict(project="招商引资资金", level1="产出指标", level2="数量指标",
             level3="参展企业数", nature="定量", direction="≥", target_text="≥20家",
             target=20, actual_text="16家", actual=16, weight=50, score_stated=50,
             deviation="受疫情影响参展企业减少；下一年度提前组织。"),
        dict(ind, project="招商引资资金", level1="满意度指标",
             level2="服务对象满意度指标", level3="企业满意度", target_text="≥90%",
             weight=40, score_stated=40),
    ])
    return m


def guangdong_model() -> Model:
    m = Model(values={
        "department_name": "示例市商务局", "year": 2022, "amount_unit": "元",
        "framework": "guangdong_dept_100", "unit_head": "张三", "preparer": "李四",
        "phone": "5554902", "fill_date": "2023-01-30",
        "duties": "①贯彻执行商务工作方针政策。",
        "organization": "机关行政编制14名、工勤编2名。",
        "subordinate_units": "下属事业单位1个。",
        "overall_goal": "新招引项目超40个。",
        "budget_initial": 17210340.15, "budget_adjustment": 1780823.20,
        "budget_full": 18991163.35, "executed": 17333259.20,
        "conclusion": "较好地完成了年度工作目标。",
        "achievements": "外贸进出口总值保持双位数增长。",
        "problems": "预算编制的合理性有待提高。",
        "improvements": "一是加强预算管理意识。",
        "procurement_budget": 69910.0, "procurement_actual": 69710.0,
        "stock_funds_prior": 31906.8, "stock_funds_current": 37633.45,
    })
    _rows(m, "staffing", [{"category": "行政", "authorized": 14, "actual": 12},
                          {"category": "事业", "authorized": 5, "actual": 5},
                          {"category": "工勤", "authorized": 2, "actual": 2}])
    m.values["retired"] = 15
    _rows(m, "income", [{"source": "一般公共预算财政拨款", "executed": 17333145.09},
                        {"source": "其他收入", "executed": 114.11}])
    _rows(m, "exp_function", [
        {"subject": "一般公共服务支出", "current": 3244335.71, "prior": 3034059.49},
        {"subject": "社会保障和就业支出", "current": 758799.44, "prior": 929952.35},
        {"subject": "商业服务业等支出", "current": 13330124.05, "prior": 2841648.63},
    ])
    sys_rows = [
        ("预算编制情况", 28, "预算编制", 18, "预算编制合理性", 5, 5, "根据部门职责编制预算。"),
        ("预算编制情况", 28, "预算编制", 18, "预算编制规划性", 4, 3,
         "预算编制和执行还缺乏准确性。自评得分 3 分。"),
        ("预算编制情况", 28, "预算编制", 18, "预算编制科学性", 4, 3, "逐步做到预算管理权分立。"),
        ("预算编制情况", 28, "预算编制", 18, "预算编制规范性", 5, 5, "坚持“以收定支”原则。"),
        ("预算编制情况", 28, "目标设置", 10, "绩效目标覆盖率", 10, 10, "均设置了绩效目标。"),
        ("预算执行情况", 42, "资金管理", 22, "资金下达合法性", 3, None, "本项指标不考核。"),
        ("预算执行情况", 42, "资金管理", 22, "财务合规性", 19, 19, "账实相符。"),
        ("预算执行情况", 42, "人员管理", 23, "", 23, 23, "财政供给实有人员占编制的 90.48%，"),
        ("资金使用效益", 30, "效果性", 30, "", 30, 27, "主要指标均体现履职效果。"),
    ]
    for l1, w1, l2, w2, l3, w, s, expl in sys_rows:
        m.add_row("system_indicators", dict(
            level1=l1, level1_weight=w1, level2=l2, level2_weight=w2, level3=l3 or None,
            weight=w, score_stated=s, explanation=expl,
            applicable="否" if l3 == "资金下达合法性" else None))
    _rows(m, "bonus", [dict(item="省级表彰", points_each=1, cap=3, count=2,
                            explanation="获省级表彰2次。")])
    return m


def empty_model() -> Model:
    """Identity only: every required text and figure left empty."""
    return Model(values={"department_name": "空白单位", "year": 2023, "amount_unit": "万元",
                         "framework": "hunan_dept"})
