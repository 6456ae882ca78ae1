"""PostgreSQL: an answer save's three writes in one statement, one round trip instead of three.

The answer's update (if still at the revision read), the audit event and the assessment's
last change (if its state still allows answers to change) are data-modifying ``WITH``
sub-statements of one ``SELECT`` that counts the rows each update changed; a count other
than 1 means someone else moved first, and the caller rolls the transaction back. SQLite has
no data-modifying ``WITH``: there, ``saving`` runs the same writes one by one.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import bindparam, func

from mgf_assess.assessments.models import Answer, Assessment, editable_state
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db

ANSWER_COLUMNS = ("status", "value", "justification", "revision", "carried_over", "carry_note",
                  "updated_by_id", "updated_at")
_EVENT_COLUMNS = ("at", "actor_id", "action", "object_type", "object_id", "country_code", "old_value",
                  "new_value", "reason")


# Parameter names must differ from every column name of the updated tables: SQLAlchemy adds
# an UPDATE's SET clause for any parameter named as a column of its table.
def _bound(table, names: tuple[str, ...], prefix: str) -> dict:
    """``{column: bindparam}`` for the given columns, typed as the columns are."""
    return {name: bindparam(f"{prefix}{name}", type_=table.c[name].type) for name in names}


def _statement():
    answers, assessments, events = Answer.__table__, Assessment.__table__, AuditEvent.__table__
    saved = (answers.update().where(answers.c.id == bindparam("answer_id"),
                                    answers.c.revision == bindparam("base_revision"))
             .values(_bound(answers, ANSWER_COLUMNS, "answer_")).returning(answers.c.id).cte("saved_answer"))
    touched = (assessments.update().where(assessments.c.id == bindparam("touched_id"),
                                          editable_state(assessments.c.state))
               .values(updated_at=bindparam("answer_updated_at", type_=assessments.c.updated_at.type))
               .returning(assessments.c.id).cte("touched_assessment"))
    logged = events.insert().values(_bound(events, _EVENT_COLUMNS, "event_")).cte("logged_event")
    return db.select(db.select(func.count()).select_from(saved).scalar_subquery().label("answers"),
                     db.select(func.count()).select_from(touched).scalar_subquery().label("assessments"),
                     ).add_cte(logged)


_STATEMENT = _statement()  # built once: statements are immutable, only their parameters change


class Changed(NamedTuple):
    answers: int
    assessments: int


def supported() -> bool:
    return db.session.get_bind().dialect.name == "postgresql"


def write(answer_id: int, base_revision: int, assessment_id: int, values: dict, event: dict) -> Changed:
    """Run the three writes; how many answer and assessment rows they changed (1 and 1: saved)."""
    params = {"answer_id": answer_id, "base_revision": base_revision, "touched_id": assessment_id,
              **{f"answer_{name}": values[name] for name in ANSWER_COLUMNS},
              **{f"event_{name}": value for name, value in event.items()}}
    row = db.session.connection().execute(_STATEMENT, params).one()
    return Changed(row.answers, row.assessments)
