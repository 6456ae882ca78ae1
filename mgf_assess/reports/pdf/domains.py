"""One PDF section per domain: figures, areas, well-developed areas, gaps, recommendations and
the table of every question with its answer, score, status and evidence."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak

from mgf_assess.reports.data import labels
from mgf_assess.reports.data.model import DomainSection, GapReport, QuestionRow
from mgf_assess.reports.pdf.text import Writer

H, F, M, N = labels.HEADINGS, labels.FIELDS, labels.MARKS, labels.NOTES
EMPTY = "—"


def domains_story(report: GapReport, writer: Writer) -> list:
    flowables = []
    for index, section in enumerate(report.domains):
        # The first domain's kicker stands for the whole part in the contents.
        kicker = labels.text(H, "domains")
        flowables.append(writer.heading(kicker, "kicker", 0, "domains") if index == 0 else writer.para(kicker, "kicker"))
        flowables += domain_story(section, writer, report.reviewed) + [PageBreak()]
    return flowables


def domain_story(section: DomainSection, writer: Writer, reviewed: bool = False) -> list:
    summary = section.summary
    flowables = [writer.heading(summary.title, "h1", 1, f"domain-{summary.id}")]
    if section.help:
        flowables.append(writer.para(section.help, "muted"))
    flowables += [figures_table(section, writer, reviewed), *writer.subheading(labels.text(H, "areas")),
                  areas_table(section, writer, reviewed)]
    flowables += well_developed(section, writer) + potential(section, writer)
    flowables += recommendations(section, writer) + questions(section, writer, reviewed)
    return flowables


def _score_key(reviewed: bool) -> str:
    return "validated_score" if reviewed else "score"


def figures_table(section: DomainSection, writer: Writer, reviewed: bool = False):
    summary, figures = section.summary, section.summary.figures
    target = labels.text(N, "target_missed" if summary.below_target else "target_met") \
        if summary.below_target is not None else EMPTY
    keys = (_score_key(reviewed), "self_score", "validated_band" if reviewed else "band", "target", "completeness",
            "confidence")
    header = [labels.text(F, k) for k in keys]
    row = [writer.score(figures.score), writer.score(figures.self_score), figures.band_label or EMPTY,
           f"{summary.target_label} ({target})", writer.share(figures.completeness), writer.share(figures.confidence)]
    widths = [22 * mm, 27 * mm, 30 * mm, None, 24 * mm, 22 * mm] if reviewed else \
        [18 * mm, 27 * mm, 36 * mm, None, 26 * mm, 23 * mm]
    return writer.table(header, [row], widths, "cell_bold")


def areas_table(section: DomainSection, writer: Writer, reviewed: bool = False):
    """Each area's score and band; once reviewed, the validated ones with the self-assessed
    score beside them."""
    extra = ["self_score"] if reviewed else []
    header = [labels.text(F, k) for k in ("area", _score_key(reviewed), *extra, "band", "completeness", "confidence")]
    rows = [[a.title, writer.score(a.figures.score), *([writer.score(a.figures.self_score)] if reviewed else []),
             a.figures.band_label or EMPTY, writer.share(a.figures.completeness), writer.share(a.figures.confidence)]
            for a in section.areas]
    widths = [None, 22 * mm, 26 * mm, 32 * mm, 24 * mm, 22 * mm] if reviewed else [None, 18 * mm, 38 * mm, 26 * mm, 23 * mm]
    return writer.table(header, rows, widths)


def well_developed(section: DomainSection, writer: Writer) -> list:
    heading = writer.subheading(labels.text(H, "well_developed"))
    if not section.well_developed:
        return [*heading, writer.para(labels.text(M, "no_well_developed"), "muted")]
    return [*heading, *writer.bullets([row.label for row in section.well_developed])]


def potential(section: DomainSection, writer: Writer) -> list:
    heading = writer.subheading(labels.text(H, "potential"))
    if not section.potential:
        return [*heading, writer.para(labels.text(M, "no_potential"), "muted")]
    header = [labels.text(F, k) for k in ("question", "area", "score", "gap")]
    rows = [[[writer.para(g.question_label, "cell"), writer.para(g.status_label, "cell_muted")]
             if g.status in ("unknown", "missing") else g.question_label,
             g.area_title, writer.score(g.score), writer.score(g.gap)] for g in section.potential]
    return [*heading, writer.table(header, rows, [None, 45 * mm, 16 * mm, 16 * mm])]


def recommendations(section: DomainSection, writer: Writer) -> list:
    heading = writer.subheading(labels.text(H, "recommendations"))
    if not section.recommendations:
        return [*heading, writer.para(labels.text(M, "no_recommendations"), "muted")]
    header = [labels.text(F, k) for k in ("priority", "recommendation", "question")]
    rows = [[writer.para(r.priority_label, "cell_bold"), r.text, writer.para(r.question_label, "cell_muted")]
            for r in section.recommendations]
    return [*heading, writer.table(header, rows, [18 * mm, None, 58 * mm])]


def questions(section: DomainSection, writer: Writer, reviewed: bool = False) -> list:
    keys = ("question", "answer", _score_key(reviewed), *(["self_score"] if reviewed else []), "status", "evidence")
    rows = [question_cells(row, writer, reviewed) for row in section.questions]
    widths = [42 * mm, 38 * mm, 20 * mm, 25 * mm, 19 * mm, None] if reviewed else \
        [52 * mm, 44 * mm, 15 * mm, 22 * mm, None]
    return [*writer.subheading(labels.text(H, "questions")),
            writer.table([labels.text(F, k) for k in keys], rows, widths)]


def question_cells(row: QuestionRow, writer: Writer, reviewed: bool = False) -> list:
    question = [writer.para(row.label, "cell"), writer.para(row.area_title, "cell_muted")]
    answer = [writer.para(row.answer_text, "cell")]
    if row.justification and row.status not in ("na",) and row.answer_text.find(row.justification) < 0:
        answer.append(writer.para(f"{labels.text(F, 'justification')}: {row.justification}", "cell_muted"))
    if row.override_justification is not None:
        answer.append(writer.para(labels.text(N, "override", score=writer.score(row.score),
                                              self_score=writer.score(row.self_score),
                                              why=row.override_justification), "cell_muted"))
    scores = [writer.score(row.score) if row.scored else EMPTY]
    if reviewed:
        scores.append(writer.score(row.self_score) if row.scored else EMPTY)
    evidence = [writer.para(f"{e.kind_label}: {e.citation}", "cell_muted") for e in row.evidence] or EMPTY
    return [question, answer, *scores, row.status_label, evidence]
