"""API endpoint saving one answer, with optimistic concurrency through ``base_revision``.

The same endpoint serves the application's own pages (autosave) with their session cookie and
an ``X-CSRFToken`` header; the blueprint's guard checks that header.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_login import current_user

from mgf_assess.api import access
from mgf_assess.api.blueprint import bp, respond, token_required
from mgf_assess.api.bodies import AnswerSave, read_body
from mgf_assess.api.representations import question_evidence, stored_answer_json
from mgf_assess.assessments import operations


@bp.put("/assessments/<int:assessment_id>/answers/<qid>")
@token_required
def put_answer(assessment_id: int, qid: str):
    """Save one answer if ``base_revision`` is still its revision (409 with the current one if not)."""
    found = access.assessment(assessment_id)
    target = access.question(found, qid)
    refusal = _l("This assessment is %(state)s: answers cannot change now.", state=found.state)
    access.require_state_or_role("answer.edit", "answer.author", target, refusal)
    body = read_body(AnswerSave)
    payload = body.given("value", "status", "justification")
    evidence = question_evidence(found.id, qid)  # a save never changes it: read before the lock
    saved = operations.save_answer(current_user, found, qid, payload, body.base_revision)
    return respond(stored_answer_json(saved, evidence))
