"""Reading a .docx back for the report tests: leftover tags, fonts of Chinese runs, text."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
TAG = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def parts(path: Path, prefix: str = "word/") -> dict[str, bytes]:
    """Every XML part of the package under ``prefix``."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith(prefix) and n.endswith(".xml")}


def text_parts(path: Path) -> dict[str, etree._Element]:
    """document.xml, headers and footers, parsed."""
    return {n: etree.fromstring(b) for n, b in parts(path).items()
            if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)}


def leftover_tags(path: Path) -> list[str]:
    """Jinja delimiters left anywhere in the text of the rendered document."""
    out = []
    for name, root in text_parts(path).items():
        for t in root.iter(q("t"), q("instrText")):
            if t.text and TAG.search(t.text):
                out.append(f"{name}: {t.text}")
    return out


class StyleSheet:
    """styles.xml: East Asian font of a style through its basedOn chain."""

    def __init__(self, path: Path) -> None:
        self.root = etree.fromstring(parts(path)["word/styles.xml"])
        self.by_id = {s.get(q("styleId")): s for s in self.root.iter(q("style"))}
        self.default_par = next((s.get(q("styleId")) for s in self.root.iter(q("style"))
                                 if s.get(q("type")) == "paragraph" and s.get(q("default")) == "1"),
                                None)

    def east_asia(self, style_id: str | None) -> str | None:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id.get(style_id)
            if style is None:
                return None
            font = east_asia_of(style.find(q("rPr")))
            if font:
                return font
            based = style.find(q("basedOn"))
            style_id = based.get(q("val")) if based is not None else None
        return None

    def name(self, style_id: str | None) -> str | None:
        style = self.by_id.get(style_id or "")
        if style is None:
            return None
        return style.find(q("name")).get(q("val"))


def east_asia_of(rpr) -> str | None:
    """The explicit East Asian font of an rPr; "THEME" when a theme font overrides it."""
    if rpr is None:
        return None
    fonts = rpr.find(q("rFonts"))
    if fonts is None:
        return None
    if fonts.get(q("eastAsiaTheme")):
        return "THEME"
    return fonts.get(q("eastAsia"))


def run_fonts(path: Path) -> list[tuple[str, str | None, str | None]]:
    """(text, East Asian font, paragraph style name) of every run holding Chinese text: the
    run's own font, else its character style chain, else its paragraph style chain."""
    sheet = StyleSheet(path)
    out = []
    for _name, root in text_parts(path).items():
        for p in root.iter(q("p")):
            ppr = p.find(q("pPr"))
            pstyle = ppr.find(q("pStyle")) if ppr is not None else None
            pstyle_id = pstyle.get(q("val")) if pstyle is not None else sheet.default_par
            for r in p.iter(q("r")):
                text = "".join(t.text or "" for t in r.iter(q("t")))
                if not CJK.search(text):
                    continue
                rpr = r.find(q("rPr"))
                font = east_asia_of(rpr)
                if font is None and rpr is not None and rpr.find(q("rStyle")) is not None:
                    font = sheet.east_asia(rpr.find(q("rStyle")).get(q("val")))
                if font is None:
                    font = sheet.east_asia(pstyle_id)
                out.append((text, font, sheet.name(pstyle_id)))
    return out


def split_tags(path: Path) -> list[str]:
    """Jinja tags of a TEMPLATE that are not wholly inside one w:t (Word would break them)."""
    bad = []
    root = text_parts(path)["word/document.xml"]
    for t in root.iter(q("t")):
        s = t.text or ""
        if s.count("{{") != s.count("}}") or s.count("{%") != s.count("%}"):
            bad.append(s)
    return bad
