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
