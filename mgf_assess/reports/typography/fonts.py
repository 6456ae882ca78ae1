"""The one font family of every report: DejaVu Sans (regular and bold), embedded.

DejaVu Sans covers Latin, Cyrillic and Arabic, including the presentation forms that Arabic
shaping produces, so one family serves every language. Where it lacks a glyph (most emoji,
CJK), the character is replaced with a visible fallback instead of an empty box or a crash.
The folder comes from the application's ``REPORT_FONT_DIR`` setting (default: the system's
DejaVu folder).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from flask import current_app, has_app_context
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

DEFAULT_FONT_DIR = "/usr/share/fonts/truetype/dejavu"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
FALLBACK = "\N{WHITE SQUARE}"  # drawn in place of a character the font has no glyph for
# Control characters (other than line breaks and tabs) have no glyph and may upset PDF viewers.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidi controls and joiners are invisible and have no glyph; the bidi step has used them already.
INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


class FontMissing(RuntimeError):
    """The report font cannot be found: the message says how to install or configure it."""


def font_dir() -> Path:
    """The configured font folder (``REPORT_FONT_DIR``), else the system default."""
    configured = current_app.config.get("REPORT_FONT_DIR") if has_app_context() else None
    return Path(configured or DEFAULT_FONT_DIR)


def register_fonts() -> None:
    """Register DejaVu Sans regular and bold with reportlab (once per folder)."""
    _register(str(font_dir()))


@lru_cache(maxsize=4)
def _register(folder: str) -> None:
    for name, file_name in FILES.items():
        path = Path(folder) / file_name
        if not path.is_file():
            raise FontMissing(
                f"The report font {file_name} was not found in {folder}. Install the DejaVu fonts "
                "(Debian/Ubuntu: apt-get install fonts-dejavu-core) or set REPORT_FONT_DIR to the "
                "folder that holds DejaVuSans.ttf and DejaVuSans-Bold.ttf.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)


@lru_cache(maxsize=2)
def _glyphs(name: str) -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def drawable(text: str, font: str = REGULAR) -> str:
    """``text`` with what the font cannot draw replaced: controls removed, invisible marks
    dropped, characters without a glyph shown as a white square."""
    glyphs = _glyphs(font)
    text = CONTROL.sub("", unicodedata.normalize("NFC", text))
    return "".join(_char(c, glyphs) for c in text if c not in INVISIBLE)


def _char(char: str, glyphs: frozenset[int]) -> str:
    if char in "\n\t" or ord(char) in glyphs:
        return char
    return FALLBACK
