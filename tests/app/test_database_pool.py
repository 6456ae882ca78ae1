"""Pooled connections idle for a while are checked before use, and replaced when stale."""

import pytest
from sqlalchemy import create_engine, event, text

from mgf_assess.database import ping_when_idle


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path}/pool.sqlite3")
    yield engine
    engine.dispose()


def _connections_opened(engine) -> list:
    opened = []
    event.listen(engine, "connect", lambda dbapi_connection, record: opened.append(dbapi_connection))
    return opened


def _use(engine) -> None:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def test_a_busy_connection_is_not_checked(engine):
    checks = []
    ping_when_idle(engine, idle_seconds=3600, ping=checks.append)
    _use(engine)
    _use(engine)
    assert checks == []


def test_an_idle_connection_is_checked_before_use(engine):
    checks = []
    ping_when_idle(engine, idle_seconds=0, ping=checks.append)
    _use(engine)  # a new connection: nothing to check
    _use(engine)
    assert len(checks) == 1


def test_a_stale_connection_is_replaced_and_the_request_goes_on(engine):
    failures = ["server closed the connection unexpectedly"]

    def ping(_dbapi_connection):
        if failures:
            raise OSError(failures.pop())

    ping_when_idle(engine, idle_seconds=0, ping=ping)
    opened = _connections_opened(engine)
    _use(engine)
    _use(engine)  # its connection fails the check: the pool opens another one
    assert len(opened) == 2 and failures == []


def test_the_default_check_runs_a_query_and_leaves_no_transaction(engine):
    ping_when_idle(engine, idle_seconds=0)
    _use(engine)
    with engine.connect() as connection:  # checked with SELECT 1, then used
        assert connection.execute(text("SELECT 2")).scalar() == 2
