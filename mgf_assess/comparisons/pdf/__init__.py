"""The comparison as an A4 PDF: ``render_pdf(comparison) -> bytes`` (``document``).

``document`` assembles the story: ``front`` (cover, contents, method), ``views`` (profiles with
the paged heatmap and the radars, the corridor, the distribution and its regions, the change,
the ranking, peer learning) and ``annex`` (snapshots, versions, mappings, comparability). Text,
tables, the running header and the fonts come from the gap report's ``reports.pdf`` and
``reports.typography``; the charts from ``comparisons.charts``.
"""

from mgf_assess.comparisons.pdf.document import render_pdf

__all__ = ["render_pdf"]
