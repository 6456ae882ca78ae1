"""Charts as inline SVG for the web page: reportlab's SVG renderer, plus accessibility.

The SVG carries ``role="img"``, a ``<title>`` and a ``<desc>`` listing every value (the text
alternative), and ids made unique per chart so that several charts fit in one page. Arabic
labels are drawn already shaped and in visual order (as in the PDF); their text elements are
marked ``unicode-bidi: bidi-override`` so that browsers do not reorder them a second time.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from flask_babel import force_locale
from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing

from mgf_assess.reports.data import labels
from mgf_assess.reports.data.formatting import score_text
from mgf_assess.reports.data.model import GapReport
from mgf_assess.reports.typography.fonts import BOLD, REGULAR

FONT_HACKS = {
    REGULAR: {"family": "'DejaVu Sans', 'Noto Sans', Arial, sans-serif"},
    BOLD: {"family": "'DejaVu Sans', 'Noto Sans', Arial, sans-serif", "weight": "bold"},
}
PROLOGUE = re.compile(r"^.*?(?=<svg\b)", re.DOTALL)  # XML declaration and DOCTYPE


def to_svg(drawing: Drawing, title: str, description: str, prefix: str) -> str:
    """``drawing`` as an ``<svg>`` element ready to inline in HTML."""
    attributes = {"role": "img", "aria-labelledby": f"{prefix}-title {prefix}-desc",
                  "class": f"chart chart--{prefix}"}
    text = renderSVG.drawToString(drawing, useClip=True, fontHacks=FONT_HACKS, svgAttrs=attributes)
    text = PROLOGUE.sub("", text, count=1)
    text = text.replace("<title>...</title>", f'<title id="{prefix}-title">{escape(title)}</title>', 1)
    text = text.replace("<desc>...</desc>", f'<desc id="{prefix}-desc">{escape(description)}</desc>', 1)
    return text.replace('id="group"', f'id="{prefix}-group"')


def radar_text_alternative(report: GapReport) -> tuple[str, str, str]:
    """Title, description (every series with every domain's value) and id prefix of the radar."""
    radar = report.summary.radar
    with force_locale(report.language):
        title = labels.text(labels.HEADINGS, "radar")
        parts = []
        for series in radar.series:
            values = "; ".join(f"{axis} {score_text(value, report.language)}"
                               for axis, value in zip(radar.axes, series.values, strict=True))
            parts.append(f"{series.label}: {values}.")
    return title, " ".join(parts), "radar"


def bands_text_alternative(report: GapReport) -> tuple[str, str, str]:
    """Title, description (questions per band) and id prefix of the band chart."""
    with force_locale(report.language):
        title = labels.text(labels.HEADINGS, "band_distribution")
    description = "; ".join(f"{label}: {count}" for _, label, count in report.summary.band_counts)
    return title, description + ".", "bands"
