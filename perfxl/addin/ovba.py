"""MS-OVBA 2.4.1 compression: the LZ77 variant that stores VBA source and the ``dir`` stream.

``compress(data) -> bytes`` writes a CompressedContainer (signature 0x01, then one chunk per 4096
bytes of input) following the pseudo-code of [MS-OVBA] 2.4.1.3.7 - 2.4.1.3.19 exactly: greedy
longest match, ties going to the nearest candidate, copy-token length mask
``0xFFFF >> bit_count`` (2.4.1.3.19.3; the PyPI ``ms-ovba-compression`` 1.0.1 shifts the other
way and corrupts modules above ~1 KB).  A chunk that does not shrink is stored raw (2.4.1.3.10).
``decompress(container) -> bytes`` is the inverse (2.4.1.3.1); it raises ``ValueError`` on a
malformed container.  Both are pure functions on ``bytes``.

Source: [MS-OVBA] "Office VBA File Format Structure", section 2.4.1, and its examples in 3.2.
"""
from __future__ import annotations

CHUNK = 4096


def _bit_count(difference: int) -> int:
    """Bits used for the offset part of a copy token at ``difference`` bytes into a chunk."""
    bits = 0
    while (1 << bits) < difference:
        bits += 1
    return max(bits, 4)


def _compress_chunk(data: bytes, start: int, end: int) -> bytes:
    """Token sequences for ``data[start:end]``; candidates are searched only inside the chunk."""
    out = bytearray()
    heads: dict[bytes, list[int]] = {}  # 3-byte prefix -> positions, nearest last

    def remember(pos: int) -> None:
        if pos + 3 <= end:
            heads.setdefault(data[pos:pos + 3], []).append(pos)

    cur = start
    while cur < end:
        flag_at = len(out)
        out.append(0)
        for bit in range(8):
            if cur >= end:
                break
            best_len, best_pos = 0, 0
            key = data[cur:cur + 3] if cur + 3 <= end else b""
            for cand in reversed(heads.get(key, ())):
                n = 3  # 2.4.1.3.19.4: the match is measured up to the chunk end, then capped
                while cur + n < end and data[cand + n] == data[cur + n]:
                    n += 1
                if n > best_len:
                    best_len, best_pos = n, cand
                    if cur + n == end:
                        break
            if best_len >= 3:
                bits = _bit_count(cur - start)
                best_len = min(best_len, (0xFFFF >> bits) + 3)
                token = ((cur - best_pos - 1) << (16 - bits)) | (best_len - 3)
                out += token.to_bytes(2, "little")
                out[flag_at] |= 1 << bit
                for pos in range(cur, cur + best_len):
                    remember(pos)
                cur += best_len
            else:
                out.append(data[cur])
                remember(cur)
                cur += 1
    return bytes(out)


def compress(data: bytes) -> bytes:
    """Compress ``data`` into an MS-OVBA CompressedContainer (``b"\\x01"`` + chunks)."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        end = min(start + CHUNK, len(data))
        body = _compress_chunk(data, start, end)
        if len(body) <= CHUNK:
            out += (0xB000 | (len(body) + 2 - 3)).to_bytes(2, "little") + body
        else:  # 2.4.1.3.10: a raw chunk always holds 4096 bytes, padded with 0x00
            out += (0x3000 | (CHUNK - 1)).to_bytes(2, "little")
            out += data[start:end].ljust(CHUNK, b"\x00")
    return bytes(out)


def decompress(container: bytes) -> bytes:
    """Decompress an MS-OVBA CompressedContainer; ``ValueError`` if it is malformed."""
    if not container or container[0] != 0x01:
        raise ValueError("not an MS-OVBA compressed container (signature byte is not 0x01)")
    out = bytearray()
    pos = 1
    while pos < len(container):
        if pos + 2 > len(container):
            raise ValueError(f"truncated chunk header at byte {pos}")
        header = int.from_bytes(container[pos:pos + 2], "little")
        size = (header & 0x0FFF) + 3
        if (header >> 12) & 0b111 != 0b011:
            raise ValueError(f"bad chunk signature at byte {pos}")
        chunk_end = min(pos + size, len(container))
        pos += 2
        if not header & 0x8000:
            out += container[pos:pos + CHUNK]
            pos += CHUNK
            continue
        start = len(out)
        while pos < chunk_end:
            flags = container[pos]
            pos += 1
            for bit in range(8):
                if pos >= chunk_end:
                    break
                if not flags >> bit & 1:
                    out.append(container[pos])
                    pos += 1
                    continue
                token = int.from_bytes(container[pos:pos + 2], "little")
                pos += 2
                bits = _bit_count(len(out) - start)
                length = (token & (0xFFFF >> bits)) + 3
                offset = (token >> (16 - bits)) + 1
                if offset > len(out) - start:
                    raise ValueError(f"copy token points before its chunk at byte {pos - 2}")
                for _ in range(length):
                    out.append(out[-offset])
    return bytes(out)
