"""Right-to-left text for reportlab, which has no bidi support of its own on this platform.

Arabic letters are shaped (``arabic_reshaper``: contextual forms, lam-alef ligatures), the text
is wrapped into lines in *logical* order, and only then is each line put in visual order with
``python-bidi``. Its compiled ``get_display`` resolves bracket pairs (UBA rule N0: "Act [2]"
keeps its brackets in an Arabic line) but leaves mirroring to the renderer, which reportlab
does not do: ``mirror_brackets`` swaps the brackets of pairs that came out reversed. Reordering first and wrapping afterwards would make a wrapped paragraph read
its lines bottom to top. ``TextBlock`` is the flowable doing this; it also serves Latin
reports quoting Arabic text (base direction left-to-right).
"""

from __future__ import annotations

import re
from functools import lru_cache

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.ligatures import LIGATURES
from bidi import get_display
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from mgf_assess.reports.pdf_fonts import drawable

# Hebrew, Arabic, Syriac, Thaana, NKo … and the Arabic presentation forms.
# The paired brackets of the bidi algorithm (rule N0). "<" and ">" are not paired there, so
# their level may differ and no pairing tells how to mirror them: they are drawn as they are.
BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"), ("«", "»"))
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


@lru_cache(maxsize=8192)
def visual(line: str, rtl: bool) -> str:
    """One already-shaped line in display order (base direction right-to-left when ``rtl``)."""
    if not (rtl or has_rtl(line)):
        return line
    return mirror_brackets(get_display(line, base_dir="R" if rtl else "L"))


def mirror_brackets(text: str) -> str:
    """Mirror the bracket pairs that a right-to-left run put in reverse (")x(" → "(x)").

    Both brackets of a pair share one level, so a pair on a right-to-left run shows closing
    first. Pairs in normal order are matched first and kept; the brackets left over are
    matched the other way round and swapped. A lone bracket stays as it is.
    """
    chars = list(text)
    for opening, closing in BRACKETS:
        leftover = _unmatched(chars, opening, closing)
        stack = []
        for index in leftover:
            if chars[index] == closing:
                stack.append(index)
            elif stack:
                other = stack.pop()
                chars[index], chars[other] = closing, opening
    return "".join(chars)


def _unmatched(chars: list[str], opening: str, closing: str) -> list[int]:
    """Positions of the brackets of one kind not in a normally ordered pair."""
    stack, leftover = [], []
    for index, char in enumerate(chars):
        if char == opening:
            stack.append(index)
        elif char == closing:
            if stack and chars[stack[-1]] == opening:
                stack.pop()
            else:
                leftover.append(index)
    return sorted(leftover + stack)


def one_line(text: str, rtl: bool) -> str:
    """A short text (a label, a chart caption) ready to draw on one line."""
    return visual(shaped(text), rtl)


@lru_cache(maxsize=65536)
def text_width(text: str, font: str, size: float) -> float:
    """Width of a word in points; cached, since the same words recur all through a report."""
    return stringWidth(text, font, size)


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Shaped ``text`` broken into logical-order lines no wider than ``width``."""
    lines: list[str] = []
    for hard_line in shaped(text).replace("\t", " ").split("\n"):
        lines.extend(_wrap_words(hard_line.split(" "), font, size, width) or [""])
    return lines


def _wrap_words(words: list[str], font: str, size: float, width: float) -> list[str]:
    lines, current, used = [], [], 0.0
    space = text_width(" ", font, size)
    for word in words:
        word_width = text_width(word, font, size)
        if not current or used + space + word_width > width:
            if current:
                lines.append(" ".join(current))
            current, used = _start_line(word, word_width, font, size, width, lines)
        else:
            current.append(word)
            used += space + word_width
    if current:
        lines.append(" ".join(current))
    return lines


def _start_line(word: str, word_width: float, font: str, size: float, width: float, lines: list[str]):
    """Begin a line with ``word``; a word wider than the line is cut, its full pieces emitted."""
    if word_width <= width:
        return [word], word_width
    pieces = _split_long(word, font, size, width)
    lines.extend(pieces[:-1])
    return [pieces[-1]], text_width(pieces[-1], font, size)


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
            self._lines = wrap_lines(self.text, style.fontName, style.fontSize, usable)
            self._width = width
        return self._lines

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):
        lines = self.lines(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
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
            self._draw_line(canvas, visual(line, self.rtl), baseline)

    def _draw_line(self, canvas, text: str, y: float) -> None:
        alignment = self.style.alignment
        if alignment == TA_CENTER:
            canvas.drawCentredString(self.width / 2, y, text)
        elif alignment == TA_RIGHT or (self.rtl and alignment != TA_LEFT):
            canvas.drawRightString(self.width - self.style.rightIndent, y, text)
        else:
            canvas.drawString(self.style.leftIndent, y, text)
