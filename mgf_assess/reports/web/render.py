"""The gap report as HTML: the body of the web page, and a standalone printable document.

Both are rendered from one template (``reports/_report.html``) inside
``force_locale(report.language)``, so the report speaks its own language (and direction)
even when the page around it is in another. Every user text goes through Jinja's
autoescaping; the only markup passed through is our own: the rendered report body and the
chart SVG drawn by ``charts``.
"""

from __future__ import annotations

import re
from pathlib import Path

from flask import render_template
from flask_babel import force_locale
from markupsafe import Markup

from mgf_assess.reports.data import labels
from mgf_assess.reports.data.formatting import formatters
from mgf_assess.reports.data.model import GapReport

STATIC_CSS = Path(__file__).resolve().parents[2] / "static" / "css"  # mgf_assess/static/css
DOCUMENT_STYLESHEETS = ("app.css", "reports.css")
# reportlab writes SVG styling as style="..." attributes, which the site's Content-Security-
# Policy (no inline styles) blocks; the same declarations as presentation attributes are not
# inline styles, so the charts keep their colours under the policy.
STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')


def presentation_attributes(svg: str) -> str:
    """``svg`` with every ``style="a: b; c: d"`` turned into ``a="b" c="d"``."""
    return STYLE_ATTRIBUTE.sub(lambda match: _as_attributes(match.group(1)), svg)


def _as_attributes(declarations: str) -> str:
    pairs = (part.split(":", 1) for part in declarations.split(";") if ":" in part)
    return "".join(f' {name.strip()}="{value.strip()}"' for name, value in pairs)


def charts(report: GapReport) -> dict[str, Markup]:
    """The radar and the band distribution as inline SVG (the same drawings as the PDF)."""
    from mgf_assess.reports.charts import bands_svg, radar_svg  # reportlab: only when drawing

    return {"radar_svg": Markup(presentation_attributes(radar_svg(report))),
            "bands_svg": Markup(presentation_attributes(bands_svg(report)))}


def report_context(report: GapReport) -> dict:
    """What the report template needs: the report, its words and number formatters."""
    return {"r": report, "fmt": formatters(report.language), "H": labels.HEADINGS, "F": labels.FIELDS,
            "M": labels.MARKS, "text": labels.text, **charts(report)}


def render_report_body(report: GapReport, downloads: Markup | None = None) -> Markup:
    """The report as an ``<article>`` in its own language; ``downloads`` goes after the cover."""
    with force_locale(report.language):
        html = render_template("reports/_report.html", downloads=downloads, **report_context(report))
    return Markup(html)  # our template's output: user text inside is already escaped


def render_html_document(report: GapReport) -> str:
    """A standalone, printable HTML document (styles embedded, no script, no network)."""
    body = render_report_body(report)
    with force_locale(report.language):
        return render_template("reports/document.html", body=body, css=Markup(_document_css()),
                               title=_title(report), language=report.language, direction=report.direction)


def _document_css() -> str:
    return "\n".join((STATIC_CSS / name).read_text(encoding="utf-8") for name in DOCUMENT_STYLESHEETS)


def _title(report: GapReport) -> str:
    cover = report.cover
    return f"{labels.text(labels.HEADINGS, 'report_title')} — {cover.country_name} {cover.cycle}"
