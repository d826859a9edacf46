"""Every rule has an up-to-date documentation page generated from the registry."""
from __future__ import annotations

from pathlib import Path

import pytest

from perfxl.checks import RULES
from perfxl.checks.docs import DEFAULT_DIR, index_page, rule_page, write_docs

HINT = "run `python -m perfxl.checks.docs` to regenerate docs/rules/"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_page_exists_and_is_current(code):
    page = DEFAULT_DIR / f"{code}.md"
    assert page.exists(), f"{code} has no documentation page; {HINT}"
    assert page.read_text("utf-8") == rule_page(RULES[code]), f"{page.name} is stale; {HINT}"


def test_index_is_current():
    page = DEFAULT_DIR / "index.md"
    assert page.exists() and page.read_text("utf-8") == index_page(), HINT
    for code in RULES:
        assert f"({code}.md)" in page.read_text("utf-8")


def test_no_page_without_rule():
    orphans = [p.name for p in DEFAULT_DIR.glob("PX*.md") if p.stem not in RULES]
    assert not orphans, f"pages of removed rules: {orphans}; {HINT}"


def test_generator_writes_all(tmp_path: Path):
    written = write_docs(tmp_path)
    assert len(written) == len(RULES) + 1
    assert write_docs(tmp_path) == []  # idempotent
    text = (tmp_path / "PX201.md").read_text("utf-8")
    assert "## 说明" in text and "## 消息模板" in text and "不合格" in text and "合格" in text
