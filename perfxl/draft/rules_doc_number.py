"""PX662: one allocation named by its document number (文号) with two amounts.

「……呼财农指〔2023〕41号……下达我县资金5万元」 and, further on, the same 文号 with 「……下达我县
山洪灾害防治设施维养6万元」: a 文号 names one 通知, and what it gives the unit is one sum; a use of
it cannot exceed it, and two statements of the whole must agree.
"""
from __future__ import annotations

import bisect
import re

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import han_only, off, place_of, quote, sentence_of, shown
from perfxl.draft.numbers import figures, tolerance

#: 「呼财农指〔2023〕41号」「财预【2022】7号」: a word, a bracketed year, a number (the bracket is
#: searched for, then the word before it: a pattern opening with the word would be tried at
#: every character of the text)
_DOC_NO = re.compile(r"[〔【\[(]\s*(?P<year>(?:19|20)\d\d)\s*[〕】\])]\s*(?P<no>\d{1,4})\s*号")
_WORD = re.compile(r"[\u4e00-\u9fff]{1,12}$")
#: what comes before the 文号 proper: the issuer (…局 / …厅 / …委 / …府) and 根据 / 按照 …
_LEAD = re.compile(r"^.*(?:局|厅|委|府|办|部|据|照|按|经|以|和|及|与)")
#: the whole a 通知 gives: 「下达我县2023年资金」「安排本级资金」, no use named
_WHOLE = re.compile(r"(?:^|年|县|区|市|旗|州|镇|乡|级|省|单位)(?:下达|安排|拨付|分配)?资金"
                    r"(?:总额|总计|合计|共计)?$")


#: The verbs by which a 通知 gives money: a use tied to the notice's allocation says one of them.
_GIVES = re.compile(r"下达|安排|拨付|分配")


class _No:
    """A 文号 found in the text: its span (from the word before the bracket), word, year, number."""

    def __init__(self, flat: str, m: re.Match, word: str) -> None:
        self.start, self.end, self.word = m.start() - len(word), m.end(), word
        self.key = (_LEAD.sub("", word), m.group("year"), m.group("no"))
        self.text = flat[self.start:self.end]


def _numbers(flat: str) -> list[_No]:
    out = []
    for m in _DOC_NO.finditer(flat):
        w = _WORD.search(flat, max(0, m.start() - 12), m.start())
        if w:
            out.append(_No(flat, m, w.group(0)))
    return out


def _name(f) -> str:
    return han_only(f.label)


@rule("PX662", "draft-doc-number-amount", "warning", title="同一文号下达的资金前后金额不符",
      message="“{quote}”：{doc_no}在{where}下达的资金写 {whole}，这里{what} {stated}；"
              "同一文件下达的同一笔资金应一致，请核对两处金额",
      cases=[fails("同一文号：资金 5 万元，其用途写 6 万元", at="2", expected=5,
                   text="县财政局以某财农〔2023〕41号文件下达我县资金 5 万元。\n"
                        "县财政局以某财农〔2023〕41号文件下达我县山洪灾害防治设施维养 6 万元。"),
             passes("用途的金额不超过下达总数（可能只是其中一项）",
                    text="县财政局以某财农〔2023〕41号文件下达我县资金 8 万元。\n"
                         "县财政局以某财农〔2023〕41号文件下达我县山洪灾害防治设施维养 6 万元。"),
             passes("文号不同",
                    text="县财政局以某财农〔2023〕41号文件下达我县资金 5 万元。\n"
                         "县财政局以某财农〔2023〕42号文件下达我县山洪灾害防治设施维养 6 万元。")])
def doc_number_amount(ctx):
    """同一文号（发文字、年份、序号都相同，如“呼财农指〔2023〕41号”）的通知下达给本单位的是
    一笔资金：两处都写“下达……资金 X”（不写用途）时两数应相等；一处写下达资金总数、另一处
    写其某项用途时，用途的金额不能超过总数。需要确定：每处所在的句子只有这一个文号、文号之后
    只有一个金额；两处都是总数时名称相同。两处都写用途（可能是同一文件的不同项目）、用途
    金额不超过总数时不报告；写用途的一处须写明是这份通知“下达 / 安排 / 拨付 / 分配”的（“实施
    渠道清淤工程 45 万元”是工程的投资，可能含配套、自筹，不比较）。下达对象没有逐字核对，
    故为警告。

    合格：“……41号文件下达我县资金 8 万元”与“……41号文件下达我县山洪灾害防治设施维养 6 万元”。
    不合格：“……41号文件下达我县资金 5 万元”与“……41号文件下达我县山洪灾害防治设施维养 6 万元”。
    """
    doc, flat = ctx.doc, ctx.doc.flat
    seen: dict[tuple, list] = {}
    found = _numbers(flat)
    starts = [n.start for n in found]
    for m in found:
        a, b = sentence_of(doc, m.start)
        if bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a) != 1:
            continue  # 「依据甲〔2024〕17号和甲〔2024〕21号，下达……」: whose amount is unsaid
        money = [f for f in figures(flat, m.end, b) if f.money]
        if len(money) == 1:
            seen.setdefault(m.key, []).append((m, money[0]))
    for mentions in seen.values():
        wholes = [(m, f) for m, f in mentions if _WHOLE.search(_name(f))]
        if not wholes:
            continue  # uses only: several projects of one 通知 may each be named
        w = wholes[0][1]
        for m, f in mentions:
            if f is w:
                continue
            tol = tolerance(w, f)
            if (m, f) in wholes:
                if _name(f) != _name(w) or not off(w.value_yuan, f.value_yuan, tol):
                    continue  # another whole (another recipient), or the same amount
            elif f.value_yuan <= w.value_yuan + tol or not _GIVES.search(f.label):
                continue  # a use within the whole (maybe one of several), or no allocation said
                # (「实施渠道清淤工程 45 万元」: a project's cost may hold other money)
            yield Hit((f.start, f.end), expected=float(w.value_yuan), actual=float(f.value_yuan),
                      args={"quote": quote(doc, m.end - len(_shown_no(m)), f.end),
                            "doc_no": _shown_no(m),
                            "where": place_of(doc, w.start), "whole": shown(doc, w),
                            "what": f"“{f.label}”写", "stated": shown(doc, f)})


def _shown_no(m: _No) -> str:
    """The 文号 as written, without the issuer before it (「呼财农指【2023】41号」)."""
    return m.text[len(m.word) - len(m.key[0]):]
