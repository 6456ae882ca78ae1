"""Helpers of the assessment page tests: a published rich questionnaire, assessments, answers."""

from __future__ import annotations

import qfiles

from mgf_assess.assessments import evidence, operations
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.auth.models import User
from mgf_assess.extensions import db
from mgf_assess.questionnaires import operations as qops


def publish(app, folder, *definitions) -> None:
    """Write the definitions into ``folder``, make it the questionnaires folder and load it."""
    for data in definitions:
        qfiles.write(folder, data)
    app.config["QUESTIONNAIRES_FOLDER"] = str(folder)
    with app.app_context():
        qops.load_folder(folder)
        db.session.commit()


def open_assessment(app, country="KEN", cycle=2026, family="rich", version="1.0") -> int:
    with app.app_context():
        assessment = operations.create_assessment(None, country=country, family=family, version=version,
                                                  cycle=cycle)
        db.session.commit()
        return assessment.id


def user(app, email: str) -> User:
    with app.app_context():
        found = db.session.scalar(db.select(User).filter_by(email=email))
        db.session.expunge(found)
        return found


def save(app, assessment_id: int, qid: str, payload, actor_email: str | None = None) -> int:
    """Store an answer as someone else would (returns its new revision)."""
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        actor = db.session.scalar(db.select(User).filter_by(email=actor_email)) if actor_email else None
        current = db.session.scalar(db.select(Answer).filter_by(assessment_id=assessment_id, question_id=qid))
        answer = operations.save_answer(actor, assessment, qid, payload, current.revision if current else 0)
        db.session.commit()
        return answer.revision


def stored(app, assessment_id: int, qid: str) -> Answer | None:
    with app.app_context():
        answer = db.session.scalar(db.select(Answer).filter_by(assessment_id=assessment_id, question_id=qid))
        if answer is not None:
            db.session.expunge(answer)
        return answer


def state(app, assessment_id: int) -> str:
    with app.app_context():
        return db.session.get(Assessment, assessment_id).state


def add_evidence(app, assessment_id: int, qid: str, citation: str = "Migration Act 2011") -> int:
    """Attach a citation to a question's answer as someone else would (returns its id)."""
    with app.app_context():
        assessment = db.session.get(Assessment, assessment_id)
        item = evidence.add_evidence(None, assessment, qid, kind="law", citation=citation)
        db.session.commit()
        return item.id
