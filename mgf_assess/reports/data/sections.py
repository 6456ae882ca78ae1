"""Building the parts of a gap report from a ScoreSet: figures, question rows, gaps,
recommendations and data gaps. Every function runs inside ``force_locale(language)``."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import format_decimal

from mgf_assess.assessments.display import value_text
from mgf_assess.assessments.labels import EVIDENCE_KIND_LABELS
from mgf_assess.i18n import localized
from mgf_assess.reports.data import labels
from mgf_assess.reports.data.model import (
    AreaSummary,
    DataGapGroup,
    DataGapItem,
    DomainSummary,
    EvidenceItem,
    GapItem,
    QuestionRow,
    RecommendationItem,
    ScoreLine,
)
from scoring.api import (
    Definition,
    DomainResult,
    Gap,
    QuestionResult,
    RecommendationHit,
    ScoreSet,
    report,
)

HUNDRED = Decimal(100)
NO_DATA_STATUSES = ("unknown", "missing")


class Texts:
    """Localized titles and labels of one definition in one language, looked up by id."""

    def __init__(self, definition: Definition, language: str) -> None:
        self.language = language
        self.bands = {band.code: localized(band.label, language) for band in definition.bands}
        self.domains = {d.id: localized(d.title, language) for d in definition.domains}
        self.areas = {a.id: localized(a.title, language) for d in definition.domains for a in d.areas}
        self.questions = definition.question_map

    def band(self, code: str | None) -> str:
        return self.bands.get(code, "") if code else ""

    def label(self, qid: str) -> str:
        return localized(self.questions[qid].label, self.language)


def score_line(node, texts: Texts, tally=None) -> ScoreLine:
    """The figures of any result node (questions have no tally: no completeness/confidence)."""
    completeness = report(tally.completeness, 4) if tally is not None else None
    confidence = report(tally.confidence, 4) if tally is not None else None
    return ScoreLine(node.score, node.band, texts.band(node.band), node.self_score, node.self_band,
                     texts.band(node.self_band), completeness, confidence)


def domain_summary(domain: DomainResult, texts: Texts) -> DomainSummary:
    return DomainSummary(domain.id, texts.domains[domain.id], score_line(domain, texts, domain.tally),
                         domain.target_band, texts.band(domain.target_band), domain.below_target,
                         domain.weight, domain.method)


def area_summaries(domain: DomainResult, texts: Texts) -> tuple[AreaSummary, ...]:
    return tuple(AreaSummary(a.id, texts.areas[a.id], score_line(a, texts, a.tally), a.method, a.weight)
                 for a in domain.areas)


def status_label(status: str) -> str:
    return labels.text(labels.STATUS_LABELS, status)


def answer_text(result: QuestionResult, texts: Texts) -> str:
    """The self-assessed answer in words: option labels, yes/no, number with unit, N/A …

    Values go through the web pages' formatter, so page and report always agree.
    """
    answer, status = result.answer, result.self_status
    if status == "answered":
        return value_text(texts.questions[result.id], answer.value)
    if status == "na":
        return str(labels.NA_TEXT % {"why": answer.justification or ""})
    if status == "unknown":
        return str(labels.UNKNOWN_TEXT)
    if status == "missing":
        return str(labels.NO_ANSWER_TEXT)
    return status_label(status)


def evidence_items(result: QuestionResult) -> tuple[EvidenceItem, ...]:
    """The evidence citations of an answer (text items are citations of kind ``other``)."""
    if result.answer is None:
        return ()
    items = []
    for item in result.answer.evidence:
        kind, citation = (item.get("kind") or "other", item.get("citation") or "") \
            if isinstance(item, dict) else ("other", str(item))
        items.append(EvidenceItem(kind, str(EVIDENCE_KIND_LABELS.get(kind, kind)), citation))
    return tuple(items)


def question_row(result: QuestionResult, texts: Texts) -> QuestionRow:
    question = texts.questions[result.id]
    justification = result.answer.justification if result.answer is not None else None
    override = result.override.justification if result.override is not None else None
    return QuestionRow(
        result.id, texts.label(result.id), result.area, texts.areas[result.area], question.type,
        result.scored, result.status, status_label(result.status), answer_text(result, texts), justification,
        result.score, result.self_score, result.band, texts.band(result.band), result.weight,
        evidence_items(result), override, result.flags, result.self_band, texts.band(result.self_band))


def gap_item(gap: Gap, texts: Texts) -> GapItem:
    label = texts.label(gap.question)
    return GapItem(gap.question, label, gap.domain, texts.domains[gap.domain], gap.area,
                   texts.areas[gap.area], gap.status, status_label(gap.status), gap.score, gap.gap,
                   gap.priority_value, gap_sentence(label, gap))


def gap_sentence(label: str, gap: Gap) -> str:
    """A plain-language sentence for a gap, e.g. "<question>: 35 points short of full marks"."""
    if gap.status in NO_DATA_STATUSES:
        return labels.text(labels.SENTENCES, "gap_no_data", question=_strip(label),
                           status=status_label(gap.status))
    return labels.text(labels.SENTENCES, "gap", question=_strip(label),
                       gap=format_decimal(gap.gap, "#,##0.##"), score=format_decimal(gap.score, "#,##0.##"))


def _strip(label: str) -> str:
    # A question label ends with "?" or "." — the sentence supplies its own punctuation.
    return label.rstrip(" ?.؟。")


def recommendation_item(hit: RecommendationHit, texts: Texts) -> RecommendationItem:
    question = texts.questions[hit.question]
    return RecommendationItem(
        hit.id, localized(hit.recommendation.text, texts.language), hit.priority,
        labels.text(labels.PRIORITY_LABELS, hit.priority), hit.question, texts.label(hit.question),
        hit.domain, texts.domains[hit.domain], hit.area, hit.gap, tuple(question.tags.gcm))


def well_developed(rows: tuple[QuestionRow, ...]) -> tuple[QuestionRow, ...]:
    """Scored questions at full marks (100), in questionnaire order."""
    return tuple(row for row in rows if row.scored and row.score is not None and row.score >= HUNDRED)


def data_gap_groups(scoreset: ScoreSet, texts: Texts) -> tuple[DataGapGroup, ...]:
    """Relevant questions left unknown or unanswered, per domain (domains without any omitted).

    Scored questions always count; an unscored (text or date) question only when required,
    since leaving an optional free-text question empty is no gap in the data.
    """
    groups = []
    for domain in scoreset.domains:
        items = tuple(_data_gap(q, texts) for area in domain.areas for q in area.questions
                      if _is_data_gap(q, texts))
        if items:
            groups.append(DataGapGroup(domain.id, texts.domains[domain.id], items))
    return tuple(groups)


def _is_data_gap(result: QuestionResult, texts: Texts) -> bool:
    if result.self_status not in NO_DATA_STATUSES:
        return False
    return result.scored or texts.questions[result.id].required


def _data_gap(result: QuestionResult, texts: Texts) -> DataGapItem:
    return DataGapItem(result.id, texts.label(result.id), texts.areas[result.area], result.self_status,
                       status_label(result.self_status), texts.questions[result.id].required)
