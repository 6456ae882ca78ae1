"""The access matrix: every role against own-country, other-country and country-less objects."""

import pytest
from conftest import login

from mgf_assess.auth.models import User
from mgf_assess.core import policy
from mgf_assess.core.models import Country
from mgf_assess.extensions import db

ROLES = ["admin", "focal_point", "contributor", "evaluator", "analyst"]
# role -> (sees own country, sees other country)
COUNTRY_VISIBILITY = {
    "admin": (True, True),
    "focal_point": (True, False),
    "contributor": (True, False),
    "evaluator": (True, False),
    "analyst": (True, True),
}


def _user(app, make_user, role) -> User:
    country = "KEN" if role in ("focal_point", "contributor") else None
    email = make_user(role=role, country=country, evaluated=("KEN",) if role == "evaluator" else ())
    with app.app_context():
        return db.session.scalar(db.select(User).filter_by(email=email))


@pytest.mark.parametrize("role", ROLES)
def test_country_visibility(app, make_user, role):
    user = _user(app, make_user, role)
    with app.app_context():
        user = db.session.merge(user)
        own, other = db.session.get(Country, "KEN"), db.session.get(Country, "MEX")
        assert policy.can(user, "country.view", own) is COUNTRY_VISIBILITY[role][0]
        assert policy.can(user, "country.view", other) is COUNTRY_VISIBILITY[role][1]
        assert policy.can_see_country(user, None) is False


@pytest.mark.parametrize("role", ROLES)
def test_admin_actions_only_for_admins(app, make_user, role):
    user = _user(app, make_user, role)
    with app.app_context():
        user = db.session.merge(user)
        for action in ("users.manage", "audit.view", "questionnaires.manage"):
            assert policy.can(user, action) is (role == "admin")


def test_anonymous_and_unknown_actions_are_refused(app, make_user):
    user = _user(app, make_user, "admin")
    with app.app_context():
        user = db.session.merge(user)
        assert policy.can(None, "users.manage") is False
        assert policy.can(user, "no.such.action") is False


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", ["/admin/users", "/admin/users/new", "/admin/audit"])
def test_admin_pages_by_role(app, client, make_user, role, path):
    country = "KEN" if role in ("focal_point", "contributor") else None
    login(client, make_user(role=role, country=country))
    assert client.get(path).status_code == (200 if role == "admin" else 403)


def test_pages_require_sign_in(client):
    for path in ["/", "/account", "/admin/users", "/admin/audit"]:
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_other_country_object_is_404_not_403(app, make_user):
    viewer = _user(app, make_user, "focal_point")
    other_email = make_user(role="focal_point", country="MEX")
    with app.test_request_context():
        viewer = db.session.merge(viewer)
        other = db.session.scalar(db.select(User).filter_by(email=other_email))
        from werkzeug.exceptions import NotFound

        with pytest.raises(NotFound):
            policy.require(viewer, "user.view", other)


def test_evaluator_sees_only_assigned_countries(app, make_user):
    email = make_user(role="evaluator", country=None, evaluated=("KEN", "SEN"))
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email=email))
        assert user.country_codes == {"KEN", "SEN"}
        assert policy.can_see_country(user, "SEN") and not policy.can_see_country(user, "MEX")


def test_inactive_user_can_do_nothing(app, make_user):
    user = _user(app, make_user, "admin")
    with app.app_context():
        user = db.session.merge(user)
        user.active = False
        assert policy.can(user, "users.manage") is False
