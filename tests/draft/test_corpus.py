"""Smoke run of benchmarks/draft_corpus.py: the development corpus of public texts (issue 20).

The texts are third-party and live outside the repository (``/tmp/corpus`` or
``$PERFXL_DRAFT_CORPUS``); without them the measure is skipped.  With them, the issue's targets
hold: at most 1 wrong error-level finding per 20 documents, at least 60% of the FAIL items of
the hand audit (benchmarks/corpus/manifest.toml) found with their figure.

The validation set (benchmarks/corpus/validation.toml, texts in ``/tmp/validation`` or
``$PERFXL_DRAFT_VALIDATION``) is only run, not held to the targets: see its tests below.
"""
from __future__ import annotations

import importlib.util
import os
import tomllib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "draft_corpus.py"
HELDOUT = Path("/work/shared/reference/heldout-urls.txt")


def _heldout() -> set[str]:
    return set(HELDOUT.read_text("utf-8").split()) if HELDOUT.exists() else set()


def _module():
    spec = importlib.util.spec_from_file_location("draft_corpus", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_manifest_records_facts_only():
    docs = tomllib.loads((BENCH.parent / "corpus" / "manifest.toml").read_text("utf-8"))["document"]
    assert len(docs) >= 50
    assert len({d["province"] for d in docs if not d["province"].startswith(("全国", "台湾", "未知"))}) >= 12
    assert sum(i["verdict"] == "FAIL" for d in docs for i in d["items"]) >= 20
    assert len({d["file"] for d in docs}) == len(docs)
    assert len({d["url"].split("://")[1].rstrip("/") for d in docs}) == len(docs)  # no text twice
    heldout = _heldout()
    for d in docs:
        assert d["url"].startswith("http") and d["query"] and d["file"].endswith(".txt")
        assert d["url"] not in heldout
        for item in d["items"]:
            assert item["verdict"] in ("FAIL", "SOFT", "PASS")
            assert item["verdict"] != "FAIL" or item["figure"]


def test_skips_without_the_texts(tmp_path, capsys):
    mod = _module()
    assert mod.measure(tmp_path) is None
    assert mod.main(["--corpus", str(tmp_path)]) == 0
    assert "skipped" in capsys.readouterr().out


def test_corpus_targets():
    mod = _module()
    got = mod.measure()
    if got is None:
        pytest.skip("the development corpus texts are not on this machine")
    assert got["wrong_errors_per_20"] <= 1, got["per_document"]
    assert got["fail_found_share"] is None or got["fail_found_share"] >= 0.6, got["per_document"]


# The validation set (benchmarks/corpus/validation.toml): texts no rule was tuned on, audited
# before perfxl was run on them.  Its figures are measured, not asserted as targets: a wrong
# error needs a hand decision (listed for the lead), and on its 2 FAIL items the share found
# (1/2 on 2026-12-07) is below the 60 %; asserting a target it does not meet, or
# tuning rules until it does, would make it a development set.
VALIDATION = BENCH.parent / "corpus" / "validation.toml"
VALIDATION_TEXTS = Path(os.environ.get("PERFXL_DRAFT_VALIDATION", "/tmp/validation"))


def _urls(path: Path) -> set[str]:
    return {d["url"] for d in tomllib.loads(path.read_text("utf-8"))["document"]}


def test_validation_manifest_records_facts_only_and_is_disjoint():
    docs = tomllib.loads(VALIDATION.read_text("utf-8"))["document"]
    assert len(docs) >= 25
    assert len({d["province"] for d in docs if not d["province"].startswith(("全国", "台湾", "未知"))}) >= 8
    assert len({d["file"] for d in docs}) == len(docs)
    _assert_facts_only(docs, _heldout() | _urls(BENCH.parent / "corpus" / "manifest.toml"))


def _assert_facts_only(docs: list[dict], seen: set[str]) -> None:
    """Each document of a validation manifest: URL, query and file given, URL in no earlier set,
    verdicts FAIL / SOFT / PASS and a figure for every FAIL."""
    for d in docs:
        assert d["url"].startswith("http") and d["query"] and d["file"].endswith(".txt")
        assert d["url"] not in seen, d["url"]
        for item in d["items"]:
            assert item["verdict"] in ("FAIL", "SOFT", "PASS")
            assert item["verdict"] != "FAIL" or item["figure"]


def _assert_runs(texts: Path, manifest: Path) -> None:
    """The measure of a validation set is consistent with its manifest (skipped without texts)."""
    got = _module().measure(texts, manifest)
    if got is None:
        pytest.skip(f"the texts of {manifest.name} are not on this machine")
    docs = tomllib.loads(manifest.read_text("utf-8"))["document"]
    present = [d for d in docs if (texts / d["file"]).is_file()]
    assert got["documents"] == len(present)
    assert got["fail_items"] == sum(i["verdict"] == "FAIL" for d in present for i in d["items"])
    assert 0 <= got["wrong_errors"] <= got["errors"]
    assert 0 <= got["fail_found"] <= got["fail_items"]
    assert got["wrong_errors_per_20"] == round(got["wrong_errors"] * 20 / got["documents"], 2)


def test_validation_set_runs_when_its_texts_are_present():
    _assert_runs(VALIDATION_TEXTS, VALIDATION)


# The second validation set (benchmarks/corpus/validation2.toml, texts in ``/tmp/validation2`` or
# ``$PERFXL_DRAFT_VALIDATION2``): collected after the first one was used to fix the failure
# classes it showed, audited before perfxl was run on it.  As for the first, its figures are
# measured and decided by hand (benchmarks/README.md), not asserted as targets.
VALIDATION2 = BENCH.parent / "corpus" / "validation2.toml"
VALIDATION2_TEXTS = Path(os.environ.get("PERFXL_DRAFT_VALIDATION2", "/tmp/validation2"))


def _assert_later_set(manifest: Path, min_docs: int, earlier: list[Path]) -> None:
    """A validation set collected after others: at least ``min_docs`` documents of 10 provinces,
    no file or URL twice, facts only, none of its URLs in an earlier set, at least one FAIL."""
    docs = tomllib.loads(manifest.read_text("utf-8"))["document"]
    assert len(docs) >= min_docs
    assert len({d["province"] for d in docs if not d["province"].startswith(("全国", "台湾", "未知"))}) >= 10
    assert len({d["file"] for d in docs}) == len(docs)
    assert len({d["url"] for d in docs}) == len(docs)
    seen = _heldout() | _urls(BENCH.parent / "corpus" / "manifest.toml")
    for path in earlier:
        seen |= _urls(path)
    _assert_facts_only(docs, seen)
    assert sum(i["verdict"] == "FAIL" for d in docs for i in d["items"]) >= 1


def test_second_validation_manifest_records_facts_only_and_is_disjoint():
    _assert_later_set(VALIDATION2, 30, [VALIDATION])


def test_second_validation_set_runs_when_its_texts_are_present():
    _assert_runs(VALIDATION2_TEXTS, VALIDATION2)


# The third validation set (benchmarks/corpus/validation3.toml, texts in ``/tmp/validation3`` or
# ``$PERFXL_DRAFT_VALIDATION3``): collected after the second one was used to fix the failure
# classes it showed, audited by hand and committed before perfxl was first run on it.  Its
# figures are measured and judged by hand (benchmarks/README.md), not asserted as targets.
VALIDATION3 = BENCH.parent / "corpus" / "validation3.toml"
VALIDATION3_TEXTS = Path(os.environ.get("PERFXL_DRAFT_VALIDATION3", "/tmp/validation3"))


def test_third_validation_manifest_records_facts_only_and_is_disjoint():
    _assert_later_set(VALIDATION3, 40, [VALIDATION, VALIDATION2])


def test_third_validation_set_runs_when_its_texts_are_present():
    _assert_runs(VALIDATION3_TEXTS, VALIDATION3)


# The fourth validation set (benchmarks/corpus/validation4.toml, texts in ``/tmp/validation4`` or
# ``$PERFXL_DRAFT_VALIDATION4``): a smaller blind set collected after the third was measured,
# audited by hand and committed before perfxl was first run on it.  As for the third, its
# figures are measured and judged by hand (benchmarks/README.md), not asserted as targets.
VALIDATION4 = BENCH.parent / "corpus" / "validation4.toml"
VALIDATION4_TEXTS = Path(os.environ.get("PERFXL_DRAFT_VALIDATION4", "/tmp/validation4"))


def test_fourth_validation_manifest_records_facts_only_and_is_disjoint():
    _assert_later_set(VALIDATION4, 20, [VALIDATION, VALIDATION2, VALIDATION3])


def test_fourth_validation_set_runs_when_its_texts_are_present():
    _assert_runs(VALIDATION4_TEXTS, VALIDATION4)


# The fifth and sixth blind measures, each collected in two parts at the same time (A: narrative
# 自评报告 / 评价报告; B: 决算 and “三公” notes, 财政收支, 资金下达 texts, 自评表 pasted as text):
# benchmarks/corpus/validation5.toml … validation8.toml, texts in ``/tmp/validationN`` or
# ``$PERFXL_DRAFT_VALIDATIONN``.  Each was audited by hand and committed before perfxl was first
# run on it; its figures are measured and judged by hand (benchmarks/README.md), not asserted as
# targets.  A part shares no URL with the sets before it nor with its sibling part.
def _later(n: int) -> Path:
    return BENCH.parent / "corpus" / f"validation{n}.toml"


#: set number -> (fewest documents, its sibling part)
LATER_SETS = {5: (20, 6), 6: (20, 5), 7: (15, 8), 8: (20, 7)}
_EARLIER = {5: [VALIDATION, VALIDATION2, VALIDATION3, VALIDATION4]}
_EARLIER[6] = _EARLIER[5]
_EARLIER[7] = _EARLIER[8] = _EARLIER[5] + [_later(5), _later(6)]


@pytest.mark.parametrize("n", sorted(LATER_SETS))
def test_later_validation_manifest_records_facts_only_and_is_disjoint(n):
    fewest, sibling = LATER_SETS[n]
    other = _later(sibling)
    _assert_later_set(_later(n), fewest, _EARLIER[n] + ([other] if other.exists() else []))


@pytest.mark.parametrize("n", sorted(LATER_SETS))
def test_later_validation_set_runs_when_its_texts_are_present(n):
    _assert_runs(Path(os.environ.get(f"PERFXL_DRAFT_VALIDATION{n}", f"/tmp/validation{n}")),
                 _later(n))
