"""Numbers as spreadsheets and official tables treat them.

* ``excel_round``: Excel's ROUND (half away from zero, on the value taken to 15 significant
  digits), so ``excel_round(1.005, 2) == 1.01`` where Python's ``round`` gives 1.0.
* ``shown_decimals`` and ``tolerance``: a stated figure is compared with the computed one at half a
  unit of its last decimal shown, so a correctly rounded figure is never flagged and a wrong one
  always is (design.md, "Things that are easy to get wrong").
* ``fmt_fixed`` / ``fmt_trimmed`` / ``fmt_percent``: the one number formatter of every output
  (CLI text, JSON messages, findings, the report): Excel's ROUND to the decimals shown, then
  printed from the exact decimal (never Python's float formatting, which prints 0.045 as "0.04"
  and 96.785 as "96.78").
* ``parse_number``: turns what people type into number cells ("96.79%", "1,234.00", full-width
  digits) into a float, or explains in Chinese why it cannot.
"""
from __future__ import annotations

import math
import re
import unicodedata
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

__all__ = ["excel_round", "shown_decimals", "tolerance", "differs", "parse_number", "NumberTextError",
           "fmt_fixed", "fmt_trimmed", "fmt_percent", "OUT_OF_RANGE", "round_decimal",
           "formula_number"]


#: Enough digits to quantize any float (up to 1.8e308) to 2 decimals without InvalidOperation:
#: the default context (28 digits) cannot hold ROUND(1e308, 2) and raised in check and report.
WIDE = Context(prec=400, rounding=ROUND_HALF_UP)
#: Digits beyond which ``round_decimal`` leaves a figure as it is (no report figure comes near).
MAX_DIGITS = 10_000

#: How every output shows a figure beyond Excel's range (NaN, ±inf: a sum of 1e308-class amounts
#: overflows): a clear phrase, never "inf" or a traceback (issue 15).
OUT_OF_RANGE = "（数值超出范围）"


def _d15(x: float) -> Decimal:
    """The value as a spreadsheet stores it: 15 significant digits."""
    return Decimal(format(float(x), ".15g"))


def excel_round(x: float | int | None, digits: int = 2) -> float | None:
    """Excel's ROUND(x, digits): half away from zero on the 15-significant-digit value.

    ``None`` stays ``None``.  ``digits`` may be negative (ROUND(1234, -2) = 1200).  NaN and
    ±inf come back unchanged; every finite float works, ``excel_round(1.7976931348623157e308, 2)``
    too (the default 28-digit decimal context raised InvalidOperation there; issue 15).
    Source: Excel function reference for ROUND; engines.md ("Rounding and comparing at 15
    significant digits ... removed every difference").
    """
    if x is None:
        return None
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return x
    if digits > 30:  # nothing a 15-digit value can change; quantize would need more precision
        return float(_d15(x))
    q = Decimal(1).scaleb(-digits)
    try:
        r = float(_d15(x).quantize(q, rounding=ROUND_HALF_UP, context=WIDE))
    except (InvalidOperation, OverflowError):  # pragma: no cover - WIDE holds every float
        return float(x)
    # 15 digits of the largest floats round up past the largest float: keep the value
    return float(x) if math.isinf(r) else r


def round_decimal(x: Decimal, digits: int) -> Decimal:
    """ROUND(x, digits), half away from zero, of an exact decimal (a figure as a draft writes
    it, "2202.325"), with ``digits`` decimals; every magnitude works (the WIDE context), and
    never "-0.00".  A figure of more digits than WIDE holds (400 nines typed in a draft)
    gets a context as wide as it needs; one beyond ``MAX_DIGITS`` (or NaN, ±inf) is returned as
    it is: at that scale it has no decimals left to round."""
    if not x.is_finite():
        return x
    prec = max(x.adjusted() + 1, 1) + max(digits, 0) + 1
    if prec > MAX_DIGITS:
        return x
    ctx = WIDE if prec <= WIDE.prec else Context(prec=prec, rounding=ROUND_HALF_UP)
    d = x.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP, context=ctx)
    return abs(d) if d == 0 else d


def _rounded_decimal(x: float | int, digits: int) -> Decimal:
    """``x`` rounded as ROUND(x, digits), as the exact Decimal with ``digits`` decimals: the
    15-significant-digit value a spreadsheet holds, then ``round_decimal``."""
    return round_decimal(_d15(x), digits)


def fmt_fixed(x: float | int, decimals: int = 2, *, thousands: bool = False) -> str:
    """``x`` with exactly ``decimals`` decimals, Excel rounding: ``fmt_fixed(0.045) == "0.05"``,
    ``fmt_fixed(96.785) == "96.79"``, ``fmt_fixed(1234.5, thousands=True) == "1,234.50"``,
    ``fmt_fixed(-0.001) == "0.00"``; NaN and ±inf give ``OUT_OF_RANGE``."""
    if not math.isfinite(float(x)):
        return OUT_OF_RANGE
    return format(_rounded_decimal(x, decimals), f"{',' if thousands else ''}.{decimals}f")


def fmt_trimmed(x: float | int, decimals: int = 2, *, thousands: bool = False) -> str:
    """As ``fmt_fixed`` without trailing zeros: ``fmt_trimmed(9.6) == "9.6"``,
    ``fmt_trimmed(10.0) == "10"``, ``fmt_trimmed(0.045) == "0.05"``."""
    s = fmt_fixed(x, decimals, thousands=thousands)
    return s.rstrip("0").rstrip(".") if "." in s else s


def fmt_percent(x: float, decimals: int = 2) -> str:
    """A fraction in percent (ROUND(x × 100, decimals)): ``fmt_percent(0.96785) == "96.79%"``.
    The product is taken at 15 significant digits, as a spreadsheet holds it."""
    if not math.isfinite(float(x)):
        return OUT_OF_RANGE
    return fmt_fixed(float(_d15(x) * 100), decimals) + "%"


def shown_decimals(x: float, *, percent: bool = False, max_digits: int = 6) -> int:
    """How many decimals the typed figure shows (0.9600 typed as 96.00% shows 0: trailing zeros
    are not kept by a number cell).  ``percent`` counts decimals of ``x*100``."""
    v = _d15(x * 100 if percent else x).normalize()
    exp = v.as_tuple().exponent
    if not isinstance(exp, int):
        return 0
    return max(0, min(max_digits, -exp))


def tolerance(stated: float, *, percent: bool = False, at_least_decimals: int | None = None) -> float:
    """Half a unit of the last decimal shown of ``stated`` (in the same units as ``stated``;
    for ``percent`` figures stored as fractions, in fraction units)."""
    d = shown_decimals(stated, percent=percent)
    if at_least_decimals is not None:
        d = max(d, at_least_decimals)
    tol = 0.5 * 10 ** (-d)
    return tol / 100 if percent else tol


def differs(stated: float, computed: float, *, percent: bool = False,
            at_least_decimals: int | None = None) -> bool:
    """True when ``stated`` cannot be ``computed`` rounded to the decimals ``stated`` shows."""
    tol = tolerance(stated, percent=percent, at_least_decimals=at_least_decimals)
    return abs(float(stated) - float(computed)) > tol * (1 + 1e-9) + 1e-12


class NumberTextError(ValueError):
    """Text in a number cell.  ``suggestion`` is the number the text most likely meant (or None)."""

    def __init__(self, text: str, reason: str, suggestion: float | None = None) -> None:
        self.text = text
        self.reason = reason
        self.suggestion = suggestion
        super().__init__(reason)


_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(value: object, *, percent: bool = False) -> float | None:
    """A cell value as a float.

    * ``None`` and empty or blank strings give ``None`` (an empty cell).
    * ints, floats and bools-free numbers pass through; ``bool`` is refused.
    * Text is refused with ``NumberTextError``, whose Chinese ``reason`` says what is wrong and
      whose ``suggestion`` is the number meant where one can be read ("96.79%" -> 0.9679,
      "1,234.00" -> 1234.0, "１２３" -> 123.0).  perfxl never silently converts text: the cell stays
      the user's to fix.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise NumberTextError(str(value), f"应填写数字，现为逻辑值 {value}；请填写数字，不适用时留空")
    if isinstance(value, (int, float)):
        f = float(value)
        if math.isnan(f) or math.isinf(f):
            raise NumberTextError(str(value), "不是有效数字；请填写数字，不适用时留空")
        return f
    if not isinstance(value, str):
        raise NumberTextError(str(value), f"应填写数字，现为{type(value).__name__}；请填写数字，不适用时留空")
    text = value
    if text.strip() == "":
        return None
    norm = unicodedata.normalize("NFKC", text).strip()
    if norm.startswith("#"):
        raise NumberTextError(text, f"单元格为错误值 {norm}，请修正其公式或改填数字")
    suggestion: float | None = None
    candidate = norm.replace(",", "").replace(" ", "")
    is_pct = candidate.endswith("%")
    if is_pct:
        candidate = candidate[:-1]
    if _PLAIN.match(candidate):
        suggestion = float(candidate) / 100 if is_pct else float(candidate)
        if not math.isfinite(suggestion):  # "1e999" spells no number a cell can hold
            suggestion = None
    if suggestion is not None:
        shown = f"{suggestion:.6g}"
        reason = f"应填写数字，现为文本“{text}”；请改为数字 {shown}"
        if is_pct:
            reason += "（并设为百分比格式）"
    else:
        reason = f"应填写数字，现为文本“{text}”；请填写数字，不适用时留空"
    raise NumberTextError(text, reason, suggestion)


#: What a spreadsheet's arithmetic reads as a number in a text cell (``formula_number``).
_FORMULA_NUMBER = re.compile(
    r"^(?P<neg>[+-]?)[ \u00a0]*(?P<open>\(?)(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)"
    r"(?P<exp>[eE][+-]?\d+)?(?P<close>\)?)[ \u00a0]*(?P<trail>-?)[ \u00a0]*(?P<pct>%?)\Z",
    re.ASCII)


def formula_number(text: str) -> float | None:
    """The number a formula's arithmetic reads in a text cell (``=B7/B6`` with B6 holding the
    text), or ``None`` where it gives #VALUE!, as LibreOffice (en-US) computes it:
    ``"4,128.02"`` -> 4128.02, ``"  4128.02 "`` -> 4128.02 (spaces and no-break spaces around),
    ``"(4128.02)"`` and ``"4128.02-"`` -> -4128.02, ``"96.79%"`` -> 0.9679; ``None`` for
    full-width digits or marks (``"４１２８．０２"``), tabs, line breaks and full-width spaces
    around the figure, words or currency signs (``"4128.02元"``), misplaced group separators
    (``"4 128.02"``, ``"4128,02"``) and figures out of range.  Measured against LibreOffice in
    ``tests/edge/test_number_text_engines.py``; ``parse_number``'s ``suggestion`` is the more
    lenient reading offered as the fix."""
    m = _FORMULA_NUMBER.match(text.strip(" \u00a0"))
    if not m or bool(m.group("open")) != bool(m.group("close")):
        return None
    negs = (m.group("neg") == "-") + bool(m.group("open")) + bool(m.group("trail"))
    if negs > 1 or (m.group("open") and m.group("neg")) or (m.group("pct") and m.group("exp")):
        return None
    value = float(m.group("num").replace(",", "") + (m.group("exp") or ""))
    if not math.isfinite(value):
        return None
    value = -value if negs else value
    return value / 100 if m.group("pct") else value


def to_decimal(x: float) -> Decimal:
    """The 15-significant-digit Decimal of ``x`` (for exact sums of typed figures)."""
    try:
        return _d15(x)
    except InvalidOperation as exc:  # pragma: no cover - guarded by parse_number
        raise ValueError(x) from exc
