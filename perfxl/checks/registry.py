"""The rule registry: every check is a small function registered with ``@rule``.

A rule has a stable code by family (PX0xx workbook hygiene, PX1xx sums and identities, PX2xx
ratios, PX3xx scores, PX4xx completeness, PX5xx plausibility), an ASCII name, a Chinese title,
a level, a Chinese message template (``str.format`` over the arguments the rule yields, so the
numbers and the fix are always shown), a docstring that is its documentation page (with 合格 /
不合格 examples), and its firing / quiet ``cases`` as data (exercised by one parametrized test
and rendered into ``docs/rules/<CODE>.md``).

A rule function takes a ``perfxl.checks.context.Ctx`` and yields ``Hit`` records; the engine
(``perfxl.checks.engine``) turns them into ``Finding`` objects.
"""
from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

from perfxl.checks.finding import LEVELS

__all__ = ["Rule", "Hit", "Case", "fails", "passes", "rule", "RULES", "FAMILIES",
           "select_rules", "DRAFT_FAMILY", "load_workbook_rules", "load_draft_rules"]

FAMILIES = {
    "0": "工作簿规范（公式、缓存值、选项、外部链接）",
    "1": "合计与恒等式",
    "2": "比率（执行率、占比、控制率、变动率、增减额）",
    "3": "得分与分值",
    "4": "完整性（偏差说明、必填项、年度标注）",
    "5": "合理性（人数、单位、负数、百分数）",
    "6": "报告文字（自评报告草稿中的数字与其自身、与工作簿是否一致）",
}
#: The family whose rules read a report draft (``perfxl.draft``), not a workbook model.
DRAFT_FAMILY = "6"

_CODE = re.compile(r"^PX[0-6]\d\d$")


@dataclass(frozen=True)
class Hit:
    """What a rule function yields: the cell to fix, the numbers, the template arguments."""

    where: tuple[str, str]
    expected: Any = None
    actual: Any = None
    args: Mapping[str, Any] = field(default_factory=dict)
    related: tuple[tuple[str, str], ...] = ()
    #: the unit ``expected`` / ``actual`` are written in, when the rule gives them in a draft's
    #: own unit (``perfxl.draft.units``); ``None``: the rules' scale
    unit: str | None = None


@dataclass(frozen=True)
class Case:
    """One documented case of a rule, as data.

    * ``fires``: whether the rule reports something on this model.
    * ``values``: field key -> value; ``rows``: table key -> list of row dicts (rows of a fixed
      table are placed by their label, open-table rows in order); ``source``: keyword arguments
      of ``perfxl.model.SourceInfo`` (formula texts, cached values...).
    * ``at``: where a firing case must report — a field key (``"execution_rate_stated"``) or
      ``"table[index].column"``; ``expected``: the number it must give.
    * ``prior``: last year's workbook for rules comparing with it (PX118), as
      ``{"values": {...}, "rows": {...}}`` in the shape of ``values`` / ``rows``.
    """

    fires: bool
    note: str
    values: Mapping[str, Any] = field(default_factory=dict)
    rows: Mapping[str, Sequence[Mapping[str, Any]]] = field(default_factory=dict)
    source: Mapping[str, Any] | None = None
    at: str | None = None
    expected: Any = None
    prior: Mapping[str, Any] | None = None
    #: A draft rule's case (PX6xx): the draft text, one line per ``\n``; ``at`` is then the
    #: 1-based line the finding must be on (``"3"``); ``values`` / ``rows`` give the workbook
    #: model for the rules that compare with a workbook.
    text: str | None = None


def fails(note: str, *, at: str | None = None, expected: Any = None, **kw: Any) -> Case:
    """A 不合格 case: the rule must fire (at ``at``, with ``expected`` when given)."""
    return Case(True, note, at=at, expected=expected, **kw)


def passes(note: str, **kw: Any) -> Case:
    """A 合格 case: the rule must stay quiet."""
    return Case(False, note, **kw)


@dataclass(frozen=True)
class Rule:
    """A registered check: its code (PX201), name, title, level, message template and function."""

    code: str
    name: str
    title: str
    level: str
    message: str
    func: Callable[[Any], Iterable[Hit]]
    cases: tuple[Case, ...]
    module: str

    @property
    def family(self) -> str:
        return FAMILIES[self.code[2]]

    @property
    def draft(self) -> bool:
        """True for a rule over a report draft (PX6xx)."""
        return self.code[2] == DRAFT_FAMILY

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")


#: code -> Rule, filled as the rule modules are imported (``load_workbook_rules``,
#: ``load_draft_rules``).
RULES: dict[str, Rule] = {}


def load_workbook_rules() -> None:
    """Register the workbook rules (PX0xx–PX5xx, one module per family).  Called by whatever
    runs or lists them (``select_rules``, ``perfxl.checks.RULES``), never at import: a draft
    check does not pay for them."""
    from perfxl.checks import (changes, completeness, hygiene, identities,  # noqa: F401
                               plausibility, prior, ratios, report_figures, scores, sums,
                               weights)


def load_draft_rules() -> None:
    """Register the report-draft rules (PX6xx, ``perfxl.draft``).  Not imported with the
    workbook rules: checking a workbook does not pay for their regexes (~20 ms of imports)."""
    from perfxl.draft import rules  # noqa: F401


def rule(code: str, name: str, level: str, *, title: str, message: str,
         cases: Sequence[Case] = ()) -> Callable:
    """Register the decorated function as rule ``code``."""
    if not _CODE.match(code):
        raise ValueError(f"bad rule code {code!r}")
    if level not in LEVELS:
        raise ValueError(f"{code}: bad level {level!r}")

    def deco(func: Callable[[Any], Iterable[Hit]]) -> Callable[[Any], Iterable[Hit]]:
        if code in RULES and RULES[code].func.__qualname__ != func.__qualname__:
            raise ValueError(f"duplicate rule code {code}")
        RULES[code] = Rule(code, name, title, level, message, func, tuple(cases),
                           func.__module__)
        return func

    return deco


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = (), *,
                 draft: bool = False) -> list[Rule]:
    """The rules whose code starts with one of ``select`` (all when empty) and with none of
    ``ignore``, in code order.  Prefixes are matched case-insensitively (``px2`` = ``PX2``).
    Workbook rules by default; ``draft=True`` gives the report-draft rules (PX6xx) instead
    (the caller registers those: ``load_draft_rules``)."""
    if not draft:
        load_workbook_rules()
    sel = tuple(s.strip().upper() for s in select if s.strip())
    ign = tuple(s.strip().upper() for s in ignore if s.strip())
    return [r for code, r in sorted(RULES.items())
            if r.draft == draft
            and (not sel or code.startswith(sel)) and not (ign and code.startswith(ign))]
