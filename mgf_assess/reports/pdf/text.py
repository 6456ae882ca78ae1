"""Turning report texts and numbers into flowables for one report (language and direction).

Every text goes through here and becomes a ``TextBlock``: cleaned of what the font cannot
draw, shaped and ordered when right-to-left, and never parsed as markup — user text may hold
``<para>``, ``<img src=…>``, unclosed tags or ``&``, and is drawn literally. Should a text ever
go into a reportlab ``Paragraph`` (which parses markup), escape it first. Table
rows and column widths are mirrored for right-to-left reports.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Table

from mgf_assess.reports.data import formatting
from mgf_assess.reports.data.model import GapReport
from mgf_assess.reports.pdf.styles import CONTENT_WIDTH, styles, table_style
from mgf_assess.reports.typography.rtl import TextBlock

LONG_TEXT = 1500  # characters: above this, a table cell may be cut across pages


def _length(cell) -> int:
    """Characters of text in a cell (a text block or a list of them)."""
    if isinstance(cell, list):
        return sum(_length(item) for item in cell)
    return len(getattr(cell, "text", ""))


def fill_widths(widths: list[float | None], total: float = CONTENT_WIDTH) -> list[float]:
    """Column widths with every ``None`` sharing what the others leave of ``total``."""
    free = [w for w in widths if w is None]
    rest = (total - sum(w for w in widths if w is not None)) / len(free) if free else 0
    return [rest if w is None else w for w in widths]


class Writer:
    """Flowables, numbers and tables in the language and direction of one report."""

    def __init__(self, report: GapReport) -> None:
        self.language = report.language
        self.rtl = report.direction == "rtl"
        self.styles = styles(self.rtl)

    def para(self, text: str, style: str | ParagraphStyle = "body") -> Flowable:
        """A paragraph of plain (user or label) text; never interpreted as markup."""
        style = style if isinstance(style, ParagraphStyle) else self.styles[style]
        return TextBlock(str(text or ""), style, self.rtl)

    def score(self, value) -> str:
        return formatting.score_text(value, self.language)

    def share(self, value) -> str:
        return formatting.share_text(value, self.language)

    def number(self, value) -> str:
        return formatting.number_text(value, self.language)

    def date(self, value) -> str:
        return formatting.date_text(value, self.language)

    def row(self, cells: list) -> list:
        """A table row in reading order (mirrored right-to-left)."""
        return list(reversed(cells)) if self.rtl else list(cells)

    def table(self, header: list[str], rows: list[list], widths: list[float], style: str = "cell") -> Table:
        """A table with a repeated header row, light rules, cells as paragraphs."""
        data = [self.row([self.para(h, "head") for h in header])]
        data += [self.row([c if isinstance(c, (Flowable, list)) else self.para(c, style) for c in r])
                 for r in rows]
        # Rows move whole to the next page; only a table holding a huge text (which could be
        # taller than a page) may cut a row, since otherwise it could not be laid out at all.
        split_in_row = int(any(_length(cell) > LONG_TEXT for row in data for cell in row))
        return Table(data, colWidths=self.row(fill_widths(widths)), repeatRows=1, style=table_style(self.rtl),
                     splitInRow=split_in_row, hAlign="RIGHT" if self.rtl else "LEFT")

    def heading(self, text: str, style: str = "h1", level: int | None = None, key: str | None = None) -> Flowable:
        """A heading; with ``level`` it is listed in the contents and the PDF outline."""
        flowable = self.para(text, style)
        if level is not None:
            flowable.toc_entry = (level, str(text), key or f"h{id(flowable)}")
        return flowable

    def subheading(self, text: str, style: str = "h2", room: float = 30 * mm) -> list[Flowable]:
        """A heading inside a part, moved to the next page when less than ``room`` is left."""
        return [CondPageBreak(room), self.para(text, style)]

    def bullets(self, texts: list[str], style: str = "body") -> list[Flowable]:
        """A list as paragraphs led by a bullet (logical start: the right side in Arabic)."""
        return [self.para(f"•  {text}", style) for text in texts]
