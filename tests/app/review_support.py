"""Helpers of the review tests: an answered assessment in any state, users, queries, audit rows."""

from __future__ import annotations

from types import SimpleNamespace

from api_support import open_assessment, publish

from mgf_assess.assessments import evidence, operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.auth import queries as account_queries
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db
from mgf_assess.review.models import ReviewComment

ANSWERS = {"q_yes": "yes", "q_na": "no", "q_num": 15, "q_border": "yes"}
ROLES = ("admin", "focal_point", "contributor", "evaluator", "analyst")


def reviewable(app, folder, state: str = "in_review", country: str = "KEN") -> int:
    """An assessment of the API questionnaire with every question answered, evidence on
    ``q_border``, moved to ``state`` directly (the transitions are tested on their own)."""
    publish(app, folder)
    assessment_id = open_assessment(app, country=country)
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        for qid, value in ANSWERS.items():
            operations.save_answer(None, assessment, qid, {"value": value}, 0)
        evidence.add_evidence(None, assessment, "q_border", kind="law", citation="Borders Act 2010")
        assessment.state = state
        db.session.commit()
    return assessment_id


def set_state(app, assessment_id: int, state: str) -> None:
    with app.app_context():
        db.session.get(Assessment, assessment_id).state = state
        db.session.commit()


def add_query(app, assessment_id: int, qid: str = "q_yes", status: str = "open", **extra) -> int:
    """A query thread's first message, stored directly (threads have operations of their own)."""
    with app.app_context():
        item = ReviewComment(assessment_id=assessment_id, question_id=qid, kind="query", status=status,
                             text=f"Please explain {qid}.", **extra)
        db.session.add(item)
        db.session.commit()
        return item.id


def user(email: str):
    """The account (inside an application context)."""
    return account_queries.user_by_email(email)


def actions(app, prefix: str = "") -> list[str]:
    """Audit actions in order, those starting with ``prefix``."""
    with app.app_context():
        query = db.select(AuditEvent.action).order_by(AuditEvent.id)
        return [action for action in db.session.scalars(query) if action.startswith(prefix)]


def policy_user(role: str, own: bool):
    """A user of ``role`` for the policy: of Kenya (``own``) or of Mexico."""
    country = "KEN" if own else "MEX"
    codes = {country} if role != "admin" and role != "analyst" else set()
    return SimpleNamespace(is_authenticated=True, is_active=True, role=role,
                           country_code=country if role in ("focal_point", "contributor") else None,
                           country_codes=codes)
