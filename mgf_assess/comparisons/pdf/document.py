"""``render_pdf(comparison) -> bytes``: cover, contents, method, views and annex, A4 portrait."""

from __future__ import annotations

from functools import partial
from io import BytesIO

from flask_babel import force_locale

from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Comparison
from mgf_assess.comparisons.pdf.annex import annex_story
from mgf_assess.comparisons.pdf.front import front_story
from mgf_assess.comparisons.pdf.page import ComparisonDecor
from mgf_assess.comparisons.pdf.views import views_story
from mgf_assess.reports.pdf.page import NumberedCanvas
from mgf_assess.reports.pdf.text import Writer
from mgf_assess.reports.pdf.toc import Contents, OutlinedDocument
from mgf_assess.reports.typography.fonts import register_fonts

H = labels.HEADINGS


class ComparisonDocument(OutlinedDocument):
    """The comparison's document."""

    def __init__(self, buffer, comparison: Comparison, contents: Contents) -> None:
        super().__init__(buffer, contents, title=f"{labels.text(H, 'title')} — {comparison.title} {comparison.cycle}",
                         subject=comparison.scope_text, lang=comparison.language)



def contents_entries(comparison: Comparison) -> list[tuple[int, str, str]]:
    """(level, title, key) of the parts listed in the contents (keys as the headings use)."""
    entries = [(0, labels.text(H, "method"), "method"), (0, labels.text(H, "profiles"), "profiles")]
    if comparison.corridor:
        entries.append((0, labels.text(H, "corridor", name=comparison.corridor.name), "corridor"))
    entries += [(0, labels.text(H, "distribution"), "distribution"), (0, labels.text(H, "regions"), "regions"),
                (0, labels.text(H, "change"), "change")]
    if comparison.ranking:
        entries.append((0, labels.text(H, "ranking"), "ranking"))
    return entries + [(0, labels.text(H, "peers"), "peers"), (0, labels.text(H, "annex"), "annex")]


def render_pdf(comparison: Comparison) -> bytes:
    """The comparison as PDF bytes (needs an application context for the font settings)."""
    register_fonts()
    buffer = BytesIO()
    with force_locale(comparison.language):
        writer = Writer(comparison)
        contents = Contents(writer, contents_entries(comparison))
        document = ComparisonDocument(buffer, comparison, contents)
        story = [*front_story(comparison, writer, contents), *views_story(comparison, writer),
                 *annex_story(comparison, writer)]
        document.build(story, canvasmaker=partial(NumberedCanvas, decorate=ComparisonDecor(comparison, contents)))
    return buffer.getvalue()
