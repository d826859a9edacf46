"""Issue 15: arbitrary cell values through every command — read → check → score → report →
batch — end with exit code 0, 1 or 2 and never a traceback; the input is never changed.

Hypothesis writes 1–4 values (huge, tiny, NaN and ±inf numbers; long, control-character and
right-to-left texts; formula-like and DDE texts; dates as serials and as text; booleans) into
input cells of example 004, straight into the sheet XML of a copy (the example's bytes are read
once, so one example costs only the commands).  Each command runs in-process through click's
CliRunner; the test fails on any exception other than ``SystemExit``.

``PERFXL_CLI_EXAMPLES`` sets the number of examples: 50 by default, the same 50 every run under
the "ci" hypothesis profile (tests/conftest.py), about 15 s of CPU; a deeper search is
``PERFXL_CLI_EXAMPLES=300 HYPOTHESIS_PROFILE=dev`` (measured: 150 took 52 s of CPU; 300 passed
in 264 s wall with PERFXL_CLI_SHRINK=0).  Issue 23: 200 examples made this one test the
suite's longest (4 minutes on a busy machine), longer than the rest of a parallel run.
"""
from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from lxml import etree  # noqa: E402

from perfxl import layout as L  # noqa: E402
from tests.corpus import make  # noqa: E402

EXAMPLES = int(os.environ.get("PERFXL_CLI_EXAMPLES", "50"))
#: Shrinking a failure costs minutes here (4 commands per try); set PERFXL_CLI_SHRINK=0 to see
#: the first failing example as generated.
PHASES = tuple(p for p in Phase if os.environ.get("PERFXL_CLI_SHRINK", "1") != "0"
               or p is not Phase.shrink)


def _cells() -> list[tuple[str, str]]:
    """(sheet, A1) of every input and stated field, and of the first rows of each table."""
    lay = L.LAYOUT
    out = [lay.field_cell(k) for k, (_s, _b, f) in lay.fields.items()
           if f.role in (L.INPUT, L.STATED)]
    for tkey, (_s, t) in lay.tables.items():
        for c in t.columns:
            if c.role in (L.INPUT, L.STATED):
                out += [lay.table_cell(tkey, i, c.key) for i in range(min(2, t.n_rows or 2))]
    return out


CELLS = _cells()

FLOATS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1.7976931348623157e308, -1e308, 1e300, 9.99999999999999e307, 5e-324,
                     1e15 + 0.5, 0.005, -0.0, 2.675, 1e-300]),
)
TEXTS = st.one_of(
    st.sampled_from(['=HYPERLINK("http://evil.example/x","点我")', "=cmd|'/c calc'!A1",
                     "+1+1", "-2", "@SUM(A1)", "\u202e局务商\u202c", "岳阳\x01市\x1f", "\x7f",
                     "=1/0", "#REF!", "96.79%", "１２３", " 达成 ", "否 ", "TRUE", "2023-12-31",
                     "_x0001_", "'=1", "\r\n", "\t"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.integers(min_value=200, max_value=33000).map(lambda n: "长" * n),
)
VALUES = st.one_of(
    st.none(),
    FLOATS.map(lambda v: ("num", v)),
    st.integers(min_value=-(10 ** 20), max_value=10 ** 20).map(lambda v: ("num", v)),
    TEXTS.map(lambda v: ("str", v)),
    st.booleans().map(lambda v: ("bool", v)),
    st.integers(min_value=1, max_value=2958465).map(lambda v: ("num", v)),  # date serials
)
EDITS = st.lists(st.tuples(st.sampled_from(CELLS), VALUES), min_size=1, max_size=4)

_ILLEGAL = __import__("re").compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


class _Source:
    """Example 004's members, read once, and its sheet parts."""

    def __init__(self) -> None:
        from perfxl.io.reading.sheetxml import sheet_parts

        self.path = make.example_path("004")
        with zipfile.ZipFile(self.path) as zf:
            self.infos = zf.infolist()
            self.data = {i.filename: zf.read(i.filename) for i in self.infos}
            self.parts = sheet_parts(zf)

    def write(self, edits, dst: Path) -> None:
        roots: dict[str, etree._Element] = {}
        for (sheet, a1), value in edits:
            part = self.parts[sheet]
            root = roots.get(part)
            if root is None:
                root = roots[part] = etree.fromstring(self.data[part])
            if value is None:
                make.set_cell(root, a1, None)
            elif value[0] == "num":
                make.set_cell(root, a1, 1.0)
                el = make.cell_el(root, a1).find(f"{make.Q}v")
                el.text = repr(float(value[1])) if isinstance(value[1], float) else str(value[1])
            elif value[0] == "bool":
                make.set_cell(root, a1, int(value[1]), t="b")
            else:  # control characters stored as Excel stores them: _x0001_
                text = _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", value[1])
                make.set_cell(root, a1, text)
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
            for info in self.infos:
                name = info.filename
                body = etree.tostring(roots[name], xml_declaration=True, encoding="UTF-8",
                                      standalone=True) if name in roots else self.data[name]
                zout.writestr(name, body)


@pytest.fixture(scope="module")
def source() -> _Source:
    return _Source()


def _run(args: list[str]):
    from click.testing import CliRunner

    from perfxl.cli import main

    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        import traceback

        raise AssertionError(f"perfxl {args[0]} raised {r.exception!r}:\n"
                             + "".join(traceback.format_exception(*r.exc_info)))
    assert r.exit_code in (0, 1, 2), (args, r.exit_code, r.output)
    assert "Traceback" not in r.output, (args, r.output)
    if r.exit_code == 2:
        assert r.stderr.startswith("perfxl："), (args, r.stderr)
    return r


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, print_blob=True, phases=PHASES,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(edits=EDITS)
def test_any_cell_value_through_every_command(source, tmp_path_factory, edits):
    d = tmp_path_factory.mktemp("cli")
    src = d / "自评表.xlsx"
    source.write(edits, src)
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    check = _run(["check", src, "--format", "json"])
    score = _run(["score", src, "-o", d / "评分.xlsx"])
    report = _run(["report", src, "-o", d / "报告.docx"])
    batch = _run(["batch", src, "-o", d / "汇总.xlsx", "--jobs", "1"])
    # a file the reader refuses is refused by every command (score may refuse more: no
    # framework to score with is exit 2 there, a PX005 finding in check)
    if check.exit_code == 2:
        assert score.exit_code == 2 and report.exit_code == 2, (score.output, report.output)
    assert batch.exit_code in (0, 1) and (d / "汇总.xlsx").exists(), batch.output
    if score.exit_code != 2:
        assert (d / "评分.xlsx").exists() and (d / "报告.docx").exists()
        with zipfile.ZipFile(d / "报告.docx") as zf:
            etree.fromstring(zf.read("word/document.xml"))
    with zipfile.ZipFile(d / "汇总.xlsx") as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name), name
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest

