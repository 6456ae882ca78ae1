"""What every page carries: running header (country, questionnaire version, snapshot), the
"PRELIMINARY — not validated" mark while the assessment is not validated, and "page X of Y".

The total page count is known only at the end, so the canvas keeps every page's state and
draws the decorations when the document is saved.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from mgf_assess.reports.data import labels
from mgf_assess.reports.data.model import GapReport
from mgf_assess.reports.pdf.styles import FOOTER_SPACE, HEADER_SPACE, PAGE_MARGIN
from mgf_assess.reports.typography.fonts import BOLD, REGULAR
from mgf_assess.reports.typography.palette import ACCENT, MUTED, RULE, WARNING
from mgf_assess.reports.typography.rtl import one_line


class NumberedCanvas(Canvas):
    """A canvas that decorates each page once the number of pages is known."""

    def __init__(self, *args, decorate=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict] = []
        self._decorate = decorate

    def showPage(self):
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            if self._decorate is not None:
                self._decorate(self, self._pageNumber, total)
            super().showPage()
        super().save()


class PageDecor:
    """Draws header, preliminary mark and footer of one report (texts prepared up front)."""

    def __init__(self, report: GapReport, contents=None) -> None:
        cover = report.cover
        self.contents = contents
        self.rtl = report.direction == "rtl"
        self.preliminary = cover.mark is not None
        self.left = f"{cover.country_name} · {cover.questionnaire_id} {cover.version} · {cover.cycle}"
        self.snapshot = (labels.text(labels.FIELDS, "snapshot") + f" #{cover.snapshot_id}"
                         if cover.snapshot_id else labels.text(labels.MARKS, "live_answers"))
        self.mark = cover.mark or ""
        self.page_text = lambda page, pages: labels.text(labels.MARKS, "page_of", page=page, pages=pages)

    def __call__(self, canvas: Canvas, page: int, total: int) -> None:
        width, height = A4
        canvas.saveState()
        self._header(canvas, width, height)
        self._footer(canvas, width, page, total)
        canvas.restoreState()
        if self.contents is not None:
            self.contents.draw_now(canvas, page)

    def _header(self, canvas: Canvas, width: float, height: float) -> None:
        y = height - HEADER_SPACE - 2
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(PAGE_MARGIN, y - 4, width - PAGE_MARGIN, y - 4)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        self._start(canvas, width, y, self.left)
        if self.preliminary:
            canvas.setFont(BOLD, 8)
            canvas.setFillColor(WARNING)
            self._end(canvas, width, y, self.mark)

    def _footer(self, canvas: Canvas, width: float, page: int, total: int) -> None:
        y = FOOTER_SPACE - 4
        canvas.setStrokeColor(RULE)
        canvas.line(PAGE_MARGIN, y + 10, width - PAGE_MARGIN, y + 10)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        self._start(canvas, width, y, self.snapshot)
        canvas.setFillColor(ACCENT)
        self._end(canvas, width, y, self.page_text(page, total))

    def _start(self, canvas: Canvas, width: float, y: float, text: str) -> None:
        """Text at the reading start of the line: left, or right in right-to-left reports."""
        if self.rtl:
            canvas.drawRightString(width - PAGE_MARGIN, y, one_line(text, True))
        else:
            canvas.drawString(PAGE_MARGIN, y, one_line(text, False))

    def _end(self, canvas: Canvas, width: float, y: float, text: str) -> None:
        if self.rtl:
            canvas.drawString(PAGE_MARGIN, y, one_line(text, True))
        else:
            canvas.drawRightString(width - PAGE_MARGIN, y, one_line(text, False))
