"""``render_pdf(report) -> bytes``: the gap report as an A4 PDF.

Cover, contents, executive summary with the radar, one section per domain, data gaps, the
recommendations annex and the methodology. Everything is laid out with reportlab platypus in
the report's language (``force_locale``), with DejaVu Sans embedded for every script.
"""

from __future__ import annotations

from functools import partial
from io import BytesIO

from flask_babel import force_locale

from mgf_assess.reports.data import labels
from mgf_assess.reports.data.model import GapReport
from mgf_assess.reports.pdf.annex import annex_story, has_overrides_annex
from mgf_assess.reports.pdf.domains import domains_story
from mgf_assess.reports.pdf.page import NumberedCanvas, PageDecor
from mgf_assess.reports.pdf.sections import cover_story, summary_story
from mgf_assess.reports.pdf.text import Writer
from mgf_assess.reports.pdf.toc import Contents, OutlinedDocument
from mgf_assess.reports.typography.fonts import register_fonts


class ReportDocument(OutlinedDocument):
    """The gap report's document."""

    def __init__(self, buffer, report: GapReport, contents: Contents) -> None:
        title = f"{labels.text(labels.HEADINGS, 'report_title')} — {report.cover.country_name} {report.cover.cycle}"
        super().__init__(buffer, contents, title=title, subject=report.cover.questionnaire_title,
                         lang=report.language)



def contents_entries(report: GapReport) -> list[tuple[int, str, str]]:
    """(level, title, key) of every heading listed in the contents; keys as the headings use."""
    part = lambda key: labels.text(labels.HEADINGS, key)  # noqa: E731
    return [(0, part("executive_summary"), "summary"), (0, part("domains"), "domains"),
            *[(1, s.summary.title, f"domain-{s.summary.id}") for s in report.domains],
            (0, part("data_gaps"), "data-gaps"),
            *([(0, part("overrides_annex"), "overrides")] if has_overrides_annex(report) else []),
            (0, part("recommendations_annex"), "recommendations"),
            (0, part("methodology"), "methodology")]


def story(report: GapReport, writer: Writer, contents: Contents) -> list:
    """Every flowable of the report, in reading order."""
    return [*cover_story(report, writer, contents), *summary_story(report, writer),
            *domains_story(report, writer), *annex_story(report, writer)]


def render_pdf(report: GapReport) -> bytes:
    """The report as PDF bytes (needs an application context for the font settings)."""
    register_fonts()
    buffer = BytesIO()
    with force_locale(report.language):
        writer = Writer(report)
        contents = Contents(writer, contents_entries(report))
        document = ReportDocument(buffer, report, contents)
        maker = partial(NumberedCanvas, decorate=PageDecor(report, contents))
        document.build(story(report, writer, contents), canvasmaker=maker)
    return buffer.getvalue()
