"""The password policy (at least 12 characters, zxcvbn score 3 or more, the person's name and
e-mail count as guessable) wherever a password is set: account page, user administration,
``mgf users create``, and the operations invitations and resets will use."""

import time

import pytest
from conftest import PASSWORD, login

from mgf_assess.auth import operations, password_policy
from mgf_assess.auth.models import User
from mgf_assess.auth.passwords import verify_password
from mgf_assess.core.errors import OperationError
from mgf_assess.demo.accounts import DEMO_PASSWORD, DEMO_USERS
from mgf_assess.extensions import db

STRONG = "orbit-harbour-violin-maple"


def _problem(app, password, email="ana.perez@example.org", name="Ana Pérez"):
    with app.test_request_context():
        found = password_policy.problem(password, email=email, name=name)
        return None if found is None else str(found)


def test_the_reported_defect_aaaaaaaaaa_is_refused(app):
    assert "at least 12 characters" in _problem(app, "aaaaaaaaaa")
    assert "Repeated characters" in _problem(app, "aaaaaaaaaaaa")


@pytest.mark.parametrize(("password", "reason"), [
    ("password1234", "commonly used"),
    ("qwertyuiopasdf", "commonly used"),
    ("abcdefghijklmnop", "Sequences"),
    ("19841984198419", "Repeated"),
    ("ana.perez!2026", "your name, your e-mail address"),
    ("Ana Pérez Ana Pérez", "your name, your e-mail address"),
    ("migration-governance", "the name of this application"),
])
def test_guessable_passwords_are_refused_saying_why_and_what_to_do(app, password, reason):
    message = _problem(app, password)
    assert reason in message and "three or four unrelated words" in message


def test_limits_are_explicit(app):
    assert password_policy.MIN_LENGTH == 12 and password_policy.MIN_SCORE == 3
    assert "at most 1000 characters" in _problem(app, "x" * (password_policy.MAX_LENGTH + 1))
    assert "start or end with a space" in _problem(app, f" {STRONG}")
    assert _problem(app, STRONG) is None
    assert _problem(app, "a" * 11) and not _problem(app, "k7#Qm2!vX9@z")


def test_a_long_password_is_judged_by_its_first_72_characters_and_quickly(app):
    started = time.perf_counter()
    assert _problem(app, STRONG + "a" * 900) is None
    assert "Repeated" in _problem(app, "a" * 900 + STRONG)  # the estimator never sees the end
    assert time.perf_counter() - started < 5  # generous: the estimator's work is bounded


def test_messages_are_translated(app):
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        message = str(password_policy.problem("short"))
    assert "caractères" in message


def test_the_demo_password_and_the_tests_password_pass_for_every_demo_account(app):
    for email, name, *_rest in DEMO_USERS:
        assert _problem(app, DEMO_PASSWORD, email, name) is None
        assert _problem(app, PASSWORD, email, name) is None


def test_operations_refuse_a_weak_password_and_store_nothing(app, make_user):
    email = make_user()
    with app.test_request_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        with pytest.raises(OperationError, match="at least 12"):
            operations.set_password(None, user, "aaaaaaaaaa")
        with pytest.raises(OperationError, match="commonly used"):
            operations.create_user(None, email="b@example.org", name="B", role="analyst",
                                   password="password1234")
        db.session.rollback()
        assert verify_password(db.session.get(User, user.id).password_hash, PASSWORD)
        assert db.session.scalar(db.select(User).filter_by(email="b@example.org")) is None


def test_account_page_refuses_a_weak_new_password(app, client, login_as):
    email = login_as()
    response = client.post("/account/password", data={
        "pw-current": PASSWORD, "pw-password": "aaaaaaaaaaaa", "pw-confirm": "aaaaaaaaaaaa"})
    assert response.status_code == 422
    assert "Repeated characters" in response.get_data(as_text=True)
    assert login(app.test_client(), email).status_code == 302  # unchanged


@pytest.mark.parametrize("path", ["/admin/users/new", "edit"])
def test_user_administration_refuses_a_weak_password(app, client, login_as, make_user, path):
    target = make_user(role="analyst", country=None)
    login_as(role="admin", country=None)
    with app.app_context():
        user_id = db.session.scalar(db.select(User.id).filter_by(email=target))
    url = f"/admin/users/{user_id}" if path == "edit" else path
    response = client.post(url, data={"email": "new.one@example.org" if path != "edit" else target,
                                      "name": "New One", "role": "analyst", "password": "aaaaaaaaaaaa"})
    assert response.status_code == 422 and "Repeated characters" in response.get_data(as_text=True)
    assert login(app.test_client(), target).status_code == 302  # the password did not change


def test_cli_refuses_a_weak_password_with_exit_status_2(app, runner):
    result = runner.invoke(args=["mgf", "users", "create", "--email", "weak@example.org", "--name", "W",
                                 "--role", "analyst", "--password", "aaaaaaaaaaaa"])
    assert result.exit_code == 2
    assert "error: password: Repeated characters" in result.output and "unrelated words" in result.output
    with app.app_context():
        assert db.session.scalar(db.select(User).filter_by(email="weak@example.org")) is None


def test_demo_seeding_sets_back_a_changed_demo_password(app, runner, monkeypatch):
    monkeypatch.setattr("mgf_assess.demo.accounts.SEED_STEPS", [])  # the accounts only
    assert runner.invoke(args=["mgf", "demo"]).exit_code == 0
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email="analyst@demo.mgf"))
        operations.set_password(None, user, STRONG)
        db.session.commit()
    assert runner.invoke(args=["mgf", "demo"]).exit_code == 0
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email="analyst@demo.mgf"))
        assert verify_password(user.password_hash, DEMO_PASSWORD)
