"""Browser sessions kept in the database: signing out ends a session for good (a copied cookie
included), idle and absolute timeouts, the list of sessions, signing one of them out, and the
events that end every session of a user."""

from datetime import timedelta

import pytest
from conftest import PASSWORD, login

from mgf_assess.auth import operations
from mgf_assess.auth.models import ApiToken, User, UserSession
from mgf_assess.auth.sessions import lifetime
from mgf_assess.auth.sessions.clients import describe
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db

FIREFOX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
EDGE = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0")


def _records(app, email=None) -> list[UserSession]:
    with app.app_context():
        query = db.select(UserSession).order_by(UserSession.id)
        if email:
            query = query.join(User).where(User.email == email)
        return list(db.session.scalars(query))


def _signed_in(client) -> bool:
    return client.get("/account").status_code == 200


def _copy(app, client):
    """A second client carrying a copy of the first one's session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value, domain="localhost")
    return thief


def _shift(app, record_id, **deltas):
    """Move a session back in time: subtract each delta from the named timestamp."""
    with app.app_context():
        record = db.session.get(UserSession, record_id)
        for column, delta in deltas.items():
            setattr(record, column, getattr(record, column) - delta)
        db.session.commit()


def test_signing_out_ends_the_session_for_a_copied_cookie_too(app, client, login_as):
    """The reported defect: after a plain sign-out, a copy of the session cookie still worked."""
    login_as()
    thief = _copy(app, client)
    assert _signed_in(thief)
    client.post("/logout")
    assert not _signed_in(client) and not _signed_in(thief)
    assert _records(app) == []


def test_a_sign_in_creates_a_session_record_holding_only_a_digest_of_its_key(app, client, make_user):
    email = make_user()
    client.post("/login", data={"email": email, "password": PASSWORD}, headers={"User-Agent": FIREFOX},
                environ_base={"REMOTE_ADDR": "192.0.2.7"})
    [record] = _records(app)
    cookie = client.get_cookie("session").value
    assert len(record.digest) == 64 and record.digest not in cookie
    assert (record.user_agent, record.address) == (FIREFOX, "192.0.2.7")
    assert record.expires_at - record.created_at == timedelta(hours=12)
    with app.app_context():
        event = db.session.scalar(db.select(AuditEvent).filter_by(action="user.sign_in"))
        assert event.new_value == {"session": record.id, "address": "192.0.2.7", "second_factor": None}


def test_an_idle_session_ends_and_says_why(app, client, login_as):
    login_as()
    [record] = _records(app)
    _shift(app, record.id, last_seen_at=timedelta(minutes=119))
    assert _signed_in(client)  # 119 minutes idle: still on, and seen again now
    _shift(app, record.id, last_seen_at=timedelta(minutes=120))
    response = client.get("/account", follow_redirects=True)
    assert "ended after 120 minutes without activity" in response.get_data(as_text=True)
    assert _records(app) == []


def test_a_session_ends_at_its_absolute_deadline_however_active(app, client, login_as):
    login_as()
    [record] = _records(app)
    _shift(app, record.id, created_at=timedelta(hours=11, minutes=59), expires_at=timedelta(hours=11, minutes=59))
    assert _signed_in(client)
    _shift(app, record.id, created_at=timedelta(minutes=1), expires_at=timedelta(minutes=1))
    response = client.get("/account", follow_redirects=True)
    assert "maximum length of 12 hours" in response.get_data(as_text=True)
    assert not _signed_in(client)


def test_the_limits_come_from_the_configuration(app, client, login_as):
    app.config.update(SESSION_IDLE_MINUTES=5, SESSION_MAX_HOURS=1)
    login_as()
    [record] = _records(app)
    assert record.expires_at - record.created_at == timedelta(hours=1)
    _shift(app, record.id, last_seen_at=timedelta(minutes=5))
    assert not _signed_in(client)


def test_shortening_the_maximum_applies_to_running_sessions(app, client, login_as):
    login_as()
    [record] = _records(app)
    _shift(app, record.id, created_at=timedelta(hours=2))
    assert _signed_in(client)
    app.config["SESSION_MAX_HOURS"] = 2
    assert not _signed_in(client)


def test_last_use_is_written_at_most_once_a_minute(app, client, login_as):
    login_as()
    [record] = _records(app)
    _shift(app, record.id, last_seen_at=timedelta(seconds=30))
    client.get("/account")
    assert _records(app)[0].last_seen_at == record.last_seen_at - timedelta(seconds=30)
    _shift(app, record.id, last_seen_at=timedelta(seconds=31))  # now 61 s ago
    client.get("/account")
    assert _records(app)[0].last_seen_at > record.last_seen_at - timedelta(seconds=1)
    assert lifetime.TOUCH_INTERVAL == timedelta(minutes=1)


def test_expired_records_are_purged_at_the_next_sign_in(app, make_user):
    first, second = make_user(), make_user()
    login(app.test_client(), first)
    [stale] = _records(app)
    _shift(app, stale.id, last_seen_at=timedelta(hours=3))
    login(app.test_client(), second)
    assert [r.user_id for r in _records(app)] == [stale.user_id + 1]  # only the second user's


def test_the_account_page_lists_the_sessions(app, make_user):
    email = make_user()
    here, there = app.test_client(), app.test_client()
    here.post("/login", data={"email": email, "password": PASSWORD}, headers={"User-Agent": FIREFOX})
    there.post("/login", data={"email": email, "password": PASSWORD}, headers={"User-Agent": EDGE},
               environ_base={"REMOTE_ADDR": "198.51.100.4"})
    page = here.get("/account").get_data(as_text=True)
    table = page.split('id="session-list"')[1].split("</table>")[0]
    assert "Firefox on Linux" in table and "Edge on Windows" in table and "198.51.100.4" in table
    assert table.count(">this session<") == 1 and table.count("Sign out this session") == 2


def test_signing_out_another_session_leaves_this_one(app, make_user):
    email = make_user()
    here, there = app.test_client(), app.test_client()
    login(here, email), login(there, email)
    other = _records(app)[1]
    response = here.post(f"/account/sessions/{other.id}/end")
    assert response.status_code == 302 and response.headers["Location"].endswith("/account")
    assert _signed_in(here) and not _signed_in(there)
    with app.app_context():
        event = db.session.scalar(db.select(AuditEvent).filter_by(action="user.sign_out"))
        assert event.old_value["session"] == other.id


def test_signing_out_this_session_from_the_list_signs_out(app, client, login_as):
    login_as()
    [record] = _records(app)
    response = client.post(f"/account/sessions/{record.id}/end")
    assert response.headers["Location"].endswith("/login") and not _signed_in(client)


def test_another_users_session_is_not_found(app, client, make_user, login_as):
    victim = make_user()
    login(app.test_client(), victim)
    [theirs] = _records(app, victim)
    login_as()
    assert client.post(f"/account/sessions/{theirs.id}/end").status_code == 404
    assert client.post("/account/sessions/999999/end").status_code == 404
    assert len(_records(app, victim)) == 1


def test_sign_out_everywhere_deletes_every_record(app, make_user):
    email = make_user()
    clients = [app.test_client() for _ in range(3)]
    for each in clients:
        login(each, email)
    clients[0].post("/logout-everywhere")
    assert _records(app) == [] and not any(_signed_in(each) for each in clients)


def test_a_password_change_keeps_this_session_only(app, make_user):
    email = make_user()
    here, there = app.test_client(), app.test_client()
    login(here, email), login(there, email)
    thief = _copy(app, there)
    here.post("/account/password", data={"pw-current": PASSWORD, "pw-password": "orbit-harbour-violin-maple",
                                         "pw-confirm": "orbit-harbour-violin-maple"})
    assert _signed_in(here) and not _signed_in(there) and not _signed_in(thief)
    assert len(_records(app)) == 1


@pytest.mark.parametrize("change", ["deactivate", "admin_password"])
def test_deactivation_and_a_password_set_by_an_admin_end_every_session(app, client, make_user, change):
    email = make_user()
    login(client, email)
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        if change == "deactivate":
            operations.set_active(None, user, False)
        else:
            operations.set_password(None, user, "orbit-harbour-violin-maple")
        db.session.commit()
    assert not _signed_in(client) and _records(app) == []


def test_an_old_style_session_identity_is_not_found(app, client, make_user):
    email = make_user()
    with app.app_context():
        user_id = db.session.scalar(db.select(User.id).filter_by(email=email))
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"] = f"{user_id}:old-session-token", True
    assert not _signed_in(client)


def test_token_calls_create_no_session(app, client, make_user):
    email = make_user(role="analyst", country=None)
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        _token, plaintext = operations.create_token(None, user, "script")
        db.session.commit()
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {plaintext}"})
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert _records(app) == []
    with app.app_context():
        assert db.session.scalar(db.select(ApiToken.last_used_at)) is not None


@pytest.mark.parametrize(("agent", "expected"), [
    (FIREFOX, ("Firefox", "Linux")),
    (EDGE, ("Edge", "Windows")),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
     "Version/17.0 Mobile/15E148 Safari/604.1", ("Safari", "iOS")),
    ("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile "
     "Safari/537.36", ("Chrome", "Android")),
    ("curl/8.5.0", (None, None)),
    (None, (None, None)),
])
def test_clients_are_named(agent, expected):
    assert tuple(describe(agent)) == expected


@pytest.mark.parametrize(("name", "value"), [("SESSION_IDLE_MINUTES", 0), ("SESSION_MAX_HOURS", -1),
                                             ("SESSION_IDLE_MINUTES", "60"), ("SESSION_MAX_HOURS", True)])
def test_session_limits_must_be_positive_whole_numbers(tmp_path, name, value):
    from mgf_assess import create_app

    with pytest.raises(ValueError, match=f"{name} must be a whole number of at least 1"):
        create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://", name: value,
                    "UPLOAD_FOLDER": str(tmp_path)})


def test_session_limits_come_from_the_environment(monkeypatch, tmp_path):
    from mgf_assess.config import from_environment

    assert (from_environment(str(tmp_path))["SESSION_IDLE_MINUTES"],
            from_environment(str(tmp_path))["SESSION_MAX_HOURS"]) == (120, 12)
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "30")
    assert from_environment(str(tmp_path))["SESSION_IDLE_MINUTES"] == 30
    monkeypatch.setenv("SESSION_MAX_HOURS", "half a day")
    with pytest.raises(ValueError, match="SESSION_MAX_HOURS='half a day' is not a whole number"):
        from_environment(str(tmp_path))
