"""PX678: an indicator told in prose (「……年初指标值为不低于180人，全年实际完成值164人」) that
misses its floor (or exceeds its ceiling) while the report says its targets were met as planned
and never says one was not.

domain.md 1.5 (财预〔2020〕10号): a self-evaluation compares each indicator's 实际完成值 with its
年度指标值 and explains every deviation (偏差原因).  A shortfall the text itself states, under a
claim of full completion and with no word of the deviation, is a contradiction a reader sees; the
claim may be meant loosely (the project as a whole), so the rule is a warning.
"""
from __future__ import annotations

from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import lazy_pattern, place_of, quote

#: 「<name>年初指标值为不低于 X<unit>，全年实际完成值 Y<unit>」: one clause, target then actual
_PROSE = lazy_pattern(
    r"(?P<name>[^,;。:!?\n]{2,40}?)(?:年初|年度|全年)?(?:绩效)?(?:指标值|目标值)\s*(?:为|是|:)?\s*"
    r"(?P<op>不低于|不少于|大于等于|≥|>=|不高于|不超过|小于等于|≤|<=)\s*"
    r"(?P<t>\d+(?:\.\d+)?)\s*(?P<tu>%|[\u4e00-\u9fff]{1,3})\s*[,;]?\s*"
    r"(?:全年|年度|年末)?实际完成(?:值|数)?\s*(?:为|是|:)?\s*"
    r"(?P<a>\d+(?:\.\d+)?)\s*(?P<au>%|[\u4e00-\u9fff]{1,3})(?=[,;。!?\s]|$)")
_CEILING = ("不高于", "不超过", "小于等于", "≤", "<=")
_FLOOR = ("不低于", "不少于", "大于等于", "≥", ">=")
#: the report's claim that its targets were met: 「已按照计划完成目标」「各项绩效指标均已完成」
_DONE = lazy_pattern(r"(?<![未没不])(?<!基本)(?:已|均已|全部|全面)?按(?:照)?计划完成(?:了)?(?:各项|全部|年度)?"
                   r"(?:绩效)?(?:目标|任务)|(?:各项|全部)(?:绩效)?(?:指标|目标)(?:均已|均|全部|已)"
                   r"(?:完成|达到|实现)|(?<![未没不])(?<!基本)全面完成(?:了)?(?:各项|全部|年度)?(?:绩效)?目标")
#: any word that a target was missed or why: then the report speaks of the deviation itself
_DEVIATION = lazy_pattern(r"未(?:能|全部|按计划)?(?:完成|达到|达标|实现)|未达|没有(?:完成|达到)|偏差|差距|"
                        r"原因|由于|因为|偏[低少高多]|低于(?:年初|指标|目标|预期|计划)|减少|下降|不足|基本(?:按计划)?完成")
_FORM = ("2023年度残疾人补助资金绩效自评报告\n"
         "对照总体绩效目标，该资金已按照计划完成目标。\n"
         "补贴发放人次年初指标值为不低于{t}人，全年实际完成值{a}人。\n")


def _has_floor(flat: str) -> bool:
    """A cheap test for 「指标值 / 目标值」 followed within a few characters by a bound word."""
    for word in ("指标值", "目标值"):
        i = flat.find(word)
        while i >= 0:
            near = flat[i + 3:i + 9]
            if any(op in near for op in _CEILING + _FLOOR):
                return True
            i = flat.find(word, i + 3)
    return False


@rule("PX678", "draft-prose-target-missed", "warning",
      title="文字所写的指标完成值未达指标值，报告却称已按计划完成目标",
      message="“{quote}”：年初指标值{op}{target}，实际完成值 {actual}，未达到指标值；"
              "而{claim_at}写“{claim}”。请说明未完成的原因（偏差原因），或核对完成值",
      cases=[fails("不低于 180 人只完成 164 人", text=_FORM.format(t="180", a="164"),
                   at="3", expected=180),
             passes("完成值达到指标值", text=_FORM.format(t="180", a="186")),
             passes("写明了未完成的原因",
                    text=_FORM.format(t="180", a="164") + "未完成的原因是部分车主年内报废车辆。\n")])
def prose_target_missed(ctx):
    """一句话写“<指标>年初指标值为不低于 X<单位>，全年实际完成值 Y<单位>”（或“不高于 X”），
    Y 未达到 X（或超过 X），而报告另处写“已按照计划完成目标”“各项指标均已完成”这样完成
    目标的话，全文却没有一处说到未完成、偏差或原因时提示。

    需要确定：指标值和完成值在同一分句里、前后相接，单位相同（“人”“%”“公里”……）；指标值
    写明方向（不低于 / 不少于 / ≥，或不高于 / 不超过 / ≤）；完成的说法是肯定的（“未按计划完成”
    “基本完成”不算）；全文没有“未完成 / 未达到 / 偏差 / 原因 / 差距 / 不足”等说明偏差的词。
    级别为警告：“已按计划完成目标”也可能是就项目整体而言。
    合格：“不低于180人，全年实际完成值186人”。
    不合格（提示）：“不低于180人，全年实际完成值164人”，另写“已按照计划完成目标”，未说明原因。
    """
    doc = ctx.doc
    flat = doc.flat
    if not _has_floor(flat):
        return  # no 「指标值（为）不低于…」 anywhere: nothing to read (and nothing compiled)
    claim = _DONE.search(flat)
    if claim is None or _DEVIATION.search(flat):
        return
    for m in _PROSE.finditer(flat):
        if m.group("tu") != m.group("au"):
            continue  # two units: not one quantity compared
        target, actual = Decimal(m.group("t")), Decimal(m.group("a"))
        missed = actual > target if m.group("op") in _CEILING else actual < target
        if not missed:
            continue
        yield Hit((m.start("a"), m.end("au")), expected=target, actual=actual,
                  args={"quote": quote(doc, m.start("name"), m.end()).strip(),
                        "op": m.group("op"), "target": f"{m.group('t')}{m.group('tu')}",
                        "actual": f"{m.group('a')}{m.group('au')}",
                        "claim_at": place_of(doc, claim.start()),
                        "claim": quote(doc, claim.start(), claim.end())})
