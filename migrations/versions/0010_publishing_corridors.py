"""publishing (assessments.published_at), corridors (corridors, corridor_countries), snapshot
summaries (score_snapshots.summary)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 04:30:00

``assessments`` and ``score_snapshots`` are altered in place (``recreate="never"``: SQLite has ADD COLUMN): batch
mode's copy-and-move would drop the old table, and with foreign keys on SQLite would delete
the answers, evidence and snapshots that reference it, or refuse. Snapshots taken before this
revision have no summary: it is computed from their result when they are read.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('assessments', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('published_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('score_snapshots', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('summary', sa.JSON(), nullable=True))

    op.create_table('corridors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_corridors_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_corridors')),
    sa.UniqueConstraint('name', name=op.f('uq_corridors_name'))
    )
    op.create_table('corridor_countries',
    sa.Column('corridor_id', sa.Integer(), nullable=False),
    sa.Column('country_code', sa.String(length=3), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['corridor_id'], ['corridors.id'], name=op.f('fk_corridor_countries_corridor_id_corridors'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['country_code'], ['countries.code'], name=op.f('fk_corridor_countries_country_code_countries')),
    sa.PrimaryKeyConstraint('corridor_id', 'country_code', name=op.f('pk_corridor_countries'))
    )


def downgrade():
    op.drop_table('corridor_countries')
    op.drop_table('corridors')
    with op.batch_alter_table('score_snapshots', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('summary')
    with op.batch_alter_table('assessments', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('published_at')
