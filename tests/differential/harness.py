"""The differential test of issue 13: random valid workbooks, recalculated by LibreOffice, against
perfxl's Python — every formula cell, and every figure the report prints.

* ``random_model(rng)``: a valid filled workbook as a ``Model`` — blanks, zeros, ROUND ties,
  不适用 rows, 反向 (≤) / 区间 / = indicators, 定性 bands, weights that overflow (caps),
  negative and above-100% execution, 元 and 万元, project names that differ only in case.
  ``rng`` is a ``random.Random`` — or hypothesis' ``st.randoms()`` (``models()``), which makes
  every draw a shrinkable hypothesis choice.
* ``write_books(models, folder)`` writes them (no cached values: LibreOffice computes them);
  ``recalc(paths, outdir)`` runs ONE soffice call for the whole batch.
* ``compare(path, recalculated)`` reads ``path`` as the CLI does and returns the cells compared
  and every disagreement (cell, Python value, LibreOffice value), formula cells first, then the
  figures every generated report prints (``tests.differential.report_figures``) and the
  report's own proofreading findings.
"""
from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from perfxl import derived
from perfxl import layout as L
from perfxl.model import Model

LAYOUT = L.LAYOUT


def _amount(rng: random.Random, lo: float = 0, hi: float = 5000) -> float:
    return round(rng.uniform(lo, hi), rng.choice((0, 2, 2, 2, 4)))


def _maybe(rng: random.Random, value: Any, p_blank: float = 0.15) -> Any:
    return None if rng.random() < p_blank else value


def _indicator(rng: random.Random, project: str | None) -> dict[str, Any]:
    w = rng.choice([2, 5, 10, 10, 20, 12.5, 2.01, round(rng.uniform(0.5, 30), 2)])
    nature = rng.choice(["定量"] * 5 + ["定性"] * 3 + [None])
    row: dict[str, Any] = {"level1": rng.choice(["产出指标", "效益指标", "满意度指标", None, None]),
                           "level2": rng.choice(["数量指标", "质量指标", None]),
                           "level3": f"指标{rng.randint(1, 999)}", "nature": nature,
                           "weight": _maybe(rng, w, 0.05)}
    if project is not None:
        row["project"] = project
    if nature == "定性" or (nature is None and rng.random() < 0.5):
        row["achievement"] = rng.choice(["达成", "部分达成", "未达成", None])
        row["score_stated"] = _maybe(rng, round(rng.uniform(-1, w * 1.2), rng.choice((0, 1, 2))))
    else:
        direction = rng.choice(["≥", "≥", "≤", "=", "区间", None])
        target = rng.choice([0, 1, 8000, 7.5, round(rng.uniform(-10, 1000), 3), None])
        actual = rng.choice([target, 0, 2, 8094, round(rng.uniform(-10, 1500), 3), None])
        row.update(direction=direction, target=target, actual=actual)
        if direction == "区间":
            row["target_upper"] = _maybe(rng, (target or 0) + round(rng.uniform(0, 200), 2))
        if rng.random() < 0.4:
            row["score_stated"] = round(rng.uniform(0, w), 2)
    if rng.random() < 0.12:
        row["applicable"] = "否"
    elif rng.random() < 0.2:
        row["applicable"] = "是"
    return {k: v for k, v in row.items() if v is not None}


#: every framework of perfxl/frameworks (the report's outline follows it)
FRAMEWORKS = ("hunan_dept", "hunan_dept", "central_project", "central_project_cost",
              "hubei_project_2020", "guangdong_dept_100", "hunan_53_tiers", "common_53")


def _system_rows(rng: random.Random, m: Model) -> None:
    """指标体系 rows: weights, stated scores within or beyond them, 不适用 rows."""
    for i in range(rng.randint(0, 8)):
        w = rng.choice([2, 4, 5, 8, 10, round(rng.uniform(0.5, 12), 2)])
        row = {"level1": rng.choice(["预算编制", "预算执行", "效益", None]),
               "level3": f"体系指标{rng.randint(1, 999)}", "weight": _maybe(rng, w, 0.05),
               "score_stated": _maybe(rng, round(rng.uniform(0, w), rng.choice((0, 1, 2))))}
        if rng.random() < 0.1:
            row["applicable"] = "否"
        m.add_row("system_indicators", {k: v for k, v in row.items() if v is not None},
                  index=i)
    if rng.random() < 0.3:
        m.values["system_total_stated"] = round(rng.uniform(50, 100), 1)


def random_model(rng: random.Random, framework: str | None = None) -> Model:
    """A valid filled standard workbook (see the module docstring); ``framework`` fixes its
    评价框架 (else drawn from ``FRAMEWORKS``)."""
    m = Model()
    unit = rng.choice(L.UNITS)
    scale = 10000 if unit == "元" else 1
    m.values.update(department_name="差分测试局", year=2023, amount_unit=unit,
                    framework=rng.choice(FRAMEWORKS))
    if framework is not None:
        m.values["framework"] = framework
    # 人员编制
    for i, cat in enumerate(LAYOUT.table("staffing").rows):
        if rng.random() < 0.7:
            m.add_row("staffing", {"category": cat, "authorized": rng.randint(0, 40),
                                   "actual": rng.choice([rng.randint(0, 45), None])}, index=i)
    for key in ("authorized_total", "in_service_total"):
        if rng.random() < 0.5:
            m.values[key] = rng.randint(1, 80)
    # 收入 / 支出
    for i, src in enumerate(LAYOUT.table("income").rows):
        if rng.random() < 0.6:
            m.add_row("income", {"source": src, "budget_initial": _amount(rng) * scale,
                                 "budget_full": _amount(rng) * scale,
                                 "executed": _maybe(rng, _amount(rng) * scale),
                                 "prior_final": _maybe(rng, _amount(rng) * scale)}, index=i)
    for i, item in enumerate(LAYOUT.table("exp_nature").rows):
        m.add_row("exp_nature", {"item": item, "budget_full": _amount(rng) * scale,
                                 "executed": _amount(rng) * scale,
                                 "prior_final": _maybe(rng, _amount(rng) * scale)}, index=i)
    for i in range(rng.randint(0, 5)):
        cur = rng.choice([_amount(rng) * scale, 0, None])
        prior = rng.choice([_amount(rng) * scale, 0, None])
        if cur is None and prior is None:
            continue
        # (a name ending in a digit would run into the amount after it: 「科目024,993,700.00元」)
        m.add_row("exp_function", {k: v for k, v in (("subject", f"科目{'甲乙丙丁戊'[i]}"),
                                                     ("current", cur),
                                                     ("prior", prior)) if v is not None}, index=i)
    for i, item in enumerate(LAYOUT.table("three_public").rows):
        if rng.random() < 0.25:  # (a 公务用车 subtotal without its split, a missing item)
            continue
        m.add_row("three_public", {"item": item, "prior_final": _amount(rng, 0, 50),
                                   "budget": _amount(rng, 0, 50),
                                   "final": _maybe(rng, _amount(rng, 0, 50))}, index=i)
    # a typed total is the sum of its items as a department types it (one that disagrees gets
    # PX105, and the report, which states both, repeats the disagreement); with no item of its
    # column filled it is free
    for key, col in (("tp_prior_stated", "prior_final"), ("tp_final_stated", "final"),
                     ("tp_budget_stated", "budget")):
        if rng.random() < 0.3:
            items = [r.get(col) for r in derived.tp_counted_rows(m, col)
                     if isinstance(r.get(col), (int, float))]
            m.values[key] = round(sum(items), 2) if items else _amount(rng, 0, 200)
    for key in ("public_funds_budget", "public_funds_final", "procurement_budget",
                "procurement_actual", "carryover_prior", "carryover_current",
                "stock_funds_prior", "stock_funds_current", "fixed_assets_total",
                "fixed_assets_in_use"):
        v = rng.choice([_amount(rng) * scale, 0, None, None])
        if v is not None:
            m.values[key] = v
    # 部门自评表: execution below 0, above 100%, budget 0
    budget = rng.choice([_amount(rng, 1) * scale, 0, None])
    executed = rng.choice([None, 0, -_amount(rng, 1, 50), (budget or 100) * rng.choice(
        [0.96785, 1, 1.2, rng.uniform(0, 1.3)])])
    initial = _amount(rng) * scale
    # 全年预算数 = 年初预算数 + 预算调整数 when all three are typed (PX202 reports a book where
    # they disagree; the report states all three)
    adjustment = rng.choice([None, 0, "diff", "diff"])
    if adjustment == "diff":
        adjustment = None if budget is None else round(budget - initial, 4)
    elif adjustment == 0 and budget is not None:
        initial = budget
    for key, v in (("budget_initial", initial), ("budget_full", budget),
                   ("executed", executed), ("budget_adjustment", adjustment),
                   ("execution_weight", rng.choice([10, 10, 20, None]))):
        if v is not None:
            m.values[key] = round(v, 4) if isinstance(v, float) else v
    for i in range(rng.randint(0, 10)):
        m.add_row("dept_indicators", _indicator(rng, None), index=i)
    for i in range(rng.randint(0, 3)):
        points = rng.choice([0.5, 1, 2, None])
        row = {"item": f"加分项{'甲乙丙丁戊己'[i]}", "points_each": points, "cap": rng.choice([None, 3, 1]),
               "count": rng.choice([None, 0, 1, 4]),
               "score_stated": rng.choice([None, 1, 0.5])}
        if points is None and row["score_stated"] is None:
            continue
        m.add_row("bonus", {k: v for k, v in row.items() if v is not None}, index=i)
    if m.values["framework"] in ("guangdong_dept_100", "hunan_53_tiers") or rng.random() < 0.1:
        _system_rows(rng, m)
    # 项目自评表
    names = [f"项目{c}" for c in "ABC"[:rng.randint(0, 3)]]
    for i, name in enumerate(names):
        pb = rng.choice([_amount(rng, 1, 500), 0])
        m.add_row("projects", {"project": name, "budget_full": pb,
                               "executed": round(pb * rng.choice([1, 0.9, 1.1, -0.2]), 4),
                               "execution_weight": rng.choice([10, 10, None])}, index=i)
    k = 0
    for name in names:
        for _ in range(rng.randint(0, 4)):
            # a name that differs only in case belongs to no project (PX407)
            pname = name.lower() if rng.random() < 0.05 else name
            m.add_row("project_indicators", _indicator(rng, pname), index=k)
            k += 1
    return _stray_spaces(rng, m)


#: what follows a choice people type: a space, or a full-width space (which TRIM keeps)
SPACES = (" ", " ", "\u3000")


def _stray_spaces(rng: random.Random, m: Model, rate: float = 0.03) -> Model:
    """What people type: a trailing space or full-width space after a choice ("达成 ",
    "否\u3000"), a number cell holding only a space (blank to the reader and to the formulas'
    TRIM tests)."""
    numeric = (L.AMOUNT, L.RATE, L.COUNT, L.SCORE, L.NUMBER)
    for key, (_s, _b, f) in LAYOUT.fields.items():
        if f.role not in (L.INPUT, L.STATED):
            continue
        # (the 评价框架 id is also the builder's argument: it stays exact)
        if f.kind == L.CHOICE and key != "framework" and isinstance(m.values.get(key), str) \
                and rng.random() < rate:
            m.values[key] += rng.choice(SPACES)
        elif f.kind in numeric and key not in m.values and rng.random() < rate:
            m.values[key] = " "
    for tkey, rows in m.tables.items():
        for row in rows:
            for col in LAYOUT.table(tkey).columns:
                if col.role not in (L.INPUT, L.STATED):
                    continue
                v = row.values.get(col.key)
                # ("= " would be a formula to openpyxl, and to Excel as typed)
                if col.kind == L.CHOICE and isinstance(v, str) and v != "=" \
                        and rng.random() < rate * 3:
                    row.values[col.key] = v + rng.choice(SPACES)
                elif col.kind in numeric and v is None and rng.random() < rate:
                    row.values[col.key] = " "
    return m


def models(n: int = 1):
    """A hypothesis strategy of lists of ``n`` random valid workbook models."""
    from hypothesis import strategies as st
    return st.lists(st.randoms(use_true_random=False).map(random_model), min_size=n,
                    max_size=n)


def write_books(items: list[Model], folder: Path, prefix: str = "case") -> list[Path]:
    from perfxl.io.writing.xlsx_fill import write_model
    folder.mkdir(parents=True, exist_ok=True)
    return [write_model(m, folder / f"{prefix}{i:04d}.xlsx", cached_values=False)
            for i, m in enumerate(items)]


def recalc(paths: list[Path], outdir: Path) -> list[dict[tuple[str, str], Any]]:
    """LibreOffice's values of every cell of each file: one soffice run for the batch."""
    import openpyxl
    from perfxl.io.office.libreoffice import convert

    out = []
    for p in convert(list(paths), "xlsx", outdir):
        wb = openpyxl.load_workbook(p, data_only=True)
        out.append({(ws.title, c.coordinate): c.value for ws in wb.worksheets
                    for row in ws.iter_rows() for c in row if c.value is not None})
    return out


OWNERS = LAYOUT.formula_owners


def python_value(model: Model, owner: tuple) -> Any:
    if owner[0] == "field":
        return derived.field_value(model, owner[1])
    return derived.column_value(model, owner[1], owner[2], owner[3])


def same(mine: Any, theirs: Any) -> bool:
    if mine is None or mine == "":
        return theirs in (None, "")
    if isinstance(mine, str):
        return mine == theirs
    return isinstance(theirs, (int, float)) and not isinstance(theirs, bool) and \
        math.isclose(float(mine), float(theirs), rel_tol=1e-12, abs_tol=1e-9)


@dataclass
class Outcome:
    cells: int = 0
    figures: int = 0
    bad: list[tuple[str, Any, Any]] = field(default_factory=list)
    #: the generated report's own proofreading findings (file, rule, level, place, message)
    proofread: list[tuple] = field(default_factory=list)


def compare(path: Path, lo: dict, *, report: bool = True) -> Outcome:
    """Read ``path`` as the CLI does; every formula cell against LibreOffice's, then the
    report's figures against the workbook's."""
    from perfxl.io.reading.xlsx_reader import read_workbook

    model = read_workbook(path)
    res = Outcome()
    for cell, owner in OWNERS.items():
        mine, theirs = python_value(model, owner), lo.get(cell)
        res.cells += 1
        if not same(mine, theirs):
            res.bad.append((f"{cell[0]}!{cell[1]}", mine, theirs))
    if report:
        from tests.differential.report_figures import report_outcome
        res.figures, bad, res.proofread = report_outcome(path, model, lo)
        res.bad += [(f"报告{what}", mine, theirs) for what, mine, theirs in bad]
    return res
