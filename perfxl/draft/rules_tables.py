"""PX616–PX618: the tables of a draft (``perfxl.draft.tables``): a rate against the columns it is
computed from, the 执行率 score against 分值 × min(执行率, 1), the 总分 row against its column."""
from __future__ import annotations

import re
from decimal import Decimal

from perfxl.numbers import excel_round, fmt_fixed
from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import off, quotient_tol, rate_text, rounded_tol, shown
from perfxl.draft.tables import WEIGHT_NOTE, figure_of

#: rate column -> (numerator columns, denominator columns), domain.md §5 checks 2 and 10.
_RATES = {"执行率": (("全年执行数", "执行数", "决算数"), ("全年预算数", "预算数")),
          "控制率": (("实际在职人数", "在职人数", "实有人数", "决算数"), ("编制数", "预算数"))}

_STAFF = ("\t基础数据表\n\n\t财政供养人员情况\n\t编制数\n\t实际在职人数\n\t控制率\n\n"
          "\t\n\t56\n\t53\n\t{rate}\n")
_FUNDS = ("\t部门整体支出绩效自评表\n\n\t年度预算申请\n\t年初预算数\n\t全年预算数\n\t全年执行数\n"
          "\t分值\n\t执行率\n\t得分\n\n\t年度资金总额\n\t2161.19\n\t4128.02\n\t3995.49\n\t10\n"
          "\t{rate}\n\t{score}\n\n\t指标\n\t分值\n\t得分\n\n\t产出指标\n\t{w}\n\t{s}\n\n"
          "\t总  分\n\t{tw}\n\t{ts}\n")


def _row_name(r) -> str:
    """“年度资金总额”行, or 这一行 for a row with no name (the place names it)."""
    return f"“{r.name}”行" if r.name else "这一行"


def _q_tol(nf, df) -> Decimal:
    """How far nf ÷ df may move with its two figures correctly rounded."""
    return quotient_tol(nf.value, rounded_tol(nf, yuan=False), df.value,
                        rounded_tol(df, yuan=False))


_UNIT = re.compile(r"[（(]\s*(?:单位[:：]?)?\s*(元|万元|亿元)\s*[）)]")


def _header_unit(r, names: tuple[str, ...]) -> str:
    """The unit a column's header writes (「执行数（元）」), or ``""``."""
    for n in names:
        for h in r.header or ():
            if n in h:
                m = _UNIT.search(h)
                return m.group(1) if m else ""
    return ""


def _rate_rows(ctx):
    for t in ctx.tables:
        for r in t.rows:
            for word, (nums, dens) in _RATES.items():
                cell = r.column((word,))
                if cell is None or not cell.number:
                    continue
                rf = figure_of(ctx.doc, cell)
                n, d = r.column(nums), r.column(dens)
                nf = figure_of(ctx.doc, n) if n is not None and n.number else None
                df = figure_of(ctx.doc, d) if d is not None and d.number else None
                # a rate written without % is read only when it is 0 (0 is 0% either way;
                # 「1」 or 「100」 could be a fraction, a percent, or a cell out of place)
                if (rf is None or (rf.unit != "%" and (rf.unit or rf.value != 0)) or nf is None
                        or df is None or not df.value):
                    continue
                if len({_header_unit(r, nums), _header_unit(r, dens)} - {""}) > 1:
                    continue  # 「预算数（万元） | 执行数（元）」: two columns in two units
                yield r, word, cell, rf, nf, df, nf.value / df.value


@rule("PX616", "draft-table-rate", "error", title="表中的执行率（控制率）不等于其所在行的两列之比",
      message="表中{row}：{num} ÷ {den} = {expected_text}，{word}写 {stated}；请改为 {expected_text}",
      cases=[fails("控制率 94.00%，53 ÷ 56 = 94.64%", text=_STAFF.format(rate="94.00%"), at="11",
                   expected=94.64),
             fails("执行率、得分都写 0，金额算得 96.79%", at="16", expected=0.9679,
                   text=_FUNDS.format(rate="0", score="0", w=90, s=90, tw=100, ts=90)),
             passes("控制率正确", text=_STAFF.format(rate="94.64%"))])
def table_rate(ctx):
    """表格一行里的执行率 = 全年执行数 ÷ 全年预算数，控制率 = 实际在职人数 ÷ 编制数（domain.md
    第 5 节第 2、10 项），按所写百分数末位的半个单位比较。列由表头认出（表头右对齐到数据行，
    合并的首列不影响）。不带 % 的比率只认 0（0 即 0%；“1”“100”可能是小数、百分数或错位
    的格，不猜）。两列的表头写了不同的单位（“预算数（万元）”“执行数（元）”）时不比较。

    合格：“编制数 56、实际在职人数 53、控制率 94.64%”。
    不合格：“56 / 53 / 94.00%”（seed 004 基础数据表第 72 行）；“4128.02 / 3995.49 / 96.00%”
    （应为 96.79%，seed 004 第 139 行）。
    """
    for r, word, cell, rf, nf, df, x in _rate_rows(ctx):
        if off(rf.value / 100, x, rf.tol / 100 + _q_tol(nf, df)):
            yield Hit((cell.start, cell.end), expected=float(x), actual=float(rf.value / 100),
                      args={"row": _row_name(r), "num": shown(ctx.doc, nf),
                            "den": shown(ctx.doc, df), "word": word, "stated": shown(ctx.doc, rf),
                            "expected_text": rate_text(x, max(rf.places, 2))})


@rule("PX617", "draft-table-rate-score", "error", title="表中执行率得分不等于分值 × min(执行率, 1)",
      message="表中{row}：分值 {weight} × min({rate}, 100%) = {expected_text} 分，得分写 {stated}；"
              "请改为 {expected_text}",
      cases=[fails("得分按写错的执行率算", at="17", expected=9.679,
                   text=_FUNDS.format(rate="96.00%", score="9.60", w=90, s=90, tw=100, ts=99.6)),
             fails("分值写在表头：20 分 × 97.75% = 19.55", at="3", expected=19.55,
                   text="2024年度项目自评表\n预算执行情况（万元）（20分） | 预算数 | 执行数 | 执行率 | "
                        "得分（20分*执行率）\n年度财政资金总额 | 200 | 195.5 | 97.75% | 15.55\n"),
             passes("得分正确",
                    text=_FUNDS.format(rate="96.79%", score="9.68", w=90, s=90, tw=100, ts=99.68))])
def table_rate_score(ctx):
    """执行率得分 = 分值 × min(全年执行数 ÷ 全年预算数, 1)（domain.md 第 5 节第 2 项），执行率
    由同一行的两列算出，不用所写的执行率；按得分所写末位的半个单位比较。

    表中没有“分值”列时，分值取表头所写（“得分（20分*执行率）”，或表头第一格“（20分）”）。

    合格：“分值 10，执行 3995.49 / 预算 4128.02，得分 9.68”。
    不合格：得分 9.60（按写错的 96.00% 算；应为 9.68，seed 004 第 140 行）。
    """
    for r, word, cell, rf, nf, df, x in _rate_rows(ctx):
        if word != "执行率":
            continue
        w, s = r.column(("分值",)), r.column(("得分",))
        wf = figure_of(ctx.doc, w) if w is not None and w.number else None
        sf = figure_of(ctx.doc, s) if s is not None and s.number else None
        weight = (wf.value, shown(ctx.doc, wf)) if wf is not None else _header_weight(r)
        if weight is None or sf is None:
            continue
        # the workbook's MAX(0, MIN(执行率, 1)): a negative execution scores 0
        want = weight[0] * max(Decimal(0), min(x, Decimal(1)))
        if off(sf.value, want, sf.tol + weight[0] * _q_tol(nf, df)):
            yield Hit((s.start, s.end), expected=excel_round(float(want), 4), actual=float(sf.value),
                      args={"row": _row_name(r), "weight": weight[1],
                            "rate": rate_text(x, 2), "stated": shown(ctx.doc, sf),
                            "expected_text": fmt_fixed(float(want), max(sf.places, 2))})


#: the weight a form without a 分值 column writes in its header: 「得分（20分*执行率）」, or
#: 「预算执行情况（万元）（20分）」 in the first cell
_TIMES = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*分\s*[*×xX]\s*执行率")


def _header_weight(r) -> tuple[Decimal, str] | None:
    """(分值, as written) of the 执行率 row of a form that states it in its header and has no
    分值 column, else ``None``."""
    if not r.header or any("分值" in h for h in r.header):
        return None
    score = next((h for h in r.header if "得分" in h), "")
    m = _TIMES.search(score) or WEIGHT_NOTE.search(r.header[0])
    return (Decimal(m.group(1)), m.group(1)) if m else None


@rule("PX618", "draft-table-total", "error", title="表中总分行不等于各行分值（得分）之和",
      message="“{table}”总分行：各行{col}之和为 {sum}，总分写 {stated}；请核对",
      cases=[fails("执行率 10 分没有计入总分", at="28", expected=100,
                   text=_FUNDS.format(rate="96.79%", score="9.68", w=90, s=90, tw=90, ts=99.68)),
             passes("总分等于各行之和",
                    text=_FUNDS.format(rate="96.79%", score="9.68", w=90, s=90, tw=100, ts=99.68))])
def table_total(ctx):
    """自评表的“总分”行：分值应等于表中各行分值之和（含预算执行率一行的分值），得分应等于各行
    得分之和（domain.md 第 5 节第 3、8 项）。一张表从表名（“……自评表”）起到总分行止。

    需要确定：每一行的分值、得分都写了（某行有得分而分值空着，或有分值而得分空着、错位成
    别的数，如“93%”落在分值列，该列之和不能确定，不报告）。

    合格：执行率 10 分 + 指标 90 分 = 总分 100。
    不合格：指标已 100 分，又有执行率 10 分，总分仍写 100（seed 004 第 302 行）。
    """
    doc = ctx.doc
    for t in ctx.tables:
        sums = {"分值": Decimal(0), "得分": Decimal(0)}
        # the same since the .docx table the 总分 row is in began: a report may split one 自评表
        # in two Word tables (perfxl's own: the 年度资金总额 row, then the indicators), or put
        # two 自评表 one after the other with no title between
        local, word_table = dict(sums), None
        unknown = set()  # columns a row leaves unknown since the last 总分 row (see _gap)
        for r in t.rows:
            here = doc.units[doc.unit_at(r.cells[0].start)].table if r.cells else None
            if here != word_table:
                local, word_table = {k: Decimal(0) for k in sums}, here
            if r.label in ("总分", "合计", "总计"):
                for col, tot in sums.items():
                    c = r.column((col,), loose=True)
                    f = figure_of(doc, c) if c is not None and c.number else None
                    near = local[col] if local[col] else tot
                    if (f is not None and tot and col not in unknown and off(f.value, tot, f.tol)
                            and off(f.value, near, f.tol)):
                        yield Hit((c.start, c.end), expected=float(near), actual=float(f.value),
                                  args={"table": t.label or "表", "col": col,
                                        "sum": format(near.normalize(), "f"),
                                        "stated": shown(doc, f)})
                sums = {k: Decimal(0) for k in sums}
                local, unknown = dict(sums), set()
                continue
            unknown |= _gap(doc, r, tuple(sums))
            for col in sums:
                c = r.merged_column((col,))
                f = figure_of(doc, c) if c is not None and c.number else None
                if f is not None and f.unit in ("", "分"):
                    sums[col] += f.value
                    local[col] += f.value


def _gap(doc, r, cols: tuple[str, ...]) -> set[str]:
    """The columns whose sum a row leaves unknown: a row with a score in one of 分值 / 得分 and,
    under the other's header, a blank cell or a figure that is no score (「93%」: the row's cells
    shifted by a blank one, or a weight left unwritten)."""
    cells = {col: r.merged_column((col,)) for col in cols}
    scores = {col: c is not None and c.number and (f := figure_of(doc, c)) is not None
              and f.unit in ("", "分") for col, c in cells.items()}
    if not any(scores.values()):
        return set()
    return {col for col, c in cells.items() if c is not None and not scores[col]} and set(cols)
