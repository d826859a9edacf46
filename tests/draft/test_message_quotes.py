"""A finding's message quotes the draft inside “…”; the draft's own double quotes become single
ones there (GB/T 15834: a quotation inside a quotation), while the finding's ``quote`` field keeps
the words as written (annotate finds them in the document by it)."""
import pytest

from perfxl.draft import check_draft
from perfxl.draft.engine import _nested_quote
from tests.draft.measure import SEEDS


def test_inner_double_quotes_become_single():
    assert _nested_quote({"quote": "“三公”经费", "n": 1}) == {"quote": "‘三公’经费", "n": 1}


def test_a_quote_without_inner_quotes_is_the_same_object():
    args = {"quote": "三公经费支出"}
    assert _nested_quote(args) is args and _nested_quote({}) == {}


@pytest.mark.skipif(not any(SEEDS.glob("004_*.txt")), reason="seeds not beside the checkout")
def test_seed_004_three_public_sentence():
    # line 44: 「“三公”经费支出总额较上年增加0.11万元，上升1.99%」 (seed-audit 004)
    fs = [f for f in check_draft(next(SEEDS.glob("004_*.txt"))) if f.rule == "PX601"]
    assert fs and all(f.message.startswith("“‘三公’经费支出总额") for f in fs)
    assert all("““" not in f.message and f.quote.startswith("“三公”") for f in fs)
