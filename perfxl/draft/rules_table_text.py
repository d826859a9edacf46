"""PX624–PX626: the draft's tables against its prose — the 编制数 of the 基础数据表 against the
编制 the prose lists, a breakdown the prose gives without its total against that total in a
table, one amount written in the prose and in a table with two values.

A table figure is read from a label/value pair of a row (``perfxl.draft.tables.pairs``:
"项目支出： | 1793.17") or from the 编制数 column; a prose figure is any figure outside the
tables.  Names are compared after ``perfxl.glossary.QUANTITY_SYNONYMS`` (专项资金 = 项目支出).
Every finding is placed on the prose, which names the table.
"""
from __future__ import annotations

import re
from decimal import Decimal
from itertools import combinations

from perfxl.checks.registry import Hit, fails, passes, rule
from perfxl.draft.common import amount_in, per_draft, place_of, quantity_name, quote, shown
from perfxl.draft.numbers import UNIT_SCALE, Figure, open_paren
from perfxl.draft.tables import figure_of, norm_label, pairs
from perfxl.draft.units import money_in
from perfxl.glossary import QUANTITY_SYNONYMS

_SYN = sorted(QUANTITY_SYNONYMS.items(), key=lambda kv: -len(kv[0]))
_LEAD = re.compile(r"^(?:其中|合计|总计|共计|共|含|为)+")
#: what may stand before a quantity's name in the prose without changing it: the unit's name,
#: "共支出", "包括省级", "全年实际"…
_ENTITY = re.compile(r"^.*(?:局|委|办|中心|单位|部门|本级|机关)")
_FILL = re.compile(r"(?:包括|含)(?:省级|市级|县级|上级)?|全年|本年度?|年度|实际|累计|合计|共计|共|"
                   r"完成|支出|使用|安排|发生|了|的")


def key(label: str) -> str:
    """The quantity a label names, in the tables' words ("其中:基本支出：" -> "基本支出",
    "共支出专项资金" -> "共支出项目支出")."""
    s = _LEAD.sub("", quantity_name(norm_label(label)))
    for word, canon in _SYN:
        s = s.replace(word, canon)
    return s


def same_quantity(prose: str, table: str) -> bool:
    """The prose label ``prose`` names the table's quantity ``table`` (both ``key``\\ s): equal,
    or ending with it behind only the unit's name and verbs ("局机关包括省级共支出项目支出" /
    "项目支出"; not "市级项目支出")."""
    if len(table) < 2:
        return False
    if prose == table:
        return True
    if not prose.endswith(table):
        return False
    rest = _ENTITY.sub("", prose[:-len(table)])
    return not _FILL.sub("", rest)


@per_draft
def _in_tables(ctx) -> set[int]:
    """Units that hold a table cell."""
    return {ctx.doc.unit_at(c.start) for t in ctx.tables for r in t.rows for c in r.cells}


@per_draft
def _prose(ctx):
    """Every figure of the prose (outside the tables) with its sentence."""
    cells = _in_tables(ctx)
    for f, sent in ctx.claims.all:
        i = ctx.doc.unit_at(f.start)
        if i not in cells and not ctx.doc.units[i].in_table:
            yield f, sent


def _where(ctx, t, cell) -> str:
    at = place_of(ctx.doc, cell.start)
    return f"“{t.label}”{at}" if t.title else f"表中{at}"


def _table_pairs(ctx):
    for t in ctx.tables:
        for r in t.rows:
            for p in pairs(ctx.doc, t, r):
                k = key(p.label.text)
                if len(k) >= 2:
                    yield t, p, k


_TABLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_BUDGETS = ("年初预算", "年中调整", "调整预算", "全年预算", "预算")


def _dated(t, p) -> str:
    """The words that date and stage a pair's value: the table's title and, when the rows above
    it open with a row of text only and as many cells, that row's cell over the value
    (「项目 | 2022年年初预算数」)."""
    head, row = None, None
    for r in t.rows:
        if any(c is p.value for c in r.cells):
            row = r
            break
        if len(r.cells) >= 2 and not any(c.number for c in r.cells):
            head = r
    over = ""
    if row is not None and head is not None and len(head.cells) == len(row.cells):
        over = next(h.text for h, c in zip(head.cells, row.cells) if c is p.value)
    return f"{t.title} {over}"


def _other_identity(ctx, f: Figure, t, p) -> bool:
    """The table names for its value a year or a stage that is not the prose amount's: a budget
    table beside a sentence of spending, a table of the year before (``perfxl.draft.quantities``
    stages; a prose amount naming no stage is the report's spending)."""
    from perfxl.draft.quantities import stage_of
    words = _dated(t, p)
    years = {int(y) for y in _TABLE_YEAR.findall(words)}
    if years and (f.year or ctx.doc.year) not in years:
        return True
    ts, fs = stage_of(words), stage_of(f.label)
    return bool(ts) and ts != fs and (bool(fs) or ts in _BUDGETS)


def _yuan(value: Decimal, unit: str) -> Decimal:
    return value * UNIT_SCALE[unit]


def _unit_of(f: Figure) -> str | None:
    return {"万": "万元", "亿": "亿元"}.get(f.unit, f.unit) if f.money else None


def _half(places: int, unit: str) -> Decimal:
    return Decimal(5).scaleb(-places - 1) * UNIT_SCALE[unit]


# --------------------------------------------------------------------------------------------
# PX624 编制

_STAFF_UNITS = ("名", "人", "个")
_NOT_AUTH = re.compile(r"实有|在职|实际|现有|在编|离退休|退休|临聘|聘用|借调|挂职")
_TYPES = re.compile(r"行政|事业|工勤|参公|参照公务员|机关")

_STAFF_TABLE = ("\t基础数据表\n\n\t财政供养人员情况\n\t编制数\n\t实际在职人数\n\t控制率\n\n"
                "\t\n\t{n}\n\t53\n\t{rate}\n")


def _name(f: Figure) -> str:
    """"本局核定行政编制" -> "行政编制"."""
    return re.sub(r"^(?:.*?(?:核定|核对))?(?:共有|有)?", "", f.label) or f.label


def _authorized(f: Figure) -> bool:
    return f.unit in _STAFF_UNITS and "编" in f.label and not _NOT_AUTH.search(f.label)


#: A 编制 sentence naming the 编制 of another unit than the reporting one.
_OTHER_UNIT = re.compile(r"所属|下属|二级单位|另核定")


def _staff_statement(ctx):
    """The prose's first statement of the 编制: (total or None, parts) — "核定编制81名，其中：行政
    编制54名…" or "核定行政编制54名，财政全额事业编制25名，工勤编制2名" (a sentence opening
    with 其中 details one of them and is not read)."""
    by_sent: dict = {}
    for f, sent in _prose(ctx):
        by_sent.setdefault(sent, []).append(f)
    for (a, b), figs in by_sent.items():
        if re.match(r"\s*其中", ctx.doc.flat[a:b]):
            continue
        if {int(y) for y in _TABLE_YEAR.findall(ctx.doc.flat, a, b)} - {ctx.doc.year}:
            continue  # 编制 of another year (or of two years) named: not the table's
        if _OTHER_UNIT.search(ctx.doc.flat, a, b):
            continue  # 「所属事业单位另核定事业编制25名」: the scopes are written, the table may be one
        out: list[Figure] = []
        for f in figs:
            if f.unit not in _STAFF_UNITS or open_paren(ctx.doc.flat, a, f.start) is not None:
                continue  # 「事业编制25名（其中参公10名）」: a detail of the type before
            if _NOT_AUTH.search(f.label):
                break
            if _authorized(f) or (out and _TYPES.search(f.label)):
                out.append(f)
        if not out:
            continue
        first = out[0]
        if not _TYPES.search(first.label):  # "核定编制81名，其中：…"
            return first, out[1:]
        if len(out) >= 2:
            return None, out
    return None


@rule("PX624", "draft-table-staff", "warning", title="表中编制数与正文所列编制不一致",
      message="“{quote}”：正文所列编制合计 {total} 名，{where}编制数写 {stated}{subset}；"
              "请在表中注明编制数的口径，或使两处一致",
      cases=[fails("表中编制数只算了行政、工勤编制", at="1", expected=81,
                   text="核定行政编制54名，财政全额事业编制25名，工勤编制2名。\n"
                        + _STAFF_TABLE.format(n=56, rate="94.64%")),
             fails("正文写了编制总数", at="1", expected=21,
                   text="核定编制 21 名，其中：行政编制 14 名、事业编制 5 名、工勤编制 2 名。\n"
                        + _STAFF_TABLE.format(n=56, rate="94.64%")),
             passes("表中编制数等于正文所列之和",
                    text="核定行政编制54名，财政全额事业编制25名，工勤编制2名。\n"
                         + _STAFF_TABLE.format(n=81, rate="65.43%")),
             passes("正文另写明了表中编制数的口径",
                    text="核定编制81名，其中：行政编制54名、事业编制25名、工勤编制2名。\n"
                         "财政供养人员编制数56人，实际在职人数53人。\n"
                         + _STAFF_TABLE.format(n=56, rate="94.64%"))])
def table_staff(ctx):
    """基础数据表的“编制数”应与正文“机构设置 / 人员情况”所列的编制一致（在职人员控制率 =
    实际在职人数 ÷ 编制数，domain.md 第 2 节、第 5 节第 10 项：编制数为机构编制部门核定数）。
    正文写了编制总数（“核定编制 81 名，其中……”）就与总数比，只分类列出（行政、事业、工勤）
    就与各类之和比。表中数恰是其中几类之和时，多半是表只算了机关、未含所属事业单位，说明
    哪几类；口径可能确实不同，故为警告。正文另有一处写出与表中相同的编制数时不报告（口径
    已写明）。括号里的“其中”（事业编制 25 名（其中参公 10 名））是前一类的明细，不另计；
    一句写了报告年度以外的年份（两年的编制对照）时，这句不是表中编制数的口径，不比较；一句分别
    写了本级与所属（下属、二级）单位的编制时，口径已写明，不比较。

    合格：“核定行政编制 54 名，事业编制 25 名，工勤编制 2 名”，表中编制数 81。
    不合格：同样的正文，表中编制数 56 = 54 + 2（未含事业编制 25；seed 004 第 22 行与第 65–70 行）。
    """
    got = _staff_statement(ctx)
    if got is None:
        return
    total, parts = got
    stated_total = total.value if total is not None else sum(p.value for p in parts)
    # a 编制数 of the whole stated elsewhere in the prose ("财政供养人员编制数56人")
    stated = [f.value for f, _ in _prose(ctx) if _authorized(f) and not _TYPES.search(f.label)]
    done = set()
    for t in ctx.tables:
        for r in t.rows:
            c = r.column(("编制数",))
            f = figure_of(ctx.doc, c) if c is not None and c.number else None
            if f is None or f.value in done or f.value == stated_total or f.value in stated:
                continue
            done.add(f.value)
            subset = ""
            for n in range(1, len(parts)):
                hit = next((s for s in combinations(parts, n)
                            if sum(p.value for p in s) == f.value), None)
                if hit:
                    left = [p for p in parts if p not in hit]
                    subset = ("，恰为" + " + ".join(f"{_name(p)} {shown(ctx.doc, p)}" for p in hit)
                              + "，未含" + "、".join(f"{_name(p)} {shown(ctx.doc, p)}" for p in left))
                    break
            figs = ([total] if total is not None else []) + parts
            start, end = figs[0].label_start, figs[-1].end
            yield Hit((start, end), expected=float(stated_total), actual=float(f.value),
                      args={"quote": quote(ctx.doc, start, end),
                            "total": format(stated_total.normalize(), "f"),
                            "where": _where(ctx, t, c), "stated": shown(ctx.doc, f),
                            "subset": subset})


# --------------------------------------------------------------------------------------------
# PX625 a breakdown without its total, against the total in a table

#: "1、基本支出具体使用情况：a；b；c" — the quantity broken down, then its parts (no total).
_BREAKDOWN = re.compile(
    r"\s*(?:\d{1,2}\s*[、.]|\(\S{1,3}\)|[一二三四五六七八九十]+、)?\s*(?:(?P<y>(?:19|20)\d\d)\s*年度?)?"
    r"\s*(?P<x>[^,;:。()\d]{2,24}?)"
    r"(?:的)?(?P<how>具体使用情况|使用情况|支出情况|具体情况|构成情况|具体构成|构成|组成|明细|"
    r"主要包括|包括|具体为|分别为|主要用于|用于)\s*(?:如下)?\s*[:,]")

_SELF_TABLE = ("\t部门整体支出绩效自评表\n\n\t单位：万元\n\n\t\n\t一般公共预算：\n\t3667.49\n\t其中:基本支出：\n"
               "\t{basic}\n\n\t\n\t纳入专户管理的非税收入拨款：\n\t79.41\n\t项目支出：\n\t{project}\n")
_BASIC = ("1、基本支出具体使用情况：工资福利支出为924.72万；商品和服务支出为265.4万；"
          "对个人和家庭的补助为1009.27万；资本性支出为2.94万。\n")


def _unstated_breakdowns(ctx):
    """(quantity key, its words, parts, partial) for each sentence that breaks a quantity down
    without stating it ("基本支出具体使用情况：工资福利支出为924.72万；…")."""
    flat = ctx.doc.flat
    by_sent: dict = {}
    for f, sent in _prose(ctx):
        by_sent.setdefault(sent, []).append(f)
    for (a, b), figs in by_sent.items():
        m = _BREAKDOWN.match(flat, a, b)
        if not m:
            continue
        if any(f.start < m.end() for f in figs if f.money):
            continue  # the total is stated: PX604 checks it
        if m.group("y") and ctx.doc.year and int(m.group("y")) != ctx.doc.year:
            continue  # another year's breakdown: not the table's quantity
        parts = [f for f in figs if f.money and f.start not in ctx.claims.prior
                 and open_paren(flat, a, f.start) is None  # 「（其中社保缴费 100 万元）」: a detail
                 and "上年" not in f.label and not re.search(r"增加|减少|节约|结余$", f.label)]
        if len(parts) < 2 or len({_unit_of(p) for p in parts}) > 1:
            continue
        x = key(m.group("x"))
        partial = "主要" in m.group("how") or "用于" in m.group("how") or "等" in flat[parts[-1].end:b]
        yield x, m.group("x").strip(), parts, partial


@rule("PX625", "draft-table-breakdown", "warning", title="正文所列分项之和不等于表中的合计",
      message="“{quote}”：正文所列各项 {parts} 之和为 {sum_text}，{where}“{label}”写 {stated}"
              "（相差 {gap}{note}）；请核对分项或表中数，使两处一致",
      cases=[fails("分项之和比表中基本支出多 0.01 万元", at="1", expected=2202.33,
                   text=_BASIC + _SELF_TABLE.format(basic="2202.32", project="1793.17")),
             fails("全角标点、元与万元", at="1", expected=22023300,
                   text="（一）基本支出构成：工资福利支出 9,247,200.00 元，商品和服务支出 2,654,000.00 元，"
                        "对个人和家庭的补助 10,092,700.00 元，资本性支出 29,400.00 元。\n"
                        + _SELF_TABLE.format(basic="2202.32", project="1793.17")),
             passes("分项之和等于表中基本支出",
                    text=_BASIC + _SELF_TABLE.format(basic="2202.33", project="1793.17")),
             passes("正文写了合计（PX604 的事）",
                    text="基本支出 2202.32 万元，其中：工资福利支出924.72万元；商品和服务支出265.40万元；"
                         "对个人和家庭的补助1009.27万元；资本性支出2.94万元。\n"
                         + _SELF_TABLE.format(basic="2202.32", project="1793.17"))])
def table_breakdown(ctx):
    """正文只列分项、不写合计（“基本支出具体使用情况：工资福利支出 924.72 万；商品和服务支出
    265.4 万；……”）时，各分项之和应等于表中同名的数（自评表“其中：基本支出 2202.32”）。
    差额超过表中数末位的半个单位即报告；差额在各数四舍五入的尾差以内（每个数末位的半个
    单位之和）时注明，多半是分项与合计分别由元折算，仍应统一。只列“主要”分项（主要用于、
    ……等）时，分项之和小于表中数不报告。正文写了合计的由 PX604 核对。分项可能另有口径，
    故为警告。句首写了报告年度以外的年份（“2021年基本支出构成：……”）时不是表中的数，不比较；
    分项后括号里的数（“（其中社会保障缴费 100 万元）”）是该分项的明细，不另计。

    合格：分项之和 2202.33，表中基本支出 2202.33。
    不合格：924.72 + 265.4 + 1009.27 + 2.94 = 2202.33，表中基本支出 2202.32（seed 004 第 27 行与
    第 149–150 行）。
    """
    table = list(_table_pairs(ctx))
    for x, words, parts, partial in _unstated_breakdowns(ctx):
        for t, p, k in table:
            if not same_quantity(x, k):
                continue
            unit = p.unit or _unit_of(parts[0])
            s = sum((q.value_yuan for q in parts), Decimal(0))
            total = _yuan(p.figure.value, unit)
            gap = abs(s - total)
            slack = sum((q.tol_yuan for q in parts), _half(p.figure.places, unit))
            # a table that does not state its unit is compared only for a rounding-size gap
            if (gap <= _half(p.figure.places, unit) + Decimal("1e-9") or (partial and s < total)
                    or (p.unit is None and gap > slack)):
                break
            like = parts[0]
            start, end = parts[0].label_start, parts[-1].end
            (want, got), in_unit = money_in(like, s, total)
            yield Hit((start, end), expected=want, actual=got, unit=in_unit,
                      args={"quote": quote(ctx.doc, start, end),
                            "parts": " + ".join(shown(ctx.doc, q) for q in parts),
                            "sum_text": amount_in(s, like), "where": _where(ctx, t, p.value),
                            "label": words, "stated": shown(ctx.doc, p.figure),
                            "gap": amount_in(gap, like),
                            "note": "，在各数四舍五入的尾差以内" if gap <= slack else ""})
            break


# --------------------------------------------------------------------------------------------
# PX626 one amount in the prose and in a table


@per_draft
def table_restatements(ctx):
    """(prose figure, table, pair, the pair's value in 元, gap in 元, one unit of the coarser last
    digit in 元) for each prose amount naming the quantity of a table pair with another value,
    then of a year-row table's cell (``perfxl.draft.rules_table_grid``)."""
    from perfxl.draft.rules_table_grid import grid_restatements
    yield from grid_restatements(ctx)
    table = list(_table_pairs(ctx))
    if not table:
        return
    by_key: dict[str, list[int]] = {}  # a pair's key -> its places in ``table``
    for i, (_t, _p, tk) in enumerate(table):
        by_key.setdefault(tk, []).append(i)
    year = ctx.doc.year
    for f, _sent in _prose(ctx):
        if (not f.money or f.start in ctx.claims.prior or f.year not in (None, year)
                or "上年" in f.label):
            continue
        k = key(f.label)
        # the pairs whose key ends the prose key, in table order (``same_quantity`` decides)
        near = sorted(i for j in range(len(k) - 1) for i in by_key.get(k[j:], ()))
        for t, p, tk in (table[i] for i in near):
            if not same_quantity(k, tk) or _other_identity(ctx, f, t, p):
                continue
            unit = p.unit or _unit_of(f)
            tv = _yuan(p.figure.value, unit)
            gap = abs(f.value_yuan - tv)
            # one unit of the coarser last digit of the two, in 元
            one = 2 * max(_half(f.places, _unit_of(f)), _half(p.figure.places, unit))
            if gap > one / 2 + Decimal("1e-9"):
                yield f, t, p, tv, gap, one
            break


_GRID = ("2024年度“三公”经费决算说明\n本单位2024年“三公”经费决算支出 150 万元。具体情况是：公务接待费"
         " 40 万元，公车购置及运行费 {car} 万元。\n2024年与2023年“三公”经费决算对比\n"
         "年度 | 合计 | 公务接待费 | 公车购置及运行维护费 | 合计 | 车辆购置 | 车辆运行\n"
         "2023年 | 180 | 50 | 130 | 30 | 100\n2024年 | 150 | 40 | 110 | 20 | 90\n")


@rule("PX626", "draft-table-restated", "warning", title="正文与表中同一数字相差一个末位",
      message="“{quote}”：正文写 {stated}，{where}“{label}”写 {other}（相差 {gap}，末位差一）；"
              "请核对哪个正确并统一",
      cases=[fails("专项资金（项目支出）正文与表中差 0.01 万元", at="1", expected=1793.17,
                   text="局机关2023年包括省级共支出专项资金1793.18万元，大部分为专项资金。\n"
                        + _SELF_TABLE.format(basic="2202.32", project="1793.17")),
             fails("同名、全角数字", at="1", expected=1793.17,
                   text="本年项目支出１７９３．１６万元。\n"
                        + _SELF_TABLE.format(basic="2202.32", project="1793.17")),
             passes("两处一致", text="局机关2023年共支出专项资金1793.17万元。\n"
                    + _SELF_TABLE.format(basic="2202.32", project="1793.17")),
             passes("正文少写一位小数，四舍五入一致", text="项目支出 1793.2 万元。\n"
                    + _SELF_TABLE.format(basic="2202.32", project="1793.17")),
             passes("另一级次的专项资金不是项目支出", text="其中市级专项资金 1793.18 万元。\n"
                    + _SELF_TABLE.format(basic="2202.32", project="1793.17")),
             fails("按年度分行的表中同年、同阶段的一格差一个末位", at="2", expected=110,
                   text=_GRID.format(car=111)),
             passes("正文写的是预算，表中是决算",
                    text=_GRID.format(car=111).replace("决算支出", "预算安排"))])
def table_restated(ctx):
    """正文中的一个金额与表中同一数量（自评表的“项目支出：1793.17”这样的名称与数值一对）
    相差恰好一个末位（按两者中较粗的末位）：多半是一处按元合计后折算、一处由分项相加，或抄写时
    末位有误，应统一。名称按 ``perfxl.glossary.QUANTITY_SYNONYMS`` 对应（正文“专项资金”即表中
    “项目支出”），名称前只可有单位名和“共支出”“包括省级”之类的字样（“市级专项资金”不是项目
    支出）。相差超过一个末位、表中写明了单位（“(万元)”“单位：元”）的由 PX611（错误）报告；
    按所写位数四舍五入一致的不报告。

    合格：正文“共支出专项资金 1793.17 万元”，表中项目支出 1793.17。
    不合格：正文“共支出专项资金1793.18万元”，表中项目支出 1793.17（seed 004 第 31 行与第
    161–162 行）。

    按年度分行的表（表头首格为“年度”，每行一个年度：“2016年 | 2364 | 12 | …”）按表头读出
    每格是哪一年、哪一列的数；表头的一组（“公车购置及运行维护费 | 合计 | 车辆购置 | 车辆运行”）
    只在每一年该组的合计都等于其后几列之和时才认定其范围。正文金额与表中同名、同年、同阶段
    的一格比较（``perfxl.draft.rules_table_grid``），需要确定：名称（按同义词归一，括号中的
    分项为“上级/分项”）、年度（金额或本句写的年份，否则本段此前只写了一个年份）、阶段（金额
    自身的，否则本段此前各金额只有一种阶段；表的阶段取行名或表名、表上一行唯一的“决算”或
    “执行”）、不是增减额或上年数、未写资金范围。行为数量、列为某年决算（执行）数的表（“经费
    控制情况(万元) | 2022年决算数 | 2023年预算数 | 2023年决算数”）也这样读，只读表头恰为“某年
    决算数 / 执行数”的列。表未写单位时只在相差一个末位时提示；另有
    两格与正文同名金额按正文单位恰好相等时，表的单位即正文的单位。
    不合格：正文“公车购置及运行费 111 万元”，表中 2024 年“公车购置及运行维护费”一格 110。
    合格：正文写的是预算，或本段写了 2023、2024 两个年份而金额未写年份。
    """
    for f, t, p, tv, gap, one in table_restatements(ctx):
        if gap > one + Decimal("1e-9"):
            continue  # PX611
        yield Hit((f.label_start, f.end), expected=float(tv), actual=float(f.value_yuan),
                  args={"quote": quote(ctx.doc, f.label_start, f.end).strip(),
                        "stated": shown(ctx.doc, f), "where": _where(ctx, t, p.value),
                        "label": p.label.text.strip(" :："), "other": shown(ctx.doc, p.figure), "gap": amount_in(gap, f)})


def table_conflicts(ctx):
    """PX611's hits for a prose amount and a table pair of one quantity more than one unit of the
    coarser last digit apart (only when the table states its unit: a bare number in a table
    without "(万元)" may be in another unit than the prose)."""
    for f, t, p, tv, gap, one in table_restatements(ctx):
        if p.unit is None or gap <= one + Decimal("1e-9"):
            continue
        yield Hit((f.label_start, f.end), expected=float(tv), actual=float(f.value_yuan),
                  args={"quote": quote(ctx.doc, f.label_start, f.end).strip(), "label": f.label,
                        "stated": shown(ctx.doc, f), "where": _where(ctx, t, p.value),
                        "other": f"{shown(ctx.doc, p.figure)}（{p.unit}）" if not p.figure.money
                        else shown(ctx.doc, p.figure),
                        "fix": f"请核对哪个正确（相差 {amount_in(gap, f)}）"})
