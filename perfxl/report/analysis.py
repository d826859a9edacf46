"""The indicator-by-indicator analysis: a paragraph per indicator with its weight, the evidence
and the score.

* ``system_analysis``: Guangdong 三、绩效分析 from the 指标体系 table (seed 000): groups by 一级
  指标 「（一）预算编制情况（28分）」, sub-groups by 二级指标 「1. 预算编制。指标分值18分。」, then
  「（1）预算编制合理性（5分）。<说明>自评得分5分。」.  Group weights are the sums of their
  indicators' weights (computed; a typed 一级/二级分值 that disagrees is for the checks).
* ``bonus_paragraphs``: the 加减分项.
* ``project_analysis``: 四、绩效评价指标分析 of a project report, grouped by 一级指标.

Shapes: lists of plain dicts/strings ready for the templates; all figures formatted by
``perfxl.report.fmt``.
"""
from __future__ import annotations

import re
from typing import Any

from perfxl.model import Row
from perfxl.report.figures import num, total
from perfxl.report.fmt import clean_text, fmt_score, fmt_typed, heading_ordinal
from perfxl.report.scores import Scores, row_score, row_score_missing, row_weight

__all__ = ["system_analysis", "bonus_paragraphs", "project_analysis", "indicator_paragraph"]


def _t(x: Any) -> str:
    return "" if x is None else " ".join(clean_text(str(x)).split())


def _end(text: str) -> str:
    """``text`` closed with a full stop (unless it already ends with punctuation)."""
    return text if not text or text[-1] in "。！？；.!?;：:，,、" else text + "。"


# 「自评得分 5 分。」 typed at the end of an explanation: the stated score, which the report
# replaces with the computed one (the checks compare the two).
_STATED_SCORE = re.compile(r"[，,]?\s*(?:自评)?得分\s*-?[0-9.]+\s*分\s*[。.；;]?\s*$")


def evidence(text: Any) -> str:
    """The typed explanation of an indicator, minus a trailing stated 「自评得分 X 分。」 (the
    report writes the computed score after it)."""
    t = _t(text)
    stripped = _STATED_SCORE.sub("", t)
    return _end(stripped)


def _score_sentence(row: Row, scores: Scores) -> str:
    if row.applicable == "否":
        return "本项指标不适用，不计分。"
    if scores.unscored:  # a framework without scores (common_53): no score to state
        return ""
    s = row_score(scores, row)
    return f"自评得分{fmt_score(s, missing=row_score_missing(row))}分。"


def _weight_text(row: Row, scores: Scores) -> str:
    """A row's 分值 as the report prints it: 「10分」; a 分值 typed as text that is no number
    (「10分」) as the cell shows it, marked as left out of the 分值合计 (the workbook's SUMPRODUCT
    skips it; PX009 names the cell); 「（未填写）」 when the cell is empty."""
    w = row_weight(scores, row)
    if w is not None:
        return f"{fmt_score(w)}分"
    typed = _t(row.weight if row.weight is not None else row.unreadable.get("weight"))
    if typed:
        return f"“{typed}”（非数字，未计入分值合计）"
    return "（未填写）"


def indicator_paragraph(number: str, name: str, row: Row, scores: Scores) -> str:
    """「（1）预算编制合理性（5分）。<说明>自评得分5分。」; a 分值 typed as text that is no number:
    「（1）预算编制合理性（分值“5分”（非数字，未计入分值合计））。…」."""
    w = row_weight(scores, row)
    weight = f"（{fmt_score(w)}分）" if w is not None else f"（分值{_weight_text(row, scores)}）"
    return f"{number}{name}{weight}。{evidence(row.explanation)}{_score_sentence(row, scores)}"


def _group(rows: list[Row], key: str) -> list[tuple[str, list[Row]]]:
    groups: list[tuple[str, list[Row]]] = []
    for r in rows:
        label = _t(r.get(key))
        if groups and groups[-1][0] == label:
            groups[-1][1].append(r)
        else:
            groups.append((label, [r]))
    return groups


def _weight(rows: list[Row], scores: Scores, stated: str | None = None) -> str:
    """Σ of the applicable rows' weights; when a weight is missing, the typed group weight
    (``stated`` column of the first row) if any."""
    weights = [row_weight(scores, r) for r in rows if r.applicable != "否"]
    if any(w is None for w in weights) and stated and num(rows[0].get(stated)) is not None:
        return fmt_score(num(rows[0].get(stated)))
    return fmt_score(total(weights), missing="（未填写）")


def system_analysis(rows: list[Row], scores: Scores) -> list[dict[str, Any]]:
    """Groups of the 指标体系 table: ``[{"heading", "sections": [{"heading", "paras"}]}]``
    (the key is not "items": Jinja would read a dict's ``items`` method).

    A 二级指标 with one indicator of the same (or no) 三级 name is written as one paragraph:
    「4. 人员管理（2分）。<说明>自评得分2分。」 with no paragraphs under it.
    """
    out = []
    for i, (level1, rows1) in enumerate(_group([r for r in rows if r.level3 or r.level2
                                                 or r.level1], "level1"), 1):
        sections = []
        for j, (level2, rows2) in enumerate(_group(rows1, "level2"), 1):
            single = len(rows2) == 1 and _t(rows2[0].level3) in ("", level2)
            if not level2:
                # indicators straight under the 一级指标
                sections.append({"heading": "", "paras": [
                    indicator_paragraph(heading_ordinal(3, k), _t(r.level3), r, scores)
                    for k, r in enumerate(rows2, 1)]})
                continue
            if single:
                sections.append({"heading": indicator_paragraph(
                    f"{heading_ordinal(3, j)} ", level2, rows2[0], scores), "paras": []})
                continue
            sections.append({
                "heading": (f"{heading_ordinal(3, j)} {level2}。指标分值"
                            f"{_weight(rows2, scores, 'level2_weight')}分。"),
                "paras": [indicator_paragraph(heading_ordinal(4, k), _t(r.level3), r, scores)
                          for k, r in enumerate(rows2, 1)],
            })
        out.append({"heading": f"{heading_ordinal(2, i)}{level1 or '其他指标'}"
                               f"（{_weight(rows1, scores, 'level1_weight')}分）",
                    "sections": sections})
    return out


def bonus_paragraphs(rows: list[Row], scores: Scores) -> list[str]:
    """「加减分项：<项目>，每项1分，最多3分，共2次，得分2分。<说明>」 per filled 加减分 row.
    A 说明 typed alike on several rows (one text about all the 加减分项) is printed once, after
    the first of them."""
    out = []
    said: set[str] = set()
    for r in rows:
        if not (r.item or r.score_stated is not None or r.points_each is not None):
            continue
        parts = [f"加减分项：{_t(r.item)}"]
        if num(r.points_each) is not None:
            parts.append(f"每项{fmt_score(num(r.points_each))}分")
        if num(r.cap) is not None:
            parts.append(f"最多{fmt_score(num(r.cap))}分")
        if num(r.count) is not None:
            parts.append(f"共{fmt_score(num(r.count))}次")
        parts.append(f"得分{fmt_score(row_score(scores, r))}分")
        explanation = _t(r.explanation)
        if explanation in said:
            explanation = ""
        said.add(explanation)
        out.append("，".join(parts) + "。" + explanation)
    return out


def project_analysis(rows: list[Row], scores: Scores) -> list[dict[str, Any]]:
    """A project's indicators grouped by 一级指标: ``[{"heading", "paras"}]``, each paragraph
    「数量指标“…”：年度指标值…，实际完成值…，分值10分，得分10分。<偏差原因>」."""
    out = []
    for i, (level1, rows1) in enumerate(_group(rows, "level1"), 1):
        items = []
        for k, r in enumerate(rows1, 1):
            name = _t(r.level3) or _t(r.level2)
            text = (f"{heading_ordinal(3, k)} {_t(r.level2) + '：' if r.level2 else ''}"
                    f"{_end(name)}"
                    f"年度指标值：{_t(r.target_text) or fmt_typed(num(r.target), missing='—')}；"
                    f"实际完成值：{_t(r.actual_text) or fmt_typed(num(r.actual), missing='—')}；"
                    f"分值{_weight_text(r, scores)}，")
            text += _score_sentence(r, scores).replace("自评得分", "得分")
            if r.deviation:
                text += f"偏差原因分析及改进措施：{_end(_t(r.deviation))}"
            items.append(text)
        out.append({"heading": f"{heading_ordinal(2, i)}{level1 or '其他指标'}"
                               f"（{_weight(rows1, scores)}分）", "paras": items})
    return out
