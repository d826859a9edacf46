"""The red-team drafts (``tests/draft/test_redteam_forms.DRAFTS``: changes, sums, warnings) as a
real PDF: each made a .docx of a paragraph a line (``tests.draft.measure.make_docx``), printed by
LibreOffice in one run, then checked; the error-level findings of the PDF against those of the
text.  Prints the quiet drafts that gain an error and the recall drafts that lose their rule.

    .venv/bin/python benchmarks/redteam_forms_pdf.py [--keep DIR]

Needs LibreOffice and the [pdf] extra; about two minutes for ~850 drafts on 2 shared cores.
The unit test (``test_a_draft_printed_to_pdf_keeps_its_errors_and_adds_none``) prints a sample."""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from perfxl.draft import check_draft, check_text  # noqa: E402
from perfxl.io.office.libreoffice import convert  # noqa: E402
from tests.draft.measure import make_docx  # noqa: E402
from tests.draft.test_redteam_forms import DRAFTS  # noqa: E402


def _errors(findings) -> set[str]:
    return {f.rule for f in findings if f.level == "error"}


def main(tmp: Path) -> None:
    srcs = []
    for did, _k, _r, text in DRAFTS:
        (tmp / f"{did}.txt").write_text(text, encoding="utf-8")
        srcs.append(make_docx(tmp / f"{did}.txt", tmp / f"{did}.docx"))
    t0 = time.perf_counter()
    pdfs = convert(srcs, "pdf", tmp / "out")
    print(f"{len(pdfs)} PDFs printed in {time.perf_counter() - t0:.0f} s")
    wrong, lost, nq, nr = [], [], 0, 0
    for (did, kind, rule, text), pdf in zip(DRAFTS, pdfs):
        clean, got = _errors(check_text(text)), _errors(check_draft(pdf))
        if kind == "q":
            nq += 1
            if got - clean:
                wrong.append((did, sorted(got - clean)))
        elif rule in clean:
            nr += 1
            if rule not in got:
                lost.append((did, rule))
    print(f"quiet {nq}: gain an error {len(wrong)}; recall {nr}: lose their error {len(lost)}")
    for x in wrong:
        print("  WRONG", *x)
    for x in lost:
        print("  LOST", *x)


if __name__ == "__main__":
    if "--keep" in sys.argv:
        out = Path(sys.argv[sys.argv.index("--keep") + 1])
        out.mkdir(parents=True, exist_ok=True)
        main(out)
    else:
        with tempfile.TemporaryDirectory(prefix="perfxl-forms-") as d:
            main(Path(d))
