"""The quantity model of a draft: every amount once, with what it is an amount *of*.

A figure's identity is not its label alone.  「年初预算安排会议费 36.40 万元……决算会议费 21.15
万元」 names two quantities; so do 「公务接待费 11.8 万元」 in a sentence about the 2022 budget and
「公务接待费 12.39 万元」 in one about 2021's spending, or 「年初预算为 0.95 万元」 said of the
公务用车 line and 「年初预算为 2.95 万元」 said of the 三公 total.  ``Quantity`` therefore carries:

* ``name``   — the label without years, stage / role words and the unit's own name, through the
  glossary's synonyms (``perfxl.glossary.QUANTITY_SYNONYMS``: 专项资金 = 项目支出).  A label
  that is only a stage word (「年初预算为」) takes the name of the amount it follows in its
  sentence (「因公出国(境)支出 0 万元，年初预算为 0 万元」); first in its sentence, it is the
  whole unit's (``""``).  ``None`` when nothing names it (a bare 「支出」, 「资金」).
* ``stage``  — 年初预算 / 年中调整 / 调整预算 / 全年预算 / 预算 / 决算 / 执行 / 实际支出, or ``""`` when the
  label and its sentence say none; a part of a 其中 breakdown takes its total's stage, an
  amount whose label names none the stage named first in its sentence.
* ``period`` — the year: the label's own, else the sentence's (「2021 年度“三公”经费合计支出
  20.12 万元，其中：公务接待 12.39 万元」 is 2021 throughout), else the report's (0 when the draft never names it).  A sentence that
  compares with 上年 is about the report's year whatever year it is labelled with (PX609).
* ``role``   — ``planned`` (预算、安排、计划、申请、年度目标、指标值), ``achieved`` (决算、执行、
  实际、完成、到位、支付、拨付、支出), ``change`` (an 增减额, 较上年…), ``prior`` (上年's figure).
* ``scope``  — the fund the amount's label says it is counted in (财政拨款, 一般公共预算,
  政府性基金…), ``""`` when it says none; after a line that opens with an area (「全市…」,
  「市本级…」, 「剔除高新区后:」) the area too (``areas``): the city's total and its own level's are
  two quantities with one name.
  A paragraph that opens with the item it is about (「重大水利工程已完成……」) adds that item
  (``subjects``) up to the next numbered heading; a numbered list item naming a project
  (「指标2:某村照料中心项目,…总投资…」) adds it up to its paragraph's end.
* a label the text opens with 其他 (「其他税收收入」) keeps it: one line of 税收收入, never the whole.
* a part listed after a sentence that is only 「其中:」 is named after the amount its paragraph
  opens with (``_qizhong_blocks``): 「基本支出……其中: 商品和服务支出 165247.88 元」 and 「项目支出……其中:
  商品和服务支出 29700 元」 are two quantities.
* ``figure`` and ``sentence`` — the ``perfxl.draft.numbers.Figure`` and its sentence span.

Two amounts are the same quantity (``same_quantity``) only when every part is known and equal;
a rule that finds two of them unequal may call it an error.  Anything unknown means no error
(PX611 docs/rules/PX611.md).  Extracted once per draft (``DraftCtx.quantities``); no rule
re-reads the text for it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from perfxl.draft.numbers import Figure, open_paren

__all__ = ["Quantity", "quantities", "same_quantity", "stage_of", "subject_name", "ambiguous_names",
           "STAGES", "areas", "area_at"]

#: Stage words, longest first; the first that matches the label wins.
STAGES = (("执行", re.compile(r"执行")),
          ("决算", re.compile(r"决算")),
          ("年初预算", re.compile(r"年初(?:批复|部门|财政拨款)*预算|年初安排|年初批复|年初")),
          ("年中调整", re.compile(r"年中(?:调整|追加)|追加(?:预算|资金)?$|调整数|预算调整数")),
          ("调整预算", re.compile(r"调整后(?:的)?预算|预算调整后|调整预算|追加后")),
          ("全年预算", re.compile(r"全年(?:财政拨款)?预算")),
          ("实际支出", re.compile(r"实际(?:支出|完成|到位|使用)?")),
          ("预算", re.compile(r"预算(?:数|安排数?|总计|总额|合计)?$|预算安排|安排(?:资金|经费)?")))
_PLANNED = re.compile(r"预算|安排|计划|申请|年度目标|指标值|目标值|批复")
_ACHIEVED = re.compile(r"决算|执行|实际|完成|到位|支付|拨付|支出|使用")
_CHANGE = re.compile(r"增加|减少|增收|减收|增支|减支|节约|结余|比上年|较上年|同比|增减|差值|差额")
#: what a name leaves out at its start and end, clause marks, last year, a digit (``_name``,
#: ``_role``, ``quantities``: run for every amount, so compiled once here)
_LEADING = re.compile(r"^(?:其中|的|和|及|与|以及|包括)+")
_TRAILING = re.compile(r"(?:数|额|为|的)+$")
_CLAUSE_MARKS = re.compile(r"[,;:、]")
_PRIOR_YEAR = re.compile(r"上年|去年|上一年")
_DIGIT = re.compile(r"\d")
_SCOPE = re.compile(r"(?:一般公共预算)?财政拨款(?:安排的?)?|一般公共预算(?:安排的?)?|"
                    r"政府性基金(?:预算)?(?:安排的?)?|国有资本经营预算|财政专户管理资金|单位资金|"
                    r"其他资金|非税收入")
#: The unit's own name before a quantity's ("乐昌市商务局年初预算数", "红河县本级…"); not 中心 /
#: 政府 / 办公室, which begin quantity names too (数据中心运维费, 政府采购支出).
_ENTITY = re.compile(r"^.{0,20}?(?:局|委员会|本级|机关)(?=.)")
#: What is left of a label that names no quantity of its own.
_STRIP = re.compile(r"(?:19|20)\d\d\s*年度?|本年度?|当年|本期|全年度?|年末|期末|我单位|本单位|"
                    r"我局|本局|本部门|“|”|\"|'|\s|数$|额$|为$|总计$|合计$|总额$")
_STAGE_WORDS = re.compile(r"年初|调整后的?|调整|追加后?|全年|预算|决算|执行|实际|完成|批复|安排|"
                          r"到位|支付|拨付|申请|计划|年中|数|额|为|的")
#: Quantities whose definition fixes the fund they are paid from (domain.md: “三公”经费 are
#: those 一般公共预算财政拨款 pays for).
_IMPLIED_SCOPE = {"三公经费": "财政拨款", "三公经费支出": "财政拨款"}
_BARE = {"", "支出", "收入", "资金", "经费", "金额", "其他", "合计", "总计", "小计", "资金总额"}
_YEAR = re.compile(r"(?<![\d较比])((?:19|20)\d\d)\s*年")
#: A line that says whose figures follow: 「1.全市一般公共预算收支」, 「市本级一般公共预算收入…」,
#: 「剔除高新区后:」 (a city's budget told for the city, its own level, and its level without a zone).
#: A prefecture (地区 / 盟) says 「地本级」 / 「盟本级」 for its own level inside 「全区」; a city's
#: counties together are 「县区」 / 「区县」 / 「县(市、区)」 beside its 「市本级」, a county's towns
#: 「乡镇」 beside its 「县本级」.
_AREA_WORD = (r"全(?:省|市|州|县|区|旗|盟)(?!场)|(?:省|市|州|县|区|旗|地|盟)本级|"
              r"各?(?:县区|区县|县市区|县\(市、?区\)|旗县区?|乡镇(?:\(街道\)|街道)?)")
_AREA = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十\d]{1,3}\s*[).、]\)?)?\s*"
                   rf"({_AREA_WORD}|剔除.{{1,12}}?后)")
#: A sentence labelled as the target (「绩效目标:」, 「年度目标：」): its 完成 / 支出 amounts are
#: planned, not achieved.
_TARGET_HEAD = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十\d]{1,3}\s*[).、]\)?)?\s*"
                          r"(?:项目)?(?:年度|总体|绩效)*目标(?:值)?\s*[:：]")
#: The stretch of the year a monthly report's amount covers: part of its identity.
_SPAN = re.compile(r"累计|当月|本月")
_NUMBERING = re.compile(r"^(?:\d{1,2}[.、](?!\d)|\(?[一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]+、)")
#: A paragraph that is one item of a list: a short name, then its amount (「商品和服务支出预算
#: 165247.88 元,…」).
_ITEM = re.compile(r"\s*[\u4e00-\u9fff()“”\"、]{2,30}?\s*\d")
_OPENS_QIZHONG = re.compile(r"(?<=[。;])\s*其中\s*:")


@dataclass(frozen=True)
class Quantity:
    figure: Figure
    sentence: tuple[int, int]
    name: str | None
    stage: str
    period: int | None
    role: str
    scope: str
    #: the period was written (the label's or the sentence's year), not the report's by default
    explicit_year: bool = False

    @property
    def start(self) -> int:
        return self.figure.start

    @property
    def value_yuan(self):
        return self.figure.value_yuan

    @property
    def known(self) -> bool:
        """Every part that makes its identity is resolved (a name, a period, not a change)."""
        return self.name is not None and self.period is not None and self.role not in (
            "change", "prior")


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """``a`` and ``b`` are one quantity: both known, every part equal; the whole unit's amount
    (``name == ""``) only when both sentences name their year."""
    if not (a.known and b.known):
        return False
    if (a.name, a.stage, a.period, a.role, a.scope) != (b.name, b.stage, b.period, b.role,
                                                        b.scope):
        return False
    return bool(a.name) or (a.explicit_year and b.explicit_year)


def ambiguous_names(qs: list[Quantity]) -> set[str]:
    """Names the draft gives two values in one sentence (「项目 276 个，总投资 2119.41 亿元，
    …项目 47 个，总投资 351.8 亿元」): there the name is a head word whose subject is elsewhere,
    so it names no one quantity anywhere in the draft."""
    first: dict[tuple, object] = {}
    out: set[str] = set()
    for q in qs:
        if not q.name:
            continue
        k = (q.sentence, q.name)
        v = first.setdefault(k, q.value_yuan)
        if v != q.value_yuan:
            out.add(q.name)
    return out


def stage_of(label: str) -> str:
    """The stage a label names ("年初预算数" -> 年初预算), or ``""``."""
    for stage, rx in STAGES:
        if rx.search(label):
            return stage
    return ""


def synonym(name: str) -> str:
    """``name`` with its ending in the glossary's name for it (「车辆运行费」 -> 公务用车运行维护费,
    ``perfxl.glossary.QUANTITY_SYNONYMS``)."""
    from perfxl.glossary import QUANTITY_SYNONYMS
    for k in sorted(QUANTITY_SYNONYMS, key=len, reverse=True):
        if name.endswith(k):
            return name[: -len(k)] + QUANTITY_SYNONYMS[k]
    return name


def _name(label: str) -> tuple[str | None, str]:
    """(name, scope) of a label; the name is ``""`` when the label is only stage words,
    ``None`` when it is a bare 支出 / 收入 / 资金."""
    s = _STRIP.sub("", label)
    s = _NUMBERING.sub("", s)  # 「1.基本支出预算」, 「(二)社会保障和就业支出」
    s = _LEADING.sub("", s)
    scope = ""
    m = _SCOPE.search(s)
    if m:
        scope = re.sub(r"安排的?$", "", m.group(0))
        s = s[: m.start()] + s[m.end():]
    span = _SPAN.findall(s)  # 「当月完成 73795 万元,…,累计完成 234267 万元」: two quantities
    if span:
        scope = f"{scope}~{''.join(span)}"
        s = _SPAN.sub("", s)
    s = _ENTITY.sub("", s)
    if scope and _IMPLIED_SCOPE.get(synonym(_STAGE_WORDS.sub("", s))) == scope.replace(
            "一般公共预算财政拨款", "财政拨款").replace("一般公共预算", "财政拨款"):
        scope = ""  # “三公”经费 is by definition paid from 财政拨款: saying so is no other scope
    core = _STAGE_WORDS.sub("", s)
    if core == "":
        return "", scope  # only stage words: the amount of what the sentence is about
    if core in _BARE:
        return None, scope  # 支出, 收入, 资金: too generic to name one quantity
    for w in ("年初", "调整后的", "调整后", "全年", "预算", "决算", "执行", "实际", "批复",
              "安排", "申请", "计划", "到位"):
        s = s.replace(w, "")
    s = _TRAILING.sub("", s)
    return synonym(s), scope


def subject_name(text: str) -> tuple[str | None, str]:
    """(name, scope) of what a clause is about ("2021年县本级“三公”经费决算数" -> 三公经费)."""
    return _name(_CLAUSE_MARKS.sub("", text))


def _role(f: Figure, label: str, stage: str, prior: set[int]) -> str:
    if f.start in prior:
        return "change"
    if _CHANGE.search(label) and "结转" not in label:  # 年末结转和结余 is a balance
        return "change"
    if _PRIOR_YEAR.search(label):
        return "prior"
    if stage in ("决算", "执行", "实际支出"):
        return "achieved"
    if stage or _PLANNED.search(label):
        return "planned"
    if stage or _ACHIEVED.search(label):
        return "achieved"
    return ""


def areas(doc) -> list[tuple[int, str]]:
    """(offset, area) of every paragraph that opens with an area word, in text order; 「剔除…后」
    narrows the area before it, a repeated wider word (「市本级」 after 「市本级/剔除高新区后」) keeps
    the narrower one."""
    out: list[tuple[int, str]] = []
    area = ""
    for a, b in doc.paragraphs:
        m = _AREA.match(doc.flat, a)
        if m is not None:
            w = m.group(1)
            if w.startswith("剔除"):
                area = f"{area}/{w}"
            elif not area.startswith(w):
                area = w
            out.append((a, area))
        # 「全市……，其中市本级……」: an area named inside the paragraph holds to its end
        at = m.end() if m else a
        # (most paragraphs name no area at all: a quick search for the word first, since the
        # look-behind opening ``_AREA_INLINE`` makes it try every place)
        inline = [x for x in _AREA_INLINE.finditer(doc.flat, at, b)] \
            if _AREA_ANY.search(doc.flat, at, b) else []
        for x in inline:
            out.append((x.start(), x.group(0).strip()))
        if inline:
            out.append((b, area))
    return out


#: An area word inside a sentence (not 城市, 全市场: a word boundary is a punctuation mark, a
#: sentence start, 其中 or 和/及 before it).
_AREA_INLINE = re.compile(rf"(?:(?<=[，,；;。:：、(（和及])|(?<=其中))\s*(?:{_AREA_WORD})")
#: an area word anywhere: every match of ``_AREA_INLINE`` holds one
_AREA_ANY = re.compile(_AREA_WORD)


#: A paragraph that opens with the item it is about (「重大水利工程已完成年度投资计划……」): its
#: amounts are that item's, not the whole plan's of the paragraph before.
_SUBJECT = re.compile(r"\s*(?P<s>[\u4e00-\u9fff]{2,12}?(?:工程|项目|专项|计划|行动|基金))"
                      r"(?:已|共|累计|全年|本年|当年)?(?:完成|实现|下达|安排|支出|投入|到位)")


#: A paragraph that is one numbered item of a list of projects (「指标2:某村日间照料中心项目,…总投资
#: 203.71万元」, 「(2)某某专项资金项目180200.00元,…」, 「2.2021年第一批某某项目,…」: a number
#: right before a year is an item's, not a decimal): each item has its own 总投资, 管理费….
_ENUM_ITEM = re.compile(r"\s*(?P<n>指标\s*\d{1,2}\s*[:：]|\(\d{1,2}\)|\d{1,2}[.、](?!\d)|"
                        r"\d{1,2}[.、](?=(?:19|20)\d\d年))\s*"
                        r"(?P<s>[^,，。;；:：]{2,40}?(?:项目|工程|专项))")


def subjects(doc) -> list[tuple[int, str]]:
    """(offset, item) of every paragraph that opens with the name of the item its amounts are
    of (``_SUBJECT``), and (offset, "") at each numbered heading after one, which ends it: two
    amounts of one name on either side of such an opening are two items' (PX611).  A numbered
    list item naming a project (``_ENUM_ITEM``) is an item up to its paragraph's end."""
    from perfxl.draft.text import _HEADING
    out: list[tuple[int, str]] = []
    for a, b in doc.paragraphs:
        e = _ENUM_ITEM.match(doc.flat, a, b)
        if e is not None:  # one item of a list: its own amounts, to its paragraph's end
            out += [(a, f"{e.group('n')}{e.group('s')}"), (b, "")]
            continue
        m = _SUBJECT.match(doc.flat, a, b)
        if m is not None:
            out.append((a, m.group("s")))
        elif out and out[-1][1] and _HEADING.match(doc.flat[a:min(b, a + 40)]):
            out.append((a, ""))
    return out


#: The four budgets of a government's accounts (预算法 第五条): a numbered heading that names one
#: opens the section of that budget's amounts.
_FUND_HEAD = re.compile(r"[^。，,]{0,12}?(一般公共预算|政府性基金|国有资本经营|社会保险基金)")


def fund_sections(doc) -> list[tuple[int, str]]:
    """(offset, budget) at every numbered heading that names one of the four budgets within its
    first words (「2. 政府性基金预算收支」): amounts of one name in two such sections are two
    budgets' (债务转贷收入 of the 一般公共预算 and of the 政府性基金), never compared."""
    from perfxl.draft.text import _HEADING
    out: list[tuple[int, str]] = []
    for a, b in doc.paragraphs:
        h = _HEADING.match(doc.flat[a:min(b, a + 40)])  # its ^ anchors at the string's start
        if h is None:
            continue
        m = _FUND_HEAD.match(doc.flat, a + h.end(), b)
        if m is not None and (not out or out[-1][1] != m.group(1)):
            out.append((a, m.group(1)))
    return out


def area_at(marks: list[tuple[int, str]], pos: int) -> str:
    """The area (``areas``) the text at offset ``pos`` is about, ``""`` before any."""
    i = bisect.bisect_right(marks, (pos, "\uffff"))
    return marks[i - 1][1] if i else ""


def _qizhong_blocks(doc) -> list[tuple[int, int, int]]:
    """(start, end, host) spans of a list that a sentence of its own opens with 「其中:」 (「…下降
    15.87%。其中: 工资福利支出……。商品和服务支出……」), over the paragraphs that each open with a
    name and its amount, up to the next numbered heading; ``host`` is
    where the paragraph that says whose parts they are starts."""
    from perfxl.draft.text import _HEADING
    out = []
    host = start = None
    for a, b in doc.paragraphs:
        head = doc.flat[a:min(b, a + 40)]  # (``^`` of _HEADING matches at a string's start only)
        if host is not None and (_HEADING.match(head) or not _ITEM.match(head)):
            out.append((start, a, host))  # a heading or a paragraph that is no list item
            host = None
        m = _OPENS_QIZHONG.search(doc.flat, a, b)
        if m is not None:
            if host is not None:
                out.append((start, m.start(), host))
            host, start = a, m.end()
    if host is not None:
        out.append((start, len(doc.flat), host))
    return out


def quantities(doc, claims) -> list[Quantity]:
    """Every amount of the draft as a ``Quantity``, in text order (``claims`` are
    ``perfxl.draft.claims.Claims``)."""
    year = doc.year
    flat = doc.flat
    parent = {}
    for c in claims.of("breakdown"):
        if c.words == "增减":
            continue  # a change broken down: its figures are changes, no amounts of a whole
        total, *parts = c.figures
        for p in parts:
            parent[p.start] = total
    marks = areas(doc)
    items = subjects(doc)
    budgets = fund_sections(doc)
    blocks = _qizhong_blocks(doc)
    block_starts = [x for x, _y, _h in blocks]
    block_host: dict[int, str | None] = {}
    out: list[Quantity] = []
    by_start: dict[int, Quantity] = {}
    part_of: dict[int, str | None] = {}  # a 其中 part -> the name of its total
    host_of: dict[int, str | int] = {}  # a 其中 part -> its total's name, or offset if unnamed
    opened: dict[tuple[int, int], bool] = {}  # sentence -> it opens with a bare amount
    last_named: dict[tuple[int, int], tuple[str, str]] = {}
    sentence_stage: dict[tuple[int, int], str] = {}
    for f, sent in claims.amounts:
        label = f.label
        stage = stage_of(label)
        name, scope = _name(label)
        if name and "其他" not in name and "其他" in flat[f.label_start:f.start]:
            name = f"其他{name}"  # 其他税收收入 is one line of 税收收入, never the whole
        explicit = f.year is not None
        period = f.year
        a, _b = sent
        if period is None:
            ys = [int(y) for y in _YEAR.findall(flat, a, f.start)]
            if ys:
                period, explicit = ys[-1], True
        if period is not None and year is not None and period == year - 1 and re.search(
                r"较上年|比上年|同比|较上年度|上年决算", flat[f.end:_b]) and f.start not in claims.prior:
            period = year  # "2021 年决算支出 X 元，较上年决算 …" in a 2022 report (PX609)
        if period is None:
            period = year if year is not None else 0  # 0: the report's year, never written
        p = parent.get(f.start)
        if p is not None and p.start in by_start:
            pq = by_start[p.start]
            part_of[f.start] = pq.name
            # a total with no name is known only by where it stands: two of them are two totals
            host_of[f.start] = pq.name or p.start
            stage = stage or pq.stage  # the scope stays the part's own: a 其中 under a
            # 财政拨款 total is mostly the same money as the department's (seed 000, line 96)
            period = pq.period if f.year is None else period
            explicit = explicit or pq.explicit_year
        paren = open_paren(flat, a, f.start)
        if paren is not None:
            # "总收入 126.05 亿元(县本级 98.88 亿元,高新区 27.17 亿元)": a part of the amount
            # before the parenthesis, named after it
            host = next((q for q in reversed(out) if q.sentence == sent
                         and q.figure.end <= paren), None)
            name = f"{host.name}/{name}" if host is not None and host.name and name else None
        if stage:
            sentence_stage.setdefault(sent, stage)
        else:  # "2021 年决算支出 X 元, …, 一般公共服务支出 Y 元": the sentence is about 决算
            stage = sentence_stage.get(sent, "")
        if name == "":
            prev = last_named.get(sent)
            if prev is not None:
                name = prev[0]
                scope = scope or prev[1]
        elif name is not None and len(name) >= 2:
            last_named[sent] = (name, scope)
        role = _role(f, label, stage, claims.prior)
        if role == "achieved" and _TARGET_HEAD.match(flat, a):
            role = "planned"  # 「绩效目标:……资金完成173万元」 states what is to be done
        if name and (_DIGIT.search(name) or name in _BARE):
            name = None
        if sent not in opened:
            opened[sent] = not label.strip()  # 「19816.81 元,项目支出 0元。」: whose figures?
        elif opened[sent] and name:
            name = None  # the amounts after a bare one break down a total the text does not name
        area = area_at(marks, f.start)
        if area:
            scope = f"{scope}@{area}"
        item = area_at(items, f.start)
        if item:
            scope = f"{scope}#{item}"
        budget = area_at(budgets, f.start)
        if budget:
            scope = f"{scope}${budget}"
        bi = bisect.bisect_right(block_starts, f.start) - 1
        if bi >= 0 and f.start < blocks[bi][1] and name:
            x, _y, h = blocks[bi]
            if x not in block_host:  # the first named amount of the host paragraph
                first = None
                for q in reversed(out):  # back to the host paragraph only (text order)
                    if q.start < h:
                        break
                    if q.start < x and q.name:
                        first = q
                block_host[x] = first.name if first is not None else None
            host = block_host[x]
            name = f"{host}/{name}" if host else None  # whose part: unknown
        if f.start not in host_of and name:
            _host_after_qizhong(flat, a, f.start, sent, out, part_of, host_of)
        q = Quantity(f, sent, name, stage, period, role, scope, explicit)
        out.append(q)
        by_start[f.start] = q
    return _split_parts(out, part_of, host_of)


def _host_after_qizhong(flat: str, a: int, at: int, sent, out: list[Quantity],
                        part_of: dict, host_of: dict) -> None:
    """「本年支出合计 520 万元，其中：基本支出 450 万元」 with a single part (no breakdown claim):
    the part's total is the sentence's last amount before 其中."""
    k = flat.rfind("其中", a, at)
    if k < 0:
        return
    for q in reversed(out):
        if q.sentence != sent:
            return
        if q.figure.end <= k:
            part_of[at], host_of[at] = q.name, q.name or q.start
            return


def _split_parts(qs: list[Quantity], part_of: dict[int, str | None],
                 host_of: dict[int, str | int]) -> list[Quantity]:
    """A part name that breaks down several totals (「机构运行 1100910.5 元,其中:基本支出 1100910.5
    元」, 「住房公积金 112788 元,其中:基本支出 112788 元」) names a share of each, not one
    quantity: such parts are named after their total (「机构运行/基本支出」), or ``None`` when
    the total has no name.  A part of one total only keeps its name: 「“三公”经费…其中：公务接待费
    0.81 万元」 and a later 「公务接待费 0.91 万元」 are one quantity told twice.  Totals with no
    name (「财政拨款支出…其中：基本支出」「本年支出合计…其中：基本支出」) count as different ones."""
    parents: dict[str, set] = {}
    for q in qs:
        if q.name and q.start in part_of:
            parents.setdefault(q.name, set()).add(host_of[q.start])
    split = {n for n, ps in parents.items() if len(ps) > 1}
    if not split:
        return qs
    from dataclasses import replace
    return [replace(q, name=(f"{part_of[q.start]}/{q.name}" if part_of[q.start] else None))
            if q.name in split and q.start in part_of else q for q in qs]
