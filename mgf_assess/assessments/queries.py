"""Reads on assessments: what a user may see, answers, evidence, history, progress."""

from __future__ import annotations

from flask import abort

from mgf_assess.assessments.models import Answer, Assessment, Assignment, Evidence
from mgf_assess.core import policy
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db


def visible_assessments(user) -> list[Assessment]:
    """Every assessment the user may see, newest cycle first."""
    query = db.select(Assessment).order_by(Assessment.cycle.desc(), Assessment.country_code)
    countries = policy.country_filter(user)
    if countries is not None:  # narrowed in the database; the policy decides on each one
        query = query.filter(Assessment.country_code.in_(countries or {""}))
    return [item for item in db.session.scalars(query) if policy.can(user, "assessment.view", item)]


def assessment_for(user, assessment_id: int, action: str = "assessment.view") -> Assessment:
    """The assessment if the user may do ``action`` on it; 404 when it is not theirs to see."""
    assessment = db.session.get(Assessment, assessment_id)
    if assessment is None:
        abort(404)
    return visible(user, assessment, action)


def visible(user, assessment: Assessment, action: str = "assessment.view") -> Assessment:
    """``assessment`` if the user may do ``action`` on it (else 403); 404 when it is not theirs to see."""
    if not policy.can(user, "assessment.view", assessment):
        abort(404)
    policy.require(user, action, assessment)
    return assessment


def answers_of(assessment: Assessment) -> dict[str, Answer]:
    query = db.select(Answer).filter_by(assessment_id=assessment.id)
    return {answer.question_id: answer for answer in db.session.scalars(query)}


def evidence_of(assessment: Assessment) -> dict[str, list[Evidence]]:
    grouped: dict[str, list[Evidence]] = {}
    query = db.select(Evidence).filter_by(assessment_id=assessment.id).order_by(Evidence.id)
    for item in db.session.scalars(query):
        grouped.setdefault(item.question_id, []).append(item)
    return grouped


def assignments_of(assessment: Assessment) -> list[Assignment]:
    query = db.select(Assignment).filter_by(assessment_id=assessment.id).order_by(Assignment.user_id)
    return list(db.session.scalars(query))


def history(assessment: Assessment, qid: str) -> list[AuditEvent]:
    """Every recorded change of one answer, oldest first."""
    query = db.select(AuditEvent).filter(AuditEvent.object_type == "answer",
                                         AuditEvent.object_id == f"{assessment.id}:{qid}").order_by(AuditEvent.id)
    return list(db.session.scalars(query))


def previous_assessment(assessment: Assessment) -> Assessment | None:
    """The country's latest earlier assessment of the same questionnaire family."""
    query = db.select(Assessment).filter(
        Assessment.country_code == assessment.country_code, Assessment.family == assessment.family,
        Assessment.cycle < assessment.cycle).order_by(Assessment.cycle.desc())
    return db.session.scalars(query).first()
