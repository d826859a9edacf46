"""Is this file an .xlsx we may open?  Checked before any parser touches it.

Refuses with a Chinese ``WorkbookFormatError`` naming the file (and the sheet where one is to
blame):

* a missing, unreadable or empty file, a folder, a FIFO, a device or a socket (never waited
  for: ``perfxl.io.reading.regular``), a file over ``MAX_FILE``;
* other formats: an .xls (BIFF, in an OLE compound file), an encrypted (password-protected)
  workbook, an .xlsb, an .ods, anything that is not a zip, and an .xlsx whose name does not end in
  an extension the readers accept (openpyxl goes by the extension);
* damaged packages: a truncated or corrupt zip, a member failing its CRC, a member compressed
  with a method Python cannot read, members with a zip password, two members with one name,
  a workbook part or a sheet part missing;
* hostile packages, before any XML parser runs: zip bombs (``MAX_UNCOMPRESSED`` in all, a
  compression ratio over ``MAX_RATIO``, more than ``MAX_MEMBERS`` members; the sizes are those
  the headers declare, which is all Python's zipfile will ever inflate — a member that inflates
  to more fails its CRC), any DTD (``<!DOCTYPE``, so no entity is ever declared, let alone
  expanded: billion laughs, external entities), more than ``MAX_CELLS`` cells, and a sheet whose
  cells span more than ``MAX_AREA`` rows x columns (python-calamine allocates that rectangle
  densely: one value typed into XFD1048576 made it abort the whole process asking for 512 GB).

The cell count is what bounds openpyxl's time and memory (measured: a sheet of 1,048,576 rows,
3 million elements, took it 18 s and 540 MB; one <mergeCell> over a whole sheet, minutes): it
counts every XML element of the package (rows, cells, shared strings, styles... whatever
openpyxl would turn into objects) plus the area of every range openpyxl expands cell by cell
(merged cells, hyperlink ranges) and of every Excel Table (the reader walks its rows).

Everything is read in one streaming pass of at most ``MAX_UNCOMPRESSED`` bytes, in 1 MiB steps,
stopping as soon as a limit is passed (a standard workbook of ~12,000 elements takes ~10 ms; a
sheet of a million rows is refused after about 1 s with flat memory).
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from perfxl.errors import WorkbookFormatError
from perfxl.io.reading.regular import read_regular

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

#: Limits that keep a hostile file from exhausting memory or time.
MAX_FILE = 100 * 1024 * 1024          # bytes on disk
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # bytes, all members together, as declared
MAX_RATIO = 200                       # uncompressed / compressed, above 10 MB uncompressed
MAX_MEMBERS = 2000
MAX_CELLS = 1_000_000                 # XML elements + cells covered by expanded ranges
MAX_AREA = 2_000_000                  # rows x columns spanned by the cells of one sheet
#: Extensions openpyxl opens (it refuses a path with any other); the readers go by content.
EXTENSIONS = (".xlsx", ".xlsm", ".xltx", ".xltm")

_STEP = 1 << 20
#: Bytes of members the package check keeps for the readers (``Package``); a standard workbook
#: is ~0.5 MB, a hostile one is not kept beyond this.
KEEP = 16 << 20
_TAIL = 4096  # longer than any _RANGE match, so none is cut in two
#: "DOCTYPE" as an XML parser could meet it: UTF-8/ASCII, UTF-16 and UTF-32 (both orders).
_DOCTYPE = tuple("<!DOCTYPE".encode(enc) for enc in
                 ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_ENTITY = tuple("<!ENTITY".encode(enc) for enc in
                ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
#: Ranges that openpyxl (or the reader) expands cell by cell: merged cells, hyperlinks, tables.
_RANGE = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,30}:)?(mergeCell|hyperlink|table)\s[^>]{0,2000}?"
                    rb"\bref\s*=\s*[\"']\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})"
                    rb"(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?")


#: Where cells sit: the address of ``<c r="B5">`` (every spelling XML allows: spaces, either
#: quote; it starts with a literal so the search is fast), and the numbers of ``<row r="5">``
#: (only needed when some cells carry no address).  Another attribute whose name ends in "r"
#: can match too, which only makes the estimate larger.
_CELL_REF = re.compile(rb"""r\s{0,20}=\s{0,20}["']\$?([A-Z]{1,3})\$?(\d{1,7})["']""")
#: Cell start tags: plain, and with a namespace prefix (":c " also matches text; that only makes
#: the scan more careful).
_CELL_TAGS = (b"<c ", b"<c>", b"<c/>", b"<c\t", b"<c\n", b"<c\r", b":c ", b":c>", b":c/>")
_ROW_NUM = re.compile(rb"""<(?:[A-Za-z_][\w.-]{0,30}:)?row\s[^>]{0,500}?\br\s*=\s*["'](\d{1,7})["']""")
#: Any markup declaration ("<!") in UTF-8, UTF-16 or UTF-32: only then is a DTD looked for.
_MARKUP = (b"<!", b"<\x00!", b"<\x00\x00\x00!")


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def _area(m: re.Match[bytes]) -> int:
    c0, r0 = _col(m.group(2)), int(m.group(3))
    if m.group(4) is None:
        return 1
    c1, r1 = _col(m.group(4)), int(m.group(5))
    return (abs(r1 - r0) + 1) * (abs(c1 - c0) + 1)


class Package(zipfile.ZipFile):
    """A workbook package (``zipfile.ZipFile`` over its bytes) whose members are decompressed
    once however many readers ask for them: the package check reads every member, then the
    formula scan, the error cells and the table parts of the calamine book read the sheet parts
    again.  ``read`` is remembered, and the package check keeps each member it read whole in
    one step (CRC checked; at most ``KEEP`` bytes in all); a streamed ``open`` is not."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._members: dict[str, bytes] = {}

    def read(self, name, pwd=None) -> bytes:
        key = name.filename if isinstance(name, zipfile.ZipInfo) else name
        got = self._members.get(key) if pwd is None else None
        if got is None:
            got = super().read(name, pwd)
            if pwd is None:
                self._members[key] = got
        return got


def check_xlsx(path: str | Path) -> None:
    """Raise ``WorkbookFormatError`` unless ``path`` looks like a readable .xlsx/.xlsm package
    that is safe to hand to openpyxl or calamine (see the module docstring)."""
    read_checked(path)


def read_checked(path: str | Path) -> bytes:
    """The bytes of ``path``, read once, after every check of ``check_xlsx`` passed on them.

    Readers parse these bytes (not the file again), so a file replaced on disk while perfxl
    reads it is read whole from one version or refused, never mixed."""
    data, package = open_checked(path)
    package.close()
    return data


def open_checked(path: str | Path) -> tuple[bytes, Package]:
    """``read_checked``'s bytes and the ``Package`` opened on them, holding the members the
    check read whole, so readers need not decompress them again (the caller closes it).
    Raises ``WorkbookFormatError`` as ``check_xlsx``."""
    p = Path(path)
    name = str(path)
    try:
        if not p.exists():
            if p.is_symlink():  # a link to nothing, or to itself round a loop
                raise WorkbookFormatError("这是一个失效或循环的符号链接（快捷方式），指向的文件不存在；"
                                          "请检查链接或直接给出工作簿文件", file=name)
            raise WorkbookFormatError("文件不存在，请检查路径", file=name)
        if p.is_dir():
            raise WorkbookFormatError("这是一个文件夹，不是工作簿文件；请指定要读取的 .xlsx 文件", file=name)
        # never open() a FIFO or a device: it would wait for a writer, or never end
        data = read_regular(p, MAX_FILE, WorkbookFormatError, "工作簿文件")
    except PermissionError:
        raise WorkbookFormatError("没有读取权限，请检查文件权限", file=name) from None
    except OSError as exc:
        raise WorkbookFormatError(f"无法读取文件（{exc.strerror or exc}）", file=name) from None
    size = len(data)
    head = data[:4096]
    if size == 0:
        raise WorkbookFormatError("文件为空（0 字节），请重新保存或重新导出", file=name)
    if size > MAX_FILE:
        raise WorkbookFormatError(f"文件过大（{size // 1024 // 1024} MB），超过 {MAX_FILE // 1024 // 1024} MB 的上限",
                                  file=name)
    if head.startswith(OLE_MAGIC):
        blob = data[:4 * 1024 * 1024]
        if "EncryptedPackage".encode("utf-16-le") in blob:
            raise WorkbookFormatError("工作簿设置了打开密码（已加密），perfxl 无法读取；"
                                      "请在 Excel 中取消密码（文件→信息→保护工作簿）后另存", file=name)
        raise WorkbookFormatError("这是旧版 Excel 97-2003 工作簿（.xls）；请在 Excel 或 WPS 中另存为 .xlsx",
                                  file=name)
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookFormatError("不是 Excel 工作簿（.xlsx）文件；请使用 perfxl 标准工作簿", file=name)
    try:
        package = Package(data)
        try:
            _check_package(package, name)
        except BaseException:
            package.close()
            raise
    except WorkbookFormatError:
        raise
    except zipfile.BadZipFile as exc:
        bad = re.search(r"for file '([^']+)'", str(exc))
        what = f"{bad.group(1)} 校验失败" if bad else "压缩包无法打开"
        raise WorkbookFormatError(f"文件已损坏或不完整（{what}）；请重新保存或重新获取文件",
                                  file=name) from None
    except NotImplementedError:
        raise WorkbookFormatError("工作簿使用了不支持的压缩方式（不是 Excel 保存的 .xlsx）；"
                                  "请在 Excel 或 WPS 中打开后另存为 .xlsx", file=name) from None
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        if "encrypted" in str(exc):
            raise WorkbookFormatError("压缩包设置了密码（成员已加密），不是 Excel 保存的 .xlsx；"
                                      "请取消压缩包密码后重新保存", file=name) from None
        raise WorkbookFormatError(f"文件已损坏或不完整（{exc}）；请重新保存或重新获取文件",
                                  file=name) from None
    except (EOFError, OSError, ValueError, zlib.error, OverflowError) as exc:
        raise WorkbookFormatError(f"文件已损坏或不完整（{exc}）；请重新保存或重新获取文件",
                                  file=name) from None
    if p.suffix.lower() not in EXTENSIONS:
        package.close()
        raise WorkbookFormatError(f"文件扩展名为“{p.suffix or '（无）'}”，但内容是 .xlsx 工作簿；"
                                  "请把扩展名改为 .xlsx（含宏的改为 .xlsm）", file=name)
    return data, package


def _check_package(zf: zipfile.ZipFile, name: str) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise WorkbookFormatError("压缩包成员过多，疑似异常文件，已拒绝读取", file=name)
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise WorkbookFormatError(f"压缩包中有重复的成员（{'、'.join(dup[:3])}），"
                                  "不同程序会读到不同的内容，已拒绝读取", file=name)
    # a member named with backslashes (xl\worksheets\sheet1.xml) or differing only in case is
    # the same part to some programs (Python's zipfile on Windows turns "\" into "/"; OPC part
    # names are case-insensitive) and another part to others: check and score would read
    # different sheets.  Refused, as duplicates are.
    slashed = [n for n in names if "\\" in n]
    if slashed:
        raise WorkbookFormatError(f"压缩包中有以反斜杠“\\”命名的成员（{'、'.join(slashed[:3])}），"
                                  "不同程序会把它当成不同的部件，已拒绝读取；"
                                  "请在 Excel 中打开后另存为 .xlsx", file=name)
    folded = [n.lower() for n in names]
    if len(set(folded)) != len(folded):
        dup = sorted({n for n in names if folded.count(n.lower()) > 1})
        raise WorkbookFormatError(f"压缩包中有仅大小写不同的成员（{'、'.join(dup[:3])}），"
                                  "不同程序会读到不同的内容，已拒绝读取；"
                                  "请在 Excel 中打开后另存为 .xlsx", file=name)
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO and total > 10 * 1024 * 1024:
        raise WorkbookFormatError(f"解压后体积异常（{total // 1024 // 1024} MB，压缩比 {total // packed}），"
                                  "疑似压缩炸弹，已拒绝读取", file=name)
    members = set(names)
    if "mimetype" in members and b"opendocument" in zf.read("mimetype")[:200]:
        raise WorkbookFormatError("这是 OpenDocument 表格（.ods）；请另存为 Excel 工作簿（.xlsx）",
                                  file=name)
    if "xl/workbook.bin" in members:
        raise WorkbookFormatError("这是 Excel 二进制工作簿（.xlsb）；请另存为 .xlsx", file=name)
    if "xl/workbook.xml" not in members or "[Content_Types].xml" not in members:
        raise WorkbookFormatError("压缩包内没有 Excel 工作簿内容，不是 .xlsx 文件；请在 Excel 或 WPS 中打开后另存为 .xlsx", file=name)

    scan = _Scan(zf, name)
    for info in infos:
        if not info.is_dir():
            scan.member(info)
    _check_sheet_parts(zf, members, name)


def _looks_like_xml(first: bytes) -> bool:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff"):
        if first.startswith(bom):
            first = first[len(bom):]
            break
    return first.lstrip(b" \t\r\n\x00").startswith(b"<")


class _Scan:
    """One streaming pass over the members of a package (see the module docstring)."""

    def __init__(self, zf: zipfile.ZipFile, name: str) -> None:
        self.zf, self.name = zf, name
        self.units: dict[str, int] = {}
        self.total = 0
        self.kept = 0  # bytes of members handed to the package (``KEEP``)

    def member(self, info: zipfile.ZipInfo) -> None:
        """Read one member to its end (zipfile checks its CRC there).  A member that is XML
        (by content, whatever its name: openpyxl parses whatever the relationships point to)
        is refused when it holds a DTD; its elements and the cells its expanded ranges cover
        count against ``MAX_CELLS``, and the cells it places against ``MAX_AREA``."""
        lower = info.filename.lower()
        media = lower.startswith("xl/media/") and lower.endswith(".svg")  # no reader parses it
        part = info.filename
        self.units[part] = 0
        pending = b""
        xml: bool | None = None
        rows: set[bytes] = set()  # row numbers of cells
        cols: set[bytes] = set()  # column letters of cells
        cells = usual = 0
        whole = None  # the member, when its first step read all of it
        with self.zf.open(info) as fh:
            while True:
                chunk = fh.read(_STEP)
                if whole is None:
                    whole = chunk
                elif chunk:
                    whole = b""  # more than one step: not kept
                if xml is None:
                    xml = _looks_like_xml(chunk[:64])
                if not xml:
                    if not chunk:
                        break
                    continue
                buf = pending + chunk
                if not media and any(m in buf for m in _MARKUP) and (
                        any(d in buf for d in _DOCTYPE) or any(e in buf for e in _ENTITY)):
                    raise WorkbookFormatError(
                        f"工作簿内部 XML（{part}）含有 DTD 或实体声明，可能是恶意构造的文件"
                        "（XML 炸弹或外部实体），已拒绝读取；perfxl 从不展开 XML 实体", file=self.name)
                # elements started in this chunk: "<" not followed by "/"
                n = chunk.count(b"<") - chunk.count(b"</")  # (<? and <! are few: counted too)
                limit = len(buf) if not chunk else len(buf) - _TAIL
                for m in _RANGE.finditer(buf):
                    if m.start() >= limit:
                        break
                    n += _area(m)
                self._add(part, max(n, 0))
                # where cells are placed (sets of addresses: windows may overlap)
                cut = max(limit, 0)
                found = _CELL_REF.findall(buf, 0, min(len(buf), cut + 64))
                if found:
                    c, r = zip(*found)
                    cols.update(c)
                    rows.update(r)
                # cells not written the usual way (<c r="..." first, no prefix) may carry no
                # address and sit after the previous one: then the rows' own numbers count too,
                # so they cannot hide a far cell.  Counted once each: occurrences starting
                # before ``cut`` (the rest is counted with the next chunk).
                cells += sum(buf.count(t, 0, cut + len(t) - 1) for t in _CELL_TAGS)
                usual += buf.count(b'<c r="', 0, cut + 5)
                if cells > usual:
                    rows.update(_ROW_NUM.findall(buf, 0, min(len(buf), cut + 600)))
                if not chunk:
                    break
                pending = buf[cut:]
        if rows and (cols or cells > usual):
            self._placed(part, rows, cols, max(cells - usual, 0))
        # read to its end, so its CRC was checked: the readers may take it from here
        if whole and isinstance(self.zf, Package) and self.kept + len(whole) <= KEEP:
            self.kept += len(whole)
            self.zf._members[part] = whole

    def _add(self, part: str, n: int) -> None:
        self.units[part] += n
        self.total += n
        if self.total > MAX_CELLS:
            worst = max(self.units, key=self.units.get)
            sheet = self._sheet(worst)
            where = f"工作表「{sheet}」" if sheet else f"部件 {worst} "
            raise WorkbookFormatError(
                f"工作簿的单元格过多（已数到约 {self.total:,} 个单元格或元素，其中{where}约 "
                f"{self.units[worst]:,} 个；上限 {MAX_CELLS:,}），疑似异常文件，已拒绝读取；"
                "请删除多余的行、列或合并区域后另存", file=self.name, sheet=sheet)

    def _placed(self, part: str, rows: set[bytes], cols: set[bytes], unaddressed: int) -> None:
        r = [int(x) for x in rows if int(x) > 0]
        c = [_col(x) for x in cols] or [1]
        if not r:
            return
        height = max(r) - min(r) + 1
        width = max(max(c) - min(c) + 1, min(unaddressed, 16384))
        if height * width > MAX_AREA:
            from perfxl.layout import get_column_letter  # a draft's reader does not need the layout

            sheet = self._sheet(part)
            far = f"{get_column_letter(max(c))}{max(r)}"
            raise WorkbookFormatError(
                f"工作表使用区域过大（{height} 行 × {width} 列，最远的单元格 {far}），"
                "请删除多余的行列后另存", file=self.name, sheet=sheet or part)

    def _sheet(self, part: str) -> str | None:
        try:
            return _owner_sheet(self.zf, part)
        except Exception:  # the message is still right without the sheet's name
            return None


def _owner_sheet(zf: zipfile.ZipFile, part: str) -> str | None:
    """The sheet whose XML is ``part``, or which owns it (a table part), if any."""
    import posixpath

    from perfxl.io.reading.sheetxml import PKG_RNS, _parse, sheet_parts

    parts = sheet_parts(zf)
    for sheet, sheet_part in parts.items():
        if sheet_part == part:
            return sheet
    for sheet, sheet_part in parts.items():
        folder, base = posixpath.split(sheet_part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in zf.namelist():
            continue
        for rel in _parse(zf.read(rels)).iter(f"{PKG_RNS}Relationship"):
            target = rel.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            if path == part:
                return sheet
    return None


def _check_sheet_parts(zf: zipfile.ZipFile, members: set[str], name: str) -> None:
    """Every sheet the workbook lists has its part in the package."""
    from perfxl.io.reading.sheetxml import sheet_parts

    if "xl/_rels/workbook.xml.rels" not in members:
        raise WorkbookFormatError("工作簿缺少关系部件（xl/_rels/workbook.xml.rels），文件不完整；"
                                  "请在 Excel 中打开后另存为 .xlsx", file=name)
    try:
        parts = sheet_parts(zf)
    except Exception as exc:  # damaged workbook.xml: defusedxml / expat errors
        raise WorkbookFormatError(f"工作簿的目录部件（xl/workbook.xml）无法解析（{type(exc).__name__}）；"
                                  "文件可能已损坏", file=name) from None
    for sheet, part in parts.items():
        if part not in members:
            raise WorkbookFormatError(f"工作表「{sheet}」的内容（{part}）在文件中缺失，文件不完整；"
                                      "请重新保存或重新获取文件", file=name, sheet=sheet)
