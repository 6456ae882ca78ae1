"""Refusals raised by operations and body checks, turned into the API's JSON errors.

Every handler rolls the transaction back first: an operation that refuses has changed nothing
that should stay, and the response must not depend on what a route did before it failed.
"""

from __future__ import annotations

from flask import jsonify, request

from mgf_assess.api.blueprint import bp, error_body, problem
from mgf_assess.api.bodies import BodyError, item
from mgf_assess.api.representations import stored_answer_json
from mgf_assess.assessments.errors import (
    AnswerConflict,
    AnswerProblems,
    DuplicateAssessment,
    NotEditable,
    NotReady,
    OpenQueries,
)
from mgf_assess.core.errors import OperationError
from mgf_assess.extensions import db


@bp.errorhandler(BodyError)
def _body_error(error: BodyError):
    db.session.rollback()
    extra = {"problems": error.problems} if error.problems is not None else {}
    return problem(error.status, error.title, **extra)


@bp.errorhandler(AnswerConflict)
def _answer_conflict(error: AnswerConflict):
    current = stored_answer_json(error.current)  # before the rollback expires the row
    db.session.rollback()
    title = (f"This answer was changed by someone else and is now at revision {current['revision']}: "
             "look at the current answer, then save again with that base_revision.")
    return jsonify({**error_body(409, title), "current": current}), 409


@bp.errorhandler(AnswerProblems)
def _answer_problems(error: AnswerProblems):
    db.session.rollback()
    qid = (request.view_args or {}).get("qid", "")
    problems = [{**entry, "location": _body_location(entry["location"], qid)} for entry in error.items]
    return problem(422, "The answer is not valid; nothing was saved.", problems=problems)


def _body_location(location: str, qid: str) -> str:
    """``answers.<qid>.value`` (the scoring library's location) is ``value`` in the request body."""
    prefix = f"answers.{qid}"
    if location == prefix:
        return ""
    return location.removeprefix(prefix + ".")


NOT_READY = ("The assessment is not ready to submit; nothing was submitted. Answer the questions listed under "
             "missing, confirm (or change) the carried-over answers listed under unconfirmed, and attach evidence "
             "to the answers listed under evidence_missing.")


@bp.errorhandler(NotReady)
def _not_ready(error: NotReady):
    db.session.rollback()
    found = error.readiness
    return problem(422, NOT_READY, missing=found.missing, unconfirmed=found.unconfirmed,
                   evidence_missing=found.evidence_missing)


OPEN_QUERIES = ("Queries are still open; the review was not accepted. Resolve every query listed under "
                "open_queries (or have the country answer it), then accept again.")


@bp.errorhandler(OpenQueries)
def _open_queries(error: OpenQueries):
    waiting = [{"id": query.id, "question": query.question_id, "text": query.text} for query in error.queries]
    db.session.rollback()
    return problem(422, OPEN_QUERIES, open_queries=waiting)


@bp.errorhandler(NotEditable)
@bp.errorhandler(DuplicateAssessment)
def _state_conflict(error: OperationError):
    db.session.rollback()
    return problem(409, " ".join(error.problems.values()))


@bp.errorhandler(OperationError)
def _operation_error(error: OperationError):
    db.session.rollback()
    problems = [item(field, "invalid", message) for field, message in error.problems.items()]
    return problem(422, "Invalid input; nothing was changed.", problems=problems)
