"""PX631: the 项目资金 block of a 项目支出绩效自评表 pasted as text (one cell per line, `|` rows,
or a PDF's text on one line): a 年度资金总额 row of zeros above a 其中 row of real amounts."""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import quote

_NUMS = r"((?:[\s|:]*\d[\d,]*(?:\.\d+)?(?!\s*%)){2,6})"
_BLOCK = re.compile(r"年度资金总额[\s|:]*" + _NUMS + r"[\s|%\d.]*?其中[\s|:]*"
                    r"(?P<part>[^\d|\n]{1,14}?)[\s|:]*" + _NUMS.replace("(", "(?P<pv>", 1))


#: what every ``_BLOCK`` holds: 年度资金总额, then only numbers, marks and spaces up to 其中.  A
#: draft without it has no block, and ``_BLOCK`` (whose numbers can be split many ways) is not
#: run: it backtracks ~1 ms over each 年度资金总额 whose row does not go on to 其中.
_BLOCK_HEAD = re.compile(r"年度资金总额[\s|:,.%\d]*其中")


def _values(s: str) -> list[Decimal]:
    return [Decimal(x.replace(",", "")) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", s)]


@rule("PX631", "draft-zero-total", "warning", title="项目资金表的年度资金总额为 0，其中一行却有金额",
      message="“{quote}”：年度资金总额一行的预算数、执行数都是 0，而其中“{part}”一行是 {values}；"
              "总额应不小于其中各行，请补填年度资金总额（及执行率、得分）",
      cases=[fails("总额一行全是 0", at="2", expected=90,
                   text="项目支出绩效自评表（2024年度）\n"
                        "年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 90 89.97 89.97 上年结转资金\n"),
             passes("总额与其中一致",
                    text="项目支出绩效自评表（2024年度）\n"
                         "年度资金总额: 90 90 89.97 10 99.97% 10 其中:本年财政拨款 90 90 89.97\n")])
def zero_total(ctx):
    """项目支出绩效自评表的“项目资金”部分：年度资金总额一行的年初预算数、全年预算数、全年执行数
    都是 0，而紧接着的“其中：财政拨款（本年财政拨款）”一行有金额——总额没填（常见于 PDF 转文字或
    粘贴的表格），执行率、得分随之为 0。

    需要确定：年度资金总额后至少两个数且前三个都是 0，其后 200 个字符内的“其中”一行前三个数里
    有不为 0 的。
    合格：“年度资金总额: 90 90 89.97 … 其中:本年财政拨款 90 90 89.97”。
    不合格：“年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 90 89.97 89.97”。
    """
    flat = ctx.doc.flat
    if not _BLOCK_HEAD.search(flat):
        return
    for m in _BLOCK.finditer(flat):
        if m.end() - m.start() > 260:
            continue
        total = _values(m.group(1))[:3]
        part = _values(m.group("pv"))[:3]
        if len(total) < 2 or any(total) or not any(part):
            continue
        yield Hit((m.start(), m.end()), expected=float(max(part)), actual=0.0,
                  args={"quote": quote(ctx.doc, m.start(), min(m.end(), m.start() + 60)),
                        "part": m.group("part").strip(" :|"),
                        "values": "、".join(str(v) for v in part)})
