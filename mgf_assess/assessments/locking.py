"""Row locks on assessments, and the reads that take them.

A change to an assessment's state happens under a lock on the assessment row (``SELECT … FOR
UPDATE`` on PostgreSQL; SQLite's write transactions take the database lock at ``BEGIN
IMMEDIATE``, and a single write statement holds it while it runs), and so does every answer
save, either with ``lock`` before it reads or with its one write statement (see
``load_for_answer``): a save and a submission can never interleave. A transaction
locks a row once: the lock lasts until it ends.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import and_, bindparam
from sqlalchemy.orm import load_only
from sqlalchemy.orm.attributes import set_committed_value

from mgf_assess.assessments.models import Answer, Assessment, Evidence
from mgf_assess.extensions import db
from mgf_assess.questionnaires.models import QuestionnaireVersion

_LOCKED = "mgf_locked_assessments"  # session.info key: (root transaction, ids locked in it)

# Statements built once (statements are immutable; only the parameters change): rebuilding
# them on each save costs more than running them. The version is read for its definition,
# which needs only its content hash (a cached definition is found by it); the rest of the row,
# large ``source`` included, is only read when first used.
_VERSION_COLUMNS = load_only(QuestionnaireVersion.id, QuestionnaireVersion.content_hash)
_EVIDENCE_EXISTS = db.select(Evidence.id).where(Evidence.assessment_id == bindparam("id"),
                                                Evidence.question_id == bindparam("qid")).exists()
# The assessment's columns an answer save reads (the others load when first used).
_ASSESSMENT_COLUMNS = load_only(Assessment.id, Assessment.country_code, Assessment.questionnaire_version_id,
                                Assessment.state, Assessment.updated_at)
_HAS_EVIDENCE = _EVIDENCE_EXISTS.label("has_evidence")
_WITH_ANSWER = (db.select(Assessment, QuestionnaireVersion, Answer, _HAS_EVIDENCE)
                .join(QuestionnaireVersion, Assessment.questionnaire_version_id == QuestionnaireVersion.id)
                .outerjoin(Answer, and_(Answer.assessment_id == Assessment.id, Answer.question_id == bindparam("qid")))
                .where(Assessment.id == bindparam("id")).options(_ASSESSMENT_COLUMNS, _VERSION_COLUMNS))


def with_answer_read(query):
    """``query`` with what ``load_for_answer`` reads added to each of its rows, by outer joins
    (none found: None): the assessment ``:id``, its questionnaire version, the current answer
    to ``:qid`` and whether it has evidence. Read them with ``answer_read_of``."""
    return (query.add_columns(Assessment, QuestionnaireVersion, Answer, _HAS_EVIDENCE)
            .outerjoin(Assessment, Assessment.id == bindparam("id"))
            .outerjoin(QuestionnaireVersion, Assessment.questionnaire_version_id == QuestionnaireVersion.id)
            .outerjoin(Answer, and_(Answer.assessment_id == Assessment.id, Answer.question_id == bindparam("qid")))
            .options(_ASSESSMENT_COLUMNS, _VERSION_COLUMNS))


# Read again after a conflict: the stale object in the session gets the current values.
_ANSWER_AND_EVIDENCE_FLAG = (db.select(Answer, _EVIDENCE_EXISTS)
                             .where(Answer.assessment_id == bindparam("id"), Answer.question_id == bindparam("qid"))
                             .execution_options(populate_existing=True))


class CurrentAnswer(NamedTuple):
    """A question's stored answer (None: never answered) and whether it has evidence."""

    answer: Answer | None
    has_evidence: bool | None  # None: not known


def lock(assessment: Assessment) -> Assessment:
    """Reload the assessment with a row lock, unless this transaction locked it already."""
    if _locked_in_this_transaction(assessment.id):
        return assessment
    query = db.select(Assessment).filter_by(id=assessment.id).with_for_update()
    locked = db.session.execute(query.execution_options(populate_existing=True)).scalar_one()
    _note_locked(locked.id)
    return locked


def load_for_answer(assessment_id: int, qid: str) -> tuple[Assessment, CurrentAnswer] | None:
    """The assessment with its questionnaire version, the current answer to ``qid`` and whether
    it has evidence, in one statement: what an answer save needs, in one round trip.

    Nothing is locked: ``saving.save_answer_noting_evidence`` writes, in one statement, only if
    neither the answer's revision nor the assessment's state has moved since this read; that
    statement takes the assessment's lock, so saves of one assessment wait for each other only
    while it runs (and, inside a transaction, until the commit).
    """
    return answer_read_of(db.session.execute(_WITH_ANSWER, {"id": assessment_id, "qid": qid}).first())


def answer_read_of(row) -> tuple[Assessment, CurrentAnswer] | None:
    """The assessment and its current answer from a row read by ``load_for_answer`` or a
    ``with_answer_read`` statement; None when there is no such assessment."""
    if row is None or row.Assessment is None:
        return None
    # The version was read with it: no lazy load, no second query.
    set_committed_value(row.Assessment, "questionnaire", row.QuestionnaireVersion)
    return row.Assessment, CurrentAnswer(row.Answer, bool(row.has_evidence))


def current_answer(assessment_id: int, qid: str) -> CurrentAnswer:
    """The stored answer to ``qid`` and whether it has evidence, in one statement (no answer
    row: evidence not known)."""
    row = db.session.execute(_ANSWER_AND_EVIDENCE_FLAG, {"id": assessment_id, "qid": qid}).first()
    return CurrentAnswer(None, None) if row is None else CurrentAnswer(row[0], bool(row[1]))


def _locked_in_this_transaction(assessment_id: int) -> bool:
    transaction, ids = db.session.info.get(_LOCKED, (None, ()))
    # Held by reference, so a later transaction can never be mistaken for this one.
    return transaction is not None and transaction is db.session().get_transaction() and assessment_id in ids


def _note_locked(assessment_id: int) -> None:
    transaction = db.session().get_transaction()
    held, ids = db.session.info.get(_LOCKED, (None, set()))
    if held is not transaction:
        ids = set()
    ids.add(assessment_id)
    db.session.info[_LOCKED] = (transaction, ids)
