"""Helpers of the review tests: an assessment of the rich questionnaire in a given state, the
people of its country, and threads written through the operations."""

from __future__ import annotations

import qfiles
from assess_helpers import open_assessment, publish

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.auth.models import User
from mgf_assess.extensions import db
from mgf_assess.review.threads import operations as review

SECRET = "INTERNAL-NOTE-7f3a: the evaluator doubts the figures"


def reviewed_assessment(app, folder, state="in_review", country="KEN") -> int:
    """An assessment of the rich questionnaire, put in ``state`` directly."""
    publish(app, folder, qfiles.rich_definition())
    assessment_id = open_assessment(app, country)
    set_state(app, assessment_id, state)
    return assessment_id


def set_state(app, assessment_id: int, state: str) -> None:
    with app.app_context():
        db.session.get(Assessment, assessment_id).state = state
        db.session.commit()


def people(app, make_user, country="KEN") -> dict[str, str]:
    """E-mails of a focal point, a contributor assigned to the area services, an unassigned
    contributor, the country's evaluator, another country's evaluator, an admin, an analyst."""
    return {"focal_point": make_user("focal_point", country, name="Focal Point"),
            "contributor": make_user("contributor", country, name="Assigned Contributor"),
            "other_contributor": make_user("contributor", country, name="Unassigned Contributor"),
            "evaluator": make_user("evaluator", None, evaluated=(country,), name="Eva Luator"),
            "other_evaluator": make_user("evaluator", None, evaluated=("MEX",), name="Other Evaluator"),
            "admin": make_user("admin", None, name="Admin"),
            "analyst": make_user("analyst", None, name="Analyst")}


def assign(app, assessment_id: int, email: str, scopes=("services",)) -> None:
    """Assign the contributor (the assessment must be in a state the country edits: it is put
    back in draft for the assignment, then in its state again)."""
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        state, assessment.state = assessment.state, "draft"
        operations.set_assignments(None, assessment, by_email(email), list(scopes))
        assessment.state = state
        db.session.commit()


def by_email(email: str) -> User:
    return db.session.scalar(db.select(User).filter_by(email=email))


def write_thread(app, assessment_id: int, author: str, qid="q_yes", kind="query", text="Which law?",
                 internal=False) -> int:
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        comment = review.open_thread(by_email(author), assessment, qid, kind=kind, text=text, internal=internal)
        db.session.commit()
        return comment.id
