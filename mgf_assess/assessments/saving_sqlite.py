"""SQLite: an answer save's writes as one all-or-nothing statement.

SQLite has no data-modifying ``WITH`` (``saving_batch`` uses one on PostgreSQL). The same single
statement is an ``INSERT`` into the view ``answer_saves``, whose ``INSTEAD OF`` trigger:

1. refuses the save (``RAISE(ABORT)``) unless the assessment's state lets answers change;
2. writes the answer: an update only at the revision read, or a first answer only if there is
   none yet, refusing the save otherwise (someone else saved it first);
3. writes the audit event and the assessment's last change.

A refusal aborts the whole statement: nothing of it is kept. A statement takes SQLite's write
lock for its duration, so nothing can move between the checks and the writes, and the save
needs no transaction around it (``api.blueprint.statements_commit_themselves``).

The view and its trigger are created with the tables (``models``) and by the migrations. A
later SQLite migration that rebuilds ``answers``, ``audit_events`` or ``assessments`` (Alembic's
batch mode copies and renames tables) drops the view first and creates it again afterwards with
``create_statements``: while the trigger names a dropped table, SQLite refuses the rename that
puts the rebuilt table in place.
"""

from __future__ import annotations

from sqlalchemy import Column, MetaData, Table, text
from sqlalchemy.exc import IntegrityError

from mgf_assess.assessments.models import COUNTRY_EDITABLE_STATES, Answer
from mgf_assess.core.audit import EVENT_COLUMNS
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db

VIEW = "answer_saves"
_NOT_EDITABLE, _TAKEN = "mgf: assessment not editable", "mgf: answer saved by someone else"
# The answer's columns a save writes (``saving._stored_values``); with the event's, prefixed
# ``answer_`` and ``event_``, they are the parameters of the statement, here and in ``saving_batch``.
ANSWER_COLUMNS = ("status", "value", "justification", "revision", "carried_over", "carry_note",
                  "updated_by_id", "updated_at")
_ANSWERS, _EVENTS = Answer.__table__, AuditEvent.__table__


def _view_table() -> Table:
    """The view as SQLAlchemy sees it: each column typed as the column it writes, so values are
    bound exactly as a direct write would bind them."""
    columns = [Column("assessment_id", _ANSWERS.c.assessment_id.type), Column("question_id", _ANSWERS.c.question_id.type),
               Column("answer_id", _ANSWERS.c.id.type), Column("base_revision", _ANSWERS.c.revision.type)]
    columns += [Column(f"answer_{name}", _ANSWERS.c[name].type) for name in ANSWER_COLUMNS]
    columns += [Column(f"event_{name}", _EVENTS.c[name].type) for name in EVENT_COLUMNS]
    return Table(VIEW, MetaData(), *columns)


_VIEW_TABLE = _view_table()
_INSERT = _VIEW_TABLE.insert()  # built once: only the parameters change


def create_statements() -> list[str]:
    """The DDL of the view and its trigger (replacing older ones)."""
    names = [column.name for column in _VIEW_TABLE.columns]
    nulls = ", ".join(f"NULL AS {name}" for name in names)
    return [f"DROP VIEW IF EXISTS {VIEW}", f"CREATE VIEW {VIEW} AS SELECT {nulls} WHERE 0", _trigger()]


def _trigger() -> str:
    editable = " OR ".join(f"state = '{state}'" for state in COUNTRY_EDITABLE_STATES)
    answer_sets = ", ".join(f"{name} = NEW.answer_{name}" for name in ANSWER_COLUMNS)
    answer_columns = ", ".join(ANSWER_COLUMNS)
    answer_values = ", ".join(f"NEW.answer_{name}" for name in ANSWER_COLUMNS)
    event_columns, event_values = ", ".join(EVENT_COLUMNS), ", ".join(f"NEW.event_{name}" for name in EVENT_COLUMNS)
    return f"""CREATE TRIGGER {VIEW}_write INSTEAD OF INSERT ON {VIEW} BEGIN
  SELECT RAISE(ABORT, '{_NOT_EDITABLE}')
    WHERE NOT EXISTS (SELECT 1 FROM assessments WHERE id = NEW.assessment_id AND ({editable}));
  SELECT RAISE(ABORT, '{_TAKEN}') WHERE NEW.answer_id IS NULL AND EXISTS
    (SELECT 1 FROM answers WHERE assessment_id = NEW.assessment_id AND question_id = NEW.question_id);
  INSERT INTO answers (assessment_id, question_id, {answer_columns})
    SELECT NEW.assessment_id, NEW.question_id, {answer_values} WHERE NEW.answer_id IS NULL;
  UPDATE answers SET {answer_sets} WHERE id = NEW.answer_id AND revision = NEW.base_revision;
  SELECT RAISE(ABORT, '{_TAKEN}') WHERE NEW.answer_id IS NOT NULL AND changes() = 0;
  INSERT INTO audit_events ({event_columns}) VALUES ({event_values});
  UPDATE assessments SET updated_at = NEW.answer_updated_at WHERE id = NEW.assessment_id;
END"""


def create(connection) -> None:
    """Create (or replace) the view and its trigger on a SQLite connection."""
    for statement in create_statements():
        connection.execute(text(statement))


def write(assessment_id: int, qid: str, current: Answer | None, values: dict, event: dict) -> tuple[bool, int | None]:
    """Write a save (``current``: the answer as read, None for a first answer) in one statement;
    ``(editable, answer id or None when someone else saved it first)``."""
    params = {"assessment_id": assessment_id, "question_id": qid,
              "answer_id": current.id if current else None, "base_revision": current.revision if current else 0,
              **written_params(values, event)}
    try:
        db.session.connection().execute(_INSERT, params)
    except IntegrityError as error:
        refusal = _REFUSALS.get(str(error.orig))
        if refusal is None:  # another constraint failed: not a refusal of the trigger's
            raise
        return refusal
    return True, current.id if current else _first_answer_id(assessment_id, qid)


_REFUSALS = {_NOT_EDITABLE: (False, None), _TAKEN: (True, None)}


def written_params(values: dict, event: dict) -> dict:
    """The answer's written ``values`` and the audit ``event`` as statement parameters."""
    return {**{f"answer_{name}": values[name] for name in ANSWER_COLUMNS},
            **{f"event_{name}": event[name] for name in EVENT_COLUMNS}}


def _first_answer_id(assessment_id: int, qid: str) -> int:
    query = db.select(Answer.id).where(Answer.assessment_id == assessment_id, Answer.question_id == qid)
    return db.session.connection().execute(query).scalar_one()
