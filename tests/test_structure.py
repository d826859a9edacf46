"""The package's shape (brief: one core, thin edges; issue 13: no import circle in perfxl/io).

Imports are read from the source (every ``import`` statement, lazy ones inside functions too), so
a circle hidden behind a function-level import is found as well.
"""
from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "perfxl"
EDGE_LIBS = ("openpyxl", "xlwings", "perfxl.io", "perfxl.addin")


def _modules() -> dict[str, Path]:
    mods = {}
    for p in PKG.rglob("*.py"):
        parts = p.relative_to(PKG.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        mods[name] = p
    return mods


MODS = _modules()

#: The draft's file edge: what reads a draft's bytes into text and tables.
DRAFT_FILE_EDGE = ("perfxl.draft.reading", "perfxl.draft.guard", "perfxl.draft.docx_plain",
                   "perfxl.draft.docx_tables", "perfxl.draft.pdf")

#: The core works on the in-memory model: no file format, no Excel, no perfxl edge.
CORE = ("perfxl.model", "perfxl.derived", "perfxl.numbers", "perfxl.layout", "perfxl.glossary",
        "perfxl.scoring", "perfxl.checks", "perfxl.report.context",
        "perfxl.report.sentences", "perfxl.report.fmt", "perfxl.carry",
        # the draft's claims and rules; perfxl.draft itself and its readers of files (.txt / .docx /
        # .pdf, and the guards they share with the workbook reader) are its file edge
        *(m for m in MODS if m.startswith("perfxl.draft.") and m not in DRAFT_FILE_EDGE))


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def _owner(name: str) -> str | None:
    while name and name not in MODS:
        name = name.rpartition(".")[0]
    return name or None


def _graph() -> dict[str, set[str]]:
    g = {}
    for m, p in MODS.items():
        g[m] = {o for i in _imports(p) if i.startswith("perfxl") and (o := _owner(i)) and o != m
                and o != "perfxl"}
    return g


def _cycles(g: dict[str, set[str]]) -> list[list[str]]:
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in g[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in g:
        if v not in index:
            visit(v)
    return out


def test_io_rooms_hold_no_import_circle():
    cycles = [c for c in _cycles(_graph()) if any(m.startswith("perfxl.io") for m in c)]
    assert cycles == []


def test_io_has_one_room_per_job():
    rooms = {p.name for p in (PKG / "io").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert rooms == {"reading", "writing", "office", "live"}
    assert not [p.name for p in (PKG / "io").glob("*.py") if p.name != "__init__.py"]
    assert (PKG / "batch" / "summary.py").is_file()  # the batch summary sits next to the batch


def test_core_never_imports_an_edge():
    bad = []
    for m, p in MODS.items():
        if any(m == c or m.startswith(c + ".") for c in CORE):
            bad += [f"{m} imports {i}" for i in _imports(p)
                    if any(i == e or i.startswith(e + ".") for e in EDGE_LIBS)]
    assert bad == []
