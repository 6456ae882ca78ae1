"""The closing parts of the PDF: data gaps, the recommendations annex and the methodology,
the last one generated from the definition the scores were computed with."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Table

from mgf_assess.reports.data import labels
from mgf_assess.reports.data.model import GapReport
from mgf_assess.reports.pdf.styles import key_value_style
from mgf_assess.reports.pdf.text import Writer, fill_widths

H, F, M, N = labels.HEADINGS, labels.FIELDS, labels.MARKS, labels.NOTES
EMPTY = "—"


def annex_story(report: GapReport, writer: Writer) -> list:
    return [*data_gaps(report, writer), PageBreak(), *overrides_annex(report, writer),
            *recommendations_annex(report, writer), PageBreak(), *methodology(report, writer)]


def has_overrides_annex(report: GapReport) -> bool:
    return report.reviewed or bool(report.overrides)


def overrides_annex(report: GapReport, writer: Writer) -> list:
    """The evaluator's score overrides with their justifications (once reviewed), on their own pages."""
    if not has_overrides_annex(report):
        return []
    flowables = [writer.heading(labels.text(H, "overrides_annex"), "h1", 0, "overrides")]
    if not report.overrides:
        return flowables + [writer.para(labels.text(M, "no_overrides")), PageBreak()]
    header = [labels.text(F, k) for k in ("question", "self_score", "validated_score", "justification")]
    rows = [[[writer.para(o.question_label, "cell"), writer.para(f"{o.domain_title} · {o.area_title}", "cell_muted")],
             [writer.para(writer.score(o.self_score), "cell"), writer.para(o.self_band_label, "cell_muted")],
             [writer.para(writer.score(o.score), "cell_bold"), writer.para(o.band_label, "cell_muted")],
             o.justification if o.justification is not None else
             writer.para(labels.text(M, "justification_withheld"), "cell_muted")] for o in report.overrides]
    return flowables + [writer.table(header, rows, [58 * mm, 26 * mm, 26 * mm, None]), PageBreak()]


def data_gaps(report: GapReport, writer: Writer) -> list:
    flowables = [writer.heading(labels.text(H, "data_gaps"), "h1", 0, "data-gaps")]
    if not report.data_gaps:
        return flowables + [writer.para(labels.text(M, "no_data_gaps"))]
    header = [labels.text(F, k) for k in ("question", "area", "status")]
    for group in report.data_gaps:
        rows = [[item.question_label, item.area_title,
                 f"{item.status_label} ({labels.text(N, 'required' if item.required else 'optional')})"]
                for item in group.items]
        flowables += [*writer.subheading(group.domain_title), writer.table(header, rows, [None, 50 * mm, 38 * mm])]
    return flowables


def recommendations_annex(report: GapReport, writer: Writer) -> list:
    flowables = [writer.heading(labels.text(H, "recommendations_annex"), "h1", 0, "recommendations")]
    if not report.recommendations:
        return flowables + [writer.para(labels.text(M, "no_recommendations"))]
    header = [labels.text(F, k) for k in ("priority", "recommendation", "question", "gcm")]
    rows = [[writer.para(r.priority_label, "cell_bold"), r.text,
             [writer.para(r.domain_title, "cell_bold"), writer.para(r.question_label, "cell_muted")],
             ", ".join(writer.number(n) for n in r.gcm) or EMPTY] for r in report.recommendations]
    return flowables + [writer.table(header, rows, [17 * mm, None, 60 * mm, 24 * mm])]


def methodology(report: GapReport, writer: Writer) -> list:
    method = report.methodology
    flowables = [writer.heading(labels.text(H, "methodology"), "h1", 0, "methodology"),
                 *writer.subheading(labels.text(H, "bands")),
                 writer.table([labels.text(F, k) for k in ("code", "label", "minimum")],
                              [[b.code, b.label, writer.score(b.min)] for b in method.bands],
                              [50 * mm, None, 25 * mm]),
                 writer.para(f"{labels.text(F, 'target')}: {method.target_label}", "muted")]
    flowables += aggregation(report, writer) + statuses(report, writer) + versions(report, writer)
    return flowables


def aggregation(report: GapReport, writer: Writer) -> list:
    method = report.methodology
    rows = [[writer.para(m.title, "cell_bold" if m.level != "area" else "cell"), m.method_label, writer.number(m.weight)]
            for m in method.methods]
    flowables = [*writer.subheading(labels.text(H, "aggregation")),
                 writer.table([labels.text(F, k) for k in ("level", "method", "weight")], rows, [None, 58 * mm, 16 * mm]),
                 *writer.subheading(labels.text(H, "weights"))]
    if method.weights:
        flowables.append(writer.table([labels.text(F, k) for k in ("question", "weight")],
                                      [[w.question_label, writer.number(w.weight)] for w in method.weights],
                                      [None, 16 * mm]))
    return flowables + [writer.para(method.rules[-1], "muted")]


def statuses(report: GapReport, writer: Writer) -> list:
    method = report.methodology
    rows = [[writer.para(s.label, "cell_bold"), s.rule] for s in method.status_rules]
    return [*writer.subheading(labels.text(H, "answer_statuses")),
            writer.table([labels.text(F, k) for k in ("status", "method")], rows, [40 * mm, None]),
            *[writer.para(rule, "body") for rule in method.rules[:-1]]]


def versions(report: GapReport, writer: Writer) -> list:
    method, cover = report.methodology, report.cover
    rows = [[labels.text(F, "questionnaire"), f"{method.questionnaire_id} — {cover.questionnaire_title}"],
            [labels.text(F, "version"), method.version],
            [labels.text(F, "engine_version"), method.engine_version],
            [labels.text(F, "definition_hash"), method.definition_hash],
            [labels.text(F, "snapshot"), cover.source_text]]
    table = Table([writer.row([writer.para(label, "muted"), writer.para(value, "body")]) for label, value in rows],
                  colWidths=writer.row(fill_widths([62 * mm, None])), style=key_value_style(writer.rtl))
    return [*writer.subheading(labels.text(H, "versions")), table]
