"""Gaps and recommendations (DESIGN §4, "Gaps", "Recommendations").

Decisions where §4 is silent:

* only scored questions with a validated score are considered (na and not relevant ones are
  not gaps; unknown and missing ones score 0, so they are);
* "below 100" and "below ``below``" compare the *reported* score, like bands do, so a
  question displayed as 100.00 never shows a gap; the gap is ``100 - reported score``, so
  score and gap always add up to 100 on the page;
* the ordering value is ``gap × question weight × domain weight`` computed exactly;
* recommendations: domains in definition order; inside a domain by priority (high, medium,
  low), then the gap order, then the order the recommendations are declared in.
"""

from __future__ import annotations

from decimal import Decimal

from scoring.model import PRIORITY_ORDER
from scoring.plan import EXACT, Plan
from scoring.results import DomainResult, Gap, QuestionResult, RecommendationHit

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


def pick_recommendations(
    plan: Plan, domains: tuple[DomainResult, ...], gaps: tuple[Gap, ...]
) -> tuple[RecommendationHit, ...]:
    """Recommendations that fire, grouped by domain, then by priority and gap order."""
    rank = {gap.question: index for index, gap in enumerate(gaps)}
    keyed = []
    for domain_index, domain in enumerate(domains):
        for area in domain.areas:
            for question in area.questions:
                for hit_index, hit in enumerate(_fired(plan, question)):
                    key = (domain_index, PRIORITY_ORDER[hit.priority], rank.get(hit.question, len(rank)), hit_index)
                    keyed.append((key, hit))
    return tuple(hit for _, hit in sorted(keyed, key=lambda pair: pair[0]))


def _is_gap(question: QuestionResult) -> bool:
    return question.scored and question.score is not None and question.score < HUNDRED


def _gap(question: QuestionResult, weight: Decimal) -> Gap:
    size = HUNDRED - question.score
    return Gap(
        question.id, question.domain, question.area, question.status,
        question.score, size, EXACT.multiply(size, weight),
    )


def _fired(plan: Plan, question: QuestionResult) -> list[RecommendationHit]:
    if not question.scored or question.score is None:
        return []
    model = plan.questions[question.id].question
    return [
        RecommendationHit(
            rec.id, question.id, question.domain, question.area, rec.priority,
            HUNDRED - question.score, rec,
        )
        for rec in model.recommendations
        if question.score < rec.below
    ]
