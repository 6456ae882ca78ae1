"""The table of contents, drawn when the page numbers are known: at the end of the only pass.

Its entries (the parts, and the domains inside "Results by domain") are known before layout,
so its height is too; during layout it only reserves that space and remembers where it
stands, the headings record their pages as they are placed, and the page canvas draws the
table into the reserved space when the document is saved. One layout pass instead of the
two or three of reportlab's ``multiBuild`` halves the time to build a report.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table, TableStyle

from mgf_assess.reports.pdf.styles import FOOTER_SPACE, HEADER_SPACE, PAGE_MARGIN
from mgf_assess.reports.pdf.text import Writer
from mgf_assess.reports.typography.palette import RULE

INDENT = 14
NUMBER_WIDTH = 40


class Contents(Flowable):
    """Reserves the room of the contents table and draws it once every page is known."""

    def __init__(self, writer: Writer, entries: list[tuple[int, str, str]]) -> None:
        super().__init__()
        self.writer, self.entries = writer, entries  # (level, title, heading key)
        self.pages: dict[str, int] = {}  # heading key → page, filled in during layout
        self.position: tuple[int, float, float] | None = None  # (page, x, y) once placed

    def table(self, width: float) -> Table:
        rows = [self._row(level, title, self.pages.get(key, 0)) for level, title, key in self.entries]
        return Table(rows, colWidths=self.writer.row([width - NUMBER_WIDTH, NUMBER_WIDTH]),
                     style=self._style())

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = self.table(availWidth).wrap(availWidth, availHeight)[1]
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):
        self.position = (canvas.getPageNumber(), x, y)  # drawn later by draw_now

    def draw_now(self, canvas, page: int) -> None:
        """Draw the table if ``page`` is where it was placed (called when the page is saved)."""
        if self.position is None or self.position[0] != page:
            return
        table = self.table(self.width)
        table.wrapOn(canvas, self.width, self.height)
        table.drawOn(canvas, self.position[1], self.position[2])

    def _row(self, level: int, title: str, page: int) -> list:
        rtl, base = self.writer.rtl, self.writer.styles["toc_top" if level == 0 else "toc"]
        indent = {"rightIndent" if rtl else "leftIndent": level * INDENT}
        text = self.writer.para(title, _variant(base, **indent))
        number = self.writer.para(str(page) if page else "", _variant(base, alignment=TA_LEFT if rtl else TA_RIGHT))
        return self.writer.row([text, number])

    def _style(self) -> TableStyle:
        commands = [("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
        commands += [("LINEABOVE", (0, i), (-1, i), 0.4, RULE)
                     for i, (level, _, _) in enumerate(self.entries) if level == 0 and i]
        return TableStyle(commands)


def _variant(style: ParagraphStyle, **changes) -> ParagraphStyle:
    """A copy of ``style`` with some attributes changed (indent, alignment)."""
    return ParagraphStyle(f"{style.name}-variant", parent=style, **changes)


class OutlinedDocument(BaseDocTemplate):
    """An A4 document of one frame whose headings (flowables with a ``toc_entry``) feed the
    contents and the PDF outline: the gap report's and the comparison's."""

    def __init__(self, buffer, contents: Contents, *, title: str, subject: str, lang: str) -> None:
        self.contents = contents
        super().__init__(buffer, pagesize=A4, leftMargin=PAGE_MARGIN, rightMargin=PAGE_MARGIN,
                         topMargin=HEADER_SPACE + 8, bottomMargin=FOOTER_SPACE + 10, title=title,
                         author="mgf-assess", subject=subject, lang=lang, invariant=True)
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
