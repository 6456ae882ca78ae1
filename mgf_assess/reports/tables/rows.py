"""A gap report flattened into tidy rows: the one source of the XLSX sheets and the CSV file.

Each table is a list of dicts with stable, language-independent keys (the CSV header) and
raw values (``Decimal`` numbers, localized texts). ``HEADERS`` gives each key its heading in
the report's language for the spreadsheet.
"""

from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l

from mgf_assess.reports.data import labels
from mgf_assess.reports.data.model import DomainSection, GapReport, QuestionRow, ScoreLine

F = labels.FIELDS
HEADERS = {
    "domain_id": _l("Domain id"), "domain": F["domain"], "area_id": _l("Area id"), "area": F["area"],
    "question_id": _l("Question id"), "question": F["question"], "type": _l("Question type"),
    "status": _l("Status code"), "status_label": F["status"], "answer": F["answer"],
    "justification": F["justification"], "score": F["score"], "self_score": F["self_score"],
    "band": _l("Band code"), "band_label": F["band"], "weight": F["weight"],
    "evidence_count": _l("Evidence items"), "flags": _l("Flags"), "override_justification": F["override"],
    "recommendation_id": _l("Recommendation id"), "priority": _l("Priority code"),
    "priority_label": F["priority"], "recommendation": F["recommendation"], "gap": F["gap"],
    "gcm": F["gcm"], "kind": _l("Kind code"), "kind_label": _l("Kind"), "citation": _l("Citation"),
    "required": _l("Required"), "level": F["level"], "target": F["target"],
    "below_target": _l("Below target"), "completeness": F["completeness"], "confidence": F["confidence"],
    "name": _l("Item"), "value": _l("Value"), "self_band": _l("Self-assessed band code"),
    "self_band_label": F["self_band"], "validation": _l("Validation"),
}
# A reviewed report's scores are the validated ones: their columns say so in the workbook.
REVIEWED_HEADERS = {"score": F["validated_score"], "band_label": F["validated_band"]}
NUMBER_KEYS = ("score", "self_score", "weight", "gap")
SHARE_KEYS = ("completeness", "confidence")


def question_row(domain: DomainSection, row: QuestionRow) -> dict:
    """One question: where it sits, the answer, its scores and how much evidence backs it."""
    return {
        "domain_id": domain.summary.id, "domain": domain.summary.title, "area_id": row.area_id,
        "area": row.area_title, "question_id": row.id, "question": row.label, "type": row.type,
        "status": row.status, "status_label": row.status_label, "answer": row.answer_text,
        "justification": row.justification or "", "score": row.score, "self_score": row.self_score,
        "band": row.band or "", "band_label": row.band_label, "weight": row.weight,
        "evidence_count": len(row.evidence), "flags": " ".join(row.flags),
        "override_justification": row.override_justification or "",
        "self_band": row.self_band or "", "self_band_label": row.self_band_label,
    }


def question_rows(report: GapReport) -> list[dict]:
    return [question_row(domain, row) for domain in report.domains for row in domain.questions]


def override_rows(report: GapReport) -> list[dict]:
    """The evaluator's score overrides, with the self-assessed scores they replace and why."""
    return [{"domain_id": item.domain_id, "domain": item.domain_title, "area_id": item.area_id,
             "area": item.area_title, "question_id": item.question_id, "question": item.question_label,
             "self_score": item.self_score, "self_band_label": item.self_band_label, "score": item.score,
             "band_label": item.band_label, "override_justification": item.justification or ""}
            for item in report.overrides]


def validation_text(report: GapReport) -> str:
    """Where the report stands: its not-yet-validated mark, or the state (validated)."""
    return report.cover.mark or report.cover.state_label


def recommendation_rows(report: GapReport) -> list[dict]:
    """Every recommendation, in the engine's order (domain, priority, gap order)."""
    return [{"domain_id": item.domain_id, "domain": item.domain_title, "area_id": item.area_id,
             "question_id": item.question_id, "question": item.question_label,
             "recommendation_id": item.id, "priority": item.priority, "priority_label": item.priority_label,
             "recommendation": item.text, "gap": item.gap, "gcm": ", ".join(str(n) for n in item.gcm)}
            for item in report.recommendations]


def evidence_rows(report: GapReport) -> list[dict]:
    """One row per evidence citation, beside the question it backs."""
    return [{"domain_id": domain.summary.id, "domain": domain.summary.title, "question_id": row.id,
             "question": row.label, "kind": item.kind, "kind_label": item.kind_label,
             "citation": item.citation}
            for domain in report.domains for row in domain.questions for item in row.evidence]


def data_gap_rows(report: GapReport) -> list[dict]:
    """Relevant questions without information (unknown or no answer)."""
    return [{"domain_id": group.domain_id, "domain": group.domain_title, "area": item.area_title,
             "question_id": item.question_id, "question": item.question_label, "status": item.status,
             "status_label": item.status_label, "required": _yes_no(item.required)}
            for group in report.data_gaps for item in group.items]


def score_rows(report: GapReport) -> list[dict]:
    """The overall line, then one line per domain: scores, bands, target, completeness."""
    summary = report.summary
    rows = [_score_row("overall", labels.text(labels.HEADINGS, "overall"), summary.overall, "", None)]
    rows.extend(_score_row(d.id, d.title, d.figures, d.target_label, d.below_target) for d in summary.domains)
    return rows


def _score_row(node_id: str, title: str, figures: ScoreLine, target: str, below: bool | None) -> dict:
    return {"level": node_id, "domain": title, "score": figures.score, "band_label": figures.band_label,
            "self_score": figures.self_score, "self_band_label": figures.self_band_label, "target": target,
            "below_target": "" if below is None else _yes_no(below),
            "completeness": figures.completeness, "confidence": figures.confidence}


def fact_rows(report: GapReport) -> list[dict]:
    """The cover facts as name/value pairs (numbers and dates as the spreadsheet shows them)."""
    cover = report.cover
    facts = [("country", f"{cover.country_name} ({cover.country_code})"),
             ("questionnaire", cover.questionnaire_title), ("version", cover.version),
             ("cycle", cover.cycle), ("state", cover.state_label),
             ("date", cover.as_of.date().isoformat()), ("snapshot", cover.source_text)]
    rows = [{"name": str(F[key]), "value": value} for key, value in facts]
    if cover.mark:
        rows.insert(0, {"name": cover.mark, "value": ""})
    return rows


def _yes_no(flag: bool) -> str:
    return str(_l("Yes") if flag else _l("No"))


def as_number(value):
    """A report number for a spreadsheet cell: Decimal → float, others unchanged."""
    return float(value) if isinstance(value, Decimal) else value
