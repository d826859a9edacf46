"""PX622–PX623: blocks of a table (a total row and the numbered / 其中 rows under it): the rows'
columns against the total row, and an item number used twice in one table.

Helpers (``perfxl.draft.tables`` gives the rows):

* ``logical_rows(doc, table)``: the table's rows (``perfxl.draft.tables`` splits a row glued to
  the next one), header rows marked.
* ``item_number(text)``: the item number a row's label opens with ("3、", "(2)", "二、") as
  ``(level, number, span)``; levels as the headings' (一、=1, (一)=2, 1.=3, (1)=4).  A cell that
  numbers its own list ("1.招商引资项目；2.外经外贸规模") is no numbered row.
* ``blocks(doc, rows)``: every total row with the rows that break it down.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.claims import NUMBERING
from perfxl.draft.common import amount_in, place_of, quantize, shown
from perfxl.draft.numbers import Figure, cn_count
from perfxl.draft.tables import _BLANK, Cell, Table, _is_header, figure_of
from perfxl.numbers import fmt_fixed

__all__ = ["LRow", "logical_rows", "item_number", "blocks", "Block"]

#: a second item of a list written inside one cell ("1.招商引资项目； 2.外经外贸规模")
_INNER = {1: r"[一二三四五六七八九十]{1,3}\s*、", 2: r"\(\s*[一二三四五六七八九十]{1,3}\s*\)",
          3: r"\d{1,2}\s*[.、](?!\d)", 4: r"\(\s*\d{1,2}\s*\)"}
_QIZHONG = re.compile(r"^\s*其中\s*[:,、]?")
_TOTAL_WORDS = ("合计", "总计", "小计", "总额", "合  计", "总  计")
#: columns whose figures do not add up (rates, targets, achieved values)
_NOT_ADDITIVE = ("率", "指标值", "完成值", "目标值", "偏差", "%", "比重", "占比", "增幅", "增长")


def item_number(text: str) -> tuple[int, int, tuple[int, int]] | None:
    """``(level, number, (start, end))`` of the item number ``text`` opens with (offsets in
    ``text``), or ``None``; full-width forms must already be ASCII (``Doc.text``)."""
    for level, rx in NUMBERING:
        m = rx.match(text)
        if not m:
            continue
        if re.search(r"[;,。\s]\s*" + _INNER[level], text[m.end():]):
            return None  # a list inside the cell, not the row's number
        n = m.group("n")
        num = int(n) if n.isdigit() else (cn_count(n) or 0)
        lead = len(text) - len(text.lstrip())
        return (level, num, (lead, m.end())) if num else None
    return None


@dataclass
class LRow:
    """A row of a table as read, or one of two rows glued together."""

    cells: list[Cell]
    header: list[str] | None
    is_header: bool = False

    @property
    def label_cell(self) -> Cell | None:
        """The first non-empty cell, when it holds words (not a figure)."""
        for c in self.cells:
            if c.text.strip():
                return None if c.number else c
        return None

    @property
    def label(self) -> str:
        c = self.label_cell
        return c.text.strip() if c is not None else ""

    def number(self, doc) -> tuple[int, int, tuple[int, int]] | None:
        """The row's item number with its span in ``doc.text``."""
        c = self.label_cell
        if c is None:
            return None
        got = item_number(doc.text[c.start:c.end])
        if got is None:
            return None
        level, num, (a, b) = got
        return level, num, (c.start + a, c.start + b)

    @property
    def qizhong(self) -> bool:
        return bool(_QIZHONG.match(self.label))

    @property
    def has_figures(self) -> bool:
        return any(c.number for c in self.cells)


def logical_rows(doc, table: Table) -> list[LRow]:
    """The rows of ``table`` (glued rows already split by ``perfxl.draft.tables``), header
    rows marked."""
    return [LRow(r.cells, None, True) if r.header is None and _is_header(r.cells)
            else LRow(r.cells, r.header) for r in table.rows]


def _key(doc, row: LRow, i: int) -> int:
    """The column of ``row.cells[i]``: its grid column in a .docx table, else its place
    counted from the right (the last columns of a pasted table line up, the first may not)."""
    u = doc.units[doc.unit_at(row.cells[i].start)]
    return u.col if u.in_table else i - len(row.cells)


def _column_name(row: LRow, i: int) -> str:
    if row.header:
        j = i - (len(row.cells) - len(row.header))
        if 0 <= j < len(row.header) and row.header[j].strip():
            return re.sub(r"\s+", "", row.header[j])
    return f"第 {i + 1} 列"


@dataclass
class Block:
    total: LRow
    parts: list[LRow]
    kind: str  # "numbered": the parts are the whole; "其中": they may be only the main ones


def _is_total_word(label: str) -> bool:
    return any(w in re.sub(r"\s+", "", label) for w in _TOTAL_WORDS)


def _numbered_parts(doc, rows: list[LRow], i: int, level: int) -> list[LRow]:
    """The rows numbered 1, 2, 3… at ``level`` after ``rows[i]``, skipping what breaks them
    down (deeper numbers, a 其中 row and the unnumbered rows after it)."""
    parts, last, inner = [], 0, False
    for r in rows[i + 1:]:
        if r.is_header:
            break
        n = r.number(doc)
        if n is None:
            if r.qizhong:
                inner = True
                continue
            if inner and not _is_total_word(r.label):
                continue
            break
        lv, num, _ = n
        if lv > level:
            continue
        if lv < level or num != last + 1:
            break  # a shallower heading, a number repeated or skipped: the block has ended
        parts.append(r)
        last, inner = num, False
    return parts


def _qizhong_parts(doc, rows: list[LRow], i: int) -> list[LRow]:
    """The 其中 row after ``rows[i]`` and the rows after it that belong to it: every row that
    opens with 其中 when the second one does, else the unnumbered rows up to a numbered one,
    a total word, or the point where the parts already make the total."""
    parts = [rows[i + 1]]
    each = i + 2 < len(rows) and rows[i + 2].qizhong
    for r in rows[i + 2:]:
        if (r.is_header or r.number(doc) is not None or _is_total_word(r.label)
                or (each and not r.qizhong) or not r.label):
            break
        cols = _columns(doc, rows[i], parts, complete=False)
        if cols and all(c.adds_up for c in cols):
            break  # the parts so far make the total: what follows is not one of them
        parts.append(r)
    return parts


def _closes(doc, above: LRow, level: int) -> bool:
    """Whether an unnumbered row after ``above`` closes a run of items numbered at ``level``
    (a 小计 / 合计 written below its items) rather than opening the run after it."""
    n = above.number(doc)
    return n is not None and n[0] == level and n[1] > 1


def blocks(doc, rows: list[LRow]) -> list[Block]:
    """Every row with figures followed by rows that break it down: numbered from 1 at a level
    deeper than its own, or opening with 其中."""
    out = []
    for i, r in enumerate(rows[:-1]):
        if r.is_header or not r.has_figures or not r.label:
            continue
        nxt = rows[i + 1]
        own = r.number(doc)
        n = nxt.number(doc)
        if n is not None and n[1] == 1 and (own is None or own[0] < n[0]):
            if own is None and i and _closes(doc, rows[i - 1], n[0]):
                continue  # 「1、会议费 / 2、培训费 / 小计 / 1、办公费…」: a total below its items
            parts = _numbered_parts(doc, rows, i, n[0])
            if len(parts) >= 2:
                out.append(Block(r, parts, "numbered"))
        elif nxt.qizhong and not r.qizhong:
            parts = _qizhong_parts(doc, rows, i)
            if parts:
                out.append(Block(r, parts, "其中"))
    return out


@dataclass
class Column:
    name: str
    cell: Cell
    stated: Figure
    parts: list[Figure]
    blanks: int
    sum: Decimal
    adds_up: bool  # within rounding
    wrong: bool    # to report: off, and not explained by blank cells / parts not listed


def _fig(doc, c: Cell | None) -> Figure | None:
    if c is None or not c.number:
        return None
    f = figure_of(doc, c)
    return f if f is not None and not f.rate and f.unit not in ("other", "年") else None


def _tol(figs: list[Figure]) -> Decimal:
    """What rounding can explain: half a unit of the coarsest last digit, at least half a unit
    of the last decimal (the second at least) of every figure (``perfxl.checks.sumrel.slack``)."""
    coarse = max(f.tol_yuan for f in figs)
    every = sum((Decimal(5).scaleb(-max(2, f.places) - 1) * (f.tol_yuan / f.tol) for f in figs),
                Decimal(0))
    return max(coarse, every)


def _cell_at(doc, row: LRow, key: int) -> Cell | None:
    for j, c in enumerate(row.cells):
        if _key(doc, row, j) == key:
            return None if c is row.label_cell else c
    return None


def _columns(doc, total: LRow, parts: list[LRow], *, complete: bool) -> list[Column]:
    """The total row's additive columns with their parts.  A blank part cell may hide any
    amount, and a 其中 list may name only the main parts (``complete=False``): such a column is
    only wrong when the parts written already exceed the total."""
    out = []
    pasted = not doc.units[doc.unit_at(total.cells[0].start)].in_table
    if pasted and any(len(p.cells) != len(total.cells) for p in parts):
        # a pasted row shorter than its total row (a 其中 row giving only the amounts, its 分值 /
        # 执行率 / 得分 cells merged away): which column each figure is under cannot be told
        return out
    for i, c in enumerate(total.cells):
        name = _column_name(total, i)
        st = _fig(doc, c)
        if st is None or any(w in name for w in _NOT_ADDITIVE):
            continue
        key = _key(doc, total, i)
        figs, blanks, other = [], 0, False
        for p in parts:
            cell = _cell_at(doc, p, key)
            f = _fig(doc, cell)
            if f is not None:
                figs.append(f)
            elif cell is not None and not _BLANK.match(cell.text):
                other = True  # words or a rate under an amount: another layout
                break
            else:
                blanks += 1
        units = {f.unit for f in figs + [st]}
        if other or not figs or (len(units) > 1 and not all(f.money for f in figs + [st])):
            continue
        s = sum((f.value_yuan for f in figs), Decimal(0))
        gap = s - st.value_yuan
        adds_up = abs(gap) <= _tol([st, *figs]) + Decimal("1e-9")
        wrong = (not adds_up and not any(f.value < 0 for f in figs)
                 and (gap > 0 or (complete and not blanks)))
        out.append(Column(name, c, st, figs, blanks, s, adds_up, wrong))
    return out


_SANGONG = ("\t经费控制情况(万元)\n\t2022年决算数\n\t2023年预算数\n\t2023年决算数\n\n"
            "\t三公经费\n\t11.37\n\t55.77\n\t5.76\n\n"
            "\t1、公务用车购置和维护经费\n\t8.97\n\t19.68\n\t4.95\n\n"
            "\t2、出国经费\n\t\n\t13.12\n\t\n\n"
            "\t3、公务接待\n\t2.4\n\t{budget}\n\t{spent}\n")


@rule("PX622", "draft-table-breakdown", "warning",
      title="表中合计行不等于其下各分项行之和（表格可能错位）",
      message="表中“{row}”行与其下 {n} 个分项行不符：{columns}；请核对各分项是否写全、"
              "表格各列是否错位",
      cases=[fails("三公经费预算列：分项之和 33.61，合计写 55.77", at="8", expected=33.61,
                   text=_SANGONG.format(budget="0.81", spent="793.24")),
             fails("其中各行之和超过合计", at="2", expected=130,
                   text="\t项目支出\n\t100\n\n\t其中：专项A\n\t70\n\n\t专项B\n\t60\n"),
             passes("各列分项之和等于合计（接待预算 22.97）",
                    text=_SANGONG.format(budget="22.97", spent="0.81")),
             passes("分项留空：空格可能是未填的数，写出的分项之和未超过合计",
                    text=_SANGONG.format(budget="", spent="0.81")),
             fails("其中各行以“其他资金”结束：列全了，之和少于合计", at="2", expected=90,
                   text="\t年度资金总额\n\t100\n\n\t其中：财政拨款\n\t60\n\n\t其他资金\n\t30\n"),
             passes("其中只列了主要分项",
                    text="\t项目支出\n\t1793.17\n\n\t其中：现代服务业资金\n\t320\n\n"
                         "\t其中：招商引资资金\n\t115\n")])
def table_breakdown(ctx):
    """表中一行合计（“三公经费”）下面跟着编号的分项行（“1、公务用车……”“2、出国经费”
    “3、公务接待”，从 1 起连续编号，跳过各分项自己的“其中”行）或“其中”行时，各列分项之和
    应等于合计行同一列（按所写各数最粗的末位、并计入各数四舍五入的尾差比较）。执行率等比率
    列不加总。分项留空的列、“其中”只列主要分项的列，只在写出的分项之和已超过合计时报告；
    “其中”各行以“其他资金 / 其他收入”一行结束时，各行就是全部分项，之和少于合计同样报告。
    一个合计行报告一次，消息列出每一个不符的列。表格由 PDF / Word 转成文字后常错位，故为警告。
    紧跟在编号分项（2 号及以后）之后的“小计 / 合计”行是上面各项的合计，不是其下各项的合计。

    合格：三公经费 11.37 / 55.77 / 5.76，分项 8.97 + 2.4 = 11.37、19.68 + 13.12 + 22.97 =
    55.77、4.95 + 0.81 = 5.76。
    不合格：seed 004 基础数据表第 79 行“三公经费 11.37 / 55.77 / 5.76”，第 104 行“3、公务
    接待 2.4 / 0.81 / 793.24”：预算列 19.68 + 13.12 + 0.81 = 33.61 ≠ 55.77，决算列
    4.95 + 793.24 = 798.19 ≠ 5.76（该行错位）。
    """
    doc = ctx.doc
    for t in ctx.tables:
        rows = logical_rows(doc, t)
        for b in blocks(doc, rows):
            cols = [c for c in _columns(doc, b.total, b.parts,
                                        complete=b.kind == "numbered" or _rest_last(b))
                    if c.wrong]
            if not cols:
                continue
            texts = []
            for c in cols:
                parts = " + ".join(shown(doc, f) for f in c.parts)
                blank = f"（另有 {c.blanks} 格空白）" if c.blanks else ""
                texts.append(f"“{c.name}”：分项 {parts} = {_num(doc, c.sum, c.stated)}{blank}，"
                             f"合计行写 {shown(doc, c.stated)}")
            first = cols[0]
            yield Hit((first.cell.start, first.cell.end), expected=float(first.sum),
                      actual=float(first.stated.value_yuan),
                      args={"row": b.total.label, "n": len(b.parts), "columns": "；".join(texts)})


#: a last 其中 row that is the rest (「其他资金」「其他收入」): with it the rows are every part
_REST_ROW = re.compile(r"^(?:其中\s*[:：]?\s*)?其他(?:资金|收入|支出)?$")


def _rest_last(b: Block) -> bool:
    """Whether a 其中 block ends with the row of the rest, so it names every part."""
    return b.kind == "其中" and len(b.parts) >= 2 and bool(
        _REST_ROW.match(re.sub(r"\s+", "", b.parts[-1].label)))


def _num(doc, x: Decimal, like: Figure) -> str:
    """A sum written like the total it is compared with (unit, decimals, thousands commas)."""
    if like.unit:
        return amount_in(x, like)
    return fmt_fixed(float(quantize(x, like.places)), like.places,
                     thousands="," in shown(doc, like))


def _grouped_number(doc, r: LRow) -> tuple[int, int, tuple[int, int]] | None:
    """The item number of a row whose first cell is an unnumbered group name (a merged
    一级指标 cell: 「效益指标 | 1、社会效益 | …」), from the next cell of words, or ``None``."""
    c0 = r.label_cell
    if c0 is None or item_number(doc.text[c0.start:c0.end]) is not None:
        return None
    after = [c for c in r.cells if c.start > c0.start and c.text.strip()]
    if not after or after[0].number:
        return None
    got = item_number(doc.text[after[0].start:after[0].end])
    if got is None:
        return None
    level, num, (a, b) = got
    return level, num, (after[0].start + a, after[0].start + b)


@rule("PX623", "draft-table-item-number", "warning", title="同一张表中序号重复",
      message="序号“{number}”重复（另见{where}）；请核对编号，或该行是否与上一行粘连、错位",
      cases=[fails("2、公务接待一行之后粘着又一个 2、", at="12",
                   text="\t经费控制情况(万元)\n\t预算数\n\t决算数\n\n\t1、公务用车\n\t3\n\t2\n\n"
                        "\t2、公务接待\n\t1\n\t1\n\t2、会议费\n\t5\n\t4\n"),
             passes("各级标题下序号重新从 1 起",
                    text="\t项目\n\t预算数\n\t决算数\n\n\t一、基本支出\n\t10\n\t9\n\n"
                         "\t1、工资福利\n\t6\n\t5\n\n\t2、商品服务\n\t4\n\t4\n\n"
                         "\t二、项目支出\n\t5\n\t5\n\n\t1、专项A\n\t3\n\t3\n\n\t2、专项B\n\t2\n\t2\n"),
             passes("两张表各自编号",
                    text="\t收入表\n\n\t1、财政拨款\n\t5\n\n\t2、其他收入\n\t1\n\n"
                         "\t支出表\n\n\t1、基本支出\n\t4\n\n\t2、项目支出\n\t2\n")])
def table_item_number(ctx):
    """一张表里同一级的序号（“3、”“(2)”“二、”）只能用一次：重复的序号多是两行粘在了一起或
    表格错位（seed 004 第 108 行“3、本级专项资金”紧跟在“3、公务接待”一行的数字之后）。
    换了一张表、出现上一级序号（“二、”下面的“1、”）或序号重新从 1 起时，编号重新计；
    第一列是不编号的分组名、第二列才有序号的行（绩效指标表“效益指标 | 1、社会效益”，第一列
    是合并的一级指标）开始新的一组，编号也重新计。
    单元格里自己列出的“1.…；2.…”不是行的序号。

    合格：“一、基本支出 / 1、工资福利 / 2、商品服务 / 二、项目支出 / 1、专项A”。
    不合格：“3、公务接待 2.4 0.81 793.24 3、本级专项资金 320 320”（seed 004 第 104、108 行）。
    """
    doc = ctx.doc
    for t in ctx.tables:
        seen: dict[tuple[int, int], int] = {}  # (level, number) -> where it was first used
        for r in logical_rows(doc, t):
            if r.is_header:
                seen.clear()
                continue
            n = r.number(doc)
            if n is None:
                n = _grouped_number(doc, r)
                if n is None:
                    continue
                seen.clear()  # 「效益指标 | 1、社会效益」: a first-column group starts numbering anew
            level, num, (a, b) = n
            for k in [k for k in seen if k[0] > level or (k[0] == level and num == 1)]:
                del seen[k]  # a new heading above, or the numbering starts again
            if (level, num) in seen:
                c = r.label_cell
                yield Hit((c.start, c.end), expected=None, actual=num,
                          args={"number": doc.raw[a:b].strip(), "where": place_of(doc, seen[(level, num)], column=False)})
                continue
            seen[(level, num)] = a
