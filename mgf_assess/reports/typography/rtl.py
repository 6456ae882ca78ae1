"""Right-to-left text for reportlab, which has no bidi support of its own on this platform.

Arabic letters are shaped (``arabic_reshaper``: contextual forms, lam-alef ligatures; the
harakat are left out, as the font cannot position them without OpenType layout), the text is
wrapped into lines in *logical* order, and only then is each line put in display order
(``bidi``: levels resolved over the paragraph, each line reordered and mirrored).
Reordering first and wrapping afterwards would make a wrapped paragraph read its lines bottom
to top. ``TextBlock`` is the flowable doing this, for every text of a report, in either
direction.
"""

from __future__ import annotations

import re
from functools import lru_cache

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.ligatures import LIGATURES
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from mgf_assess.reports.typography.bidi import display_line, levels
from mgf_assess.reports.typography.fonts import drawable

# Hebrew, Arabic, Syriac, Thaana, NKo … and the Arabic presentation forms.
RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# DejaVu Sans draws the lam-alef ligatures only; the religious and word ligatures would be boxes.
KEEP_LIGATURES = ("LAM WITH ALEF",)
RESHAPER = ArabicReshaper(configuration={
    "support_ligatures": True,
    **{name: False for name, _ in LIGATURES if not any(k in name for k in KEEP_LIGATURES)},
})


def has_rtl(text: str) -> bool:
    return bool(RTL_CHARS.search(text))


@lru_cache(maxsize=4096)
def shaped(text: str) -> str:
    """``text`` with Arabic letters in their contextual forms, still in logical order."""
    return drawable(RESHAPER.reshape(drawable(text))) if has_rtl(text) else drawable(text)


def one_line(text: str, rtl: bool) -> str:
    """A short text (a label, a chart caption) ready to draw on one line."""
    line = shaped(text).replace("\n", " ")
    return display_line(line, levels(line, rtl)) if (rtl or has_rtl(line)) else line


@lru_cache(maxsize=65536)
def text_width(text: str, font: str, size: float) -> float:
    """Width of a word in points; cached, since the same words recur all through a report."""
    return stringWidth(text, font, size)


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Shaped ``text`` broken into logical-order lines no wider than ``width``."""
    lines: list[str] = []
    for paragraph in _paragraphs(text):
        lines.extend(paragraph[a:b] for a, b in wrap_ranges(paragraph, font, size, width))
    return lines


def visual_lines(text: str, font: str, size: float, width: float, rtl: bool) -> list[str]:
    """``text`` wrapped to ``width`` and each line put in display order, ready to draw.

    Bidi levels are resolved over each whole paragraph, then every line is reordered on its
    own: the lines of a wrapped right-to-left paragraph read top to bottom.
    """
    lines: list[str] = []
    for paragraph in _paragraphs(text):
        ranges = wrap_ranges(paragraph, font, size, width)
        if not (rtl or has_rtl(paragraph)):
            lines.extend(paragraph[a:b] for a, b in ranges)
            continue
        paragraph_levels = levels(paragraph, rtl)
        lines.extend(display_line(paragraph[a:b], paragraph_levels[a:b]) for a, b in ranges)
    return lines


def _paragraphs(text: str) -> list[str]:
    return shaped(text).replace("\t", " ").split("\n")


def wrap_ranges(line: str, font: str, size: float, width: float) -> list[tuple[int, int]]:
    """(start, end) offsets of the lines of one paragraph, broken at spaces (or inside a word
    wider than the line); the spaces at a break belong to no line."""
    ranges: list[tuple[int, int]] = []
    current = None  # [start, end, width used]
    space, position = text_width(" ", font, size), 0
    for word in line.split(" "):
        begin, position = position, position + len(word) + 1
        word_width = text_width(word, font, size)
        if current is not None and current[2] + space + word_width <= width:
            current[1], current[2] = begin + len(word), current[2] + space + word_width
            continue
        if current is not None:
            ranges.append((current[0], current[1]))
        current = _begin_line(line[begin:begin + len(word)], begin, word_width, (font, size, width), ranges)
    ranges.append((current[0], current[1]))
    return ranges


def _begin_line(word: str, begin: int, word_width: float, metrics, ranges: list) -> list:
    """A new line starting with ``word``; a word wider than the line is cut, its full pieces
    becoming lines of their own."""
    font, size, width = metrics
    if word_width <= width:
        return [begin, begin + len(word), word_width]
    pieces = _split_long(word, font, size, width)
    for piece in pieces[:-1]:
        ranges.append((begin, begin + len(piece)))
        begin += len(piece)
    return [begin, begin + len(pieces[-1]), text_width(pieces[-1], font, size)]


def _split_long(word: str, font: str, size: float, width: float) -> list[str]:
    """A word wider than the line cut into pieces that fit (long URLs, hostile input)."""
    pieces, current, used = [], "", 0.0
    for char in word:
        char_width = text_width(char, font, size)
        if current and used + char_width > width:
            pieces.append(current)
            current, used = "", 0.0
        current += char
        used += char_width
    return pieces + [current]


class TextBlock(Flowable):
    """A paragraph of plain text, in either direction, with correct right-to-left wrapping.

    The text is never parsed as markup, so user text (``<img src=…>``, ``&``, unclosed tags)
    is drawn literally. Uses the style's font, size, leading, colour, alignment, indents and
    spacing; splits between lines across pages. Lighter than ``Paragraph`` (no markup, cached
    word widths), which matters in tables of hundreds of cells.
    """

    def __init__(self, text: str, style, rtl: bool, lines: list[str] | None = None) -> None:
        """``lines`` (display-ordered) are given only to the parts made by ``split``."""
        super().__init__()
        self.text, self.style, self.rtl = text, style, rtl
        # A part made by split() keeps its own lines whatever width it is given later, so
        # that the parts of a split never grow back into the whole text.
        self._fixed = lines is not None
        self._lines = lines
        self._width = None

    def lines(self, width: float) -> list[str]:
        if not self._fixed and (self._lines is None or self._width != width):
            style = self.style
            usable = max(width - style.leftIndent - style.rightIndent, style.fontSize)
            self._lines = visual_lines(self.text, style.fontName, style.fontSize, usable, self.rtl)
            self._width = width
        return self._lines

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):
        lines = self.lines(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit <= 0:
            return []
        # Always two parts (the second may be empty): a table splitting a cell expects both.
        return [TextBlock(self.text, self.style, self.rtl, lines[:fit]),
                TextBlock(self.text, self.style, self.rtl, lines[fit:])]

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def draw(self):
        style, canvas = self.style, self.canv
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        for index, line in enumerate(self.lines(self.width)):
            baseline = self.height - style.fontSize - index * style.leading
            self._draw_line(canvas, line, baseline)

    def _draw_line(self, canvas, text: str, y: float) -> None:
        alignment = self.style.alignment
        if alignment == TA_CENTER:
            canvas.drawCentredString(self.width / 2, y, text)
        elif alignment == TA_RIGHT or (self.rtl and alignment != TA_LEFT):
            canvas.drawRightString(self.width - self.style.rightIndent, y, text)
        else:
            canvas.drawString(self.style.leftIndent, y, text)
