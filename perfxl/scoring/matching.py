"""Find the framework item a row of the 指标体系 sheet stands for, by its wording.

Real reports word the same indicator differently (seed 000 L182 「预决算信息,绩效评价结果公开性」
for 预决算信息公开性), so names are compared after removing spaces, punctuation and list numbers,
against the item's name and ``aliases``: exact on the 三级 name, then on 二级 + 三级, then the
the item of the same 二级 whose name ends with the row's 三级 (「目标设置 / 合理性」), then the
longest name or alias (3+ characters) contained in the row's wording; ties go to the item whose
二级 matches the row's.
"""
from __future__ import annotations

import re
import unicodedata

from perfxl.frameworks.schema import Item

__all__ = ["norm", "match_item"]

_PUNCT = re.compile(r"[\s\u3000，,、。．.“”\"'‘’（）()【】\[\]：:；;—\-·/]+")
_PAREN_NUMBER = re.compile(r"^\s*[(（]\s*[0-9一二三四五六七八九十]+\s*[)）]\s*")
_POINTS = re.compile(r"[(（]\s*[0-9.]+\s*分\s*[)）]\s*[。.]?\s*$")
_LIST_NUMBER = re.compile(r"^\s*[0-9一二三四五六七八九十]+\s*[、.．]\s*")


def norm(text: object) -> str:
    """Wording reduced for comparison: NFKC, no list number ("(1)", "1.", "一、"), no "(5分)", no spaces
    or punctuation."""
    s = unicodedata.normalize("NFKC", "" if text is None else str(text))
    s = _POINTS.sub("", _LIST_NUMBER.sub("", _PAREN_NUMBER.sub("", s)))
    return _PUNCT.sub("", s)


def _keys(item: Item) -> list[str]:
    return [k for k in (norm(item.name), *(norm(a) for a in item.aliases)) if k]


def match_item(items: tuple[Item, ...], level2: object, level3: object) -> Item | None:
    """The item meant by a row with these 二级/三级 texts (三级 blank: the 二级 text is the
    indicator), or ``None``."""
    name = norm(level3) or norm(level2)
    if not name:
        return None
    l2 = norm(level2)

    def prefer(cands: list[Item]) -> Item | None:
        if len(cands) == 1:
            return cands[0]
        same = [c for c in cands if c.level2 and norm(c.level2) == l2]
        return same[0] if len(same) == 1 else None

    exact = [it for it in items if name in _keys(it)]
    if exact:
        return prefer(exact)
    both = norm(f"{level2 or ''}{level3 or ''}")
    exact2 = [it for it in items if both in _keys(it)]
    if exact2:
        return prefer(exact2)
    short = norm(level3)
    if short and l2:
        tail = [it for it in items if it.level2 and norm(it.level2) == l2
                and any(k.endswith(short) for k in _keys(it))]
        if len(tail) == 1:
            return tail[0]
    best: list[tuple[int, Item]] = []
    for it in items:
        hits = [len(k) for k in _keys(it) if len(k) >= 3 and k in name]
        if hits:
            best.append((max(hits), it))
    if not best:
        return None
    top = max(n for n, _ in best)
    return prefer([it for n, it in best if n == top])
