"""Gaps and recommendations (DESIGN §4, "Gaps", "Recommendations").

Decisions where §4 is silent:

* only scored questions with a validated score are considered (na and not relevant ones are
  not gaps, not even where ``na: zero`` counts na as 0; unknown and missing ones score 0, so
  they are);
* "below 100" and "below ``below``" compare the *reported* score, like bands do, so a
  question displayed as 100.00 never shows a gap; the gap is ``100 - reported score``, so
  score and gap always add up to 100 on the page;
* the ordering value is ``gap × question weight × domain weight`` computed exactly;
* recommendations: domains in definition order; inside a domain by priority (high, medium,
  low), then the gap order, then the order the recommendations are declared in.
"""

from __future__ import annotations

from decimal import Decimal
from operator import itemgetter

from scoring.definition.model import PRIORITY_ORDER, Recommendation
from scoring.engine.plan import EXACT, Plan
from scoring.engine.results import DomainResult, Gap, QuestionResult, RecommendationHit

HUNDRED = Decimal(100)


def find_gaps(plan: Plan, domains: tuple[DomainResult, ...]) -> tuple[Gap, ...]:
    """Every scored question whose reported validated score is below 100, in gap order."""
    found = []
    for domain in domains:
        for area in domain.areas:
            found.extend(
                _gap(question, plan.questions[question.id].gap_weight)
                for question in area.questions
                if _is_gap(question)
            )
    return tuple(sorted(found, key=lambda gap: (-gap.priority_value, gap.question)))


def pick_recommendations(plan: Plan, gaps: tuple[Gap, ...]) -> tuple[RecommendationHit, ...]:
    """Recommendations that fire, grouped by domain, then by priority and gap order.

    Only gaps are visited: ``below`` is at most 100, so a question that fires one always
    scores below 100.
    """
    keyed = []
    for rank, gap in enumerate(gaps):
        question = plan.questions[gap.question].question
        for index, rec in enumerate(question.recommendations):
            if gap.score < rec.below:
                key = (plan.domain_index[gap.domain], PRIORITY_ORDER[rec.priority], rank, index)
                keyed.append((key, _hit(gap, rec)))
    keyed.sort(key=itemgetter(0))
    return tuple(hit for _, hit in keyed)


def _is_gap(question: QuestionResult) -> bool:
    return (
        question.scored
        and question.status != "na"
        and question.score is not None
        and question.score < HUNDRED
    )


def _gap(question: QuestionResult, weight: Decimal) -> Gap:
    size = HUNDRED - question.score
    return Gap(
        question.id,
        question.domain,
        question.area,
        question.status,
        question.score,
        size,
        EXACT.multiply(size, weight),
    )


def _hit(gap: Gap, rec: Recommendation) -> RecommendationHit:
    return RecommendationHit(rec.id, gap.question, gap.domain, gap.area, rec.priority, gap.gap, rec)
