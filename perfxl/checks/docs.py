"""Generate the rule documentation from the registry: ``python -m perfxl.checks.docs [DIR]``.

Writes ``DIR/<CODE>.md`` for every rule (default ``docs/rules``) and ``DIR/index.md``.  A page is
the rule's docstring, its message template, and its documented cases with the cells they fill
and the message each firing case produces (run at generation time, so the examples are the ones
the test suite runs).  ``tests/checks/test_docs.py`` fails when a page is missing or stale.
"""
from __future__ import annotations

import sys
from pathlib import Path

from perfxl import layout as L
from perfxl.checks import RULES, load_draft_rules
from perfxl.checks.cases import build_model, build_prior, case_ctx
from perfxl.checks.engine import run_rule
from perfxl.checks.registry import FAMILIES, Case, Rule
from perfxl.numbers import fmt_trimmed

__all__ = ["rule_page", "index_page", "write_docs", "DEFAULT_DIR"]

load_draft_rules()  # the PX6xx pages are generated with the others

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "docs" / "rules"
_LEVEL = {"error": "错误（error）", "warning": "警告（warning）", "info": "提示（info）"}


def _show(v) -> str:
    if isinstance(v, float):
        return fmt_trimmed(v, 10)
    return repr(v) if isinstance(v, str) and not v.strip() else str(v)


def _case_lines(case: Case) -> list[str]:
    out = _model_lines(build_model(case), case.values, case.rows)
    if case.source:
        for attr, val in case.source.items():
            items = val.items() if isinstance(val, dict) else [(None, x) for x in val]
            for k, v in items:
                where = (f"`{k[0]}!{k[1]}` " if isinstance(k, tuple) else
                         f"`{k}` " if k else "")  # a cell, or a sheet (print_areas)
                out.append(f"- 文件信息 {attr}：{where}{_show(v)}")
    out = out or ["- （空工作簿）"]
    prior = build_prior(case)
    if prior is not None:
        out += ["", "上年工作簿（上年.xlsx）：", ""]
        out += _model_lines(prior, case.prior.get("values", {}), case.prior.get("rows", {}))
    return out


def _model_lines(model, values, rows) -> list[str]:
    out = []
    for key, v in values.items():
        if v is None:
            continue
        sheet, cell = model.field_cell(key)
        out.append(f"- `{sheet}!{cell}` {L.LAYOUT.field(key).label} = {_show(v)}")
    for tkey in rows:
        t = L.LAYOUT.table(tkey)
        for r in model.rows(tkey):
            label = r.values.get(t.columns[0].key)
            for ckey, v in r.values.items():
                if ckey == t.columns[0].key and t.rows is not None:
                    continue
                sheet, cell = model.cell(tkey, r.index, ckey)
                head = t.column(ckey).header
                out.append(f"- `{sheet}!{cell}` {t.title}"
                           + (f"“{label}”" if t.rows is not None else "") + f"·{head} = {_show(v)}")
    return out


def _draft_case(rule: Rule, case: Case) -> list[str]:
    from perfxl.draft import check_text
    lines = ["报告文字（每行一段）：", "", "```text", case.text, "```", ""]
    model = None
    if case.values or case.rows:
        lines += ["工作簿（--workbook）：", ""] + _case_lines(case) + [""]
        model = build_model(case)
    if case.fires:
        for f in check_text(case.text, workbook=model, select=[rule.code])[:3]:
            lines += [f"报告（{f.place}）：", "", f"> {f.message}", ""]
    else:
        lines += ["不报告。", ""]
    return lines


def rule_page(rule: Rule) -> str:
    lines = [f"# {rule.code} {rule.title}", "",
             f"- 名称：`{rule.name}`", f"- 级别：{_LEVEL[rule.level]}",
             f"- 类别：PX{rule.code[2]}xx {rule.family}", f"- 实现：`{rule.module}`", "",
             "## 说明", "", rule.doc, "", "## 消息模板", "", "```text", rule.message, "```", "",
             "## 示例", "", "以下示例即测试用例（tests/checks/test_rules.py 逐一运行）。", ""]
    if rule.draft:
        lines[-2] = "以下示例即测试用例（tests/draft/test_rules.py 逐一运行）。"
    for case in rule.cases:
        lines += [f"### {'不合格' if case.fires else '合格'}：{case.note}", ""]
        if case.text is not None:
            lines += _draft_case(rule, case)
            continue
        lines += _case_lines(case)
        lines.append("")
        if case.fires:
            found = run_rule(rule, case_ctx(case))
            for f in found[:3]:
                where = f"{f.sheet}!{f.cell}" if f.sheet else "整个文件"
                lines += [f"报告（{where}）：", "", f"> {f.message}", ""]
        else:
            lines += ["不报告。", ""]
    return "\n".join(lines).rstrip() + "\n"


def index_page() -> str:
    lines = ["# 校验规则", "",
             "`perfxl check` 与 Excel 中“校验”按钮使用的全部规则。按编号前缀选择或忽略："
             "`perfxl check 文件.xlsx --select PX2 --ignore PX205`。"
             "PX6xx 校对自评报告草稿（.docx / .txt）的文字：`perfxl check 报告.docx "
             "--workbook 工作簿.xlsx`。", "",
             "级别：错误（error）= 按工作簿自身的数字可以确定有误；警告（warning）= 很可能有误或"
             "口径待说明；提示（info）= 供参考。比较容差为所填数字末位的半个单位"
             "（填写 96.79% 时为 0.005%），正确四舍五入的数字不会被报告。", ""]
    for fam, name in FAMILIES.items():
        rules = [r for c, r in sorted(RULES.items()) if c[2] == fam]
        if not rules:
            continue
        lines += [f"## PX{fam}xx {name}", "", "| 编号 | 名称 | 级别 | 规则 |", "|---|---|---|---|"]
        lines += [f"| [{r.code}]({r.code}.md) | `{r.name}` | {r.level} | {r.title} |"
                  for r in rules]
        lines.append("")
    lines.append(f"共 {len(RULES)} 条规则。本目录由 `python -m perfxl.checks.docs` 生成，请勿手工修改。")
    return "\n".join(lines) + "\n"


def write_docs(directory: Path = DEFAULT_DIR) -> list[Path]:
    """Write every page (only those whose content changed) and remove pages of rules that no
    longer exist; returns the pages written."""
    directory.mkdir(parents=True, exist_ok=True)
    pages = {f"{code}.md": rule_page(r) for code, r in RULES.items()}
    pages["index.md"] = index_page()
    written = []
    for name, text in pages.items():
        p = directory / name
        if not p.exists() or p.read_text("utf-8") != text:
            p.write_text(text, encoding="utf-8")
            written.append(p)
    for p in directory.glob("PX*.md"):
        if p.name not in pages:
            p.unlink()
    return written


if __name__ == "__main__":  # pragma: no cover
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR
    done = write_docs(target)
    print(f"{len(RULES)} 条规则；更新 {len(done)} 个文件于 {target}", file=sys.stderr)
