"""PX639: a unit's head count (实有人数) against the 其中 parts written right after it.

「年末实有人数 N 人，其中在职人员 a 人，离休人员 b 人，退休人员 c 人」: 实有人数 is made of 在职、
离休、退休 (离退休) people and nothing else, so when exactly those parts are listed in the clause
N = a + b + c.  A clause naming any other part (其他人员、遗属、编外 …), or only some of them,
says nothing: the parts may then be a selection.
"""
from __future__ import annotations

import re

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import quote

#: 「实有人数 14 人，其中：」 and the parts up to the clause's end (; or 。).
#: 「实有人员 18 人（在职 15 人，离休 1 人，退休 3 人）」: the parts in parentheses, up to their close.
_COUNT = re.compile(r"实有人(?:数|员)\s*(?:为|是|共)?\s*(?P<n>\d+)\s*人\s*(?:[,，;；]?\s*其中\s*[:：]?|"
                    r"[(（]\s*(?:其中\s*[:：]?)?(?=[^)）]*[)）]))(?P<parts>[^;；。\n)）]*)")
_PART = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,8}?)\s*(?:为|是)?\s*(?P<n>\d+)\s*人(?![次员])")
#: the kinds of people 实有人数 is made of: the names a complete list uses
_KINDS = {"在职人员": "在职", "在职": "在职", "离休人员": "离休", "离休": "离休",
          "退休人员": "退休", "退休": "退休", "离退休人员": "离退休", "离退休": "离退休"}
_COMPLETE = ({"在职", "离休", "退休"}, {"在职", "离退休"})
_SEP = re.compile(r"\s*[,，、和及]?\s*")


def _parts(text: str) -> list[tuple[str, int]] | None:
    """The listed (kind, count) pairs, or ``None`` when the clause holds anything else."""
    out, at = [], 0
    for m in _PART.finditer(text):
        if not _SEP.fullmatch(text, at, m.start()):
            return None
        kind = _KINDS.get(m.group("name"))
        if kind is None:
            return None
        out.append((kind, int(m.group("n"))))
        at = m.end()
    return out if text[at:].strip(" ,，") == "" else None


_TEXT = "单位基本情况\n年末实有人数 {n} 人，其中在职人员 20 人，离休人员 1 人，退休人员 4 人。\n"


@rule("PX639", "draft-head-count", "error", title="实有人数不等于其中各类人数之和",
      message="“{quote}”：其中各类人数之和 {sum} 人，文字写实有人数 {stated} 人；"
              "请核对实有人数或各类人数",
      cases=[fails("实有人数比各类之和多", text=_TEXT.format(n=26), at="2", expected=25),
             passes("实有人数等于各类之和", text=_TEXT.format(n=25)),
             fails("各类人数写在括号里", at="2", expected=19,
                   text="单位基本情况\n年末实有人员 18 人（在职 15 人，离休 1 人，退休 3 人）。\n"),
             passes("其中只列了在职人员",
                    text="单位基本情况\n年末实有人数 26 人，其中在职人员 20 人。\n")])
def head_count(ctx):
    """“实有人数 N 人，其中在职人员 a 人，离休人员 b 人，退休人员 c 人”：实有人数由在职、离休、
    退休（离退休）人员组成，N 应等于 a + b + c（人）。

    只在“其中”后同一分句（到“；”或“。”；或紧跟人数的括号内）恰好列出在职、离休、退休（或在职、离退休）各一项、
    没有别的类别时比较；只列了部分类别或列了其他人员、遗属等别的类别时不报告。
    合格：实有人数 25 人，其中在职 20 人、离休 1 人、退休 4 人。
    不合格：实有人数 26 人，其中在职 20 人、离休 1 人、退休 4 人（和为 25 人）。
    """
    flat = ctx.doc.flat
    for m in _COUNT.finditer(flat):
        parts = _parts(m.group("parts"))
        if not parts:
            continue
        kinds = [k for k, _n in parts]
        if len(set(kinds)) != len(kinds) or set(kinds) not in _COMPLETE:
            continue
        total, n = sum(c for _k, c in parts), int(m.group("n"))
        if total != n:
            end = m.end() + (flat[m.end():m.end() + 1] in ")）")  # with its closing parenthesis
            yield Hit((m.start(), m.end()), expected=total, actual=n,
                      args={"quote": quote(ctx.doc, m.start(), end), "sum": total,
                            "stated": n})
