"""The draft proofreader on public texts it was not written for (issue 20, "Must show").

    python benchmarks/draft_corpus.py [--corpus DIR] [--manifest TOML] [--json] [-v]

Runs ``perfxl.draft.check_draft`` on every document of ``benchmarks/corpus/manifest.toml`` whose
text is in DIR (default ``/tmp/corpus``, or ``$PERFXL_DRAFT_CORPUS``; the texts are third-party
and never committed) and compares the findings with the hand audit of the manifest:

* an error-level finding is *right* when it is on the line of a FAIL item and names the item's
  ``figure`` (in its quote or message); every other error-level finding is *wrong*;
* a FAIL item is *found with its figure* when a finding of level error or warning is on its
  line and names its figure.

Prints the documents, provinces and FAIL items measured, wrong error-level findings per 20
documents and the share of FAIL items found.  Without the texts it prints a note and exits 0.
Targets (issue 20): at most 1 wrong error-level finding per 20 documents, at least 60% of the
FAIL items found.  Figures in benchmarks/README.md.
The validation set (texts no rule was tuned on) is measured the same way with
``--corpus /tmp/validation --manifest benchmarks/corpus/validation.toml``; a wrong error there
is decided by hand, and no rule may be tuned on it.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "corpus" / "manifest.toml"
DEFAULT_CORPUS = Path(os.environ.get("PERFXL_DRAFT_CORPUS", "/tmp/corpus"))


def _names(f, figure: str) -> bool:
    text = (f.quote or "") + (f.message or "")
    return figure in text or figure.replace(",", "") in text.replace(",", "")


def measure(corpus: Path = DEFAULT_CORPUS, manifest: Path = MANIFEST) -> dict | None:
    """The corpus figures (see the module doc), or ``None`` when no text of the manifest is in
    ``corpus``."""
    from perfxl.draft import check_draft
    docs = tomllib.loads(manifest.read_text("utf-8"))["document"]
    present = [d for d in docs if (corpus / d["file"]).is_file()]
    if not present:
        return None
    out = {"documents": len(present), "provinces": sorted({d["province"] for d in present}),
           "fail_items": 0, "fail_found": 0, "errors": 0, "wrong_errors": 0, "per_document": []}
    for d in present:
        findings = check_draft(corpus / d["file"])
        fails = [i for i in d.get("items", []) if i["verdict"] == "FAIL"]
        right, found = set(), 0
        for item in fails:
            hits = [f for f in findings if f.line == item["line"]
                    and f.level in ("error", "warning") and _names(f, item["figure"])]
            found += bool(hits)
            right.update(id(f) for f in hits if f.level == "error")
        errors = [f for f in findings if f.level == "error"]
        wrong = [f for f in errors if id(f) not in right]
        out["fail_items"] += len(fails)
        out["fail_found"] += found
        out["errors"] += len(errors)
        out["wrong_errors"] += len(wrong)
        out["per_document"].append({
            "file": d["file"], "province": d["province"], "fail_items": len(fails),
            "fail_found": found, "errors": len(errors),
            "wrong": [f"{f.line} {f.rule} {f.quote[:40]}" for f in wrong]})
    n = out["documents"]
    out["wrong_errors_per_20"] = round(out["wrong_errors"] * 20 / n, 2)
    out["fail_found_share"] = (round(out["fail_found"] / out["fail_items"], 3)
                               if out["fail_items"] else None)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--manifest", type=Path, default=MANIFEST)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    got = measure(args.corpus, args.manifest)
    if got is None:
        print(f"draft corpus: no text of {args.manifest.name} in {args.corpus}; skipped "
              "(the texts are third-party and kept outside the repository)")
        return 0
    if args.json:
        print(json.dumps(got, ensure_ascii=False, indent=1))
        return 0
    if args.verbose:
        for d in got["per_document"]:
            print(f"{d['file']:<36} FAIL {d['fail_found']}/{d['fail_items']}  errors "
                  f"{d['errors']}  wrong {len(d['wrong'])}  {'; '.join(d['wrong'])}")
    prov = [p for p in got["provinces"] if not p.startswith(("全国", "台湾", "未知"))]
    other = [p for p in got["provinces"] if p not in prov]
    print(f"documents: {got['documents']} from {len(prov)} provinces ({', '.join(prov)}; "
          f"also {', '.join(other)})")
    print(f"error-level findings: {got['errors']}, wrong: {got['wrong_errors']} "
          f"= {got['wrong_errors_per_20']} per 20 documents (target <= 1)")
    share = got["fail_found_share"]
    print(f"FAIL items found with their figure: {got['fail_found']}/{got['fail_items']}"
          + (f" = {share:.0%} (target >= 60%)" if share is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
