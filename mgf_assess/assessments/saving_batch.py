"""An answer save's writes as one all-or-nothing statement (PostgreSQL here, SQLite in ``saving_sqlite``).

One statement locks the assessment row if its state still allows answers to change, writes
the answer (an update only at the revision read; a first answer only if there is none yet),
and, only if the answer was written, the assessment's last change and the audit event. It
reports whether the assessment was editable and the id of the answer written (none: someone
else saved it first). Being all-or-nothing by itself, it needs no transaction block around it
(see ``api.blueprint.statements_commit_themselves``). SQLite has no data-modifying ``WITH``:
there, the same statement is an insert into a view whose trigger writes (``saving_sqlite``).
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import bindparam, exists, func
from sqlalchemy.dialects.postgresql import insert as pg_insert

from mgf_assess.assessments import saving_sqlite
from mgf_assess.assessments.models import Answer, Assessment, editable_state
from mgf_assess.assessments.saving_sqlite import ANSWER_COLUMNS, written_params
from mgf_assess.core.audit import EVENT_COLUMNS
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db

_KEY_COLUMNS = ("assessment_id", "question_id")
_ANSWERS, _ASSESSMENTS, _EVENTS = Answer.__table__, Assessment.__table__, AuditEvent.__table__


# Parameter names differ from every column name of the written tables: SQLAlchemy adds an
# UPDATE's SET clause for any parameter named as a column of its table.
def _bound(table, names: tuple[str, ...], prefix: str) -> list:
    """Typed parameters for the given columns."""
    return [bindparam(f"{prefix}{name}", type_=table.c[name].type) for name in names]


def _locked():
    return (db.select(_ASSESSMENTS.c.id).where(_ASSESSMENTS.c.id == bindparam("locked_id"),
                                               editable_state(_ASSESSMENTS.c.state))
            .with_for_update().cte("locked_assessment"))


def _updated_answer(locked):
    values = dict(zip(ANSWER_COLUMNS, _bound(_ANSWERS, ANSWER_COLUMNS, "answer_"), strict=True))
    return (_ANSWERS.update().where(_ANSWERS.c.id == bindparam("row_id"),
                                    _ANSWERS.c.revision == bindparam("base_revision"), exists(locked.select()))
            .values(values).returning(_ANSWERS.c.id).cte("saved_answer"))


def _inserted_answer(locked):
    names = _KEY_COLUMNS + ANSWER_COLUMNS
    rows = db.select(*_bound(_ANSWERS, names, "answer_")).where(exists(locked.select()))
    return (pg_insert(_ANSWERS).from_select(names, rows).on_conflict_do_nothing(index_elements=_KEY_COLUMNS)
            .returning(_ANSWERS.c.id).cte("saved_answer"))


def _statement(saved_answer):
    """The whole statement around one way of writing the answer."""
    locked = _locked()
    saved = saved_answer(locked)
    touched = (_ASSESSMENTS.update().where(_ASSESSMENTS.c.id == bindparam("locked_id"), exists(saved.select()))
               .values(updated_at=bindparam("answer_updated_at")).cte("touched_assessment"))
    events = db.select(*_bound(_EVENTS, EVENT_COLUMNS, "event_")).where(exists(saved.select()))
    logged = _EVENTS.insert().from_select(EVENT_COLUMNS, events).cte("logged_event")
    return db.select(db.select(func.count()).select_from(locked).scalar_subquery().label("editable"),
                     db.select(saved.c.id).scalar_subquery().label("answer_id")).add_cte(touched, logged)


# Built once: statements are immutable, only their parameters change.
_UPDATE = _statement(_updated_answer)
_INSERT = _statement(_inserted_answer)


class Written(NamedTuple):
    editable: bool  # False: the assessment's state no longer allows answers to change
    answer_id: int | None  # None: not written, someone else saved this answer first


def write(assessment_id: int, qid: str, current: Answer | None, values: dict, event: dict) -> Written:
    """Write a save (``current``: the answer as read, None for a first answer) in one statement
    (SQLite: ``saving_sqlite``)."""
    if db.session.get_bind().dialect.name == "sqlite":
        return Written(*saving_sqlite.write(assessment_id, qid, current, values, event))
    params = {"locked_id": assessment_id, **written_params(values, event)}
    if current is None:
        statement = _INSERT
        params.update(answer_assessment_id=assessment_id, answer_question_id=qid)
    else:
        statement = _UPDATE
        params.update(row_id=current.id, base_revision=current.revision)
    row = db.session.connection().execute(statement, params).one()
    return Written(bool(row.editable), row.answer_id)
