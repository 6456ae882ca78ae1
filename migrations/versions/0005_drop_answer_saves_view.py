"""SQLite: drop the answer_saves view and its trigger; answers are saved through the ORM

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 03:00:00

"""
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS answer_saves_write")
        op.execute("DROP VIEW IF EXISTS answer_saves")


def downgrade():
    """Nothing to restore: the view served code that no longer exists, and no version of the
    application that runs on 0004 or earlier writes through it any more."""
