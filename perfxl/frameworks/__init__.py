"""Evaluation frameworks (评价框架) as data: one TOML file per framework in this folder.

* ``available()`` -> the ids of every bundled framework, sorted.
* ``load(id_or_name)`` -> ``Framework`` (cached); accepts the id (``hunan_dept``), the Chinese
  name, or a dropdown text that starts with the id followed by a space.
* ``load_file(path)`` -> ``Framework`` from any TOML file (a province copies one and edits it).

Errors: ``perfxl.errors.FrameworkError`` for an unknown id, unreadable TOML, or an entry that
does not fit the schema (records: ``perfxl.frameworks.schema``; checks:
``perfxl.frameworks.parse``).  The file format is documented in
docs/frameworks.md.
"""
from __future__ import annotations

import json
import zlib
from functools import lru_cache
from pathlib import Path

from perfxl.errors import FrameworkError
from perfxl.frameworks.parse import parse
from perfxl.frameworks.schema import (Bands, Bonus, BonusItem, Execution, Framework, GradeBand,
                                      Item, Level, Rule, Tier)

__all__ = ["available", "choices_text", "load", "load_file", "resolve_id", "Framework", "Bands", "Bonus",
           "BonusItem", "Execution", "GradeBand", "Item", "Level", "Rule", "Tier",
           "FRAMEWORK_DIR", "DEFAULT_FRAMEWORK"]

FRAMEWORK_DIR = Path(__file__).resolve().parent

#: Used when a workbook names no framework.
DEFAULT_FRAMEWORK = "hunan_dept"


def available() -> list[str]:
    """Ids of the bundled frameworks (file stems), sorted."""
    return sorted(p.stem for p in FRAMEWORK_DIR.glob("*.toml"))


def load_file(path: str | Path) -> Framework:
    """Read and check one framework file."""
    p = Path(path)
    try:
        data = _parsed(p)
    except FileNotFoundError as exc:
        raise FrameworkError(f"找不到评价框架文件 {p}") from exc
    except ValueError as exc:  # tomllib.TOMLDecodeError, or text that is not UTF-8
        raise FrameworkError(f"评价框架文件 {p.name} 不是有效的 TOML：{exc}") from exc
    fw = parse(data, str(p))
    if fw.id != p.stem:
        raise FrameworkError(f"评价框架文件 {p.name} 的 id「{fw.id}」应与文件名一致")
    return fw


def _toml(raw: bytes) -> dict:
    try:  # imported here: a bundled framework is read from the cache below (~3 ms saved)
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    return tomllib.loads(raw.decode("utf-8"))


def _parsed(p: Path) -> dict:
    """The TOML of ``p`` as a dict.  A bundled framework's is kept as JSON in the cache folder
    (``perfxl.cachedir.cache_dir``), named by the file's CRC-32 and size, so
    an edited file is parsed again; JSON holds every TOML type a framework uses (a date would
    not be: such a file is parsed every time).  Raises ``OSError``, ``ValueError`` (bad TOML)."""
    raw = p.read_bytes()
    if p.resolve().parent != FRAMEWORK_DIR:
        return _toml(raw)
    from perfxl.cachedir import cache_dir, save_text

    kept = cache_dir() / f"framework-{p.stem}-{zlib.crc32(raw):08x}{len(raw):x}.json"
    try:
        return json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # not there yet, or damaged: parsed and written again
        pass
    data = _toml(raw)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        save_text(kept, json.dumps(data, ensure_ascii=False))
    except (OSError, TypeError, ValueError):  # TypeError: a value JSON cannot hold
        pass
    return data


@lru_cache(maxsize=None)
def _names() -> dict[str, str]:
    return {load(i).name: i for i in available()}


def choices_text() -> str:
    """The frameworks a message offers, each id with its Chinese name:
    「central_project（中央部门项目支出绩效自评（财预〔2020〕10号））、…」."""
    return "、".join(f"{i}（{load(i).name}）" for i in available())


def resolve_id(text: str | None) -> str | None:
    """The framework id meant by ``text`` (id, Chinese name, or "id 名称"), else ``None``."""
    if not text:
        return None
    t = str(text).strip()
    ids = available()
    if t in ids:
        return t
    if t in _names():
        return _names()[t]
    head = t.split()[0] if t.split() else ""
    return head if head in ids else None


@lru_cache(maxsize=None)
def load(framework: str) -> Framework:
    """The bundled framework named by ``framework`` (see ``resolve_id``)."""
    fid = framework if framework in available() else resolve_id(framework)
    if fid is None:
        raise FrameworkError(f"未知的评价框架「{framework}」；可选：{choices_text()}")
    return load_file(FRAMEWORK_DIR / f"{fid}.toml")
