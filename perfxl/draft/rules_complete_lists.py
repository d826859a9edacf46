"""PX663: a list the text itself says is complete, whose amounts do not make its total.

「资金 T 万元，全部用于 A a 万元、B b 万元」, 「T 万元，分别为 A a 万元、B b 万元」, 「T 万元，包括
A a 万元、B b 万元、C c 万元共 3 项」: the words say the listed parts are all of T, so their sum
must be T also when it is short (a 其中 list may name only some parts: PX604 reports it short
only when the list is known complete by other means).
"""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import amount_in, off, sentence_of, shown
from perfxl.draft.numbers import cn_count, figures

#: the total's amount, then the words that say every part follows
_SAYS_ALL = re.compile(r"(?:亿|万)?元\s*[,:]?\s*(?P<w>分别为|分别是|分别用于|全部用于|包括)\s*:?")
#: 「共 3 项」「共三个」 after the list: the count of its parts
_COUNT = re.compile(r"共\s*(?:(?P<n>\d+)|(?P<cn>[一二两三四五六七八九十]{1,3}))\s*(?:项|个|类|笔)")
#: what makes the amounts after the words something else than parts of the total
#: A part's label naming a stage or role of the money (已支付, 实际支出, 到位, 执行) rather than a use.
_STAGED = re.compile(r"^(?:已|实际|累计)|支付|拨付|到位|执行|完成投资")
_OTHER = re.compile(r"其中|较|比上|同比|增|减|%|上年|结余|结转|剩余|余额|累计|平均|约|以上|以下")


def _tol(total, parts) -> Decimal:
    from perfxl.draft.rules_sums import _tolerance
    return _tolerance(total, parts)


@rule("PX663", "draft-complete-list-sum", "warning", title="文字说明已列全的各项之和不等于总数",
      message="“{quote}”：“{words}”之后列出的 {parts} 是总数的全部，之和为 {sum_text}，总数写 "
              "{total}；请核对总数或各项（相差 {gap}）",
      cases=[fails("全部用于两项，之和少于总数", at="1", expected=50,
                   text="下达建设资金 56 万元，全部用于排水沟改造 30 万元、道路硬化 20 万元。"),
             passes("全部用于两项，之和等于总数",
                    text="下达建设资金 56 万元，全部用于排水沟改造 36 万元、道路硬化 20 万元。"),
             passes("“主要包括”只列了主要几项",
                    text="公用经费 80 万元，主要包括办公费 30 万元、差旅费 20 万元。"),
             fails("包括……共 3 项，之和少于总数", at="1", expected=70,
                   text="公用经费 80 万元，包括办公费 30 万元、差旅费 20 万元、会议费 20 万元共 3 项。"),
             passes("包括的项数与所列不符（共 4 项只列了 3 项）",
                    text="公用经费 80 万元，包括办公费 30 万元、差旅费 20 万元、会议费 20 万元等共 4 项。")])
def complete_list_sum(ctx):
    """“总数 T，全部用于 / 分别为 / 分别用于 A a、B b……”：文字说明所列各项就是 T 的全部，
    各项之和应等于 T（按所写末位的半个单位比较，万元各数另有与 PX604 相同的尾差容差）；
    “包括 A a、B b、C c”只有写了“共 N 项”且 N 恰是所列项数时才算列全（“主要包括”“等”不算）。
    需要确定：这几个词紧跟在总数之后；其后到句末只有金额各项，没有“其中”、增减、比率、上年数
    等别的数，也没有写资金阶段的数（“已支付 50 万元”“实际支出”“到位”）；至少两项。各项可能另有口径，故为警告。

    合格：“下达建设资金 56 万元，全部用于排水沟改造 36 万元、道路硬化 20 万元”。
    不合格：“下达建设资金 56 万元，全部用于排水沟改造 30 万元、道路硬化 20 万元”（之和 50）。
    """
    doc, flat = ctx.doc, ctx.doc.flat
    for m in _SAYS_ALL.finditer(flat):
        a, b = sentence_of(doc, m.start())
        if b <= m.end():
            continue
        figs = figures(flat, a, b)
        # the total: the amount whose unit the match opens with
        total = next((f for f in figs if m.start() < f.end <= m.start("w")), None)
        parts = [f for f in figs if f.start >= m.end() and f.money]
        if total is None or not total.money or len(parts) < 2 or any(
                not f.money and m.end() <= f.start < parts[-1].end for f in figs):
            continue
        if _OTHER.search(flat, m.end(), b) or any(_STAGED.search(f.label) for f in parts):
            continue  # 「……、道路硬化 20 万元，已支付 50 万元」: a stage of the money, no use of it
        if m.group("w") == "包括" and not _counted(flat, parts[-1].end, b, len(parts)):
            continue
        s = sum((p.value_yuan for p in parts), Decimal(0))
        if off(total.value_yuan, s, _tol(total, parts)):
            yield Hit((total.start, parts[-1].end), expected=float(s),
                      actual=float(total.value_yuan),
                      args={"quote": doc.raw[total.start:m.end()].replace("\n", "") + "……",
                            "words": m.group("w"),
                            "parts": " + ".join(shown(doc, p) for p in parts),
                            "sum_text": amount_in(s, total), "total": shown(doc, total),
                            "gap": amount_in(abs(s - total.value_yuan), total)})


def _counted(flat: str, a: int, b: int, n: int) -> bool:
    """「……共 3 项」 right after the list, with its count equal to ``n`` (「等共 4 项」: not)."""
    m = _COUNT.match(flat[a:b].lstrip(" ,"))
    if not m:
        return False
    got = int(m.group("n")) if m.group("n") else cn_count(m.group("cn"))
    return got == n
