"""The compound-file writer, read back by olefile (an independent reader)."""
from __future__ import annotations

import io

import olefile
import pytest

from perfxl.addin.cfb import write_cfb

SIZES = {"empty": 0, "one mini sector": 64, "mini": 1000, "just below cutoff": 4095,
         "cutoff": 4096, "regular": 5000, "many sectors": 70_000}


def _tree(n_children: int) -> dict:
    return {"PROJECT": b"ID=1", "VBA": {f"m{i:02d}": bytes([i]) * (i * 300) for i in range(n_children)}}


def _read(data: bytes) -> olefile.OleFileIO:
    return olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_stream_sizes_read_back(size):
    payload = bytes(range(256)) * (size // 256) + bytes(size % 256)
    with _read(write_cfb({"S": payload, "T": {"U": b"u"}})) as ole:
        assert ole.openstream("S").read() == payload
        assert ole.openstream("T/U").read() == b"u"


@pytest.mark.parametrize("n", [1, 2, 3, 6, 7, 15, 20])
def test_directory_tree_is_a_valid_red_black_search_tree(n):
    with _read(write_cfb(_tree(n))) as ole:
        assert sorted(ole.listdir()) == sorted([["PROJECT"]] + [["VBA", f"m{i:02d}"] for i in range(n)])
        entries = ole.direntries
        vba = next(e for e in entries if e and e.name == "VBA")

        def walk(sid, lower):  # in-order names, black height; asserts the red-black rules
            if sid == olefile.NOSTREAM:
                return [], 1
            e = entries[sid]
            left, hl = walk(e.sid_left, e)
            right, hr = walk(e.sid_right, e)
            assert hl == hr
            if e.color == 0:  # red: both children black
                for kid in (e.sid_left, e.sid_right):
                    assert kid == olefile.NOSTREAM or entries[kid].color == 1
            return left + [e.name] + right, hl + e.color

        names, _ = walk(vba.sid_child, None)
        assert names == sorted(names, key=lambda s: (len(s), s.upper()))


def test_same_tree_same_bytes():
    assert write_cfb(_tree(6)) == write_cfb(_tree(6))


def test_name_too_long_is_refused():
    with pytest.raises(ValueError):
        write_cfb({"x" * 32: b""})
