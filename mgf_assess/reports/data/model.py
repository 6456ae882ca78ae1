"""The frozen dataclasses of a gap report (overview: ``mgf_assess.reports.data.builder``).

Texts are already localized; numbers stay raw (``Decimal`` scores 0–100, ``Decimal`` shares
0–1, ``None`` when there is nothing to measure) and dates stay ``datetime`` (UTC), so each
renderer formats them its own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class Cover:
    """What the title page states, and the running header/footer of every page."""

    country_code: str
    country_name: str
    questionnaire_id: str
    questionnaire_title: str
    version: str
    cycle: int
    state: str
    state_label: str
    preliminary: bool
    generated_at: datetime
    as_of: datetime
    snapshot_id: int | None
    snapshot_kind: str | None
    source_text: str
    mark: str | None  # the not-yet-validated mark, worded for the state; None once validated


@dataclass(frozen=True)
class ScoreLine:
    """A node's validated and self-assessed score with their bands, completeness, confidence."""

    score: Decimal | None
    band: str | None
    band_label: str
    self_score: Decimal | None
    self_band: str | None
    self_band_label: str
    completeness: Decimal | None
    confidence: Decimal | None

    @property
    def overridden(self) -> bool:
        """True when an evaluator's scores changed this node's score."""
        return self.score != self.self_score


@dataclass(frozen=True)
class DomainSummary:
    """One domain in the executive summary."""

    id: str
    title: str
    figures: ScoreLine
    target_band: str
    target_label: str
    below_target: bool | None
    weight: Decimal
    method: str


@dataclass(frozen=True)
class AreaSummary:
    """One area of a domain section."""

    id: str
    title: str
    figures: ScoreLine
    method: str
    weight: Decimal


@dataclass(frozen=True)
class RadarSeries:
    """One polygon of the radar: a value (or None) per axis, in the order of ``Radar.axes``."""

    key: str  # self | validated | previous
    label: str
    values: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class Radar:
    """Axes (domain ids and localized titles) and the series drawn on them."""

    domain_ids: tuple[str, ...]
    axes: tuple[str, ...]
    series: tuple[RadarSeries, ...]


@dataclass(frozen=True)
class PreviousCycle:
    """The earlier assessment the ``previous`` radar series comes from.

    ``comparability`` maps each domain id of this report to ``direct``, ``indirect`` or
    ``none`` (no score shown for that domain).
    """

    assessment_id: int
    cycle: int
    version: str
    comparability: dict[str, str]


@dataclass(frozen=True)
class GapItem:
    """A question below 100, in gap order, with a plain-language sentence."""

    question_id: str
    question_label: str
    domain_id: str
    domain_title: str
    area_id: str
    area_title: str
    status: str
    status_label: str
    score: Decimal
    gap: Decimal
    priority_value: Decimal
    sentence: str


@dataclass(frozen=True)
class EvidenceItem:
    """One evidence citation of an answer."""

    kind: str
    kind_label: str
    citation: str


@dataclass(frozen=True)
class QuestionRow:
    """One row of a domain's question table."""

    id: str
    label: str
    area_id: str
    area_title: str
    type: str
    scored: bool
    status: str
    status_label: str
    answer_text: str
    justification: str | None
    score: Decimal | None
    self_score: Decimal | None
    band: str | None
    band_label: str
    weight: Decimal
    evidence: tuple[EvidenceItem, ...]
    override_justification: str | None
    flags: tuple[str, ...]
    self_band: str | None = None
    self_band_label: str = ""


@dataclass(frozen=True)
class OverrideItem:
    """An evaluator's score of one question, with the self-assessed one it replaces and why."""

    question_id: str
    question_label: str
    domain_id: str
    domain_title: str
    area_id: str
    area_title: str
    self_score: Decimal | None
    self_band_label: str
    score: Decimal | None
    band_label: str
    justification: str | None  # None in a public report: not published


@dataclass(frozen=True)
class RecommendationItem:
    """A recommendation that applies, with its question, domain, priority and GCM objectives."""

    id: str
    text: str
    priority: str
    priority_label: str
    question_id: str
    question_label: str
    domain_id: str
    domain_title: str
    area_id: str
    gap: Decimal
    gcm: tuple[int, ...]


@dataclass(frozen=True)
class DomainSection:
    """Everything the report says about one domain."""

    summary: DomainSummary
    help: str
    areas: tuple[AreaSummary, ...]
    well_developed: tuple[QuestionRow, ...]
    potential: tuple[GapItem, ...]
    questions: tuple[QuestionRow, ...]
    recommendations: tuple[RecommendationItem, ...]


@dataclass(frozen=True)
class DataGapItem:
    """A relevant question left unknown or unanswered."""

    question_id: str
    question_label: str
    area_title: str
    status: str
    status_label: str
    required: bool


@dataclass(frozen=True)
class DataGapGroup:
    """The data gaps of one domain."""

    domain_id: str
    domain_title: str
    items: tuple[DataGapItem, ...]


@dataclass(frozen=True)
class ExecutiveSummary:
    """Overall and domain figures, the radar, the most important gaps, band distribution."""

    overall: ScoreLine
    overall_method: str
    domains: tuple[DomainSummary, ...]
    radar: Radar
    key_gaps: tuple[GapItem, ...]
    previous: PreviousCycle | None
    band_counts: tuple[tuple[str, str, int], ...]  # (band code, label, scored questions)


@dataclass(frozen=True)
class BandInfo:
    code: str
    label: str
    min: Decimal


@dataclass(frozen=True)
class MethodRow:
    """How one node aggregates: level (overall/domain/area), id, localized title, method, weight."""

    level: str
    id: str
    title: str
    method: str
    method_label: str
    weight: Decimal


@dataclass(frozen=True)
class WeightRow:
    """A question whose weight is not 1."""

    question_id: str
    question_label: str
    weight: Decimal


@dataclass(frozen=True)
class StatusRule:
    status: str
    label: str
    rule: str


@dataclass(frozen=True)
class Methodology:
    """The scoring rules, generated from the definition the figures were computed with."""

    bands: tuple[BandInfo, ...]
    target_band: str
    target_label: str
    methods: tuple[MethodRow, ...]
    weights: tuple[WeightRow, ...]
    status_rules: tuple[StatusRule, ...]
    rules: tuple[str, ...]
    questionnaire_id: str
    version: str
    engine_version: str
    definition_hash: str


@dataclass(frozen=True)
class GapReport:
    """The whole gap report of one assessment in one language."""

    language: str
    direction: str  # ltr | rtl
    cover: Cover
    summary: ExecutiveSummary
    domains: tuple[DomainSection, ...]
    data_gaps: tuple[DataGapGroup, ...]
    recommendations: tuple[RecommendationItem, ...]
    methodology: Methodology
    # True when the figures come from a reviewed or validated snapshot: every score is then
    # shown as validated, with the self-assessed one beside it.
    reviewed: bool = False
    overrides: tuple[OverrideItem, ...] = ()  # the snapshot's overrides, in questionnaire order
