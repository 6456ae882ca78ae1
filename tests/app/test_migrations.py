"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

import ast
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import inspect, text

from mgf_assess import create_app
from mgf_assess.extensions import db


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


def test_the_migrations_leave_no_view_and_no_trigger(empty_database_url, tmp_path):
    """The SQLite view through which answers were once saved (0004) is dropped again (0005):
    answers are saved through the ORM, and the schema is tables only."""
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": empty_database_url,
                      "UPLOAD_FOLDER": str(tmp_path)})
    with app.app_context():
        upgrade()
        inspector = inspect(db.engine)
        views, triggers = inspector.get_view_names(), []
        if db.engine.dialect.name == "sqlite":
            with db.engine.connect() as connection:
                triggers = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all()
        db.engine.dispose()
    assert views == [] and triggers == []


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((Path(__file__).parents[2] / "migrations" / "versions").glob("*.py")),
                         ids=lambda path: path.name)
def test_migrations_never_import_the_application(path):
    """A migration is history: it must run the same whatever the application's code becomes."""
    application = {name for name in _imported_modules(path) if name.split(".")[0] in ("mgf_assess", "scoring")}
    assert application == set(), f"{path.name} imports {sorted(application)}: write the DDL into the migration"
