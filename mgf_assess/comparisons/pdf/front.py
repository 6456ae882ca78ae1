"""The front of the PDF: cover (title, facts, PRELIMINARY box), contents, and the method."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from mgf_assess.comparisons.data import labels
from mgf_assess.comparisons.data.model import Comparison
from mgf_assess.reports.pdf.styles import CONTENT_WIDTH, key_value_style
from mgf_assess.reports.pdf.text import Writer, fill_widths
from mgf_assess.reports.typography.palette import WARNING

H, F, M = labels.HEADINGS, labels.FIELDS, labels.MARKS


def front_story(comparison: Comparison, writer: Writer, contents) -> list:
    flowables = [Spacer(1, 28 * mm), writer.para(labels.text(H, "title"), "title"),
                 writer.para(comparison.title, "country"), writer.para(comparison.scope_text, "subtitle"),
                 Spacer(1, 8 * mm)]
    if comparison.preliminary:
        flowables += [_preliminary(writer), Spacer(1, 6 * mm)]
    flowables.append(facts_table(comparison, writer))
    if comparison.hidden:
        flowables += [Spacer(1, 4 * mm), writer.para(labels.text(M, "hidden_counted", hidden=comparison.hidden,
                                                                  total=comparison.population), "muted")]
    flowables += [PageBreak(), writer.para(labels.text(H, "contents"), "h1"), contents, PageBreak()]
    return flowables + method_story(comparison, writer)


def _preliminary(writer: Writer) -> Table:
    """The gap report's boxed warning, with the comparison's words."""
    box = Table([[writer.para(labels.text(M, "preliminary"), "mark")]], colWidths=[CONTENT_WIDTH])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, WARNING), ("TOPPADDING", (0, 0), (-1, -1), 6),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 8)]))
    return box


def facts_table(comparison: Comparison, writer: Writer) -> Table:
    baseline = str(comparison.baseline) if comparison.baseline else "—"
    facts = [("questionnaire", f"{comparison.questionnaire} — {', '.join(comparison.method.versions) or '—'}"),
             ("cycle", str(comparison.cycle)), ("baseline", baseline), ("source", comparison.source_label),
             ("states", writer.number(comparison.population)), ("date", writer.date(comparison.generated_at))]
    rows = [writer.row([writer.para(labels.text(F, key), "muted"), writer.para(value, "body")])
            for key, value in facts]
    return Table(rows, colWidths=writer.row(fill_widths([45 * mm, None])), style=key_value_style(writer.rtl))


def method_story(comparison: Comparison, writer: Writer) -> list:
    return [writer.heading(labels.text(H, "method"), "h1", 0, "method"),
            *writer.bullets(list(comparison.method.sentences)), PageBreak()]
