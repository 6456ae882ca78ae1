"""API endpoint saving one answer, with optimistic concurrency through ``base_revision``.

The same endpoint serves the application's own pages (autosave) with their session cookie and
an ``X-CSRFToken`` header; the blueprint's guard checks that header.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from mgf_assess.api import access
from mgf_assess.api.blueprint import bp, respond, statements_commit_themselves
from mgf_assess.api.bodies import AnswerSave, read_body
from mgf_assess.api.representations import stored_answer_json
from mgf_assess.assessments import operations


@bp.put("/assessments/<int:assessment_id>/answers/<qid>")
@statements_commit_themselves
def put_answer(assessment_id: int, qid: str):
    """Save one answer if ``base_revision`` is still its revision (409 with the current one if not)."""
    actor, found, current = access.caller_and_answer(assessment_id, qid)  # 401, 404
    target = access.question(found, qid)
    refusal = _l("This assessment is %(state)s: answers cannot change now.", state=found.state)
    access.require_state_or_role("answer.edit", "answer.author", target, refusal)
    body = read_body(AnswerSave)
    payload = body.given("value", "status", "justification")
    saved = operations.save_answer_noting_evidence(actor, found, qid, payload, body.base_revision, current)
    return respond(stored_answer_json(saved.answer, saved.has_evidence))
