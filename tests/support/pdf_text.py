"""The text of a PDF written by Qt, as a viewer's search would find it.

Qt's ToUnicode map gives each glyph the lowest code point the font maps to it. In Noto Sans
CJK the space glyph comes back as TAB, ideographs sharing their glyph with a Kangxi radical
(立 心 小 白 …) as the radical (U+2F74 …; NFKC folds those back), and a few simplified
ideographs as a CJK Radicals Supplement character that NFKC leaves alone (folded here by
name). The sheet on paper is right; only extraction sees these."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader

_SUPPLEMENT = {
    "C-SIMPLIFIED CART": "车", "C-SIMPLIFIED HORSE": "马", "C-SIMPLIFIED GATE": "门",
    "C-SIMPLIFIED LONG": "长", "C-SIMPLIFIED SEE": "见", "C-SIMPLIFIED WIND": "风",
    "C-SIMPLIFIED FLY": "飞", "CIVILIAN": "民", "SIMPLIFIED YELLOW": "黄",
    "C-SIMPLIFIED FISH": "鱼", "C-SIMPLIFIED LEAF": "页", "C-SIMPLIFIED DRAGON": "龙",
}
_FOLD = str.maketrans({unicodedata.lookup(f"CJK RADICAL {name}"): char
                       for name, char in _SUPPLEMENT.items()})


def searchable(text: str) -> str:
    """``text`` with the look-alikes folded back and whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_FOLD).split())


def pdf_text(path: Path, pages: int | None = None) -> str:
    """Every page's text, searchable; ``pages``: how many the file must have."""
    reader = PdfReader(path)
    if pages is not None:
        assert len(reader.pages) == pages, len(reader.pages)
    return searchable("\n".join(page.extract_text() for page in reader.pages))
