"""PX660: a change whose base is the report year itself (「与2022年决算数持平」 in a 2022 report).

A figure of the report year compared with "the report year" compares it with itself.  The base
meant is the year before: the slip is certain when the document's other comparisons of the same
stage name the year before (or 上年) and this one stands alone.
"""
from __future__ import annotations

import re
from collections import Counter

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import quote, sentence_of

#: the stage a comparison's base names (「决算数」, 「预算」, none); 年初 / 年末 / 同期 / a range are
#: no base of this kind and do not match
_STAGE = r"(?P<stage>(?:决算|预算|执行|实际支出)?数?)"
_VERB = r"\s*(?:相比|比较)?\s*,?\s*(?:基本)?(?:持平|增加|减少|增长|下降|上升|降低|增|减)"
#: 「较2022年决算数增加」「与2022年度预算相比,下降」: the compared year must follow the
#: comparison word directly (「较2020-2022年」 is a range and never matches)
_BY_YEAR = re.compile(r"(?:较|比|与|同)\s*(?P<year>(?:19|20)\d\d)\s*年度?" + _STAGE + _VERB)
_BY_LAST = re.compile(r"(?:较|比|与|同)\s*(?:上年|上一年|去年)度?(?:同期)?" + _STAGE + _VERB)
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)\s*年")
_STAGE_WORD = re.compile(r"决算|预算|执行|实际支出")
#: the sentence's own figure: an amount before the comparison
_AMOUNT = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?\s*(?:亿|万)?元")


def _stage(m: re.Match) -> str:
    return m.group("stage").rstrip("数")


@rule("PX660", "draft-base-is-report-year", "error", title="增减的比较基数写成了本年度",
      message="“{quote}”：本报告是 {year} 年度，{year} 年的数不能与 {year} 年{stage}数自身比较；"
              "本报告其余 {n} 处同类比较都以 {prior} 年（上年）{stage}数为基数，"
              "请改为“{prior} 年{stage}数”并核对增减",
      cases=[fails("2022 年报告中一处写成与 2022 年决算数比较", at="4", expected=2021,
                   text="某局2022年度部门决算说明\n"
                        "一般公共服务支出 300 万元，较2021年决算数增加 20 万元。\n"
                        "教育支出 80 万元，较2021年决算数减少 5 万元。\n"
                        "卫生健康支出 40 万元，与2022年决算数持平。"),
             passes("本年预算与本年决算比较（阶段不同）",
                    text="某局2022年度部门决算说明\n"
                         "一般公共服务支出 300 万元，较2021年决算数增加 20 万元。\n"
                         "教育支出 80 万元，较2021年决算数减少 5 万元。\n"
                         "2022年预算数 40 万元，较2022年决算数增加 2 万元。"),
             passes("其余比较也都以本年度为基数（不能确定哪一处是笔误）",
                    text="某局2022年度部门决算说明\n"
                         "一般公共服务支出 300 万元，较2022年决算数增加 20 万元。\n"
                         "教育支出 80 万元，较2022年决算数减少 5 万元。")])
def base_is_report_year(ctx):
    """本年度的数与“本年度”比较是与自身比较，基数应是上年。需要确定：报告年度由报告写明（标题、开头的“20XX年度”或“本年度（20XX年）”，按出现次数推断的不算）；句中
    比较词（较 / 比 / 与 / 同）后紧接报告年度（“与2022年决算数持平”，不是“2020-2022年”这样的
    区间，也不是“2022年初 / 年末 / 同期”）；被比较的金额写在同一分句里、在比较词之前；该分句
    没有写别的年份，也没有与基数不同的阶段（“2022年预算数较2022年决算数”是两个数比较，不
    报告；基数是预算时，该分句须写明也是预算数，否则是支出与本年预算比较）；本报告同一阶段的其余比较中
    至少两处以上年（“较2021年决算数”或“较上年”）为基数，且多于以本年度为基数的（基数不写
    阶段的“较2022年增加”与各阶段的上年比较一起计数）。都确定，
    故为错误；其余比较也以本年度为基数、或同类比较不足两处时不报告。

    合格：“2022年预算数 40 万元，较2022年决算数增加 2 万元”。
    不合格：“卫生健康支出 40 万元，与2022年决算数持平”（2022 年度报告，其余各处都写“较2021年
    决算数”）。
    """
    year = ctx.doc.year_stated
    if year is None:
        return
    flat = ctx.doc.flat
    prior: Counter = Counter()
    same: list[re.Match] = []
    for m in _BY_YEAR.finditer(flat):
        y = int(m.group("year"))
        if y == year - 1:
            prior[_stage(m)] += 1
        elif y == year:
            same.append(m)
    if not same:
        return
    for m in _BY_LAST.finditer(flat):
        prior[_stage(m)] += 1
    own = Counter(_stage(m) for m in same)
    for m in same:
        stage = _stage(m)
        # a base naming no stage (「较2023年增加」) is the year's figure of any stage: every
        # comparison with the year before counts against it
        n = prior[stage] if stage else sum(prior.values())
        if n < 2 or n <= own[stage]:
            continue
        a = sentence_of(ctx.doc, m.start())[0]
        a = max(a, flat.rfind(";", a, m.start()) + 1)
        subject = flat[a:m.start()]
        if not _AMOUNT.search(subject):
            continue  # 「……。与2022年度预算相比,减少」: the figure compared is another sentence's
        if stage == "预算" and "预算" not in subject:
            continue  # spending against the year's own budget is a comparison of two stages
        if any(int(y) != year for y in _YEAR.findall(subject)):
            continue  # 「2023年预算数较2022年决算数增加」: another year's figure against this one
        if any(w != stage for w in _STAGE_WORD.findall(subject)):
            continue  # 「预算数较2022年决算数」: two stages of one year; 「预算数较2022年」: which?
        yield Hit((m.start(), m.end()), expected=year - 1, actual=year,
                  args={"quote": quote(ctx.doc, m.start(), m.end()), "year": year,
                        "prior": year - 1, "stage": stage, "n": n})
