"""Scoring on a subset of a definition's questions.

A like-for-like comparison of two cycles answered on different questionnaire versions must
rest on the questions both versions share: ``score_subset`` scores only the questions it is
given. The other questions are left out of every aggregation, as if the areas did not hold
them; an area or a domain left without any question of the subset is left out of the score
set (it would have no score, and leaving it out changes no other figure, since a node without
a score is never aggregated). Relevance is still evaluated on every answer, so a question of
the subset is relevant exactly when it is in a full scoring. Gaps and recommendations are
those of the subset's questions.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import replace

from scoring.answers.model import AnswerSet
from scoring.definition.model import Definition
from scoring.engine.plan import Plan, plan_for
from scoring.engine.results import ScoreSet
from scoring.engine.score import score_with_plan

_SUBSETS: dict[tuple[int, frozenset[str]], tuple[weakref.ref, Plan]] = {}
SUBSET_CACHE_LIMIT = 64


def score_subset(definition: Definition, answers: AnswerSet, questions: Iterable[str]) -> ScoreSet:
    """Score ``answers`` against ``definition`` counting only the question ids in ``questions``.

    Raises ValueError naming the ids the definition does not have.
    """
    wanted = frozenset(questions)
    unknown = sorted(wanted - definition.question_map.keys())
    if unknown:
        raise ValueError(f"{definition.id} {definition.version} has no question {', '.join(unknown)}")
    return score_with_plan(subset_plan(definition, wanted), definition, answers)


def subset_plan(definition: Definition, questions: frozenset[str]) -> Plan:
    """The definition's plan with only ``questions`` in its areas (cached per definition)."""
    key = (id(definition), questions)
    entry = _SUBSETS.get(key)
    if entry is not None and entry[0]() is definition:
        return entry[1]
    plan = narrowed(plan_for(definition), questions)
    if len(_SUBSETS) >= SUBSET_CACHE_LIMIT:
        _SUBSETS.clear()  # a comparison uses one or two subsets: no need to be clever
    _SUBSETS[key] = (weakref.ref(definition), plan)
    return plan


def narrowed(plan: Plan, questions: frozenset[str]) -> Plan:
    """``plan`` with only ``questions`` in its areas, and only the areas and domains that keep
    one; relevance still knows every question."""
    domains = []
    for domain in plan.domains:
        areas = tuple(replace(area, questions=kept) for area in domain.areas
                      if (kept := tuple(q for q in area.questions if q.question.id in questions)))
        if areas:
            domains.append(replace(domain, areas=areas))
    index = {domain.id: position for position, domain in enumerate(domains)}
    return replace(plan, domains=tuple(domains), domain_index=index)
