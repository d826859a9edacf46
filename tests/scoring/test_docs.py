"""docs/frameworks.md documents every framework and every derived figure (style.md practice 10)."""
from __future__ import annotations

from pathlib import Path

import pytest

from perfxl import derived
from perfxl.frameworks import available
from perfxl.scoring.system import BASIS_MEASURES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "frameworks.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("fid", available())
def test_framework_documented(fid):
    assert f"`{fid}`" in DOC


@pytest.mark.parametrize("name", [n for n in derived.__all__] + sorted(BASIS_MEASURES))
def test_derived_name_documented(name):
    assert f"`{name}`" in DOC
