"""Reading back what ``perfxl.annotate`` wrote: the text each comment covers, from the XML."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def commented(path: str | Path) -> dict[int, str]:
    """``{comment id: the document text between its commentRangeStart and commentRangeEnd}``,
    walking word/document.xml in document order (tabs as \\t)."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    open_ids: list[int] = []
    out: dict[int, str] = {}
    for el in root.iter():
        if el.tag == W + "commentRangeStart":
            i = int(el.get(W + "id"))
            open_ids.append(i)
            out[i] = ""
        elif el.tag == W + "commentRangeEnd":
            open_ids.remove(int(el.get(W + "id")))
        elif el.tag in (W + "t", W + "tab"):
            text = el.text or "" if el.tag == W + "t" else "\t"
            for i in open_ids:
                out[i] += text
    return out


def comments(path: str | Path) -> list[tuple[int, str, str, str]]:
    """``[(id, author, initials, text)]`` of the comments part."""
    from docx import Document

    return [(c.comment_id, c.author, c.initials, c.text) for c in Document(str(path)).comments]
