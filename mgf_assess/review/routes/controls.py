"""The evaluator's forms on the section pages (they work without JavaScript): set or remove a
score override, accept or reject evidence, mark a question as looked at. Each posts here and
returns to the question on its section page with a message."""

from __future__ import annotations

from flask import abort, flash, redirect, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mgf_assess.assessments import queries, workflow
from mgf_assess.assessments.access import answer_target
from mgf_assess.assessments.models import Evidence
from mgf_assess.assessments.pages import locked_refusal
from mgf_assess.assessments.routes.section import section_url
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.core import policy
from mgf_assess.core.errors import OperationError
from mgf_assess.core.forms import ActionForm
from mgf_assess.extensions import db
from mgf_assess.review import operations
from mgf_assess.review.routes import ASSESSMENT, bp


def _back(assessment, qid: str):
    target = answer_target(assessment, definition_for(assessment), qid)
    return redirect(section_url(assessment.id, target.area_id, qid))


def _refusal(assessment, qid: str, action: str):
    """A redirect with a message when the write cannot happen (locked, not in review), 403 for
    someone who never may, 404 for an unknown question; None when it may go ahead."""
    if answer_target(assessment, definition_for(assessment), qid) is None:
        abort(404)
    refused = locked_refusal(assessment, f"{action}.who", assessment)
    if refused is not None:
        return refused
    policy.require(current_user, f"{action}.who", assessment)
    if not ActionForm().validate_on_submit():
        abort(400)
    if not workflow.is_in_review(assessment.state):
        flash(str(operations.NOT_IN_REVIEW) % {"state": assessment.state}, "error")
        return _back(assessment, qid)
    return None


def _done(assessment, qid: str, write, message: str):
    """Run ``write``; commit and flash ``message``, or flash every problem (nothing changed)."""
    try:
        write()
    except OperationError as error:
        db.session.rollback()
        flash(" ".join(error.problems.values()), "error")
        return _back(assessment, qid)
    db.session.commit()
    flash(message, "success")
    return _back(assessment, qid)


@bp.post(ASSESSMENT + "/review/overrides/<qid>")
@login_required
def override(assessment_id: int, qid: str):
    assessment = queries.assessment_for(current_user, assessment_id)
    refused = _refusal(assessment, qid, "override.set")
    if refused is not None:
        return refused
    if request.form.get("remove"):
        return _done(assessment, qid, lambda: operations.remove_override(current_user, assessment, qid),
                     _("The override was removed: the self-assessed score counts again."))
    score, justification = request.form.get("score", ""), request.form.get("justification", "")
    return _done(assessment, qid, lambda: operations.set_override(current_user, assessment, qid, score, justification),
                 _("The validated score was saved."))


@bp.post(ASSESSMENT + "/review/evidence/<int:evidence_id>")
@login_required
def evidence_review(assessment_id: int, evidence_id: int):
    assessment = queries.assessment_for(current_user, assessment_id)
    item = db.session.get(Evidence, evidence_id)
    if item is None or item.assessment_id != assessment.id:
        abort(404)
    refused = _refusal(assessment, item.question_id, "evidence.review")
    if refused is not None:
        return refused
    status, note = request.form.get("status", ""), request.form.get("note")
    return _done(assessment, item.question_id,
                 lambda: operations.review_evidence(current_user, assessment, item, status, note),
                 _("The evidence was marked as accepted.") if status == "accepted"
                 else _("The evidence was marked as rejected."))


@bp.post(ASSESSMENT + "/review/marks/<qid>")
@login_required
def mark(assessment_id: int, qid: str):
    assessment = queries.assessment_for(current_user, assessment_id)
    refused = _refusal(assessment, qid, "review.mark")
    if refused is not None:
        return refused
    looked_at = request.form.get("looked_at") == "1"
    return _done(assessment, qid, lambda: operations.mark_question(current_user, assessment, qid, looked_at),
                 _("The question is marked as looked at.") if looked_at else _("The mark was removed."))
