"""The shape of a framework file, as typed, immutable records.

A framework (评价框架) is one TOML file in this folder; ``perfxl.frameworks.load`` reads it into a
``Framework``.  Every number in it is in 分 (points) except rates and band edges, which are
fractions (0.8 = 80%).  Every table may carry ``source`` (the document number or seed + line the
rule comes from) and ``confirmed`` (``false`` where the value was not found in any source and is
only a configurable default; see domain.md, tag [X]/[R]).

Kinds of framework (``kind``):

* ``project``: 项目支出绩效自评表 — per project, 预算执行率 (``execution``) + the project's
  indicator rows (sheet 项目自评表).
* ``department``: 部门整体支出绩效自评表 — 预算执行率 + the department's indicator rows (sheet
  部门自评表), scored like project indicators.
* ``system``: a department indicator system with fixed 一/二/三级 weights (sheet 指标体系), scored
  item by item (``items``), with an optional 加减分项 table (``bonus``).
* ``reference``: measures only (财预〔2013〕53号 gives no weights): values, no scores.

The records are ``NamedTuple``s, not frozen dataclasses: every ``perfxl check`` defines them, and
a frozen dataclass costs ~5x as much to define (its methods are generated and compiled at import).
"""
from __future__ import annotations

from typing import NamedTuple

KINDS = ("project", "department", "system", "reference")
RULES = ("stated", "proportional", "tiers", "deduct")
OPS = ("<", "<=", ">", ">=", "=", "<>")
NOT_APPLICABLE = ("drop", "rescale", "move")
STEPS = ("exact", "ceil", "floor")


class Bands(NamedTuple):
    """定性 bands as fractions of the weight: 达成 / 部分达成 / 未达成 (domain.md §1.6)."""

    achieved: tuple[float, float] = (0.8, 1.0)
    partial: tuple[float, float] = (0.6, 0.8)
    not_achieved: tuple[float, float] = (0.0, 0.6)
    source: str = "domain.md §1.6 [C1, C2]; 财预〔2020〕10号 [R]"

    def band(self, achievement: str | None) -> tuple[float, float] | None:
        """(low, high) fractions for 达成/部分达成/未达成, else ``None``.  The choice is read as
        the workbook's TRIM(L19)="达成" reads it: ASCII spaces go, a full-width space stays
        (「达成\u3000」 is no 达成, as in Excel)."""
        from perfxl.typed import excel_trim
        return {"达成": self.achieved, "部分达成": self.partial,
                "未达成": self.not_achieved}.get(excel_trim(achievement or ""))


class GradeBand(NamedTuple):
    """A grade and its inclusive lower bound in 分 (优 ≥ 90)."""

    lower: float
    grade: str


DEFAULT_GRADES = (GradeBand(90, "优"), GradeBand(80, "良"), GradeBand(60, "中"), GradeBand(0, "差"))
DEFAULT_GRADES_SOURCE = "domain.md §1.8 [S1]: 优≥90、良≥80、中≥60、差<60"


class Execution(NamedTuple):
    """预算执行率: ``weight`` 分; score = weight × min(执行率, 1) (domain.md §1.4)."""

    weight: float
    source: str = ""


class Level(NamedTuple):
    """A 一级 (``parent`` None) or 二级 indicator with its weight (None = set by the unit)."""

    name: str
    weight: float | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    confirmed: bool = True
    source: str = ""
    #: False when the source shows only some of its children (their weights add up to less).
    complete: bool = True


class Tier(NamedTuple):
    """One condition of a tier table: when ``measure <op> value`` the score is ``score`` 分.
    ``value`` is a number (a fraction for rates) or the name of another measure."""

    op: str
    value: float | str
    score: float


class Rule(NamedTuple):
    """How an item of a ``system`` framework is scored.

    * ``stated``: the stated score, capped to [0, weight].
    * ``proportional``: weight × min(max(measure, 0), 1).
    * ``tiers``: the first matching ``tiers`` entry; ``otherwise`` (a score, or "stated").
    * ``deduct``: weight − ``points`` per ``per`` of the measure beyond ``limit`` (``direction``
      "above" or "below"), floored at 0; ``steps`` says how a part step counts (exact, ceil,
      floor).
    ``use_abs`` takes the absolute value of the measure first (调增 and 调减 count alike).
    """

    kind: str = "stated"
    measure: str | None = None
    tiers: tuple[Tier, ...] = ()
    otherwise: float | str | None = "stated"
    limit: float | None = None
    direction: str = "above"
    per: float = 0.01
    points: float = 0.0
    steps: str = "exact"
    use_abs: bool = False
    confirmed: bool = True
    source: str = ""


class Item(NamedTuple):
    """A scored indicator of a ``system`` or ``reference`` framework.

    ``name`` is the 三级 name (or the 二级 name for a 二级 scored as a whole); ``aliases`` are
    other wordings real reports use.  ``measure`` names a ``perfxl.derived`` figure shown beside
    the item (and used by its rule).  ``move_to``: when the item is not applicable, its weight
    goes to the named item (Guangdong, seed 000 L180).
    """

    name: str
    weight: float | None = None
    level1: str | None = None
    level2: str | None = None
    aliases: tuple[str, ...] = ()
    rule: Rule = Rule()
    measure: str | None = None
    move_to: str | None = None
    formula: str = ""
    confirmed: bool = True
    source: str = ""


class BonusItem(NamedTuple):
    """A 加减分项 line: ``points_each`` 分 per occurrence, at most ``cap`` 分."""

    name: str
    points_each: float
    cap: float | None = None
    aliases: tuple[str, ...] = ()
    source: str = ""


class Bonus(NamedTuple):
    """The 加减分项 table; the sum of bonus points is capped at ``total_cap`` 分."""

    items: tuple[BonusItem, ...] = ()
    total_cap: float | None = None
    source: str = ""


class Framework(NamedTuple):
    """One evaluation framework, as loaded from ``perfxl/frameworks/<id>.toml``.

    ``total`` is the full score (100); ``indicator_total`` the points left to indicators after
    预算执行率 (90) where the framework fixes it.  ``not_applicable`` says what happens to an
    indicator marked 不适用: ``drop`` (no score, no weight), ``rescale`` (drop, then the total is
    converted to the full score, domain.md §1.5 [S5]) or ``move`` (its weight goes to
    ``Item.move_to``).  ``complete`` is ``false`` when the source shows only part of the table.
    """

    id: str
    name: str
    kind: str
    total: float | None = 100.0
    source: str = ""
    confirmed: bool = True
    complete: bool = True
    notes: str = ""
    execution: Execution | None = None
    indicator_total: float | None = None
    levels: tuple[Level, ...] = ()
    items: tuple[Item, ...] = ()
    bands: Bands = Bands()
    grades: tuple[GradeBand, ...] = DEFAULT_GRADES
    grades_source: str = DEFAULT_GRADES_SOURCE
    not_applicable: str = "drop"
    not_applicable_source: str = ""
    weights_overridable: bool = False
    bonus: Bonus | None = None
    project_framework: str | None = None
    path: str = ""

    @property
    def level1(self) -> tuple[Level, ...]:
        return tuple(lv for lv in self.levels if lv.parent is None)

    def level2_of(self, level1: str) -> tuple[Level, ...]:
        return tuple(lv for lv in self.levels if lv.parent == level1)

    def item(self, name: str) -> Item:
        for it in self.items:
            if it.name == name:
                return it
        raise FrameworkError(f"评价框架「{self.id}」没有指标「{name}」")
