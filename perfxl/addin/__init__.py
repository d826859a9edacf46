"""The Excel add-in: what the ribbon tab 「绩效自评」 runs.

Each button of ``src/customUI.xml`` calls a Sub of ``src/PerfxlRibbon.bas``, which runs
``RunPython "import perfxl.addin; perfxl.addin.<fn>()"``.  The functions here are thin adapters:
each takes an optional ``xlwings.Book`` (default ``xw.Book.caller()``, the user's active workbook),
calls one library function, and turns any failure into a Chinese message box instead of a
Python traceback (the full traceback goes to ``~/.perfxl/addin.log``).  校验, 评分 and 生成报告
show the short summary the library returns in a message box when they are done.

==============  ==========================  ========================================
button          function                    library call
==============  ==========================  ========================================
校验            :func:`validate`            ``perfxl.api.check_book(book)``
评分            :func:`score`               ``perfxl.api.score_book(book)``
生成报告        :func:`report`              ``perfxl.api.report_book(book)``
上年数据        :func:`prior_data`          ``perfxl.api.prior_book(book, path)``
校对报告        :func:`annotate`            ``perfxl.api.annotate_book(book, report)``
清除标记        :func:`clear_marks`         :func:`perfxl.addin.marks.clear_marks`
关于/诊断       :func:`about`               :func:`perfxl.addin.diagnose.run_checks`
==============  ==========================  ========================================

xlwings is imported only inside the functions, so importing this package works without it.
"""
from __future__ import annotations

import logging
import traceback
from pathlib import Path

from perfxl.errors import PerfxlError

__all__ = ["validate", "score", "report", "prior_data", "annotate", "clear_marks", "about"]

TITLE = "perfxl 绩效自评"
LOG_FILE = Path.home() / ".perfxl" / "addin.log"


def _caller(book):
    if book is not None:
        return book
    import xlwings as xw

    return xw.Book.caller()


def _alert(book, message: str) -> None:
    book.app.alert(message, title=TITLE)


def _log_failure(action: str) -> Path | None:
    """Append the current traceback to the add-in log; returns the log path, None if unwritable."""
    try:
        LOG_FILE.parent.mkdir(parents=True, exist_ok=True)
        with LOG_FILE.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {action}\n{traceback.format_exc()}\n")
    except OSError:
        logging.getLogger(__name__).exception("could not write %s", LOG_FILE)
        return None
    return LOG_FILE


def _api(name: str):
    """``perfxl.api.<name>``, imported when a button is pressed."""
    from perfxl import api

    return getattr(api, name)


def _run(action: str, call, book, *, announce: bool = False):
    """``call(book)`` with ``book`` defaulting to the caller; a failure becomes a Chinese
    message box (and a log entry), and the result is then ``None``.  With ``announce``, the
    summary the call returns is shown in a message box too (where the .docx went, how many
    problems were found)."""
    book = _caller(book)
    try:
        result = call(book)
    except PerfxlError as exc:
        _alert(book, f"{action}未完成：{exc}")
        return None
    except Exception as exc:  # the edge to Excel: the user gets a message, never a traceback
        log = _log_failure(action)
        where = f"详细信息已写入 {log}。" if log else ""
        _alert(book, f"{action}时出错（{type(exc).__name__}：{exc}）。{where}"
                     "请运行 perfxl doctor 检查安装，或把该文件发给维护人员。")
        return None
    if announce and isinstance(result, str):
        _alert(book, result)
    return result


def validate(book=None):
    """校验: run every check on the workbook, write 校验结果 and highlight the cells."""
    return _run("校验", lambda b: _api("check_book")(b), book, announce=True)


def score(book=None):
    """评分: write computed scores, the total and the grade into the output cells."""
    return _run("评分", lambda b: _api("score_book")(b), book, announce=True)


def report(book=None):
    """生成报告: write the 报告 sheet and save the .docx next to the workbook."""
    return _run("生成报告", lambda b: _api("report_book")(b), book, announce=True)


def pick_workbook(book) -> str | None:
    """Excel's file-open dialog (``Application.GetOpenFilename``) for last year's workbook; the
    path, or ``None`` when the user cancels.  Raises ``UsageError`` where the engine has no
    dialog (xlwings' remote engine)."""
    from perfxl.errors import UsageError

    try:
        picked = book.app.api.GetOpenFilename("Excel 工作簿 (*.xlsx;*.xlsm),*.xlsx;*.xlsm", 1,
                                              "选择上一年度的自评工作簿")
    except Exception as exc:  # no COM: the remote engine, or Excel refused
        raise UsageError("当前环境无法打开文件选择框；请在命令行运行 perfxl new --from 上年.xlsx") from exc
    return picked if isinstance(picked, str) and picked else None


def prior_data(book=None, path: str | None = None):
    """上年数据: pick last year's workbook (or take ``path``) and fill the empty 上年 cells of the
    open workbook with its 本年 figures; a message lists the cells left because they were
    filled."""
    def fill(b):
        chosen = path or pick_workbook(b)
        if chosen is None:
            return None  # cancelled: nothing written, nothing to say
        return _api("prior_book")(b, chosen)

    return _run("填入上年数", fill, book, announce=True)


def annotate(book=None, path: str | Path | None = None):
    """校对报告: pick a .docx (Excel's file dialog unless ``path`` is given), check it against the
    workbook and save the annotated copy beside it; returns the summary, ``None`` when the
    dialog was cancelled or the run failed."""
    def run(b):
        target = path if path is not None else pick_docx(b)
        if target is None:
            return None
        return _api("annotate_book")(b, target)

    return _run("校对报告", run, book, announce=True)


#: Excel's GetOpenFilename filter: label, pattern.
DOCX_FILTER = "Word 文档 (*.docx),*.docx"


def pick_docx(book) -> Path | None:
    """The .docx the user picks in Excel's open dialog (``Application.GetOpenFilename`` over
    COM); ``None`` when cancelled.  ``UsageError`` where the
    engine has no dialog (the remote engine, a web workbook)."""
    from perfxl.errors import UsageError

    try:
        app = book.app.api
    except Exception:  # noqa: BLE001 - remote engine: no COM object
        app = None
    if app is None or not hasattr(app, "GetOpenFilename"):
        raise UsageError("当前环境无法打开文件选择框；请在命令行运行 "
                         "perfxl annotate 报告.docx --workbook 工作簿.xlsx")
    chosen = app.GetOpenFilename(DOCX_FILTER, 1, "选择要校对的自评报告（Word 文档）")
    return None if chosen in (False, None, "", "False") else Path(str(chosen))


def clear_marks(book=None) -> int | None:
    """清除标记: restore the fills perfxl applied and delete 校验结果; returns cells restored."""
    from perfxl.addin import marks

    return _run("清除标记", marks.clear_marks, book)


def about(book=None) -> str | None:
    """关于/诊断: show versions and the set-up diagnosis in a message box; returns the text."""
    from perfxl.addin.diagnose import format_checks, run_checks

    def show(b) -> str:
        text = format_checks(run_checks())
        _alert(b, text)
        return text

    return _run("诊断", show, book)
