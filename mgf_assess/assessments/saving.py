"""Writing answers: the one path every answer write takes.

Saves from the section pages and the API, confirmations of carried-over answers, carry-forward
and demo seeding all end in ``write_answer``. Each caller first locks the assessment
(``locking.lock_editable``: refused unless the country may still edit) and reads the current
answer under that lock; then ``write_answer`` changes the ORM object, notes the assessment's
last change, flushes and writes the audit event in the same transaction. The route commits.

Each answer has a revision that grows by one on every write (SQLAlchemy's version counter,
which also refuses to overwrite a row whose revision moved). A save names the revision it is
based on and is refused (AnswerConflict, nothing stored) when that is no longer the current
one.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from mgf_assess.assessments.errors import AnswerConflict, AnswerProblems
from mgf_assess.assessments.labels import problem_message
from mgf_assess.assessments.locking import current_answer, lock_editable
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.assessments.scoring_bridge import definition_for, json_value
from mgf_assess.core import audit
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from scoring.api import check_answer


def save_answer(actor, assessment: Assessment, qid: str, payload: dict | None, base_revision: int) -> Answer:
    """Store one answer if ``base_revision`` is its current revision (0: never answered).

    Raises NotEditable (state), AnswerConflict (stale revision, nothing stored) or
    AnswerProblems (invalid, every problem listed, nothing stored).
    """
    definition = definition_for(assessment)
    # Checked before the lock is taken; the question's constraint too, with the date of the save.
    typed, problems = check_answer(definition, qid, payload, today=utcnow().date(),
                                   values=constraint_values(assessment, definition, qid))
    assessment = lock_editable(assessment)
    current = checked_revision(assessment, qid, base_revision)
    if problems:
        question = definition.question_map.get(qid)
        raise AnswerProblems([{"location": p.location, "code": p.code, "message": shown_message(p, question)}
                              for p in problems])
    return write_answer(actor, assessment, qid, current, answer_fields(typed))


def constraint_values(assessment: Assessment, definition, qid: str) -> dict:
    """The stored answers a question's constraint may name (read only when it has one)."""
    question = definition.question_map.get(qid)
    if question is None or question.constraint is None:
        return {}
    rows = db.session.scalars(db.select(Answer).filter_by(assessment_id=assessment.id, status="answered"))
    return {row.question_id: row.value for row in rows if row.value is not None}


def shown_message(problem, question) -> str:
    """The message of a problem: a refused constraint speaks with the question's own message, in
    the caller's language; other problems keep the library's."""
    if problem.code != "constraint" or question is None:
        return problem.message
    return problem_message(problem.code, question, problem.message)


def confirm_answer(actor, assessment: Assessment, qid: str, base_revision: int) -> Answer:
    """Confirm an answer carried over from an earlier cycle, as it stands (the revision the
    person saw must still be the current one)."""
    assessment = lock_editable(assessment)
    current = checked_revision(assessment, qid, base_revision)
    if current is None:
        raise AnswerProblems([{"location": "base_revision", "code": "no_answer",
                               "message": str(_l("This question has no answer to confirm."))}])
    if not current.carried_over:
        return current
    return write_answer(actor, assessment, qid, current, {"carried_over": False, "carry_note": None},
                        action="answer.confirm")


def checked_revision(assessment: Assessment, qid: str, base_revision: int) -> Answer | None:
    """The current answer, if ``base_revision`` is its revision (0: none yet); else AnswerConflict
    (or AnswerProblems when a revision is given for a question never answered)."""
    current = current_answer(assessment.id, qid)
    if (current.revision if current else 0) == base_revision:
        return current
    if current is not None:
        raise AnswerConflict(current)
    raise AnswerProblems([{"location": "base_revision", "code": "stale_revision",
                           "message": "this question has never been answered: send base_revision 0"}])


def answer_fields(typed) -> dict:
    """The columns a save writes from a checked answer (None: the answer is cleared)."""
    answered = typed is not None and typed.status == "answered"
    return {"status": typed.status if typed else "answered", "value": json_value(typed.value) if answered else None,
            "justification": typed.justification if typed else None, "carried_over": False, "carry_note": None}


def write_answer(actor, assessment: Assessment, qid: str, current: Answer | None, fields: dict,
                 action: str = "answer.save") -> Answer:
    """Write ``fields`` to the answer (``current``, or a new one), audited as ``action``.

    The caller holds the assessment's lock and read ``current`` under it. Flushes, never commits.
    """
    old = answer_snapshot(current)
    answer = current or Answer(assessment_id=assessment.id, question_id=qid)
    now = utcnow()
    for name, value in {**fields, "updated_by_id": getattr(actor, "id", None), "updated_at": now}.items():
        setattr(answer, name, value)
    db.session.add(answer)
    assessment.updated_at = now
    db.session.flush()
    audit.record(actor, action, "answer", f"{assessment.id}:{qid}", old=old, new=answer_snapshot(answer),
                 country=assessment.country_code)
    return answer


def answer_snapshot(answer: Answer | None) -> dict | None:
    """What the audit log keeps of an answer."""
    if answer is None:
        return None
    return {"value": answer.value, "status": answer.status, "justification": answer.justification,
            "revision": answer.revision}
