"""Official-document (GB/T 9704-2012) page and styles for the report templates, with python-docx.

Used by ``perfxl/templates/build_templates.py`` to build the templates and by the tests to know what
to expect.  What it sets:

* A4 portrait; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm);
* 标题 (style ``Title``): 方正小标宋简体 2号 (22 pt), centred;
* 一级标题 (``Heading 1``): 黑体 3号; 二级标题 (``Heading 2``): 楷体_GB2312 3号; 三级标题
  (``Heading 3``): 仿宋_GB2312 3号; 正文 (``Normal``): 仿宋_GB2312 3号, first line indented two
  characters, fixed line spacing of 28.95 pt (22 lines on the 225 mm 版心);
* page numbers in the footer: 4号 宋体 「— 1 —」, odd pages right, even pages left, one
  character in from the edge;
* table styles 表格文字 / 表格正文 / 表格表头 (五号, 10.5 pt) and 表题, 表注, 落款.

python-docx never sets the East Asian font (``w:eastAsia`` of ``w:rFonts``), and the default
template's styles name *theme* fonts, which override explicit names in Word.  So every style of
the document gets explicit ``w:ascii``/``w:hAnsi``/``w:eastAsia``/``w:cs`` names with the theme
attributes removed, and every run created here carries them too (``set_fonts``).  Fonts are named
only; where they are missing (Linux), LibreOffice substitutes (fonts-noto-cjk).
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

__all__ = [
    "FONT_TITLE", "FONT_H1", "FONT_H2", "FONT_BODY", "FONT_PAGE", "STYLES", "StyleSpec",
    "set_fonts", "setup_document", "add_run", "add_paragraph", "add_page_numbers",
    "LINE_PITCH", "TEXT_WIDTH_MM",
]

FONT_TITLE = "方正小标宋简体"
FONT_H1 = "黑体"
FONT_H2 = "楷体_GB2312"
FONT_BODY = "仿宋_GB2312"
FONT_PAGE = "宋体"

SIZE_2 = Pt(22)     # 二号
SIZE_3 = Pt(16)     # 三号
SIZE_4 = Pt(14)     # 四号
SIZE_5 = Pt(10.5)   # 五号
LINE_PITCH = Pt(28.95)  # 225 mm / 22 lines
TEXT_WIDTH_MM = 210 - 28 - 26

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style: font (all scripts), size, bold, alignment, first-line indent in
    characters, line spacing (None = single) and space after in points."""

    font: str
    size: Pt
    bold: bool = False
    align: WD_ALIGN_PARAGRAPH | None = WD_ALIGN_PARAGRAPH.JUSTIFY
    indent_chars: int = 2
    exact_line: Pt | None = LINE_PITCH
    space_after: float = 0
    outline: int | None = None
    keep_with_next: bool = False


STYLES: dict[str, StyleSpec] = {
    "Normal": StyleSpec(FONT_BODY, SIZE_3),
    "Title": StyleSpec(FONT_TITLE, SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER, indent_chars=0,
                       exact_line=Pt(35)),
    "Heading 1": StyleSpec(FONT_H1, SIZE_3, outline=0),
    "Heading 2": StyleSpec(FONT_H2, SIZE_3, outline=1),
    "Heading 3": StyleSpec(FONT_BODY, SIZE_3, outline=2),
    # a table's number, title and unit line stay on the page of the table
    "表题": StyleSpec(FONT_H1, SIZE_3, align=WD_ALIGN_PARAGRAPH.CENTER, indent_chars=0,
                    keep_with_next=True),
    "表注": StyleSpec(FONT_BODY, Pt(12), align=WD_ALIGN_PARAGRAPH.RIGHT, indent_chars=0,
                    exact_line=None, keep_with_next=True),
    "落款": StyleSpec(FONT_BODY, SIZE_3, align=WD_ALIGN_PARAGRAPH.RIGHT, indent_chars=0),
    "表格文字": StyleSpec(FONT_BODY, SIZE_5, align=WD_ALIGN_PARAGRAPH.CENTER, indent_chars=0,
                      exact_line=None),
    "表格正文": StyleSpec(FONT_BODY, SIZE_5, align=WD_ALIGN_PARAGRAPH.LEFT, indent_chars=0,
                      exact_line=None),
    "表格表头": StyleSpec(FONT_H1, SIZE_5, align=WD_ALIGN_PARAGRAPH.CENTER, indent_chars=0,
                      exact_line=None),
    "Footer": StyleSpec(FONT_PAGE, SIZE_4, align=None, indent_chars=0, exact_line=None),
}


def set_fonts(parent, font: str) -> None:
    """Give the ``w:rPr`` of ``parent`` (a run, a style or ``w:rPrDefault``) explicit font names
    for every script, the East Asian one included, and drop theme-font attributes."""
    rpr = parent.find(qn("w:rPr"))
    if rpr is None:  # a run (styles get theirs from _style_rpr_parent)
        rpr = OxmlElement("w:rPr")
        parent.insert(0, rpr)
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rstyle = rpr.find(qn("w:rStyle"))
        if rstyle is not None:
            rstyle.addnext(rfonts)
        else:
            rpr.insert(0, rfonts)
    for attr in _THEME_ATTRS:
        key = qn(attr)
        if key in rfonts.attrib:
            del rfonts.attrib[key]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font)


def _style_rpr_parent(style):
    """The style element, with a ``w:rPr`` in its schema position."""
    style.element.get_or_add_rPr()
    return style.element


def _apply(style, spec: StyleSpec) -> None:
    set_fonts(_style_rpr_parent(style), spec.font)
    f = style.font
    f.size = spec.size
    f.bold = spec.bold
    f.italic = False
    f.color.rgb = RGBColor(0, 0, 0)
    pf = style.paragraph_format
    if spec.align is not None:
        pf.alignment = spec.align
    pf.space_before = Pt(0)
    pf.space_after = Pt(spec.space_after)
    if spec.exact_line is not None:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = spec.exact_line
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.first_line_indent = Pt(spec.size.pt * spec.indent_chars) if spec.indent_chars else Pt(0)
    ind = style.element.pPr.find(qn("w:ind"))
    if ind is not None:
        ind.set(qn("w:firstLineChars"), str(spec.indent_chars * 100))
    ppr = style.element.pPr
    for tag in ("w:pBdr", "w:contextualSpacing"):
        el = ppr.find(qn(tag))
        if el is not None:
            ppr.remove(el)
    if spec.outline is not None or spec.keep_with_next:
        pf.keep_with_next = True


def setup_document(doc) -> None:
    """Page (A4, GB/T 9704 margins), document defaults and every style of ``doc``."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(22)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    set_fonts(rpr_default, FONT_BODY)
    lang = rpr_default.find(qn("w:rPr")).find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    ppr_default = defaults.find(qn("w:pPrDefault"))
    spacing = ppr_default.find(qn("w:pPr")).find(qn("w:spacing"))
    if spacing is not None:
        spacing.set(qn("w:after"), "0")
    for name, spec in STYLES.items():
        try:
            style = doc.styles[name]
        except KeyError:
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = doc.styles["Normal"]
            style.quick_style = True
        _apply(style, spec)
    # Every other style (character styles such as Heading1Char, table styles...): explicit
    # fonts too, so no style anywhere falls back to a theme font.
    for style in doc.styles:
        if style.name in STYLES or style.type not in (WD_STYLE_TYPE.PARAGRAPH,
                                                       WD_STYLE_TYPE.CHARACTER,
                                                       WD_STYLE_TYPE.TABLE):
            continue
        set_fonts(_style_rpr_parent(style), FONT_H1 if "Heading" in style.name
                  or "Title" in style.name else FONT_BODY)
    # ...and the conditional parts of table styles (first row, banding...) likewise.
    for rfonts in doc.styles.element.iter(qn("w:rFonts")):
        if any(k in rfonts.attrib for k in map(qn, _THEME_ATTRS)):
            set_fonts(rfonts.getparent().getparent(), FONT_BODY)


def add_run(paragraph, text: str, font: str | None = None, **kw):
    """A run of ``text`` in ``paragraph`` with explicit fonts (the paragraph style's font unless
    ``font`` is given); ``kw`` may set ``bold`` or ``size``."""
    run = paragraph.add_run(text)
    style_name = paragraph.style.name if paragraph.style is not None else "Normal"
    spec = STYLES.get(style_name, STYLES["Normal"])
    set_fonts(run._r, font or spec.font)
    if "bold" in kw:
        run.bold = kw["bold"]
    if "size" in kw:
        run.font.size = kw["size"]
    return run


def add_paragraph(container, text: str = "", style: str = "Normal", *, align=None):
    """A paragraph of ``style`` holding ``text`` as ONE run (a Jinja tag stays in one run)."""
    p = container.add_paragraph(style=style)
    if align is not None:
        p.alignment = align
    if text:
        add_run(p, text)
    return p


def _field(paragraph, instr: str, shown: str) -> None:
    """A Word field (PAGE) as begin / instrText / separate / result / end runs."""
    for kind, text in (("begin", None), ("instr", instr), ("separate", None), ("text", shown),
                       ("end", None)):
        run = add_run(paragraph, "")
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
            run._r.append(el)
        elif kind == "text":
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)


def add_page_numbers(doc) -> None:
    """「— 1 —」 page numbers: odd pages right, even pages left, one character from the edge
    (GB/T 9704-2012 7.5)."""
    settings = doc.settings.element
    if settings.find(qn("w:evenAndOddHeaders")) is None:
        settings.append(OxmlElement("w:evenAndOddHeaders"))
    section = doc.sections[0]
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = doc.styles["Footer"]
        p.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = SIZE_4
        else:
            p.paragraph_format.left_indent = SIZE_4
        add_run(p, "— ")
        _field(p, " PAGE ", "1")
        add_run(p, " —")
