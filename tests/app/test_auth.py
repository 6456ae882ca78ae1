"""Sign-in, throttling, sessions, passwords and tokens."""

from conftest import PASSWORD, csrf_token_from, login

from mgf_assess.auth.models import LoginThrottle, User
from mgf_assess.extensions import db

GENERIC = "Sign-in failed"


def test_login_success_redirects_to_dashboard(client, make_user):
    email = make_user()
    response = login(client, email)
    assert response.status_code == 302 and response.headers["Location"].endswith("/")
    assert "Welcome" in client.get("/").get_data(as_text=True)


def test_login_failure_is_generic_for_wrong_password_and_unknown_account(client, make_user):
    email = make_user()
    wrong = login(client, email, "wrong-password-1").get_data(as_text=True)
    unknown = login(client, "nobody@example.org", "wrong-password-1").get_data(as_text=True)
    assert GENERIC in wrong and GENERIC in unknown
    assert wrong.replace(email, "") .count(GENERIC) == unknown.count(GENERIC)


def test_next_parameter_only_follows_local_paths(client, make_user):
    email = make_user()
    response = client.post("/login?next=//evil.example/x", data={"email": email, "password": PASSWORD})
    assert response.headers["Location"].endswith("/")
    client.post("/logout")
    response = client.post("/login?next=/account", data={"email": email, "password": PASSWORD})
    assert response.headers["Location"].endswith("/account")


def test_account_is_throttled_after_repeated_failures(app, client, make_user):
    email = make_user()
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert login(client, email, "wrong-password-1").status_code == 200
    assert login(client, email).status_code == 200  # right password, but locked
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        assert user.failed_logins == app.config["LOGIN_MAX_FAILURES"]
        assert db.session.get(LoginThrottle, f"account:{email}").locked_until is not None


def test_client_is_throttled_across_accounts(app, client, make_user):
    app.config["LOGIN_MAX_FAILURES_PER_CLIENT"] = 3
    for n in range(3):
        login(client, f"someone{n}@example.org", "wrong-password-1")
    email = make_user()
    assert login(client, email).status_code == 200  # this client is locked out


def test_unknown_accounts_are_throttled_like_real_ones(app, client):
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        login(client, "ghost@example.org", "wrong-password-1")
    with app.app_context():
        assert db.session.get(LoginThrottle, "account:ghost@example.org").locked_until is not None


def test_successful_login_resets_account_counter(app, client, make_user):
    email = make_user()
    login(client, email, "wrong-password-1")
    assert login(client, email).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(User.failed_logins).filter_by(email=email)) == 0


def test_deactivated_user_cannot_sign_in(app, client, make_user):
    email = make_user()
    with app.app_context():
        db.session.scalar(db.select(User).filter_by(email=email)).active = False
        db.session.commit()
    assert login(client, email).status_code == 200


def test_logout(client, login_as):
    login_as()
    assert client.post("/logout").status_code == 302
    assert client.get("/account").status_code == 302


def test_logout_everywhere_ends_other_sessions(app, make_user):
    email = make_user()
    first, second = app.test_client(), app.test_client()
    login(first, email), login(second, email)
    assert second.get("/account").status_code == 200
    first.post("/logout-everywhere")
    assert second.get("/account").status_code == 302
    assert first.get("/account").status_code == 302


def test_password_change_ends_other_sessions_but_keeps_this_one(app, make_user):
    email = make_user()
    first, second = app.test_client(), app.test_client()
    login(first, email), login(second, email)
    response = first.post("/account/password", data={
        "pw-current": PASSWORD, "pw-password": "a-new-password-2", "pw-confirm": "a-new-password-2"})
    assert response.status_code == 302
    assert first.get("/account").status_code == 200
    assert second.get("/account").status_code == 302
    assert login(app.test_client(), email, "a-new-password-2").status_code == 302


def test_password_change_with_wrong_current_password_is_refused(client, login_as):
    login_as()
    response = client.post("/account/password", data={
        "pw-current": "nope-nope-nope", "pw-password": "a-new-password-2", "pw-confirm": "a-new-password-2"})
    assert response.status_code == 422
    assert "current password is wrong" in response.get_data(as_text=True)


def test_deactivation_ends_sessions(app, make_user, client):
    email = make_user()
    login(client, email)
    with app.app_context():
        from mgf_assess.auth import operations

        operations.set_active(None, db.session.scalar(db.select(User).filter_by(email=email)), False)
        db.session.commit()
    assert client.get("/account").status_code == 302


def test_post_without_csrf_token_is_rejected(app, make_user):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    email = make_user()
    assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 400
    page = client.get("/login").get_data(as_text=True)
    data = {"email": email, "password": PASSWORD, "csrf_token": csrf_token_from(page)}
    assert client.post("/login", data=data).status_code == 302
    assert client.post("/logout-everywhere").status_code == 400


def test_api_token_lifecycle(app, client, login_as):
    login_as(role="analyst", country=None)
    page = client.post("/account/tokens", data={"tok-name": "script"}).get_data(as_text=True)
    token = page.split('id="new-token">')[1].split("<")[0]
    api = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v1/me", headers=headers).get_json()["role"] == "analyst"
    assert api.get("/api/v1/me", headers={"Authorization": "Bearer mgf_wrong"}).status_code == 401
    assert api.get("/api/v1/me").status_code == 401
    with app.app_context():
        from mgf_assess.auth.models import ApiToken

        token_id = db.session.scalar(db.select(ApiToken.id))
        assert db.session.scalar(db.select(ApiToken.digest)) != token  # only a digest is stored
    client.post(f"/account/tokens/{token_id}/revoke")
    assert api.get("/api/v1/me", headers=headers).status_code == 401


def test_token_of_another_user_cannot_be_revoked(app, client, make_user, login_as):
    from mgf_assess.auth import operations

    other = make_user()
    with app.app_context():
        token, _ = operations.create_token(None, db.session.scalar(db.select(User).filter_by(email=other)), "x")
        db.session.commit()
        token_id = token.id
    login_as()
    assert client.post(f"/account/tokens/{token_id}/revoke").status_code == 404


def test_passwords_are_hashed_with_argon2(app, make_user):
    email = make_user()
    with app.app_context():
        stored = db.session.scalar(db.select(User.password_hash).filter_by(email=email))
    assert stored.startswith("$argon2") and PASSWORD not in stored
