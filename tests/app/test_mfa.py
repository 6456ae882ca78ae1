"""Two-step verification: setting it up, signing in with a code, wrong and replayed codes,
recovery codes, throttling, turning it off, an administrator's reset, the command line."""

import re
import time

import pytest
from conftest import PASSWORD, login
from mfa_support import SECRET, code, enrol, sign_in_with_code, user_of
from sqlalchemy.orm.attributes import set_committed_value

from mgf_assess.auth.mfa import enrolment, pending, recovery, totp
from mgf_assess.auth.models import RecoveryCode, User, UserSession
from mgf_assess.core.models import AuditEvent
from mgf_assess.database import utcnow
from mgf_assess.demo.accounts import DEMO_PASSWORD, DEMO_TOTP_SECRET
from mgf_assess.extensions import db

WRONG = "That code is wrong or was already used"


def _events(app, action):
    with app.app_context():
        return list(db.session.scalars(db.select(AuditEvent).filter_by(action=action)))


def _count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def _signed_in(client) -> bool:
    return client.get("/account").status_code == 200


def _setup_page(client) -> tuple[str, str]:
    """Open the set-up page; return its secret and its signed set-up field."""
    return _setup_page_of(client.get("/account/mfa").get_data(as_text=True))


def _setup_page_of(page: str) -> tuple[str, str]:
    secret = re.search(r'id="mfa-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    sealed = re.search(r'name="setup" type="hidden" value="([^"]+)"', page).group(1)
    return secret, sealed


def _wrong(secret=SECRET) -> str:
    """A code that none of the accepted time steps has."""
    accepted = {code(secret, steps) for steps in (-1, 0, 1)}
    return next(candidate for candidate in ("123456", "654321", "111111", "222222") if candidate not in accepted)


# ---- setting it up -------------------------------------------------------------------------

def test_setting_it_up_shows_a_qr_code_and_the_key_and_needs_a_right_code(app, client, login_as):
    email = login_as()
    page = client.get("/account/mfa").get_data(as_text=True)
    assert 'src="data:image/svg+xml' in page and 'id="mfa-secret"' in page
    secret, sealed = _setup_page(client)
    wrong = client.post("/account/mfa", data={"setup": sealed, "code": _wrong(secret)})
    assert wrong.status_code == 422 and "That code is not right" in wrong.get_data(as_text=True)
    assert _setup_page_of(wrong.get_data(as_text=True))[0] == secret  # the same key again
    done = client.post("/account/mfa", data={"setup": sealed, "code": code(secret)})
    codes = re.findall(r"<li><code>([a-z2-7-]{19})</code></li>", done.get_data(as_text=True))
    assert done.status_code == 200 and len(codes) == len(set(codes)) == recovery.COUNT
    user = user_of(app, email)
    assert user.mfa_enabled and user.totp_secret == secret and user.totp_last_step is not None
    assert _count(app, RecoveryCode) == 10
    with app.app_context():
        assert set(db.session.scalars(db.select(RecoveryCode.digest))) == {recovery.digest(c) for c in codes}
    [event] = _events(app, "user.mfa_enable")
    assert event.new_value == {"recovery_codes": 10} and event.actor_id == user.id
    assert client.get("/account/mfa").headers["Location"].endswith("/account")  # already on


def test_the_code_that_turned_it_on_cannot_sign_in(app, client, login_as):
    email = login_as()
    secret, sealed = _setup_page(client)
    used = code(secret)
    client.post("/account/mfa", data={"setup": sealed, "code": used})
    response = sign_in_with_code(app.test_client(), email, used)
    assert response.status_code == 422 and WRONG in response.get_data(as_text=True)


def test_a_forged_expired_or_other_users_set_up_is_refused(app, client, login_as, make_user, monkeypatch):
    login_as()
    secret, sealed = _setup_page(client)
    for forged in ("", sealed[:-2] + "xx"):
        response = client.post("/account/mfa", data={"setup": forged, "code": code(secret)})
        assert response.status_code == 302 and response.headers["Location"].endswith("/account/mfa")
    other = app.test_client()
    login(other, make_user())
    assert other.post("/account/mfa", data={"setup": sealed, "code": code(secret)}).status_code == 302
    monkeypatch.setattr(enrolment, "MAX_AGE_SECONDS", -1)
    assert client.post("/account/mfa", data={"setup": sealed, "code": code(secret)}).status_code == 302
    assert _count(app, RecoveryCode) == 0 and "expired" in client.get("/account/mfa").get_data(as_text=True)


# ---- signing in --------------------------------------------------------------------------

def test_the_password_alone_signs_nobody_in(app, client, make_user):
    email = make_user()
    enrol(app, email)
    response = login(client, email)
    assert response.status_code == 302 and "/login/code" in response.headers["Location"]
    assert not _signed_in(client) and client.get("/").status_code == 302
    assert _count(app, UserSession) == 0 and _events(app, "user.sign_in") == []
    assert "authenticator app" in client.get("/login/code").get_data(as_text=True)


def test_signing_in_with_a_code(app, client, make_user):
    email = make_user()
    enrol(app, email)
    response = client.post("/login?next=/account", data={"email": email, "password": PASSWORD})
    assert response.headers["Location"].endswith("/login/code?next=/account")
    response = client.post("/login/code?next=/account", data={"code": code()[:3] + " " + code()[3:]})
    assert response.status_code == 302 and response.headers["Location"].endswith("/account")
    assert _signed_in(client)
    [event] = _events(app, "user.sign_in")
    assert event.new_value["second_factor"] == "totp"


def test_codes_of_the_neighbouring_time_steps_are_accepted(app, make_user):
    email = make_user()
    enrol(app, email)
    assert sign_in_with_code(app.test_client(), email, code(steps=-1)).status_code == 302
    assert sign_in_with_code(app.test_client(), email, code(steps=1)).status_code == 302
    assert sign_in_with_code(app.test_client(), email, code(steps=3)).status_code == 422


def test_a_wrong_code_is_refused(app, client, make_user):
    email = make_user()
    enrol(app, email)
    wrong = _wrong()
    response = sign_in_with_code(client, email, wrong)
    assert response.status_code == 422 and WRONG in response.get_data(as_text=True)
    assert not _signed_in(client)
    assert sign_in_with_code(client, email, "not a code").status_code == 422


def test_a_code_cannot_be_replayed(app, make_user):
    """A code that signed in once is refused afterwards, and so is any earlier one."""
    email = make_user()
    enrol(app, email)
    moment = utcnow()  # the step of the code used (the clock may pass into the next one meanwhile)
    used = code()
    assert sign_in_with_code(app.test_client(), email, used).status_code == 302
    assert sign_in_with_code(app.test_client(), email, used).status_code == 422
    assert sign_in_with_code(app.test_client(), email, code(steps=-1)).status_code == 422
    assert user_of(app, email).totp_last_step >= totp.step_at(moment)


def test_the_same_code_twice_at_once_is_accepted_once(app, make_user):
    """The step is remembered by a conditional UPDATE: the second of two checks of one code fails
    even when both read the user before either wrote."""
    from mgf_assess.auth.mfa import operations

    email = make_user()
    enrol(app, email)
    used = code()
    with app.test_request_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        assert operations.check_code(user, used, "192.0.2.1") == "totp"
        set_committed_value(user, "totp_last_step", None)  # as read before the first check wrote
        assert operations.check_code(user, used, "192.0.2.1") is None


def test_a_recovery_code_works_once(app, make_user):
    email = make_user()
    codes = enrol(app, email)
    client = app.test_client()
    response = sign_in_with_code(client, email, codes[0].upper().replace("-", " "), follow_redirects=True)
    assert "recovery code" in response.get_data(as_text=True) and "Recovery codes left: 9." in response.get_data(as_text=True)
    assert _signed_in(client)
    assert sign_in_with_code(app.test_client(), email, codes[0]).status_code == 422
    [used] = _events(app, "user.mfa_recovery_used")
    assert used.new_value == {"recovery_codes_left": 9}
    assert _events(app, "user.sign_in")[0].new_value["second_factor"] == "recovery"


def test_wrong_codes_are_throttled_and_a_new_password_buys_no_more_guesses(app, make_user):
    email = make_user()
    enrol(app, email)
    client = app.test_client()
    wrong = _wrong()
    for _ in range(app.config["LOGIN_MAX_FAILURES"] - 1):
        assert sign_in_with_code(client, email, wrong).status_code == 422
    assert login(client, email).status_code == 302  # the password is right again ...
    assert client.post("/login/code", data={"code": wrong}).status_code == 422  # ... the 5th wrong code locks
    assert sign_in_with_code(client, email).status_code == 422  # now the right code waits too
    from mgf_assess.auth.models import LoginThrottle

    with app.app_context():
        row = db.session.get(LoginThrottle, f"code:{user_of(app, email).id}")
        assert row.locked_until is not None and row.failures == app.config["LOGIN_MAX_FAILURES"]


def test_a_right_code_clears_the_count(app, make_user):
    email = make_user()
    enrol(app, email)
    wrong = _wrong()
    sign_in_with_code(app.test_client(), email, wrong)
    assert sign_in_with_code(app.test_client(), email).status_code == 302
    from mgf_assess.auth.models import LoginThrottle

    with app.app_context():
        assert db.session.get(LoginThrottle, f"code:{user_of(app, email).id}") is None


def test_a_waiting_sign_in_lapses(app, client, make_user):
    email = make_user()
    enrol(app, email)
    login(client, email)
    with client.session_transaction() as session:
        session[pending.KEY] = {**session[pending.KEY], "since": int(time.time()) - pending.MAX_MINUTES * 60 - 1}
    response = client.post("/login/code", data={"code": code()})
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert "waited too long" in client.get("/login").get_data(as_text=True) and not _signed_in(client)


def test_the_code_page_without_a_password_first_goes_back_to_sign_in(client):
    assert client.get("/login/code").headers["Location"].endswith("/login")


def test_enrolled_users_are_asked_whatever_the_required_roles(app, make_user):
    app.config["MFA_REQUIRED_ROLES"] = ()
    email = make_user(role="analyst", country=None)
    enrol(app, email)
    assert "/login/code" in login(app.test_client(), email).headers["Location"]


# ---- required roles --------------------------------------------------------------------

@pytest.fixture
def required(app):
    app.config["MFA_REQUIRED_ROLES"] = ("admin", "evaluator")


def test_a_required_role_without_it_is_taken_to_set_it_up_and_nowhere_else(app, client, make_user, required):
    email = make_user(role="admin", country=None)
    assert login(client, email).status_code == 302
    for path in ("/", "/account", "/admin/users", "/assessments/", "/no/such/page"):
        response = client.get(path)
        assert response.status_code == 302 and response.headers["Location"].endswith("/account/mfa"), path
    assert client.post("/admin/users/new", data={}).headers["Location"].endswith("/account/mfa")
    page = client.get("/account/mfa").get_data(as_text=True)
    assert "Your role requires two-step verification" in page
    with client.get("/static/css/app.css") as static:
        assert static.status_code == 200
    assert client.post("/language", data={"language": "fr", "next": "/account/mfa"}).status_code == 302
    api = client.get("/api/v1/me")
    assert api.status_code == 403 and "deux étapes" in api.get_json()["error"]["title"]  # in the language chosen
    secret, sealed = _setup_page(client)
    client.post("/account/mfa", data={"setup": sealed, "code": code(secret)})
    assert client.get("/admin/users").status_code == 200


def test_sign_out_stays_possible_before_setting_it_up(app, client, make_user, required):
    login(client, make_user(role="evaluator", country=None))
    assert client.post("/logout").headers["Location"].endswith("/login")
    assert _count(app, UserSession) == 0


def test_api_tokens_are_unaffected(app, client, make_user, required):
    from mgf_assess.auth import operations

    email = make_user(role="admin", country=None)
    with app.app_context():
        _token, plaintext = operations.create_token(None, user_of(app, email), "script")
        db.session.commit()
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {plaintext}"})
    assert response.status_code == 200 and response.get_json()["email"] == email


def test_roles_not_required_are_left_alone(app, client, make_user, required):
    login(client, make_user(role="focal_point"))
    assert client.get("/").status_code == 200


# ---- turning it off, new recovery codes ----------------------------------------------

def test_turning_it_off_needs_the_password_or_a_code(app, client, make_user):
    email = make_user(role="analyst", country=None)
    enrol(app, email)
    sign_in_with_code(client, email, code(steps=-1))
    refused = client.post("/account/mfa/disable", data={"mfa-proof": "not-my-password"})
    assert refused.status_code == 422 and "neither your password" in refused.get_data(as_text=True)
    assert user_of(app, email).mfa_enabled
    assert client.post("/account/mfa/disable", data={"mfa-proof": code()}).status_code == 302
    assert not user_of(app, email).mfa_enabled and _count(app, RecoveryCode) == 0
    [event] = _events(app, "user.mfa_disable")
    assert event.actor_id == user_of(app, email).id
    assert login(app.test_client(), email).headers["Location"].endswith("/")  # password only now


def test_turning_it_off_with_the_password(app, client, make_user):
    email = make_user()
    enrol(app, email)
    sign_in_with_code(client, email)
    assert client.post("/account/mfa/disable", data={"mfa-proof": PASSWORD}).status_code == 302
    assert not user_of(app, email).mfa_enabled


def test_a_required_role_cannot_turn_it_off(app, client, make_user, required):
    email = make_user(role="admin", country=None)
    enrol(app, email)
    sign_in_with_code(client, email)
    assert "cannot be turned off" in client.get("/account").get_data(as_text=True)
    assert client.post("/account/mfa/disable", data={"mfa-proof": PASSWORD}).status_code == 403
    assert user_of(app, email).mfa_enabled


def test_new_recovery_codes_replace_the_old_ones(app, client, make_user):
    email = make_user()
    old = enrol(app, email)
    sign_in_with_code(client, email)
    assert client.post("/account/mfa/recovery-codes", data={"mfa-proof": "wrong-password"}).status_code == 422
    page = client.post("/account/mfa/recovery-codes", data={"mfa-proof": PASSWORD}).get_data(as_text=True)
    new = re.findall(r"<li><code>([a-z2-7-]{19})</code></li>", page)
    assert len(new) == 10 and not set(new) & set(old)
    assert sign_in_with_code(app.test_client(), email, old[1]).status_code == 422
    assert sign_in_with_code(app.test_client(), email, new[1]).status_code == 302
    assert len(_events(app, "user.mfa_recovery_codes")) == 1


def test_the_account_page_says_how_many_recovery_codes_are_left(app, client, make_user):
    email = make_user()
    codes = enrol(app, email)
    sign_in_with_code(client, email, codes[3])
    assert "Recovery codes left: 9." in client.get("/account").get_data(as_text=True)


# ---- an administrator's reset ----------------------------------------------------------

def test_an_admin_resets_a_lost_phone(app, client, make_user, login_as, required):
    email = make_user(role="evaluator", country=None)
    enrol(app, email)
    victim = app.test_client()
    sign_in_with_code(victim, email)
    admin = make_user(role="admin", country=None)
    enrol(app, admin)
    sign_in_with_code(client, admin)
    user_id = user_of(app, email).id
    assert "Reset two-step verification" in client.get(f"/admin/users/{user_id}").get_data(as_text=True)
    response = client.post(f"/admin/users/{user_id}/mfa/reset", follow_redirects=True)
    assert "is reset" in response.get_data(as_text=True)
    assert not user_of(app, email).mfa_enabled and not _signed_in(victim)
    [event] = _events(app, "user.mfa_reset")
    assert event.actor_id == user_of(app, admin).id and event.new_value == {"sessions_ended": 1}
    login(victim, email)
    assert victim.get("/").headers["Location"].endswith("/account/mfa")  # set it up again


def test_an_admin_cannot_reset_their_own(app, client, make_user):
    admin = make_user(role="admin", country=None)
    enrol(app, admin)
    sign_in_with_code(client, admin)
    response = client.post(f"/admin/users/{user_of(app, admin).id}/mfa/reset", follow_redirects=True)
    assert "cannot reset your own" in response.get_data(as_text=True) and user_of(app, admin).mfa_enabled


def test_resetting_an_account_without_it_says_so(app, client, make_user, login_as):
    email = make_user()
    login_as(role="admin", country=None)
    response = client.post(f"/admin/users/{user_of(app, email).id}/mfa/reset", follow_redirects=True)
    assert "has no two-step verification to reset" in response.get_data(as_text=True)


# ---- command line ----------------------------------------------------------------------

def test_cli_reset_mfa(app, runner, make_user):
    email = make_user(role="admin", country=None)
    enrol(app, email)
    result = runner.invoke(args=["mgf", "users", "reset-mfa", email])
    assert result.exit_code == 0 and "is reset" in result.output, result.output
    assert not user_of(app, email).mfa_enabled
    [event] = _events(app, "user.mfa_reset")
    assert event.actor_id is None
    again = runner.invoke(args=["mgf", "users", "reset-mfa", email])
    assert again.exit_code == 2 and "no two-step verification to reset" in again.output
    unknown = runner.invoke(args=["mgf", "users", "reset-mfa", "nobody@example.org"])
    assert unknown.exit_code == 2 and "no account" in unknown.output


def test_cli_prints_a_demo_accounts_code_only(app, runner, make_user, monkeypatch):
    monkeypatch.setattr("mgf_assess.demo.accounts.SEED_STEPS", [])
    assert runner.invoke(args=["mgf", "demo"]).exit_code == 0
    result = runner.invoke(args=["mgf", "users", "totp", "admin@demo.mgf"])
    assert result.exit_code == 0, result.output
    printed = result.output.strip().splitlines()[-1]
    assert printed == code(DEMO_TOTP_SECRET)
    client = app.test_client()
    login(client, "admin@demo.mgf", DEMO_PASSWORD)
    assert client.post("/login/code", data={"code": printed}).status_code == 302
    after = runner.invoke(args=["mgf", "users", "totp", "admin@demo.mgf"])  # the used code is skipped
    assert after.exit_code == 0 and after.output.strip().splitlines()[-1] == code(DEMO_TOTP_SECRET, 1)
    other = make_user(role="admin", country=None)
    enrol(app, other, SECRET)
    refused = runner.invoke(args=["mgf", "users", "totp", other])
    assert refused.exit_code == 2 and "not a demo account" in refused.output


# ---- configuration -----------------------------------------------------------------------

def _app(tmp_path, **config):
    from mgf_assess import create_app

    return create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://", "UPLOAD_FOLDER": str(tmp_path),
                       **config})


def test_admins_and_evaluators_are_required_by_default(monkeypatch, tmp_path):
    monkeypatch.delenv("MFA_REQUIRED_ROLES", raising=False)
    assert _app(tmp_path).config["MFA_REQUIRED_ROLES"] == ("admin", "evaluator")
    monkeypatch.setenv("MFA_REQUIRED_ROLES", " admin , focal_point ")
    assert _app(tmp_path).config["MFA_REQUIRED_ROLES"] == ("admin", "focal_point")
    monkeypatch.setenv("MFA_REQUIRED_ROLES", "")
    assert _app(tmp_path).config["MFA_REQUIRED_ROLES"] == ()


def test_an_unknown_required_role_stops_the_start(tmp_path):
    with pytest.raises(ValueError, match="MFA_REQUIRED_ROLES names unknown roles admins: use a comma-separated"):
        _app(tmp_path, MFA_REQUIRED_ROLES="admins,evaluator")


def test_codes_and_recovery_codes_have_the_documented_shape():
    assert totp.DIGITS == 6 and totp.INTERVAL_SECONDS == 30 and totp.VALID_WINDOW == 1
    assert totp.is_secret(totp.new_secret()) and not totp.is_secret("short")
    assert totp.grouped("ABCDEFGH") == "ABCD EFGH"
    codes = recovery.new_codes()
    assert len(set(codes)) == recovery.COUNT == 10
    assert all(re.fullmatch(r"[a-z2-7]{4}(-[a-z2-7]{4}){3}", c) for c in codes)
    assert recovery.normalise(codes[0].upper().replace("-", " ")) == codes[0].replace("-", "")
    assert recovery.normalise("too-short") is None
