"""Charts of a gap report, drawn once with ``reportlab.graphics`` for the PDF and the web page.

* ``radar_drawing(report)`` — domain scores on 0–100 rings, one polygon per series (self-
  assessed, validated, previous cycle), a legend, localized domain titles as labels;
* ``bands_drawing(report)`` — how many scored questions fall in each band (horizontal bars).

``radar_svg`` / ``bands_svg`` render the same drawings as inline SVG (see ``svg``), with
a ``<title>`` and a ``<desc>`` that states every value, so the chart has a text alternative.
Arabic labels are shaped and put in visual order; right-to-left reports mirror the charts.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from mgf_assess.reports.data.formatting import score_text
from mgf_assess.reports.data.model import GapReport, RadarSeries
from mgf_assess.reports.typography.fonts import BOLD, REGULAR, register_fonts
from mgf_assess.reports.typography.palette import ACCENT, INK, MUTED, RULE, SERIES_COLOURS
from mgf_assess.reports.typography.rtl import has_rtl, one_line, wrap_lines

RADAR_SIZE = (460, 330)
RADIUS = 105
RINGS = (20, 40, 60, 80, 100)
LABEL_WIDTH = 120
LABEL_SIZE = 8
BAR_HEIGHT, BAR_GAP = 16, 8


def _text(x: float, y: float, text: str, size: float, anchor: str = "start", bold: bool = False) -> String:
    """A chart string; right-to-left text is already in visual order, which SVG must keep."""
    string = String(x, y, text, fontName=BOLD if bold else REGULAR, fontSize=size, fillColor=INK,
                    textAnchor=anchor)
    if has_rtl(text):
        string._svgAttrs = {"direction": "ltr", "unicode-bidi": "bidi-override"}
    return string


def radar_drawing(report: GapReport) -> Drawing:
    """Rings, spokes, axis labels, one polygon per series and the legend.

    With fewer than three domains a radar has no area to show: domain bars are drawn instead.
    """
    register_fonts()
    rtl = report.direction == "rtl"
    if len(report.summary.radar.axes) < 3:
        return domain_bars_drawing(report)
    width, height = RADAR_SIZE
    drawing = Drawing(width, height)
    centre = (width / 2, height / 2 + 14)
    angles = _angles(len(report.summary.radar.axes), rtl)
    _grid(drawing, centre, angles)
    for series in report.summary.radar.series:
        _series(drawing, centre, angles, series)
    _axis_labels(drawing, centre, angles, report.summary.radar.axes, rtl)
    _legend(drawing, report.summary.radar.series, width, rtl)
    return drawing


def _angles(count: int, rtl: bool) -> list[float]:
    # The first domain points up; the others follow clockwise (counter-clockwise when mirrored).
    step = 2 * math.pi / max(count, 1)
    return [math.pi / 2 + (i * step if rtl else -i * step) for i in range(count)]


def _point(centre, angle: float, value: float) -> tuple[float, float]:
    distance = RADIUS * value / 100
    return centre[0] + distance * math.cos(angle), centre[1] + distance * math.sin(angle)


def _grid(drawing: Drawing, centre, angles: list[float]) -> None:
    for ring in RINGS:
        points = [c for angle in angles for c in _point(centre, angle, ring)]
        drawing.add(Polygon(points, strokeColor=RULE, strokeWidth=0.5, fillColor=None))
        x, y = _point(centre, angles[0], ring) if angles else centre
        drawing.add(String(x + 3, y + 1, str(ring), fontName=REGULAR, fontSize=6, fillColor=MUTED))
    for angle in angles:
        x, y = _point(centre, angle, 100)
        drawing.add(Line(centre[0], centre[1], x, y, strokeColor=RULE, strokeWidth=0.5))


def _series(drawing: Drawing, centre, angles: list[float], series: RadarSeries) -> None:
    colour = SERIES_COLOURS.get(series.key, INK)
    dash = [3, 2] if series.key == "previous" else None
    points = [_point(centre, a, float(v)) if v is not None else None for a, v in zip(angles, series.values, strict=True)]
    if points and all(p is not None for p in points):
        fill = colors.Color(colour.red, colour.green, colour.blue, alpha=0.12)
        drawing.add(Polygon([c for p in points for c in p], strokeColor=colour, strokeWidth=1.6,
                            fillColor=fill, strokeDashArray=dash))
    else:  # a domain without a value breaks the outline instead of pretending it is 0
        for segment in _segments(points):
            drawing.add(PolyLine([c for p in segment for c in p], strokeColor=colour, strokeWidth=1.6,
                                 strokeDashArray=dash))
    for point in filter(None, points):
        drawing.add(Circle(point[0], point[1], 2.2, fillColor=colour, strokeColor=colors.white, strokeWidth=0.5))


def _segments(points: list) -> list[list]:
    """Runs of consecutive known points (wrapping around), each drawn as one line."""
    if not points or all(p is None for p in points):
        return []
    start = next(i for i, p in enumerate(points) if p is None) + 1
    ordered = points[start:] + points[:start]
    runs, current = [], []
    for point in ordered + [None]:
        if point is None:
            if len(current) > 1:
                runs.append(current)
            current = []
        else:
            current.append(point)
    return runs


def _axis_labels(drawing: Drawing, centre, angles: list[float], axes, rtl: bool) -> None:
    for angle, title in zip(angles, axes, strict=True):
        x, y = _point(centre, angle, 100)
        x, y = x + 10 * math.cos(angle), y + 10 * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        lines = wrap_lines(title, BOLD, LABEL_SIZE, LABEL_WIDTH)
        leading = LABEL_SIZE + 2
        # Labels below the centre hang down from the point; the others stand on it.
        top = y - LABEL_SIZE if math.sin(angle) < -0.2 else y + (len(lines) - 1) * leading
        for index, line in enumerate(lines):
            drawing.add(_text(x, top - index * leading, one_line(line, rtl), LABEL_SIZE, anchor, bold=True))


def _legend(drawing: Drawing, series: tuple[RadarSeries, ...], width: float, rtl: bool) -> None:
    items = [(s.label, SERIES_COLOURS.get(s.key, INK)) for s in series]
    sizes = [stringWidth(one_line(label, rtl), REGULAR, 8) + 26 for label, _ in items]
    x = (width - sum(sizes)) / 2
    for (label, colour), size in zip(items[::-1] if rtl else items, sizes[::-1] if rtl else sizes, strict=True):
        drawing.add(Rect(x, 6, 12, 8, fillColor=colour, strokeColor=None))
        drawing.add(_text(x + 16, 7, one_line(label, rtl), 8))
        x += size


def domain_bars_drawing(report: GapReport, width: float = 460) -> Drawing:
    """One group of horizontal bars (0–100) per domain, one bar per series, and the legend."""
    rtl, radar = report.direction == "rtl", report.summary.radar
    group = len(radar.series) * (BAR_HEIGHT / 2 + 2) + BAR_GAP
    drawing = Drawing(width, len(radar.axes) * group + 30)
    label_width, span = 170, width - 170 - 40
    for index, title in enumerate(radar.axes):
        top = drawing.height - index * group
        label = _text(width - 4 if rtl else label_width - 8, top - BAR_HEIGHT / 2 - 2, one_line(title, rtl), 8.5, "end")
        drawing.add(label)
        for number, series in enumerate(radar.series):
            value = float(series.values[index] or 0)
            y, length = top - (number + 1) * (BAR_HEIGHT / 2 + 2), span * value / 100
            x = width - label_width - length if rtl else label_width
            drawing.add(Rect(x, y, max(length, 0.5), BAR_HEIGHT / 2, fillColor=SERIES_COLOURS.get(series.key, INK),
                             strokeColor=None))
            text = score_text(series.values[index], report.language)
            drawing.add(_text(x - 4 if rtl else x + length + 4, y, text, 7, "end" if rtl else "start"))
    _legend(drawing, radar.series, width, rtl)
    return drawing


def band_colours(count: int) -> list:
    """A light-to-accent ramp: the higher the band, the darker its bar."""
    start = colors.HexColor("#b8c7e3")
    return [colors.linearlyInterpolatedColor(start, ACCENT, 0, max(count - 1, 1), i) for i in range(count)]


def bands_drawing(report: GapReport, width: float = 460) -> Drawing:
    """One horizontal bar per band: the number of scored questions in it."""
    register_fonts()
    rtl = report.direction == "rtl"
    counts = report.summary.band_counts
    drawing = Drawing(width, len(counts) * (BAR_HEIGHT + BAR_GAP) + 4)
    label_width, most = 170, max([c for _, _, c in counts] + [1])
    span = width - label_width - 40
    for index, ((_, label, count), colour) in enumerate(zip(counts, band_colours(len(counts)), strict=True)):
        y = drawing.height - (index + 1) * (BAR_HEIGHT + BAR_GAP)
        length = span * count / most
        bar_x = width - label_width - length if rtl else label_width
        drawing.add(Rect(bar_x, y, max(length, 0.5), BAR_HEIGHT, fillColor=colour, strokeColor=None))
        _bar_texts(drawing, (label, count), y, (bar_x, length, width, label_width), rtl)
    return drawing


def _bar_texts(drawing: Drawing, item, y: float, geometry, rtl: bool) -> None:
    label, count = item
    bar_x, length, width, label_width = geometry
    text = one_line(label, rtl)
    baseline = y + BAR_HEIGHT / 2 - 3
    if rtl:
        drawing.add(_text(width - 4, baseline, text, 8.5, "end"))
        drawing.add(_text(bar_x - 4, baseline, str(count), 8.5, "end", bold=True))
    else:
        drawing.add(_text(label_width - 8, baseline, text, 8.5, "end"))
        drawing.add(_text(bar_x + length + 4, baseline, str(count), 8.5, bold=True))


def radar_svg(report: GapReport) -> str:
    """The radar as inline SVG text with a title and a description of every value."""
    from mgf_assess.reports.charts.svg import radar_text_alternative, to_svg

    return to_svg(radar_drawing(report), *radar_text_alternative(report))


def bands_svg(report: GapReport) -> str:
    """The band distribution as inline SVG text with a title and a description."""
    from mgf_assess.reports.charts.svg import bands_text_alternative, to_svg

    return to_svg(bands_drawing(report), *bands_text_alternative(report))
