"""PX401–PX408: what must be filled — deviation texts, targets and actuals, required fields,
year labels of restated figures."""
from __future__ import annotations

from perfxl import derived
from perfxl.checks import execution
from perfxl.checks import quantities as Q
from perfxl.checks.compare import fmt_amount, fmt_num, fmt_rate, is_number
from perfxl.checks.finding import ERROR, WARNING
from perfxl.checks.registry import fails, passes, rule
from perfxl.layout import LAYOUT

_INDICATORS = (("dept_indicators", "deviation", "偏差原因分析及改进措施"),
               ("project_indicators", "deviation", "偏差原因分析及改进措施"),
               ("system_indicators", "explanation", "说明"))


def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _typed_text(ctx, where: tuple[str, str]) -> bool:
    """The number cell ``where`` holds text (PX009 reports it with the fix): it is not empty,
    whatever the model reads there."""
    src = ctx.model.source
    return src is not None and where in src.number_text


def _name(r) -> str:
    name = r.level3 or r.level2 or r.level1 or f"第 {r.index + 1} 行"
    return f"“{r.project}”的“{name}”" if r.project else f"“{name}”"


@rule("PX401", "deviation-missing", WARNING, title="扣分指标缺少偏差原因分析及改进措施",
      message="{what}得分 {score} 低于分值 {weight}，请在“{column}”栏说明扣分（偏差）原因和改进措施",
      cases=[
          fails("分值 10，得分 8，未写偏差原因", at="dept_indicators[0].deviation",
                rows={"dept_indicators": [{"level3": "甲", "weight": 10, "score_stated": 8}]}),
          passes("已写偏差原因", rows={"dept_indicators": [
              {"level3": "甲", "weight": 10, "score_stated": 8, "deviation": "受疫情影响，活动延期。"}]}),
          passes("满分无须说明",
                 rows={"dept_indicators": [{"level3": "甲", "weight": 10, "score_stated": 10}]}),
      ])
def deviation_missing(ctx):
    """得分低于分值的指标须填写偏差原因分析及改进措施（指标体系表为“说明”栏）
    （财预〔2020〕10号自评表栏目；domain.md §5 第 7 条）。

    合格：分值 10、得分 8，偏差原因栏写明原因。
    不合格：分值 10、得分 8，偏差原因栏空白。
    """
    for table, col, label in _INDICATORS:
        for r in ctx.rows(table):
            w, s = ctx.rnum(r, "weight"), ctx.rnum(r, "score_stated")
            if w is None or s is None or s >= w - 1e-9 or r.applicable == "否":
                continue
            if _blank(r.values.get(col)):
                yield ctx.hit(ctx.at_row(r, col), what=_name(r), score=fmt_num(s),
                              weight=fmt_num(w), column=label)


_EXEC_WORDS = ("执行", "支出进度", "结余", "结转")


def _explained(*texts) -> bool:
    return any(t and any(w in t for w in _EXEC_WORDS) for t in texts)


@rule("PX402", "low-execution-unexplained", WARNING, title="执行率低于 90% 未说明原因",
      message="{what}执行率为 {rate}（{executed} ÷ {budget}），低于 90%，须说明原因；请在“{where_text}”"
              "中写明执行率偏低的原因及改进措施",
      cases=[
          fails("执行率 75.67%，存在问题未提执行", at="executed",
                values={"budget_full": 70.4, "executed": 53.27, "problems": "绩效意识有待加强。"}),
          passes("存在问题写了“预算执行进度略缓”",
                 values={"budget_full": 70.4, "executed": 53.27,
                         "problems": "预算执行进度略缓，部分项目资金未支出。"}),
          passes("执行率 96.79%", values={"budget_full": 4128.02, "executed": 3995.49}),
      ])
def low_execution_unexplained(ctx):
    """执行率低于 90% 时须书面说明原因（四川：≤100 字；domain.md §1.4 [S7]、§5 第 7 条）。部门
    执行率看“存在问题”“改进措施”，项目执行率另看该项目的“实际完成情况”，其中须提到执行
    （执行、支出进度、结转、结余）。

    合格：执行率 75.67%，存在问题写明“预算执行进度略缓”（种子 002）。
    不合格：执行率 75.67%，文字部分未提执行。
    """
    problems, improvements = ctx.text("problems"), ctx.text("improvements")
    ex = execution.department(ctx)  # a blank 全年执行数 is PX408's, never a rate of 0
    if ex is not None and ex.rate < 0.9 and not _explained(problems, improvements):
        yield ctx.hit(ctx.at("executed"), what="部门", rate=fmt_rate(ex.rate),
                      executed=fmt_num(ex.executed), budget=fmt_num(ex.budget),
                      where_text="存在问题”或“改进措施", expected=0.9, actual=ex.rate)
    for r in ctx.rows("projects"):
        ex = execution.project(ctx, r)
        if ex is None or ex.rate >= 0.9 or _explained(problems, improvements, r.goal_actual):
            continue
        yield ctx.hit(ctx.at_row(r, "executed"), what=f"项目“{r.project}”", rate=fmt_rate(ex.rate),
                      executed=fmt_num(ex.executed), budget=fmt_num(ex.budget),
                      where_text="实际完成情况”或“存在问题", expected=0.9, actual=ex.rate)


@rule("PX408", "execution-missing", ERROR, title="已填全年预算数，全年执行数为空",
      message="{what}已填全年预算数 {budget}，全年执行数为空，执行率与执行率得分无法核对；"
              "请填写全年执行数（没有支出请填 0）",
      cases=[
          fails("全年预算数 2690.62，全年执行数空白", at="executed",
                values={"budget_full": 2690.62}),
          fails("项目全年执行数空白", at="projects[0].executed",
                rows={"projects": [{"project": "现代服务业资金", "budget_full": 320.0}]}),
          passes("seed 004: 3995.49 ÷ 4128.02", values={"budget_full": 4128.02,
                                                       "executed": 3995.49}),
          passes("全年执行数填 0（确无支出）", values={"budget_full": 2690.62, "executed": 0}),
      ])
def execution_missing(ctx):
    """全年执行数是执行率的分子：已填全年预算数而执行数空白时，空白是缺数据，不是 0——工作簿
    公式把空白当 0 算出执行率 0.00%，perfxl 不据此核对执行率与得分，而是请用户补填（确无支出
    填 0）。部门自评表与每个项目分别核对。

    合格：全年预算数 4128.02、全年执行数 3995.49（种子 004）；确无支出填 0。
    不合格：全年预算数 2690.62，全年执行数空白。
    """
    if (is_number(ctx.model.values.get("budget_full")) and _blank(ctx.model.values.get("executed"))
            and not _typed_text(ctx, ctx.at("executed"))):
        yield ctx.hit(ctx.at("executed"), what="部门自评表", budget=fmt_amount(ctx.num("budget_full")))
    for r in ctx.rows("projects"):
        if (is_number(r.values.get("budget_full")) and _blank(r.values.get("executed"))
                and not _typed_text(ctx, ctx.at_row(r, "executed"))):
            yield ctx.hit(ctx.at_row(r, "executed"), what=f"项目“{r.project}”",
                          budget=fmt_amount(ctx.rnum(r, "budget_full")))


@rule("PX403", "quantitative-incomplete", ERROR, title="定量指标缺少指标值或实际值",
      message="定量指标{what}缺少{missing}，无法按实际值计分；请填写数值（单位写在“计量单位”栏），"
              "或把指标性质改为“定性”",
      cases=[
          fails("定量，未填实际值（数值）", at="dept_indicators[0].actual",
                rows={"dept_indicators": [{"level3": "甲", "nature": "定量", "target": 20,
                                           "actual_text": "24家", "weight": 10}]}),
          passes("定量，两者都有", rows={"dept_indicators": [
              {"level3": "甲", "nature": "定量", "target": 20, "actual": 24, "weight": 10}]}),
      ])
def quantitative_incomplete(ctx):
    """定量指标须有指标值（数值）和实际值（数值），得分才能按实际 ÷ 指标值计算（domain.md §1.5）。
    只写在文字栏（“24家”）而数值栏空白时报告。

    合格：指标值 20、实际值 24。
    不合格：实际值只写在“实际完成值”文字栏，数值栏空白。
    """
    for table in ("dept_indicators", "project_indicators"):
        for r in ctx.rows(table):
            if (r.nature or "") != "定量" or r.applicable == "否":
                continue
            missing = [(c, label) for c, label in (("target", "指标值（数值）"),
                                                   ("actual", "实际值（数值）"))
                       if not is_number(r.values.get(c))
                       and c not in r.unreadable]  # text is not missing: PX009 names it
            if missing:
                yield ctx.hit(ctx.at_row(r, missing[0][0]), what=_name(r),
                              missing="、".join(label for _, label in missing))


@rule("PX404", "required-field", ERROR, title="必填项未填写",
      message="“{label}”为必填项，当前为空；{note}",
      cases=[
          fails("未填部门名称", at="department_name",
                values={"year": 2023, "amount_unit": "万元", "framework": "hunan_dept"}),
          fails("填了部门自评表却没填职能职责", at="duties",
                values={"department_name": "岳阳市商务局", "year": 2023, "amount_unit": "万元",
                        "framework": "hunan_dept", "budget_full": 4128.02,
                        "organization": "…", "overall_goal": "…", "problems": "…",
                        "improvements": "…"}),
          fails("完全空白的工作簿（perfxl new 生成后未填写）", at="department_name", values={}),
          passes("只填项目支出绩效自评表：部门整体的字段不必填", values={
              "department_name": "岳阳市商务局", "year": 2023, "amount_unit": "万元",
              "framework": "central_project"},
                 rows={"projects": [{"project": "招商引资资金", "budget_full": 90}]}),
          passes("seed 004 的必填项均已填写", values={
              "department_name": "岳阳市商务局", "year": 2023, "amount_unit": "万元",
              "framework": "hunan_dept", "duties": "…", "organization": "…", "overall_goal": "…",
              "problems": "…", "improvements": "…"}),
      ])
def required_field(ctx):
    """标准工作簿中标为必填的字段不能为空：基本信息（部门名称、年度、金额单位、评价框架）总是必填；
    部门整体的字段（职能职责、机构设置、年度总体目标、存在问题、改进措施）只在部门整体支出的表格
    （部门概况、人员编制、收入、支出、经费控制、部门自评表、指标体系）有数据时必填——只填项目支出
    绩效自评表的工作簿（最常见的报送）不要求它们。完全空白的工作簿（`perfxl new` 生成后未填写就
    报送）同样报告基本信息的必填项：空白的报送不能通过校验。

    合格：全部必填项已填写（种子 004）；只填了基本信息与项目自评表的工作簿。
    不合格：部门名称为空；填了部门自评表却没填职能职责；完全空白的工作簿。
    """
    model = ctx.model
    department = _department_forms_in_use(model)
    for key, (sheet, _b, f) in LAYOUT.fields.items():
        if not f.required or (sheet.name not in _ALWAYS_REQUIRED and not department):
            continue
        if _blank(model.values.get(key)) and not _typed_text(ctx, ctx.at(key)):
            yield ctx.hit(ctx.at(key), label=f.label, note=f.note or "请填写")


#: the sheet whose required fields every workbook needs; the others are department-only
_ALWAYS_REQUIRED = frozenset({"基本信息"})
#: the department forms (部门整体支出): data on any of them means the department forms are in use
_DEPARTMENT_SHEETS = frozenset({"部门概况", "人员编制", "收入", "支出", "经费控制", "部门自评表",
                                "指标体系"})


def _department_forms_in_use(model) -> bool:
    """Whether any input or stated value, or any table row, is on a department form."""
    return (any(LAYOUT.fields[k][0].name in _DEPARTMENT_SHEETS
                for k, v in model.values.items() if k in LAYOUT.fields and not _blank(v))
            or any(LAYOUT.tables[t][0].name in _DEPARTMENT_SHEETS
                   for t, rows in model.tables.items() if rows and t in LAYOUT.tables))


@rule("PX405", "year-label", ERROR, title="标注年度与评价年度不符",
      message="报告数据“{item}”标注为 {label} 年，而本工作簿评价的是 {year} 年度{prior}；"
              "请核对年度（应标 {expected_year} 年）",
      cases=[
          fails("seed 000: 2022 年度的决算支出写作“2021 年”", at="statements[0].year_label",
                expected=2022, values={"year": 2022},
                rows={"statements": [{"item": "支出合计", "value": 17333259.2, "year_label": 2021}]}),
          passes("上年数据标上一年", values={"year": 2022},
                 rows={"statements": [{"item": "上年支出合计", "value": 6805660.47, "year_label": 2021}]}),
      ])
def year_label(ctx):
    """报告数据表中每个数据标注的年度，应为评价年度（“上年……”为评价年度的前一年）。

    合格：2022 年度报告中，上年支出合计标 2021 年。
    不合格：2022 年度的决算支出 17333259.20 写作“2021 年乐昌市商务局决算支出”（种子 000，
    seed-audit 000.X02；政府采购预算同样标作 2021 年，000.X16）。
    """
    year = ctx.model.year
    if year is None:
        return
    for r in ctx.rows("statements"):
        if not is_number(r.year_label):
            continue
        q = Q.resolve(r.item)
        prior = q.prior if q is not None else "上年" in str(r.item or "")
        want = year - 1 if prior else year
        if int(r.year_label) != want:
            yield ctx.hit(ctx.at_row(r, "year_label"), expected=want, actual=int(r.year_label),
                          item=r.item, label=int(r.year_label), year=year, expected_year=want,
                          prior="（此项为上年数据）" if prior else "")


@rule("PX406", "weight-missing", WARNING, title="指标缺少分值或得分",
      message="{what}{missing}，无法核对得分与总分；请补填",
      cases=[
          fails("有得分无分值", at="dept_indicators[0].weight",
                rows={"dept_indicators": [{"level3": "甲", "score_stated": 8}]}),
          passes("分值、得分都有",
                 rows={"dept_indicators": [{"level3": "甲", "weight": 10, "score_stated": 8}]}),
      ])
def weight_missing(ctx):
    """部门、项目自评表的每个适用指标应同时填写分值和得分（指标体系表的分值由评价框架给出，
    不在此核对）。

    合格：分值 10、得分 8。
    不合格：只有得分 8，分值空白。
    """
    for table in ("dept_indicators", "project_indicators"):
        for r in ctx.rows(table):
            if r.applicable == "否" or _blank(r.level3 or r.level2 or r.level1):
                continue
            w, s = is_number(r.weight), is_number(r.score_stated)
            if w and not s:
                yield ctx.hit(ctx.at_row(r, "score_stated"), what=_name(r), missing="未填得分")
            elif s and not w and "weight" not in r.unreadable:  # text: PX009 names it
                yield ctx.hit(ctx.at_row(r, "weight"), what=_name(r), missing="未填分值")


def _loose(name: object) -> str:
    return "".join(str(name).split()).casefold()


@rule("PX407", "indicator-no-project", ERROR, title="项目绩效指标行不属于任何项目",
      message="项目绩效指标{what}的项目名称{name}与“项目”表中的项目名称都不完全相同{near}，"
              "该行不计入任何项目的总分；请把项目名称改为与“项目”表完全一致（区分大小写和空格）",
      cases=[
          fails("指标行写作“abc项目”，项目表为“ABC项目”", at="project_indicators[0].project",
                rows={"projects": [{"project": "ABC项目", "execution_weight": 10}],
                      "project_indicators": [{"project": "abc项目", "level3": "甲",
                                              "weight": 90, "score_stated": 90}]}),
          fails("指标行未填项目名称", at="project_indicators[0].project",
                rows={"projects": [{"project": "ABC项目"}],
                      "project_indicators": [{"level3": "甲", "weight": 90}]}),
          passes("名称完全一致", rows={
              "projects": [{"project": "ABC项目"}],
              "project_indicators": [{"project": "ABC项目", "level3": "甲", "weight": 90}]}),
      ])
def indicator_no_project(ctx):
    """项目绩效指标的每一行须属于“项目”表中的一个项目：项目名称须与项目表完全相同（区分
    大小写和空格）。工作簿的总分公式（EXACT）与 perfxl 都按完全相同的名称归集指标，名称只差
    大小写或空格的行哪一个项目都不计入（issue 13 第 3 项）。

    合格：指标行与项目表都写“ABC项目”。
    不合格：指标行写“abc项目”，项目表写“ABC项目”；或指标行未填项目名称。
    """
    names = [p.project for p in ctx.rows("projects") if not _blank(p.project)]
    for r in ctx.rows("project_indicators"):
        if r.project in names:
            continue
        if _blank(r.level3 or r.level2 or r.level1) and not is_number(r.weight) \
                and not is_number(r.score_stated):
            continue
        near = [n for n in names if not _blank(r.project) and _loose(n) == _loose(r.project)]
        yield ctx.hit(ctx.at_row(r, "project"), what=_name(r),
                      name=f"“{r.project}”" if not _blank(r.project) else "（空）",
                      near=f"（与“{near[0]}”只差大小写或空格）" if near else "")
