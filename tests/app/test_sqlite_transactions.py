"""SQLite transactions: BEGIN IMMEDIATE at the first statement, or at the first write."""

import pytest
from sqlalchemy import create_engine, text

from mgf_assess.database import BEGIN_AT_FIRST_WRITE, tune_sqlite


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path}/tx.sqlite3")
    tune_sqlite(engine, busy_timeout_ms=100)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (n INTEGER)"))
    yield engine
    engine.dispose()


def _driver(connection):
    return connection.connection.dbapi_connection


def test_a_transaction_takes_the_write_lock_at_its_first_statement(engine):
    with engine.connect() as connection:
        connection.execute(text("SELECT count(*) FROM t"))
        assert _driver(connection).in_transaction
        with engine.connect() as other, pytest.raises(Exception, match="locked"):
            other.execute(text("SELECT 1"))  # its BEGIN IMMEDIATE waits, then gives up


@pytest.mark.parametrize("first_write", ["INSERT INTO t VALUES (1)", "UPDATE t SET n = 2", "DELETE FROM t",
                                         "SAVEPOINT sp"])
def test_at_first_write_reads_run_outside_a_transaction_and_the_first_write_begins_it(engine, first_write):
    with engine.connect() as connection:
        connection.execution_options(**BEGIN_AT_FIRST_WRITE)
        connection.execute(text("SELECT count(*) FROM t"))
        connection.execute(text("PRAGMA foreign_keys"))
        assert not _driver(connection).in_transaction
        with engine.begin() as other:  # another writer is not kept waiting by the reads
            other.execute(text("INSERT INTO t VALUES (7)"))
        connection.execute(text(first_write))
        assert _driver(connection).in_transaction
        connection.rollback()
        assert not _driver(connection).in_transaction


def test_at_first_write_the_writes_commit_together_or_not_at_all(engine):
    with engine.connect() as connection:
        connection.execution_options(**BEGIN_AT_FIRST_WRITE)
        connection.execute(text("INSERT INTO t VALUES (1)"))
        connection.execute(text("INSERT INTO t VALUES (2)"))
        connection.rollback()
        connection.execute(text("INSERT INTO t VALUES (3)"))
        connection.commit()
    with engine.connect() as reader:
        assert reader.execute(text("SELECT n FROM t")).scalars().all() == [3]
