"""Answer saves read without a lock, then write only if nothing moved since the read.

The API reads the assessment and the current answer in one statement (``load_for_answer``) and
writes conditionally; these tests change the rows between the read and the write, as someone
else would: another save of the same question, another first save, a submission, in the same
transaction or committed by another connection. The writes are one all-or-nothing statement
(``saving_batch``: a data-modifying WITH on PostgreSQL, an insert into a view with a trigger on
SQLite). The API reads and writes outside a transaction block, as ``_read_outside_a_transaction``
does: each statement commits by itself.
"""

import pytest
import qfiles
from sqlalchemy import update

from mgf_assess.assessments import locking, operations
from mgf_assess.assessments.errors import AnswerConflict, NotEditable
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.core.models import AuditEvent
from mgf_assess.database import SQLITE_AUTOCOMMIT
from mgf_assess.extensions import db
from mgf_assess.questionnaires import operations as qops


@pytest.fixture
def assessment_id(app, tmp_path):
    folder = tmp_path / "q"
    qfiles.write(folder, qfiles.definition(status="published"))
    with app.app_context():
        qops.load_folder(folder)
        found = operations.create_assessment(None, country="KEN", family="demo", version="1.0", cycle=2026)
        operations.save_answer(None, found, "q_one", {"value": "yes"}, 0)
        db.session.commit()
        return found.id


def _read(assessment_id, qid="q_one"):
    db.session.rollback()
    return locking.load_for_answer(assessment_id, qid)


def _someone_else_saves(assessment_id, qid, value, base_revision, connection=None):
    """Change the answer behind the session's back (in its transaction unless told otherwise)."""
    connection = connection or db.session.connection()
    if base_revision:
        connection.execute(update(Answer).where(Answer.assessment_id == assessment_id, Answer.question_id == qid)
                           .values(value=value, revision=base_revision + 1))
    else:
        connection.execute(Answer.__table__.insert().values(
            assessment_id=assessment_id, question_id=qid, value=value, status="answered", revision=1))


def _events():
    return db.session.scalar(db.select(db.func.count()).select_from(AuditEvent).where(AuditEvent.action == "answer.save"))


def test_a_save_reads_once_and_writes(app, assessment_id):
    with app.app_context():
        found, current = _read(assessment_id)
        saved = operations.save_answer_noting_evidence(None, found, "q_one", {"value": "no"}, 1, current)
        db.session.commit()
        assert (saved.answer.revision, saved.answer.value, saved.has_evidence) == (2, "no", False)
        stored = db.session.scalar(db.select(Answer).filter_by(assessment_id=assessment_id, question_id="q_one"))
        assert (stored.revision, stored.value) == (2, "no")
        assert db.session.get(Assessment, assessment_id).updated_at == saved.answer.updated_at
        assert _events() == 2


def test_an_answer_saved_since_the_read_is_a_conflict_and_nothing_is_written(app, assessment_id):
    with app.app_context():
        found, current = _read(assessment_id)
        before = _events()
        _someone_else_saves(assessment_id, "q_one", "no", base_revision=1)
        with pytest.raises(AnswerConflict) as conflict:
            operations.save_answer_noting_evidence(None, found, "q_one", {"value": "yes"}, 1, current)
        assert (conflict.value.current.revision, conflict.value.current.value) == (2, "no")
        db.session.rollback()
        assert _events() == before


def test_a_first_answer_saved_since_the_read_is_a_conflict(app, assessment_id):
    with app.app_context():
        found, current = _read(assessment_id, "q_two")
        assert current.answer is None
        _someone_else_saves(assessment_id, "q_two", "no", base_revision=0)
        with pytest.raises(AnswerConflict) as conflict:
            operations.save_answer_noting_evidence(None, found, "q_two", {"value": "yes"}, 0, current)
        assert (conflict.value.current.revision, conflict.value.current.value) == (1, "no")
        # the refused insert was undone by its savepoint: the transaction goes on
        assert db.session.scalar(db.select(db.func.count()).select_from(Answer)
                                 .filter_by(assessment_id=assessment_id, question_id="q_two")) == 1


def test_a_submission_since_the_read_refuses_the_save(app, assessment_id):
    with app.app_context():
        found, current = _read(assessment_id)
        before = _events()
        db.session.connection().execute(update(Assessment).where(Assessment.id == assessment_id)
                                        .values(state="submitted"))
        with pytest.raises(NotEditable, match="changed state"):
            operations.save_answer_noting_evidence(None, found, "q_one", {"value": "no"}, 1, current)
        db.session.rollback()
        stored = db.session.scalar(db.select(Answer).filter_by(assessment_id=assessment_id, question_id="q_one"))
        assert (stored.revision, stored.value) == (1, "yes")
        assert _events() == before


def test_the_version_is_read_with_the_assessment(app, assessment_id):
    with app.app_context():
        found, _current = _read(assessment_id)
        statements = []
        db.event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        assert found.questionnaire.content_hash  # no lazy load: read by the same statement
        assert statements == []


def test_a_save_committed_by_another_request_since_the_read_wins(app, assessment_id):
    with app.app_context():
        found, current = _read_outside_a_transaction(assessment_id)
        before = _events()
        with db.engine.begin() as other:
            _someone_else_saves(assessment_id, "q_one", "no", base_revision=1, connection=other)
        with pytest.raises(AnswerConflict) as conflict:
            operations.save_answer_noting_evidence(None, found, "q_one", {"value": "yes"}, 1, current)
        assert (conflict.value.current.revision, conflict.value.current.value) == (2, "no")
        db.session.rollback()
        stored = db.session.scalar(db.select(Answer).filter_by(assessment_id=assessment_id, question_id="q_one"))
        assert (stored.revision, stored.value) == (2, "no")
        assert _events() == before


def _read_outside_a_transaction(assessment_id, qid="q_one"):
    """As the API reads (``api.blueprint.statements_commit_themselves``)."""
    db.session.rollback()
    postgresql = db.engine.dialect.name == "postgresql"
    db.session.connection(execution_options={"isolation_level": "AUTOCOMMIT"} if postgresql else SQLITE_AUTOCOMMIT)
    return locking.load_for_answer(assessment_id, qid)


def _committed_state(assessment_id, qid="q_one"):
    """What other connections see: the answer, the assessment's last change, the save events."""
    with db.engine.connect() as other:
        other.execution_options(**SQLITE_AUTOCOMMIT)  # SQLite: reads while a writer holds the lock
        answer = other.execute(db.select(Answer.revision, Answer.value)
                               .filter_by(assessment_id=assessment_id, question_id=qid)).first()
        updated = other.execute(db.select(Assessment.updated_at).filter_by(id=assessment_id)).scalar()
        events = other.execute(db.select(db.func.count()).select_from(AuditEvent)
                               .where(AuditEvent.action == "answer.save")).scalar()
    return tuple(answer) if answer else None, updated, events


@pytest.mark.parametrize("move", ["answer", "state"])
def test_outside_a_transaction_a_save_refused_after_a_commit_elsewhere_writes_nothing(app, assessment_id, move):
    """The single write statement is all-or-nothing by itself: nothing to roll back."""
    with app.app_context():
        found, current = _read_outside_a_transaction(assessment_id)
        with db.engine.begin() as other:
            if move == "answer":
                _someone_else_saves(assessment_id, "q_one", "no", base_revision=1, connection=other)
            else:
                other.execute(update(Assessment).where(Assessment.id == assessment_id).values(state="submitted"))
        before = _committed_state(assessment_id)
        with pytest.raises(AnswerConflict if move == "answer" else NotEditable):
            operations.save_answer_noting_evidence(None, found, "q_one", {"value": "yes"}, 1, current)
        assert _committed_state(assessment_id) == before


def test_outside_a_transaction_a_save_is_written_at_once(app, assessment_id):
    with app.app_context():
        found, current = _read_outside_a_transaction(assessment_id)
        _, _, events = _committed_state(assessment_id)
        saved = operations.save_answer_noting_evidence(None, found, "q_two", {"value": "no"}, 0,
                                                       locking.current_answer(assessment_id, "q_two"))
        answer, updated, after = _committed_state(assessment_id, "q_two")  # no commit: already there
        assert answer == (1, "no") and updated == saved.answer.updated_at and after == events + 1
        assert db.session.get(Answer, saved.answer.id) is saved.answer  # in the session, no query
