"""The audit log's hash chain: intact after real changes, broken by an edit, a removal or an
insertion made behind the application's back, and sealed by the migration for existing rows."""

import threading

import pytest
from sqlalchemy import text

from mgf_assess.core import audit
from mgf_assess.core.audit import chain
from mgf_assess.extensions import db


def _events(app, count=5):
    with app.app_context():
        for number in range(count):
            audit.record(None, "test.change", "thing", number, old={"n": number}, new={"n": number + 1},
                         reason="ünïcode ✓")
        db.session.commit()


def _verify(runner):
    return runner.invoke(args=["mgf", "audit", "verify"])


def test_an_untouched_log_is_intact(app, runner):
    _events(app)
    result = _verify(runner)
    assert result.exit_code == 0 and "intact: 5 audit events" in result.output


@pytest.mark.parametrize("tamper", [
    "UPDATE audit_events SET reason = 'nothing happened' WHERE id = (SELECT MIN(id) + 2 FROM audit_events)",
    "DELETE FROM audit_events WHERE id = (SELECT MIN(id) + 1 FROM audit_events)",
    "DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events)",
], ids=["edited", "removed", "last removed"])
def test_tampering_behind_the_applications_back_is_found(app, runner, tamper):
    _events(app)
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(text(tamper))
    result = _verify(runner)
    assert result.exit_code == 1 and "broken" in result.output


def test_the_first_broken_event_is_named_with_its_id_and_time(app, runner):
    _events(app)
    with app.app_context():
        third = db.session.scalars(db.select(chain.AuditEvent.id).order_by(chain.AuditEvent.id)).all()[2]
        db.session.rollback()  # SQLite: the session's transaction holds the write lock
        with db.engine.begin() as connection:
            connection.execute(text("UPDATE audit_events SET reason = 'changed' WHERE id = :id"), {"id": third})
    result = _verify(runner)
    assert f"audit event {third} (" in result.output and "2 events before it are intact" in result.output


def test_concurrent_transactions_append_without_forking_the_chain(app, runner):
    def write(worker):
        with app.app_context():
            for number in range(10):
                audit.record(None, "test.parallel", "worker", f"{worker}-{number}")
                db.session.commit()

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = _verify(runner)
    assert result.exit_code == 0 and "intact: 40 audit events" in result.output


def test_the_migration_seals_the_events_that_existed_before_it(empty_database_url, tmp_path):
    from alembic.script import ScriptDirectory
    from flask_migrate import upgrade

    from mgf_assess import create_app
    from mgf_assess.config import REPO_ROOT

    before = ScriptDirectory(str(REPO_ROOT / "migrations")).get_revision("0008").down_revision
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": empty_database_url, "UPLOAD_FOLDER": str(tmp_path)})
    with app.app_context():
        upgrade(revision=before)
        with db.engine.begin() as connection:
            for number in range(3):
                connection.execute(text("INSERT INTO audit_events (at, action, object_type, object_id, new_value) "
                                        "VALUES (:at, 'old.change', 'thing', :n, :new)"),
                                   {"at": f"2026-01-0{number + 1} 10:00:00.000000", "n": str(number),
                                    "new": f'{{"n": {number}}}'})
        upgrade()
        verdict = chain.verify()
        audit.record(None, "new.change", "thing", "after")
        db.session.commit()
        after = chain.verify()
        db.session.remove()
        db.engine.dispose()
    assert verdict.checked == 3 and verdict.broken is None and not verdict.reason
    assert after.checked == 4 and after.broken is None and not after.reason
