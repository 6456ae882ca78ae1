"""JSON representations of assessments and answers, as described in the OpenAPI document."""

from __future__ import annotations

import math
from datetime import datetime

from mgf_assess.assessments import queries
from mgf_assess.assessments.models import Answer, Assessment, Evidence
from mgf_assess.auth.models import User
from mgf_assess.extensions import db


def timestamp(moment: datetime | None) -> str | None:
    """An aware UTC datetime as RFC 3339 text (``2026-03-01T09:30:00Z``)."""
    if moment is None:
        return None
    return moment.isoformat().replace("+00:00", "Z")


def assessment_summary(assessment: Assessment) -> dict:
    """What lists show: the assessment without its answers."""
    return {
        "id": assessment.id,
        "state": assessment.state,
        "questionnaire": {"id": assessment.family, "version": assessment.questionnaire.version},
        "country": assessment.country_code,
        "cycle": assessment.cycle,
        "created_at": timestamp(assessment.created_at),
        "updated_at": timestamp(assessment.updated_at),
        "submitted_at": timestamp(assessment.submitted_at),
    }


def assessment_detail(assessment: Assessment) -> dict:
    """The assessment with every answer and every piece of evidence, keyed by question id."""
    answers = queries.answers_of(assessment)
    evidence = queries.evidence_of(assessment)
    _load_users({answer.updated_by_id for answer in answers.values()} - {None})
    return {**assessment_summary(assessment),
            "answers": {qid: answer_json(qid, answers.get(qid), evidence.get(qid, []))
                        for qid in sorted(set(answers) | set(evidence))}}


def answer_json(qid: str, answer: Answer | None, evidence: list[Evidence]) -> dict:
    """One question's answer; a question with evidence but no answer yet is at revision 0."""
    return {
        "question": qid,
        "value": json_safe(answer.value) if answer else None,
        "status": answer.status if answer else None,
        "justification": answer.justification if answer else None,
        "revision": answer.revision if answer else 0,
        "updated_by": _user_ref(answer.updated_by) if answer else None,
        "updated_at": timestamp(answer.updated_at) if answer else None,
        "carried_over": bool(answer and answer.carried_over),
        "evidence": [evidence_json(item) for item in evidence],
    }


def json_safe(value):
    """A stored value as JSON can carry it: a non-finite number (stored before numbers were
    bounded) is null, never the invalid ``Infinity``."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def stored_answer_json(answer: Answer, evidence: list[Evidence] | None = None) -> dict:
    """An answer row with its evidence (looked up unless given: used for saves and conflicts)."""
    if evidence is None:
        evidence = question_evidence(answer.assessment_id, answer.question_id)
    return answer_json(answer.question_id, answer, evidence)


def question_evidence(assessment_id: int, qid: str) -> list[Evidence]:
    """The evidence of one question, oldest first."""
    query = db.select(Evidence).filter_by(assessment_id=assessment_id, question_id=qid).order_by(Evidence.id)
    return list(db.session.scalars(query))


def evidence_json(item: Evidence) -> dict:
    verdict = None if item.accepted is None else ("accepted" if item.accepted else "rejected")
    return {"id": item.id, "kind": item.kind, "citation": item.citation, "url": item.url,
            "file_name": item.file_name, "content_type": item.content_type, "size": item.size,
            "review_status": verdict, "review_note": item.review_note}


def evidence_item_json(item: Evidence) -> dict:
    """One piece of evidence on its own: with the question it belongs to."""
    return {**evidence_json(item), "question": item.question_id}


def _load_users(ids: set[int]) -> None:
    """Load the authors of many answers in one query (the session then finds them by id)."""
    if ids:
        list(db.session.scalars(db.select(User).where(User.id.in_(ids))))


def user_ref(user) -> dict | None:
    """``{"id", "name"}`` of a user, None for none."""
    return _user_ref(user)


def _user_ref(user) -> dict | None:
    return None if user is None else {"id": user.id, "name": user.name}
