"""The assessment's row lock, under which its answers and its state change.

Every write of an answer and every change of state locks the assessment row first, then reads
what it checks: a save and a submission can never interleave, and two saves of one answer
are decided one after the other. PostgreSQL locks the row (``SELECT … FOR UPDATE``) until the
transaction ends. SQLite locks the whole database: a transaction that may write began with
``BEGIN IMMEDIATE`` (``database.tune_sqlite``), so it holds the lock already.

A validated assessment is *locked* in the other sense too (``workflow.LOCKED_STATES``): every
write to it is refused with ``Locked`` (409 in the API) until an admin reopens it. Writes
that may happen in other states than the country's (review comments, overrides, evidence
review) call ``lock_unlocked`` (or ``refuse_if_locked`` under a lock they already hold).
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from mgf_assess.assessments import workflow
from mgf_assess.assessments.errors import Locked, NotEditable
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.database import holds_write_lock
from mgf_assess.extensions import db


def lock(assessment: Assessment) -> Assessment:
    """The assessment as it stands under its row lock, held until the transaction ends.

    PostgreSQL reads the row again with ``FOR UPDATE``. On SQLite the transaction has held the
    database's write lock since it began, so what it read is current already.
    """
    connection = db.session.connection()
    if not holds_write_lock(connection):
        raise RuntimeError("an assessment is locked in a read-only request: changes are made by POST, "
                           "PUT or DELETE requests, whose SQLite transactions take the write lock")
    if connection.dialect.name == "sqlite":
        return assessment
    query = db.select(Assessment).filter_by(id=assessment.id).with_for_update(of=Assessment)  # not its version
    return db.session.execute(query.execution_options(populate_existing=True)).scalar_one()


LOCKED = _l("This assessment is validated and locked: nothing in it can change. Only an administrator can "
             "reopen it, with a reason.")


def refuse_if_locked(assessment: Assessment) -> None:
    """Raise ``Locked`` (a NotEditable: 409 in the API) when the assessment is validated."""
    if workflow.is_locked(assessment.state):
        raise Locked(str(LOCKED))


def lock_unlocked(assessment: Assessment) -> Assessment:
    """``lock``, then ``refuse_if_locked``: the start of every write that is not the country's
    (a review comment, an override, an evidence review), whose own state checks follow."""
    locked = lock(assessment)
    refuse_if_locked(locked)
    return locked


ANSWERS_FROZEN = _l("This assessment is %(state)s: answers cannot change now.")


def lock_editable(assessment: Assessment, refusal=ANSWERS_FROZEN) -> Assessment:
    """``lock``, refusing with NotEditable (``refusal``, which may name the ``%(state)s``)
    unless the country may still change answers and evidence (``Locked`` when validated)."""
    locked = lock_unlocked(assessment)
    if not workflow.is_editable(locked.state):
        raise NotEditable(str(refusal) % {"state": locked.state})
    return locked


def current_answer(assessment_id: int, qid: str) -> Answer | None:
    """The stored answer to ``qid`` as it is now (read again under the lock)."""
    query = db.select(Answer).filter_by(assessment_id=assessment_id, question_id=qid)
    return db.session.scalars(query.execution_options(populate_existing=True)).first()
