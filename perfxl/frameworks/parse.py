"""Reading a framework file's dict (from TOML) into the records of ``perfxl.frameworks.schema``,
checking it as it goes: every error is a ``FrameworkError`` naming the framework and the entry."""
from __future__ import annotations

from typing import Any

from perfxl.errors import FrameworkError
from perfxl.frameworks.schema import (DEFAULT_GRADES, DEFAULT_GRADES_SOURCE, KINDS,
                                      NOT_APPLICABLE, OPS, RULES, STEPS, Bands, Bonus, BonusItem,
                                      Execution, Framework, GradeBand, Item, Level, Rule, Tier)

__all__ = ["parse"]

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
