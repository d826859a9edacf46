"""``perfxl.batch.iter_reviews`` streams the reviews (issue 23: the parent's memory must not grow
with the number of books): the same reviews as ``review_files``, in the same order, handed out
one at a time while the workers go on."""
from __future__ import annotations

import types

from perfxl.batch import expand_paths, iter_reviews, parallel_imap, review_files


def test_stream_gives_the_reviews_in_order(small_set):
    files = expand_paths([small_set])
    stream = iter_reviews(files, jobs=2)
    assert isinstance(stream, types.GeneratorType)
    first = next(stream)  # a result before the others are asked for
    assert first.file == str(files[0])
    rest = list(stream)
    assert [r.to_json() for r in [first, *rest]] == [r.to_json() for r in review_files(files, jobs=1)]


def test_progress_counts_each_result_as_it_is_handed_out():
    seen = []
    out = list(parallel_imap(abs, [-1, -2, -3], jobs=1, progress=lambda d, t: seen.append((d, t))))
    assert out == [1, 2, 3] and seen == [(1, 3), (2, 3), (3, 3)]


def test_summary_holds_no_review_while_it_streams(small_set, tmp_path):
    """``summarize`` with the files named takes the reviews one at a time: when a review is
    handed out, none of those before the previous one is still alive (only its 汇总 record is
    kept), and the sheets are those of the summary written from the whole list."""
    import gc
    import pickle
    import weakref

    import openpyxl

    from perfxl.batch.summary import summarize, write_summary

    files = [str(f) for f in expand_paths([small_set])]
    reviews = review_files(files, jobs=1)
    blobs = [pickle.dumps(r) for r in reviews]
    refs, alive = [], []

    def stream():
        for blob in blobs:
            r = pickle.loads(blob)
            refs.append(weakref.ref(r))
            gc.collect()
            alive.append(sum(ref() is not None for ref in refs[:-2]))
            yield r
            del r

    records = summarize(stream(), tmp_path / "streamed.xlsx", files=files)
    assert len(records) == len(files) > 2
    assert alive == [0] * len(files)
    assert sum(len(r.findings) for r in reviews) > 0
    whole = write_summary(reviews, tmp_path / "whole.xlsx")
    for sheet in ("汇总", "全部问题", "图表"):
        got = openpyxl.load_workbook(tmp_path / "streamed.xlsx")[sheet]
        want = openpyxl.load_workbook(whole)[sheet]
        assert [[c.value for c in r] for r in got.iter_rows()] == \
            [[c.value for c in r] for r in want.iter_rows()], sheet


def test_batch_json_is_one_json_dumps_text(small_set, tmp_path):
    """``perfxl batch --format json`` prints the reviews one at a time; the text is what one
    ``json.dumps(..., ensure_ascii=False, indent=1)`` of the whole writes."""
    import json

    from tests.batch.conftest import perfxl

    p = perfxl("batch", str(small_set), "-o", str(tmp_path / "s.xlsx"), "--jobs", "1",
               "--format", "json")
    assert p.returncode in (0, 1), p.stderr
    data = json.loads(p.stdout)
    assert len(data["files"]) == len(expand_paths([small_set]))
    assert data["files"][0]["findings"] is not None and "name" in data["files"][0]
    assert p.stdout == json.dumps(data, ensure_ascii=False, indent=1) + "\n"
