"""Copying the database while the application runs, and restoring it into an empty one.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies every page in one step,
a consistent snapshot that writers (WAL) do not wait for. PostgreSQL: ``pg_dump`` in its
custom format, which reads one snapshot of every table, and ``pg_restore`` in one transaction.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from mgf_assess.backup.manifest import BackupRefused
from mgf_assess.extensions import db

DUMP_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def dialect() -> str:
    """The kind of the application's database (``sqlite`` or ``postgresql``)."""
    name = db.engine.dialect.name
    if name not in DUMP_FILES:
        raise BackupRefused(f"backups support SQLite and PostgreSQL, not {name}")
    return name


def revision() -> str | None:
    """The database's schema revision (Alembic), None when it was not created by migrations."""
    if not inspect(db.engine).has_table("alembic_version"):
        return None
    with db.engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> tuple[set[str], str | None]:
    """(every schema revision this version's migrations know, the newest one)."""
    from alembic.script import ScriptDirectory

    from mgf_assess.config import REPO_ROOT

    script = ScriptDirectory(str(REPO_ROOT / "migrations"))
    return {item.revision for item in script.walk_revisions()}, script.get_current_head()


def check_revision(wanted: str | None) -> None:
    """Refuse a backup whose schema this version does not know (made by a newer version)."""
    known, _head = known_revisions()
    if wanted is not None and wanted not in known:
        raise BackupRefused(f"nothing was restored: the backup's schema revision {wanted} is unknown to this version "
                            "of mgf-assess (a newer version made it); restore it with that version or a newer one")


def is_empty() -> bool:
    """Whether the database has no table at all."""
    return not inspect(db.engine).get_table_names()


def dump(out: Path) -> str:
    """Write a consistent copy of the database into the folder ``out``; returns its file name."""
    name = DUMP_FILES[dialect()]
    (_dump_sqlite if dialect() == "sqlite" else _dump_postgresql)(out / name)
    return name


def restore(path: Path, kind: str) -> None:
    """Load a dump made by ``dump`` into the (empty) database."""
    if kind != dialect():
        raise BackupRefused(f"the backup is of a {kind} database and this one is {dialect()}: restore it "
                            f"into a {kind} database")
    db.session.remove()
    db.engine.dispose()  # no pooled connection may keep the old, empty schema
    (_restore_sqlite if kind == "sqlite" else _restore_postgresql)(path)
    db.engine.dispose()


def _sqlite_path() -> str:
    path = make_url(str(db.engine.url)).database
    if not path or path == ":memory:":
        raise BackupRefused("the database is in memory: there is nothing to back up or restore into")
    return path


def _dump_sqlite(target: Path) -> None:
    source, copy = sqlite3.connect(_sqlite_path()), sqlite3.connect(target)
    try:
        source.backup(copy)  # pages=-1: the whole database in one step, one snapshot
    finally:
        copy.close()
        source.close()


def _restore_sqlite(dump_file: Path) -> None:
    source, target = sqlite3.connect(f"file:{dump_file}?mode=ro", uri=True), sqlite3.connect(_sqlite_path())
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _libpq() -> tuple[str, dict]:
    """The database's address for the PostgreSQL tools, and their environment: the password
    goes in PGPASSWORD, never on a command line that other users can read."""
    url = make_url(str(db.engine.url.render_as_string(hide_password=False)))
    env = {**os.environ, **({"PGPASSWORD": url.password} if url.password else {})}
    return url.set(drivername="postgresql", password=None).render_as_string(hide_password=False), env


def _run(command: list[str], what: str) -> None:
    address, env = _libpq()
    result = subprocess.run([*command, f"--dbname={address}"], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupRefused(f"{what} failed (exit {result.returncode}): {result.stderr.strip()}")


def _dump_postgresql(target: Path) -> None:
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"], "pg_dump")


def _restore_postgresql(dump_file: Path) -> None:
    _run(["pg_restore", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
          str(dump_file)], "pg_restore")
