"""The scoring engine: ``score(definition, answers) -> ScoreSet`` (DESIGN §4).

One pass computes two results side by side: the self-assessed one (overrides ignored) and
the validated one (overrides applied). Decisions where §4 is silent:

* relevance is evaluated on the self-assessed answers, in dependency order; a question
  whose ``relevant`` expression is false reads as '' in the expressions that follow;
* an override on a not-relevant question is ignored (flag ``override_ignored``); on a
  relevant one it applies whatever the answer status was (na, unknown, missing included);
* ``missing``/``unknown`` score 0 whether or not the question is ``required``;
* completeness counts every relevant question, scored or not: answered, justified na and
  overridden ones are complete, unknown and missing ones are not;
* confidence counts the included scored questions whose validated status is answered or
  overridden; those with evidence not rejected by an evaluator are evidenced;
* a domain is ``below_target`` when its reported validated score is below the ``min`` of its
  target band; with no score, ``below_target`` is None (nothing to measure);
* in a domain with ``na: zero`` (declared on it or on the questionnaire) a justified
  not-applicable answer scores 0 and stays in its area's denominator, as SDG 10.7.2's fixed
  number of sub-categories does; it keeps its status ``na``, counts as complete, and is not
  a gap (nothing applies, so nothing is recommended). Not relevant questions stay excluded.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from scoring.answers.model import Answer, AnswerSet, Override
from scoring.definition.model import Definition
from scoring.engine.aggregate import aggregate
from scoring.engine.gaps import find_gaps, pick_recommendations
from scoring.engine.plan import AreaPlan, DomainPlan, Plan, QuestionPlan, plan_for
from scoring.engine.results import (
    NO_FIGURE,
    AreaResult,
    DomainResult,
    Figure,
    OverallResult,
    QuestionResult,
    ScoreSet,
    Tally,
    make_figure,
    total,
)

COMPLETE_STATUSES = frozenset({"answered", "na", "overridden"})
EVIDENCE_STATUSES = frozenset({"answered", "overridden"})


def score(definition: Definition, answers: AnswerSet) -> ScoreSet:
    """Score checked ``answers`` (see ``scoring.answers.check.parse_answers``) against ``definition``.

    Pure and deterministic: the same definition and answers always give an equal ScoreSet.
    """
    return score_with_plan(plan_for(definition), definition, answers)


def score_with_plan(plan: Plan, definition: Definition, answers: AnswerSet) -> ScoreSet:
    """``score`` with a given plan: the definition's own, or a narrower one (``subset``)."""
    hidden = hidden_questions(plan, answers.answers)
    domains = tuple(_domain(plan, domain, answers, hidden) for domain in plan.domains)
    overall = _overall(plan, domains)
    gaps = find_gaps(plan, domains)
    recommendations = pick_recommendations(plan, gaps)
    return ScoreSet(
        definition.id, definition.version, overall, domains, gaps, recommendations, definition
    )


def hidden_questions(plan: Plan, answers: Mapping[str, Answer]) -> frozenset[str]:
    """Ids of the questions whose ``relevant`` expression is false for these answers."""
    values = {qid: expression_value(answers.get(qid)) for qid in plan.referenced}
    hidden = set()
    for qid in plan.relevance_order:
        if not plan.questions[qid].expression.evaluate(values):
            hidden.add(qid)
            if qid in values:
                values[qid] = ""
    return frozenset(hidden)


def expression_value(answer: Answer | None) -> object:
    """What an answer reads as inside a relevance expression ('' unless answered)."""
    if answer is None or answer.status != "answered":
        return ""
    return answer.value


def figure(plan: Plan, exact: Fraction | None) -> Figure:
    """The reported value and band of an exact score."""
    return make_figure(plan.bands, exact)


def _question(
    plan: Plan, qp: QuestionPlan, answers: AnswerSet, hidden: frozenset[str]
) -> QuestionResult:
    qid = qp.question.id
    answer = answers.answers.get(qid)
    override = answers.overrides.get(qid)
    self_status = _self_status(qid in hidden, answer)
    assessed = _self_figure(plan, qp, self_status, answer)
    flags = _flags(qp, self_status, answer, override)
    if override is not None and qp.scored and self_status != "not_relevant":
        validated, status = make_figure(plan.bands, Fraction(override.score)), "overridden"
    else:
        validated, status, override = assessed, self_status, None
    fields = (status, self_status, validated, assessed, flags, answer, override)
    return QuestionResult(qid, qp.domain, qp.area, qp.question.weight, qp.scored, *fields)


def _self_status(hidden: bool, answer: Answer | None) -> str:
    if hidden:
        return "not_relevant"
    return "missing" if answer is None else answer.status


def _self_figure(plan: Plan, qp: QuestionPlan, status: str, answer: Answer | None) -> Figure:
    if not qp.scored or status == "not_relevant":
        return NO_FIGURE
    if status == "na":
        return plan.zero if qp.na_zero else NO_FIGURE
    if status == "answered":
        return qp.figure_of(answer.value)
    return plan.zero  # unknown and missing count as 0


def _flags(
    qp: QuestionPlan, status: str, answer: Answer | None, override: Override | None
) -> tuple[str, ...]:
    flags = []
    if qp.scored and status in ("unknown", "missing"):
        flags.append(status)
    if (
        qp.scored
        and status == "answered"
        and qp.question.evidence == "required"
        and not answer.evidence
    ):
        flags.append("evidence_missing")
    if answer is not None and answer.evidence_accepted is False:
        flags.append("evidence_rejected")
    if override is not None and status == "not_relevant":
        flags.append("override_ignored")
    return tuple(flags)


def area_tally(questions: tuple[QuestionResult, ...]) -> Tally:
    """Completeness and confidence counts of an area's questions (see the module docstring)."""
    relevant = complete = base = evidenced = 0
    for question in questions:
        if question.self_status == "not_relevant":
            continue
        relevant += 1
        complete += question.status in COMPLETE_STATUSES
        if question.included and question.scored and question.status in EVIDENCE_STATUSES:
            base += 1
            evidenced += question.answer is not None and question.answer.has_evidence
    return Tally(relevant, complete, base, evidenced)


def _area(plan: Plan, ap: AreaPlan, answers: AnswerSet, hidden: frozenset[str]) -> AreaResult:
    questions = tuple(_question(plan, qp, answers, hidden) for qp in ap.questions)
    weights = [qp.weight for qp in ap.questions]
    validated, assessed = _both(plan, ap.method, questions, weights)
    tally = area_tally(questions)
    return AreaResult(
        ap.id, ap.domain, ap.declared_weight, ap.method, validated, assessed, tally, questions
    )


def _domain(plan: Plan, dp: DomainPlan, answers: AnswerSet, hidden: frozenset[str]) -> DomainResult:
    areas = tuple(_area(plan, ap, answers, hidden) for ap in dp.areas)
    validated, assessed = _both(plan, dp.method, areas, [ap.weight for ap in dp.areas])
    tally = total(a.tally for a in areas)
    below = _below_target(validated, dp)
    fields = (dp.method, dp.target_band, below, validated, assessed, tally, areas)
    return DomainResult(dp.id, dp.declared_weight, *fields)


def _below_target(validated: Figure, dp: DomainPlan) -> bool | None:
    if validated.reported is None or dp.target_min is None:
        return None
    return validated.reported < dp.target_min


def _overall(plan: Plan, domains: tuple[DomainResult, ...]) -> OverallResult:
    validated, assessed = _both(plan, plan.method, domains, [dp.weight for dp in plan.domains])
    tally = total(d.tally for d in domains)
    return OverallResult(plan.method, validated, assessed, tally)


def _both(plan: Plan, method: str, children, weights: list[Fraction]) -> tuple[Figure, Figure]:
    validated = _included([c.validated.exact for c in children], weights)
    assessed = _included([c.assessed.exact for c in children], weights)
    first = figure(plan, aggregate(method, validated))
    # Without overrides below this node both results agree: aggregate once.
    return first, first if assessed == validated else figure(plan, aggregate(method, assessed))


def _included(scores: list[Fraction | None], weights: list[Fraction]) -> list[tuple]:
    return [(s, w) for s, w in zip(scores, weights, strict=True) if s is not None]
