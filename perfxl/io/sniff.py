"""Is this file an .xlsx we may open?  Checked before any parser touches it.

Refuses with a Chinese ``WorkbookFormatError``: a missing or empty file, an .xls (BIFF), an
encrypted (password-protected) workbook, an .xlsb, an .ods, a truncated or corrupt zip, and zip
bombs (limits on total uncompressed size, compression ratio and member count).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from perfxl.errors import WorkbookFormatError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

#: Limits that keep a hostile file from exhausting memory (bytes, ratio, members).
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 2000
MAX_FILE = 100 * 1024 * 1024


def check_xlsx(path: str | Path) -> None:
    """Raise ``WorkbookFormatError`` unless ``path`` looks like a readable .xlsx/.xlsm package."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise WorkbookFormatError("文件不存在，请检查路径", file=name)
    if p.is_dir():
        raise WorkbookFormatError("这是一个文件夹，不是工作簿文件", file=name)
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(4096)
    except PermissionError:
        raise WorkbookFormatError("没有读取权限，请检查文件权限", file=name) from None
    except OSError as exc:
        raise WorkbookFormatError(f"无法读取文件（{exc.strerror or exc}）", file=name) from None
    if size == 0:
        raise WorkbookFormatError("文件为空（0 字节），请重新保存或重新导出", file=name)
    if size > MAX_FILE:
        raise WorkbookFormatError(f"文件过大（{size // 1024 // 1024} MB），超过 {MAX_FILE // 1024 // 1024} MB 的上限",
                                  file=name)
    if head.startswith(OLE_MAGIC):
        with open(p, "rb") as fh:
            blob = fh.read(min(size, 4 * 1024 * 1024))
        if "EncryptedPackage".encode("utf-16-le") in blob:
            raise WorkbookFormatError("工作簿设置了打开密码（已加密），perfxl 无法读取；"
                                      "请在 Excel 中取消密码（文件→信息→保护工作簿）后另存", file=name)
        raise WorkbookFormatError("这是旧版 Excel 97-2003 工作簿（.xls）；请在 Excel 或 WPS 中另存为 .xlsx",
                                  file=name)
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookFormatError("不是 Excel 工作簿（.xlsx）文件；请使用 perfxl 标准工作簿", file=name)
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if len(infos) > MAX_MEMBERS:
                raise WorkbookFormatError("压缩包成员过多，疑似异常文件，已拒绝读取", file=name)
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO and total > 10 * 1024 * 1024:
                raise WorkbookFormatError("解压后体积异常（疑似压缩炸弹），已拒绝读取", file=name)
            if "mimetype" in names and b"opendocument" in zf.read("mimetype"):
                raise WorkbookFormatError("这是 OpenDocument 表格（.ods）；请另存为 Excel 工作簿（.xlsx）",
                                          file=name)
            if "xl/workbook.bin" in names:
                raise WorkbookFormatError("这是 Excel 二进制工作簿（.xlsb）；请另存为 .xlsx", file=name)
            if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
                raise WorkbookFormatError("压缩包内没有 Excel 工作簿内容，不是 .xlsx 文件", file=name)
            bad = zf.testzip()
            if bad is not None:
                raise WorkbookFormatError(f"文件已损坏（{bad} 校验失败）；请重新保存或重新获取文件",
                                          file=name)
    except zipfile.BadZipFile:
        raise WorkbookFormatError("文件已损坏或不完整（压缩包无法打开）；请重新保存或重新获取文件",
                                  file=name) from None
    except (EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise WorkbookFormatError(f"文件已损坏或不完整（{exc}）；请重新保存或重新获取文件",
                                  file=name) from None
