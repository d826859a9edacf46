"""The batch review as pandas DataFrames, the form a finance analyst works with in Jupyter::

    from perfxl.batch import dataframes
    books, findings = dataframes(["县A", "县B"])          # folders searched recursively
    books.groupby("评价框架")["计算总分"].mean()
    findings["规则"].value_counts()

``books``: one row per workbook — the 汇总 columns of the summary workbook (文件, 部门名称, 年度,
评价框架, 填报总分, 计算总分 (分), 等级, 错误数, 警告数, 主要问题1–3, 状态, 备注), the key figures
(全年预算数（万元）, 全年执行数（万元）, 执行率 and the other rates as fractions) and 路径.
``findings``: one row per finding — the 全部问题 columns (文件, 规则, 级别, 工作表, 单元格, 说明,
应为, 实际), 规则名称 and 路径.  Both come from the records the summary workbook is written from
(``perfxl.batch.summary.workbook_records`` / ``finding_records``), so the frames and the workbook
always agree.  pandas is an optional dependency: ``pip install perfxl[analysis]``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from perfxl.errors import PerfxlError

__all__ = ["dataframes", "frames"]


def _pandas():
    try:
        import pandas as pd
    except ImportError:
        raise PerfxlError("需要 pandas 才能得到 DataFrame：请运行 pip install \"perfxl[analysis]\"") \
            from None
    return pd


def frames(reviews) -> tuple:
    """``(books, findings)`` DataFrames of ``FileReview`` records (``review_files``)."""
    from perfxl.batch.summary import FINDING_HEADERS, SUMMARY_HEADERS, finding_records, \
        workbook_records

    pd = _pandas()
    reviews = list(reviews)
    books = pd.DataFrame.from_records(workbook_records(reviews))
    if books.empty:
        books = pd.DataFrame(columns=SUMMARY_HEADERS)
    found = pd.DataFrame.from_records(finding_records(reviews))
    if found.empty:
        found = pd.DataFrame(columns=[*FINDING_HEADERS, "规则名称", "路径"])
    for col in ("年度", "错误数", "警告数"):
        if col in books:
            books[col] = books[col].astype("Int64")
    return books, found


def dataframes(paths: Iterable[str | Path], *, jobs: int | None = None) -> tuple:
    """Review the workbooks at ``paths`` (files, or folders searched recursively as ``perfxl
    batch`` does; perfxl's own summaries skipped) and return ``(books, findings)``.  Raises
    ``PerfxlError`` when pandas is missing or no workbook is found."""
    from perfxl.batch import expand_paths, review_files
    from perfxl.batch.summary import is_summary

    _pandas()
    files = [f for f in dict.fromkeys(expand_paths(paths)) if not is_summary(f)]
    if not files:
        raise PerfxlError("没有找到 .xlsx / .xlsm 文件")
    return frames(review_files(files, jobs=jobs))
