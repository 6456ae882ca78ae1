"""Every page renders in the four UI languages; Arabic is right-to-left; language selection order."""

import pytest
from conftest import login

from mgf_assess.auth.models import User
from mgf_assess.extensions import db

LANGUAGES = ["en", "fr", "es", "ar"]


def _admin_pages(app, make_user):
    evaluator = make_user(role="evaluator", country=None)
    with app.app_context():
        user_id = db.session.scalar(db.select(User.id).filter_by(email=evaluator))
    return ["/", "/account", "/admin/users", "/admin/users/new", f"/admin/users/{user_id}", "/admin/audit"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_renders_in_each_language(app, client, make_user, language):
    pages = _admin_pages(app, make_user)
    login(client, make_user(role="admin", country=None, language=language))
    for path in pages:
        response = client.get(path)
        html = response.get_data(as_text=True)
        assert response.status_code == 200, path
        assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html, path


@pytest.mark.parametrize("language,expected", [
    ("fr", "Se connecter"), ("es", "Iniciar sesión"), ("ar", "تسجيل الدخول")])
def test_login_page_is_translated(client, language, expected):
    html = client.get("/login", headers={"Accept-Language": language}).get_data(as_text=True)
    assert expected in html


def test_language_order_preference_then_switcher_then_browser(app, client, make_user):
    assert 'lang="es"' in client.get("/login", headers={"Accept-Language": "es"}).get_data(as_text=True)
    client.post("/language", data={"language": "fr", "next": "/login"})
    assert 'lang="fr"' in client.get("/login", headers={"Accept-Language": "es"}).get_data(as_text=True)
    login(client, make_user(language="ar"))
    assert 'lang="ar"' in client.get("/", headers={"Accept-Language": "es"}).get_data(as_text=True)


def test_switcher_saves_preference_of_signed_in_user(app, client, login_as):
    email = login_as()
    client.post("/language", data={"language": "es", "next": "/account"})
    with app.app_context():
        assert db.session.scalar(db.select(User.language).filter_by(email=email)) == "es"


def test_navigation_depends_on_role(client, login_as):
    login_as(role="focal_point")
    html = client.get("/").get_data(as_text=True)
    assert "/admin/users" not in html and "/admin/audit" not in html


def test_admin_navigation(client, login_as):
    login_as(role="admin", country=None)
    html = client.get("/").get_data(as_text=True)
    assert 'href="/admin/users"' in html and 'href="/admin/audit"' in html


def test_no_asset_from_other_hosts(client):
    html = client.get("/login").get_data(as_text=True)
    assert "http://" not in html.replace("http://localhost", "") and "https://" not in html


def test_user_text_is_escaped(app, client, make_user):
    make_user(name="<script>alert(1)</script>", role="analyst", country=None)
    login(client, make_user(role="admin", country=None))
    html = client.get("/admin/users").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
