"""The comparison as HTML: the body of ``/comparisons`` and a standalone printable document."""

from mgf_assess.comparisons.web.render import render_comparison_body, render_html_document

__all__ = ["render_comparison_body", "render_html_document"]
