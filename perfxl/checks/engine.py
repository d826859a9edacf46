"""``check_model``: run the selected rules on one model and collect every finding, sorted."""
from __future__ import annotations

from typing import Iterable

from perfxl.checks.context import Ctx
from perfxl.checks.finding import Finding
from perfxl.checks.registry import Rule, select_rules
from perfxl.model import Model

__all__ = ["check_model", "run_rule"]


def run_rule(rule: Rule, ctx: Ctx) -> list[Finding]:
    """The findings of one rule (its message template filled from each hit)."""
    out = []
    for hit in rule.func(ctx):
        out.append(Finding(rule.code, rule.level, ctx.file, hit.where[0], hit.where[1],
                           rule.message.format(**hit.args), hit.expected, hit.actual,
                           tuple(hit.related)))
    return out


def check_model(model: Model, select: Iterable[str] = (), ignore: Iterable[str] = (), *,
                file: str | None = None, prior: Model | None = None,
                prior_file: str | None = None) -> list[Finding]:
    """Every finding of the rules whose codes start with a prefix of ``select`` (all rules when
    empty) and with none of ``ignore``, sorted by file, sheet (workbook order), row, column,
    rule.  ``file`` defaults to the path the model was read from ("" for a model built in
    code).  A finding repeated at the same cell by the same rule is reported once.  ``prior``
    is last year's workbook (its path ``prior_file``, default where it was read from) for the
    rules that compare the 上年 figures with it (PX118); the caller checks first that it is the
    same department's year before (``perfxl.carry.pair_problem``)."""
    if file is None:
        file = model.source.path if model.source is not None and model.source.path else ""
    if prior is not None and prior_file is None:
        prior_file = prior.source.path if prior.source is not None and prior.source.path else ""
    ctx = Ctx(model, file, prior=prior, prior_file=prior_file or "")
    seen: dict[Finding, Finding] = {}
    for rule in select_rules(select, ignore):
        for f in run_rule(rule, ctx):
            seen.setdefault(f, f)
    return sorted(seen)
