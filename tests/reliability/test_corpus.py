"""Every malformed input of the corpus (``tests/corpus/make.py``), through the reader (both
engines) and every ``perfxl`` command that exists: a finding or a clear Chinese error naming the
file (sheet and cell where known) with exit code 2 — never a traceback, never a hang, never a
partial output file.
"""
from __future__ import annotations

import json
import subprocess
import sys
import traceback
import zipfile
from pathlib import Path

import pytest

from perfxl.errors import PerfxlError
from tests.corpus import make
from tests.reliability.helpers import (Corpus, available_commands, cpu_seconds, leftovers,
                                       model_digest, race, run_cli)

ENGINES = ("openpyxl", "calamine")
COMMANDS = ("check", "score", "report")
HAVE = available_commands()

#: Known failures in code this suite does not own, (entry, target) -> why.  Each is strict: when
#: the fix lands the test passes, pytest reports XPASS(strict) as a failure, and the line goes.
KNOWN: dict[tuple[str, str], str] = {}


def _mark(name: str, target: str):
    why = KNOWN.get((name, target))
    return [pytest.mark.xfail(reason=why, strict=True)] if why else []


def _params(targets):
    return [pytest.param(e, t, id=f"{e.name}-{t.split(':')[1]}", marks=_mark(e.name, t))
            for e in make.CORPUS for t in targets]


# ------------------------------------------------------------------------------------------------
def test_corpus_covers_issue_8():
    names = {e.name for e in make.CORPUS}
    assert len(names) >= 30
    for must in ("not-a-zip", "truncated-zip", "empty-file", "xls-biff8", "xlsb", "ods",
                 "password", "zip-bomb", "xml-bomb-sheet", "template-v0", "plain-workbook",
                 "missing-sheet", "missing-table", "renamed-table", "row-inserted-open",
                 "row-deleted-fixed", "merged-data-rows", "text-percent", "text-thousands",
                 "text-fullwidth", "text-about", "text-dash", "text-padded",
                 "number-stored-as-text", "negative-amount", "absurd-amount", "div0-cached",
                 "error-value-input", "name-error", "external-link", "circular",
                 "formula-without-cache", "million-rows", "chinese-path", "read-only", "fifo", "device",
                 "changed-after-sniff", "changed-between-reads", "truncated-mid-read"):
        assert must in names, must


def test_foreign_formats_are_real(corpus: Corpus):
    """The .xls, .xlsb and .ods are real files of their formats (python-calamine reads them),
    the password-protected one really is encrypted (msoffcrypto-tool says so)."""
    import python_calamine as pc

    for name, sheet in (("xls-biff8", "基本信息"), ("xlsb", "基本信息"), ("ods", "基本信息")):
        wb = pc.CalamineWorkbook.from_path(str(corpus.path(name)))
        assert wb.sheet_names == [sheet], name
        assert 4128.02 in [v for row in wb.get_sheet_by_index(0).to_python() for v in row], name
    try:
        lo = corpus.path("ods-libreoffice")
    except pytest.skip.Exception:
        lo = None
    if lo is not None:
        assert "收入" in pc.CalamineWorkbook.from_path(str(lo)).sheet_names
    msoffcrypto = pytest.importorskip("msoffcrypto")
    with open(corpus.path("password"), "rb") as fh:
        assert msoffcrypto.OfficeFile(fh).is_encrypted()


# ------------------------------------------------------------------------------------------------
# The reader
# ------------------------------------------------------------------------------------------------
def _read(corpus: Corpus, e: make.Entry, engine: str):
    """(model or None, PerfxlError or None, CPU seconds, path, race counters)."""
    from perfxl.io.reading.xlsx_reader import read_workbook

    path = corpus.fresh(e.name) if e.race else corpus.path(e.name)
    donor = corpus.donor(e.race[2]) if e.race and e.race[0] == "swap" else None
    ctx = race(path, e.race, donor) if e.race else _nullrace()
    t = cpu_seconds()
    model = err = None
    with ctx as seen:
        try:
            model = read_workbook(path, engine=engine)
        except PerfxlError as exc:
            err = exc
        except BaseException:  # noqa: BLE001 - this is what the test is about
            pytest.fail(f"{e.name}: the reader raised something else than PerfxlError:\n"
                        f"{traceback.format_exc()}")
    return model, err, cpu_seconds() - t, path, seen


class _nullrace:
    def __enter__(self):
        return {"fired": 0}

    def __exit__(self, *exc):
        return False


def _assert_error(e: make.Entry, err: PerfxlError | None, path: Path, got: str) -> None:
    assert err is not None, f"{e.name}: expected an error「{e.expect.text}」, got {got}"
    msg = str(err)
    assert e.expect.text in msg, f"{e.name}: 「{e.expect.text}」 not in: {msg}"
    assert str(path) in msg, f"{e.name}: the message does not name the file: {msg}"
    assert err.file == str(path)
    if e.expect.sheet:
        assert err.sheet == e.expect.sheet, f"{e.name}: sheet {err.sheet!r}: {msg}"
        assert f"「{e.expect.sheet}」" in msg
    if e.expect.cell:
        assert err.cell == e.expect.cell, f"{e.name}: cell {err.cell!r}: {msg}"
        assert e.expect.cell in msg


@pytest.mark.parametrize("e, target", _params([f"reader:{x}" for x in ENGINES]))
def test_reader(corpus: Corpus, e: make.Entry, target: str):
    engine = target.split(":")[1]
    model, err, seconds, path, seen = _read(corpus, e, engine)
    assert seconds < e.seconds, f"{e.name}: {seconds:.1f}s CPU (bound {e.seconds}s)"
    kind = e.expect.kind
    if kind == "error":
        _assert_error(e, err, path, "a model")
    elif kind in ("ok", "finding"):
        assert err is None, f"{e.name}: expected a model, got: {err}"
        assert model is not None
        if e.expect.message:
            reason = model.source.number_text.get((e.expect.sheet, e.expect.cell), "")
            assert e.expect.message in reason, (e.name, model.source.number_text)
    else:  # either: a clear error, or a read equal to one version of the file
        if err is not None:
            assert str(path) in str(err), str(err)
            return
        from perfxl.io.reading.xlsx_reader import read_workbook

        versions = [model_digest(read_workbook(make.example_path("004"), engine=engine))]
        if e.race[0] == "swap":
            try:
                versions.append(model_digest(read_workbook(corpus.donor(e.race[2]),
                                                           engine=engine)))
            except PerfxlError:
                pass
        assert model_digest(model) in versions, \
            f"{e.name}: the read mixes versions of the file (race fired {seen['fired']}x)"


@pytest.mark.parametrize("e, target", [
    p for p in _params(["message:openpyxl"]) if p.values[0].expect.kind == "error"
    and not p.values[0].race])
def test_reader_message_is_helpful(corpus: Corpus, e: make.Entry, target: str):
    """Every refusal starts in Chinese and says what to do (请…) or what was refused
    (已拒绝…), and carries no traceback."""
    from perfxl.io.reading.xlsx_reader import read_workbook

    with pytest.raises(PerfxlError) as info:
        read_workbook(corpus.path(e.name))
    msg = info.value.message
    assert "\u4e00" <= msg[0] <= "\u9fff", msg
    assert any(w in msg for w in ("请", "已拒绝")), msg
    assert "Traceback" not in msg


# ------------------------------------------------------------------------------------------------
# The commands
# ------------------------------------------------------------------------------------------------
def _cli_args(command: str, path: Path, outdir: Path) -> tuple[list, str | None]:
    if command == "check":
        return ["check", path, "--format", "json"], None
    if command == "score":  # the copy keeps the macros, so a macro input's copy is .xlsm
        name = "评分结果.xlsm" if path.suffix.lower() == ".xlsm" else "评分结果.xlsx"
        return ["score", path, "--format", "json", "-o", outdir / name], name
    if command == "report":
        return ["report", path, "-o", outdir / "自评报告.docx"], "自评报告.docx"
    raise KeyError(command)


@pytest.mark.parametrize("e, target", _params([f"cli:{c}" for c in COMMANDS]))
def test_cli(corpus: Corpus, tmp_path: Path, e: make.Entry, target: str):
    command = target.split(":")[1]
    if command not in HAVE:
        pytest.skip(f"perfxl {command} does not exist yet")
    path = corpus.fresh(e.name) if e.race else corpus.path(e.name)
    outdir = tmp_path / "输出 目录"
    outdir.mkdir()
    args, out_name = _cli_args(command, path, outdir)
    donor = corpus.donor(e.race[2]) if e.race and e.race[0] == "swap" else None
    with (race(path, e.race, donor) if e.race else _nullrace()):
        run = run_cli(args)
    info = run.describe()
    assert run.exception is None, f"{e.name}: escaped exception (a traceback):\n{info}"
    assert "Traceback" not in run.output, info
    assert run.cpu < e.seconds, info
    kind = e.expect.kind
    if kind == "either":
        kind = "error" if run.exit_code == 2 else "ok"
    if kind == "error":
        assert run.exit_code == 2, info
        if e.expect.kind == "error":
            assert e.expect.text in run.stderr, info
        assert str(path) in run.stderr, f"the message does not name the file:\n{info}"
        for where in (e.expect.sheet, e.expect.cell):
            if where:
                assert where in run.stderr, info
        assert leftovers(outdir) == [], f"a failed run left files behind:\n{info}"
        return
    # readable: the command did its job
    if command == "check":
        assert run.exit_code in (0, 1), info
        data = json.loads(run.stdout)
        rules = [f["rule"] for f in data["files"][0]["findings"]]
        if kind == "finding":
            assert run.exit_code == 1, info
            assert any(r.startswith(e.expect.text) for r in rules), (rules, info)
        if e.expect.message:  # the finding at its cell says the fix
            at = [f for f in data["files"][0]["findings"] if f["rule"] == e.expect.text
                  and (f["sheet"], f["cell"]) == (e.expect.sheet, e.expect.cell)]
            assert at and e.expect.message in at[0]["message"], (at, info)
    else:
        assert run.exit_code == 0, info
        assert leftovers(outdir) == [out_name], info
        with zipfile.ZipFile(outdir / out_name) as zf:  # .xlsx and .docx are both packages
            assert zf.testzip() is None


_OUTPUT_CASES = {
    # name: (command, output relative to the test folder; "{src}" is the input itself)
    "score-parent-is-a-file": ("score", "a-file/out.xlsx"),
    "score-output-is-input": ("score", "{src}"),
    "score-output-is-a-folder": ("score", "."),
    "report-parent-is-a-file": ("report", "a-file/out.docx"),
    "report-not-docx": ("report", "report.txt"),
    "report-output-is-a-folder": ("report", "."),
    "check-parent-is-a-file": ("check", "a-file/out.json"),
    "check-output-is-input": ("check", "{src}"),
}


@pytest.mark.parametrize("case", [pytest.param(c, marks=_mark(c, "output")) for c in _OUTPUT_CASES])
def test_cli_output_path_problems(corpus: Corpus, tmp_path: Path, case: str):
    """An output that cannot be written: exit 2, a Chinese message, nothing left behind, the
    input untouched."""
    command, out = _OUTPUT_CASES[case]
    if command not in HAVE:
        pytest.skip(f"perfxl {command} does not exist yet")
    src = corpus.fresh("chinese-path")
    before = src.read_bytes(), src.stat().st_mtime_ns
    (tmp_path / "a-file").write_text("x")
    target = src if out == "{src}" else tmp_path / out
    run = run_cli([command, src, "-o", target])
    info = run.describe()
    assert run.exception is None and "Traceback" not in run.output, info
    assert run.exit_code == 2, info
    assert any("\u4e00" <= ch <= "\u9fff" for ch in run.stderr), info
    assert (src.read_bytes(), src.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"], info
    assert leftovers(src.parent) == [src.name], info


def test_cli_real_process_prints_no_traceback(corpus: Corpus, tmp_path: Path):
    """The same through a real ``perfxl`` process: stderr carries the Chinese message only."""
    cmds = [c for c in ("score", "report", "check") if c in HAVE]
    if not cmds:
        pytest.skip("no command reads workbooks yet")
    exe = Path(sys.executable).with_name("perfxl")
    for name in ("xml-bomb-sheet", "missing-sheet", "zip-password"):
        path = corpus.path(name)
        proc = subprocess.run([str(exe), cmds[0], str(path)], capture_output=True, text=True,
                              timeout=600, cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
        assert str(path) in proc.stderr and make.BY_NAME[name].expect.text in proc.stderr
    assert leftovers(tmp_path) == []


@pytest.mark.skipif("batch" not in HAVE, reason="perfxl batch does not exist yet")
def test_batch_survives_every_bad_member(corpus: Corpus, tmp_path: Path):
    """The whole corpus in one ``perfxl batch`` (two worker processes): one row per file, each
    bad file a row with its Chinese error, the good ones reviewed; the run goes on."""
    files = []
    for e in make.CORPUS:
        if e.race or e.name in ("missing-file", "a-folder"):
            continue
        try:
            files.append((e, corpus.path(e.name)))
        except pytest.skip.Exception:
            continue
    out = tmp_path / "汇总.xlsx"
    run = run_cli(["batch", *[p for _, p in files], "-o", out, "--jobs", "2", "--format", "json"])
    info = run.describe()
    assert run.exception is None and "Traceback" not in run.output, info
    assert run.exit_code == 1, info  # unreadable members are rows: exit 1; the summary is written
    assert run.cpu < 90, info
    assert out.exists() and leftovers(tmp_path) == ["汇总.xlsx"], info
    rows = {r["file"]: r for r in json.loads(run.stdout)["files"]}
    problems = []
    for e, p in files:
        r = rows.get(str(p))
        if r is None:
            problems.append(f"{e.name}: no row")
        elif e.expect.kind == "error":
            if r["status"] != "unreadable" or e.expect.text not in (r["error"] or ""):
                if (e.name, "reader:calamine") not in KNOWN:
                    problems.append(f"{e.name}: {r['status']} {r['error']}")
        elif r["status"] == "unreadable" and (e.name, "reader:calamine") not in KNOWN:
            problems.append(f"{e.name}: unreadable: {r['error']}")
    assert not problems, "\n".join(problems)
