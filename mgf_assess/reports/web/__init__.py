"""The gap report as HTML: the body of the web page and the standalone printable document.

``render`` turns a ``GapReport`` into HTML with the templates in ``reports/templates/reports/``
and the charts as inline SVG. The blueprint itself (URLs, access, downloads) stays in
``reports.routes``.
"""

from mgf_assess.reports.web.render import render_html_document, render_report_body

__all__ = ["render_html_document", "render_report_body"]
