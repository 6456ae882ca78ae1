"""Charts of a comparison, laid out once and drawn on two canvases (``canvas``): inline SVG for
the web page, reportlab drawings for the PDF.

``heatmap`` (countries × nodes by band), ``radars`` (small multiples, up to 12 countries),
``bars`` (shares of states per band, stacked), ``dumbbell`` (baseline → current per country).
Each SVG carries a title and a description; the web page puts a data table beside each.
"""

from mgf_assess.comparisons.charts.render import chart_drawings, chart_svgs

__all__ = ["chart_drawings", "chart_svgs"]
