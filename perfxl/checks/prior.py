"""PX118: the 上年 figures of this year's workbook against last year's workbook.

Runs only when the caller gives last year's model (``perfxl check --prior``, ``perfxl batch
--prior-dir``); which cell copies which is ``perfxl.layout.PRIOR_YEAR_FIGURES`` and the pairing
is ``perfxl.carry.prior_pairs``.
"""
from __future__ import annotations

from perfxl.checks.compare import fmt_amount, is_number, rounded_amount
from perfxl.checks.finding import ERROR
from perfxl.checks.identities import two_values
from perfxl.checks.registry import fails, passes, rule

_LAST_004 = {"values": {"department_name": "岳阳市商务局", "year": 2023, "amount_unit": "万元",
                        "tp_final_stated": 5.76},
             "rows": {"three_public": [{"item": "公务用车运行维护费", "final": 4.95},
                                       {"item": "公务接待费", "final": 0.81}]}}
_THIS = {"department_name": "岳阳市商务局", "year": 2024, "amount_unit": "万元",
         "tp_prior_stated": 5.76}


@rule("PX118", "prior-year-figure", ERROR, title="上年数与上年工作簿的本年数不一致",
      message="{label}填写 {actual_text}（{cell}），而上年工作簿「{prior_file}」{source_cell}"
              "的{source_label}为 {expected_text}；上年数应与上年工作簿一致，请核对后改正其中错误的一处",
      cases=[
          fails("公务用车运行维护费 上年决算数 5.05，上年工作簿本年决算数 4.95",
                at="three_public[2].prior_final", expected=4.95, values=_THIS,
                rows={"three_public": [{"item": "公务用车运行维护费", "prior_final": 5.05},
                                       {"item": "公务接待费", "prior_final": 0.81}]},
                prior=_LAST_004),
          fails("上年工作簿以元为单位：48000 元即 4.80 万元，本年填 4.95",
                at="three_public[2].prior_final", expected=4.8,
                values={**_THIS, "tp_prior_stated": None},
                rows={"three_public": [{"item": "公务用车运行维护费", "prior_final": 4.95}]},
                prior={"values": {"amount_unit": "元", "year": 2023},
                       "rows": {"three_public": [{"item": "公务用车运行维护费",
                                                  "final": 48000.0}]}}),
          passes("照抄上年工作簿：4.95、0.81、合计 5.76", values=_THIS,
                 rows={"three_public": [{"item": "公务用车运行维护费", "prior_final": 4.95},
                                        {"item": "公务接待费", "prior_final": 0.81}]},
                 prior=_LAST_004),
          passes("上年数尚未填写（空单元格不报告，由“上年数据”按钮或 perfxl new --from 填入）",
                 values={"department_name": "岳阳市商务局", "year": 2024}, prior=_LAST_004),
          passes("没有给出上年工作簿", values=_THIS,
                 rows={"three_public": [{"item": "公务用车运行维护费", "prior_final": 5.05}]}),
      ])
def prior_year_figure(ctx):
    """本工作簿的每个“上年”数（“三公”经费、收入、支出的上年决算数，功能分类上年决算数，上年支出
    合计，上年末结转结余、上年末存量资金）应与上一年度工作簿中对应的本年数（本年决算数、全年执行
    数、本年末结转结余……）相同；对应关系见 ``perfxl.layout.PRIOR_YEAR_FIGURES``，表格按行名（功能
    分类按科目名称）配对。金额单位不同时换算为本工作簿的单位；较粗的一个是较细的一个四舍五入的
    结果时视为一致。本工作簿的上年数为空时不报告。

    只在给出上年工作簿时运行（``perfxl check 本年.xlsx --prior 上年.xlsx``，``perfxl batch
    --prior-dir 目录``）；上年工作簿不是同一部门或不是上一年度时，命令拒绝比较（退出码 2）。

    合格：2024 年工作簿“公务用车运行维护费”上年决算数 4.95，2023 年工作簿本年决算数 4.95（种子 004）。
    不合格：2024 年工作簿填 5.05，2023 年工作簿为 4.95。
    """
    if ctx.prior is None:
        return
    from perfxl.carry import prior_pairs  # here: a check without --prior does not import it

    like = None
    for p in prior_pairs(ctx.model, ctx.prior):
        if not (is_number(p.expected) and is_number(p.actual)):
            continue
        like = p.actual
        if not two_values(float(p.actual), float(p.expected)):
            continue
        yield ctx.hit(p.where, expected=rounded_amount(p.expected, like=like),
                      actual=p.actual, label=p.label, actual_text=fmt_amount(p.actual, like=like),
                      prior_file=ctx.prior_file or "上年工作簿",
                      source_cell=f"{p.source[0]}!{p.source[1]}", source_label=p.source_label,
                      expected_text=fmt_amount(p.expected))
