"""Database plumbing shared by every feature: the declarative base, UTC timestamps, SQLite tuning."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from flask import has_request_context, request
from sqlalchemy import DateTime, Engine, MetaData, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Stable constraint names make Alembic batch migrations on SQLite reliable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Stores naive UTC, returns aware UTC: SQLite keeps no time zone, PostgreSQL gets the same."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; use mgf_assess.database.utcnow()")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


READ_ONLY_METHODS = ("GET", "HEAD", "OPTIONS")
_WRITE_LOCK = "mgf_sqlite_write_lock"  # connection.info key: this transaction began IMMEDIATE


def _reads_only() -> bool:
    """Whether the current work only reads: a request with a read-only method. Outside a
    request (command line, tests) work may write."""
    return has_request_context() and request.method in READ_ONLY_METHODS


def tune_sqlite(engine: Engine, busy_timeout_ms: int = 15000) -> None:
    """WAL, foreign keys, and write transactions that wait for the lock instead of failing.

    pysqlite's own transaction handling is switched off so that the application decides how a
    transaction begins. Work that may write begins with ``BEGIN IMMEDIATE``: it takes the write
    lock up front and waits up to ``busy_timeout`` for it, rather than failing mid-transaction
    when two writers meet; holding it, it reads nothing that another writer could change.
    Read-only requests (GET, HEAD, OPTIONS) begin deferred transactions, which WAL runs beside
    a writer: readers never queue behind writers.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # The timeout first: switching to WAL takes a lock, and another process recovering the
        # log after a crash may hold it; the new connection then waits instead of failing.
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        writes = not _reads_only()
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")
        connection.info[_WRITE_LOCK] = writes


def holds_write_lock(connection) -> bool:
    """Whether the connection's transaction may write without meeting another writer: always on
    PostgreSQL (rows are locked one by one), on SQLite when it began ``IMMEDIATE``."""
    return connection.dialect.name != "sqlite" or connection.info.get(_WRITE_LOCK, False)


def ping_when_idle(engine: Engine, idle_seconds: float = 10.0, ping=None) -> None:
    """Check a pooled connection before use if it sat idle for ``idle_seconds`` or more.

    A connection that went stale while idle (the database server restarted, a firewall
    dropped it) is replaced before a request uses it, as ``pool_pre_ping`` would do, but
    without a round trip on every checkout: under load, connections are never idle for long.
    ``ping`` (for tests) runs the check on the driver's connection; it raises when it fails.
    """
    check = ping or _select_one

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection, record):
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection, record, _proxy):
        since = record.info.pop(_IDLE_SINCE, None)
        if since is None or time.monotonic() - since < idle_seconds:
            return
        try:
            check(dbapi_connection)
        except Exception as error:  # any failure: the pool replaces the connection and retries
            raise DisconnectionError(f"connection idle for {time.monotonic() - since:.0f} s failed its check: "
                                     f"{error}") from error


_IDLE_SINCE = "mgf_idle_since"


def _select_one(dbapi_connection) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("SELECT 1")
    finally:
        cursor.close()
    dbapi_connection.rollback()  # leave no transaction open behind the pool's back
