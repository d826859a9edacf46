"""PX644: a 项目支出绩效自评表 pasted as one run of text — its 总分 against its first-level weights.

A form copied from a web page or a PDF may lose every cell border: 「……产出指标(70分)数量指标……
效益指标(20分)……满意度指标(10分)……总分100100」.  Its columns cannot be told apart, but a few
cells still read unambiguously by their own labels:

* a first-level indicator with its weight in parentheses: 产出指标(N分), 效益指标(N分),
  满意度指标(N分) (not 经济效益指标 / 服务对象满意度指标, which are second-level; a 成本指标(N分)
  may be either level in the frameworks since 2021, so a form that writes one is not read);
* the weight of the budget execution, 预算执行率(N分), or — when the funds block's header reads
  「分值 执行率 得分」 — at least the score that follows the rate of its 年度资金总额 row (a score
  is never above its weight; domain.md 1.4);
* the 总分 row: its digits cut one way only into a 分值 and a 得分 of at most 100 each, the score
  not above the weight, neither written with a leading zero (「100100」 is 100 and 100; 「100」 alone
  could be 100, or 10 and 0: not read), or one cell when a border follows it (「总分 100 95」).

The first-level weights and the execution weight make the 总分 (domain.md 1.3: 预算执行率 10 +
产出 50 + 效益 30 + 满意度 10 = 100, weights a project may change but whose sum is the 总分).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import quote

_FIRST = re.compile(r"(?<!服务对象)(?<!经济)(?<!社会)(?<!生态)(?<!影响)"
                    r"(?P<name>产出|效益|满意度|成本)指标\s*\(\s*(?P<w>\d+(?:\.\d+)?)\s*分\s*\)")
_EXEC_WEIGHT = re.compile(r"预算(?:资金)?执行率\s*\(\s*(?P<w>\d+(?:\.\d+)?)\s*分\s*\)")
#: the funds block's header with 分值, 执行率, 得分 in this order, and its total row's rate and score
_EXEC_HEADER = re.compile(r"分值\s*(?:预算)?执行率\s*(?:\(\s*B\s*/\s*A\s*\))?\s*得分")
_EXEC_ROW = re.compile(r"年度资金总额\s*:?\s*[\d.,\s]*?%\s*(?P<s>\d+(?:\.\d+)?)(?=[\u4e00-\u9fff])")
_TOTAL = re.compile(r"总分\s*:?\s*(?P<d>\d[\d.]*)(?![\d.]|\s*分)(?P<cell>[ \t|]+\d)?")
#: the indicator table's own header: a form, not prose that names the indicators
#: A 加分项 / 扣分项 (加减分) in the form: an item scored beside the first-level ones, whose
#: weight the total may or may not hold; the sum is then only a lower bound of the total.
_EXTRA = re.compile(r"加分|扣分|加减分")
_FORM = re.compile(r"一级指标.{0,12}二级指标.{0,40}分值")


def _number(s: str) -> Decimal | None:
    """``s`` as a number of a cell, ``None`` when no cell is written so (「05」, 「5.」)."""
    if not s or s[0] == "." or s[-1] == "." or (s[0] == "0" and s[1:2] not in ("", ".")):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _total(digits: str) -> Decimal | None:
    """The 分值 of a 总分 row whose 分值 and 得分 run together, when the digits cut one way only."""
    readings = []
    alone = _number(digits)
    if alone is not None and alone <= 100:
        readings.append(alone)
    for i in range(1, len(digits)):
        a, b = _number(digits[:i]), _number(digits[i:])
        if a is not None and b is not None and b <= a <= 100:
            readings.append(a)
    return readings[0] if len(readings) == 1 else None


def _weights(text: str) -> dict[str, Decimal] | None:
    """The first-level weights by name, or ``None`` when one is written twice or a 成本指标
    weight makes the levels unclear."""
    got: dict[str, Decimal] = {}
    for m in _FIRST.finditer(text):
        name = m.group("name")
        if name == "成本" or name in got:
            return None
        got[name] = Decimal(m.group("w"))
    return got


@rule("PX644", "draft-form-line-total", "error", title="连成一行的自评表：一级指标分值之和与总分不符",
      message="“{quote}”：{parts} = {sum_text} 分，总分写 {total} 分；一级指标（含预算执行率）的分值"
              "之和应等于总分，请核对各一级指标的分值或总分",
      cases=[fails("执行率得分 10、三项一级指标已是 100，总分仍写 100", at="1", expected=110,
                   text="资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:5050"
                        "10100.00%10其中:财政拨款5050绩效指标一级指标二级指标三级指标分值年度指标值全年实际值"
                        "得分产出指标(60分)数量指标完成改造3处40≥3处3处40质量指标验收合格率20100%100%20"
                        "效益指标(30分)社会效益指标群众出行条件改善30明显改善明显改善30"
                        "满意度指标(10分)服务对象满意度指标群众满意度10≥90%95%10总分100100"),
             passes("一级指标 50 + 30 + 10 加执行率 10，等于总分",
                    text="资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:5050"
                         "10100.00%10其中:财政拨款5050绩效指标一级指标二级指标三级指标分值年度指标值全年实际值"
                         "得分产出指标(50分)数量指标完成改造3处30≥3处3处30质量指标验收合格率20100%100%20"
                         "效益指标(30分)社会效益指标群众出行条件改善30明显改善明显改善30"
                         "满意度指标(10分)服务对象满意度指标群众满意度10≥90%95%10总分100100"),
             passes("总分只有“100”：可能是 100，也可能是 10 和 0，不读",
                    text="分值执行率(B/A)得分年度资金总额:505010100.00%10其中:财政拨款5050"
                         "一级指标二级指标三级指标分值产出指标(60分)效益指标(30分)满意度指标(10分)总分100")])
def form_line_total(ctx):
    """连成一行（单元格边框全部丢失）的项目支出绩效自评表：按标签读得出的一级指标分值
    （“产出指标(N分)”“效益指标(N分)”“满意度指标(N分)”）加上预算执行率的分值，应等于总分
    （财预〔2020〕10号：原则上预算执行率 10、产出 50、效益 30、满意度 10，合计 100；项目可以
    调整各项分值，但各项之和就是总分）。

    预算执行率的分值：写作“预算执行率(N分)”时取 N；否则资金表头按“分值 执行率 得分”排列时，
    年度资金总额一行执行率之后的得分是它的下限（得分不超过分值）。总分一行的分值和得分连在
    一起时，只有一种切分（两数都不超过 100、得分不超过分值、都没有多余的前导 0）才读。

    需要确定（否则不报告）：同一段里有指标表的表头（一级指标、二级指标……分值）、至少两项
    一级指标带分值、每项只写一次、没有写“成本指标
    (N分)”（2021 年以后的框架中成本指标可以是一级也可以是二级）；读得出总分。各项（执行率按
    下限）之和超过总分，或执行率分值确知而之和不等于总分，报告。表中有加分项、扣分项（加减分）
    时，总分可能含也可能不含其分值，只在各项之和超过总分时报告。

    合格：“产出指标(50分)……效益指标(30分)……满意度指标(10分)……总分100100”，执行率得分 10。
    不合格：“产出指标(70分)……效益指标(20分)……满意度指标(10分)……总分100100”，执行率得分
    10：各项之和至少 110。
    """
    flat = ctx.doc.flat
    if "总分" not in flat:
        return
    for a, b in ctx.doc.paragraphs:
        text = flat[a:b]
        if "总分" not in text or not _FORM.search(text):
            continue
        weights = _weights(text)
        if not weights or len(weights) < 2:
            continue
        m = _TOTAL.search(text)
        # a cell border after the digits (「总分 100 | 95」) makes them one cell
        total = (None if m is None else _number(m.group("d")) if m.group("cell")
                 else _total(m.group("d")))
        if total is None:
            continue
        exact = _EXEC_WEIGHT.search(text)
        row = _EXEC_ROW.search(text) if _EXEC_HEADER.search(text) else None
        execution, at_least = None, False
        if exact:
            execution = Decimal(exact.group("w"))
        elif row and Decimal(row.group("s")) <= 100:
            execution, at_least = Decimal(row.group("s")), True
        at_least = at_least or bool(_EXTRA.search(text))
        s = sum(weights.values(), Decimal(0)) + (execution or 0)
        wrong = s > total if (at_least or execution is None) else s != total
        if not wrong:
            continue
        names = {"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标"}
        parts = [f"{names[k]} {v}" for k, v in weights.items()]
        if execution is not None:
            parts.append(f"预算执行率 {execution}" + ("（按其得分，至少）" if at_least else ""))
        span = (a + m.start(), a + m.end("d"))
        yield Hit(span, expected=float(s), actual=float(total),
                  args={"quote": quote(ctx.doc, *span), "parts": " + ".join(parts),
                        "sum_text": ("至少 " if at_least else "") + str(s), "total": str(total)})
