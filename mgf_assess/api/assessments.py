"""API endpoints of assessments: list, open, read, scores, state transitions.

Routes stay thin: find the object under the access policy, check the body, call one operation,
commit, respond. Refusals raised on the way become JSON errors in ``api.errors``.
"""

from __future__ import annotations

from flask import url_for
from flask_login import current_user

from mgf_assess.api import access
from mgf_assess.api.blueprint import bp, respond, token_required
from mgf_assess.api.bodies import NewAssessment, TransitionRequest, read_body
from mgf_assess.api.representations import assessment_detail, assessment_summary
from mgf_assess.assessments import operations, queries, workflow
from mgf_assess.assessments.scoring_bridge import overrides_document, score_assessment
from mgf_assess.core import policy
from mgf_assess.core.models import Country
from mgf_assess.extensions import db


@bp.get("/assessments")
@token_required
def list_assessments():
    """The assessments the caller may see, newest cycle first."""
    found = queries.visible_assessments(current_user)
    return respond({"assessments": [assessment_summary(item) for item in found]})


@bp.post("/assessments")
@token_required
def create_assessment():
    """Open an assessment for a country, questionnaire version and cycle."""
    body = read_body(NewAssessment)
    country = db.session.get(Country, body.country)
    if country is not None:  # an unknown code is reported with the other input problems
        policy.require(current_user, "assessment.create", country)
    created = operations.create_assessment(current_user, country=body.country, family=body.questionnaire,
                                           version=body.version, cycle=body.cycle)
    location = url_for("api.get_assessment", assessment_id=created.id)
    return respond(assessment_detail(created), 201, Location=location)


@bp.get("/assessments/<int:assessment_id>")
@token_required
def get_assessment(assessment_id: int):
    """One assessment with its answers and evidence."""
    return respond(assessment_detail(access.assessment(assessment_id)))


@bp.get("/assessments/<int:assessment_id>/scores")
@token_required
def get_scores(assessment_id: int):
    """The score of the current answers and overrides: the scoring library's result document
    (``score`` validated, ``self_score`` self-assessed, at every level), with the overrides."""
    found = access.assessment(assessment_id, "assessment.scores")
    return respond(score_assessment(found) | {"overrides": overrides_document(found)})


@bp.post("/assessments/<int:assessment_id>/transitions")
@token_required
def post_transition(assessment_id: int):
    """Move the assessment through the workflow (an ``action`` of the workflow table)."""
    found = access.assessment(assessment_id)
    body = read_body(TransitionRequest)
    name = body.action
    refusal = workflow.refusal_text(workflow.TRANSITIONS[name], found.state)
    access.require_state_or_role(f"transition.{name}", f"transition.{name}.who", found, refusal)
    done = operations.run_transition(current_user, found, name, body.comment)
    return respond({"id": found.id, "action": name, "previous_state": done.previous_state,
                    "state": done.state, "snapshot": done.snapshot.id if done.snapshot else None})
