"""A minimal writer for [MS-CFB] compound files (version 3, 512-byte sectors).

``write_cfb(tree) -> bytes``: ``tree`` maps entry names to ``bytes`` (a stream) or to another
such dict (a storage); the root entry is implicit.  Streams under 4096 bytes go to the mini
stream (64-byte mini sectors), larger ones to regular sectors.  Everything that could vary is
fixed: entry order (the [MS-CFB] 2.6.4 name order), CLSIDs and timestamps (zero), padding
(0x00, free FAT entries 0xFFFFFFFF), so equal trees give equal bytes.  Children of a storage form
a balanced binary search tree whose deepest level is red, which satisfies the red-black rules.
Raises ``ValueError`` for names longer than 31 characters or files needing more than 109 FAT
sectors (about 6.8 MB; the DIFAT chain is not written).

olefile, the reader perfxl uses elsewhere, can only overwrite streams in place, hence this module.
Source: [MS-CFB] "Compound File Binary File Format", sections 2.2 - 2.6.
"""
from __future__ import annotations

import struct

SECTOR, MINI, CUTOFF = 512, 64, 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _key(name: str) -> tuple[int, str]:
    """[MS-CFB] 2.6.4 order: shorter names first, then upper-cased code-point order."""
    return len(name), name.upper()


class _Entry:
    def __init__(self, name: str, data: bytes | None) -> None:
        if len(name) > 31:
            raise ValueError(f"compound-file entry name longer than 31 characters: {name!r}")
        self.name, self.data = name, data
        self.kids: list[_Entry] = []
        self.sid, self.left, self.right, self.child = 0, NOSTREAM, NOSTREAM, NOSTREAM
        self.red, self.start, self.size = False, END, 0


def _flatten(tree: dict) -> list[_Entry]:
    """Entries in directory order (root first, then depth-first in name order)."""
    root = _Entry("Root Entry", None)
    entries = [root]

    def add(parent: _Entry, sub: dict) -> None:
        for name in sorted(sub, key=_key):
            value = sub[name]
            entry = _Entry(name, None if isinstance(value, dict) else bytes(value))
            entry.sid = len(entries)
            entries.append(entry)
            parent.kids.append(entry)
            if isinstance(value, dict):
                add(entry, value)

    add(root, tree)
    for entry in entries:
        entry.child = _link(entry.kids, 0, len(entry.kids), 0, _depth(len(entry.kids)))
    return entries


def _depth(n: int) -> int:
    """Depth of the deepest node of the balanced tree over ``n`` sorted nodes (-1 when empty)."""
    return n.bit_length() - 1


def _link(kids: list[_Entry], lo: int, hi: int, depth: int, deepest: int) -> int:
    """Make ``kids[lo:hi]`` a balanced search tree; returns the sid of its root."""
    if lo >= hi:
        return NOSTREAM
    mid = (lo + hi) // 2
    node = kids[mid]
    node.red = depth == deepest and deepest > 0 and len(kids) != (1 << (deepest + 1)) - 1
    node.left = _link(kids, lo, mid, depth + 1, deepest)
    node.right = _link(kids, mid + 1, hi, depth + 1, deepest)
    return node.sid


def _chain(fat: list[int], first: int, count: int) -> int:
    """Link ``count`` consecutive sectors from ``first`` in ``fat``; returns the start sector."""
    if count == 0:
        return END
    for i in range(first, first + count - 1):
        fat[i] = i + 1
    fat[first + count - 1] = END
    return first


def _pad(data: bytes, size: int) -> bytes:
    return data + b"\x00" * (-len(data) % size)


def write_cfb(tree: dict) -> bytes:
    """Serialise ``tree`` (see module doc) to the bytes of a compound file."""
    entries = _flatten(tree)
    streams = [e for e in entries if e.data is not None]
    mini, minifat = bytearray(), []
    for e in streams:
        e.size = len(e.data)
        if e.size and e.size < CUTOFF:
            first, count = len(mini) // MINI, -(-e.size // MINI)
            minifat.extend([0] * count)
            e.start = _chain(minifat, first, count)
            mini += _pad(e.data, MINI)
    body, fat = bytearray(), []
    for e in streams:
        if e.size >= CUTOFF:
            count = -(-e.size // SECTOR)
            fat.extend([0] * count)
            e.start = _chain(fat, len(body) // SECTOR, count)
            body += _pad(e.data, SECTOR)
    root = entries[0]
    root.size = len(mini)
    count = -(-len(mini) // SECTOR)
    fat.extend([0] * count)
    root.start = _chain(fat, len(body) // SECTOR, count)
    body += _pad(bytes(mini), SECTOR)
    minifat_bytes = _pad_free(minifat, SECTOR)
    n_minifat = len(minifat_bytes) // SECTOR
    fat.extend([0] * n_minifat)
    minifat_start = _chain(fat, len(body) // SECTOR, n_minifat)
    body += minifat_bytes
    directory = _pad_dir(entries)
    n_dir = len(directory) // SECTOR
    fat.extend([0] * n_dir)
    dir_start = _chain(fat, len(body) // SECTOR, n_dir)
    body += directory
    n_fat = 0
    while n_fat * (SECTOR // 4) < len(fat) + n_fat:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("compound file needs more than 109 FAT sectors (no DIFAT chain written)")
    fat_start = len(fat)
    fat.extend([FATSECT] * n_fat)
    header = _header(n_fat, dir_start, minifat_start, n_minifat, fat_start)
    return header + bytes(body) + _pad_free(fat, SECTOR)


def _pad_free(values: list[int], size: int) -> bytes:
    """``values`` as little-endian uint32, padded to a whole sector with FREESECT."""
    data = b"".join(struct.pack("<I", v) for v in values)
    return data + b"\xff" * (-len(data) % size)


def _pad_dir(entries: list[_Entry]) -> bytes:
    out = b"".join(_dir_entry(e) for e in entries)
    empty = b"\x00" * 68 + struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM) + b"\x00" * 48
    while len(out) % SECTOR:
        out += empty
    return out


def _dir_entry(e: _Entry) -> bytes:
    """One 128-byte directory entry ([MS-CFB] 2.6.1)."""
    name = (e.name + "\x00").encode("utf-16-le")
    kind = 5 if e.sid == 0 else (1 if e.data is None else 2)
    start = 0 if kind == 1 else e.start
    return (name.ljust(64, b"\x00") + struct.pack("<HBB", len(name), kind, 0 if e.red else 1)
            + struct.pack("<III", e.left, e.right, e.child) + b"\x00" * 16 + b"\x00" * 4
            + b"\x00" * 16 + struct.pack("<IQ", start, e.size))


def _header(n_fat: int, dir_start: int, minifat_start: int, n_minifat: int,
            fat_start: int) -> bytes:
    """The 512-byte header ([MS-CFB] 2.2) with the FAT sectors listed in its DIFAT array."""
    difat = [fat_start + i for i in range(n_fat)] + [FREE] * (109 - n_fat)
    head = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
            + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
            + struct.pack("<IIIIIIIII", 0, n_fat, dir_start, 0, CUTOFF,
                          minifat_start, n_minifat, END, 0))
    return head + struct.pack("<109I", *difat)
