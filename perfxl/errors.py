"""perfxl's own exceptions.  Every message is Chinese and reads like help to the user.

``PerfxlError`` is the root; the CLI turns any of them into a message on stderr and exit code 2
(the run could not be done), never a traceback.
"""
from __future__ import annotations


class PerfxlError(Exception):
    """Base of every error perfxl raises on purpose.

    ``file``, ``sheet`` and ``cell`` locate the problem where it is known; ``str(error)`` gives the
    full Chinese message naming them.
    """

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, sheet: str | None = None,
                 cell: str | None = None) -> None:
        self.message = message
        self.file = file
        self.sheet = sheet
        self.cell = cell
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(f"文件「{self.file}」")
        if self.sheet:
            where.append(f"工作表「{self.sheet}」")
        if self.cell:
            where.append(f"单元格 {self.cell}")
        prefix = "，".join(where)
        return f"{prefix}：{self.message}" if prefix else self.message


class WorkbookFormatError(PerfxlError):
    """The file cannot be read as a perfxl standard workbook (not .xlsx, corrupt, encrypted,
    another template version, missing sheet or table, text in a number cell...)."""


class FrameworkError(PerfxlError):
    """A framework file is missing or inconsistent (weights, bands, tiers)."""


class UsageError(PerfxlError):
    """The call itself is wrong (unknown option value, missing output path...)."""


class DraftFormatError(PerfxlError):
    """The file cannot be read as a 自评报告 draft (.docx / .txt): empty, binary, an old .doc,
    an encrypted (password-protected) .docx, a damaged package, an unknown text encoding."""
