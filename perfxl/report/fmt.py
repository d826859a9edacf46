"""Number and phrase formatting for the 自评报告: the one place where figures become Chinese text.

Every figure in a report goes through this module, so a report never shows a figure rounded or
worded differently from another place of the same report.  Rounding is Excel's ROUND
(``perfxl.numbers.excel_round``), the rounding the official tables use.

Conventions (as the seeds 000, 002 and 004 write them):

* amounts: thousands separators and two decimals, followed by the workbook's unit
  (``fmt_amount(414.31, "万元") == "414.31万元"``, ``fmt_amount(1234567.89, "元") ==
  "1,234,567.89元"``);
* rates (执行率, 控制率, 变动率): two decimals and ``%`` (``fmt_rate(0.967895) == "96.79%"``);
* shares (占比) as 「占100%」, 「占65.11%」, 「占0%」: two decimals, a whole number shown without
  ``.00`` (``share_phrase``);
* changes against last year: 「较上年决算增加X万元，增长Y%」 / 「较上年决算减少X万元，下降Y%」 /
  「与上年决算持平」, the direction word taken from the sign of the change (``change_phrase``);
* typed indicator values (年度指标值 / 实际完成值): as typed (``fmt_typed``), never rounded;
* scores: 「9.68」, 「10」 in text; two fixed decimals in tables (``fmt_score(..., fixed=True)``);
* heading ordinals 一、 （一） 1. （1） (``heading_ordinal``);
* an empty required input prints as 「（未填写）」 (``MISSING``), never as invented text.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal

from perfxl.numbers import OUT_OF_RANGE, WIDE, _rounded_decimal, fmt_percent
from perfxl.safetext import XML_ILLEGAL

__all__ = [
    "MISSING", "UNCOMPUTABLE", "fmt_number", "fmt_typed", "fmt_amount", "fmt_rate", "fmt_quotient_rate", "fmt_share",
    "share_phrase",
    "fmt_score", "fmt_count", "change_phrase", "cn_numeral", "heading_ordinal", "paragraphs",
    "clean_text", "text_or_missing", "is_blank", "fmt_date", "title_lines",
]

#: What the report prints where a required input is empty.
MISSING = "（未填写）"

#: What it prints where the workbook's cell shows an error (#VALUE!: text a formula computes
#: with); the checks (PX009, PX310) name the cell and the fix.
UNCOMPUTABLE = "（无法计算）"


def is_blank(value: object) -> bool:
    """True for ``None`` and for strings holding only whitespace (full-width spaces included)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _decimal(x: float, digits: int) -> Decimal:
    """``x`` rounded as Excel's ROUND, as an exact Decimal with ``digits`` decimals (the one
    rounding of ``perfxl.numbers``)."""
    d = _rounded_decimal(float(x), digits)
    return abs(d) if d == 0 else d  # never "-0.00"


def fmt_number(x: float | int | None, decimals: int = 2, *, missing: str = MISSING,
               thousands: bool = True, trim: bool = False) -> str:
    """``x`` with ``decimals`` decimals (Excel rounding) and thousands separators.

    ``trim`` drops the decimals when they are all zero ("100.00" -> "100"); ``None`` gives
    ``missing``.  Examples: ``fmt_number(1234567.891) == "1,234,567.89"``,
    ``fmt_number(5, trim=True) == "5"``, ``fmt_number(-0.001) == "0.00"``.
    """
    if x is None:
        return missing
    if not math.isfinite(float(x)):  # a sum of figures beyond Excel's range overflowed
        return OUT_OF_RANGE
    d = _decimal(x, decimals)
    if trim and d == d.to_integral_value():
        d = d.quantize(Decimal(1), context=WIDE)
        decimals = 0
    return format(d, f"{',' if thousands else ''}.{decimals}f")


def fmt_typed(x: object, *, missing: str = "") -> str:
    """A number the user typed, as a General-format cell shows it: every digit typed, no
    rounding, no thousands separator (0.095 -> "0.095", 4.5625 -> "4.5625", 8000.0 -> "8000",
    1e-05 -> "0.00001"); text as typed (trimmed); ``None`` gives ``missing``."""
    if x is None or isinstance(x, bool):
        return missing
    if isinstance(x, (int, float)):
        if not math.isfinite(float(x)):
            return OUT_OF_RANGE
        s = format(Decimal(repr(float(x))), "f")
        s = s.rstrip("0").rstrip(".") if "." in s else s
        return "0" if s == "-0" else s
    return clean_text(str(x)).strip() or missing


def fmt_amount(x: float | int | None, unit: str | None = None, *, missing: str = MISSING) -> str:
    """An amount in the workbook's unit: two decimals, thousands separators, then ``unit``.

    ``fmt_amount(414.31, "万元") == "414.31万元"``; ``fmt_amount(1234567.89, "元") ==
    "1,234,567.89元"``; ``unit=None`` gives the bare number (table cells); ``None`` gives
    ``missing`` without unit.
    """
    if x is None:
        return missing
    return fmt_number(x, 2) + (unit or "")


def fmt_rate(x: float | None, *, missing: str = MISSING) -> str:
    """A rate stored as a fraction, in percent with two decimals: 0.967895 -> "96.79%",
    -0.4934 -> "-49.34%", 1 -> "100.00%"."""
    if x is None:
        return missing
    if not math.isfinite(float(x)):
        return OUT_OF_RANGE
    return fmt_percent(float(x), 2)


def fmt_quotient_rate(x: float | None, divisor: float | None, *,
                      missing: str = MISSING) -> str:
    """A rate a ÷ b as ``fmt_rate``; when ``x`` is ``None`` because the divisor is 0 (the
    workbook's IFERROR shows ""), says so instead of 「（未填写）」:
    ``fmt_quotient_rate(None, 0) == "无法计算（全年预算数为0）"``."""
    if x is None and isinstance(divisor, (int, float)) and not isinstance(divisor, bool) \
            and divisor == 0:
        return "无法计算（全年预算数为0）"
    return fmt_rate(x, missing=missing)


def fmt_share(x: float | None, *, missing: str = MISSING) -> str:
    """A share (fraction) in percent, two decimals, whole numbers without ".00":
    1.0 -> "100%", 0.65108 -> "65.11%", 0 -> "0%", 0.013 -> "1.30%"."""
    if x is None:
        return missing
    if not math.isfinite(float(x)):
        return OUT_OF_RANGE
    return fmt_number(float(x) * 100, 2, thousands=False, trim=True) + "%"


def share_phrase(x: float | None, *, missing: str = MISSING) -> str:
    """「占65.11%」 (see ``fmt_share``); ``None`` gives ``missing``."""
    return missing if x is None else "占" + fmt_share(x)


def fmt_score(x: float | int | None, *, fixed: bool = False, missing: str = MISSING) -> str:
    """A score or weight: two decimals at most (Excel rounding).

    In text the trailing zeros go (9.6 -> "9.6", 10 -> "10", 9.678 -> "9.68"); ``fixed`` keeps
    two decimals as the official tables print them (9.6 -> "9.60").
    """
    if x is None:
        return missing
    if fixed:
        return fmt_number(x, 2, thousands=False)
    s = fmt_number(x, 2, thousands=False)
    return s.rstrip("0").rstrip(".") if "." in s else s


def fmt_count(n: float | int | None, *, missing: str = MISSING) -> str:
    """A head count or other whole number: 56 -> "56" (fractions keep up to two decimals)."""
    if n is None:
        return missing
    return fmt_score(n)


def change_phrase(current: float | None, prior: float | None, unit: str | None = None, *,
                  base: str = "上年决算") -> str:
    """How ``current`` compares with ``prior``, the direction word taken from the sign.

    * increase: 「较上年决算增加5.61万元，增长49.34%」
    * decrease: 「较上年决算减少5.61万元，下降49.34%」
    * no change at two decimals: 「与上年决算持平」
    * ``prior`` is 0: 「较上年决算增加X万元」 (no rate can be given);
    * either figure missing: "" (the caller leaves the phrase out).

    The change is rounded to two decimals before its sign is read, so a drift below a cent is
    「持平」; the rate is change / prior.
    """
    if current is None or prior is None:
        return ""
    change = float(current) - float(prior)
    if not math.isfinite(change):  # figures beyond Excel's range: no phrase to print
        return ""
    rounded = _decimal(change, 2)
    if rounded == 0:
        return f"与{base}持平"
    up = rounded > 0
    text = f"较{base}{'增加' if up else '减少'}{fmt_amount(abs(change), unit)}"
    if float(prior) != 0:
        text += f"，{'增长' if up else '下降'}{fmt_rate(abs(change / float(prior)))}"
    return text


_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """A positive integer below 10000 in Chinese numerals as headings write them:
    1 -> "一", 10 -> "十", 11 -> "十一", 20 -> "二十", 105 -> "一百零五", 110 -> "一百一十".

    Raises ``ValueError`` outside 1..9999.
    """
    if not isinstance(n, int) or not 0 < n < 10000:
        raise ValueError(f"cn_numeral: {n!r} is not in 1..9999")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero:
                out += "零"
                zero = False
            out += _DIGITS[digit] + name
        elif out:
            zero = True
    return out


def heading_ordinal(level: int, n: int) -> str:
    """The number of the ``n``-th heading at ``level`` (1-based):
    level 1 "一、", level 2 "（一）", level 3 "1.", level 4 "（1）"."""
    if level == 1:
        return f"{cn_numeral(n)}、"
    if level == 2:
        return f"（{cn_numeral(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"heading level {level} is not 1..4")


_EXCEL_ESCAPE = re.compile(r"_x000[dD]_")
# Markdown emphasis pasted from another document (「**加分项总分为 5 分。**」): Word does not
# render it, so the markers would print literally
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def clean_text(text: str) -> str:
    """Text as typed, minus what cannot go into a .docx: control characters and Excel's
    ``_x000D_`` escapes are removed, ``\\r\\n`` and ``\\r`` become ``\\n``, and paired Markdown
    bold markers (``**…**``) are dropped, keeping the words."""
    text = _EXCEL_ESCAPE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _MARKDOWN_BOLD.sub(r"\1", text)
    return XML_ILLEGAL.sub("", text)  # XML 1.0 cannot carry them: they would corrupt a .docx


def paragraphs(text: object, *, required: bool = False, empty: str | None = None) -> list[str]:
    """A typed free text as a list of paragraphs, one per non-blank line.

    The words stay as typed; only the indentation people paste (spaces, full-width spaces,
    tabs) is dropped, since the body style indents the first line itself.  An empty text gives
    ``[MISSING]`` when ``required``, ``[empty]`` when ``empty`` is given, else ``[]``.
    """
    if not is_blank(text):
        lines = [ln.strip(" \t\u3000") for ln in clean_text(str(text)).split("\n")]
        lines = [ln for ln in lines if ln]
        if lines:
            return lines
    if required:
        return [MISSING]
    return [empty] if empty is not None else []


def text_or_missing(text: object, *, required: bool = True) -> str:
    """A one-line typed text (names, dates) as typed, or ``MISSING`` when empty and required."""
    if is_blank(text):
        return MISSING if required else ""
    return clean_text(str(text)).strip()


def fmt_date(value: object, *, missing: str = "") -> str:
    """A date as official documents write it: a date or an ISO text "2023-01-30" ->
    "2023年1月30日".  Other text is kept as typed ("2023.1.30"); empty gives ``missing``."""
    import datetime as _dt

    if is_blank(value):
        return missing
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T].*)?", value.strip()):
        try:
            value = _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    if isinstance(value, (_dt.date, _dt.datetime)):
        return f"{value.year}年{value.month}月{value.day}日"
    return clean_text(str(value)).strip()


def _width(text: str) -> float:
    """Display width in full-width characters (ASCII letters and digits count half)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


#: Where a long title breaks, best first: before the name of the report.
_TITLE_BREAKS = ("部门整体支出绩效自评报告", "整体支出绩效自评报告", "项目支出绩效自评报告",
                 "支出绩效自评报告", "绩效自评报告")


def title_lines(title: str, width: float = 19) -> list[str]:
    """A report title as the lines of a GB/T 9704 title: one line when it fits ``width``
    full-width characters (the 2号 title on the 156 mm 版心 holds 20; one is kept free for
    wider digits in substituted fonts), else two lines broken
    before the report's name (「2023年度岳阳市商务局」/「整体支出绩效自评报告」), so no line holds
    a lone character; failing that, broken in the middle."""
    if _width(title) <= width:
        return [title]
    for tail in _TITLE_BREAKS:
        head = title[: -len(tail)] if title.endswith(tail) else None
        if head and _width(head) <= width and _width(tail) <= width:
            return [head, tail]
    mid = len(title) // 2
    return [title[:mid], title[mid:]]
