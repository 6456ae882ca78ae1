"""Scratch databases for a run (a SQLite file, or a PostgreSQL database created and dropped)
and the reads of what they hold after it, with plain SQL, independent of the application."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_SERVER = os.environ.get("SOAK_POSTGRES_SERVER", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@contextmanager
def scratch(kind: str, folder: Path, template: str | None = None) -> Iterator[str]:
    """The URL of a database of ``kind`` (sqlite or postgresql) for one run: empty, or a copy of
    the database at ``template``; a PostgreSQL one is dropped afterwards."""
    if kind == "sqlite":
        path = folder / "soak.sqlite3"
        if template:
            _copy_sqlite(make_url(template).database, path)
        yield f"sqlite:///{path}"
        return
    name = f"mgf_soak_{os.getpid()}_{folder.name[-8:].lower()}".replace("-", "_")
    copy = f' TEMPLATE "{make_url(template).database}"' if template else ""
    admin = create_engine(POSTGRES_SERVER, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
        yield make_url(POSTGRES_SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _copy_sqlite(source: str, target: Path) -> None:
    """A consistent copy (SQLite's backup, which includes what is still in the WAL)."""
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()


@contextmanager
def connected(url: str):
    """A connection to the run's database, closed (and its engine disposed) afterwards."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def _json(value: str | None):
    """A JSON column read as text (CAST … AS TEXT: the same on both databases), decoded."""
    return None if value is None else json.loads(value)


def stored_answers(connection, assessments: list[int]) -> dict[tuple[int, str], tuple[int, object]]:
    """(assessment, question) → (revision, value) of every answer of the assessments."""
    rows = connection.execute(text("SELECT assessment_id, question_id, revision, CAST(value AS TEXT) FROM answers"))
    return {(a, q): (revision, _json(value)) for a, q, revision, value in rows if a in assessments}


def answer_history(connection, assessments: list[int]) -> list[tuple[tuple[int, str], int, object, int]]:
    """Every audited answer change of the assessments: (question, revision, value, event id),
    oldest first."""
    rows = connection.execute(text("SELECT id, object_id, CAST(new_value AS TEXT) FROM audit_events "
                                   "WHERE object_type = 'answer' ORDER BY id"))
    history = []
    for event_id, object_id, new_value in rows:
        assessment, _sep, question = object_id.partition(":")
        new = _json(new_value)
        if assessment.isdigit() and int(assessment) in assessments and new:
            history.append(((int(assessment), question), new["revision"], new["value"], event_id))
    return history


def evidence_files(connection) -> dict[int, str]:
    """Evidence id → stored file name of every evidence row holding a file."""
    rows = connection.execute(text("SELECT id, stored_name FROM evidence WHERE stored_name IS NOT NULL"))
    return dict(rows.all())
