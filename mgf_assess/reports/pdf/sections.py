"""The cover, the contents and the executive summary of the PDF."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle

from mgf_assess.reports.charts import bands_drawing, radar_drawing
from mgf_assess.reports.data import labels
from mgf_assess.reports.data.model import GapReport, ScoreLine
from mgf_assess.reports.pdf.styles import CONTENT_WIDTH, key_value_style
from mgf_assess.reports.pdf.text import Writer, fill_widths
from mgf_assess.reports.pdf.toc import Contents
from mgf_assess.reports.typography.palette import ACCENT, ACCENT_LIGHT, WARNING

H, F, M, N = labels.HEADINGS, labels.FIELDS, labels.MARKS, labels.NOTES


def cover_story(report: GapReport, writer: Writer, contents: Contents) -> list:
    """Title page (facts, preliminary mark, overall result), then the contents on their own page."""
    cover = report.cover
    flowables = [Spacer(1, 28 * mm), writer.para(labels.text(H, "report_title"), "title"),
                 writer.para(cover.country_name, "country"), writer.para(cover.questionnaire_title, "subtitle"),
                 Spacer(1, 8 * mm)]
    if cover.mark:
        flowables += [preliminary_box(cover.mark, writer), Spacer(1, 6 * mm)]
    flowables += [facts_table(report, writer), Spacer(1, 10 * mm), overall_box(report, writer)]
    return flowables + [PageBreak(), writer.para(labels.text(H, "contents"), "h1"), contents, PageBreak()]


def preliminary_box(mark: str, writer: Writer) -> Table:
    box = Table([[writer.para(mark, "mark")]], colWidths=[CONTENT_WIDTH])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, WARNING), ("TOPPADDING", (0, 0), (-1, -1), 6),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 8)]))
    return box


def facts_table(report: GapReport, writer: Writer) -> Table:
    cover = report.cover
    facts = [("country", cover.country_name), ("questionnaire", cover.questionnaire_title),
             ("version", cover.version), ("cycle", str(cover.cycle)), ("state", cover.state_label),
             ("date", writer.date(cover.as_of)), ("snapshot", cover.source_text)]
    rows = [writer.row([writer.para(labels.text(F, key), "muted"), writer.para(value, "body")])
            for key, value in facts]
    return Table(rows, colWidths=writer.row(fill_widths([45 * mm, None])), style=key_value_style(writer.rtl))


def overall_box(report: GapReport, writer: Writer) -> Table:
    """The overall score in large type beside its band, on the accent tint."""
    overall = report.summary.overall
    cells = writer.row([[writer.para(labels.text(H, "overall"), "kicker"), writer.para(writer.score(overall.score), "big")],
                        [writer.para(overall.band_label or "—", "h2"), *completeness_lines(overall, writer)]])
    box = Table([cells], colWidths=writer.row(fill_widths([55 * mm, None])))
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LINEBEFORE" if not writer.rtl else "LINEAFTER", (0, 0), (0, 0), 3, ACCENT),
                             ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                             ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10)]))
    return box


def completeness_lines(line: ScoreLine, writer: Writer) -> list:
    return [writer.para(f"{labels.text(F, 'completeness')}: {writer.share(line.completeness)}", "muted"),
            writer.para(f"{labels.text(F, 'confidence')}: {writer.share(line.confidence)}", "muted")]


def summary_story(report: GapReport, writer: Writer) -> list:
    """Overall figures, domain table, radar, band distribution and the most important gaps."""
    summary = report.summary
    flowables = [writer.heading(labels.text(H, "executive_summary"), "h1", 0, "summary"),
                 overall_table(report, writer), *writer.subheading(labels.text(H, "domain_scores")),
                 domain_table(report, writer), *radar_block(report, writer)]
    flowables += writer.subheading(labels.text(H, "key_gaps"))
    flowables += writer.bullets([g.sentence for g in summary.key_gaps]) or [writer.para(labels.text(M, "nothing"))]
    flowables += [KeepTogether([writer.para(labels.text(H, "band_distribution"), "h3"), centred(bands_drawing(report))])]
    return flowables + [PageBreak()]


def score_heads(report: GapReport) -> tuple[str, str]:
    """The headings of a score and its band: the validated ones once the report is reviewed."""
    if report.reviewed:
        return labels.text(F, "validated_score"), labels.text(F, "validated_band")
    return labels.text(F, "score"), labels.text(F, "band")


def overall_table(report: GapReport, writer: Writer) -> Table:
    overall = report.summary.overall
    self_band = [labels.text(F, "self_band")] if report.reviewed else []
    header = [*score_heads(report), labels.text(F, "self_score"), *self_band,
              *(labels.text(F, key) for key in ("completeness", "confidence"))]
    row = [writer.score(overall.score), overall.band_label or "—", writer.score(overall.self_score),
           *([overall.self_band_label or "—"] if report.reviewed else []),
           writer.share(overall.completeness), writer.share(overall.confidence)]
    widths = [25 * mm, 50 * mm, 35 * mm, None, None] if not report.reviewed else \
        [24 * mm, 36 * mm, 26 * mm, 36 * mm, None, None]
    return writer.table(header, [row], widths, "cell_bold")


def domain_table(report: GapReport, writer: Writer) -> Table:
    show_self = report.reviewed or any(d.figures.overridden for d in report.summary.domains)
    score, band = score_heads(report)
    header = [labels.text(F, "domain"), score, *([labels.text(F, "self_score")] if show_self else []), band,
              *(labels.text(F, k) for k in ("target", "completeness", "confidence"))]
    rows = []
    for domain in report.summary.domains:
        f = domain.figures
        rows.append([domain.title, writer.score(f.score), *([writer.score(f.self_score)] if show_self else []),
                     f.band_label or "—", domain.target_label, writer.share(f.completeness), writer.share(f.confidence)])
    widths = [None, 22 * mm, 25 * mm, 30 * mm, 18 * mm, 24 * mm, 22 * mm] if report.reviewed else \
        [None, 15 * mm, *([22 * mm] if show_self else []), 36 * mm, 18 * mm, 26 * mm, 23 * mm]
    return writer.table(header, rows, widths)


def radar_block(report: GapReport, writer: Writer) -> list:
    block = [writer.para(labels.text(H, "radar"), "h2"), centred(radar_drawing(report))]
    previous = report.summary.previous
    if previous is not None:
        block += [writer.para(note, "muted") for note in previous_notes(report)]
    return [KeepTogether(block)]


def previous_notes(report: GapReport) -> list[str]:
    """What the previous cycle's line means, and which domains compare with caution or not at all."""
    previous, titles = report.summary.previous, {d.id: d.title for d in report.summary.domains}
    notes = [labels.text(N, "previous", cycle=previous.cycle, version=previous.version)]
    for kind, key in (("indirect", "previous_caution"), ("none", "previous_none")):
        names = [titles[i] for i, c in previous.comparability.items() if c == kind and i in titles]
        if names:
            notes.append(labels.text(N, key, domains="; ".join(names), cycle=previous.cycle))
    return notes


def centred(drawing):
    drawing.hAlign = "CENTER"
    return drawing
