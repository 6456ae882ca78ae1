"""The comparison as HTML, rendered in its own language (``force_locale``) from one template
(``comparisons/_comparison.html``) with the charts as inline SVG. Every text goes through
Jinja's autoescaping; the only markup passed through is our own (the body, the SVG)."""

from __future__ import annotations

from flask import has_request_context, render_template
from flask_babel import force_locale
from markupsafe import Markup

from mgf_assess.comparisons.charts import chart_svgs
from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Comparison
from mgf_assess.reports.data.formatting import formatters
from mgf_assess.reports.web.render import _document_css


def context(comparison: Comparison) -> dict:
    return {"c": comparison, "fmt": formatters(comparison.language), "H": labels.HEADINGS, "F": labels.FIELDS,
            "M": labels.MARKS, "L": labels.LABELS, "text": labels.text, "charts": chart_svgs(comparison),
            "links": has_request_context()}  # a document written from the command line has no site to link to


def render_comparison_body(comparison: Comparison, downloads: Markup | None = None) -> Markup:
    """The comparison as an ``<article>`` in its own language; ``downloads`` after the summary."""
    with force_locale(comparison.language):
        html = render_template("comparisons/_comparison.html", downloads=downloads, **context(comparison))
    return Markup(html)


def render_html_document(comparison: Comparison) -> str:
    """A standalone, printable HTML document (styles embedded, no script, no network)."""
    body = render_comparison_body(comparison)
    with force_locale(comparison.language):
        css = _document_css() + "\n" + _own_css()
        return render_template("reports/document.html", body=body, css=Markup(css),
                               title=labels.text(labels.HEADINGS, "title"), language=comparison.language,
                               direction=comparison.direction)


def _own_css() -> str:
    from mgf_assess.reports.web.render import STATIC_CSS

    return (STATIC_CSS / "comparisons.css").read_text(encoding="utf-8")
