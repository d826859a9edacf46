"""PX636: a table's row of changes in % under the rows of the two years it compares.

「2015年 | 2840 | 90 | … | 73」, 「2016年 | 2364 | 12 | … | 37」, 「2016年比2015年增减% | -16.77 | … |
-47.95」: each cell of the last row is (2016 − 2015) ÷ 2015 × 100 of its column; 73 → 37 is −49.32,
not −47.95.  The columns are told apart by position only: the three rows must hold the same
number of figures and nothing else, so no header is needed (a table pasted a cell a line).
"""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import quantize
from perfxl.draft.tables import figure_of
from perfxl.draft.tables_grid import row_year as _year

#: a row of changes: 「2016年比2015年增减%」「增长率(%)」「变动率」
_CHANGE_ROW = re.compile(r"(?:增减|增长|变动|增幅|降幅|同比)[^\d]{0,4}(?:%|率|幅度)")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
#: a column of rates (执行率(%)、占比): its change is often written in 个百分点, not ÷ the base
_RATE_COLUMN = re.compile(r"率|%|％|比重|占比|百分")
#: a mean yearly rate over a period (年均增长率): not the change from one row to the next
_MEAN = re.compile(r"年均|平均|每年")

_TABLE = ("2024年与2023年“三公”经费决算对比（单位：万元）\n"
          "年度\n|\n合计\n|\n公务接待费\n|\n公务用车费\n|\n2023年\n|\n120\n|\n40\n|\n80\n|\n"
          "2024年\n|\n90\n|\n30\n|\n60\n|\n2024年比2023年增减%\n|\n-25.00\n|\n{r}\n|\n-25.00\n")


def _column_name(rows, i: int, col: int) -> str:
    """The header of cell ``col`` of ``rows[i]``: the row's own header (right-aligned to the
    cells), else the row above when it has as many cells and no number; or ``""``."""
    row = rows[i]
    if row.header:
        k = col - (len(row.cells) - len(row.header))
        return row.header[k] if 0 <= k < len(row.header) else ""
    if i > 0:
        up = rows[i - 1]
        if len(up.cells) == len(row.cells) and not any(c.number for c in up.cells):
            return up.cells[col].text
    return ""


def _figures(doc, row):
    """The row's figures after its label, or ``None`` when a cell is anything else."""
    cells = row.cells[1:]
    figs = [figure_of(doc, c) if c.number else None for c in cells]
    return None if not figs or None in figs else figs


@rule("PX636", "draft-table-change-row", "error",
      title="表中增减率一行与其上两个年度的数字不符",
      message="表中“{row}”一行第 {col} 个数写 {stated}，而其上 {y1} 年 {v1}、{y2} 年 {v2}，"
              "({v2} − {v1}) ÷ {v1} × 100 = {expected_text}；请改为 {expected_text}",
      cases=[fails("增减率按别的数算", at="30", expected=-25, text=_TABLE.format(r="-20.00")),
             passes("增减率与两年数字相符", text=_TABLE.format(r="-25.00"))])
def table_change_row(ctx):
    """表中一行写“Y2年比Y1年增减%”（增长率、变动率……）而紧挨在它上面的两行分别是 Y1 年、
    Y2 年的数字时，这一行每一格应等于同一列的 (Y2 − Y1) ÷ Y1 × 100，按所写末位的半个单位
    （及两年数字各自末位的舍入）比较。

    需要确定：三行除行名外都只有数字、个数相同（按位置对列，不需表头）；上面两行的行名只是
    年度（“2015年”“2016年决算数”），且与增减行所写的两个年度一致（增减行没写年度时，下面
    一行的年度晚于上面一行）；增减行不是“年均 / 平均”增长率（那是一段时期的平均数）；表头写明
    是比率的列（“执行率(%)”“占比”）不核对，其增减常以百分点写。
    合格：2023 年 40、2024 年 30，增减 −25.00。
    不合格：2015 年 73、2016 年 37，增减写 −47.95（应为 −49.32）。
    """
    doc = ctx.doc
    for t in ctx.tables:
        rows = t.rows
        for i in range(2, len(rows)):
            r3 = rows[i]
            if not _CHANGE_ROW.search(r3.label) or _MEAN.search(r3.label):
                continue
            r1, r2 = rows[i - 2], rows[i - 1]
            y1, y2 = _year(r1.label), _year(r2.label)
            named = [int(y) for y in _YEAR.findall(r3.label)]
            if y1 is None or y2 is None or y2 <= y1 or (named and sorted(named) != [y1, y2]):
                continue
            f1, f2, f3 = _figures(doc, r1), _figures(doc, r2), _figures(doc, r3)
            if None in (f1, f2, f3) or not (len(f1) == len(f2) == len(f3)):
                continue
            for col, (a, b, r) in enumerate(zip(f1, f2, f3), 1):
                if a.value == 0 or r.unit not in ("", "%") or _RATE_COLUMN.search(
                        _column_name(rows, i - 2, col)):
                    continue
                # each year's figure rounded to its last digit (a whole 万元 too): the rate
                # may be anywhere between the ends of that interval
                ta, tb = a.tol, b.tol
                if a.value - ta <= 0:
                    continue
                ends = [(b.value + db - a.value - da) / (a.value + da) * 100
                        for da in (-ta, ta) for db in (-tb, tb)]
                lo, hi = min(ends) - r.tol, max(ends) + r.tol
                if lo - Decimal("1e-9") <= r.value <= hi + Decimal("1e-9"):
                    continue
                x = quantize((b.value - a.value) / a.value * 100, max(r.places, 2))
                text = f"{x:f}"
                c = r3.cells[col]
                yield Hit((c.start, c.end), expected=float(text), actual=float(r.value), unit="%",
                          args={"row": re.sub(r"\s+", "", r3.label), "col": col,
                                "stated": c.text.strip(), "y1": y1, "y2": y2,
                                "v1": r1.cells[col].text.strip(), "v2": r2.cells[col].text.strip(),
                                "expected_text": text})
