"""SQLite: an answer save writes through the view ``answer_saves`` in one statement."""

import pytest
import qfiles
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from mgf_assess.assessments import locking, operations, saving_sqlite
from mgf_assess.database import SQLITE_AUTOCOMMIT, tune_sqlite, utcnow
from mgf_assess.extensions import db
from mgf_assess.questionnaires import operations as qops


@pytest.fixture
def sqlite_app(app):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("PostgreSQL writes a save with a data-modifying WITH statement")
    return app


@pytest.fixture
def assessment_id(sqlite_app, tmp_path):
    qfiles.write(tmp_path / "q", qfiles.definition(status="published"))
    with sqlite_app.app_context():
        qops.load_folder(tmp_path / "q")
        found = operations.create_assessment(None, country="KEN", family="demo", version="1.0", cycle=2026)
        db.session.commit()
        return found.id


def _values(revision=1, author=None):
    return {"status": "answered", "value": "yes", "justification": None, "revision": revision,
            "carried_over": False, "carry_note": None, "updated_by_id": author, "updated_at": utcnow()}


def _event(assessment_id):
    return {"at": utcnow(), "actor_id": None, "action": "answer.save", "object_type": "answer",
            "object_id": f"{assessment_id}:q_one", "country_code": "KEN", "old_value": None,
            "new_value": {"value": "yes"}, "reason": None}


def test_the_tables_come_with_the_view_and_its_trigger(sqlite_app):
    with sqlite_app.app_context():
        assert saving_sqlite.VIEW in inspect(db.engine).get_view_names()
        triggers = db.session.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
        assert f"{saving_sqlite.VIEW}_write" in triggers


def test_a_first_answer_and_an_update_are_written_with_their_event(sqlite_app, assessment_id):
    with sqlite_app.app_context():
        assert saving_sqlite.write(assessment_id, "q_one", None, _values(), _event(assessment_id))[0]
        current = locking.current_answer(assessment_id, "q_one").answer
        assert saving_sqlite.write(assessment_id, "q_one", current, _values(2), _event(assessment_id)) == (True, current.id)
        db.session.commit()
        events = db.session.execute(text("SELECT count(*) FROM audit_events WHERE action = 'answer.save'")).scalar()
        assert (db.session.get(type(current), current.id).revision, events) == (2, 2)


def test_a_constraint_other_than_the_refusals_is_an_error(sqlite_app, assessment_id):
    with sqlite_app.app_context(), pytest.raises(IntegrityError, match="FOREIGN KEY"):
        saving_sqlite.write(assessment_id, "q_one", None, _values(author=10**6), _event(assessment_id))


def test_the_view_is_replaced_when_created_again(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path}/again.sqlite3")
    with engine.begin() as connection:
        db.metadata.create_all(connection)
        saving_sqlite.create(connection)  # as a later migration would
        assert inspect(connection).get_view_names() == [saving_sqlite.VIEW]
    engine.dispose()


def test_autocommit_statements_leave_no_transaction_and_no_lock(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path}/auto.sqlite3")
    tune_sqlite(engine, busy_timeout_ms=100)
    with engine.connect() as connection:
        connection.execution_options(**SQLITE_AUTOCOMMIT)
        connection.execute(text("CREATE TABLE t (n INTEGER)"))
        connection.execute(text("INSERT INTO t VALUES (1)"))
        assert not connection.connection.dbapi_connection.in_transaction
        with engine.begin() as other:  # another writer is not kept waiting
            other.execute(text("INSERT INTO t VALUES (2)"))
        connection.rollback()  # nothing to undo: each statement committed by itself
        assert connection.execute(text("SELECT count(*) FROM t")).scalar() == 2
    engine.dispose()
