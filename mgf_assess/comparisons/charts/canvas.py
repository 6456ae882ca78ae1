"""Two canvases with one drawing interface, so that each chart is laid out once.

Charts draw on a page whose origin is the top-left corner (y grows downwards), in points:
``SvgCanvas`` writes inline SVG for the web page (presentation attributes only, so the site's
Content-Security-Policy, which forbids inline styles, keeps the colours; a ``<title>`` and a
``<desc>`` give the text alternative; the browser shapes and orders Arabic itself);
``DrawingCanvas`` builds a reportlab ``Drawing`` for the PDF (y flipped; Arabic shaped and put
in visual order with ``reports.typography``). With ``mirror`` (right-to-left), x coordinates
and text anchors are mirrored, so a chart laid out left to right reads right to left.

Writing SVG directly rather than through reportlab's SVG renderer keeps a 193-country
heatmap to a few milliseconds.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors

from mgf_assess.reports.typography.fonts import BOLD, REGULAR, drawable, register_fonts
from mgf_assess.reports.typography.rtl import one_line, text_width

FONT_FAMILY = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif"
FLIP = {"start": "end", "end": "start", "middle": "middle"}


def width_of(text: str, size: float, bold: bool = False) -> float:
    """The width of a text in points, with the report font."""
    register_fonts()
    return text_width(drawable(text), BOLD if bold else REGULAR, size)


def wrap(text: str, size: float, width: float, bold: bool = False, limit: int = 3) -> list[str]:
    """``text`` broken into at most ``limit`` lines no wider than ``width`` (logical order);
    the last line ends with … when the text does not fit."""
    lines, current = [], ""
    for word in _fitting_words(text, size, width, bold):
        trial = f"{current} {word}".strip()
        if current and width_of(trial, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    if len(lines) > limit:
        lines = lines[: limit - 1] + [lines[limit - 1] + "…"]
    return lines


def _fitting_words(text: str, size: float, width: float, bold: bool) -> list[str]:
    """The words of ``text``, a word wider than ``width`` cut after its hyphens (else
    anywhere) into pieces that fit."""
    words = []
    for word in text.split():
        current = ""
        for piece in re.findall(r"[^-]*-|[^-]+", word) if width_of(word, size, bold) > width else [word]:
            if current and width_of(current + piece, size, bold) > width:
                words.append(current)
                current = ""
            current += piece
            while width_of(current, size, bold) > width and len(current) > 1:
                cut = max(n for n in range(1, len(current)) if n == 1 or width_of(current[:n], size, bold) <= width)
                words.append(current[:cut])
                current = current[cut:]
        words.append(current)
    return words


class Canvas:
    """What both canvases share: the size, mirroring and the coordinate helpers."""

    def __init__(self, width: float, height: float, mirror: bool = False) -> None:
        self.width, self.height, self.mirror = width, height, mirror

    def _x(self, x: float) -> float:
        return self.width - x if self.mirror else x

    def _anchor(self, anchor: str) -> str:
        return FLIP[anchor] if self.mirror else anchor


class SvgCanvas(Canvas):
    """Collects SVG elements; ``svg()`` returns the ``<svg>`` element."""

    def __init__(self, width: float, height: float, mirror: bool = False) -> None:
        super().__init__(width, height, mirror)
        self.parts: list[str] = []

    def rect(self, x, y, w, h, fill, stroke=None) -> None:
        left = self._x(x + w) if self.mirror else x
        self.parts.append(f'<rect x="{left:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" '
                          f'fill="{fill}"{_stroke(stroke)}/>')

    def line(self, x1, y1, x2, y2, stroke, width=1.0, dash=None) -> None:
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(f'<line x1="{self._x(x1):.1f}" y1="{y1:.1f}" x2="{self._x(x2):.1f}" y2="{y2:.1f}" '
                          f'stroke="{stroke}" stroke-width="{width}"{dashes}/>')

    def circle(self, cx, cy, r, fill, stroke=None) -> None:
        self.parts.append(f'<circle cx="{self._x(cx):.1f}" cy="{cy:.1f}" r="{r}" fill="{fill}"{_stroke(stroke)}/>')

    def polygon(self, points, stroke, fill="none", opacity=1.0) -> None:
        coordinates = " ".join(f"{self._x(x):.1f},{y:.1f}" for x, y in points)
        self.parts.append(f'<polygon points="{coordinates}" fill="{fill}" fill-opacity="{opacity}" '
                          f'stroke="{stroke}" stroke-width="1.4"/>')

    def text(self, x, y, text, size=8.0, anchor="start", bold=False, fill="#1f2430") -> None:
        weight = ' font-weight="bold"' if bold else ""
        self.parts.append(f'<text x="{self._x(x):.1f}" y="{y:.1f}" font-size="{size}" '
                          f'text-anchor="{self._anchor(anchor)}" fill="{fill}"{weight}>{escape(text)}</text>')

    def svg(self, title: str, description: str, prefix: str) -> str:
        """The ``<svg>`` element with its text alternative (``prefix`` makes the ids unique)."""
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart chart--{prefix}" '
                f'viewBox="0 0 {self.width:.0f} {self.height:.0f}" width="{self.width:.0f}" '
                f'height="{self.height:.0f}" direction="ltr" font-family={quoteattr(FONT_FAMILY)} '
                f'aria-labelledby="{prefix}-title {prefix}-desc">')
        alternative = (f'<title id="{prefix}-title">{escape(title)}</title>'
                       f'<desc id="{prefix}-desc">{escape(description)}</desc>')
        return head + alternative + "".join(self.parts) + "</svg>"


def _stroke(stroke) -> str:
    return f' stroke="{stroke}" stroke-width="0.5"' if stroke else ""


class DrawingCanvas(Canvas):
    """Builds a reportlab ``Drawing`` (origin bottom-left: every y is flipped)."""

    def __init__(self, width: float, height: float, mirror: bool = False) -> None:
        super().__init__(width, height, mirror)
        register_fonts()
        self.drawing = Drawing(width, height)

    def _y(self, y: float) -> float:
        return self.height - y

    def rect(self, x, y, w, h, fill, stroke=None) -> None:
        left = self._x(x + w) if self.mirror else x
        self.drawing.add(Rect(left, self._y(y + h), max(w, 0.1), h, fillColor=_colour(fill),
                              strokeColor=_colour(stroke) if stroke else None, strokeWidth=0.5))

    def line(self, x1, y1, x2, y2, stroke, width=1.0, dash=None) -> None:
        self.drawing.add(Line(self._x(x1), self._y(y1), self._x(x2), self._y(y2), strokeColor=_colour(stroke),
                              strokeWidth=width, strokeDashArray=[float(d) for d in dash.split()] if dash else None))

    def circle(self, cx, cy, r, fill, stroke=None) -> None:
        self.drawing.add(Circle(self._x(cx), self._y(cy), r, fillColor=_colour(fill),
                                strokeColor=_colour(stroke) if stroke else None, strokeWidth=0.5))

    def polygon(self, points, stroke, fill="none", opacity=1.0) -> None:
        flat = [c for x, y in points for c in (self._x(x), self._y(y))]
        filled = None if fill == "none" else _colour(fill, opacity)
        self.drawing.add(Polygon(flat, strokeColor=_colour(stroke), strokeWidth=1.4, fillColor=filled))

    def text(self, x, y, text, size=8.0, anchor="start", bold=False, fill="#1f2430") -> None:
        self.drawing.add(String(self._x(x), self._y(y), one_line(text, self.mirror), fontName=BOLD if bold else REGULAR,
                                fontSize=size, fillColor=_colour(fill), textAnchor=self._anchor(anchor)))


def _colour(value: str, opacity: float = 1.0):
    colour = colors.HexColor(value)
    return colour if opacity == 1.0 else colors.Color(colour.red, colour.green, colour.blue, alpha=opacity)
