"""PX633: a 自评表 pasted as text (or a .docx / PDF table) whose header row states the weight of
the block below it (「年度绩效指标（90分） | 一级指标 | … | 分值 | 得分」): the rows' 分值 must
add up to it, their 得分 must not exceed it.

The block is read by its header labels (``perfxl.draft.tables``): the rows under the header up
to the next header, a 总分 / 合计 row or the table's end.  An indicator row whose 一级 / 二级指标
cells are merged with the row above is read by its last columns, which always line up.
"""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import shown
from perfxl.draft.tables import WEIGHT_NOTE, Cell, Row, _is_header, figure_of

_TOTAL_ROW = ("总分", "合计", "总计")
_INDICATOR = ("一级指标", "二级指标", "三级指标")

_FORM = ("2024年度农村道路养护项目支出绩效自评表\n"
         "绩效指标（{head}分） | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
         "产出指标 | 数量指标 | 养护里程 | 120公里 | 126公里 | {w1} | {s1}\n"
         "质量指标 | 路面合格率 | ≥95% | 97% | 30 | 30\n"
         "效益指标 | 社会效益指标 | 群众出行条件改善 | 改善 | 改善 | 20 | 18\n"
         "满意度指标 | 满意度指标 | 沿线群众满意度 | ≥90% | 93% | 10 | 10\n")


def _cell(r: Row, col: str):
    """The number cell of ``r`` under the header column ``col`` (``Row.merged_column``)."""
    c = r.merged_column((col,))
    return c if c is not None and c.number else None


def _blocks(ctx):
    """(table, header row, the weight its first cell states as a ``Figure``, the rows under it
    up to the next header or 总分 row) for each indicator header that states a weight."""
    for t in ctx.tables:
        rows = t.rows
        for i, r in enumerate(rows):
            if r.header is not None or not r.cells or not _is_header(r.cells):
                continue
            head = [re.sub(r"\s+", "", c.text) for c in r.cells]
            if not any(w in h for h in head for w in _INDICATOR):
                continue
            m = WEIGHT_NOTE.search(r.cells[0].text)
            if not m:
                continue
            a = r.cells[0].start + m.start(1)
            f = figure_of(ctx.doc, Cell(m.group(1), a, a + len(m.group(1))))
            if f is None:
                continue
            body = []
            for b in rows[i + 1:]:
                if b.header is None or b.label in _TOTAL_ROW:
                    break
                body.append(b)
            yield t, r, f, body


@rule("PX633", "draft-form-weight-heading", "error",
      title="自评表中标题所写分值与其下各行分值（得分）之和不符",
      message="表中“{head}”：其下 {n} 行{col}之和为 {sum} 分，标题写 {stated} 分；"
              "请核对各行{col}或标题的分值",
      cases=[fails("各指标分值之和 100，标题写 90 分", at="2", expected=100,
                   text=_FORM.format(head=90, w1=40, s1=40)),
             fails("得分之和超过标题分值", at="2", expected=98,
                   text=_FORM.format(head=90, w1=30, s1=40)),
             passes("分值之和等于标题分值", text=_FORM.format(head=90, w1=30, s1=30)),
             passes("标题不写分值", text=_FORM.format(head="", w1=40, s1=40).replace("（分）", ""))])
def form_weight_heading(ctx):
    """自评表的表头行第一格写明其下一段指标的分值（“绩效指标（90分）”“年度绩效目标1（80分）”）
    时，其下各行（到下一个表头行、总分 / 合计行或表尾为止）“分值”列之和应等于它；只有“得分”
    列时，各行得分之和不应超过它（得分不超过分值）。表格按表头名称认列（表头与数据行右对齐，
    合并的一级 / 二级指标格不影响）。

    需要确定：表头行有“一级指标 / 二级指标 / 三级指标”列，第一格写“（N分）”；分值列的每一
    行都读到了数（有一行分值空白或读不出就不报告）。
    合格：“绩效指标（90分）”下分值 30 + 30 + 20 + 10 = 90。
    不合格：“绩效指标（90分）”下分值 40 + 30 + 20 + 10 = 100。
    """
    doc = ctx.doc
    for t, r, f, body in _blocks(ctx):
        if not body:
            continue
        cols = (("分值",) if any("分值" in c.text for c in r.cells) else ()) + ("得分",)
        for col in cols:
            figs, unread = [], False
            for b in body:
                c = _cell(b, col)
                g = figure_of(doc, c) if c is not None else None
                if g is None or g.unit not in ("", "分"):
                    unread = True
                    continue
                figs.append(g)
            if not figs:
                continue
            s = sum((g.value for g in figs), Decimal(0))
            slack = f.tol + sum((g.tol for g in figs), Decimal(0))
            # the weights must make the heading's; the scores may fall short of it, never exceed
            wrong = (abs(s - f.value) > slack and not unread) if col == "分值" else (
                s > f.value + slack)
            if wrong:
                cell = r.cells[0]
                yield Hit((cell.start, cell.end), expected=float(s), actual=float(f.value),
                          args={"head": re.sub(r"\s+", "", cell.text), "n": len(figs),
                                "col": col, "sum": format(s.normalize(), "f"),
                                "stated": shown(doc, f)})
                break
