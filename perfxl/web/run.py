"""What the offline web page runs, in Pyodide (and in CPython for the tests): the same functions
as ``perfxl check`` / ``perfxl score``, on files the page wrote into Pyodide's in-memory file
system.  No process pool, thread or subprocess here (none exists in a browser).

The page's script calls, step by step (so it can show progress between them), each returning a
JSON string:

* ``open_workbook(path)`` / ``open_draft(path)``: read once and keep; ``{"ok": true}`` or
  ``{"ok": false, "error": <Chinese reason>}`` (``PerfxlError``'s message, as the CLI prints it).
* ``check()``: ``{"files": [...]}``, exactly ``perfxl check --format json`` for the workbook and/or
  the draft (the draft tied to the workbook when both are open, as ``--workbook`` does).
* ``score()``: ``perfxl score --format json`` of the workbook (``{"error": ...}`` when it cannot
  be scored, e.g. no 评价框架).
* ``findings_xlsx(out)`` / ``scored_copy(out)``: write the 校验结果 workbook and the copy of the
  workbook with the 评分 sheet (``perfxl score -o``); return ``out``.
* ``docx_outputs()``: whether python-docx (lxml) can be imported, i.e. whether .docx outputs
  could be written here (in Pyodide from the npm package they cannot).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["open_workbook", "open_draft", "check", "score", "findings_xlsx", "scored_copy",
           "docx_outputs", "reset"]

_state: dict[str, Any] = {}


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def _engine() -> str:
    """calamine where it exists (as ``perfxl check``), else openpyxl (Pyodide); same model."""
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return "openpyxl"
    return "calamine"


def reset() -> None:
    """Forget the files read so far (the user chose other files)."""
    _state.clear()


def _guard(fn):
    from perfxl.errors import PerfxlError

    try:
        return fn()
    except PerfxlError as exc:
        return {"ok": False, "error": str(exc)}
    except OSError as exc:
        return {"ok": False, "error": f"无法读取文件（{exc.strerror or exc}）"}


def open_workbook(path: str) -> str:
    """Read the workbook at ``path`` (.xlsx / .xlsm) into the model kept for ``check``/``score``."""
    from perfxl.io.reading.xlsx_reader import read_workbook

    def run():
        _state["book"] = Path(path)
        _state["model"] = read_workbook(path, engine=_engine())
        return {"ok": True}
    _state.pop("model", None)
    return _dump(_guard(run))


def open_draft(path: str) -> str:
    """Read the draft at ``path`` (.docx / .txt): its units, kept for ``check``."""
    from perfxl.draft.reading import read_draft

    def run():
        _state["draft"] = Path(path)
        _state["units"] = read_draft(path)
        return {"ok": True}
    _state.pop("units", None)
    return _dump(_guard(run))


def _results() -> list:
    from perfxl.checks import check_model
    from perfxl.checks.output import FileResult
    from perfxl.draft import check_units

    results = []
    model = _state.get("model")
    if model is not None:
        from perfxl.checks.acceptance import split_confirmed

        kept, accepted = split_confirmed(model, check_model(model, file=str(_state["book"])))
        results.append(FileResult(str(_state["book"]), tuple(kept), accepted=tuple(accepted)))
    if "units" in _state:
        results.append(FileResult(str(_state["draft"]),
                                  tuple(check_units(_state["units"], str(_state["draft"]), model))))
    _state["results"] = results
    return results


def check() -> str:
    """``perfxl check --format json`` of what is open (the draft against the workbook), plus
    ``"view"``: per file its summary and the findings grouped as ``perfxl check`` prints them
    (``[{"file", "summary", "error", "groups": [{"sheet", "draft", "rows": [{"where", "rule",
    "level", "level_text", "message"}]}]}]``), the findings the workbook accepts (「确认 PXnnn：
    理由」) last, in a group with ``"accepted": true`` (level_text 已接受, the reason after the
    message)."""
    from perfxl.checks.output import groups, shown_message, summary, to_json, where
    from perfxl.outputs import LEVEL_NAMES

    results = _results()
    data = json.loads(to_json(results))
    data["view"] = [{"file": Path(r.file).name, "summary": summary(r), "error": r.error,
                     "groups": [{"sheet": sheet, "draft": draft,
                                 "rows": [{"where": where(f), "rule": f.rule, "level": f.level,
                                           "level_text": LEVEL_NAMES[f.level],
                                           "message": shown_message(f)} for f in items]}
                                for sheet, draft, items in groups(r)] + _accepted_group(r)}
                    for r in results]
    return _dump(data)


def _accepted_group(r) -> list[dict]:
    from perfxl.checks.output import shown_message

    if not r.accepted:
        return []
    return [{"sheet": "", "draft": False, "accepted": True,
             "rows": [{"where": f"{f.sheet}!{f.cell}", "rule": f.rule, "level": "accepted",
                       "level_text": "已接受", "message": f"{shown_message(f)}（已接受：{why}）"}
                      for f, why in r.accepted]}]


def score() -> str:
    """``perfxl score --format json`` of the open workbook (``{"error"}`` when it cannot be)."""
    from perfxl.errors import PerfxlError
    from perfxl.scoring import score_model

    try:
        result = score_model(_state["model"])
    except PerfxlError as exc:
        return _dump({"error": str(exc)})
    _state["score"] = result
    data = result.to_json()
    data["file"] = str(_state["book"])
    data["shown"] = _shown(result)
    return _dump(data)


def _shown(result) -> dict:
    """The figures as ``perfxl score`` prints them (``scoring.indicators.fmt``: Excel's rounding,
    up to 2 decimals), for the page to show without formatting a number itself."""
    from perfxl.scoring.indicators import fmt

    def rows(items):
        return [[i.indicator, fmt(i.weight), fmt(i.score), fmt(i.stated_score), i.rule]
                for i in items]
    return {"total": None if result.total is None else fmt(result.total),
            "stated_total": None if result.stated_total is None else fmt(result.stated_total),
            "items": rows(i for i in result.items if i.project is None),
            "projects": [{"project": p.project, "total": fmt(p.total), "grade": p.grade or "—",
                          "stated_total": fmt(p.stated_total), "items": rows(p.items)}
                         for p in result.projects]}


def findings_xlsx(out: str) -> str:
    """A workbook with one sheet 校验结果 (every finding of the last ``check``, a draft's with its
    place in the 单元格 column), at ``out``."""
    import openpyxl

    from perfxl.io.writing.atomic import atomic_path
    from perfxl.io.writing.xlsx_writer import write_sheet
    from perfxl.outputs import findings_sheet

    from perfxl.checks.output import shown_message, where

    findings = [f for r in _state.get("results", ()) for f in r.findings]
    sheet = findings_sheet(findings, [a for r in _state.get("results", ()) for a in r.accepted])
    sheet.links = {}  # the cells they would jump to are in the user's workbook, not this file
    for row, f in zip(sheet.rows, findings):
        if f.in_draft:  # a draft has no sheet or cell: its place and the quoted words instead
            row[2], row[3], row[4] = "（报告文字）", where(f), shown_message(f)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    write_sheet(wb, sheet)
    with atomic_path(Path(out)) as tmp:
        wb.save(tmp)
    return out


def scored_copy(out: str) -> str:
    """A copy of the workbook with the 评分 sheet and the computed-score cells, as
    ``perfxl score -o`` writes it; the input is not written."""
    from perfxl.io.writing.xlsx_writer import write_outputs
    from perfxl.scoring.output import scores_output

    sheet, cells = scores_output(_state["score"])
    write_outputs(_state["book"], out, sheets=[sheet], cells=cells)
    return out


def docx_outputs() -> bool:
    """True when .docx files (report, annotated draft) can be written here (python-docx + lxml)."""
    try:
        import docx  # noqa: F401
    except ImportError:
        return False
    return True
