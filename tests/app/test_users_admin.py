"""User administration screens, the audit rows they write, and the audit log's immutability."""

import pytest

from mgf_assess.auth.models import User
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db


def _events(app, action):
    with app.app_context():
        return db.session.scalars(db.select(AuditEvent).filter_by(action=action)).all()


def _user(app, email):
    with app.app_context():
        return db.session.scalar(db.select(User).filter_by(email=email))


def test_admin_creates_user_and_it_is_audited(app, client, login_as):
    login_as(role="admin", country=None)
    response = client.post("/admin/users/new", data={
        "email": "new.person@example.org", "name": "New Person", "role": "contributor",
        "country": "KEN", "language": "fr", "password": "long-enough-pw"})
    assert response.status_code == 302
    user = _user(app, "new.person@example.org")
    assert (user.role, user.country_code, user.language) == ("contributor", "KEN", "fr")
    [event] = [e for e in _events(app, "user.create") if e.object_id == str(user.id)]
    assert event.new_value["email"] == "new.person@example.org" and event.actor_id is not None
    assert event.at.tzinfo is not None


def test_create_user_reports_every_problem_and_stores_nothing(app, client, login_as):
    login_as(role="admin", country=None)
    response = client.post("/admin/users/new", data={
        "email": "bad", "name": "", "role": "focal_point", "country": "", "password": "short"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    for message in ("valid e-mail", "name", "must belong to a country", "at least 12"):
        assert message in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(User.id))) == 1


def test_duplicate_email_is_refused(app, client, login_as, make_user):
    make_user(email="taken@example.org")
    login_as(role="admin", country=None)
    response = client.post("/admin/users/new", data={
        "email": "taken@example.org", "name": "X", "role": "analyst", "password": "long-enough-pw"})
    assert response.status_code == 422 and "already uses" in response.get_data(as_text=True)


def test_deactivate_and_reactivate_are_audited(app, client, login_as, make_user):
    target = make_user()
    login_as(role="admin", country=None)
    user_id = _user(app, target).id
    client.post(f"/admin/users/{user_id}/active", data={"reason": "left the ministry"})
    assert _user(app, target).active is False
    client.post(f"/admin/users/{user_id}/active", data={"reason": ""})
    assert _user(app, target).active is True
    [off] = _events(app, "user.deactivate")
    assert off.reason == "left the ministry" and off.old_value == {"active": True}
    assert len(_events(app, "user.activate")) == 1


def test_admin_cannot_deactivate_self(app, client, login_as):
    email = login_as(role="admin", country=None)
    client.post(f"/admin/users/{_user(app, email).id}/active", data={})
    assert _user(app, email).active is True


def test_assign_evaluator_countries(app, client, login_as, make_user):
    evaluator = make_user(role="evaluator", country=None)
    login_as(role="admin", country=None)
    user_id = _user(app, evaluator).id
    client.post(f"/admin/users/{user_id}/countries", data={"countries": ["KEN", "MEX"]})
    with app.app_context():
        user = db.session.get(User, user_id)
        assert [c.code for c in user.evaluated_countries] == ["KEN", "MEX"]
    [event] = _events(app, "user.evaluator_countries")
    assert event.new_value == ["KEN", "MEX"] and event.old_value == []


def test_edit_user_changes_role_and_is_audited(app, client, login_as, make_user):
    target = make_user(role="contributor")
    login_as(role="admin", country=None)
    user_id = _user(app, target).id
    response = client.post(f"/admin/users/{user_id}", data={
        "email": target, "name": "Renamed", "role": "focal_point", "country": "KEN", "language": ""})
    assert response.status_code == 302
    assert _user(app, target).role == "focal_point"
    [event] = _events(app, "user.update")
    assert event.old_value["role"] == "contributor" and event.new_value["role"] == "focal_point"


def test_audit_events_are_append_only(app, make_user):
    make_user()
    with app.app_context():
        event = db.session.scalar(db.select(AuditEvent))
        event.reason = "tampered"
        with pytest.raises(PermissionError):
            db.session.flush()
        db.session.rollback()
        db.session.delete(db.session.scalar(db.select(AuditEvent)))
        with pytest.raises(PermissionError):
            db.session.flush()
        db.session.rollback()


def test_audit_written_in_same_transaction(app):
    """A change that is rolled back leaves no audit row behind."""
    from mgf_assess.auth import operations

    with app.app_context():
        operations.create_user(None, email="tx@example.org", name="T", role="analyst", password="long-enough-pw")
        db.session.rollback()
        assert db.session.scalar(db.select(db.func.count(AuditEvent.id))) == 0
