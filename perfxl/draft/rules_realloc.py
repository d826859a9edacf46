"""PX627: the weight of a not-assessed indicator said to move to another indicator, whose heading
still shows its own weight without the moved points (the reallocation was not applied)."""
from __future__ import annotations

import bisect
import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.claims import _heading_level
from perfxl.draft.common import place_of, quote, shown
from perfxl.draft.rules_scores import _kids

#: The verbs that move points to another indicator ("调整至", "并入", "计入"…).
_VERB = (r"(?:调整至|调整到|调整给|调整为|调至|调到|调入|转至|转到|转入|转移至|转移到|移至|移到|移入|"
         r"并入|合并至|合并到|合并入|计入|划入|划至|划转至|归入|纳入|加入|分配至|分配到|分配给)")
#: The target: a quoted name, else the words up to the next clause mark.
_TARGET = (r"(?:“(?P<q1>[^”]{2,40})”|「(?P<q2>[^」]{2,40})」|\"(?P<q3>[^\"]{2,40})\"|"
           r"《(?P<q4>[^》]{2,40})》|‘(?P<q5>[^’]{2,40})’|(?P<u>[^,;:。!?()“”\"「」\s]{2,40}))")
#: "3 分分值调整至“X”", "其 3 分权重并入 X", "3分计入X指标"; "N 分" is the moved weight.
_MOVE_N = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*分\s*(?:的)?\s*(?:分值|权重|分数)?\s*"
                     r"(?:全部|均|一并|直接)?\s*" + _VERB + r"\s*(?:到|至)?\s*" + _TARGET)
#: "本项分值调整至 X", "权重并入 X": the whole weight of the indicator moves.
_MOVE = re.compile(r"(?:分值|权重|分数)\s*(?:全部|均|一并|直接)?\s*" + _VERB + r"\s*(?:到|至)?\s*"
                   + _TARGET)
#: what every ``_MOVE_N`` / ``_MOVE`` holds: a sentence without it is not searched with them
#: (their openings make them try every place of the sentence)
_VERB_ANY = re.compile(_VERB)
#: The indicator is not assessed (its section says so).
_NOT_ASSESSED = re.compile(r"不考核|不适用|不计分|不予(?:考核|计分|评分|评价)|不参与(?:考核|评分|评价)|"
                           r"不纳入(?:考核|评分|评价)|不列入(?:考核|评分|评价)|不作考核|不做考核|"
                           r"无需考核|不需考核|免于?考核|不评分|不涉及|无此项|不设此项")
_PUNCT = re.compile(r"[\s“”\"'‘’「」《》.,;:、。!?()\[\]【】]")


def _name(s: str) -> str:
    """An indicator's name for matching: no spaces, quotes or punctuation."""
    return _PUNCT.sub("", s)


def _heading_name(flat: str, claim) -> str:
    """"(1)部门预算资金支出率(3 分)" -> "部门预算资金支出率"; "1. 资金管理。指标分值22分" -> "资金管理"."""
    a = claim.span[0]
    head = flat[a:claim.figures[0].start]
    head = re.sub(r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}\s*[.、])", "",
                  head)
    head = re.sub(r"(?:\(|指标分值\s*|\s)*$", "", head)
    return _name(head)


def _target_name(m: re.Match) -> str:
    quoted = next((m.group(g) for g in ("q1", "q2", "q3", "q4", "q5") if m.group(g)), None)
    if quoted:
        return _name(quoted)
    x = m.group("u")
    x = x.split("指标")[0] if not x.startswith("指标") else x
    return _name(re.sub(r"(?:一项|项目?|中|内|里|进行考核|考核|计分|评分)+$", "", x))


@rule("PX627", "draft-weight-moved", "warning", title="不考核指标的分值说已调整至另一指标，该指标分值却未加上",
      message="“{quote}”：“{target}”调整后分值应为 {want} 分（{own} + 调入 {n} 分），而{where}标题仍写"
              "（{stated}）{score}，“{parent}”的下级分值仍按调整前合计 {sum} 分；请把“{target}”"
              "的分值改为 {want} 分并按 {want} 分评分，或删去分值调整的说明",
      cases=[fails("调入的 3 分没有加到目标指标上", at="5", expected=6,
                   text="1. 资金管理。指标分值10分。\n(1)部门预算资金支出率(3分)。\n自评得分3分。\n"
                        "(2)资金下达合法性(3分)。\n本部门无转移支付，本项指标不考核，3分分值调整至"
                        "“部门预算资金支出率”指标。\n(3)财务合规性(4分)。自评得分4分。"),
             passes("目标指标的分值已含调入的 3 分",
                    text="1. 资金管理。指标分值10分。\n(1)部门预算资金支出率(6分)。\n自评得分6分。\n"
                         "(2)资金下达合法性(3分)。本项指标不适用，不计分，3分分值调整至"
                         "“部门预算资金支出率”指标。\n(3)财务合规性(4分)。自评得分4分。"),
             passes("找不到目标指标的标题",
                    text="1. 资金管理。指标分值10分。\n(1)部门预算资金支出率(3分)。\n自评得分3分。\n"
                         "(2)资金下达合法性(3分)。\n本项指标不考核，3分分值调整至“预算执行率”指标。\n"
                         "(3)财务合规性(4分)。自评得分4分。")])
def weight_moved(ctx):
    """不考核（不适用）指标的说明写“N 分分值调整至‘X’指标”“权重并入 X”“计入 X”等，而指标 X
    的标题仍写它原来的分值：上级标题的分值仍等于各下级标题分值之和（把不考核的那项也算在内，
    上级的上级也一致），说明分值并未调整；X 的自评得分也不超过调整后的分值。调整后 X 的分值
    应为原分值 + N，标题与评分应按调整后的分值写，否则应删去调整的说明。找不到名为 X 的标题、
    X 的标题已含调入的分值（上级分值之和因此多出 N 分）、不考核那项的标题分值小于 N 时不报告。
    是否确已调整只能由分值之和推断，故为警告。

    合格：“(1)部门预算资金支出率(6分)”，“(2)资金下达合法性(3分)。本项指标不适用，不计分，
    3分分值调整至‘部门预算资金支出率’指标”，上级“资金管理”为 10 分（6 + 4，不适用的一项
    不计）。
    不合格：“本项指标不考核，3 分分值调整至‘部门预算资金支出率’指标”，而该指标标题仍写
    “（3 分）”、自评得分 3 分，上级“资金管理。指标分值 22 分”= 3 + 3 + 3 + 2 + 4 + 3 + 4
    （seed 000 第 180 行、第 158 行）。
    """
    doc, flat = ctx.doc, ctx.doc.flat
    ws = ctx.claims.of("weight")
    if len(ws) < 2:
        return
    kids_of = {i: _kids(ws, i) for i in range(len(ws))}
    parent_of = {k: i for i, ks in kids_of.items() for k in ks}
    names = [_heading_name(flat, c) for c in ws]
    # each heading's section: its paragraph up to the next heading paragraph
    heads = [a for a, b in doc.paragraphs if _heading_level(flat[a:b])]
    ends = []
    for c in ws:  # the next heading after each, by bisection (not a scan of every heading)
        j = bisect.bisect_right(heads, c.span[0])
        ends.append(heads[j] if j < len(heads) else len(flat))

    def section_of(pos: int) -> int | None:
        for i, c in enumerate(ws):
            if c.span[0] <= pos < ends[i]:
                return i
        return None

    def consistent(i: int) -> bool:
        """The children of ``i`` (all of them, as written) add up to its weight, and so up."""
        while i is not None:
            ks = kids_of[i]
            if len(ks) >= 2:
                w = ws[i].figures[0]
                s = sum((ws[k].figures[0].value for k in ks), Decimal(0))
                if abs(w.value - s) > w.tol:
                    return False
            i = parent_of.get(i)
        return True

    moves: dict[int, list[tuple[int, int, Decimal, int]]] = {}  # target -> (span, n, source)
    for a, b in doc.sentences:
        if not _VERB_ANY.search(flat, a, b):
            continue
        found = list(_MOVE_N.finditer(flat, a, b)) or list(_MOVE.finditer(flat, a, b))
        for m in found:
            src = section_of(m.start())
            if src is None or kids_of[src] or src not in parent_of:
                continue  # not in a leaf indicator's section (or one without a parent)
            if not _NOT_ASSESSED.search(flat, ws[src].span[0], ends[src]):
                continue
            w_src = ws[src].figures[0].value
            n = Decimal(m.group("n")) if "n" in m.groupdict() and m.group("n") else w_src
            if n <= 0 or n > w_src:
                continue  # the moved points are not (all) counted at the not-assessed indicator
            tgt = _find(_target_name(m), names, src, parent_of)
            if tgt is None or kids_of[tgt] or tgt not in parent_of:
                continue
            start, end = m.start(), m.end()
            while start > a and flat[start - 1] not in ",;:。!?":
                start -= 1  # from the clause's start ("本项分值计入……")
            end += 2 if flat.startswith("指标", end) else 0
            moves.setdefault(tgt, []).append((start, end, n, src))

    out_of: dict[int, Decimal] = {}  # source -> points it gives away
    for ms in moves.values():
        for *_, n, src in ms:
            out_of[src] = out_of.get(src, Decimal(0)) + n
    scores = ctx.claims.of("score")
    for tgt, ms in moves.items():
        if any(out_of[src] > ws[src].figures[0].value for *_, src in ms):
            continue  # more points given away than the not-assessed indicator has
        if not all(consistent(parent_of[i]) for i in {tgt, *(src for *_, src in ms)}):
            continue  # the weights as written already include the moved points (or disagree)
        t = ws[tgt].figures[0]
        n = sum((n for _, _, n, _ in ms), Decimal(0))
        want = t.value + n
        own = [c for c in scores if ws[tgt].span[0] <= c.span[0] < ends[tgt] and c.words == "item"]
        if own and own[0].figures[0].value > want:
            continue  # scored out of more than even the adjusted weight: another problem
        place = place_of(doc, ws[tgt].span[0])
        for start, end, _, src in ms:
            p = parent_of[src]
            total = sum((ws[k].figures[0].value for k in kids_of[p]), Decimal(0))
            yield Hit((start, end), expected=float(want), actual=float(t.value),
                      args={"quote": quote(doc, start, end), "target": names[tgt],
                            "want": _num(want), "own": _num(t.value), "n": _num(n),
                            "where": place, "stated": shown(doc, t),
                            "score": f"、自评得分 {shown(doc, own[0].figures[0])}" if own else "",
                            "parent": names[p], "sum": _num(total)})


def _num(x: Decimal) -> str:
    """A weight as written in a message: 20, 2.5."""
    return format(x.normalize(), "f")


def _find(x: str, names: list[str], src: int, parent_of: dict) -> int | None:
    """The heading named ``x``: the one of that name, else the one whose name contains ``x`` or
    is contained in it (a sibling of ``src`` first); ``None`` when none or several."""
    if len(x) < 2:
        return None
    cands = [i for i, nm in enumerate(names) if i != src and nm == x]
    if not cands:
        cands = [i for i, nm in enumerate(names) if i != src and len(nm) >= 3
                 and (x in nm or nm in x)]
    if len(cands) > 1:
        sib = [i for i in cands if parent_of.get(i) == parent_of.get(src)]
        cands = sib
    return cands[0] if len(cands) == 1 else None
