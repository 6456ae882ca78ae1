"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from mgf_assess import create_app
from mgf_assess.extensions import db


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


def test_migrations_match_models(empty_database_url, tmp_path):
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": empty_database_url,
                      "UPLOAD_FOLDER": str(tmp_path)})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, db.metadata)
        db.engine.dispose()
    assert differences == [], f"models and migrations differ; run 'flask db migrate': {differences}"


def test_on_sqlite_the_migrations_create_the_answer_saves_view(empty_database_url, tmp_path):
    if not empty_database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL saves answers with a data-modifying WITH statement: no view")
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": empty_database_url,
                      "UPLOAD_FOLDER": str(tmp_path)})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            views = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'view'")).scalars().all()
            triggers = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
        db.engine.dispose()
    assert views == ["answer_saves"] and triggers == ["answer_saves_write"]
