"""review: queries and comments (review_comments), score overrides, questions looked at
(review_marks), evidence review (evidence.review_note, reviewed_by_id, reviewed_at);
notifications

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 05:50:28

``evidence`` is altered in place (``recreate="never"``, as in 0010): SQLite adds the columns,
the foreign key included, with ADD COLUMN, and no table is copied.
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=True),
    sa.Column('question_id', sa.String(length=64), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_notifications_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_notifications_assessment_id_assessments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_user_id'), ['user_id'], unique=False)

    op.create_table('review_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=True),
    sa.Column('internal', sa.Boolean(), nullable=False),
    sa.Column('reply_to_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_review_comments_assessment_id_assessments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_review_comments_author_id_users')),
    sa.ForeignKeyConstraint(['reply_to_id'], ['review_comments.id'], name=op.f('fk_review_comments_reply_to_id_review_comments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['users.id'], name=op.f('fk_review_comments_resolved_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_comments'))
    )
    with op.batch_alter_table('review_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_comments_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_comments_reply_to_id'), ['reply_to_id'], unique=False)

    op.create_table('review_marks',
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_review_marks_assessment_id_assessments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_review_marks_user_id_users')),
    sa.PrimaryKeyConstraint('assessment_id', 'question_id', name=op.f('pk_review_marks'))
    )
    op.create_table('score_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.String(length=64), nullable=False),
    sa.Column('score', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('justification', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_score_overrides_assessment_id_assessments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_score_overrides_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score_overrides')),
    sa.UniqueConstraint('assessment_id', 'question_id', name=op.f('uq_score_overrides_assessment_id'))
    )
    with op.batch_alter_table('score_overrides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_score_overrides_assessment_id'), ['assessment_id'], unique=False)

    with op.batch_alter_table('evidence', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('review_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(), nullable=True))
    _add_reviewer_column()


def _add_reviewer_column():
    """``evidence.reviewed_by_id`` and its foreign key: one ADD COLUMN on SQLite (which cannot
    add a constraint to a table), a column and a constraint elsewhere."""
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE evidence ADD COLUMN reviewed_by_id INTEGER '
                   'CONSTRAINT fk_evidence_reviewed_by_id_users REFERENCES users (id)')
        return
    op.add_column('evidence', sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
    op.create_foreign_key(op.f('fk_evidence_reviewed_by_id_users'), 'evidence', 'users', ['reviewed_by_id'], ['id'])



def downgrade():
    with op.batch_alter_table('evidence', schema=None, recreate='never') as batch_op:
        if op.get_bind().dialect.name != 'sqlite':  # SQLite drops the column's key with it
            batch_op.drop_constraint(batch_op.f('fk_evidence_reviewed_by_id_users'), type_='foreignkey')
        batch_op.drop_column('reviewed_at')
        batch_op.drop_column('reviewed_by_id')
        batch_op.drop_column('review_note')

    with op.batch_alter_table('score_overrides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_score_overrides_assessment_id'))

    op.drop_table('score_overrides')
    op.drop_table('review_marks')
    with op.batch_alter_table('review_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_comments_reply_to_id'))
        batch_op.drop_index(batch_op.f('ix_review_comments_assessment_id'))

    op.drop_table('review_comments')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notifications_user_id'))

    op.drop_table('notifications')
