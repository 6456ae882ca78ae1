"""Every chart of a comparison as inline SVG (web) or as reportlab drawings (PDF)."""

from __future__ import annotations

from flask_babel import force_locale
from markupsafe import Markup

from mgf_assess.comparisons.charts.bars import bars_description, bars_size, draw_bars
from mgf_assess.comparisons.charts.canvas import DrawingCanvas, SvgCanvas
from mgf_assess.comparisons.charts.dumbbell import (
    draw_dumbbell,
    dumbbell_description,
    dumbbell_rows,
    dumbbell_size,
)
from mgf_assess.comparisons.charts.heatmap import draw_heatmap, heatmap_description, heatmap_size
from mgf_assess.comparisons.charts.radars import (
    draw_radars,
    radar_profiles,
    radars_description,
    radars_size,
)
from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Comparison

H = labels.HEADINGS


def _svg(size, draw, mirror: bool, title: str, description: str, prefix: str) -> Markup:
    canvas = SvgCanvas(*size, mirror=mirror)
    draw(canvas)
    return Markup(canvas.svg(title, description, prefix))  # our own markup; every text escaped


def _legend(comparison: Comparison) -> tuple[str, str]:
    return (labels.text(labels.FIELDS, "baseline") + f" {comparison.baseline}",
            labels.text(labels.FIELDS, "current") + f" {comparison.cycle}")


def chart_svgs(comparison: Comparison) -> dict:
    """``heatmap``, ``radars`` (None past 12 countries), ``bars`` and ``dumbbells`` (domain →
    SVG) of the comparison, in its language."""
    mirror, profiles = comparison.direction == "rtl", comparison.profiles
    with force_locale(comparison.language):
        found = {"heatmap": _svg(heatmap_size(comparison, len(profiles)),
                                 lambda c: draw_heatmap(c, comparison, profiles), mirror,
                                 labels.text(H, "heatmap"), heatmap_description(comparison, profiles), "heatmap"),
                 "radars": None, "dumbbells": {}}
        drawn = radar_profiles(comparison)
        if drawn:
            found["radars"] = _svg(radars_size(len(drawn)), lambda c: draw_radars(c, comparison, drawn), mirror,
                                   labels.text(H, "radars"), radars_description(comparison, drawn), "radars")
        group = comparison.distribution[0]
        found["bars"] = _svg(bars_size(comparison), lambda c: draw_bars(c, comparison, group), mirror,
                             labels.text(H, "distribution_chart"), bars_description(comparison, group), "bars")
        for domain in comparison.domains:
            rows = dumbbell_rows(comparison, domain.id)
            if rows:
                found["dumbbells"][domain.id] = _svg(
                    dumbbell_size(len(rows)), lambda c, rows=rows: draw_dumbbell(c, comparison, rows, _legend(comparison)),
                    mirror, labels.text(H, "dumbbell", domain=domain.title), dumbbell_description(comparison, rows),
                    f"dumbbell-{domain.id}")
    return found


def _drawing(size, draw, mirror: bool):
    canvas = DrawingCanvas(*size, mirror=mirror)
    draw(canvas)
    return canvas.drawing


def heatmap_drawing(comparison: Comparison, profiles):
    return _drawing(heatmap_size(comparison, len(profiles)), lambda c: draw_heatmap(c, comparison, profiles),
                    comparison.direction == "rtl")


def dumbbell_drawing(comparison: Comparison, rows):
    return _drawing(dumbbell_size(len(rows)), lambda c: draw_dumbbell(c, comparison, rows, _legend(comparison)),
                    comparison.direction == "rtl")


def chart_drawings(comparison: Comparison) -> dict:
    """The PDF's drawings: ``radars`` (or None) and ``bars``; the heatmap and the dumbbells
    are drawn page by page (``heatmap_drawing``, ``dumbbell_drawing``)."""
    mirror = comparison.direction == "rtl"
    drawn = radar_profiles(comparison)
    group = comparison.distribution[0]
    found = {"radars": _drawing(radars_size(len(drawn)), lambda c: draw_radars(c, comparison, drawn), mirror)
             if drawn else None,
             "bars": _drawing(bars_size(comparison), lambda c: draw_bars(c, comparison, group), mirror)}
    return found
