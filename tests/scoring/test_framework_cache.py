"""A bundled framework's TOML is parsed once into the cache folder (``perfxl.frameworks._parsed``):
the same dict as tomllib gives, an edited file parsed again, a damaged cache file ignored."""
from __future__ import annotations

import shutil
import tomllib

import pytest

from perfxl import frameworks as F


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFXL_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.mark.parametrize("fid", F.available())
def test_cached_parse_is_tomllibs(fid, cache):
    p = F.FRAMEWORK_DIR / f"{fid}.toml"
    want = repr(tomllib.loads(p.read_text(encoding="utf-8")))
    assert repr(F._parsed(p)) == want  # parsed, written
    (kept,) = cache.glob(f"framework-{fid}-*.json")
    assert repr(F._parsed(p)) == want  # read back
    kept.write_text("{damaged", encoding="utf-8")
    assert repr(F._parsed(p)) == want  # a damaged copy is parsed again


def test_an_edited_file_is_parsed_again(cache, tmp_path, monkeypatch):
    folder = tmp_path / "fw"
    shutil.copytree(F.FRAMEWORK_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(F, "FRAMEWORK_DIR", folder)
    p = folder / "hunan_dept.toml"
    before = F._parsed(p)
    p.write_text(p.read_text(encoding="utf-8").replace(before["name"], "改过的名称", 1),
                 encoding="utf-8")
    assert F._parsed(p)["name"] == "改过的名称"
    assert len(list(cache.glob("framework-hunan_dept-*.json"))) == 2


def test_bad_toml_is_a_framework_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("id = \n", encoding="utf-8")
    with pytest.raises(F.FrameworkError, match="不是有效的 TOML"):
        F.load_file(bad)
    bad.write_bytes(b"id = \"\xff\"\n")
    with pytest.raises(F.FrameworkError, match="不是有效的 TOML"):
        F.load_file(bad)
