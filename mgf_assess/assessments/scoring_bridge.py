"""Between stored answers and the scoring library: answer documents, values, scores."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mgf_assess.assessments import workflow
from mgf_assess.assessments.models import Answer, Assessment, Evidence
from mgf_assess.extensions import db
from mgf_assess.questionnaires.definitions import definition_of
from mgf_assess.review.models import ScoreOverride
from scoring.api import ENGINE_VERSION, Definition, check_answer, parse_answers, result_dict, score


def definition_for(assessment: Assessment) -> Definition:
    return definition_of(assessment.questionnaire)


def json_value(value: Any) -> Any:
    """A typed answer value as stored in JSON: Decimals become int or float, tuples lists."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (tuple, list)):
        return [json_value(item) for item in value]
    if isinstance(value, bool) or value is None or isinstance(value, (int, float, str)):
        return value
    return str(value)  # dates and other typed values keep their ISO text


def _answer_entry(answer: Answer, evidence: list[Evidence], review_done: bool = False) -> dict | None:
    if answer.status == "answered" and answer.value is None:
        return None  # cleared: counts as missing
    entry: dict = {"status": answer.status}
    if answer.status == "answered":
        entry["value"] = answer.value
    if answer.justification:
        entry["justification"] = answer.justification
    if evidence:
        entry["evidence"] = [{"kind": e.kind, "citation": e.citation} for e in evidence]
        verdict = evidence_verdict(evidence, review_done)
        if verdict is not None:
            entry["evidence_accepted"] = verdict
    return entry


def evidence_verdict(evidence: list[Evidence], review_done: bool) -> bool | None:
    """The answer's ``evidence_accepted`` for the engine (DESIGN §4, confidence): True when an
    evaluator accepted an item; False when no item counts (every item rejected, or, once the
    review is accepted, none accepted); None (not said) while unreviewed items still count.

    Until the review is accepted, evidence counts unless it is rejected; afterwards only
    accepted evidence counts.
    """
    if any(item.accepted for item in evidence):
        return True
    if review_done or all(item.accepted is False for item in evidence):
        return False
    return None


def overrides_document(assessment: Assessment) -> dict:
    """The evaluator's score overrides as the answers document's ``overrides``."""
    query = db.select(ScoreOverride).filter_by(assessment_id=assessment.id).order_by(ScoreOverride.question_id)
    return {item.question_id: {"score": json_value(item.score), "justification": item.justification}
            for item in db.session.scalars(query)}


def answers_document(assessment: Assessment, *, review_done: bool | None = None, overrides: bool = True) -> dict:
    """The stored answers and overrides as a scoring answers document (DESIGN §4).

    ``review_done``: whether only accepted evidence counts (default: the assessment's review is
    accepted, i.e. it is reviewed or validated); ``overrides=False`` leaves them out.
    """
    definition = definition_for(assessment)
    done = workflow.is_review_done(assessment.state) if review_done is None else review_done
    evidence: dict[str, list[Evidence]] = {}
    for item in db.session.scalars(db.select(Evidence).filter_by(assessment_id=assessment.id)):
        evidence.setdefault(item.question_id, []).append(item)
    answers = {}
    for answer in db.session.scalars(db.select(Answer).filter_by(assessment_id=assessment.id)):
        entry = _answer_entry(answer, evidence.get(answer.question_id, []), done)
        known = answer.question_id in definition.question_map
        if entry is not None and known and not stored_problems(definition, answer.question_id, entry):
            answers[answer.question_id] = entry
    return {"questionnaire": definition.id, "version": definition.version, "answers": answers,
            "overrides": overrides_document(assessment) if overrides else {}}


def stored_problems(definition: Definition, qid: str, entry: dict) -> list:
    """Why a stored answer no longer fits its question (a value stored before today's checks,
    e.g. a number beyond the accepted range): such an answer counts as missing, and its section
    page shows it as invalid so that its owner corrects it."""
    _typed, problems = check_answer(definition, qid, entry)
    return problems


def invalid_answers(assessment: Assessment, qids) -> dict[str, list]:
    """The stored answers among ``qids`` that no longer fit their question, with the problems."""
    definition = definition_for(assessment)
    query = db.select(Answer).filter(Answer.assessment_id == assessment.id, Answer.question_id.in_(list(qids)))
    found = {}
    for answer in db.session.scalars(query):
        entry = _answer_entry(answer, [])
        problems = stored_problems(definition, answer.question_id, entry) if entry is not None else []
        if problems:
            found[answer.question_id] = problems
    return found


def score_assessment(assessment: Assessment, *, review_done: bool | None = None) -> dict:
    """The DESIGN §4 result of the current answers and overrides, as a dict: ``score``/``band``
    are the validated figures (overrides applied), ``self_score``/``self_band`` the
    self-assessed ones, at every level."""
    definition = definition_for(assessment)
    document = answers_document(assessment, review_done=review_done)
    return result_dict(score(definition, parse_answers(definition, document)))


def snapshot_inputs(assessment: Assessment, *, review_done: bool | None = None) -> dict:
    """What an immutable snapshot records besides the result."""
    return {"definition_hash": assessment.questionnaire.content_hash, "engine_version": ENGINE_VERSION,
            "answers": answers_document(assessment, review_done=review_done)}
