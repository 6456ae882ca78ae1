"""The one answer-save path: lock the assessment, compare the revision, write, audit, flush.

These tests change the rows as someone else would (another save of the same question, a first
save, a submission), committed by another connection before the save takes its lock, and
check that the save then refuses and writes nothing. They also check the transaction kinds on
SQLite: work that may write holds the write lock from its first statement; read-only requests
begin deferred transactions that run beside a writer.
"""

import threading

import pytest
import qfiles
from sqlalchemy import update
from sqlalchemy.orm.exc import StaleDataError

from mgf_assess.assessments import locking, operations
from mgf_assess.assessments.errors import AnswerConflict, AnswerProblems, NotEditable
from mgf_assess.assessments.models import Answer, Assessment
from mgf_assess.core.models import AuditEvent
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


def _someone_else(assessment_id, **values):
    """Change the assessment or its answer to q_one in another committed transaction."""
    with db.engine.begin() as other:
        if "state" in values:
            other.execute(update(Assessment).where(Assessment.id == assessment_id).values(**values))
        else:
            other.execute(update(Answer).where(Answer.assessment_id == assessment_id, Answer.question_id == "q_one")
                          .values(**values))


def _read(assessment_id) -> Assessment:
    """The assessment as a request read it before it took the lock (the transaction of that
    read ends, so that another connection may write, as on PostgreSQL)."""
    found = db.session.get(Assessment, assessment_id)
    db.session.commit()
    return found


def _stored(assessment_id, qid="q_one"):
    answer = db.session.scalar(db.select(Answer).filter_by(assessment_id=assessment_id, question_id=qid))
    return None if answer is None else (answer.revision, answer.value)


def _events(action="answer.save"):
    return db.session.scalar(db.select(db.func.count()).select_from(AuditEvent).where(AuditEvent.action == action))


def test_a_save_writes_the_answer_its_audit_event_and_the_last_change(app, assessment_id):
    with app.app_context():
        found = db.session.get(Assessment, assessment_id)
        before = found.updated_at
        saved = operations.save_answer(None, found, "q_one", {"value": "no"}, 1)
        db.session.commit()
        assert (saved.revision, saved.value) == (2, "no") and _stored(assessment_id) == (2, "no")
        event = db.session.scalars(db.select(AuditEvent).filter_by(action="answer.save").order_by(AuditEvent.id.desc())).first()
        assert event.old_value["revision"] == 1 and event.new_value == {"value": "no", "status": "answered",
                                                                        "justification": None, "revision": 2}
        assert db.session.get(Assessment, assessment_id).updated_at >= before


def test_a_save_based_on_an_old_revision_is_a_conflict_and_writes_nothing(app, assessment_id):
    with app.app_context():
        found = _read(assessment_id)
        _someone_else(assessment_id, value="no", revision=2)
        before = _events()
        with pytest.raises(AnswerConflict) as conflict:
            operations.save_answer(None, found, "q_one", {"value": "yes"}, 1)
        assert (conflict.value.current.revision, conflict.value.current.value) == (2, "no")
        db.session.rollback()
        assert _stored(assessment_id) == (2, "no") and _events() == before


def test_a_first_save_of_an_answered_question_is_a_conflict(app, assessment_id):
    with app.app_context():
        found = db.session.get(Assessment, assessment_id)
        with pytest.raises(AnswerConflict):
            operations.save_answer(None, found, "q_one", {"value": "no"}, 0)


def test_a_revision_for_a_never_answered_question_is_a_located_problem(app, assessment_id):
    with app.app_context():
        found = db.session.get(Assessment, assessment_id)
        with pytest.raises(AnswerProblems) as problems:
            operations.save_answer(None, found, "q_two", {"value": "no"}, 3)
        assert problems.value.items[0]["location"] == "base_revision"


def test_a_submission_committed_before_the_save_refuses_it(app, assessment_id):
    with app.app_context():
        found = _read(assessment_id)  # read as editable
        _someone_else(assessment_id, state="submitted")
        with pytest.raises(NotEditable, match="submitted"):
            operations.save_answer(None, found, "q_one", {"value": "no"}, 1)
        db.session.rollback()
        assert _stored(assessment_id) == (1, "yes")


def test_an_update_of_a_row_that_moved_is_refused_by_the_version_counter(app, assessment_id):
    """The revision is SQLAlchemy's version counter: even a write that skipped the checks
    cannot overwrite an answer someone else changed since it was read."""
    with app.app_context():
        answer = db.session.scalar(db.select(Answer).filter_by(assessment_id=assessment_id))
        answers = Answer.__table__  # behind the session's back: its object still says revision 1
        db.session.connection().execute(answers.update().where(answers.c.id == answer.id).values(revision=2))
        answer.value = "no"
        with pytest.raises(StaleDataError):
            db.session.flush()
        db.session.rollback()


def test_saves_of_one_answer_by_two_threads_are_decided_one_after_the_other(app, assessment_id):
    """Both are based on revision 1: one wins, the other gets the conflict, nothing is lost."""
    outcomes = []

    def save(value):
        with app.app_context():
            found = db.session.get(Assessment, assessment_id)
            try:
                operations.save_answer(None, found, "q_one", {"value": value}, 1)
                db.session.commit()
                outcomes.append("saved")
            except AnswerConflict:
                db.session.rollback()
                outcomes.append("conflict")

    threads = [threading.Thread(target=save, args=(value,)) for value in ("no", "yes")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "saved"]
    with app.app_context():
        assert _stored(assessment_id)[0] == 2 and _events() == 2


def test_locking_in_a_read_only_request_is_refused(app, assessment_id):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("PostgreSQL locks rows in any transaction")
    with app.test_request_context("/", method="GET"), app.app_context():
        found = db.session.get(Assessment, assessment_id)
        with pytest.raises(RuntimeError, match="read-only request"):
            locking.lock(found)


def test_read_only_requests_run_beside_a_writer(app, client, assessment_id, login_as):
    """SQLite: a writer holds the write lock; pages and API reads still answer at once, since
    read-only requests begin deferred transactions (only writes take the lock up front)."""
    login_as("admin")
    with app.app_context(), db.engine.connect() as writer:
        transaction = writer.begin()  # outside a request: BEGIN IMMEDIATE on SQLite
        writer.execute(update(Assessment).where(Assessment.id == assessment_id).values(cycle=2027))
        try:
            for path in ("/assessments/", f"/assessments/{assessment_id}", f"/assessments/{assessment_id}/report"):
                assert client.get(path).status_code == 200, path
        finally:
            transaction.rollback()
