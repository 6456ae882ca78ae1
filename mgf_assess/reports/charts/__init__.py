"""The gap report's charts, drawn once with ``reportlab.graphics`` for the PDF and the web page.

``drawings``: the radar of domain scores and the band distribution as reportlab drawings (the
PDF places them as they are); ``svg``: the same drawings as inline SVG with a text alternative,
for the web page. Charts read the report's data and typography; the PDF and the web use them.
"""

from mgf_assess.reports.charts.drawings import bands_drawing, bands_svg, radar_drawing, radar_svg

__all__ = ["bands_drawing", "bands_svg", "radar_drawing", "radar_svg"]
