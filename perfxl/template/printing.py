"""How the standard workbook prints: the way the official paper forms do.

* A4, **fit to width, not to one page** (``fitToWidth``, ``fitToHeight=0``): the pages run
  down as far as the rows go, at the scale the width allows; **landscape** where the sheet is
  wider than a portrait page holds at a readable scale (``PORTRAIT_UNITS``), portrait otherwise;
  horizontally centred, a 「第 1 页，共 N 页」 footer.
* **A readable scale**: at least ``MIN_SCALE`` (70 %: 10-point text prints at 7 points or more;
  ``scale``).  A form one page wide prints one page wide; a sheet too wide for that (项目自评表:
  its project, funds and indicator tables share the columns) prints **two pages wide**
  (``pages_wide``), left half then right half of the same rows (``overThenDown``), its first
  column (项目名称) repeated on both (``title_columns``).
* **Column widths come from the tables** (``perfxl.template.builder``): a field block on the same
  sheet wraps its labels and notes in the table's columns and spreads a long text over the
  printed width (merged cells), so the fields never widen the printed form.
* **Print titles**: the header row of the sheet's main table (its longest) repeats on every
  page; a sheet of fields alone repeats its title rows 1:2.
* **Print area = the filled rows**: every block from its title row, a table down to its last
  filled row (``print_ranges``); the empty rows an open table keeps for typing are left out.
  Blocks that follow one another with one blank row between are one range; Excel and
  LibreOffice start each range on a new page.  The blank template prints each open table's
  header and its first ``BLANK_ROWS`` rows; ``perfxl.io.writing.xlsx_fill`` sets the print
  area to the filled rows when it fills a book.
* Output sheets (校验结果, 评分, 报告): fit to width, their title and header rows 1:2 repeated,
  landscape where wide (``output_orientation``; ``OUTPUT_PAGE_SETUP`` for the package writer).

Widths are in Excel character units (about 1.9 mm at 100 %).  No openpyxl here: the builder and
the writers apply these numbers.
"""
from __future__ import annotations

from perfxl import layout as L

__all__ = ["BLANK_ROWS", "PORTRAIT_UNITS", "orientation", "output_orientation", "title_rows",
           "print_ranges", "print_area", "OUTPUT_PAGE_SETUP", "MARGIN_SIDE", "LINE_HEIGHT",
           "row_height", "display_width", "MIN_SCALE", "POINTS_PER_UNIT", "scale", "pages_wide",
           "title_columns", "print_columns", "wrapped", "lone_closer", "label_width", "header_width"]

#: Rows of an open table the blank template prints under its header.
BLANK_ROWS = 3
#: Character units a portrait A4 page holds at about 90 % (wider sheets print landscape).
PORTRAIT_UNITS = 110
#: Left and right margins in inches (narrower than Excel's 0.7: more width, a larger scale).
MARGIN_SIDE = 0.4
#: Height in points of one line of 10-point text (a row grows by it for wrapped text).
LINE_HEIGHT = 13.5
#: The smallest print scale of a form: 10-point text at 7 points.
MIN_SCALE = 0.70
#: Points of paper one character unit of column width takes at 100 %, as LibreOffice (the
#: oracle) prints the template (measured: 264 units print at 42 %, 200 at 56 % on landscape A4).
POINTS_PER_UNIT = 7.05
_PAGE_POINTS = {"portrait": 595.0, "landscape": 842.0}  # A4 width in points


def scale(total_width: float, orient: str, pages: int = 1, repeated: float = 0.0) -> float:
    """The scale (≤ 1) at which ``total_width`` character units print ``pages`` A4 pages wide
    in ``orient``, the first ``repeated`` units printed on every page."""
    room = (_PAGE_POINTS[orient] - 2 * MARGIN_SIDE * 72) * pages
    need = (total_width + repeated * (pages - 1)) * POINTS_PER_UNIT
    return min(1.0, room / need) if need else 1.0


def pages_wide(total_width: float, orient: str) -> int:
    """1 when the sheet prints one page wide at ``MIN_SCALE`` or more, else 2 (its first column
    repeated on the second: ``title_columns``)."""
    return 1 if scale(total_width, orient) >= MIN_SCALE else 2


def title_columns(pages: int) -> str | None:
    """The columns repeated on every page across: "A:A" (项目名称, 一级指标…) for a sheet two
    pages wide, ``None`` for one page wide."""
    return "A:A" if pages > 1 else None


def display_width(text: str) -> float:
    """Width of ``text`` in Excel character units: a CJK (wide) character counts 2, and so does
    an ambiguous one (“ ” … ·), which a Chinese font draws full width."""
    import unicodedata

    w = 0.0
    for ch in text or "":
        w += 2.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1.1
    return w


def wrapped(text: str, room: float) -> list[str]:
    """The lines of ``text`` wrapped in ``room`` character units, as a spreadsheet wraps it: a
    run of ASCII (a number, "2.", a word) moves down whole, Chinese breaks anywhere (a word
    longer than the column breaks inside it)."""
    import re

    out: list[str] = []
    for part in str(text).split("\n"):
        line, used = "", 0.0
        for tok in re.findall(r"[!-~]+| +|.", part):
            w = display_width(tok)
            if used + w > room and used > 0 and not tok.isspace():
                out.append(line)
                line, used = "", 0.0
            while used + w > room and len(tok) > 1:  # a word wider than the column
                cut = next(i for i in range(len(tok), 0, -1)
                           if used + display_width(tok[:i]) <= room or i == 1)
                out.append(line + tok[:cut])
                line, used, tok = "", 0.0, tok[cut:]
                w = display_width(tok)
            line += tok
            used += w
        out.append(line)
    return out


#: Closing punctuation a line should not consist of alone (「执行率（计算」 over 「）」).
CLOSERS = frozenset("）)】」』”’，。、；：！？")


def lone_closer(text: str, room: float) -> bool:
    """Whether ``text`` wrapped in ``room`` units (``wrapped``) leaves a line of closing
    punctuation alone."""
    return any(line and set(line) <= CLOSERS for line in wrapped(text, room)[1:])


def _wrapped_lines(text: str, room: float) -> int:
    """How many lines ``text`` takes wrapped in ``room`` character units (``wrapped``)."""
    return len(wrapped(text, room))


def row_height(cells: list[tuple[str, float]]) -> float | None:
    """The height in points a row needs for its wrapped texts — ``cells`` are (text, column
    width in character units) — or ``None`` when one line does (Excel does not grow a row for
    wrapped text by itself: a longer text would be clipped on screen and on paper).  Lines are
    counted as the application wraps (``_wrapped_lines``: "2." or a number moves down whole)."""
    lines = 1
    for text, width in cells:
        lines = max(lines, _wrapped_lines(text, max(width - 1, 4)))
    return None if lines == 1 else min(LINE_HEIGHT * lines + 3, 409)


def label_width(labels: list[str], width: float, most: float = 6.0) -> float:
    """The width of a label column (column A beside a table), at least ``width`` and at most
    ``most`` units more, in half units, at which no label wraps with closing punctuation alone
    on a line (「执行率（计算」 over 「）」)
    as LibreOffice (the oracle) prints it (``_LO_CJK``, ``_LO_PAD``; ``row_height`` counts
    lines wider, 2 units a character, so the row is never too short)."""
    w = width
    while w <= width + most and any(lone_closer(t, (w - _LO_PAD) * 2 / k)
                                    for t in labels for k in _LO_CJK):
        w += 0.5
    return w if w <= width + most else width


def header_width(headers: list[str], width: float, floor: float, most: float = 3.0) -> float:
    """The width of a table column, near ``width`` and not below ``floor``, at which none of its
    ``headers`` wraps with closing punctuation alone on a line as LibreOffice prints it
    (「指标值（数值」 over 「）」 in 9 units, 「得分（计算」 over 「）」 in 8): ``width`` when it
    does not, else the nearest narrower width in half units (a narrower form prints larger:
    8 gives 「得分（计」 over 「算）」), else the nearest wider one up to ``most`` units more,
    else ``width``."""
    def fits(w: float) -> bool:
        return not any(lone_closer(h, (w - _LO_PAD) * 2 / k) for h in headers for k in _LO_CJK)

    narrower = [width - 0.5 * i for i in range(1, int((width - floor) * 2) + 1)]
    wider = [width + 0.5 * i for i in range(1, int(most * 2) + 1)]
    return next((w for w in [width, *narrower, *wider] if fits(w)), width)


#: Width units a 10-point Chinese character takes in LibreOffice's rendering of the template
#: (about 1.35), with a margin either side, and the units a cell's padding takes (measured on
#: the printed examples: column A of 部门自评表, 10 units, holds 6 characters a line; of
#: 人员编制, 12 units, 8).
_LO_CJK = (1.3, 1.35, 1.4)
_LO_PAD = 0.8


def orientation(total_width: float, table: bool = True) -> str:
    """"landscape" for a sheet with a ``table``, ``total_width`` character units wide, that
    portrait would shrink below about 90 %, else "portrait" (a form of fields and texts reads
    down the page)."""
    return "landscape" if table and total_width > PORTRAIT_UNITS else "portrait"


def output_orientation(widths: list[float]) -> str:
    """Orientation of an output sheet with these column widths."""
    return orientation(sum(widths))


def _main_table(sheet: L.Sheet) -> L.Table | None:
    tables = [b for b in sheet.blocks if isinstance(b, L.Table)]
    return max(tables, key=lambda t: t.n_rows, default=None)


def title_rows(sheet: L.Sheet, lay: L.Layout = L.LAYOUT) -> str:
    """The rows repeated at the top of each printed page: "18:18" (the main table's header) or
    "1:2" (the sheet's title) for a sheet without a table."""
    table = _main_table(sheet)
    if table is None:
        return "1:2"
    row = lay.header_row(table.key)
    return f"{row}:{row}"


def print_ranges(sheet: L.Sheet, filled: dict[str, int] | None = None,
                 lay: L.Layout = L.LAYOUT) -> list[tuple[int, int]]:
    """(first row, last row) of each printed range of ``sheet``.

    ``filled``: table key -> rows in use (last used data row's index + 1); ``None`` for the
    blank template (``BLANK_ROWS`` rows of each open table).  A fixed table prints all its rows,
    a field block all its fields; an open table with no filled row is left out (a sheet of
    nothing but empty tables prints its first table's header and one row); the sheet's title
    (rows 1-2) prints with its first block.
    """
    spans: list[tuple[int, int]] = []
    for i, block in enumerate(sheet.blocks):
        place = lay.places[block.key]
        if isinstance(block, L.FieldBlock):
            last = place.first_row + len(block.fields) - 1
        elif block.rows is not None:
            last = place.first_row + block.n_rows
        else:
            used = BLANK_ROWS if filled is None else filled.get(block.key, 0)
            if not used:
                continue  # an empty table of a filled book: not a page of empty rows
            last = place.first_row + min(used, block.n_rows)
        # the sheet's title (rows 1-2) prints with its first block
        spans.append((1 if i == 0 else place.title_row, last))
    if not spans and sheet.blocks:  # nothing filled: the first block's header and one row
        first = sheet.blocks[0]
        spans.append((1, lay.places[first.key].first_row + 1))
    ranges: list[tuple[int, int]] = []
    for first, last in spans:
        if ranges and first - ranges[-1][1] <= 2:  # one blank row between: one range
            ranges[-1] = (ranges[-1][0], last)
        else:
            ranges.append((first, last))
    return ranges


def print_columns(sheet: L.Sheet) -> int:
    """How many columns of ``sheet`` print: its widest table's, and for a field block its label
    and value (A, B) and, when a field has a note, the note (C)."""
    return max([len(b.columns) for b in sheet.blocks if isinstance(b, L.Table)]
               + [3 if any(f.note for f in b.fields) else 2
                  for b in sheet.blocks if isinstance(b, L.FieldBlock)], default=0)


def print_area(sheet: L.Sheet, filled: dict[str, int] | None = None,
               lay: L.Layout = L.LAYOUT) -> list[str]:
    """The print area of ``sheet`` as A1 ranges ("A1:Q29", ...) over its used columns; [] for a
    sheet without blocks (an output sheet)."""
    ncols = print_columns(sheet)
    if not ncols:
        return []
    last_col = L.get_column_letter(ncols)
    return [f"A{a}:{last_col}{b}" for a, b in print_ranges(sheet, filled, lay)]


def _page_setup_xml(orient: str) -> str:
    return (f'<pageMargins left="{MARGIN_SIDE}" right="{MARGIN_SIDE}" top="0.6" bottom="0.6" '
            'header="0.3" footer="0.3"/>'
            f'<pageSetup paperSize="9" orientation="{orient}" fitToWidth="1" fitToHeight="0"/>')


#: The page set-up of an output sheet in the package writer's XML: orientation -> XML of
#: ``pageMargins`` and ``pageSetup`` (``fitToPage`` goes in ``sheetPr``).
OUTPUT_PAGE_SETUP = {o: _page_setup_xml(o) for o in ("portrait", "landscape")}
