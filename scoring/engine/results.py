"""Result objects of ``score`` (``scoring.engine.score``): one tree holding both results.

Every node carries two figures: ``validated`` (evaluator overrides applied) and ``assessed``
(the government's self-assessment, overrides ignored). ``score``/``band`` read the validated
figure and ``self_score``/``self_band`` the self-assessed one, as in the JSON output.

Results are read-only by contract. Figures and tallies are named tuples (truly immutable,
and shared between results); the node classes are plain slotted dataclasses because frozen
dataclasses cost several times more to build, and scoring builds one per question.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from scoring.answers.model import Answer, Override
from scoring.definition.model import Definition, Recommendation
from scoring.engine.aggregate import band_for, ratio, report


class Figure(NamedTuple):
    """A score at full precision, as reported (half-up, 2 decimals), and its reported band."""

    exact: Fraction | None
    reported: Decimal | None
    band: str | None


NO_FIGURE = Figure(None, None, None)


def make_figure(bands: tuple[tuple[Decimal, str], ...], exact: Fraction | None) -> Figure:
    """The reported value and band of an exact score (``bands`` ordered by min descending)."""
    if exact is None:
        return NO_FIGURE
    reported = report(exact)
    return Figure(exact, reported, band_for(bands, reported))


class Tally(NamedTuple):
    """Counts behind completeness and confidence of a node."""

    relevant: int = 0
    complete: int = 0
    evidence_base: int = 0
    evidenced: int = 0

    @property
    def completeness(self) -> Fraction | None:
        """(answered + justified na + overridden) / relevant questions; None without any."""
        return ratio(self.complete, self.relevant)

    @property
    def confidence(self) -> Fraction | None:
        """Share of included answered/overridden scored questions with accepted evidence."""
        return ratio(self.evidenced, self.evidence_base)


EMPTY_TALLY = Tally()


def total(tallies: Iterable[Tally]) -> Tally:
    """The sum of several tallies."""
    columns = tuple(zip(*tallies, strict=True))
    return Tally(*map(sum, columns)) if columns else EMPTY_TALLY


class _Scored:
    __slots__ = ()

    @property
    def score(self) -> Decimal | None:
        """Validated score as reported."""
        return self.validated.reported

    @property
    def band(self) -> str | None:
        """Band of the validated score."""
        return self.validated.band

    @property
    def self_score(self) -> Decimal | None:
        """Self-assessed score as reported."""
        return self.assessed.reported

    @property
    def self_band(self) -> str | None:
        """Band of the self-assessed score."""
        return self.assessed.band


@dataclass(slots=True)
class QuestionResult(_Scored):
    """How one question counts: statuses, both figures, flags, and the answer and override."""

    id: str
    domain: str
    area: str
    weight: Decimal
    scored: bool
    status: str
    self_status: str
    validated: Figure
    assessed: Figure
    flags: tuple[str, ...]
    answer: Answer | None = None
    override: Override | None = None

    @property
    def included(self) -> bool:
        """True when the validated score enters its area's aggregation."""
        return self.validated.exact is not None


@dataclass(slots=True)
class AreaResult(_Scored):
    """An area: both figures from its questions, and its tally."""

    id: str
    domain: str
    weight: Decimal
    method: str
    validated: Figure
    assessed: Figure
    tally: Tally
    questions: tuple[QuestionResult, ...]


@dataclass(slots=True)
class DomainResult(_Scored):
    """A domain: both figures from its areas, its tally and how it stands to its target."""

    id: str
    weight: Decimal
    method: str
    target_band: str
    below_target: bool | None
    validated: Figure
    assessed: Figure
    tally: Tally
    areas: tuple[AreaResult, ...]


@dataclass(slots=True)
class OverallResult(_Scored):
    """The overall node: both figures from the domains (None with method none)."""

    method: str
    validated: Figure
    assessed: Figure
    tally: Tally


@dataclass(slots=True)
class Gap:
    """A scored question below 100; ordered by ``priority_value`` (descending), then id."""

    question: str
    domain: str
    area: str
    status: str
    score: Decimal
    gap: Decimal
    priority_value: Decimal


@dataclass(slots=True)
class RecommendationHit:
    """A recommendation that fires because its question scores below ``below``."""

    id: str
    question: str
    domain: str
    area: str
    priority: str
    gap: Decimal
    recommendation: Recommendation = field(repr=False, compare=False)


@dataclass(frozen=True)
class ScoreSet:
    """Both results of one assessment, its gaps and recommendations."""

    questionnaire: str
    version: str
    overall: OverallResult
    domains: tuple[DomainResult, ...]
    gaps: tuple[Gap, ...]
    recommendations: tuple[RecommendationHit, ...]
    definition: Definition = field(repr=False, compare=False)

    def areas(self) -> Iterator[AreaResult]:
        """Every area result, in definition order."""
        for domain in self.domains:
            yield from domain.areas

    def questions(self) -> Iterator[QuestionResult]:
        """Every question result, in definition order."""
        for area in self.areas():
            yield from area.questions

    def node(
        self, node_id: str
    ) -> OverallResult | DomainResult | AreaResult | QuestionResult | None:
        """The result node with this id (``overall`` for the overall node), or None."""
        if node_id == "overall":
            return self.overall
        return self.nodes().get(node_id)

    def nodes(self) -> dict[str, DomainResult | AreaResult | QuestionResult]:
        """Every domain, area and question result by id."""
        found: dict = {domain.id: domain for domain in self.domains}
        found.update((area.id, area) for area in self.areas())
        found.update((question.id, question) for question in self.questions())
        return found
