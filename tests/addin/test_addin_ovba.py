"""MS-OVBA 2.4.1 compression, table-driven: the specification's examples, edge sizes around
the 4096-byte chunk, a >4 KB VBA module, and round trips through oletools' decompressor (an
independent implementation)."""
from __future__ import annotations

import random
from importlib import resources

import pytest
from oletools.olevba import decompress_stream

from perfxl.addin.ovba import compress, decompress

# ([MS-OVBA] section, decompressed, compressed as the specification prints it)
SPEC = [
    ("3.2.1 no compression", b"abcdefghijklmnopqrstuv.",
     "01 19 B0 00 61 62 63 64 65 66 67 68 00 69 6A 6B 6C 6D 6E 6F 70 00 71 72 73 74 75 76 2E"),
    ("3.2.3 maximum compression", b"a" * 73, "01 03 B0 02 61 45 00"),
]
# 3.2.2 prints a container whose copy tokens pick farther, equally long matches than the
# section's own pseudo-code does (nearest candidate wins ties); both decompress to the input.
NORMAL_IN = b"#aaabcdefaaaaghijaaaaaklaaamnopqaaaaaaaaaaaarstuvwxyzaaa"
NORMAL_SPEC = bytes.fromhex("01 2F B0 00 23 61 61 61 62 63 64 65 82 66 00 70 61 67 68 69 6A 01"
                            "38 08 61 6B 6C 00 30 6D 6E 6F 70 06 71 02 70 04 10 72 73 74 75 76"
                            "10 77 78 79 7A 00 3C")
NORMAL_OURS = bytes.fromhex("01 2F B0 00 23 61 61 61 62 63 64 65 82 66 00 70 61 67 68 69 6A 01"
                            "38 08 61 6B 6C 00 20 6D 6E 6F 70 06 71 02 70 04 00 72 73 74 75 76"
                            "10 77 78 79 7A 00 2C")


def _xlwings_module() -> bytes:
    """xlwings' own VBA module (45 KB, 12 chunks): the real-world >4 KB case."""
    return resources.files("xlwings").joinpath("xlwings_custom_addin.bas").read_bytes()


def _vba_like(n: int) -> bytes:
    rng = random.Random(n)
    words = [b"Dim", b"As", b"String", b"If", b"Then", b"End", b"Sub", b"RunPython", b"    ",
             b"\r\n", b"perfxl", b"=", b"&", b'"', b"control"]
    out = bytearray()
    while len(out) < n:
        out += rng.choice(words) + b" "
    return bytes(out[:n])


ROUND_TRIP = {
    "empty": b"",
    "one byte": b"x",
    "three equal": b"aaa",
    "chunk - 1": _vba_like(4095),
    "exactly one chunk": _vba_like(4096),
    "chunk + 1": _vba_like(4097),
    "match across chunk boundary": b"Parameter" * 1000,
    "long run": b" " * 20000,
    "10 KB VBA-like": _vba_like(10_000),
    "binary": random.Random(7).randbytes(3000),
}


@pytest.mark.parametrize("section,plain,packed", SPEC, ids=[s[0] for s in SPEC])
def test_specification_examples(section, plain, packed):
    assert compress(plain) == bytes.fromhex(packed)
    assert decompress(bytes.fromhex(packed)) == plain


def test_specification_normal_example():
    assert decompress(NORMAL_SPEC) == NORMAL_IN
    assert compress(NORMAL_IN) == NORMAL_OURS
    assert bytes(decompress_stream(bytearray(NORMAL_OURS))) == NORMAL_IN


@pytest.mark.parametrize("data", list(ROUND_TRIP.values()), ids=list(ROUND_TRIP))
def test_round_trip_with_oletools(data):
    packed = compress(data)
    assert decompress(packed) == data
    assert bytes(decompress_stream(bytearray(packed))) == data


def test_module_larger_than_4kb():
    source = _xlwings_module()
    assert len(source) > 40_000
    packed = compress(source)
    assert len(packed) < len(source) // 2
    assert bytes(decompress_stream(bytearray(packed))) == source


def test_copy_token_length_uses_right_shift():
    """The PyPI package's ``0xFFFF << bit_count + 3`` breaks exactly this: long matches late
    in a chunk (large offsets, few length bits)."""
    data = _vba_like(3000) + _vba_like(1000)[:900]
    assert bytes(decompress_stream(bytearray(compress(data)))) == data


def test_incompressible_chunk_is_stored_raw():
    data = random.Random(1).randbytes(4096)
    packed = compress(data)
    assert packed[1:3] == b"\xff\x3f"  # size 4095, signature 0b011, flag 0
    assert len(packed) == 1 + 2 + 4096
    assert decompress(packed) == data


@pytest.mark.parametrize("bad", [b"", b"\x00\x01\xb0", b"\x01\x00\x00"], ids=["empty", "signature",
                                                                             "chunk signature"])
def test_malformed_container_raises(bad):
    with pytest.raises(ValueError):
        decompress(bad)
