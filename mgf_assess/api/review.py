"""API endpoints of the review: score overrides, evidence review, questions looked at, the
review's progress, and what changed since the assessment was returned.

They call the review's operations (``review.operations``) under the policy's rules: the
caller must review the assessment (``review.act``: an admin, or an evaluator of its country),
else 403; only the state standing in the way (not in review, or validated) answers 409.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import request
from flask_login import current_user

from mgf_assess.api import access
from mgf_assess.api.blueprint import bp, no_content, problem, respond, token_required
from mgf_assess.api.bodies import EvidenceReview, OverrideSet, read_body
from mgf_assess.api.representations import evidence_item_json, timestamp, user_ref
from mgf_assess.assessments.scoring_bridge import json_value, score_assessment
from mgf_assess.auth.models import User
from mgf_assess.extensions import db
from mgf_assess.review import changes, operations, queries
from mgf_assess.review.progress import review_progress


def _reviewing(assessment_id: int, action: str):
    found = access.assessment(assessment_id)
    refusal = str(operations.NOT_IN_REVIEW) % {"state": found.state}
    access.require_state_or_role(action, f"{action}.who", found, refusal)
    return found


@bp.get("/assessments/<int:assessment_id>/overrides")
@token_required
def list_overrides(assessment_id: int):
    """The evaluator's overrides, each beside the self-assessed score."""
    found = access.assessment(assessment_id, "assessment.scores")
    self_scores = _self_scores(score_assessment(found))
    return respond({"overrides": [_override_json(item, self_scores.get(qid))
                                  for qid, item in queries.overrides_of(found).items()]})


@bp.put("/assessments/<int:assessment_id>/overrides/<qid>")
@token_required
def put_override(assessment_id: int, qid: str):
    """Set the validated score of a scored question, with its justification."""
    found = _reviewing(assessment_id, "override.set")
    access.question(found, qid)
    body = read_body(OverrideSet)
    item = operations.set_override(current_user, found, qid, body.score, body.justification)
    self_score = _self_scores(score_assessment(found)).get(qid)
    return respond(_override_json(item, self_score))


@bp.delete("/assessments/<int:assessment_id>/overrides/<qid>")
@token_required
def delete_override(assessment_id: int, qid: str):
    """Remove the override of a question: the self-assessed score counts again."""
    found = _reviewing(assessment_id, "override.set")
    access.question(found, qid)
    if not operations.remove_override(current_user, found, qid):
        return problem(404, f"Question {qid!r} has no override.")
    return no_content()


@bp.put("/assessments/<int:assessment_id>/evidence/<int:evidence_id>/review")
@token_required
def put_evidence_review(assessment_id: int, evidence_id: int):
    """Accept or reject a piece of evidence (a rejection needs a note)."""
    found = _reviewing(assessment_id, "evidence.review")
    item = access.evidence(found, evidence_id)
    body = read_body(EvidenceReview)
    return respond(evidence_item_json(operations.review_evidence(current_user, found, item, body.status, body.note)))


@bp.route("/assessments/<int:assessment_id>/marks/<qid>", methods=["PUT", "DELETE"])
@token_required
def put_or_delete_mark(assessment_id: int, qid: str):
    """Mark a question as looked at (PUT), or take the mark away (DELETE)."""
    found = _reviewing(assessment_id, "review.mark")
    access.question(found, qid)
    operations.mark_question(current_user, found, qid, request.method == "PUT")
    return no_content()


@bp.get("/assessments/<int:assessment_id>/review")
@token_required
def get_review_progress(assessment_id: int):
    """The review's progress: questions looked at, open queries, overrides, evidence reviewed."""
    found = access.assessment(assessment_id, "review.view")
    return respond({"state": found.state, **vars(review_progress(found))})


@bp.get("/assessments/<int:assessment_id>/changes")
@token_required
def get_changes(assessment_id: int):
    """What changed since the last return (``since=return``, the default) or since a moment
    (``since=2026-03-01T09:30:00Z``)."""
    found = access.assessment(assessment_id, "review.view")
    since = request.args.get("since", "return")
    if since == "return":
        found_changes = changes.changes_since_return(found)
        if found_changes is None:
            return problem(409, "This assessment has never been returned to the country, so nothing changed since "
                                "a return. Ask since=<an ISO 8601 date and time> instead.")
    else:
        moment = _moment(since)
        if moment is None:
            return problem(422, f"since must be 'return' or an ISO 8601 date and time such as "
                                f"2026-03-01T09:30:00Z (not {since[:40]!r}).")
        found_changes = changes.changes_since(found, moment)
    return respond(_changes_json(found_changes))


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "+"))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _changes_json(found: changes.ChangeSet) -> dict:
    returned = found.returned
    authors = _users({change.actor_id for change in found.changes} | {getattr(returned, "actor_id", None)})
    return {"since": timestamp(found.since),
            "returned_by": user_ref(authors.get(returned.actor_id)) if returned else None,
            "return_comment": returned.reason if returned else None,
            "changes": [{"kind": change.kind, "question": change.question, "by": user_ref(authors.get(change.actor_id)),
                         "at": timestamp(change.at), "old": change.old, "new": change.new, **change.details}
                        for change in found.changes]}


def _users(ids: set) -> dict[int, User]:
    ids = {number for number in ids if number is not None}
    return {user.id: user for user in db.session.scalars(db.select(User).where(User.id.in_(ids)))} if ids else {}


def _self_scores(result: dict) -> dict:
    return {question["id"]: question["self_score"] for domain in result["domains"] for area in domain["areas"]
            for question in area["questions"]}


def _override_json(item, self_score) -> dict:
    return {"question": item.question_id, "score": json_value(item.score), "self_score": self_score,
            "justification": item.justification, "updated_by": user_ref(item.created_by),
            "updated_at": timestamp(item.updated_at)}
