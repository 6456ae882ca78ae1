"""Per-definition scoring plan: everything about a definition that does not depend on answers.

Weights as exact fractions, compiled question scorers, parsed relevance expressions in
dependency order, band bounds. A plan is built once per definition object and cached by
identity (weakly: it disappears with its definition), so scoring many assessments of one
version pays for it once.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Context, Decimal
from fractions import Fraction

from scoring.definition.model import Definition, Question
from scoring.engine.questions import Scorer, compile_scorer, is_scored
from scoring.engine.results import Figure, make_figure
from scoring.expressions.parser import Expression, ExpressionError, parse

Bands = tuple[tuple[Decimal, str], ...]
MEMO_LIMIT = 512
# Products of weights must be exact whatever their number of digits.
EXACT = Context(prec=1000)


@dataclass(frozen=True, slots=True)
class QuestionPlan:
    """One question: exact weights, its compiled scorer and its parsed relevance."""

    question: Question
    domain: str
    area: str
    weight: Fraction
    gap_weight: Decimal
    scored: bool
    scorer: Scorer
    figure_of: Callable[[object], Figure]
    expression: Expression | None
    na_zero: bool = False  # its domain counts a not-applicable answer as 0 (``na: zero``)


@dataclass(frozen=True, slots=True)
class AreaPlan:
    """One area: its weight in its domain, its method, its questions and its notes (only their
    relevance is ever evaluated)."""

    id: str
    domain: str
    weight: Fraction
    declared_weight: Decimal
    method: str
    questions: tuple[QuestionPlan, ...]
    notes: tuple[QuestionPlan, ...] = ()


@dataclass(frozen=True, slots=True)
class DomainPlan:
    """One domain: its weight overall, its method, its target band and its areas."""

    id: str
    weight: Fraction
    declared_weight: Decimal
    method: str
    target_band: str
    target_min: Decimal | None
    areas: tuple[AreaPlan, ...]
    na: str = "exclude"


@dataclass(frozen=True, slots=True)
class Plan:
    """What scoring needs from a definition, precomputed (never holds the definition itself)."""

    method: str
    bands: Bands
    zero: Figure
    domains: tuple[DomainPlan, ...]
    domain_index: dict[str, int]
    questions: dict[str, QuestionPlan]
    relevance_order: tuple[str, ...]
    referenced: frozenset[str]


_PLANS: dict[int, tuple[weakref.ref, Plan]] = {}


def plan_for(definition: Definition) -> Plan:
    """The cached plan of ``definition`` (keyed by object identity)."""
    key = id(definition)
    entry = _PLANS.get(key)
    if entry is not None and entry[0]() is definition:
        return entry[1]
    plan = build_plan(definition)
    # The callback runs when the definition is freed, before its id can be reused.
    reference = weakref.ref(definition, lambda _, key=key: _PLANS.pop(key, None))
    _PLANS[key] = (reference, plan)
    return plan


def build_plan(definition: Definition) -> Plan:
    """Compute the plan of ``definition`` (uncached; see ``plan_for``)."""
    band_mins = {band.code: band.min for band in definition.bands}
    bands = tuple((band.min, band.code) for band in reversed(definition.bands))
    domains = tuple(
        _domain_plan(definition, domain, band_mins, bands) for domain in definition.domains
    )
    questions = {q.question.id: q for d in domains for a in d.areas for q in (*a.questions, *a.notes)}
    referenced = frozenset(
        ref for q in questions.values() if q.expression for ref in q.expression.references
    )
    return Plan(
        method=definition.method,
        bands=bands,
        zero=make_figure(bands, Fraction(0)),
        domains=domains,
        domain_index={domain.id: index for index, domain in enumerate(domains)},
        questions=questions,
        relevance_order=relevance_order(questions),
        referenced=referenced,
    )


def relevance_order(questions: dict[str, QuestionPlan]) -> tuple[str, ...]:
    """Conditional questions ordered so each comes after the conditional questions it reads.

    Definitions with a cycle are rejected by validation; should one get here, the edge that
    closes the cycle is ignored: that reference reads the answer as given, before its own
    relevance is known.
    """
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(qid: str) -> None:
        state[qid] = "visiting"
        for ref in sorted(questions[qid].expression.references):
            if ref in questions and questions[ref].expression and ref not in state:
                visit(ref)
        state[qid] = "done"
        order.append(qid)

    for qid, plan in questions.items():
        if plan.expression is not None and qid not in state:
            visit(qid)
    return tuple(order)


def _domain_plan(
    definition: Definition, domain, band_mins: dict[str, Decimal], bands: Bands
) -> DomainPlan:
    target = definition.domain_target(domain)
    na = definition.domain_na(domain)
    areas = tuple(_area_plan(domain, area, bands, na == "zero") for area in domain.areas)
    weight = Fraction(domain.weight)
    return DomainPlan(
        domain.id, weight, domain.weight, domain.method, target, band_mins.get(target), areas, na
    )


def _area_plan(domain, area, bands: Bands, na_zero: bool) -> AreaPlan:
    plans = [_question_plan(domain, area.id, q, bands, na_zero) for q in area.questions]
    questions = tuple(plan for plan in plans if plan.question.answerable)
    notes = tuple(plan for plan in plans if not plan.question.answerable)
    return AreaPlan(area.id, domain.id, Fraction(area.weight), area.weight, area.method, questions, notes)


def _question_plan(
    domain, area_id: str, question: Question, bands: Bands, na_zero: bool
) -> QuestionPlan:
    scorer = compile_scorer(question)
    return QuestionPlan(
        question=question,
        domain=domain.id,
        area=area_id,
        weight=Fraction(question.weight),
        gap_weight=EXACT.multiply(question.weight, domain.weight),
        scored=is_scored(question),
        scorer=scorer,
        figure_of=_memo_figures(scorer, bands),
        expression=_expression(question.relevant),
        na_zero=na_zero,
    )


def _memo_figures(scorer: Scorer, bands: Bands) -> Callable[[object], Figure]:
    # Answer values repeat across assessments (option codes always do): remember their
    # figures. The cache is bounded and only ever holds results of a pure function.
    cache: dict[object, Figure] = {}

    def figure_of(value: object) -> Figure:
        found = cache.get(value)
        if found is None:
            found = make_figure(bands, scorer(value))
            if len(cache) < MEMO_LIMIT:
                cache[value] = found
        return found

    return figure_of


def _expression(text: str | None) -> Expression | None:
    if text is None:
        return None
    try:
        return parse(text)
    except ExpressionError:
        # Validation reports unparsable expressions; scoring treats the question as relevant.
        return None
