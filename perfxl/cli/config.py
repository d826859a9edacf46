"""``perfxl check``'s configuration file, found like ruff's: the nearest ``perfxl.toml`` or
``pyproject.toml`` with a ``[tool.perfxl]`` table, looking upward from each checked file.

Keys (``perfxl.toml`` at top level, ``pyproject.toml`` under ``[tool.perfxl]``)::

    select = ["PX1", "PX2", "execution-rate"]   # rule code prefixes or names (perfxl rules)
    ignore = ["PX5"]
    fail-on = "warning"                          # error (default) | warning
    exclude = ["草稿/*", "*-旧.xlsx"]            # folders given to check skip these (globs)
    [per-file-ignores]                           # glob (relative to the config's folder) -> rules
    "县A/*.xlsx" = ["PX4"]
    [[accept]]                                   # a finding accepted, with the reason
    file = "县A/自评表.xlsx"                     # glob; optional (every file)
    rule = "PX106"                               # code or name
    cell = "部门自评表!B20"                      # optional (every cell); drafts: not used
    reason = "年中追加预算已报财政局备案"         # required

Command-line ``--select`` replaces ``select``; ``--ignore`` adds to ``ignore``; ``--fail-on``
replaces ``fail-on``; ``--isolated`` reads no file; ``--config FILE`` names one.  A key perfxl does
not know, a wrong type, a rule that does not exist or an ``accept`` without ``reason`` is refused
with a Chinese message (exit 2), as ruff refuses an unknown setting.
"""
from __future__ import annotations

import fnmatch
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from perfxl.errors import UsageError

__all__ = ["Config", "Accept", "find_config", "load_config", "CONFIG_NAMES"]

#: The file names looked for in each folder, first match wins (as ruff: its own file first).
CONFIG_NAMES = ("perfxl.toml", ".perfxl.toml", "pyproject.toml")
_KEYS = {"select", "ignore", "fail-on", "exclude", "per-file-ignores", "accept"}


@dataclass(frozen=True)
class Accept:
    """One accepted finding: ``rule`` (a code) in files matching ``file`` (a glob relative to
    the config's folder, ``None``: all) at ``cell`` (``"表!A1"``, ``None``: all), for ``reason``."""

    rule: str
    reason: str
    file: str | None = None
    cell: str | None = None

    def matches(self, finding, rel: str) -> bool:
        if finding.rule != self.rule:
            return False
        if self.file is not None and not _glob(rel, self.file):
            return False
        if self.cell is not None:
            where = f"{finding.sheet}!{finding.cell}" if finding.sheet else None
            return where is not None and where.replace("'", "") == self.cell.replace("'", "")
        return True


@dataclass(frozen=True)
class Config:
    """A configuration; ``path`` is ``None`` for the defaults (no file found)."""

    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    accept: tuple[Accept, ...] = field(default_factory=tuple)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def relative(self, file: str | Path) -> str:
        """``file`` relative to the config's folder, with ``/`` (for the globs)."""
        p = Path(file).absolute()
        try:
            return p.relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return p.as_posix()

    def rules_for(self, file: str | Path, select: tuple[str, ...], ignore: tuple[str, ...]
                  ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(select, ignore) for ``file``: the command line's ``select`` or the config's, the
        config's ``ignore`` plus the command line's plus the matching per-file ignores."""
        rel = self.relative(file)
        extra = tuple(code for pattern, codes in self.per_file_ignores if _glob(rel, pattern)
                      for code in codes)
        return (select or self.select), tuple(dict.fromkeys(self.ignore + ignore + extra))

    def excluded(self, file: str | Path) -> bool:
        rel = self.relative(file)
        return any(_glob(rel, pattern) for pattern in self.exclude)

    def split_accepted(self, file: str | Path, findings: Iterable) -> tuple[list, list]:
        """(kept, accepted) findings of ``file``; accepted ones paired with their reason."""
        rel = self.relative(file)
        kept, accepted = [], []
        for f in findings:
            why = next((a.reason for a in self.accept if a.matches(f, rel)), None)
            (kept if why is None else accepted).append(f if why is None else (f, why))
        return kept, accepted


def _glob(rel: str, pattern: str) -> bool:
    """A ruff-like glob: against the relative path, or against the name alone when the pattern
    has no ``/``."""
    pattern = pattern.strip()
    pattern = pattern[2:] if pattern.startswith("./") else pattern
    if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern.rstrip("/") + "/*"):
        return True
    return "/" not in pattern and fnmatch.fnmatch(rel.rsplit("/", 1)[-1], pattern)


_DOTTED = re.compile(r"""\btool\s*\.\s*["']?perfxl\b""")
_KEY = re.compile(r"""["']?perfxl["']?\s*[.=]""")
_TOOL = re.compile(r"""\[\s*["']?tool["']?\s*\]""")


def _may_hold_perfxl(text: str) -> bool:
    """Whether a pyproject.toml can hold perfxl settings: ``[tool.perfxl]`` or a dotted
    ``tool.perfxl.select``, a key ``perfxl`` in the ``[tool]`` table, or ``tool = {perfxl =
    ...}``.  A file with none is not parsed (nor tomllib imported, ~3 ms): it has no settings
    of ours.  Multi-line strings could hide a table header: such a file is always parsed."""
    if _DOTTED.search(text) or '"""' in text or "'''" in text:
        return True
    in_tool = False
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("["):
            in_tool = bool(_TOOL.fullmatch(s.split("#")[0].strip()))
        elif (in_tool and _KEY.match(s)) or (s.startswith(("tool", '"tool"', "'tool'"))
                                             and "perfxl" in s):
            return True
    return False


def _table(path: Path) -> dict[str, Any] | None:
    """The perfxl settings of ``path`` (``None``: a pyproject.toml without ``[tool.perfxl]``)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"无法读取配置文件「{path}」：{exc}") from None
    if path.name == "pyproject.toml" and not _may_hold_perfxl(text):
        return None
    # imported here: most runs find no configuration file (~5 ms of a draft check)
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"配置文件「{path}」不是有效的 TOML：{exc}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("perfxl")
    return data


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"配置文件「{path}」：{key} 应为文字列表，如 {key} = [\"PX1\"]")
    return tuple(value)


def load_config(path: str | Path, rule_codes=None) -> Config:
    """Read and check ``path``.  ``rule_codes(values) -> codes`` turns rule names and prefixes
    into codes and raises ``UsageError`` for one matching no rule (``perfxl.cli.check``)."""
    path = Path(path)
    return _config(path, _table(path), rule_codes)


def _config(path: Path, table: dict[str, Any] | None, rule_codes=None) -> Config:
    """``load_config`` of the settings ``table`` already read from ``path``."""
    if table is None:
        return Config(path=path)
    codes = rule_codes or (lambda values: tuple(values))
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise UsageError(f"配置文件「{path}」：不认识的设置 {'、'.join(unknown)}；"
                         f"可用的设置：{'、'.join(sorted(_KEYS))}")
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in ("error", "warning"):
        raise UsageError(f"配置文件「{path}」：fail-on 应为 \"error\" 或 \"warning\"，而不是 {fail_on!r}")
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise UsageError(f"配置文件「{path}」：per-file-ignores 应为表，如 [per-file-ignores] "
                         "\"县A/*.xlsx\" = [\"PX4\"]")
    accepts = []
    for i, a in enumerate(table.get("accept", []), 1):
        if not isinstance(a, dict) or not isinstance(a.get("rule"), str):
            raise UsageError(f"配置文件「{path}」：第 {i} 个 accept 缺少 rule（规则编号或名称）")
        reason = a.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise UsageError(f"配置文件「{path}」：第 {i} 个 accept（{a['rule']}）缺少 reason；"
                             "接受一条问题须写明理由")
        extra = sorted(set(a) - {"rule", "reason", "file", "cell"})
        if extra:
            raise UsageError(f"配置文件「{path}」：第 {i} 个 accept 有不认识的设置 {'、'.join(extra)}；"
                             "可用：rule、reason、file、cell")
        code = codes((a["rule"],))[0]
        if len(code) != 5:
            raise UsageError(f"配置文件「{path}」：第 {i} 个 accept 的 rule 应为一条规则的编号或名称"
                             f"（如 PX106），而不是前缀 {a['rule']}")
        accepts.append(Accept(code, reason.strip(), a.get("file"), a.get("cell")))
    return Config(
        path=path,
        select=codes(_strings(path, "select", table.get("select", []))),
        ignore=codes(_strings(path, "ignore", table.get("ignore", []))),
        fail_on=fail_on,
        exclude=_strings(path, "exclude", table.get("exclude", [])),
        per_file_ignores=tuple((str(k), codes(_strings(path, f"per-file-ignores.{k}", v)))
                               for k, v in pfi.items()),
        accept=tuple(accepts))


def find_config(start: str | Path, rule_codes=None, cache: dict | None = None) -> Config:
    """The configuration governing ``start`` (a file or folder): the nearest folder upward
    holding ``perfxl.toml``, ``.perfxl.toml`` or a ``pyproject.toml`` with ``[tool.perfxl]``;
    the defaults when there is none."""
    cache = {} if cache is None else cache
    here = Path(start).absolute()
    folder = here if here.is_dir() else here.parent
    passed = []
    for d in (folder, *folder.parents):
        found = cache.get(d) or _config_in(d, rule_codes)
        if found is not None:
            break
        passed.append(d)
    else:
        found = Config()
    for d in passed:  # each folder on the way is governed by what was found above it
        cache[d] = found
    cache[d] = found
    return found


def _config_in(folder: Path, rule_codes=None) -> Config | None:
    """The configuration file of ``folder`` itself, read once (``None``: none there)."""
    for name in CONFIG_NAMES:
        p = folder / name
        if p.is_file():
            table = _table(p)
            if table is not None or name != "pyproject.toml":
                return _config(p, table, rule_codes)
    return None

