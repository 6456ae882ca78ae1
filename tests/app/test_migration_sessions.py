"""Migration 0006 (server-side sessions, two-step verification) alters the users table in place:
the rows that reference users survive it (a copy-and-move of the table would delete them on
SQLite, by cascade), both ways."""

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from mgf_assess import create_app
from mgf_assess.extensions import db

USER = ("INSERT INTO users (id, email, name, role, password_hash, active, failed_logins, session_token, "
        "created_at) VALUES (1, 'e@example.org', 'E', 'evaluator', 'x', :yes, 0, 'token', '2026-01-01')")
TOKEN = ("INSERT INTO api_tokens (id, user_id, name, digest, prefix, created_at) "
         "VALUES (1, 1, 'script', 'digest', 'mgf_', '2026-01-01')")


def _count(table: str) -> int:
    with db.engine.connect() as connection:
        return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_0006_keeps_what_references_users(empty_database_url, tmp_path):
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": empty_database_url,
                      "UPLOAD_FOLDER": str(tmp_path)})
    with app.app_context():
        upgrade(revision="0005")
        with db.engine.begin() as connection:
            connection.execute(text("INSERT INTO countries VALUES ('KEN', 'KE', '002', '014', :yes, "
                                    "'Kenya', 'Kenya', 'Kenia', 'كينيا')"), {"yes": True})
            connection.execute(text(USER), {"yes": True})
            connection.execute(text(TOKEN))
            connection.execute(text("INSERT INTO evaluator_countries VALUES (1, 'KEN')"))
        upgrade()
        columns = {column["name"] for column in inspect(db.engine).get_columns("users")}
        assert "session_token" not in columns and {"totp_secret", "totp_enabled_at", "totp_last_step"} <= columns
        assert {"user_sessions", "recovery_codes"} <= set(inspect(db.engine).get_table_names())
        assert (_count("users"), _count("api_tokens"), _count("evaluator_countries")) == (1, 1, 1)
        downgrade(revision="0005")
        with db.engine.connect() as connection:
            token = connection.execute(text("SELECT session_token FROM users")).scalar()
        assert len(token) >= 32 and (_count("api_tokens"), _count("evaluator_countries")) == (1, 1)
        assert "recovery_codes" not in inspect(db.engine).get_table_names()
        db.engine.dispose()
