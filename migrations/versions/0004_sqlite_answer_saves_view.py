"""SQLite: the answer_saves view, through which an answer save writes in one statement

On SQLite an answer save inserts one row into the view ``answer_saves``, whose INSTEAD OF
trigger checks the assessment's state and the answer's revision and writes the answer, the
audit event and the assessment's last change (``mgf_assess.assessments.saving_sqlite``).
PostgreSQL needs nothing: it writes with one data-modifying WITH statement.

The DDL comes from ``saving_sqlite.create_statements``, which replaces an existing view: a
later change of the trigger is a new migration calling it again, and so is a later batch
migration of answers, audit_events or assessments, which drops the view before rebuilding them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 00:45:00

"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    from mgf_assess.assessments import saving_sqlite

    for statement in saving_sqlite.create_statements():
        op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP VIEW IF EXISTS answer_saves")
