"""``render_pdf(report) -> bytes``: the gap report as an A4 PDF.

Cover, contents, executive summary with the radar, one section per domain, data gaps, the
recommendations annex and the methodology. Everything is laid out with reportlab platypus in
the report's language (``force_locale``), with DejaVu Sans embedded for every script.
"""

from __future__ import annotations

from functools import partial
from io import BytesIO

from flask_babel import force_locale
from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from mgf_assess.reports.data import labels
from mgf_assess.reports.data.model import GapReport
from mgf_assess.reports.pdf.annex import annex_story, has_overrides_annex
from mgf_assess.reports.pdf.domains import domains_story
from mgf_assess.reports.pdf.page import NumberedCanvas, PageDecor
from mgf_assess.reports.pdf.sections import cover_story, summary_story
from mgf_assess.reports.pdf.styles import FOOTER_SPACE, HEADER_SPACE, PAGE_MARGIN
from mgf_assess.reports.pdf.text import Writer
from mgf_assess.reports.pdf.toc import Contents
from mgf_assess.reports.typography.fonts import register_fonts

TOP_GAP = HEADER_SPACE + 8  # room between the running header and the text
BOTTOM_GAP = FOOTER_SPACE + 10


class ReportDocument(BaseDocTemplate):
    """An A4 document whose headings feed the contents and the PDF outline."""

    def __init__(self, buffer, report: GapReport, contents: Contents) -> None:
        self.contents = contents
        title = f"{labels.text(labels.HEADINGS, 'report_title')} — {report.cover.country_name} {report.cover.cycle}"
        super().__init__(buffer, pagesize=A4, leftMargin=PAGE_MARGIN, rightMargin=PAGE_MARGIN,
                         topMargin=TOP_GAP, bottomMargin=BOTTOM_GAP, title=title, author="mgf-assess",
                         subject=report.cover.questionnaire_title, lang=report.language, invariant=True)
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def afterFlowable(self, flowable) -> None:
        entry = getattr(flowable, "toc_entry", None)
        if entry is None:
            return
        level, text, key = entry
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        self.contents.pages[key] = self.page


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
