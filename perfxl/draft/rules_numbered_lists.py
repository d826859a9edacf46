"""PX674: a count that opens a numbered list against the items numbered under it
(「本年度实施 3 个项目：」 then 「（1）……（2）……（3）……（4）……」 on the lines below).

PX615 reads a list written in the count's own sentence (「共 3 个，分别为 A、B、C」); a list of
numbered lines is read here.  The items are the lines right below the count that carry one
numbering (1. / (1) / ① …) from 1 up without a gap; a numbered line of the same style further
down, before the next heading, means the list goes on past a line of another kind, and then
nothing is said.
"""
from __future__ import annotations

import re

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.claims import NUMBERING
from perfxl.draft.common import quote
from perfxl.draft.numbers import cn_count

#: a line that ends with a count and a colon: 「本年度实施 3 个项目：」「主要有以下四个方面：」
_OPENER = re.compile(r"(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?P<u>个|项|条|方面|类|家|所|件)"
                     r"[^,;。:\d、]{0,12}:\s*$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: another count before the opener's in its line: whose list it is cannot be told
_OTHER_COUNT = re.compile(r"\d+\s*(?:个|项|条|类)|[一二两三四五六七八九十]\s*(?:个|项|条|类)")


def _numbered(text: str) -> tuple[str, int] | None:
    """(numbering style, item number) of a line that opens with an item number, else ``None``."""
    t = text.lstrip()
    if t[:1] and t[0] in _CIRCLED:
        return "circled", _CIRCLED.index(t[0]) + 1
    for level, rx in NUMBERING:
        m = rx.match(t)
        if m:
            n = m.group("n")
            v = int(n) if n.isdigit() else cn_count(n)
            return (str(level), v) if v else None
    return None


@rule("PX674", "draft-numbered-list-count", "error", title="文字中的个数与其下编号列出的项数不符",
      message="“{quote}”：写的是 {stated}，其下编号列出了 {k} 项；请核对个数或补全列举",
      cases=[fails("说 3 个，下面编号列了 4 个", at="1", expected=4,
                   text="本年度实施 3 个项目：\n（1）农村公路养护；\n（2）危桥改造；\n（3）安防工程；\n（4）客运站维修。\n"),
             passes("个数与编号项数一致",
                    text="本年度实施 4 个项目：\n（1）农村公路养护；\n（2）危桥改造；\n（3）安防工程；\n（4）客运站维修。\n"),
             passes("编号项中间夹了说明段，列表在其后继续：不能确定，不报告",
                    text="本年度实施 3 个项目：\n（1）农村公路养护；\n（2）危桥改造；\n该项目由交通局实施。\n"
                         "（3）安防工程；\n（4）客运站维修。\n"),
             passes("一行里有两个个数，不知道列的是哪一个",
                    text="设置 3 个一级指标、8 个二级指标：\n1.产出指标\n2.效益指标\n3.满意度指标\n4.成本指标\n")])
def numbered_list_count(ctx):
    """一行以“N 个（项、条、方面……）某某：”结尾，其下紧接的各行以同一种编号（1. / (1) / ① ……）
    从 1 起连续编号时，N 应等于编号的项数。

    需要确定：编号从 1 起、不跳号、各行同一种编号；列表之后到下一个更高一级标题之前不再出现
    同一种编号的下一项（否则列表可能在说明段之后继续）；开头一行只有这一个个数。
    合格：“本年度实施 4 个项目：”其下（1）至（4）。
    不合格：“本年度实施 3 个项目：”其下（1）至（4）。
    """
    doc, flat = ctx.doc, ctx.doc.flat
    paras = doc.paragraphs
    for i, (a, b) in enumerate(paras):
        m = _OPENER.search(flat, a, b)
        if not m or _OTHER_COUNT.search(flat, a, m.start()):
            continue
        n = int(m.group("n")) if m.group("n").isdigit() else cn_count(m.group("n"))
        if not n:
            continue
        style, k, j = None, 0, i + 1
        while j < len(paras):
            got = _numbered(flat[paras[j][0]:paras[j][1]])
            if got is None or (style is not None and got[0] != style) or got[1] != k + 1:
                break
            style, k, j = got[0], k + 1, j + 1
        if k < 2 or k == n:
            continue
        if _goes_on(flat, paras, j, style, k):
            continue
        yield Hit((m.start("n"), m.end()), expected=k, actual=n,
                  args={"quote": quote(doc, a, b)[:60], "stated": doc.raw[m.start("n"):m.end("u")],
                        "k": k})


def _goes_on(flat: str, paras, j: int, style: str, k: int) -> bool:
    """Whether item ``k + 1`` of ``style`` comes later, before a heading of a higher level."""
    for a, b in paras[j:j + 30]:
        got = _numbered(flat[a:b])
        if got is None:
            continue
        if got[0] == style and got[1] == k + 1:
            return True
        if got[0] != "circled" and style != "circled" and int(got[0]) < int(style):
            return False
    return False
