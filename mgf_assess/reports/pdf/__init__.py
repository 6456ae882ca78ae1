"""The gap report as an A4 PDF: ``render_pdf(report) -> bytes`` (``document``).

``document`` assembles the story: ``sections`` (cover, contents, executive summary with the
charts), ``domains`` (one section per domain), ``annex`` (data gaps, recommendations,
methodology); ``toc`` draws the contents, ``page`` the running header, the preliminary mark
and page numbers, ``text`` turns texts and numbers into flowables and ``styles`` holds the page
geometry and paragraph and table styles. Fonts, right-to-left text and colours come from
``reports.typography``, the charts from ``reports.charts``.
"""

from mgf_assess.reports.pdf.document import render_pdf

__all__ = ["render_pdf"]
