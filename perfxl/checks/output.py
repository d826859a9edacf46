"""Reports of check results, one function per format: text (a table per sheet), JSON, JSON lines,
JUnit XML, SARIF 2.1.0 and GitHub workflow commands.

Input is a list of ``FileResult`` (a file, its findings, or the Chinese reason it could not be
read).  Every function returns a string; order is the findings' order (file, sheet, row,
column, rule), so the output is stable.
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any, NamedTuple

from perfxl import __version__
from perfxl.checks.finding import DRAFT_FIELDS, ERROR, INFO, WARNING, Finding, level_rank
from perfxl.checks.registry import RULES
from perfxl.safetext import (XML_ILLEGAL, escape_controls_json, escape_controls_xml,
                             terminal_text)

__all__ = ["FileResult", "FORMATS", "render", "summary"]

FORMATS = ("text", "json", "jsonl", "junit", "sarif", "github")


class FileResult(NamedTuple):
    """The findings of one checked file, or why it could not be read."""

    file: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None  # why the file could not be read
    #: a draft checked with ``--workbook``: how many of its figures were compared with the workbook
    compared: int | None = None
    #: findings accepted with a reason (the workbook's 说明「确认 PXnnn：理由」, the configuration's
    #: ``[[accept]]``): (finding, reason); not counted, but listed by every format
    accepted: tuple[tuple[Finding, str], ...] = ()

    def count(self, level: str) -> int:
        return sum(1 for f in self.findings if f.level == level)

    def fails(self, fail_on: str) -> bool:
        """True when a finding is at or above ``fail_on`` (error / warning / info)."""
        return any(level_rank(f.level) <= level_rank(fail_on) for f in self.findings)


def summary(r: FileResult) -> dict[str, int]:
    return {"errors": r.count(ERROR), "warnings": r.count(WARNING), "infos": r.count(INFO)}


# ---- JSON ----------------------------------------------------------------------------------
def _file_json(r: FileResult) -> dict[str, Any]:
    d: dict[str, Any] = {"file": r.file, "findings": [f.as_dict() for f in r.findings],
                         "summary": summary(r)}
    if r.error is not None:
        d["error"] = r.error
    if r.compared is not None:
        d["compared_with_workbook"] = r.compared
    if r.accepted:
        d["accepted"] = [dict(f.as_dict(), reason=why) for f, why in r.accepted]
    return d


def to_json(results: list[FileResult]) -> str:
    """``{"files": [{"file", "findings": [{rule, level, message, sheet, cell, expected, actual,
    unit}], "summary": {"errors", "warnings", "infos"}, ["error"], ["compared_with_workbook"],
    ["accepted": [{...finding, "reason"}]]}]}`` (``compared_with_workbook`` for a draft checked
    with ``--workbook``: how many of its figures were compared; ``accepted``: findings accepted
    with a reason, not counted in ``summary``)."""
    return _json({"files": [_file_json(r) for r in results]}, indent=2) + "\n"


def _json(data: Any, indent: int | None = None) -> str:
    """JSON as perfxl writes it: Chinese as is, control characters escaped (perfxl.safetext)."""
    import json  # not for the text report

    return escape_controls_json(json.dumps(data, ensure_ascii=False, indent=indent))


def to_jsonl(results: list[FileResult]) -> str:
    """One JSON object per finding (with ``file``), and one per unreadable file
    (``{"file", "error"}``)."""
    lines = []
    for r in results:
        if r.error is not None:
            lines.append(_json({"file": r.file, "error": r.error}))
        for f in r.findings:
            lines.append(_json({"file": r.file, **f.as_dict()}))
    return "".join(line + "\n" for line in lines)


# ---- JUnit ---------------------------------------------------------------------------------
def to_junit(results: list[FileResult]) -> str:
    """A ``<testsuite>`` per file, a failing ``<testcase>`` per finding at warning or above
    (info findings pass with their message in ``<system-out>``), an ``<error>`` for an
    unreadable file, one passing case for a clean file."""
    from xml.sax.saxutils import quoteattr as _quoteattr  # here only: it imports urllib etc.

    def quoteattr(text: str) -> str:  # control characters in a file name break the XML
        return escape_controls_xml(_quoteattr(XML_ILLEGAL.sub("", text)))
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<testsuites name=\"perfxl check\">"]
    for r in results:
        cases = []
        failures = errors = 0
        if r.error is not None:
            errors += 1
            cases.append(f'    <testcase classname={quoteattr(r.file)} name="读取工作簿">\n'
                         f'      <error message={quoteattr(r.error)}/>\n    </testcase>')
        for f in r.findings:
            name = quoteattr(f"{f.rule} {f.place}" if f.place else f.rule)
            cls = quoteattr(f"{r.file}.{f.sheet}" if f.sheet else r.file)
            if f.level == INFO:
                cases.append(f"    <testcase classname={cls} name={name}>\n"
                             f"      <system-out>{_xml(f.message)}</system-out>\n    </testcase>")
                continue
            failures += 1
            cases.append(f"    <testcase classname={cls} name={name}>\n"
                         f"      <failure type={quoteattr(f.level)} message={quoteattr(f.message)}>"
                         f"{_xml(f.message)}</failure>\n    </testcase>")
        if not cases:
            cases.append(f'    <testcase classname={quoteattr(r.file)} name="perfxl check"/>')
        out.append(f"  <testsuite name={quoteattr(r.file)} tests=\"{len(cases)}\" "
                   f"failures=\"{failures}\" errors=\"{errors}\">")
        out += cases
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def _xml(s: str) -> str:
    s = XML_ILLEGAL.sub("", s)  # characters XML 1.0 cannot hold (perfxl.safetext)
    return escape_controls_xml(s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


# ---- SARIF ---------------------------------------------------------------------------------
_SARIF_LEVEL = {ERROR: "error", WARNING: "warning", INFO: "note"}


def _project_url() -> str | None:
    """The project's home page from the installed package's metadata (``Project-URL`` or
    ``Home-page``), or ``None`` when it names none: SARIF viewers open ``informationUri``, so
    it must be a real address."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        meta = metadata("perfxl")
    except PackageNotFoundError:
        return None
    urls = [u.split(",", 1)[-1].strip() for u in meta.get_all("Project-URL") or []]
    urls += [meta["Home-page"]] if meta.get("Home-page") else []
    return next((u for u in urls if u.startswith(("https://", "http://"))), None)


def _sarif_help(rule) -> dict[str, Any]:
    """A rule's help as SARIF carries it: the text of ``perfxl rule CODE`` (what it checks, its
    message, its 合格 / 不合格 examples) in ``help`` — a code-scanning viewer shows it beside the
    finding, with nothing to open — and no ``helpUri``: the rule pages are not published at an
    address a user could open (a path into the repository's docs folder is none)."""
    from perfxl.checks.docs import rule_page

    page = rule_page(rule)
    return {"help": {"text": page, "markdown": page}}


def _artifact(file: str) -> dict[str, str]:
    """A SARIF ``artifactLocation``: a file under the current folder as a relative URI
    (percent-encoded, RFC 3986) on ``%SRCROOT%``, as code-scanning uploads expect; any other as
    an absolute ``file:`` URI."""
    from urllib.parse import quote

    p = Path(file)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return {"uri": p.as_uri()}
    # the name's bytes (a name that is not UTF-8 keeps its own byte, as %FF)
    return {"uri": quote(os.fsencode(p.as_posix()), safe="/"), "uriBaseId": "%SRCROOT%"}


def to_sarif(results: list[FileResult]) -> str:
    """SARIF 2.1.0: the registry as ``tool.driver.rules``; each finding a result whose location
    is the file (``artifactLocation``) and the cell (``logicalLocations``: 工作表!单元格); a
    finding in a report draft has a ``region`` (``startLine`` for a .txt line, with the quote as
    ``snippet``) and its paragraph / table cell in ``logicalLocations`` and ``properties``.
    Each rule carries its ``perfxl rule CODE`` page as ``help`` (``_sarif_help``)."""
    codes = sorted({f.rule for r in results for f in r.findings}
                   | {f.rule for r in results for f, _why in r.accepted})
    # findings checked in another process, or rules not registered in this one (a draft check)
    if any(c.startswith("PX6") for c in codes):
        from perfxl.checks.registry import load_draft_rules
        load_draft_rules()
    if any(not c.startswith("PX6") for c in codes):
        from perfxl.checks.registry import load_workbook_rules
        load_workbook_rules()
    rules = [{"id": c, "name": RULES[c].name,
              "shortDescription": {"text": RULES[c].title},
              "fullDescription": {"text": RULES[c].doc.split("\n\n")[0]},
              "defaultConfiguration": {"level": _SARIF_LEVEL[RULES[c].level]},
              **_sarif_help(RULES[c])} for c in codes if c in RULES]
    index = {c: i for i, c in enumerate(codes)}
    res = []
    for r in results:
        for f, why in [(f, None) for f in r.findings] + list(r.accepted):
            loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": _artifact(r.file)}}
            if f.sheet:
                loc["logicalLocations"] = [{"name": f.cell, "kind": "element",
                                            "fullyQualifiedName": f"{f.sheet}!{f.cell}"}]
            props: dict[str, Any] = {"sheet": f.sheet, "cell": f.cell,
                                     "expected": f.expected, "actual": f.actual, "unit": f.unit}
            if f.in_draft:
                props.update({k: getattr(f, k) for k in DRAFT_FIELDS})
                region: dict[str, Any] = {}
                if f.line is not None:  # a table row pasted one cell per line spans lines
                    region["startLine"] = f.from_line or f.line
                    if f.from_line:
                        region["endLine"] = f.line
                if f.quote:
                    region["snippet"] = {"text": f.quote}
                if region:
                    loc["physicalLocation"]["region"] = region
                if f.line is None:
                    loc["logicalLocations"] = [{"name": f.place, "kind": "element",
                                                "fullyQualifiedName": f.place}]
            item = {"ruleId": f.rule, "ruleIndex": index[f.rule],
                    "level": _SARIF_LEVEL[f.level], "message": {"text": f.message},
                    "locations": [loc], "properties": props}
            if why is not None:  # SARIF's own form: a viewer shows it as suppressed
                item["suppressions"] = [{"kind": "inSource", "status": "accepted",
                                         "justification": why}]
            res.append(item)
    notes = [{"level": "error", "message": {"text": f"{r.file}：{r.error}"}}
             for r in results if r.error is not None]
    driver: dict[str, Any] = {"name": "perfxl", "version": __version__}
    home = _project_url()
    if home:
        driver["informationUri"] = home
    driver["rules"] = rules
    run = {"tool": {"driver": driver},
           "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
           "results": res,
           "invocations": [{"executionSuccessful": not notes,
                            "toolExecutionNotifications": notes}]}
    doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [run]}
    return _json(doc, indent=2) + "\n"


# ---- GitHub workflow commands --------------------------------------------------------------
def _gh_data(s: str) -> str:
    """A workflow command's data: control characters shown escaped (a CI log is a terminal),
    then GitHub's own escapes."""
    s = terminal_text(s)
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def to_github(results: list[FileResult]) -> str:
    """``::error file=…,title=PX201 部门自评表!B10::message`` lines (info as ``::notice``); a
    finding on a .txt line adds ``line=N``, other draft locations go into the title."""
    cmd = {ERROR: "error", WARNING: "warning", INFO: "notice"}
    lines = []
    for r in results:
        if r.error is not None:
            lines.append(f"::error file={_gh_prop(r.file)},title=无法读取::{_gh_data(r.error)}")
        for f in r.findings:
            title = f"{f.rule} {f.place}" if f.place else f.rule
            at = f",line={f.line}" if f.line is not None else ""
            if f.from_line:
                at = f",line={f.from_line},endLine={f.line}"
            msg = f"{f.message}（原文：{f.quote}）" if f.quote else f.message
            lines.append(f"::{cmd[f.level]} file={_gh_prop(r.file)}{at},title={_gh_prop(title)}::"
                         f"{_gh_data(msg)}")
    return "".join(line + "\n" for line in lines)


# ---- text ----------------------------------------------------------------------------------
_LEVEL_TEXT = {ERROR: "错误", WARNING: "警告", INFO: "提示"}
_LEVEL_STYLE = {ERROR: "bold red", WARNING: "yellow", INFO: "cyan"}


def groups(r: FileResult) -> list[tuple[str, bool, list[Finding]]]:
    """The findings of one file as the text report shows them: ``(sheet, is_draft, findings)``
    per sheet in order of appearance, a draft's findings under "（报告文字）" (the web page
    groups them the same way)."""
    sheets: dict[str, list[Finding]] = {}
    for f in r.findings:
        key = "（报告文字）" if f.in_draft else (f.sheet or "（整个文件）")
        sheets.setdefault(key, []).append(f)
    return [(sheet, sheet == "（报告文字）", items) for sheet, items in sheets.items()]


def where(f: Finding) -> str:
    """The 位置 / 单元格 column: the cell, or the place in a draft; "-" for none."""
    return (f.place if f.in_draft else f.cell) or "-"


def shown_message(f: Finding) -> str:
    """The 说明 column: the message, and for a draft the quoted fragment after it."""
    return f.message + (f"（原文：{f.quote}）" if f.in_draft and f.quote else "")


def to_text(results: list[FileResult], *, color: bool = False, width: int = 140) -> str:
    """A table per sheet (单元格 | 规则 | 级别 | 说明) under a heading per file with its counts;
    the findings of a report draft in one table (位置 | 规则 | 级别 | 说明, the quote after the
    message).
    ``color`` adds ANSI colours (only for a terminal; NO_COLOR turns it off in the CLI).
    Without colour the same text comes from ``perfxl.checks.plain_text`` where it can (no
    rich console to import and lay out)."""
    if not color:
        from perfxl.checks.plain_text import plain_text

        plain = plain_text(results, width)
        if plain is not None:
            return plain
    return _rich_text(results, color=color, width=width)


def _rich_text(results: list[FileResult], *, color: bool = False, width: int = 140) -> str:
    """``to_text`` drawn by rich: colours for a terminal, and what ``plain_text`` leaves to
    rich."""
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    def safe(text: str) -> str:
        """Text from the workbook or its name, shown as typed: "[link=…]" is not rich markup,
        and control characters (ESC sequences, C1, bidi overrides) are shown escaped, never
        acted on by the terminal."""
        return escape(terminal_text(str(text)))

    buf = io.StringIO()
    con = Console(file=buf, width=width, color_system="standard" if color else None,
                  force_terminal=color, no_color=not color, highlight=False, soft_wrap=False)
    for r in results:
        s = summary(r)
        if r.error is not None:
            con.print(f"[bold]{safe(r.file)}[/bold]：[red]无法读取[/red] —— {safe(r.error)}")
            continue
        if not r.findings:
            con.print(f"[bold]{safe(r.file)}[/bold]：[green]未发现问题[/green]"
                      + (f"（另有 {len(r.accepted)} 条已接受）" if r.accepted else ""))
            _accepted_table(con, r, safe)
            continue
        con.print(f"[bold]{safe(r.file)}[/bold]：{s['errors']} 个错误，{s['warnings']} 个警告，"
                  f"{s['infos']} 个提示")
        for sheet, draft, items in groups(r):
            t = Table(title=f"工作表：{safe(sheet)}" if not draft else "报告文字",
                      title_justify="left", box=box.SIMPLE_HEAD, show_lines=False, expand=False)
            t.add_column("位置" if draft else "单元格", no_wrap=True)
            t.add_column("规则", no_wrap=True)
            t.add_column("级别", no_wrap=True)
            t.add_column("说明", overflow="fold")
            for f in items:
                level = f"[{_LEVEL_STYLE[f.level]}]{_LEVEL_TEXT[f.level]}[/]"
                t.add_row(safe(where(f)), f.rule, level, safe(shown_message(f)))
            con.print(t)
        _accepted_table(con, r, safe)
    return "".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines())


def _accepted_table(con, r: FileResult, safe) -> None:
    """The findings accepted with a reason: 已接受 (单元格 | 规则 | 理由 | 原问题)."""
    if not r.accepted:
        return
    from rich import box
    from rich.table import Table

    t = Table(title=f"已接受（不计入问题数）：{len(r.accepted)} 条", title_justify="left",
              box=box.SIMPLE_HEAD, expand=False)
    t.add_column("单元格", no_wrap=True)
    t.add_column("规则", no_wrap=True)
    t.add_column("理由", overflow="fold")
    t.add_column("原问题", overflow="fold")
    for f, why in r.accepted:
        t.add_row(safe(f"{f.sheet}!{f.cell}" if f.sheet else where(f)), f.rule, safe(why),
                  safe(shown_message(f)))
    con.print(t)


def render(results: list[FileResult], fmt: str, *, color: bool = False, width: int = 140) -> str:
    if fmt == "text":
        return to_text(results, color=color, width=width)
    return {"json": to_json, "jsonl": to_jsonl, "junit": to_junit, "sarif": to_sarif,
            "github": to_github}[fmt](results)
