"""Does a draft go with the workbook given by ``--workbook``?  The same department and year.

``tie(doc, model) -> Tie``:

* ``Tie.problem``: the Chinese reason the pair is refused (another department, or another year),
  naming both sides; ``None`` when the pair is accepted.  ``check_draft`` raises it as
  ``perfxl.errors.UsageError`` (the CLI exits 2, nothing is compared).
* ``Tie.confirmed``: True when the draft names the workbook's department (``基本信息!部门名称``).

The draft's department is read where a report states it: a line of its first 60 starting with
``部门名称：…`` / ``单位名称：…`` (the cover page), and the title (``2023年度岳阳市商务局整体
支出绩效自评报告`` -> 岳阳市商务局: a line of the first 15 non-blank ones, at most 45 characters,
without sentence punctuation, ending in 报告 / 自评, its name ending in an organ's word such as
局 / 委 / 办 / 中心 and not starting with 根据 / 按照 / 关于…).  Names
are compared without blanks and brackets; one containing the other is the same department
(the title ``区经济合作局…`` goes with ``乐山市市中区经济合作局``).  When the draft states no name
of its own, it is the workbook's department if it mentions the workbook's name anywhere.

Precise behaviour where a side is silent (a wrong refusal would stop a user who did nothing
wrong, so silence never refuses):

* the draft states no department and never mentions the workbook's, or the workbook has no
  部门名称: the pair is accepted *unconfirmed* (``confirmed`` False; the CLI says so on stderr);
* the draft's year is the one its title states (or ``2023年度`` in its first 5 non-blank
  lines); a draft that states none, or a workbook without 年度, is not refused for the
  year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Tie", "tie", "draft_department", "draft_year"]

_ORGAN = ("局", "委员会", "委", "办公室", "办", "厅", "院", "中心", "所", "站", "队", "馆", "会",
          "社", "处", "政府", "街道", "镇", "乡", "学校", "小学", "中学", "大学", "医院", "公司",
          "部", "署", "室", "园", "场", "台")
_NAMED = re.compile(r"^\s*(?:预算)?(?:部门|单位)名称\s*[:：]\s*(?P<n>[^\s:：(（]{2,40})")
_TITLE_WORDS = re.compile(r"绩效自评|自评报告|绩效评价报告|绩效自评价")
#: A title is short, has no sentence punctuation and ends in 报告 (a sentence of the first lines
#: that names the 财政局's notice is no title)
_NOT_TITLE = re.compile(r"[，。；：,;:！？!?]")
_LEAD = re.compile(r"^(?:根据|按照|依据|关于|对|为|经)")
_TITLE = re.compile(r"^(?:(?:19|20)\d\d\s*年度?)?(?P<n>.+?)(?:(?:19|20)\d\d\s*年度?)?"
                    r"(?:部门|单位)?(?:整体)?(?:支出)?(?:绩效)?(?:自评|评价)")
_YEAR_HEAD = re.compile(r"((?:19|20)\d\d)\s*年度")
_YEAR_ANY = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?!\d)")


def _norm(s: str) -> str:
    """Without blanks, brackets and their full-width forms: 岳阳市商务局（本级） -> 岳阳市商务局本级."""
    return re.sub(r"[\s()（）〔〕\[\]【】“”\"']", "", s or "")


def _head_lines(doc, n: int = 15) -> list[str]:
    out = []
    for u in doc.units:
        t = u.text.strip()
        if t:
            out.append(t)
            if len(out) >= n:
                break
    return out


def _title_lines(doc) -> list[str]:
    return [t for t in _head_lines(doc)
            if _TITLE_WORDS.search(t) and len(t) <= 45 and not _NOT_TITLE.search(t)
            and re.sub(r"[\s()（）]+$", "", t).endswith(("报告", "自评"))]


def draft_department(doc) -> list[str]:
    """The department names the draft states (a 部门名称 line, its title), without blanks."""
    out = []
    for u in doc.units[:60]:  # the cover page (a project table's 实施单位名称 is another unit)
        m = _NAMED.search(u.text)
        if m:
            out.append(_norm(m.group("n")))
    for t in _title_lines(doc):
        m = _TITLE.match(_norm(t))
        name = m.group("n") if m else ""
        if len(name) >= 3 and name.endswith(_ORGAN) and not _LEAD.match(name):
            out.append(name)
    return [n for n in dict.fromkeys(out) if n]


def draft_year(doc) -> int | None:
    """The year the draft states for itself: a year in its title line, else ``20XX年度`` in a
    title-like line (short, no sentence punctuation, not 根据… / 关于…) of its first 5 non-blank
    lines (a cover page); ``None`` when it states none (a year met in the prose may be any year
    the text talks about)."""
    for t in _title_lines(doc):
        m = _YEAR_ANY.search(t)
        if m:
            return int(m.group(1))
    cover = [t for t in _head_lines(doc, 5)
             if len(t) <= 45 and not _NOT_TITLE.search(t) and not _LEAD.match(t.strip())]
    m = _YEAR_HEAD.search("\n".join(cover))
    return int(m.group(1)) if m else None


@dataclass(frozen=True)
class Tie:
    problem: str | None
    confirmed: bool


def _same(a: str, b: str) -> bool:
    return a in b or b in a


def tie(doc, model) -> Tie:
    """Whether the draft ``doc`` (``perfxl.draft.text.Doc``) goes with ``model`` (see the module
    doc)."""
    book = _norm(getattr(model, "department_name", "") or "")
    names = draft_department(doc)
    confirmed = False
    other = None
    if book and names:
        if any(_same(n, book) for n in names):
            confirmed = True
        else:
            other = names[0]
    elif book:
        confirmed = book in _norm(doc.text)
    dy, by = draft_year(doc), getattr(model, "year", None)
    year_off = dy is not None and by is not None and dy != by
    if other is None and not year_off:
        return Tie(None, confirmed)
    fix = "请用本部门本年度的工作簿核对报告"
    if other is None:
        name = f"“{model.department_name}”" if book else ""
        return Tie(f"报告草稿为 {dy} 年度，工作簿{name}为 {by} 年度（基本信息!年度），不是同一年度；{fix}",
                   confirmed)
    ys = (f"（{dy} 年度）", f"（{by} 年度）") if year_off else ("", "")
    return Tie(f"报告草稿的部门为“{other}”{ys[0]}，工作簿的部门名称为“{model.department_name}”"
               f"{ys[1]}，不是同一部门；{fix}", confirmed)
