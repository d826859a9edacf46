"""Finding the configuration (``perfxl.cli.config.find_config``): each folder read once, and a
pyproject.toml parsed only where it can hold perfxl settings."""
from __future__ import annotations

import tomllib

import pytest

from perfxl.cli import config as C

FORMS = [
    ('[tool.perfxl]\nselect = ["PX1"]\n', True),
    ('[ tool . "perfxl" ]\nselect = ["PX1"]\n', True),
    ("[tool.'perfxl']\nselect = [\"PX1\"]\n", True),
    ('tool.perfxl.select = ["PX1"]\n', True),
    ('[tool]\nperfxl = { select = ["PX1"] }\n', True),
    ('[tool]  # tools\nperfxl.select = ["PX1"]\n', True),
    ('["tool"]\n"perfxl" = { select = ["PX1"] }\n', True),
    ('tool = { ruff = {}, perfxl = { select = ["PX1"] } }\n', True),
    ('[[tool.perfxl.accept]]\nrule = "PX201"\nreason = "r"\n', True),
    ('[project]\nname = "perfxl"\n[project.scripts]\nperfxl = "perfxl.cli:run"\n'
     '[tool.setuptools.packages.find]\ninclude = ["perfxl*"]\n', False),
    ('[tool.ruff]\nline-length = 100\n', False),
]


@pytest.mark.parametrize("text, has", FORMS)
def test_may_hold_perfxl_never_misses_settings(text, has):
    assert (tomllib.loads(text).get("tool", {}).get("perfxl") is not None) == has
    assert C._may_hold_perfxl(text) == has


def test_multiline_strings_are_always_parsed():
    assert C._may_hold_perfxl('[project]\ndescription = """\n[tool]\n"""\n')


def test_settings_found_and_foreign_pyproject_skipped(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.perfxl]\nignore = ["PX4"]\n', encoding="utf-8")
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    # another project's pyproject.toml, not even valid TOML: not ours, not parsed, looked past
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\nversion = \n', encoding="utf-8")
    reads = []
    real = C._table
    monkeypatch.setattr(C, "_table", lambda p: reads.append(p) or real(p))
    cache: dict = {}
    cfg = C.find_config(inner / "book.xlsx", cache=cache)
    assert cfg.ignore == ("PX4",) and cfg.path == tmp_path / "pyproject.toml"
    assert C.find_config(inner / "other.xlsx", cache=cache) is cfg
    assert C.find_config(tmp_path / "a" / "c.xlsx", cache=cache) is cfg
    # each file read once for the three lookups
    assert sorted(reads) == sorted([inner / "pyproject.toml", tmp_path / "pyproject.toml"])


def test_invalid_perfxl_settings_still_refused(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.perfxl]\nselect = [\n', encoding="utf-8")
    with pytest.raises(C.UsageError, match="不是有效的 TOML"):
        C.find_config(tmp_path / "book.xlsx")
