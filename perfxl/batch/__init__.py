"""Batch review: many workbooks, read fast, checked and scored in parallel processes.

Each workbook is read with the calamine engine (the model computes every derived figure itself,
so no formula engine runs per file), checked and scored; a file that cannot be read becomes one
``FileReview`` with its Chinese error and the run goes on.  Results come back in the order of
the input paths whatever ``jobs`` is.
"""
from __future__ import annotations

import gc
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar

from perfxl.errors import PerfxlError

T = TypeVar("T")

SUFFIXES = (".xlsx", ".xlsm")

#: Status words of a reviewed file.
OK, HAS_ERRORS, HAS_WARNINGS, UNREADABLE = "通过", "有错误", "有警告", "无法读取"
#: A workbook with no figure and no score filled in (a fresh ``perfxl new --from``): not scored.
NOT_FILLED = "未填写"
#: The JSON ``status`` of each status word (the word itself is ``status_label``).
STATUS_CODES = {OK: "ok", HAS_ERRORS: "errors", HAS_WARNINGS: "warnings",
                UNREADABLE: "unreadable", NOT_FILLED: "not_filled"}


@dataclass
class FileReview:
    """The review of one workbook (picklable, JSON-ready).

    * ``findings``: dicts with rule, level, message, sheet, cell, expected, actual.
    * ``stated_total`` / ``total``: the total the workbook states and the recomputed one (分).
    * ``error``: the Chinese message when the file could not be read (``status`` 无法读取).
    """

    file: str
    status: str = OK
    department: str = ""
    year: int | None = None
    framework: str | None = None
    stated_total: float | None = None
    total: float | None = None
    grade: str | None = None
    errors: int = 0
    warnings: int = 0
    findings: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    #: Last year's workbook its 上年 figures were checked against (``--prior-dir``), or None.
    prior: str | None = None
    #: The framework's Chinese name (``framework`` is its id).
    framework_name: str | None = None
    #: Key figures by Chinese label (amounts in 万元, rates as fractions): ``perfxl.batch.figures``.
    figures: dict[str, Any] = field(default_factory=dict)
    #: Findings accepted with a reason (the workbook's 说明「确认 PXnnn：理由」, the
    #: configuration's ``[[accept]]``): finding dicts with ``reason``; not counted.
    accepted: list[dict[str, Any]] = field(default_factory=list)

    def accept(self, pairs: Iterable[tuple[dict[str, Any], str]]) -> None:
        """Move each (finding dict, reason) of ``pairs`` from ``findings`` to ``accepted`` and
        count the errors, warnings and status again."""
        pairs = list(pairs)
        if not pairs:
            return
        gone = {id(f) for f, _why in pairs}
        self.findings = [f for f in self.findings if id(f) not in gone]
        self.accepted += [dict(f, reason=why) for f, why in pairs]
        self.errors = sum(f["level"] == "error" for f in self.findings)
        self.warnings = sum(f["level"] == "warning" for f in self.findings)
        if self.status in (OK, HAS_ERRORS, HAS_WARNINGS):
            self.status = HAS_ERRORS if self.errors else HAS_WARNINGS if self.warnings else OK

    def top(self, n: int = 3) -> list[str]:
        """The ``n`` most serious findings as "PX201 message" lines."""
        order = {"error": 0, "warning": 1, "info": 2}
        ranked = sorted(self.findings, key=lambda f: order.get(f["level"], 3))
        return [f"{f['rule']} {f['message']}" for f in ranked[:n]]

    def to_json(self) -> dict[str, Any]:
        """The review as JSON: ``status`` a stable English code (ok, errors, warnings,
        unreadable, not_filled), ``status_label`` the Chinese word shown in the summary."""
        d = asdict(self)
        d["status"], d["status_label"] = STATUS_CODES.get(self.status, self.status), self.status
        return d


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders searched recursively for .xlsx/.xlsm (sorted; Office lock files
    ``~$...`` skipped).  A path that does not exist, a broken or looping symbolic link, a 0-byte
    or unreadable file is kept: its review says why (status 无法读取)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            # a broken or looping symbolic link is kept: its row says why it cannot be read
            out.extend(sorted(f for f in walk_files(p) if f.suffix.lower() in SUFFIXES
                              and not f.name.startswith("~$")))
        else:  # a file, or a path that does not exist: its row says so, the run goes on
            out.append(p)
    return out


def walk_files(folder: Path) -> Iterator[Path]:
    """Every entry under ``folder`` that is not a folder (files, symbolic links to anything but
    a folder, broken links), at any depth, with an explicit stack: ``Path.rglob`` recurses once
    per level and raised RecursionError on a folder nested 1,100 deep.  Folder links are not
    followed (as rglob), so a link loop ends; an unreadable folder is skipped."""
    stack = [folder]
    while stack:
        here = stack.pop()
        try:
            with os.scandir(here) as it:
                entries = list(it)
        except OSError:
            continue
        for e in entries:
            try:
                is_dir = e.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(Path(e.path))
            elif not e.is_symlink() or not _links_to_dir(e.path):
                yield Path(e.path)


def _links_to_dir(path: str) -> bool:
    try:
        return os.path.isdir(path)
    except (OSError, ValueError):
        return False


def _dept_key(name: str) -> str:
    return "".join(str(name or "").split())


def prior_index(folder: str | Path) -> dict[tuple[str, int], str]:
    """(部门名称 without blanks, 年度) -> path, for every readable workbook under ``folder``
    (unreadable files are skipped: they cannot serve as last year's figures).  When two files
    claim the same department and year the first in path order wins."""
    from perfxl.io.reading.xlsx_reader import read_workbook

    out: dict[tuple[str, int], str] = {}
    for p in expand_paths([folder]):
        try:
            m = read_workbook(p, engine="calamine")
        except (PerfxlError, OSError):
            continue
        if m.year is not None and _dept_key(m.department_name):
            out.setdefault((_dept_key(m.department_name), m.year), str(p))
    return out


def review_file(path: str | Path, select: tuple[str, ...] = (),
                ignore: tuple[str, ...] = (),
                priors: dict[tuple[str, int], str] | None = None) -> FileReview:
    """Read, check and score one workbook; never raises for a bad file.  With ``priors``
    (``prior_index``) the workbook of the same 部门名称 and the year before, when there is one,
    is read and its 本年 figures compared with this one's 上年 figures (PX118)."""
    from perfxl.checks import check_model
    from perfxl.io.reading.xlsx_reader import read_workbook
    from perfxl.scoring import score_model

    review = FileReview(file=str(path))
    try:
        model = read_workbook(path, engine="calamine")
    except PerfxlError as exc:
        review.status, review.error = UNREADABLE, str(exc)
        return review
    except Exception as exc:  # a reader bug must not stop a batch of hundreds of files
        review.status, review.error = UNREADABLE, f"读取时发生内部错误（{type(exc).__name__}: {exc}）"
        return review
    review.department = model.department_name
    review.year = model.year
    review.framework = model.framework_id
    prior = None
    if priors and model.year is not None:
        review.prior = priors.get((_dept_key(model.department_name), model.year - 1))
        if review.prior and Path(review.prior).resolve() != Path(path).resolve():
            try:
                prior = read_workbook(review.prior, engine="calamine")
            except PerfxlError:
                review.prior = None
        else:
            review.prior = None
    try:
        findings = check_model(model, select=select, ignore=ignore, prior=prior,
                               prior_file=review.prior)
        result = score_model(model)
    except PerfxlError as exc:
        review.status, review.error = UNREADABLE, str(exc)
        return review
    from perfxl.checks.acceptance import split_confirmed

    findings, confirmed = split_confirmed(model, findings)  # the workbook's 「确认 PXnnn：理由」
    review.findings = [_finding_dict(f) for f in findings]
    review.accepted = [dict(_finding_dict(f), reason=why) for f, why in confirmed]
    review.errors = sum(f.level == "error" for f in findings)
    review.warnings = sum(f.level == "warning" for f in findings)
    review.total, review.grade, review.stated_total = result.total, result.grade, result.stated_total
    review.framework_name = result.framework_name
    review.status = HAS_ERRORS if review.errors else HAS_WARNINGS if review.warnings else OK
    from perfxl.batch.figures import key_figures, unfilled

    review.figures = key_figures(model)
    if unfilled(result):  # nothing typed yet: 计算 0.00 / 差 would be a verdict on a blank form
        review.total = review.grade = None
        review.status = NOT_FILLED
    return review


def _finding_dict(f: Any) -> dict[str, Any]:
    return {"rule": f.rule, "level": f.level, "message": f.message, "sheet": f.sheet,
            "cell": f.cell, "expected": f.expected, "actual": f.actual}


def _review_star(args: tuple) -> FileReview:
    return review_file(*args)


def default_jobs() -> int:
    return os.cpu_count() or 1


def _preload() -> None:
    """Import what a review needs before the worker processes start: forked workers inherit it
    instead of each importing it again (~0.2 s of CPU per worker)."""
    from perfxl.checks import load_workbook_rules
    import perfxl.io.reading.backends  # noqa: F401
    import perfxl.io.reading.xlsx_reader  # noqa: F401
    import perfxl.scoring  # noqa: F401

    load_workbook_rules()  # registered on first use otherwise, in every worker
    try:
        import python_calamine  # noqa: F401
    except ImportError:  # the reader says so, per file
        pass


def parallel_map(fn: Callable[[Any], T], args: list[Any], *, jobs: int | None = None,
                 progress: Callable[[int, int], None] | None = None) -> list[T]:
    """``[fn(a) for a in args]`` over ``jobs`` processes (default: the number of cores), in the
    order of ``args`` whatever ``jobs`` is; ``progress(done, total)`` after each result.
    ``fn`` must be a module-level function (it is pickled to the workers)."""
    return list(parallel_imap(fn, args, jobs=jobs, progress=progress))


#: Chunks handed to the pool ahead of the one being consumed, per worker: enough to keep every
#: worker busy, few enough that the results waiting for the consumer stay a bounded handful.
_AHEAD = 2


def _run_chunk(fn: Callable[[Any], T], chunk: list[Any]) -> list[T]:
    return [fn(a) for a in chunk]


def parallel_imap(fn: Callable[[Any], T], args: Iterable[Any], *, jobs: int | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  total: int | None = None) -> Iterator[T]:
    """``parallel_map`` as a stream: each result in the order of ``args`` as soon as it and
    those before it are done, so a caller that writes each result away holds one at a time.
    ``args`` may be a generator (then give ``total``, the number of its items, for the chunk
    size and ``progress``).  The parent's memory does not grow with the number of items: the
    arguments are taken from ``args`` a chunk at a time and at most ``jobs * _AHEAD`` chunks
    are in the pool (``Executor.map`` submits them all at once, and the results a busy parent
    has not yet consumed then pile up).  The pool lives while the iterator does: consume it to
    the end (or close it)."""
    jobs = jobs or default_jobs()
    if total is None:
        args = list(args)
        total = len(args)
    done = 0
    if jobs <= 1 or total <= 1:
        for a in args:
            r = fn(a)
            done += 1
            if progress:
                progress(done, total)
            yield r
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor  # here: one file needs no pool
    from functools import partial
    from itertools import islice

    size = max(1, min(32, total // (jobs * 4) or 1))
    items = iter(args)
    work = partial(_run_chunk, fn)
    _preload()
    # frozen objects are left alone by the collector, so forked workers do not copy the pages
    # of what they inherit; the parent unfreezes once the workers exist
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            ahead: deque = deque()

            def submit() -> None:
                chunk = list(islice(items, size))
                if chunk:
                    ahead.append(pool.submit(work, chunk))

            for _ in range(jobs * _AHEAD):
                submit()
            gc.unfreeze()
            while ahead:
                results = ahead.popleft().result()
                submit()
                results.reverse()
                while results:  # each result let go as soon as it is handed out
                    done += 1
                    if progress:
                        progress(done, total)
                    yield results.pop()
    finally:
        gc.unfreeze()


def iter_reviews(paths: list[Path], *, jobs: int | None = None, select: tuple[str, ...] = (),
                 ignore: tuple[str, ...] = (),
                 progress: Callable[[int, int], None] | None = None,
                 priors: dict[tuple[str, int], str] | None = None,
                 rules_for: Callable[[Path], tuple[tuple[str, ...], tuple[str, ...]]] | None = None
                 ) -> Iterator[FileReview]:
    """``review_files`` as a stream (``parallel_imap``): one ``FileReview`` at a time, in the
    order of ``paths``, for a summary written row by row.  ``rules_for(path) -> (select,
    ignore)`` gives each file its own rules (a configuration's per-file ignores)."""
    rules_for = rules_for or (lambda p: (select, ignore))
    # the arguments made as the pool takes them, not a list of them all
    return parallel_imap(_review_star, ((str(p), *rules_for(p), priors) for p in paths),
                         jobs=jobs, progress=progress, total=len(paths))


def dataframes(paths, *, jobs: int | None = None):
    """``(books, findings)``: pandas DataFrames of the review of ``paths``, one row per workbook
    and one per finding (``perfxl.batch.frames``; needs ``perfxl[analysis]``)."""
    from perfxl.batch.frames import dataframes as _dataframes

    return _dataframes(paths, jobs=jobs)


def review_files(paths: list[Path], *, jobs: int | None = None, select: tuple[str, ...] = (),
                 ignore: tuple[str, ...] = (),
                 progress: Callable[[int, int], None] | None = None,
                 priors: dict[tuple[str, int], str] | None = None) -> list[FileReview]:
    """Review ``paths`` with ``jobs`` processes (default: the number of cores); results in the
    order of ``paths``.  ``progress(done, total)`` is called after each file; ``priors`` as for
    ``review_file``."""
    return list(iter_reviews(paths, jobs=jobs, select=select, ignore=ignore, progress=progress,
                             priors=priors))
