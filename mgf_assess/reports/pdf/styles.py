"""The PDF's look: page geometry, paragraph styles and table styles, mirrored for right-to-left.

One family (DejaVu Sans), a small set of sizes for a clear hierarchy, the web interface's blue
accent (colours: ``typography.palette``), light rules instead of grids.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from mgf_assess.reports.typography.fonts import BOLD, REGULAR
from mgf_assess.reports.typography.palette import ACCENT, ACCENT_LIGHT, INK, MUTED, RULE, WARNING

PAGE_MARGIN = 18 * mm
CONTENT_WIDTH = 595.2756 - 2 * PAGE_MARGIN  # A4 portrait
HEADER_SPACE = 14 * mm  # room above the frame for the running header
FOOTER_SPACE = 14 * mm


# name: (font, size, leading, colour, space before, space after)
STYLE_TABLE = {
    "title": (BOLD, 24, 30, ACCENT, 0, 10),
    "country": (BOLD, 20, 26, INK, 14, 6),
    "big": (BOLD, 22, 26, ACCENT, 0, 0),
    "subtitle": (REGULAR, 13, 18, INK, 0, 6),
    "h1": (BOLD, 17, 22, ACCENT, 0, 8),
    "h2": (BOLD, 12.5, 17, ACCENT, 12, 5),
    "h3": (BOLD, 10.5, 14, INK, 8, 3),
    "kicker": (BOLD, 8.5, 12, MUTED, 0, 2),
    "body": (REGULAR, 9.5, 13.5, INK, 0, 5),
    "muted": (REGULAR, 8.5, 12, MUTED, 0, 4),
    "cell": (REGULAR, 8, 10.5, INK, 0, 0),
    "cell_muted": (REGULAR, 7.5, 10, MUTED, 0, 0),
    "cell_bold": (BOLD, 8, 10.5, INK, 0, 0),
    "head": (BOLD, 8, 10.5, ACCENT, 0, 0),
    "mark": (BOLD, 11, 15, WARNING, 4, 4),
    "toc": (REGULAR, 10, 15, INK, 0, 0),
    "toc_top": (BOLD, 10.5, 17, INK, 0, 0),
}


# h2 and h3 are preceded by a conditional page break instead (see Writer.subheading): keeping
# them with a whole table would push the table to the next page and leave half pages empty.
HEADINGS = ("h1", "kicker")


@lru_cache(maxsize=2)
def styles(rtl: bool) -> dict[str, ParagraphStyle]:
    """Every paragraph style by name; right-aligned when ``rtl``."""
    alignment = TA_RIGHT if rtl else TA_LEFT
    return {name: ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, textColor=colour,
                                 spaceBefore=before, spaceAfter=after, alignment=alignment,
                                 keepWithNext=name in HEADINGS)
            for name, (font, size, leading, colour, before, after) in STYLE_TABLE.items()}


def table_style(rtl: bool, header_rows: int = 1) -> TableStyle:
    """Light rules: a coloured rule under the header, hairlines between rows, no grid."""
    align = "RIGHT" if rtl else "LEFT"
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), align),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, header_rows), (-1, -2), 0.4, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
    ]
    if header_rows:
        commands += [("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 1, ACCENT),
                     ("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT_LIGHT)]
    return TableStyle(commands)


def key_value_style(rtl: bool) -> TableStyle:
    """The cover's facts table: label column muted, hairlines between rows."""
    return TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT" if rtl else "LEFT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ])
