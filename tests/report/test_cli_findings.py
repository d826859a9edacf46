"""`perfxl report` prints computed figures; with ``--appendix`` it appends the 校验 errors that
explain where the workbook's own stated figures disagree (issue 5), on a page of their own;
without it (the default, issue 22) the report holds none and stderr says how to list them."""
from __future__ import annotations

from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from perfxl.cli import main
from perfxl.examples import example
from perfxl.outputs import FINDINGS_APPENDIX


def _report(tmp_path, *args):
    out = tmp_path / "004.docx"
    r = CliRunner().invoke(main, ["report", str(example("004").output_path()), "-o", str(out),
                                  *args])
    assert r.exit_code == 0, r.output
    return Document(out), r


def test_report_of_004_uses_computed_figures_and_lists_the_errors_on_request(tmp_path):
    doc, _ = _report(tmp_path, "--appendix")
    paras = doc.paragraphs
    text = "\n".join(p.text for p in paras)
    assert "96.79%" in text and "96.00%，" not in text.split(FINDINGS_APPENDIX)[0]
    appendix = text.split(FINDINGS_APPENDIX)[1]
    assert "PX201" in appendix and "96.00%" in appendix and "PX303" in appendix
    # clearly separated: the heading opens a new page
    i = next(i for i, p in enumerate(paras) if p.text == FINDINGS_APPENDIX)
    assert paras[i].paragraph_format.page_break_before


def test_report_has_no_appendix_by_default(tmp_path):
    doc, r = _report(tmp_path)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert FINDINGS_APPENDIX not in text and "PX201" not in text
    assert "工作簿有 12 个校验错误" in r.stderr and "--appendix" in r.stderr


def test_a_typed_sentence_the_proofreading_finds_wrong_is_marked(tmp_path):
    """004: the computed 「较上年决算减少5.61万元，下降49.34%」 and the typed 「增加0.11万元，
    上升1.99%」 in one report: the typed words are highlighted and carry a comment."""
    doc, r = _report(tmp_path)
    assert "已在报告中以黄色底色和批注标出" in r.stderr
    body = doc.element.body
    lit = "".join(t.text for run in body.iter(qn("w:r"))
                  if run.find(f"{qn('w:rPr')}/{qn('w:highlight')}") is not None
                  for t in run.iter(qn("w:t")))
    assert "“三公”经费支出总额较上年增加0.11万元，上升1.99%" in lit
    assert "减少5.61万元" not in lit  # the computed sentence is not marked
    comments = [c.text for c in doc.comments]
    assert any("PX601" in c and "减少" in c for c in comments)
