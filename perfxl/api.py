"""What the Excel add-in's buttons do, on the workbook the user has open.

Three thin adapters over the functions the CLI uses; each takes an ``xlwings.Book`` (Excel over
COM, or xlwings' remote engine in the tests), reads it once (``perfxl.io.live.xl_book``), computes,
writes perfxl's output sheets and output cells only, and returns a short Chinese summary:

* ``check_book(book)`` (校验): ``perfxl.checks.check_model``; clears the previous run's marks
  (``perfxl.addin.marks``), writes 校验结果 (one row per finding, a hyperlink to its cell) and
  fills each offending cell with its level's colour (``perfxl.outputs.LEVEL_FILLS``).
* ``score_book(book)`` (评分): ``perfxl.scoring.score_model``; writes 评分 (computed scores beside
  the stated ones, totals, grade) and the computed-score output cells of 指标体系.
* ``report_book(book)`` (生成报告): ``perfxl.report.report_text``; writes 报告, and saves the
  .docx beside the workbook (``perfxl report``'s default name) when the workbook is a saved
  local file; otherwise says why it did not.
* ``annotate_book(book, report)`` (校对报告): ``perfxl.draft.check_draft`` of the .docx ``report``
  against the open workbook, and the annotated copy ``<report>（perfxl批注）.docx`` beside it
  (``perfxl.annotate``); the workbook and the report are not written.

* ``prior_book(book, last)`` (上年数据): ``perfxl.carry.prior_fill``; writes last year's 本年
  figures into the empty 上年 input cells of the open workbook (the only button that writes
  input cells, and only empty ones) and lists the cells it left because they were filled.

Output sheets are replaced whole and marks are cleared first, so pressing a button twice gives
the same workbook; nothing the user typed is written.  Progress goes to Excel's status bar where
the engine has one.  Errors are ``PerfxlError`` (Chinese); ``perfxl.addin`` shows them.
"""
from __future__ import annotations

from pathlib import Path

from perfxl.outputs import LEVEL_FILLS, LEVEL_NAMES

__all__ = ["check_book", "score_book", "report_book", "prior_book", "annotate_book"]


class _Status:
    """Excel's status bar, where the engine has one (the remote engine has none)."""

    def __init__(self, book) -> None:
        self.app = getattr(book, "app", None)

    def __call__(self, text: str | bool) -> None:
        if self.app is None:
            return
        try:
            self.app.status_bar = text
        except NotImplementedError:
            self.app = None

    def __enter__(self) -> "_Status":
        return self

    def __exit__(self, *exc) -> None:
        self(False)  # hand the status bar back to Excel


def _fmt(x) -> str:
    if x is None:
        return "—"
    from perfxl.numbers import fmt_trimmed
    return fmt_trimmed(x, 2) if isinstance(x, float) else str(x)


# ----------------------------------------------------------------------------------------------
def check_book(book) -> str:
    """校验: every check; 校验结果 sheet and highlights, the previous marks cleared first."""
    from perfxl.addin import marks
    from perfxl.checks import check_model
    from perfxl.checks.acceptance import split_confirmed
    from perfxl.io.live.xl_book import read_xl_book, write_output_sheet
    from perfxl.outputs import findings_sheet

    with _Status(book) as status:
        status("perfxl：正在读取工作簿……")
        model = read_xl_book(book)
        status("perfxl：正在校验……")
        # a 说明 line 「确认 PXnnn：理由」 accepts a finding: listed as 已接受, not marked
        findings, accepted = split_confirmed(model, check_model(model))
        status("perfxl：正在写入校验结果……")
        marks.clear_marks(book)
        write_output_sheet(book, findings_sheet(findings, accepted))
        filled = marks.highlight(book, _highlights(book, findings))
    if not findings:
        return f"校验完成：未发现问题（「{marks.RESULTS_SHEET}」工作表已更新）。"
    counts = [f"{LEVEL_NAMES[lv]} {n} 条" for lv in LEVEL_FILLS
              if (n := sum(f.level == lv for f in findings))]
    return (f"校验完成：发现 {len(findings)} 条问题（{'、'.join(counts)}），已列在"
            f"「{marks.RESULTS_SHEET}」工作表，并标出 {filled} 个单元格。")


def _highlights(book, findings) -> list[tuple[str, str, str]]:
    """One fill per offending cell, the most severe level's; cells of missing sheets skipped."""
    from perfxl.checks import level_rank

    names = {s.name for s in book.sheets}
    worst: dict[tuple[str, str], str] = {}
    for f in findings:
        if not (f.sheet and f.cell) or f.sheet not in names or f.level not in LEVEL_FILLS:
            continue
        key = (f.sheet, f.cell)
        if key not in worst or level_rank(f.level) < level_rank(worst[key]):
            worst[key] = f.level
    return [(s, c, "#" + LEVEL_FILLS[lv]) for (s, c), lv in worst.items()]


# ----------------------------------------------------------------------------------------------
def score_book(book) -> str:
    """评分: the 评分 sheet and the computed-score output cells."""
    from perfxl.io.live.xl_book import read_xl_book, write_output_cells, write_output_sheet
    from perfxl.layout import SCORES_SHEET
    from perfxl.scoring import score_model
    from perfxl.scoring.output import scores_output

    with _Status(book) as status:
        status("perfxl：正在读取工作簿……")
        model = read_xl_book(book)
        status("perfxl：正在评分……")
        result = score_model(model)
        sheet, cells = scores_output(result)
        status("perfxl：正在写入评分结果……")
        write_output_sheet(book, sheet)
        write_output_cells(book, cells)
    parts = []
    if result.total is not None:
        parts.append(f"总分 {_fmt(result.total)} 分（填报 {_fmt(result.stated_total)} 分），"
                     f"等级「{result.grade or '—'}」")
    if result.projects:
        parts.append(f"{len(result.projects)} 个项目已分别评分")
    if not parts:
        parts.append(f"评价框架「{result.framework_name}」不计总分，已列出各项指标")
    if result.warnings:
        parts.append(f"{len(result.warnings)} 条提示")
    detail = "；".join(parts)
    return f"评分完成：{detail}。详见「{SCORES_SHEET.name}」工作表。"


# ----------------------------------------------------------------------------------------------
def report_book(book) -> str:
    """生成报告: the 报告 sheet, and the .docx beside a saved local workbook."""
    from perfxl.io.live.xl_book import read_xl_book, write_output_sheet
    from perfxl.layout import REPORT_SHEET
    from perfxl.outputs import report_sheet
    from perfxl.report import report_text
    from perfxl.report.proof import render_proofread

    with _Status(book) as status:
        status("perfxl：正在读取工作簿……")
        model = read_xl_book(book)
        status("perfxl：正在生成报告……")
        lines = report_text(model)
        write_output_sheet(book, report_sheet(lines))
        target = docx_path(book)
        if target is None:
            saved = ("工作簿不是已保存的本地文件（或当前环境无法访问其文件夹），未保存 Word 文件；"
                     "请先保存工作簿再生成，或在命令行运行 perfxl report")
        else:
            status("perfxl：正在保存 Word 文件……")
            try:
                # proofread as ``perfxl report`` does: a typed sentence found wrong is marked
                path, found = render_proofread(model, target)
                saved = f"Word 文件已保存：{path}"
                errors = sum(f.level == "error" for f in found)
                if errors:
                    saved += f"（校对发现 {errors} 处文字与计算数不符，已在文件中以黄色底色和批注标出）"
            except PermissionError:
                saved = f"Word 文件未能保存：{target} 无法写入（可能正在 Word 中打开，请关闭后重试）"
    return f"报告已生成：{len(lines)} 段，写入「{REPORT_SHEET.name}」工作表；{saved}。"


def docx_path(book) -> Path | None:
    """Where the report .docx goes: beside the workbook, named as ``perfxl report`` names it;
    ``None`` when the workbook is not a saved local file (a new book, a web or cloud address,
    xlwings' remote engine)."""
    from perfxl.cli.report import default_output

    try:
        fullname = str(book.fullname)
    except Exception:
        return None
    if "://" in fullname:
        return None
    path = Path(fullname)
    if not path.is_absolute() or not path.parent.is_dir():
        return None
    return default_output(path, None, None)


# ----------------------------------------------------------------------------------------------
def prior_book(book, last: str | Path) -> str:
    """上年数据: LAST's 本年 figures into the empty 上年 cells of ``book``.

    ``last`` is last year's workbook file (.xlsx/.xlsm).  Refused (``UsageError``, nothing
    written) when it is another 部门名称 or not the year before (``perfxl.carry.pair_problem``).
    Only empty cells are written; the summary names every cell left because it was filled, with
    its value and LAST's figure, so the user can compare."""
    from perfxl.carry import pair_problem, prior_fill
    from perfxl.checks.compare import fmt_amount
    from perfxl.errors import UsageError, WorkbookFormatError
    from perfxl.io.live.xl_book import read_xl_book
    from perfxl.io.reading.xlsx_reader import read_workbook

    last = Path(last)
    if not last.exists():  # a FIFO or a folder: the reader says what it is
        raise WorkbookFormatError("文件不存在", file=str(last))
    with _Status(book) as status:
        status("perfxl：正在读取工作簿……")
        this = read_xl_book(book)
        prior = read_workbook(last, engine="calamine")
        problem = pair_problem(this, prior)
        if problem:
            raise UsageError(f"未填入上年数：{problem}")
        write, left = prior_fill(this, prior)
        status("perfxl：正在填入上年数……")
        for c in write:  # empty input cells only (prior_fill leaves every filled one)
            book.sheets[c.where[0]].range(c.where[1]).value = c.value
    figures = [c for c in write if isinstance(c.value, (int, float))]
    text = f"已从「{last.name}」（{prior.year} 年度）填入 {len(figures)} 个上年数。"
    if left:
        items = "；".join(f"{c.where[0]}!{c.where[1]} {c.label}（已填 {_shown(c.value)}，"
                         f"上年工作簿为 {fmt_amount(c.offered)}）" for c in left[:_LISTED])
        more = f"……另有 {len(left) - _LISTED} 处" if len(left) > _LISTED else ""
        text += f"以下 {len(left)} 个单元格已有内容，未改动，请自行核对：{items}{more}。"
    if not write and not left:
        text += "上年工作簿没有可填入的本年数。"
    return text


_LISTED = 20  # cells named in the message box; a longer list would not fit on the screen


def _shown(v) -> str:
    from perfxl.checks.compare import fmt_amount

    return fmt_amount(v, like=v) if isinstance(v, (int, float)) else str(v)


def annotate_book(book, report: str | Path) -> str:
    """校对报告: check the draft ``report`` (.docx) against the open workbook and write the copy
    with a Word comment per finding beside it (``perfxl annotate``'s default name, never the
    report itself).  Returns the Chinese summary: how many findings, of which levels, and where
    the copy is.  Raises ``PerfxlError`` (Chinese) when the report cannot be read or the copy
    cannot be written (e.g. open in Word)."""
    from perfxl.cli.annotate import annotate_file
    from perfxl.io.live.xl_book import read_xl_book

    report = Path(report)
    with _Status(book) as status:
        status("perfxl：正在读取工作簿……")
        model = read_xl_book(book)
        status("perfxl：正在校对报告……")
        try:
            out, findings = annotate_file(report, model)
        except PermissionError as exc:
            from perfxl.errors import PerfxlError
            raise PerfxlError(f"批注副本无法写入（{exc.filename or report.parent}）；该文件可能"
                              "正在 Word 中打开，请关闭后重试") from exc
    if not findings:
        return f"校对完成：报告「{report.name}」未发现问题。副本已保存：{out}。"
    counts = [f"{LEVEL_NAMES[lv]} {n} 条" for lv in LEVEL_FILLS
              if (n := sum(f.level == lv for f in findings))]
    return (f"校对完成：报告「{report.name}」发现 {len(findings)} 条问题（{'、'.join(counts)}），"
            f"已作为批注写入 {out}（原报告未改动）。请在 Word 中打开该文件，逐条查看批注并修改。")
