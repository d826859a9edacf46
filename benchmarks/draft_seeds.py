"""The draft proofreader (issue 12) on the seed reports, .txt and .docx, against the audit.

    python benchmarks/draft_seeds.py [--lenient] [--json]

Prints, per seed and in total, the error items of /work/shared/reference/seed-audit.json found
on their claim_line or other_line (a table-row finding counts on every line of its row;
``--lenient``: on any line their audited quotes cover), warnings found as warnings,
error-level findings on lines with no audited item, and the seed-holds.json relations that got
a finding (definitions: tests/draft/measure.py; the same thresholds are asserted by
tests/draft/test_seeds.py).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perfxl.draft import check_draft  # noqa: E402
from tests.draft.measure import SEED_IDS, make_docx, measure, seed_path  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--strict", action="store_true", help="the default: claim_line/other_line")
    ap.add_argument("--lenient", action="store_true", help="any line of the audited quotes")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        runs = {
            "txt": {s: check_draft(seed_path(s)) for s in SEED_IDS},
            "docx": {s: check_draft(make_docx(seed_path(s), Path(tmp) / f"{s}.docx"))
                     for s in SEED_IDS},
        }
    out = {k: measure(v, strict=not args.lenient) for k, v in runs.items()}
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for kind, m in out.items():
        t = m["total"]
        print(f"{kind}: errors found {t['errors_found']}/{t['errors']} "
              f"({t['error_recall']:.0%}; {t['errors_as_error']} at error level), "
              f"warnings as warnings {t['warnings_as_warning']}/{t['warnings']}, "
              f"stray errors {t['stray_errors']}, holds broken {t['holds_broken']}/{t['holds']}")
        for sid, s in m["seeds"].items():
            print(f"  {sid}: errors {s['errors_found']}/{s['errors']}, warnings "
                  f"{s['warnings_as_warning']}/{s['warnings']}, stray {s['stray'] or '-'}, "
                  f"missed {s['missed'] or '-'}, holds broken {s['broken'] or '-'}")


if __name__ == "__main__":
    main()
