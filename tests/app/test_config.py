"""Application factory and configuration."""

import os

import pytest

from mgf_assess import create_app
from mgf_assess.config import instance_secret_key
from mgf_assess.core.security import CONTENT_SECURITY_POLICY
from mgf_assess.extensions import db


def test_config_argument_overrides_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MGF_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", "sqlite:///" + str(tmp_path / "env.sqlite3"))
    app = create_app({"SECRET_KEY": "x", "DEFAULT_LANGUAGE": "fr"})
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("env.sqlite3")
    assert app.config["BABEL_DEFAULT_LOCALE"] == "fr"


def test_default_database_is_sqlite_in_instance_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("MGF_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"SECRET_KEY": "x"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///" + str(tmp_path / "mgf_assess.sqlite3")
    assert app.config["UPLOAD_FOLDER"] == str(tmp_path / "uploads")


def test_secret_key_is_generated_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.setenv("MGF_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app().config["SECRET_KEY"]
    second = create_app().config["SECRET_KEY"]
    assert first == second and len(first) >= 64
    assert oct(os.stat(tmp_path / "secret_key").st_mode)[-3:] == "600"
    assert instance_secret_key(str(tmp_path)) == first


def test_secret_key_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MGF_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("SECRET_KEY", "from-env")
    assert create_app().config["SECRET_KEY"] == "from-env"
    assert not (tmp_path / "secret_key").exists()


def test_production_cookies_are_secure(monkeypatch, tmp_path):
    monkeypatch.setenv("MGF_INSTANCE_PATH", str(tmp_path))
    config = create_app({"SECRET_KEY": "x"}).config
    assert config["SESSION_COOKIE_SECURE"] and config["SESSION_COOKIE_HTTPONLY"]
    assert config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_sqlite_is_tuned(app):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_security_headers(client):
    headers = client.get("/login").headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"


def test_health(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404 and "Page not found" in response.get_data(as_text=True)


def test_countries_have_codes_regions_and_localized_names(app):
    from mgf_assess.core.models import Country

    with app.app_context():
        countries = db.session.scalars(db.select(Country)).all()
        assert len(countries) >= 193
        assert sum(c.un_member for c in countries) == 193
        kenya = db.session.get(Country, "KEN")
        assert (kenya.alpha2, kenya.region_code, kenya.sub_region_code) == ("KE", "002", "014")
        assert (kenya.name("es"), kenya.name("ar")) == ("Kenia", "كينيا")
        assert all(len(c.alpha2) == 2 and c.region_code in {"002", "019", "142", "150", "009"}
                   for c in countries)


# ---- refusing to serve in production with an unsafe configuration ---------------------------

def _production(monkeypatch, tmp_path, **config):
    from mgf_assess import create_app

    monkeypatch.setenv("MGF_ENV", "production")
    monkeypatch.setenv("MGF_INSTANCE_PATH", str(tmp_path / "instance"))
    base = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/p.sqlite3", "UPLOAD_FOLDER": str(tmp_path / "up")}
    return create_app({**base, **config})


def test_production_needs_an_explicit_secret(monkeypatch, tmp_path):
    from mgf_assess import UnsafeConfiguration

    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(UnsafeConfiguration, match="SECRET_KEY is not set"):
        _production(monkeypatch, tmp_path)


def test_production_refuses_the_debugger(monkeypatch, tmp_path):
    from mgf_assess import UnsafeConfiguration

    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(UnsafeConfiguration, match="debug mode is on"):
        _production(monkeypatch, tmp_path, SECRET_KEY="s" * 40)


def test_production_needs_a_writable_upload_folder(monkeypatch, tmp_path):
    from mgf_assess import UnsafeConfiguration

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    with pytest.raises(UnsafeConfiguration, match="upload folder .* is not writable"):
        _production(monkeypatch, tmp_path, SECRET_KEY="s" * 40, UPLOAD_FOLDER=str(blocked / "uploads"))


def test_the_upload_folder_does_not_matter_with_object_storage(monkeypatch, tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    app = _production(monkeypatch, tmp_path, SECRET_KEY="s" * 40, UPLOAD_FOLDER=str(blocked / "uploads"),
                      STORAGE_URL="s3://evidence-bucket/mgf", STORAGE_ENDPOINT_URL="http://127.0.0.1:9")
    assert app.config["PRODUCTION"] and app.extensions["mgf_storage"].describe() == "s3://evidence-bucket/mgf"


def test_a_safe_production_configuration_starts(monkeypatch, tmp_path):
    app = _production(monkeypatch, tmp_path, SECRET_KEY="s" * 40)
    assert app.config["PRODUCTION"] and not app.debug and app.config["SESSION_COOKIE_SECURE"]


def test_a_form_refused_over_http_with_secure_cookies_says_why_and_what_to_do(app, make_user):
    """The reported defect: signing in over plain http with Secure cookies gave a bare CSRF 400."""
    app.config.update(WTF_CSRF_ENABLED=True, SESSION_COOKIE_SECURE=True)
    client = app.test_client()
    client.get("/login")  # the browser drops the Secure cookie this sets over http
    response = client.post("/login", data={"email": make_user(), "password": "x", "csrf_token": "stale"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "https://" in page and "SECURE_COOKIES=0" in page and "security token" in page


def test_a_stale_form_over_https_gets_the_ordinary_explanation(app):
    app.config.update(WTF_CSRF_ENABLED=True, SESSION_COOKIE_SECURE=True)
    response = app.test_client().post("/login", base_url="https://localhost", data={"email": "a@b.org"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "reload the page" in page and "SECURE_COOKIES" not in page


def test_a_csrf_failure_without_secure_cookies_gets_the_ordinary_explanation(app):
    app.config.update(WTF_CSRF_ENABLED=True, SESSION_COOKIE_SECURE=False)
    page = app.test_client().post("/login", data={"email": "a@b.org"}).get_data(as_text=True)
    assert "reload the page" in page and "SECURE_COOKIES" not in page
