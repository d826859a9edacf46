"""PX001–PX011: workbook hygiene — formula cells, cached values, choices, external links,
deleted defined names, text in number cells, number cells holding only spaces, print areas
that leave filled rows out.

These rules read ``Model.source`` (what the reader saw in the file: formula texts, cached values,
typed-over cells, external links); a model built in code has no source and they stay quiet.
Formula texts are compared with the template's (``perfxl.layout.LAYOUT.formula_cells``) only when
every table and named cell sits where the template puts it, since moved blocks legitimately
change the references.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from perfxl import derived
from perfxl import layout as L
from perfxl.checks.compare import fmt_num, is_number
from perfxl.checks.finding import ERROR, INFO, WARNING
from perfxl.checks.registry import fails, passes, rule
from perfxl.formula_text import same_formula
from perfxl.template_facts import formula_cells

_LAY = L.LAYOUT
#: (sheet, A1) -> the template's formula text (read from the cache folder, not expanded anew)
_TEMPLATE = formula_cells(_LAY)
_EXEC_RATE = _LAY.field_cell("execution_rate")
#: the first template formula naming a sheet in quotes (a score cell: '基本信息'!$B$13)
_SCORE_CELL = next(w for w, f in _TEMPLATE.items() if "'基本信息'!" in f)
_EXEC_SCORE = _LAY.field_cell("execution_score")
_STRING = re.compile(r'"(?:[^"]|"")*"')
_FUNC = re.compile(r"(?<![A-Za-z0-9_.$!'])((?:_xlfn\.|_xlws\.)?[A-Za-z][A-Za-z0-9._]*)\s*\(")


@lru_cache(maxsize=None)
def _label(sheet: str, cell: str) -> str:
    """The template's name for a formula cell: 「执行率（计算）」 or 「占比（计算）」."""
    for key in _LAY.fields:
        if _LAY.field_cell(key) == (sheet, cell):
            return _LAY.field(key).label
    for tkey, (sh, t) in _LAY.tables.items():
        if sh.name != sheet:
            continue
        for c in t.columns:
            if c.role == L.FORMULA and cell.startswith(_LAY.column_letter(tkey, c.key)):
                rest = cell[len(_LAY.column_letter(tkey, c.key)):]
                if rest.isdigit():
                    return f"{t.title}·{c.header}"
    return "计算单元格"


@rule("PX001", "formula-overwritten", ERROR, title="计算单元格的公式被改写为数值",
      message="“{label}”应为公式，现被改写为数值 {value}；请恢复公式（可从标准工作簿复制该单元格），"
              "需要填报的数请填在对应的“（填报）”单元格",
      cases=[
          fails("执行率（计算）被手工填成 0.96", at=f"{_EXEC_RATE[0]}!{_EXEC_RATE[1]}",
                source={"formulas": {_EXEC_RATE: None}, "typed_over": {_EXEC_RATE: 0.96}}),
          passes("公式完好", source={"formulas": {_EXEC_RATE: '=IFERROR($B$8/$B$7,"")'},
                                   "cached": {_EXEC_RATE: 0.9679}}),
      ])
def formula_overwritten(ctx):
    """标准工作簿中由公式计算的单元格（合计、执行率、得分……）被用户直接键入数值覆盖后，
    数据一改它也不会变，校验与评分都会被误导。

    合格：执行率（计算）单元格保留公式。
    不合格：执行率（计算）单元格被键入 0.96。
    """
    src = ctx.model.source
    if src is None:
        return
    for (sheet, cell), f in src.formulas.items():
        if f is None:
            v = src.typed_over.get((sheet, cell))
            shown = "（空）" if v is None or v == "" else (fmt_num(v) if is_number(v) else str(v))
            yield ctx.hit((sheet, cell), expected=_TEMPLATE.get((sheet, cell)),
                          actual=v, label=_label(sheet, cell), value=shown)


@lru_cache(maxsize=8192)
def _functions(formula: str) -> tuple[str, ...]:
    text = _STRING.sub('""', formula or "")
    return tuple(m.group(1) for m in _FUNC.finditer(text))


@lru_cache(maxsize=8192)
def _not_allowed(formula: str) -> tuple[str, ...]:
    """The functions of ``formula`` outside ``ALLOWED_FUNCTIONS``, sorted (cached: the same
    formula texts recur in every workbook of a template)."""
    return tuple(sorted({n for n in _functions(formula)
                         if re.sub(r"^_xl(fn|ws)\.", "", n).upper() not in L.ALLOWED_FUNCTIONS}))


@rule("PX002", "function-not-allowed", ERROR, title="公式使用了不允许的函数",
      message="公式使用了函数 {names}，不在 Excel、WPS、LibreOffice 都能计算的函数范围内（{allowed} 等）；"
              "请改用这些函数，或改为填写数值",
      cases=[
          fails("使用 XLOOKUP", at="收入!G5",
                source={"extra_formulas": {("收入", "G5"): "=XLOOKUP(A5,A:A,B:B)"}}),
          passes("SUM、IFERROR", source={"formulas": {("收入", "B13"): "=SUM($B$5:$B$10)"}}),
      ])
def function_not_allowed(ctx):
    """工作簿中的公式只能使用 Excel、WPS 与 LibreOffice 都能计算的函数
    （``perfxl.layout.ALLOWED_FUNCTIONS``：SUM、IF、IFERROR、ROUND、SUMIF……）；其他函数在某些
    软件中显示 #NAME?，而 formulas 计算引擎会把未知函数静默算成错误值。

    合格：=SUM($B$5:$B$10)。
    不合格：=XLOOKUP(A5,A:A,B:B)。
    """
    src = ctx.model.source
    if src is None:
        return
    cells = {**{k: v for k, v in src.formulas.items() if v}, **src.extra_formulas}
    for (sheet, cell), f in cells.items():
        if f == _TEMPLATE.get((sheet, cell)):  # the template's own formula: allowed functions only
            continue
        bad = _not_allowed(f)
        if bad:
            names = "、".join(re.sub(r"^_xl(fn|ws)\.", "", n).upper() for n in bad)
            yield ctx.hit((sheet, cell), expected=None, actual=names, names=names,
                          allowed="、".join(sorted(L.ALLOWED_FUNCTIONS)[:8]))


def _computed(model, key=None, table=None, row=None, column=None):
    """What the template formula of a field / table cell gives for this model (``None`` when
    perfxl has no twin of it, or the cell's row holds no data)."""
    if key is not None:
        fn = getattr(derived, key, None)
        return fn(model) if callable(fn) else None
    fns = {("income", "share"): lambda r: derived.income_share(model, r),
           ("exp_function", "change"): derived.function_row_change,
           ("exp_function", "change_rate"): derived.function_row_change_rate,
           ("exp_function", "share"): lambda r: derived.function_row_share(model, r),
           ("projects", "execution_rate"): derived.project_execution_rate,
           ("projects", "execution_score"): derived.project_execution_score,
           ("projects", "score_total"): lambda r: derived.project_score_total(model, r),
           ("bonus", "score"): derived.bonus_row_score,
           ("dept_indicators", "score"): lambda r: derived.indicator_row_score(model, r),
           ("project_indicators", "score"): lambda r: derived.indicator_row_score(model, r)}
    fn = fns.get((table, column))
    return None if fn is None or row is None else fn(row)


def _formula_cells(ctx):
    """((sheet, cell), field key or None, table or None, row or None, column or None)."""
    m = ctx.model
    for key, (_s, _b, f) in _LAY.fields.items():
        if f.role == L.FORMULA:
            yield m.field_cell(key), key, None, None, None
    for tkey, (_s, t) in _LAY.tables.items():
        for c in t.columns:
            if c.role == L.FORMULA:
                for r in m.rows(tkey):
                    yield m.cell(tkey, r.index, c.key), None, tkey, r, c.key


def _same(a, b) -> bool:
    if is_number(a) and is_number(b):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    return a == b


@rule("PX003", "stale-cache", WARNING, title="计算单元格显示的值与数据不符（未重新计算）",
      message="“{label}”显示 {cached}，按当前数据应为 {computed}；工作簿保存时未重新计算（或计算被设为手动）。"
              "请在 Excel/WPS 中按 F9 重新计算后保存",
      cases=[
          fails("执行率显示 90.00%，数据给出 96.79%", at=f"{_EXEC_RATE[0]}!{_EXEC_RATE[1]}",
                values={"budget_full": 4128.02, "executed": 3995.49},
                source={"formulas": {_EXEC_RATE: '=IFERROR($B$8/$B$7,"")'},
                        "cached": {_EXEC_RATE: 0.9}}),
          passes("显示值与数据一致", values={"budget_full": 4128.02, "executed": 3995.49},
                 source={"formulas": {_EXEC_RATE: '=IFERROR($B$8/$B$7,"")'},
                         "cached": {_EXEC_RATE: 3995.49 / 4128.02}}),
      ])
def stale_cache(ctx):
    """工作簿保存的计算结果（缓存值）应与按当前数据重新计算的结果一致；不一致说明文件保存时
    没有重算（手动计算模式，或被其他程序改过数据），打开文件的人看到的是旧数。只比较文件自带的
    缓存值（没有缓存值的文件由读取器重算，不存在此问题）。

    合格：执行率单元格缓存 0.967895，数据 3995.49 ÷ 4128.02。
    不合格：缓存 0.90，数据给出 96.79%。
    """
    src = ctx.model.source
    if src is None or not src.has_cached_values:
        return
    for where, key, table, row, col in _formula_cells(ctx):
        if src.formulas.get(where) is None:
            continue
        cached = src.cached.get(where)
        if cached is None or cached == "":
            continue
        comp = _computed(ctx.model, key, table, row, col)
        if comp is None or (is_number(cached) != is_number(comp)):
            continue
        if not _same(cached, comp):
            shown = (lambda v: fmt_num(v) if is_number(v) else str(v))
            yield ctx.hit(where, expected=comp, actual=cached, label=_label(*where),
                          cached=shown(cached), computed=shown(comp))


def _standard(ctx) -> bool:
    src = ctx.model.source
    return (all(src.table_rows.get(t, _LAY.first_data_row(t)) == _LAY.first_data_row(t)
                for t in _LAY.tables)
            and all(src.field_cells.get(k, _LAY.field_cell(k)) == _LAY.field_cell(k)
                    for k in _LAY.fields))


@rule("PX004", "formula-changed", WARNING, title="公式与标准模板不同",
      message="“{label}”的公式与标准模板不同{more}：现为 {found}，模板为 {template}；请从标准工作簿"
              "复制公式（或用 perfxl new 生成新模板后粘贴数据）",
      cases=[
          fails("执行率改成 ÷ 年初预算数", at=f"{_EXEC_RATE[0]}!{_EXEC_RATE[1]}",
                source={"formulas": {_EXEC_RATE: '=IFERROR($B$8/$B$4,"")'}}),
          passes("LibreOffice 另存：工作表名不加引号",
                 source={"formulas": {_SCORE_CELL: _TEMPLATE[_SCORE_CELL]
                                      .replace("'基本信息'!", "基本信息!")}}),
          passes("与模板相同（忽略空格与大小写）",
                 source={"formulas": {_EXEC_RATE: _TEMPLATE[_EXEC_RATE].lower().replace(",", ", ")
                                      .replace('""', '""')}}),
      ])
def formula_changed(ctx):
    """各计算单元格的公式应与标准模板相同（按公式的含义比较：忽略空格、大小写、工作表名的引号与
    _xlfn. 前缀，LibreOffice / WPS 另存的工作簿因此不算改动）。只在所有表格、命名单元格都在
    模板原位时比较；同一表格同一列的多处改动合并为一条。

    合格：执行率 =IFERROR($B$8/$B$7,"")。
    不合格：执行率被改成 =IFERROR($B$8/$B$4,"")（除以年初预算数）。
    """
    src = ctx.model.source
    if src is None or not _standard(ctx):
        return
    groups: dict[str, list] = {}
    for where, f in src.formulas.items():
        tmpl = _TEMPLATE.get(where)
        if f is None or tmpl is None or same_formula(f, tmpl):
            continue
        groups.setdefault(_label(*where), []).append((where, f, tmpl))
    for label, items in groups.items():
        where, f, tmpl = items[0]
        a, b = _snippets(f, tmpl)
        yield ctx.hit(where, expected=tmpl, actual=f, label=label,
                      more=f"（共 {len(items)} 处，首处 {where[1]}）" if len(items) > 1 else "",
                      found=a, template=b)


def _snippets(found: str, template: str, width: int = 48) -> tuple[str, str]:
    """The two formulas around their first difference (whole when short)."""
    if len(found) <= width and len(template) <= width:
        return found, template
    i = next((k for k, (x, y) in enumerate(zip(found, template)) if x != y),
             min(len(found), len(template)))
    lo = max(0, i - 12)

    def cut(s: str) -> str:
        return ("…" if lo else "") + s[lo:lo + width] + ("…" if len(s) > lo + width else "")
    return cut(found), cut(template)


def _choice_ok(value, choices) -> bool:
    if choices == "frameworks":
        from perfxl.frameworks import resolve_id
        return resolve_id(str(value)) is not None
    return value in choices


@rule("PX005", "invalid-choice", ERROR, title="选项单元格的值不在可选范围内",
      message="“{label}”填写“{value}”，不在可选值（{choices}）中；请从下拉列表中选择",
      cases=[
          fails("金额单位填“千元”", at="amount_unit", values={"amount_unit": "千元"}),
          fails("评价框架未知", at="framework", values={"framework": "beijing_2030"}),
          passes("万元、hunan_dept", values={"amount_unit": "万元", "framework": "hunan_dept"}),
      ])
def invalid_choice(ctx):
    """下拉选项单元格（金额单位、评价框架、指标性质、方向、达成程度、是否适用、增减方向、资金来源）
    的值必须是可选值之一；粘贴数据会绕过下拉列表的限制。

    合格：金额单位“万元”，评价框架“hunan_dept”。
    不合格：金额单位“千元”；评价框架“beijing_2030”（没有这个框架）。
    """
    from perfxl.frameworks import available
    for key, (_s, _b, f) in _LAY.fields.items():
        v = ctx.value(key)
        if (f.kind == L.CHOICE and f.choices and v not in (None, "")
                and not _choice_ok(v, f.choices)):
            choices = available() if f.choices == "frameworks" else f.choices
            yield ctx.hit(ctx.at(key), expected="、".join(choices), actual=v, label=f.label,
                          value=v, choices="、".join(choices))
    for tkey, (_s, t) in _LAY.tables.items():
        for c in t.columns:
            if c.kind != L.CHOICE or not c.choices:
                continue
            for r in ctx.rows(tkey):
                v = r.values.get(c.key)
                if v not in (None, "") and v not in c.choices:
                    yield ctx.hit(ctx.at_row(r, c.key), expected="、".join(c.choices), actual=v,
                                  label=f"{t.title}的{c.header}", value=v,
                                  choices="、".join(c.choices))


@rule("PX006", "external-links", WARNING, title="工作簿含外部链接",
      message="工作簿引用了其他文件（{links}）；发给他人后这些数据无法更新，也可能泄露本机路径。"
              "请在 Excel 的“数据 → 编辑链接 → 断开链接”后保存",
      cases=[
          fails("引用了另一个工作簿", at="!",
                source={"external_links": ["file:///C:/财务/2023决算.xlsx"]}),
          passes("没有外部链接", source={"external_links": []}),
      ])
def external_links(ctx):
    """标准工作簿不应引用其他文件（外部链接）：对方打开时数据无法更新或提示安全警告，路径还会
    泄露本机目录。

    合格：没有外部链接。
    不合格：引用了 C:/财务/2023决算.xlsx。
    """
    src = ctx.model.source
    if src is not None and src.external_links:
        links = "、".join(src.external_links[:3]) + ("……" if len(src.external_links) > 3 else "")
        yield ctx.hit(("", ""), expected=None, actual="；".join(src.external_links), links=links)


@rule("PX007", "formula-in-input", INFO, title="填报单元格含公式",
      message="“{cellref}”是填报单元格，却含公式 {formula}；perfxl 读取其计算结果，请确认公式引用的"
              "数据正确，或改为填写数值",
      cases=[
          fails("全年预算数写成 =2161.19+1966.83", at="部门自评表!B6",
                source={"extra_formulas": {("部门自评表", "B6"): "=2161.19+1966.83"}}),
          passes("填报单元格为数值", source={"extra_formulas": {}}),
      ])
def formula_in_input(ctx):
    """填报（输入）单元格中的公式不会被 perfxl 改写，但其结果取决于公式引用的数据，且文件缓存值
    可能过期；提示用户确认，或改填数值。

    合格：全年预算数填写数值 4128.02。
    不合格：全年预算数填写 =2161.19+1966.83。
    """
    src = ctx.model.source
    if src is None:
        return
    for (sheet, cell), f in src.extra_formulas.items():
        yield ctx.hit((sheet, cell), actual=f, cellref=f"{sheet}!{cell}", formula=f)


_DEPT_NAME = _LAY.field_cell("department_name")


@rule("PX008", "names-deleted", WARNING, title="命名单元格被删除，按标准位置读取",
      message="本表有 {count} 个命名单元格（{names}）已被删除或引用无效；perfxl 按标准工作簿的位置读取"
              "了这些项（各行标签与标准一致）。若移动过行或单元格，读取的数据可能不对：请在"
              "“公式→名称管理器”中恢复这些名称，或用 `perfxl new` 生成标准工作簿后把数据复制过去",
      cases=[
          fails("部门名称的命名单元格 pf_department_name 被删除", at=f"{_DEPT_NAME[0]}!{_DEPT_NAME[1]}",
                source={"unnamed_fields": {"department_name": _DEPT_NAME}}),
          passes("命名单元格齐全", source={"unnamed_fields": {}}),
      ])
def names_deleted(ctx):
    """perfxl 按定义名称（pf_…）找到每个填报项。名称被删除（或引用变成 #REF!）时，perfxl 按标准
    工作簿的位置读取该项，前提是该行 A 列的标签与标准一致，否则拒绝读取（退出码 2）；按位置读取的
    每张工作表给出一条警告，提醒用户恢复名称（issue 15）。

    合格：所有命名单元格都在。
    不合格：pf_department_name 被删除，部门名称按 基本信息!B4 读取。
    """
    src = ctx.model.source
    if src is None or not src.unnamed_fields:
        return
    by_sheet: dict[str, list[tuple[str, str]]] = {}
    for key, (sheet, cell) in src.unnamed_fields.items():
        by_sheet.setdefault(sheet, []).append((key, cell))
    for sheet, items in by_sheet.items():
        names = [_LAY.field(k).name for k, _c in items]
        shown = "、".join(names[:3]) + (f" 等 {len(names)} 个" if len(names) > 3 else "")
        yield ctx.hit((sheet, items[0][1]), actual=names, count=len(names), names=shown)


def _input_label(src, sheet: str, cell: str) -> str:
    """The template's name of an input cell as found in the file: 「全年预算数」 or 「表·列」."""
    for key, where in src.field_cells.items():
        if where == (sheet, cell):
            return _LAY.field(key).label
    m = re.match(r"([A-Z]+)(\d+)$", cell)
    for tkey, (sh, t) in _LAY.tables.items():
        first = src.table_rows.get(tkey, _LAY.first_data_row(tkey))
        if sh.name == sheet and m and first <= int(m.group(2)) < first + t.n_rows:
            for c in t.columns:
                if _LAY.column_letter(tkey, c.key) == m.group(1):
                    return f"{t.title}第 {int(m.group(2)) - first + 1} 行·{c.header}"
    return "填报单元格"


@rule("PX009", "number-as-text", ERROR, title="数字单元格填写了文本",
      message="“{label}”（{cellref}）{reason}；改正之前，引用此格的公式可能把它当作 0 或算不出结果，其余数据照常校验",
      cases=[
          fails("全年预算数填成文本“4,128.02”", at="部门自评表!B6",
                source={"number_text": {("部门自评表", "B6"):
                                        "应填写数字，现为文本“4,128.02”；请改为数字 4128.02"},
                        "field_cells": {"budget_full": ("部门自评表", "B6")}}),
          passes("数字单元格填写数值", source={"number_text": {}}),
      ])
def number_as_text(ctx):
    """金额、比率、分值等数字单元格中的文本（如“4,128.02”“96.79%”“１２３”）不是数字：下拉与
    求和会把它当作空格，合计与得分随之出错。perfxl 不改动该单元格，报告此错误，并按工作簿公式的
    读法继续校验其余数据（公式直接运算时 Excel 把“4,128.02”读作 4128.02；N()、SUM 等把它当作空）。

    合格：全年预算数填写数值 4128.02。
    不合格：全年预算数填写文本“4,128.02”（请改为数字 4128.02）。
    """
    src = ctx.model.source
    if src is None:
        return
    for (sheet, cell), reason in src.number_text.items():
        yield ctx.hit((sheet, cell), actual=reason, label=_input_label(src, sheet, cell),
                      cellref=f"{sheet}!{cell}", reason=reason)


@rule("PX010", "number-cell-spaces", WARNING, title="数字单元格只含空格",
      message="“{cellref}”是数字单元格，只含空格（看似空白，实为文字）；perfxl 和模板公式按空白读取，"
              "但引用它的其他公式可能显示 #VALUE! 或空白。请选中该单元格按 Delete 清除内容",
      cases=[
          fails("实际值（数值）只有一个空格", at="部门自评表!L19",
                source={"space_only": [("部门自评表", "L19")]}),
          passes("没有只含空格的数字单元格", source={"space_only": []}),
      ])
def number_cell_spaces(ctx):
    """数字单元格（金额、比率、分值、人数、数值）只含空格时，单元格看似空白，电子表格却把它当作
    文字：模板公式用 TRIM 判断空白，与 perfxl 一样按空白处理，但任何直接做算术的公式都会出错
    （#VALUE!）或得空值（issue 13 第 2 项）。提示用户清除。

    合格：数字单元格为空白或数字。
    不合格：实际值（数值）只填了一个空格。
    """
    src = ctx.model.source
    if src is None:
        return
    for sheet, cell in src.space_only:
        yield ctx.hit((sheet, cell), actual=" ", cellref=f"{sheet}!{cell}")


def _filled_rows(model, tkey: str) -> list[int]:
    """Sheet row numbers of the rows of open table ``tkey`` that hold a value."""
    first = _LAY.table(tkey).columns[0].key
    return sorted(int(model.cell(tkey, r.index, first)[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
                  for r in model.rows(tkey)
                  if any(v not in (None, "") for v in r.values.values()))


@rule("PX011", "print-area-cuts-rows", WARNING, title="打印区域未包含已填写的行",
      message="“{sheet}”的打印区域不含已填写的第 {rows} 行，打印时这些行会缺失；请在 Excel 的"
              "“页面布局 → 打印区域 → 设置打印区域”中选中要打印的行重新设置（或取消打印区域）",
      cases=[
          fails("空白模板的打印区域只到指标表的前 3 行，已填写 5 行", at="部门自评表!A22",
                rows={"dept_indicators": [{"level3": f"指标{i}"} for i in range(1, 6)]},
                source={"print_areas": {"部门自评表": [(1, 21), (60, 65)]}}),
          passes("打印区域包含所有已填写的行",
                 rows={"dept_indicators": [{"level3": f"指标{i}"} for i in range(1, 6)]},
                 source={"print_areas": {"部门自评表": [(1, 23), (60, 65)]}}),
          passes("没有设置打印区域（打印整张表）",
                 rows={"dept_indicators": [{"level3": "指标1"}]}, source={"print_areas": {}}),
      ])
def print_area_cuts_rows(ctx):
    """标准工作簿按纸质表格的样子打印：空白模板的打印区域只含各表的表头和前几行（不打印几十行
    空行），perfxl 填写的工作簿设为已填写的行。用户在 Excel 中填写了更多行时，打印区域不会随之
    扩大，超出的行打印时会缺失；本规则指出这些行，提醒重设打印区域（issue 22）。

    合格：打印区域包含每张表所有已填写的行，或没有设置打印区域。
    不合格：部门自评表的打印区域到第 21 行（指标表前 3 行），已填写到第 23 行。
    """
    src = ctx.model.source
    if src is None or not src.print_areas:
        return
    for sheet, spans in src.print_areas.items():
        cut: list[int] = []
        for tkey, (sh, table) in _LAY.tables.items():
            if sh.name == sheet and table.rows is None:
                cut += [r for r in _filled_rows(ctx.model, tkey)
                        if not any(a <= r <= b for a, b in spans)]
        if cut:
            cut.sort()
            rows = f"{cut[0]}–{cut[-1]}" if cut[-1] > cut[0] else str(cut[0])
            yield ctx.hit((sheet, f"A{cut[0]}"), actual=cut, sheet=sheet, rows=rows)
