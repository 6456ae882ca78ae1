"""Who may invite whom (the access policy), and the access matrix of the pages added for
invitations and forgotten passwords."""

import pytest
from conftest import login

from mgf_assess.auth.invitations import operations
from mgf_assess.auth.invitations.models import Invitation
from mgf_assess.auth.models import User
from mgf_assess.core import policy
from mgf_assess.extensions import db

ROLES = ["admin", "focal_point", "contributor", "evaluator", "analyst"]
PLANS = [("contributor", "KEN"), ("contributor", "MEX"), ("focal_point", "KEN"), ("evaluator", None),
         ("admin", None), ("analyst", None)]
# role of the inviter -> the plans (role, country) they may invite to
ALLOWED = {"admin": set(PLANS), "focal_point": {("contributor", "KEN")}}


def _user(app, make_user, role, country="KEN") -> User:
    email = make_user(role=role, country=country if role in ("focal_point", "contributor") else None,
                      evaluated=("KEN",) if role == "evaluator" else ())
    with app.app_context():
        return db.session.scalar(db.select(User).filter_by(email=email))


@pytest.mark.parametrize("role", ROLES)
def test_who_may_open_the_invitation_page(app, make_user, role):
    user = _user(app, make_user, role)
    with app.app_context():
        assert policy.can(db.session.merge(user), "invitation.create") is (role in ALLOWED)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("plan", PLANS, ids=lambda plan: f"{plan[0]}-{plan[1]}")
def test_who_may_invite_whom(app, make_user, role, plan):
    user = _user(app, make_user, role)
    with app.app_context():
        allowed = policy.can(db.session.merge(user), "invitation.create", operations.Draft(*plan))
    assert allowed is (plan in ALLOWED.get(role, set()))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("plan", PLANS, ids=lambda plan: f"{plan[0]}-{plan[1]}")
def test_who_may_resend_or_withdraw(app, make_user, role, plan):
    user = _user(app, make_user, role)
    invitation = Invitation(role=plan[0], country_code=plan[1])
    with app.app_context():
        allowed = policy.can(db.session.merge(user), "invitation.manage", invitation)
    assert allowed is (plan in ALLOWED.get(role, set()))


def test_a_focal_point_without_a_country_invites_nobody(app):
    focal = User(role="focal_point", country_code=None, active=True)
    with app.app_context():
        assert not policy.can(focal, "invitation.create")
        assert not policy.can(focal, "invitation.create", operations.Draft("contributor", None))


# ---- over HTTP -------------------------------------------------------------------------------

def _invitation(app, role="contributor", country="KEN", email="guest@example.org") -> int:
    with app.app_context():
        invitation, _token = operations.invite(None, email=email, name="Guest", role=role, country=country,
                                               language="en")
        db.session.commit()
        return invitation.id


@pytest.mark.parametrize(("method", "path"), [("GET", "/invitations"), ("POST", "/invitations"),
                                              ("POST", "/invitations/1/resend"),
                                              ("POST", "/invitations/1/withdraw")])
def test_anonymous_visitors_are_sent_to_sign_in(client, method, path):
    response = client.open(path, method=method)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("path", ["/password-reset", "/password-reset/not-a-token", "/invitation/not-a-token"])
def test_the_link_pages_are_open_to_anyone(client, path):
    assert client.get(path).status_code == (200 if path == "/password-reset" else 410)


# role, country -> (page, own-country contributor invitation, other-country one, own-country focal point one)
MATRIX = {
    ("admin", None): (200, 302, 302, 302),
    ("focal_point", "KEN"): (200, 302, 404, 403),
    ("focal_point", "MEX"): (200, 404, 302, 404),
    ("contributor", "KEN"): (403, 403, 404, 403),
    ("evaluator", None): (403, 403, 404, 403),  # evaluates KEN
    ("analyst", None): (403, 403, 403, 403),
}


@pytest.mark.parametrize(("role", "country"), list(MATRIX), ids=lambda value: str(value))
@pytest.mark.parametrize("action", ["resend", "withdraw"])
def test_the_access_matrix(app, client, make_user, role, country, action):
    own = _invitation(app, email="own@example.org")
    other = _invitation(app, country="MEX", email="other@example.org")
    focal = _invitation(app, role="focal_point", email="focal@example.org")
    email = make_user(role=role, country=country, evaluated=("KEN",) if role == "evaluator" else ())
    assert login(client, email).status_code == 302
    page, *expected = MATRIX[(role, country)]
    assert client.get("/invitations").status_code == page
    statuses = [client.post(f"/invitations/{item}/{action}").status_code for item in (own, other, focal)]
    assert statuses == expected
    assert client.post("/invitations/999999/resend").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_creating_by_role(app, client, make_user, role):
    country = "KEN" if role in ("focal_point", "contributor") else None
    email = make_user(role=role, country=country, evaluated=("KEN",) if role == "evaluator" else ())
    login(client, email)
    response = client.post("/invitations", data={"email": "new@example.org", "name": "New", "role": "contributor",
                                                  "country": "KEN", "language": "en"})
    assert response.status_code == (302 if role in ALLOWED else 403)


def test_the_navigation_shows_invitations_to_those_who_may_invite(app, client, make_user):
    for role, shown in (("focal_point", True), ("contributor", False)):
        other = app.test_client()
        login(other, make_user(role=role, country="KEN"))
        assert ('href="/invitations"' in other.get("/").get_data(as_text=True)) is shown
