"""Saving one answer, with optimistic concurrency through revisions.

Each answer has a revision that grows by one on every save; a save names the revision it is
based on and is refused (AnswerConflict, nothing stored) when that is no longer the current
one. Saves are the application's most frequent write, so they write the answer, its audit
event and the assessment's last change with one all-or-nothing statement (``saving_batch``)
rather than a unit-of-work flush.
"""

from __future__ import annotations

from typing import NamedTuple

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from mgf_assess.assessments import saving_batch
from mgf_assess.assessments.errors import AnswerConflict, AnswerProblems, NotEditable
from mgf_assess.assessments.locking import CurrentAnswer, current_answer, lock
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.assessments.scoring_bridge import definition_for, json_value
from mgf_assess.core import audit
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from scoring.api import check_answer


class SavedAnswer(NamedTuple):
    answer: Answer
    has_evidence: bool | None  # None: not known (a first save), look it up when needed


def save_answer(actor, assessment: Assessment, qid: str, payload: dict, base_revision: int) -> Answer:
    """Store one answer if ``base_revision`` is its current revision (0: never answered).

    Raises NotEditable (state), AnswerConflict (stale revision, nothing stored) or
    AnswerProblems (invalid, every problem listed, nothing stored).
    """
    return save_answer_noting_evidence(actor, assessment, qid, payload, base_revision).answer


def save_answer_noting_evidence(actor, assessment: Assessment, qid: str, payload: dict,
                                base_revision: int, current: CurrentAnswer | None = None) -> SavedAnswer:
    """``save_answer``, also telling whether the question has evidence (saving never changes
    evidence), so that a response listing the evidence need not query it when there is none.

    ``current`` is the answer as ``locking.load_for_answer`` read it, without a lock (API saves
    even run outside a transaction block): the single write statement checks that neither the
    answer's revision nor the assessment's state has moved since, and the save raises
    AnswerConflict or NotEditable if one has, having written nothing. Without ``current``, the
    assessment is locked first and the answer read under the lock.
    """
    definition = definition_for(assessment)  # before the lock, whose reload would fetch the version again
    if current is None:
        assessment = lock(assessment)
        current = current_answer(assessment.id, qid)
    if not assessment.country_editable:
        raise NotEditable(_l("This assessment is %(state)s: answers cannot change now.", state=assessment.state))
    if (current.answer.revision if current.answer else 0) != base_revision:
        raise _stale(current.answer)
    typed, problems = check_answer(definition, qid, payload)
    if problems:
        raise AnswerProblems([{"location": p.location, "code": p.code, "message": p.message} for p in problems])
    return SavedAnswer(_store(actor, assessment, qid, current.answer, typed), current.has_evidence)


def answer_snapshot(answer: Answer | None) -> dict | None:
    """What the audit log keeps of an answer."""
    if answer is None:
        return None
    return {"value": answer.value, "status": answer.status, "justification": answer.justification,
            "revision": answer.revision}


def _stale(stored: Answer | None) -> Exception:
    """The error for a save based on a revision that is not the current one."""
    if stored is not None:
        return AnswerConflict(stored)
    return AnswerProblems([{"location": "base_revision", "code": "stale_revision",
                            "message": "this question has never been answered: send base_revision 0"}])


def _store(actor, assessment: Assessment, qid: str, current: Answer | None, typed) -> Answer:
    """Write the answer, its audit event and the assessment's last change in one statement
    (``saving_batch``), which checks the assessment's state and the answer's revision and takes
    the assessment's lock, held until the commit."""
    values = _stored_values(actor, typed, (current.revision if current else 0) + 1)
    event = audit.event_row(actor, "answer.save", "answer", f"{assessment.id}:{qid}", old=answer_snapshot(current),
                            new=_snapshot_of(values), country=assessment.country_code)
    written = saving_batch.write(assessment.id, qid, current, values, event)
    if not written.editable:
        raise _no_longer_editable()
    if written.answer_id is None:  # saved by someone else since it was read
        raise _stale(current_answer(assessment.id, qid).answer)
    set_committed_value(assessment, "updated_at", values["updated_at"])
    if current is None:
        return _loaded(Answer(id=written.answer_id, assessment_id=assessment.id, question_id=qid, **values))
    _set_committed(current, values)
    return current


def _loaded(answer: Answer) -> Answer:
    """An answer just inserted by a statement, in the session as if it had been read."""
    make_transient_to_detached(answer)
    db.session.add(answer)
    return answer


def _snapshot_of(values: dict) -> dict:
    """``answer_snapshot`` of the answer once ``values`` are written."""
    return {key: values[key] for key in ("value", "status", "justification", "revision")}


def _stored_values(actor, typed, revision: int) -> dict:
    """The columns a save writes: the typed answer (None: cleared), its author and revision."""
    answered = typed is not None and typed.status == "answered"
    return {"status": typed.status if typed else "answered", "value": json_value(typed.value) if answered else None,
            "justification": typed.justification if typed else None, "revision": revision,
            "carried_over": False, "carry_note": None, "updated_by_id": getattr(actor, "id", None),
            "updated_at": utcnow()}


def _no_longer_editable() -> NotEditable:
    return NotEditable(_l("This assessment changed state while the answer was being saved: "
                          "answers cannot change now."))


def _set_committed(row, values: dict) -> None:
    """Give a loaded object the values just written as its database state (it stays clean: no
    flush writes them a second time)."""
    for key, value in values.items():
        set_committed_value(row, key, value)
