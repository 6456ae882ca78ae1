"""Between stored answers and the scoring library: answer documents, values, scores."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mgf_assess.assessments.models import Answer, Assessment, Evidence
from mgf_assess.extensions import db
from mgf_assess.questionnaires.definitions import definition_of
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


def _answer_entry(answer: Answer, evidence: list[Evidence]) -> dict | None:
    if answer.status == "answered" and answer.value is None:
        return None  # cleared: counts as missing
    entry: dict = {"status": answer.status}
    if answer.status == "answered":
        entry["value"] = answer.value
    if answer.justification:
        entry["justification"] = answer.justification
    if evidence:
        entry["evidence"] = [{"kind": e.kind, "citation": e.citation} for e in evidence]
        if any(e.accepted is False for e in evidence) and not any(e.accepted for e in evidence):
            entry["evidence_accepted"] = False
    return entry


def answers_document(assessment: Assessment) -> dict:
    """The stored answers as a scoring answers document (DESIGN §4)."""
    definition = definition_for(assessment)
    evidence: dict[str, list[Evidence]] = {}
    for item in db.session.scalars(db.select(Evidence).filter_by(assessment_id=assessment.id)):
        evidence.setdefault(item.question_id, []).append(item)
    answers = {}
    for answer in db.session.scalars(db.select(Answer).filter_by(assessment_id=assessment.id)):
        entry = _answer_entry(answer, evidence.get(answer.question_id, []))
        known = answer.question_id in definition.question_map
        if entry is not None and known and not stored_problems(definition, answer.question_id, entry):
            answers[answer.question_id] = entry
    return {"questionnaire": definition.id, "version": definition.version, "answers": answers, "overrides": {}}


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


def score_assessment(assessment: Assessment) -> dict:
    """The DESIGN §4 result of the current answers, as a dict."""
    definition = definition_for(assessment)
    return result_dict(score(definition, parse_answers(definition, answers_document(assessment))))


def snapshot_inputs(assessment: Assessment) -> dict:
    """What an immutable snapshot records besides the result."""
    return {"definition_hash": assessment.questionnaire.content_hash, "engine_version": ENGINE_VERSION,
            "answers": answers_document(assessment)}
