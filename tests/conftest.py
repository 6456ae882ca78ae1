"""Shared fixtures: an application on a fresh database (SQLite by default, PostgreSQL when
TEST_DATABASE_URL is set), a client, a CLI runner and factories."""

from __future__ import annotations

import os
import re
import shutil
import threading
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from werkzeug.serving import make_server

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
PASSWORD = "correct-horse-battery"


def _config(database_url: str, tmp_path) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "FAST_PASSWORD_HASHING": True,
        "UPLOAD_FOLDER": str(tmp_path / "uploads"),
        "SERVER_NAME": "localhost",
        # As in a local trial: no role must use two-step verification (tests/app/test_mfa*.py
        # turn it on); whoever has set it up is still asked for a code.
        "MFA_REQUIRED_ROLES": "",
    }


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    if TEST_DATABASE_URL:
        return TEST_DATABASE_URL
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(scope="session")
def _schema(database_url, tmp_path_factory):
    """Create the schema and the reference data once per test run."""
    from mgf_assess import create_app
    from mgf_assess.core.operations import load_countries
    from mgf_assess.extensions import db

    app = create_app(_config(database_url, tmp_path_factory.mktemp("schema")))
    with app.app_context():
        db.drop_all()
        db.create_all()
        load_countries()
        db.session.commit()
    yield
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


KEEP_TABLES = {"countries"}


def empty_tables(db) -> None:
    """Remove every row written by a test, keeping reference data."""
    tables = [t for t in reversed(db.metadata.sorted_tables) if t.name not in KEEP_TABLES]
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())


@pytest.fixture
def app(_schema, database_url, tmp_path):
    from mgf_assess import create_app
    from mgf_assess.extensions import db

    app = create_app(_config(database_url, tmp_path))
    yield app
    with app.app_context():
        db.session.remove()
        empty_tables(db)
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app):
    """Factory: create a user and return its e-mail (sign in with PASSWORD)."""
    from mgf_assess.auth import operations
    from mgf_assess.extensions import db

    counter = iter(range(1, 10_000))

    def make(role="focal_point", country="KEN", email=None, evaluated=(), **extra) -> str:
        email = email or f"{role}{next(counter)}@example.org"
        with app.app_context():
            user = operations.create_user(None, email=email, name=extra.pop("name", role.title()),
                                          role=role, country=country, password=PASSWORD, **extra)
            if evaluated:
                operations.set_evaluator_countries(None, user, list(evaluated))
            db.session.commit()
        return email

    return make


def login(client, email: str, password: str = PASSWORD):
    return client.post("/login", data={"email": email, "password": password})


@pytest.fixture
def login_as(client, make_user):
    """Factory: create a user of a role and sign the client in as that user."""

    def sign_in(role="focal_point", country="KEN", **extra) -> str:
        email = make_user(role=role, country=country, **extra)
        response = login(client, email)
        assert response.status_code == 302, response.get_data(as_text=True)
        return email

    return sign_in


def csrf_token_from(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token in page"
    return match.group(1)


# ---- browser tests: pytest-playwright driving the system chromium (never a download) ----

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def pytest_collection_modifyitems(items):
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason="chromium is not installed (apt-get install chromium): browser tests skipped")
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Use Debian's chromium, never a downloaded browser build."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture
def live_server(app):
    """Serve the test application on a free local port for the length of one test."""
    app.config["SERVER_NAME"] = None
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def assessment_id(app, tmp_path):
    """A Kenyan 2026 draft on a small questionnaire with every question type (tests/app/qfiles.py)."""
    from mgf_assess.assessments import operations
    from mgf_assess.extensions import db
    from mgf_assess.questionnaires import operations as qops
    from tests.app import qfiles

    qfiles.write(tmp_path / "q", qfiles.rich_definition())
    app.config["QUESTIONNAIRES_FOLDER"] = str(tmp_path / "q")
    with app.app_context():
        qops.load_folder(tmp_path / "q")
        assessment = operations.create_assessment(None, country="KEN", family="rich", version="1.0", cycle=2026)
        db.session.commit()
        return assessment.id


@pytest.fixture
def empty_database_url(database_url, tmp_path):
    """A brand-new, empty database of the same kind as the test database."""
    if database_url.startswith("sqlite"):
        yield "sqlite:///" + str(tmp_path / "migrated.sqlite3")
        return
    name = f"mgf_migrations_{uuid.uuid4().hex[:8]}"
    admin = create_engine(make_url(database_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield str(make_url(database_url).set(database=name).render_as_string(hide_password=False))
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
