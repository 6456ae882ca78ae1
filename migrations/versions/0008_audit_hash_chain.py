"""audit log as a hash chain: previous_hash and hash on every event, the chain's head

Existing events are sealed in id order, with the same canonical form as the application's
``core.audit.chain`` (written here again: a migration never imports the application).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 04:10:00

"""
import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

GENESIS = "0" * 64
HASHED = ("at", "actor_id", "action", "object_type", "object_id", "country_code", "old_value", "new_value",
          "reason")


def _plain(value):
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
    return value


def _hash(previous, row):
    content = {name: _plain(row[name]) for name in HASHED}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(f"{previous}\n{text}".encode()).hexdigest()


def _seal_existing(events, chain):
    connection, previous, count = op.get_bind(), GENESIS, 0
    rows = connection.execute(sa.select(events).order_by(events.c.id)).mappings().all()
    for row in rows:
        digest = _hash(previous, row)
        connection.execute(events.update().where(events.c.id == row["id"])
                           .values(previous_hash=previous, hash=digest))
        previous, count = digest, count + 1
    connection.execute(chain.insert().values(id=1, last_hash=previous, events=count))


def upgrade():
    chain = op.create_table(
        'audit_chain',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('last_hash', sa.String(length=64), nullable=False),
        sa.Column('events', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_chain')))
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('previous_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=True))
    events = sa.table('audit_events', sa.column('id', sa.Integer), sa.column('at', sa.DateTime),
                      sa.column('actor_id', sa.Integer), sa.column('action', sa.String),
                      sa.column('object_type', sa.String), sa.column('object_id', sa.String),
                      sa.column('country_code', sa.String), sa.column('old_value', sa.JSON),
                      sa.column('new_value', sa.JSON), sa.column('reason', sa.Text),
                      sa.column('previous_hash', sa.String), sa.column('hash', sa.String))
    _seal_existing(events, chain)
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.alter_column('previous_hash', existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column('hash', existing_type=sa.String(length=64), nullable=False)


def downgrade():
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('previous_hash')
    op.drop_table('audit_chain')
