"""Read and rewrite the VBA project of an Office file (``xl/vbaProject.bin``) without Office.

``load_project(data) -> VbaProject`` reads a vbaProject.bin (bytes of a compound file):
the ``dir`` stream records, every module's source (the text after MODULEOFFSET, decompressed),
the PROJECT stream and any other storages (e.g. UserForm designers).
``dump_project(project) -> bytes`` writes it back in the *source-only* shape that xlwings ships:
every module stream is just its compressed source (MODULEOFFSET 0), ``_VBA_PROJECT`` is the
7-byte header with version 0xFFFF (no performance cache, so the Office application recompiles
on open), ``__SRP_*`` caches are dropped, and the PROJECT / PROJECTwm streams list the modules.
Raises ``ValueError`` when the input is not a VBA project this module understands.

Sources: [MS-OVBA] 2.3.1 (PROJECT), 2.3.3 (PROJECTwm), 2.3.4.1 (_VBA_PROJECT), 2.3.4.2 (dir),
2.3.4.3 (module streams); observed layout of xlwings 0.37.8's ``quickstart_addin_ribbon.xlam``.
"""
from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from perfxl.addin import ovba
from perfxl.addin.cfb import write_cfb

if TYPE_CHECKING:  # olefile is the addin extra: imported where a project is read
    import olefile

#: ``_VBA_PROJECT`` without a performance cache: Reserved1 0x61CC, version 0xFFFF, 0x00, 0x0001.
VBA_PROJECT_HEADER = b"\xcc\x61\xff\xff\x00\x01\x00"

# dir-stream record ids ([MS-OVBA] 2.3.4.2)
PROJECTNAME, PROJECTVERSION, PROJECTCODEPAGE, PROJECTMODULES = 0x04, 0x09, 0x03, 0x0F
MODULENAME, MODULEOFFSET, MODULE_PROCEDURAL, MODULE_TERMINATOR = 0x19, 0x31, 0x21, 0x2B
DIR_TERMINATOR = 0x10


@dataclass
class Module:
    """One VBA module: ``source`` is the stored text (code-page bytes, with Attribute lines)."""

    name: str
    source: bytes
    procedural: bool = True
    records: list[tuple[int, bytes]] = field(default_factory=list)
    project_line: str = ""


@dataclass
class VbaProject:
    """A VBA project split into the parts perfxl edits; see the module docstring."""

    name: str
    codepage: int
    head: list[tuple[int, bytes]]
    modules: list[Module]
    project_text: str
    others: dict = field(default_factory=dict)

    def module(self, name: str) -> Module:
        """The module called ``name``; ``KeyError`` if there is none."""
        for mod in self.modules:
            if mod.name == name:
                return mod
        raise KeyError(name)

    def add_module(self, name: str, source: str) -> None:
        """Append a standard module; ``source`` must encode in the project's code page."""
        data = source.encode(f"cp{self.codepage}")
        self.modules.append(Module(name, data, True, _module_records(name), f"Module={name}"))


def parse_dir(data: bytes) -> list[tuple[int, bytes]]:
    """Records ``(id, payload)`` of a decompressed ``dir`` stream, in order."""
    records, pos = [], 0
    while pos + 6 <= len(data):
        rid, size = struct.unpack_from("<HI", data, pos)
        pos += 6
        if rid == PROJECTVERSION:  # Reserved (4) then MajorVersion (4) and MinorVersion (2)
            size = 6
        records.append((rid, bytes(data[pos:pos + size])))
        pos += size
        if rid == DIR_TERMINATOR:
            break
    return records


def serialize_dir(records: list[tuple[int, bytes]]) -> bytes:
    """Inverse of :func:`parse_dir`."""
    out = bytearray()
    for rid, payload in records:
        size = 4 if rid == PROJECTVERSION else len(payload)
        out += struct.pack("<HI", rid, size) + payload
    return bytes(out)


def _module_records(name: str) -> list[tuple[int, bytes]]:
    """dir records of a new standard module ([MS-OVBA] 2.3.4.2.3.2)."""
    ascii_name, wide = name.encode("ascii"), name.encode("utf-16-le")
    return [(0x19, ascii_name), (0x47, wide), (0x1A, ascii_name), (0x32, wide), (0x1C, b""),
            (0x48, b""), (MODULEOFFSET, b"\0\0\0\0"), (0x1E, b"\0\0\0\0"), (0x2C, b"\xff\xff"),
            (MODULE_PROCEDURAL, b""), (MODULE_TERMINATOR, b"")]


def _read_tree(ole: "olefile.OleFileIO", prefix: list[str]) -> dict:
    tree: dict = {}
    for path in ole.listdir(streams=True, storages=False):
        if path[:len(prefix)] != prefix or len(path) == len(prefix):
            continue
        node = tree
        for part in path[len(prefix):-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = ole.openstream(path).read()
    return tree


def load_project(data: bytes) -> VbaProject:
    """Parse a vbaProject.bin; ``ValueError`` if it lacks the VBA/dir or PROJECT streams;
    ``perfxl.extras.ExtraMissing`` without the ``addin`` extra (olefile)."""
    from perfxl.extras import require

    olefile = require("olefile", "addin", "生成 Excel 加载项")
    if not olefile.isOleFile(io.BytesIO(data)):
        raise ValueError("vbaProject.bin is not a compound file")
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        if not (ole.exists("VBA/dir") and ole.exists("PROJECT")):
            raise ValueError("vbaProject.bin has no VBA/dir or PROJECT stream")
        records = parse_dir(ovba.decompress(ole.openstream("VBA/dir").read()))
        codepage = next(struct.unpack("<H", p)[0] for r, p in records if r == PROJECTCODEPAGE)
        name = next(p for r, p in records if r == PROJECTNAME).decode(f"cp{codepage}")
        split = next(i for i, (r, _) in enumerate(records) if r == PROJECTMODULES)
        head, modules, current = records[:split], [], []
        for rid, payload in records[split + 2:]:  # skip PROJECTMODULES and PROJECTCOOKIE
            if rid == DIR_TERMINATOR:
                break
            current.append((rid, payload))
            if rid == MODULE_TERMINATOR:
                modules.append(_load_module(ole, current, codepage))
                current = []
        project_text = ole.openstream("PROJECT").read().decode(f"cp{codepage}")
        lines = dict(_module_lines(project_text))
        for mod in modules:
            mod.project_line = lines.get(mod.name, f"Module={mod.name}")
        others = {k: v for k, v in _read_tree(ole, []).items()
                  if k not in ("VBA", "PROJECT", "PROJECTwm")}
    return VbaProject(name, codepage, head, modules, project_text, others)


def _load_module(ole: "olefile.OleFileIO", records: list, codepage: int) -> Module:
    values = dict(records)
    name = values[MODULENAME].decode(f"cp{codepage}")
    stream = values[0x1A].decode(f"cp{codepage}")
    offset = struct.unpack("<I", values[MODULEOFFSET])[0]
    source = ovba.decompress(ole.openstream(f"VBA/{stream}").read()[offset:])
    return Module(name, source, MODULE_PROCEDURAL in values, records)


def _module_lines(project_text: str) -> list[tuple[str, str]]:
    """``(module name, line)`` for the Document=/Module=/Class= lines of the PROJECT stream."""
    out = []
    for line in project_text.split("\r\n"):
        key, _, value = line.partition("=")
        if key in ("Document", "Module", "Class", "BaseClass"):
            out.append((value.split("/")[0], line))
    return out


def _project_stream(project: VbaProject) -> bytes:
    """The PROJECT stream: template lines, module list and [Workspace] rewritten."""
    old = project.project_text.split("\r\n")
    body = [ln for ln in old if ln.partition("=")[0] not in ("Document", "Module", "Class",
                                                            "BaseClass", "Name")]
    first = 1 if body and body[0].startswith("ID=") else 0
    workspace = body.index("[Workspace]") if "[Workspace]" in body else len(body)
    kept = [ln for ln in body[workspace + 1:] if "=" not in ln]
    lines = (body[:first] + [m.project_line for m in project.modules]
             + [f'Name="{project.name}"'] + body[first:workspace + 1]
             + [f"{m.name}=0, 0, 0, 0, C" for m in project.modules] + kept)
    return "\r\n".join(lines).encode(f"cp{project.codepage}")


def _projectwm(project: VbaProject) -> bytes:
    cp = f"cp{project.codepage}"
    return b"".join(m.name.encode(cp) + b"\0" + m.name.encode("utf-16-le") + b"\0\0"
                    for m in project.modules) + b"\0\0"


def _dir_stream(project: VbaProject) -> bytes:
    cp = f"cp{project.codepage}"
    head = [(r, project.name.encode(cp) if r == PROJECTNAME else p) for r, p in project.head]
    records = head + [(PROJECTMODULES, struct.pack("<H", len(project.modules))),
                      (0x13, b"\xff\xff")]
    for mod in project.modules:
        records += [(r, b"\0\0\0\0" if r == MODULEOFFSET else p) for r, p in mod.records]
    records.append((DIR_TERMINATOR, b""))
    return serialize_dir(records)


def dump_project(project: VbaProject) -> bytes:
    """Write ``project`` as a source-only vbaProject.bin (see the module docstring)."""
    vba = {"dir": ovba.compress(_dir_stream(project)), "_VBA_PROJECT": VBA_PROJECT_HEADER}
    for mod in project.modules:
        stream = dict(mod.records)[0x1A].decode(f"cp{project.codepage}")
        vba[stream] = ovba.compress(mod.source)
    tree = dict(project.others)
    tree.update({"VBA": vba, "PROJECT": _project_stream(project), "PROJECTwm": _projectwm(project)})
    return write_cfb(tree)
