"""The access matrix of the account pages this feature adds: anonymous visitors, every role
(with two-step verification required for admins and evaluators, as by default), and other
users' sessions (404)."""

import pytest
from mfa_support import enrol, sign_in_with_code, user_of

from mgf_assess.auth.models import UserSession
from mgf_assess.extensions import db

ROLES = ["admin", "focal_point", "contributor", "evaluator", "analyst"]
REQUIRED = ("admin", "evaluator")


@pytest.fixture
def as_role(app, client, make_user):
    """Sign the client in as an enrolled user of a role; return (email, id of another user)."""
    app.config["MFA_REQUIRED_ROLES"] = REQUIRED

    def sign_in(role):
        country = "KEN" if role in ("focal_point", "contributor") else None
        email = make_user(role=role, country=country)
        enrol(app, email)
        assert sign_in_with_code(client, email).status_code == 302
        other = make_user(role="analyst", country=None)
        enrol(app, other)
        return email, user_of(app, other).id

    return sign_in


ANONYMOUS = [("GET", "/account/mfa"), ("POST", "/account/mfa"), ("POST", "/account/mfa/disable"),
             ("POST", "/account/mfa/recovery-codes"), ("POST", "/account/sessions/1/end"),
             ("POST", "/admin/users/1/mfa/reset")]


@pytest.mark.parametrize(("method", "path"), ANONYMOUS)
def test_anonymous_visitors_are_sent_to_sign_in(client, method, path):
    response = client.open(path, method=method)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_the_code_page_needs_a_password_first_and_a_signed_in_user_skips_it(client, login_as):
    assert client.get("/login/code").headers["Location"].endswith("/login")
    login_as()
    assert client.get("/login/code").headers["Location"].endswith("/")


@pytest.mark.parametrize("role", ROLES)
def test_own_account_pages_by_role(app, client, as_role, role):
    email, _other = as_role(role)
    assert client.get("/account").status_code == 200
    assert client.get("/account/mfa").headers["Location"].endswith("/account")  # already on
    disable = client.post("/account/mfa/disable", data={"mfa-proof": "wrong-proof-here"})
    assert disable.status_code == (403 if role in REQUIRED else 422)
    codes = client.post("/account/mfa/recovery-codes", data={"mfa-proof": "wrong-proof-here"})
    assert codes.status_code == 422


@pytest.mark.parametrize("role", ROLES)
def test_resetting_someone_elses_second_factor_by_role(app, client, as_role, role):
    _email, other = as_role(role)
    response = client.post(f"/admin/users/{other}/mfa/reset")
    assert response.status_code == (302 if role == "admin" else 403)
    assert user_of(app, user_of_id(app, other)).mfa_enabled is (role != "admin")
    assert client.post("/admin/users/999999/mfa/reset").status_code == (404 if role == "admin" else 403)


def user_of_id(app, user_id):
    from mgf_assess.auth.models import User

    with app.app_context():
        return db.session.get(User, user_id).email


@pytest.mark.parametrize("role", ROLES)
def test_sessions_by_role_own_and_others(app, client, as_role, role):
    email, other = as_role(role)
    other_client = app.test_client()
    sign_in_with_code(other_client, user_of_id(app, other))
    own_id = user_of(app, email).id
    with app.app_context():
        theirs = db.session.scalar(db.select(UserSession.id).filter_by(user_id=other))
        own = db.session.scalar(db.select(UserSession.id).filter_by(user_id=own_id))
    assert client.post(f"/account/sessions/{theirs}/end").status_code == 404
    assert client.get("/account").status_code == 200 and other_client.get("/account").status_code == 200
    assert client.post(f"/account/sessions/{own}/end").headers["Location"].endswith("/login")
