"""Figures in a sentence: ``Figure`` = value, the decimals written, unit, span, label, year.

Recognised (on ``Doc.flat``, full-width forms already mapped to ASCII):

* amounts: ``17333259.20 元``, ``1,234.56万元``, ``693.1亿元``, ``924.72万`` (万 alone = 万元);
  ``value_yuan`` is the amount in 元.  ``8094万美元`` and other currencies are ``other``.
* rates: ``96.79%``, ``3 个百分点`` (unit ``pp``); a bare decimal right after 占…的 is a share
  written without its % sign (``unit == ""``).
* counts: ``34 人``, ``22个``, ``10 家``, ``3 项``, ``5 名``, and Chinese numerals that carry a
  count (``三个``, ``二十二个``; converted with cn2an).
* scores: ``5分``; years: ``2022 年`` (4 digits 19xx/20xx followed by 年).

The label of a figure is the text before it back to the previous clause mark (``,;:。、(``),
without spaces and leading fillers (其中、为、共、合计、达…), with a year prefix ("2022 年")
taken out into ``year`` (not a year right after 较 / 比 / 与: "较2021年度增加 1.68 万元" is a
figure of the report's year compared with 2021).  Values are ``Decimal`` so "17333259.20" keeps its two decimals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Figure", "figures", "cn_count", "MONEY", "UNIT_SCALE", "tolerance", "open_paren"]

#: 元 per unit of each money unit a draft writes.
UNIT_SCALE = {"元": Decimal(1), "万元": Decimal(10000), "万": Decimal(10000),
              "亿元": Decimal(100000000), "亿": Decimal(100000000)}
MONEY = frozenset(UNIT_SCALE)
#: 万 / 亿 alone are 万元 / 亿元 only before a mark or the line's end ("924.72万；"): "15 万吨",
#: "3万亩", "2亿人次" are no money.  A unit never reaches across a line break (a table pasted
#: one cell per line: the number cell and the 度量单位 cell after it are two cells).
#: (万 and 亿 share one look-ahead: compiling a class of the 20,992 CJK characters costs ~0.5 ms
#: in every process, and the two alternatives cannot both start at one place.)
_UNITS = ("个百分点|百分点|%|‰|亿元|万元|万美元|美元|亿美元|[万亿](?![\u4e00-\u9fff])|"
          "元|个|人次|人|项|名|家|户|次|分|年度|年")
#: A figure: its first digit, not after a digit or a point, then its other digits.  (Written
#: digit first and the look-behind after it, rather than ``(?<![\d.])\d…``, the same matches: a
#: pattern opening with a digit lets the search skip to the next digit; ~4 ms of a 30-page draft.)
_NUM = re.compile(r"(?P<int>\d(?<![\d.]\d)(?:\d{0,2}(?:,\d{3})+|\d*))(?:\.(?P<dec>\d+))?"
                  r"[ \t]*(?P<unit>" + _UNITS + ")?")
_COMPOUND = re.compile(r"(?<![\d.,])(?:(?P<yi>\d[\d,]*)亿)?(?P<wan>\d[\d,]*)万(?:(?P<qian>\d)千)?元?")
#: 万 inside a figure, as news agencies write large amounts: 「2万5884.2亿元」 = 25884.2 亿元,
#: 「1万2345元」 = 12345 元.  cn2an reads neither with decimals (``cn2an("2万5884.2")`` raises) and
#: reads 「2万884」 as 20884, a form a writer of 20884 would not use: after 万 exactly four digits
#: make a sure reading; any other count of digits is doubtful and yields no figure at all.
_WAN_INSIDE = re.compile(r"(?<![\d.,])(?P<a>\d{1,4})万(?P<b>\d[\d,]*)(?:\.(?P<dec>\d+))?\s*"
                         r"(?P<unit>亿元|亿|万元|元)")
#: A count in Chinese numerals, not inside a longer numeral or an ordinal (第三个); the first
#: numeral before the look-behind, as in ``_NUM``.
_CN = re.compile(r"(?P<cn>[一二两三四五六七八九十](?<![第数几多一二两三四五六七八九十百千万][一二两三四五六七八九十])"
                 r"[一二两三四五六七八九十]{0,3})(?P<unit>个|项|名|家|人)")
#: what a match of ``_COMPOUND`` that counts (亿 or 千 written) and any match of ``_WAN_INSIDE``
#: hold: a sentence without it has none (their leading look-behinds make them slow to search)
_COMPOUND_MARK = re.compile(r"亿\d|万\d千")
_WAN_DIGIT = re.compile(r"万\d")
_FILLER = re.compile(r"^(?:其中|其他|另外|为|是|共|共计|合计|总计|约|达|达到|的|和|及|与|含|包括|"
                     r"分别为|分别是|即)+")
_TAIL = re.compile(r"(?:为|是|达|达到|共计|合计|总计|约|共|计|:)+$")
_YEAR = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年(?:度)?(?:年末|年初|末|初)?")
_STOP = ",;:。、()!?【】[]\n"
_BASIS_BEFORE = re.compile(r"(?:较|比|与|同比|相比|对比)\s*$")


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    value: Decimal
    places: int
    unit: str
    label: str = ""
    year: int | None = None
    label_start: int = 0

    @property
    def money(self) -> bool:
        return self.unit in MONEY

    @property
    def rate(self) -> bool:
        return self.unit in ("%", "pp")

    @property
    def count(self) -> bool:
        return self.unit in ("个", "人", "项", "名", "家", "户", "次", "人次")

    @property
    def value_yuan(self) -> Decimal:
        return self.value * UNIT_SCALE.get(self.unit, Decimal(1))

    @property
    def tol_yuan(self) -> Decimal:
        """Half a unit of the last digit written, in 元."""
        return Decimal(5).scaleb(-self.places - 1) * UNIT_SCALE.get(self.unit, Decimal(1))

    @property
    def tol(self) -> Decimal:
        return Decimal(5).scaleb(-self.places - 1)


def tolerance(*figs: Figure) -> Decimal:
    """Comparison tolerance of a relation over ``figs``: half a unit of the coarsest last digit
    (domain.md: a correctly rounded figure is never flagged)."""
    return max(f.tol_yuan if f.money else f.tol for f in figs)


def open_paren(flat: str, a: int, pos: int) -> int | None:
    """Offset of the "(" still open at ``pos`` (looking back no further than ``a``, nor 200
    characters), or ``None``: a figure inside it is a part of the amount before it."""
    depth = 0
    for i in range(pos - 1, max(a, pos - 200) - 1, -1):
        ch = flat[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return i
            depth -= 1
    return None


def top_split(s: str, seps: str) -> list[str]:
    """``s`` split at the characters of ``seps`` outside parentheses, items stripped and empty
    ones dropped: 「办公室(机关党委、政工人事处)、康复部」 is two items, the 、 inside the
    parentheses names the parts of one."""
    items, depth, cur = [], 0, []
    for ch in s:
        if ch in "(（":
            depth += 1
        elif ch in ")）" and depth:
            depth -= 1
        if depth == 0 and ch in seps:
            items.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    items.append("".join(cur))
    return [x.strip() for x in items if x.strip()]


_DIGIT = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
_UNDER_100 = re.compile(r"(?:(?P<tens>[一二三四五六七八九])?十)?(?P<ones>[一二三四五六七八九])?")


def cn_count(s: str) -> int | None:
    """The value of a Chinese numeral written in counts (``三`` 3, ``十二`` 12, ``二十二`` 22,
    ``一百零一`` 101), as cn2an reads it in its strict mode; ``None`` when it is not a
    well-formed numeral (``二二``, ``十十``).  ``两`` counts as ``二`` (``两个``).

    Forms under 100 (all a draft's counts of items, bodies and staff) are read here: importing
    cn2an costs ~65 ms, a fifth of a whole 30-page draft check; cn2an reads every other form.
    ``tests/draft/test_claims.py`` proves both paths agree on every string of up to 4 numerals.
    """
    s = s.replace("两", "二")
    m = _UNDER_100.fullmatch(s)
    if m and s:
        tens = _DIGIT[m["tens"]] if m["tens"] else (1 if "十" in s else 0)
        return tens * 10 + (_DIGIT[m["ones"]] if m["ones"] else 0)
    import cn2an
    try:
        return int(cn2an.cn2an(s, "strict"))
    except (ValueError, KeyError, TypeError):
        return None


def _label(flat: str, lo: int, start: int) -> tuple[str, int | None, int]:
    i = start
    floor = max(lo, start - 40)  # a label is a few words; bounds the walk on text without marks
    while i > floor and flat[i - 1] not in _STOP:
        i -= 1
    raw = flat[i:start]
    year = None
    m = None
    for y in _YEAR.finditer(raw):
        # "较2021年度增加 1.68": a year after 较 / 比 is the basis compared with, not the figure's
        if not _BASIS_BEFORE.search(raw, 0, y.start()):
            m = y
    if m is not None:
        year = int(m.group("y"))
        rest = raw[m.end():]
        # "2023年年初预算" / "2023年初预算": 年初 is part of the name (年初预算), not of the date
        keep = "年初" if m.group(0).endswith("初") and re.match(r"\s*(?:部门|财政拨款)*预算",
                                                                 rest) else ""
        raw = raw[:m.start()] + keep + rest
    lab = "".join(raw.split()).lstrip("“”\"")  # every space out (as re's \s: str.isspace)
    lab = _TAIL.sub("", _FILLER.sub("", lab)) or _TAIL.sub("", lab) or lab  # "合计 1,234" keeps 合计
    return lab, year, i


def figures(flat: str, lo: int, hi: int) -> list[Figure]:
    """Every figure of ``flat[lo:hi]`` in text order (years as unit ``年``)."""
    out = []
    compound = {}
    # both 万 patterns match only where 万 is written (most sentences have none: two scans saved)
    wan = flat.find("万", lo, hi) >= 0
    for m in _COMPOUND.finditer(flat, lo, hi) if wan and _COMPOUND_MARK.search(flat, lo, hi) \
            else ():
        if not (m.group("yi") or m.group("qian")):
            continue  # a plain "7,800万元"
        # "13亿7,800万元", "7亿580万4千元", "1,236万5千元": one amount, kept in 万元
        yi, wan, qian = (Decimal((m.group(g) or "0").replace(",", "")) for g in ("yi", "wan", "qian"))
        value = yi * 10000 + wan + qian / 10
        places = 1 if qian else 0
        lab, year, ls = _label(flat, lo, m.start())
        compound[m.start()] = m.end()
        out.append(Figure(m.start(), m.end(), value.quantize(Decimal(1).scaleb(-places)), places,
                          "万", lab, year, ls))
    for m in _WAN_INSIDE.finditer(flat, lo, hi) if wan and _WAN_DIGIT.search(flat, lo, hi) else ():
        compound[m.start()] = m.end()
        b = m.group("b").replace(",", "")
        if len(b) != 4:
            continue  # 「2万884亿元」: doubtful, no figure
        dec = m.group("dec") or ""
        unit = {"亿元": "亿", "万元": "万"}.get(m.group("unit"), m.group("unit"))
        value = Decimal(m.group("a")) * 10000 + Decimal(f"{b}.{dec}" if dec else b)
        lab, year, ls = _label(flat, lo, m.start())
        out.append(Figure(m.start(), m.end(), value, len(dec), unit, lab, year, ls))
    skip_to = 0
    for m in _NUM.finditer(flat, lo, hi):
        if m.start() < skip_to:
            continue
        if m.start() in compound:
            skip_to = compound[m.start()]
            continue
        unit = m.group("unit") or ""
        intpart = m.group("int").replace(",", "")
        dec = m.group("dec") or ""
        if unit in ("年", "年度"):
            if len(intpart) == 4 and intpart[:2] in ("19", "20") and not dec:
                out.append(Figure(m.start(), m.end(), Decimal(intpart), 0, "年"))
            continue
        if unit in ("个百分点", "百分点"):
            unit = "pp"
        if unit in ("万美元", "美元", "亿美元", "‰"):
            unit = "other"
        value = Decimal(f"{intpart}.{dec}" if dec else intpart)
        # a minus sign written right after a word (「全年执行数-12.52元」, 「执行率-20.00%」) is the
        # figure's sign, not part of its label; after a digit it is a range (2022-2023)
        signed = (m.start() > lo and flat[m.start() - 1] in "-−"
                  and (m.start() - 1 == lo or not flat[m.start() - 2].isascii()
                       or flat[m.start() - 2] in " \t,;:("))
        lab, year, ls = _label(flat, lo, m.start() - 1 if signed else m.start())
        out.append(Figure(m.start(), m.end(), -value if signed else value, len(dec), unit, lab,
                          year, ls))
    for m in _CN.finditer(flat, lo, hi):
        v = cn_count(m.group("cn"))
        if v is not None:
            lab, year, ls = _label(flat, lo, m.start())
            out.append(Figure(m.start(), m.end(), Decimal(v), 0, m.group("unit"), lab, year, ls))
    out.sort(key=lambda f: f.start)
    return out
