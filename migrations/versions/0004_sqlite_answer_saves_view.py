"""SQLite: the answer_saves view, through which an answer save once wrote in one statement

An answer save inserted one row into the view ``answer_saves``, whose INSTEAD OF trigger
checked the assessment's state and the answer's revision and wrote the answer, the audit event
and the assessment's last change. Migration 0005 drops both: answers are now saved through the
ORM. The DDL is kept here as it was, so that the history of the schema replays unchanged.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 00:45:00

"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_COLUMNS = ("assessment_id", "question_id", "answer_id", "base_revision", "answer_status", "answer_value",
            "answer_justification", "answer_revision", "answer_carried_over", "answer_carry_note",
            "answer_updated_by_id", "answer_updated_at", "event_at", "event_actor_id", "event_action",
            "event_object_type", "event_object_id", "event_country_code", "event_old_value",
            "event_new_value", "event_reason")

VIEW = "CREATE VIEW answer_saves AS SELECT " + ", ".join(f"NULL AS {name}" for name in _COLUMNS) + " WHERE 0"

TRIGGER = """CREATE TRIGGER answer_saves_write INSTEAD OF INSERT ON answer_saves BEGIN
  SELECT RAISE(ABORT, 'mgf: assessment not editable')
    WHERE NOT EXISTS (SELECT 1 FROM assessments WHERE id = NEW.assessment_id AND (state = 'draft' OR state = 'returned'));
  SELECT RAISE(ABORT, 'mgf: answer saved by someone else') WHERE NEW.answer_id IS NULL AND EXISTS
    (SELECT 1 FROM answers WHERE assessment_id = NEW.assessment_id AND question_id = NEW.question_id);
  INSERT INTO answers (assessment_id, question_id, status, value, justification, revision, carried_over, carry_note, updated_by_id, updated_at)
    SELECT NEW.assessment_id, NEW.question_id, NEW.answer_status, NEW.answer_value, NEW.answer_justification, NEW.answer_revision, NEW.answer_carried_over, NEW.answer_carry_note, NEW.answer_updated_by_id, NEW.answer_updated_at WHERE NEW.answer_id IS NULL;
  UPDATE answers SET status = NEW.answer_status, value = NEW.answer_value, justification = NEW.answer_justification, revision = NEW.answer_revision, carried_over = NEW.answer_carried_over, carry_note = NEW.answer_carry_note, updated_by_id = NEW.answer_updated_by_id, updated_at = NEW.answer_updated_at WHERE id = NEW.answer_id AND revision = NEW.base_revision;
  SELECT RAISE(ABORT, 'mgf: answer saved by someone else') WHERE NEW.answer_id IS NOT NULL AND changes() = 0;
  INSERT INTO audit_events (at, actor_id, action, object_type, object_id, country_code, old_value, new_value, reason) VALUES (NEW.event_at, NEW.event_actor_id, NEW.event_action, NEW.event_object_type, NEW.event_object_id, NEW.event_country_code, NEW.event_old_value, NEW.event_new_value, NEW.event_reason);
  UPDATE assessments SET updated_at = NEW.answer_updated_at WHERE id = NEW.assessment_id;
END"""


def upgrade():
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP VIEW IF EXISTS answer_saves")
    op.execute(VIEW)
    op.execute(TRIGGER)


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP VIEW IF EXISTS answer_saves")
