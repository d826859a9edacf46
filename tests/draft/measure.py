"""Measuring the draft proofreader on the seed reports against the audit (issue 12, "Must show").

``measure(findings_by_seed)`` compares, per seed, the findings with
``/work/shared/reference/seed-audit.json`` (items with ``claim_line`` / ``other_line``) and
``seed-holds.json`` (relations that hold, on ``line``):

* an item's lines are its claim_line and other_line; the audit quotes a table's cells one per
  line ("\t53\n\t94.00%" at claim_line 71), so a quote of k lines covers claim_line ..
  claim_line + k - 1 (``strict=True`` keeps only the two lines themselves);
* a finding is *on* its line, or on every line of the table row it names (``from_line`` ..
  ``line``, a row pasted one cell per line);
* an error item is *found* when a finding (any level) is on one of its lines;
  ``errors_as_error`` counts those with an error-level finding there;
* a warning item is *found as a warning* when a warning-level finding is on one of its lines;
* ``stray_errors``: error-level findings on a line with no audited item (any severity);
* ``holds_broken``: holds whose line carries a finding while no audited item is on that line.

Used by ``tests/draft/test_seeds.py`` and ``benchmarks/draft_seeds.py``.
"""
from __future__ import annotations

import json
from pathlib import Path

SHARED = Path("/work/shared")
SEEDS = SHARED / "seeds"
REFERENCE = SHARED / "reference"
SEED_IDS = ("000", "002", "004")


def seed_path(sid: str) -> Path:
    return next(SEEDS.glob(f"{sid}_*.txt"))


def load(name: str) -> list[dict]:
    return json.loads((REFERENCE / name).read_text("utf-8"))


def make_docx(txt: Path, out: Path) -> Path:
    """A .docx with one body paragraph per line of ``txt`` (python-docx)."""
    import docx
    from perfxl.draft.reading import decode_text
    d = docx.Document()
    for p in list(d.paragraphs):  # the default template has none, but be sure
        p._element.getparent().remove(p._element)
    for line in decode_text(txt.read_bytes()).replace("\r\n", "\n").split("\n")[:-1]:
        d.add_paragraph(line)
    d.save(str(out))
    return out


def _pasted_blocks(lines: list[str]) -> list[tuple[str, object]]:
    """A .txt's lines as ``("p", line)`` paragraphs and ``("t", rows)`` tables: a table pasted
    one cell per line (a tab first, a blank line between rows) is a run of such rows, each row a
    list of cells, each cell a list of its lines (a line without a tab under a cell goes on
    with it, as ``perfxl.draft.tables`` reads it)."""
    out: list[tuple[str, object]] = []
    rows: list = []
    cur: list | None = None

    def end() -> None:
        nonlocal rows, cur
        if cur is not None:
            rows.append(cur)
            cur = None
        if rows:
            out.append(("t", rows))
            rows = []

    for line in lines:
        if line.lstrip(" ").startswith("\t"):
            cur = (cur or []) + [[line.strip(" \t\u3000")]]
        elif line == "" and (cur is not None or rows):
            if cur is not None:
                rows.append(cur)
                cur = None
        elif line.strip() and cur is not None:
            cur[-1].append(line.strip())
        else:
            end()
            out.append(("p", line))
    end()
    return out


def make_docx_tables(txt: Path, out: Path) -> Path:
    """A .docx of ``txt`` as its author's Word file was: each table pasted one cell per line
    (seed 004) made a ruled Word table again, the other lines body paragraphs.  A row with
    fewer cells than the table is wide has its first cell merged over the columns it lacks (its
    last cells under the last columns, as ``perfxl.draft.tables`` aligns them); a row glued to
    the next one (no blank line between) is split as ``perfxl.draft.tables`` splits it."""
    import docx
    from perfxl.draft.reading import decode_text
    from perfxl.draft.tables import Cell, _split
    d = docx.Document()
    for p in list(d.paragraphs):
        p._element.getparent().remove(p._element)
    lines = decode_text(txt.read_bytes()).replace("\r\n", "\n").split("\n")[:-1]
    for kind, block in _pasted_blocks(lines):
        if kind == "p":
            d.add_paragraph(block)
            continue
        usual = sorted(len(r) for r in block)[len(block) // 2]
        rows = []
        for r in block:
            i = 0
            for part in _split([Cell(" ".join(c), 0, 0) for c in r], usual):
                rows.append(r[i:i + len(part)])
                i += len(part)
        width = max(len(r) for r in rows)
        table = d.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for row, cells in zip(table.rows, rows):
            grid = row.cells
            span = width - len(cells)
            targets = [grid[0].merge(grid[span]) if span else grid[0]]
            targets += [grid[span + i] for i in range(1, len(cells))]
            for cell, paras in zip(targets, cells):
                cell.text = paras[0]
                for more in paras[1:]:
                    cell.add_paragraph(more)
    d.save(str(out))
    return out


def place(f) -> int | None:
    return f.line if f.line is not None else f.paragraph


def places(f) -> range:
    """The lines a finding is reported on: its line, or the table row it names (``from_line``
    .. ``line`` for a table pasted one cell per line)."""
    last = place(f)
    first = f.from_line if f.line is not None else f.from_paragraph
    return range(first or last, last + 1)


def _lines(a: dict, strict: bool) -> set[int]:
    out = set()
    for n, q in ((a["claim_line"], a["claim_quote"]), (a["other_line"], a["other_quote"])):
        if n:
            out.update(range(n, n + (1 if strict else q.count("\n") + 1)))
    return out


def measure(findings: dict[str, list], *, strict: bool = False) -> dict:
    audit, holds = load("seed-audit.json"), load("seed-holds.json")
    out: dict = {"seeds": {}}
    tot = {"errors": 0, "errors_found": 0, "errors_as_error": 0, "warnings": 0,
           "warnings_as_warning": 0, "stray_errors": 0, "holds": 0, "holds_broken": 0}
    for sid, fs in findings.items():
        items = [a for a in audit if a["file"].startswith(sid)]
        audited = {n for a in items for n in _lines(a, strict)}
        at: dict[int, list] = {}
        for f in fs:
            for n in places(f):
                at.setdefault(n, []).append(f)
        s = {"errors": 0, "errors_found": 0, "errors_as_error": 0, "warnings": 0,
             "warnings_as_warning": 0, "missed": [], "stray": [], "holds": 0,
             "holds_broken": 0, "broken": []}
        for a in items:
            lines = _lines(a, strict)
            got = [f for n in sorted(lines) for f in at.get(n, [])]
            if a["severity"] == "error":
                s["errors"] += 1
                s["errors_found"] += bool(got)
                s["errors_as_error"] += any(f.level == "error" for f in got)
                if not got:
                    s["missed"].append(a["id"])
            elif a["severity"] == "warning":
                s["warnings"] += 1
                ok = any(f.level == "warning" for f in got)
                s["warnings_as_warning"] += ok
                if not ok:
                    s["missed"].append(a["id"])
        for f in fs:
            if f.level == "error" and not audited.intersection(places(f)):
                s["stray"].append(f"{f.rule}@{place(f)}")
        s["stray_errors"] = len(s["stray"])
        for h in holds:
            if not h["file"].startswith(sid):
                continue
            s["holds"] += 1
            if h["line"] not in audited and at.get(h["line"]):
                s["holds_broken"] += 1
                s["broken"].append(h["id"])
        out["seeds"][sid] = s
        for k in tot:
            tot[k] += s[k]
    tot["error_recall"] = tot["errors_found"] / tot["errors"] if tot["errors"] else 1.0
    out["total"] = tot
    return out
