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
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from perfxl.errors import FrameworkError

KINDS = ("project", "department", "system", "reference")
RULES = ("stated", "proportional", "tiers", "deduct")
OPS = ("<", "<=", ">", ">=", "=", "<>")
NOT_APPLICABLE = ("drop", "rescale", "move")
STEPS = ("exact", "ceil", "floor")


@dataclass(frozen=True)
class Bands:
    """定性 bands as fractions of the weight: 达成 / 部分达成 / 未达成 (domain.md §1.6)."""

    achieved: tuple[float, float] = (0.8, 1.0)
    partial: tuple[float, float] = (0.6, 0.8)
    not_achieved: tuple[float, float] = (0.0, 0.6)
    source: str = "domain.md §1.6 [C1, C2]; 财预〔2020〕10号 [R]"

    def band(self, achievement: str | None) -> tuple[float, float] | None:
        """(low, high) fractions for 达成/部分达成/未达成, else ``None``."""
        return {"达成": self.achieved, "部分达成": self.partial,
                "未达成": self.not_achieved}.get((achievement or "").strip())


@dataclass(frozen=True)
class GradeBand:
    """A grade and its inclusive lower bound in 分 (优 ≥ 90)."""

    lower: float
    grade: str


DEFAULT_GRADES = (GradeBand(90, "优"), GradeBand(80, "良"), GradeBand(60, "中"), GradeBand(0, "差"))
DEFAULT_GRADES_SOURCE = "domain.md §1.8 [S1]: 优≥90、良≥80、中≥60、差<60"


@dataclass(frozen=True)
class Execution:
    """预算执行率: ``weight`` 分; score = weight × min(执行率, 1) (domain.md §1.4)."""

    weight: float
    source: str = ""


@dataclass(frozen=True)
class Level:
    """A 一级 (``parent`` None) or 二级 indicator with its weight (None = set by the unit)."""

    name: str
    weight: float | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    confirmed: bool = True
    source: str = ""
    #: False when the source shows only some of its children (their weights add up to less).
    complete: bool = True


@dataclass(frozen=True)
class Tier:
    """One condition of a tier table: when ``measure <op> value`` the score is ``score`` 分.
    ``value`` is a number (a fraction for rates) or the name of another measure."""

    op: str
    value: float | str
    score: float


@dataclass(frozen=True)
class Rule:
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


@dataclass(frozen=True)
class Item:
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
    rule: Rule = field(default_factory=Rule)
    measure: str | None = None
    move_to: str | None = None
    formula: str = ""
    confirmed: bool = True
    source: str = ""


@dataclass(frozen=True)
class BonusItem:
    """A 加减分项 line: ``points_each`` 分 per occurrence, at most ``cap`` 分."""

    name: str
    points_each: float
    cap: float | None = None
    aliases: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Bonus:
    """The 加减分项 table; the sum of bonus points is capped at ``total_cap`` 分."""

    items: tuple[BonusItem, ...] = ()
    total_cap: float | None = None
    source: str = ""


@dataclass(frozen=True)
class Framework:
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
    bands: Bands = field(default_factory=Bands)
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


# ----------------------------------------------------------------------------------------------
# Parsing
# ----------------------------------------------------------------------------------------------
def _err(fid: str, msg: str) -> FrameworkError:
    return FrameworkError(f"评价框架「{fid}」：{msg}")


def _num(fid: str, v: Any, what: str, *, optional: bool = True) -> float | None:
    if v is None and optional:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise _err(fid, f"{what} 应为数字，现为 {v!r}")
    return float(v)


def _pair(fid: str, v: Any, what: str) -> tuple[float, float]:
    if not (isinstance(v, list) and len(v) == 2):
        raise _err(fid, f"{what} 应为 [下限, 上限]，现为 {v!r}")
    lo, hi = (_num(fid, x, what, optional=False) for x in v)
    if not 0 <= lo <= hi <= 1:
        raise _err(fid, f"{what} 应满足 0 ≤ 下限 ≤ 上限 ≤ 1，现为 {v!r}")
    return lo, hi  # type: ignore[return-value]


def _choice(fid: str, v: Any, allowed: tuple[str, ...], what: str) -> str:
    if v not in allowed:
        raise _err(fid, f"{what} 应为 {'、'.join(allowed)} 之一，现为 {v!r}")
    return v


def _rule(fid: str, d: dict[str, Any], where: str) -> Rule:
    kind = _choice(fid, d.get("rule", "stated"), RULES, f"{where} 的 rule")
    tiers = []
    for t in d.get("tiers", []):
        op = _choice(fid, t.get("op"), OPS, f"{where} 的 tiers.op")
        val = t.get("value")
        if not isinstance(val, str):
            val = _num(fid, val, f"{where} 的 tiers.value", optional=False)
        tiers.append(Tier(op, val, _num(fid, t.get("score"), f"{where} 的 tiers.score",
                                         optional=False)))  # type: ignore[arg-type]
    otherwise = d.get("otherwise", "stated")
    if otherwise != "stated":
        otherwise = _num(fid, otherwise, f"{where} 的 otherwise")
    measure = d.get("measure")
    if kind in ("proportional", "tiers", "deduct") and not measure:
        raise _err(fid, f"{where} 的规则 {kind} 需要 measure（依据的比率）")
    if kind == "tiers" and not tiers:
        raise _err(fid, f"{where} 的规则 tiers 需要至少一档 tiers")
    if kind == "deduct" and (d.get("limit") is None or d.get("points") is None):
        raise _err(fid, f"{where} 的规则 deduct 需要 limit 与 points")
    per = _num(fid, d.get("per", 0.01), f"{where} 的 per")
    if per is not None and per <= 0:
        raise _err(fid, f"{where} 的 per 应大于 0")
    return Rule(
        kind=kind, measure=measure, tiers=tuple(tiers), otherwise=otherwise,
        limit=_num(fid, d.get("limit"), f"{where} 的 limit"),
        direction=_choice(fid, d.get("direction", "above"), ("above", "below"),
                          f"{where} 的 direction"),
        per=per or 0.01, points=_num(fid, d.get("points", 0.0), f"{where} 的 points") or 0.0,
        steps=_choice(fid, d.get("steps", "exact"), STEPS, f"{where} 的 steps"),
        use_abs=bool(d.get("use_abs", False)),
        confirmed=bool(d.get("rule_confirmed", True)),
        source=str(d.get("rule_source", "")),
    )


def _levels(fid: str, data: dict[str, Any]) -> tuple[Level, ...]:
    out: list[Level] = []
    for d in data.get("level1", []):
        out.append(Level(d["name"], _num(fid, d.get("weight"), f"一级指标「{d['name']}」的 weight"),
                         None, tuple(d.get("aliases", ())), bool(d.get("confirmed", True)),
                         str(d.get("source", "")), bool(d.get("complete", True))))
        for s in d.get("level2", []):
            if isinstance(s, str):
                out.append(Level(s, None, d["name"]))
            else:
                out.append(Level(s["name"], _num(fid, s.get("weight"),
                                                 f"二级指标「{s['name']}」的 weight"),
                                 d["name"], tuple(s.get("aliases", ())),
                                 bool(s.get("confirmed", True)), str(s.get("source", "")),
                                 bool(s.get("complete", True))))
    return tuple(out)


def _items(fid: str, data: dict[str, Any]) -> tuple[Item, ...]:
    items = []
    for d in data.get("items", []):
        name = d.get("name")
        if not name:
            raise _err(fid, "每个 items 条目需要 name")
        where = f"指标「{name}」"
        items.append(Item(
            name=name, weight=_num(fid, d.get("weight"), f"{where} 的 weight"),
            level1=d.get("level1"), level2=d.get("level2"), aliases=tuple(d.get("aliases", ())),
            rule=_rule(fid, d, where), measure=d.get("measure"), move_to=d.get("move_to"),
            formula=str(d.get("formula", "")), confirmed=bool(d.get("confirmed", True)),
            source=str(d.get("source", ""))))
    names = [i.name for i in items]
    for it in items:
        if names.count(it.name) > 1:
            raise _err(fid, f"指标「{it.name}」重复")
        if it.move_to and it.move_to not in names:
            raise _err(fid, f"指标「{it.name}」的 move_to「{it.move_to}」不是本框架的指标")
    return tuple(items)


def _bonus(fid: str, d: dict[str, Any] | None) -> Bonus | None:
    if not d:
        return None
    items = tuple(BonusItem(b["name"], _num(fid, b.get("points_each"), "加减分项 points_each",
                                             optional=False),  # type: ignore[arg-type]
                            _num(fid, b.get("cap"), "加减分项 cap"), tuple(b.get("aliases", ())),
                            str(b.get("source", "")))
                  for b in d.get("items", []))
    return Bonus(items, _num(fid, d.get("total_cap"), "加减分项 total_cap"), str(d.get("source", "")))


def parse(data: dict[str, Any], path: str = "") -> Framework:
    """A ``Framework`` from the dict of a TOML file; raises ``FrameworkError`` naming the
    framework and the faulty entry."""
    fid = data.get("id")
    if not fid or not isinstance(fid, str):
        raise FrameworkError(f"评价框架文件 {path} 缺少 id")
    kind = _choice(fid, data.get("kind"), KINDS, "kind")
    ex = data.get("execution")
    execution = (Execution(_num(fid, ex.get("weight"), "execution.weight", optional=False),
                           str(ex.get("source", ""))) if ex else None)  # type: ignore[arg-type]
    q = data.get("qualitative")
    bands = (Bands(_pair(fid, q.get("achieved"), "qualitative.achieved"),
                   _pair(fid, q.get("partial"), "qualitative.partial"),
                   _pair(fid, q.get("not_achieved"), "qualitative.not_achieved"),
                   str(q.get("source", ""))) if q else Bands())
    g = data.get("grades")
    grades = DEFAULT_GRADES
    if g:
        grades = tuple(sorted((GradeBand(_num(fid, b.get("min"), "grades.min",  # type: ignore[arg-type]
                                              optional=False), str(b["grade"]))
                               for b in g.get("bands", [])), key=lambda b: -b.lower))
        if not grades:
            raise _err(fid, "grades.bands 不能为空")
    fw = Framework(
        id=fid, name=str(data.get("name", fid)), kind=kind,
        total=_num(fid, data.get("total", 100), "total"), source=str(data.get("source", "")),
        confirmed=bool(data.get("confirmed", True)), complete=bool(data.get("complete", True)),
        notes=str(data.get("notes", "")), execution=execution,
        indicator_total=_num(fid, data.get("indicator_total"), "indicator_total"),
        levels=_levels(fid, data), items=_items(fid, data), bands=bands, grades=grades,
        grades_source=str(g.get("source", DEFAULT_GRADES_SOURCE)) if g else DEFAULT_GRADES_SOURCE,
        not_applicable=_choice(fid, data.get("not_applicable", "drop"), NOT_APPLICABLE,
                               "not_applicable"),
        not_applicable_source=str(data.get("not_applicable_source", "")),
        weights_overridable=bool(data.get("weights_overridable", False)),
        bonus=_bonus(fid, data.get("bonus")), project_framework=data.get("project_framework"),
        path=path)
    if fw.kind in ("project", "department") and fw.execution is None:
        raise _err(fid, f"kind = {kind} 需要 [execution]（预算执行率分值）")
    if fw.kind == "system" and not fw.items:
        raise _err(fid, "kind = system 需要 items")
    return fw
