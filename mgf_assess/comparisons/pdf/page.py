"""What every page of a comparison carries: the running header (questionnaire, cycle,
source), the PRELIMINARY mark of a ``latest`` comparison, and "page X of Y"."""

from __future__ import annotations

from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Comparison
from mgf_assess.reports.pdf.page import PageDecor


class ComparisonDecor(PageDecor):
    """The gap report's page decoration, with the comparison's own texts."""

    def __init__(self, comparison: Comparison, contents=None) -> None:
        self.contents = contents
        self.rtl = comparison.direction == "rtl"
        self.preliminary = comparison.preliminary
        baseline = f" ← {comparison.baseline}" if comparison.baseline else ""
        self.left = f"{labels.text(labels.HEADINGS, 'title')} · {comparison.questionnaire} · {comparison.cycle}{baseline}"
        self.snapshot = comparison.source_label
        self.mark = labels.text(labels.MARKS, "preliminary")
        self.page_text = lambda page, pages: labels.text(labels.MARKS, "page_of", page=page, pages=pages)
