"""What a batch review records of each workbook besides its findings: the key figures an analyst
compares across departments, and whether the workbook was filled in at all."""
from __future__ import annotations

from typing import Any

from perfxl import derived
from perfxl.model import Model

__all__ = ["key_figures", "unfilled", "FIGURES"]

#: (label, source): an amount field of the model (converted to 万元) or a derived measure
#: (a fraction).  The labels are the column names of the DataFrame and of the summary.
FIGURES = (
    ("全年预算数（万元）", "budget_full"),
    ("全年执行数（万元）", "executed"),
    ("执行率", derived.execution_rate),
    ("预算调整率", derived.budget_adjustment_rate),
    ("结转结余率", derived.carryover_rate),
    ("在职人员控制率", derived.staff_control_rate),
    ("“三公”经费控制率", derived.three_public_control_rate),
    ("公用经费控制率", derived.public_funds_control_rate),
)
_TO_WAN = {"元": 1e-4, "千元": 1e-1, "万元": 1.0, "亿元": 1e4}


def key_figures(model: Model) -> dict[str, Any]:
    """Label -> value (amounts in 万元, rates as fractions, ``None`` when not computable)."""
    scale = _TO_WAN.get(str(model.values.get("amount_unit") or "万元").strip(), 1.0)
    out: dict[str, Any] = {}
    for label, src in FIGURES:
        if callable(src):
            try:
                out[label] = src(model)
            except (ArithmeticError, TypeError, ValueError):  # a figure typed as text
                out[label] = None
        else:
            v = model.values.get(src)
            out[label] = v * scale if isinstance(v, (int, float)) and not isinstance(v, bool) \
                else None
    return out


def unfilled(result) -> bool:
    """True when no score was typed and no 执行率 can be computed: a blank or carried-forward
    workbook (``perfxl new --from``) whose computed total would be 0 for want of figures."""
    items = list(result.items) + [i for p in result.projects for i in p.items]
    if result.stated_total is not None or any(i.stated_score is not None for i in items):
        return False
    return not any(i.kind == "execution" and i.value is not None for i in items) and \
        not any(i.kind == "indicator" and i.value is not None for i in items)
