"""The gap report's data: ``build_gap_report(assessment, language) -> GapReport``.

Every renderer (PDF, web page, XLSX, CSV, JSON) starts from the same ``GapReport``, so they
can never disagree. It is a tree of frozen dataclasses (``mgf_assess.reports.data.model``):
texts are already localized in ``language``; numbers are raw ``Decimal`` (scores 0–100 with
two decimals, shares 0–1 with four decimals, ``None`` = nothing to measure, shown as "—");
dates are timezone-aware UTC ``datetime``. Codes (band, status, priority, method) sit beside
their labels so renderers may style by code.

GapReport
  language, direction ("ltr" | "rtl")
  cover: Cover
      country_code, country_name, questionnaire_id, questionnaire_title, version, cycle,
      state, state_label, preliminary (True unless the assessment is validated), mark (the
      text every page then carries, worded for the state: "PRELIMINARY — not validated" for a
      draft, "Submitted — not yet validated", "In review — …", "Returned to the country for
      changes — …", "Reviewed — awaiting the government's validation"; None once validated),
      generated_at (the ``now`` passed in),
      as_of (the snapshot's date, else generated_at), snapshot_id / snapshot_kind (None:
      built from the current answers), source_text (a sentence saying which of the two)
  summary: ExecutiveSummary
      overall: ScoreLine, overall_method
      domains: (DomainSummary ...)  id, title, figures: ScoreLine, target_band, target_label,
               below_target, weight, method
      radar: Radar  domain_ids, axes (localized titles), series: (RadarSeries key, label,
             values aligned with the axes, None = no value) — keys "self" (always),
             "validated" (once a reviewed/validated snapshot exists), "previous" (see below)
      key_gaps: up to 5 GapItem, each with a plain-language ``sentence``
      previous: PreviousCycle | None  (assessment_id, cycle, version, comparability per domain)
      band_counts: ((band code, label, number of scored questions in that band) ...)
  domains: (DomainSection ...) in questionnaire order
      summary: DomainSummary, help, areas: (AreaSummary id, title, figures, method, weight)
      well_developed: QuestionRow of every scored question at 100
      potential: GapItem of the domain, largest gap first (DESIGN §4 gap order)
      questions: QuestionRow of every question: label, area, type, status(+label),
                 answer_text (option labels, Yes/No, number with unit, "Not applicable — why",
                 "Don't know", "No answer"), justification, score, self_score, band(+label),
                 weight, evidence (EvidenceItem kind, kind_label, citation),
                 override_justification, flags
      recommendations: RecommendationItem ordered by priority, then gap order
  data_gaps: (DataGapGroup domain_id, domain_title, items: DataGapItem ...) — relevant
      questions left "unknown" or "missing" (unscored ones only when required)
  recommendations: every RecommendationItem (id, text, priority(+label), question, domain,
      area, gap, gcm objectives) in the engine's order: domain, priority, gap order
  methodology: Methodology — bands (code, label, min), target band, aggregation rows per level
      (MethodRow level, id, title, method, method_label, weight), question weights other than 1,
      status_rules (how answered / na / not_relevant / unknown / missing / overridden count),
      rules (rounding, completeness and confidence, gap order), questionnaire id and version,
      engine version, definition hash.
  reviewed: True when the figures come from a reviewed or validated snapshot: renderers then
      show every score (overall, domain, area, question) as validated with the self-assessed
      score and band beside it (``ScoreLine.self_score``, ``QuestionRow.self_score``)
  overrides: (OverrideItem question, domain, area, self_score(+band), score(+band),
      justification ...) from the snapshot's answers document, in questionnaire order

Where the figures come from: the latest score snapshot of the assessment (its answers and
overrides scored again with the same definition), or the current answers when there is no
snapshot yet — ``cover.snapshot_id`` is then None and ``cover.source_text`` says so.

Previous cycle: the country's latest earlier assessment of the same questionnaire family.
Its domain scores (latest snapshot, else current answers) are drawn only for domains that are
comparable: same version → every domain ``direct``; different versions → the version mapping
file decides per question, and a domain is ``direct`` (all its questions direct), ``indirect``
(comparable with caution) or ``none`` (no comparable question, or new domain: no value). With
no mapping file, or no comparable domain, there is no previous series.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import force_locale, format_date

from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.assessments.workflow import STATE_LABELS
from mgf_assess.config import RTL_LANGUAGES
from mgf_assess.database import utcnow
from mgf_assess.i18n import localized
from mgf_assess.reports.data import labels
from mgf_assess.reports.data.method import methodology
from mgf_assess.reports.data.model import (
    Cover,
    DomainSection,
    ExecutiveSummary,
    GapReport,
    PreviousCycle,
    Radar,
    RadarSeries,
)
from mgf_assess.reports.data.review import is_reviewed, override_items
from mgf_assess.reports.data.sections import (
    Texts,
    area_summaries,
    data_gap_groups,
    domain_summary,
    gap_item,
    question_row,
    recommendation_item,
    score_line,
    well_developed,
)
from mgf_assess.reports.data.sources import (
    Source,
    domain_comparability,
    load_source,
    result_domain_scores,
)
from mgf_assess.results.queries import previous_result

__all__ = ["GapReport", "build_gap_report"]
KEY_GAPS = 5


def build_gap_report(assessment: Assessment, language: str, now: datetime | None = None) -> GapReport:
    """Everything a renderer needs to show ``assessment``'s gap report in ``language``.

    Needs an application context (it reads the database). ``now`` is the generation time
    (UTC; default: the current time).
    """
    with force_locale(language):
        source = load_source(assessment)
        texts = Texts(source.definition, language)
        return GapReport(
            language, "rtl" if language in RTL_LANGUAGES else "ltr",
            cover(assessment, source, language, now or utcnow()),
            summary(assessment, source, texts),
            tuple(domain_section(source, texts, index) for index in range(len(source.scoreset.domains))),
            data_gap_groups(source.scoreset, texts),
            tuple(recommendation_item(hit, texts) for hit in source.scoreset.recommendations),
            methodology(source.definition, language, source.definition_hash),
            is_reviewed(source), override_items(source, texts))


def cover(assessment: Assessment, source: Source, language: str, now: datetime) -> Cover:
    snapshot = source.snapshot
    as_of = snapshot.created_at if snapshot is not None else now
    return Cover(
        assessment.country_code, assessment.country.name(language), source.definition.id,
        localized(source.definition.title, language), source.definition.version, assessment.cycle,
        assessment.state, labels.text(STATE_LABELS, assessment.state), assessment.state != "validated",
        now, as_of, snapshot.id if snapshot else None, snapshot.kind if snapshot else None,
        source_text(source), labels.state_mark(assessment.state))


def source_text(source: Source) -> str:
    """Which figures the report shows: a snapshot (id, kind, date) or the current answers."""
    snapshot = source.snapshot
    if snapshot is None:
        return labels.text(labels.MARKS, "live_answers")
    return labels.text(labels.MARKS, "snapshot", id=snapshot.id, kind=labels.text(STATE_LABELS, snapshot.kind),
                       date=format_date(snapshot.created_at, "long"))


def summary(assessment: Assessment, source: Source, texts: Texts) -> ExecutiveSummary:
    scoreset = source.scoreset
    domains = tuple(domain_summary(domain, texts) for domain in scoreset.domains)
    previous = previous_cycle(assessment, source.definition)
    return ExecutiveSummary(
        score_line(scoreset.overall, texts, scoreset.overall.tally), scoreset.overall.method, domains,
        radar(source, domains, previous), tuple(gap_item(g, texts) for g in scoreset.gaps[:KEY_GAPS]),
        previous[0] if previous else None, band_counts(source, texts))


def band_counts(source: Source, texts: Texts) -> tuple[tuple[str, str, int], ...]:
    """How many scored questions (with a score) fall in each band, lowest band first."""
    bands = [q.band for q in source.scoreset.questions() if q.scored and q.band is not None]
    return tuple((b.code, texts.band(b.code), bands.count(b.code)) for b in source.definition.bands)


def radar(source: Source, domains, previous) -> Radar:
    ids = tuple(d.id for d in domains)
    series = [RadarSeries("self", labels.text(labels.SERIES, "self"),
                          tuple(d.figures.self_score for d in domains))]
    if source.reviewed is not None:
        scores = result_domain_scores(source.reviewed.result)
        series.append(RadarSeries("validated", labels.text(labels.SERIES, "validated"),
                                  tuple(scores.get(i) for i in ids)))
    if previous is not None:
        info, scores = previous
        values = tuple(scores.get(i) if info.comparability.get(i, "none") != "none" else None for i in ids)
        series.append(RadarSeries("previous", labels.text(labels.SERIES, "previous", cycle=info.cycle), values))
    return Radar(ids, tuple(d.title for d in domains), tuple(series))


def previous_cycle(assessment: Assessment, definition) -> tuple[PreviousCycle, dict] | None:
    """The previous cycle and its domain scores, when at least one domain is comparable."""
    found = previous_result(assessment)
    if found is None:
        return None
    previous, result = found
    old_definition = definition_for(previous)
    comparability = domain_comparability(old_definition, definition)
    if comparability is None or set(comparability.values()) == {"none"}:
        return None
    info = PreviousCycle(previous.id, previous.cycle, old_definition.version, comparability)
    return info, result_domain_scores(result)


def domain_section(source: Source, texts: Texts, index: int) -> DomainSection:
    result = source.scoreset.domains[index]
    rows = tuple(question_row(q, texts) for area in result.areas for q in area.questions)
    potential = tuple(gap_item(g, texts) for g in source.scoreset.gaps if g.domain == result.id)
    recommendations = tuple(recommendation_item(hit, texts) for hit in source.scoreset.recommendations
                            if hit.domain == result.id)
    return DomainSection(
        domain_summary(result, texts), localized(source.definition.domains[index].help, texts.language),
        area_summaries(result, texts), well_developed(rows), potential, rows, recommendations)
