"""API endpoint saving one answer, with optimistic concurrency through ``base_revision``.

The same endpoint serves the application's own pages (autosave) with their session cookie and
an ``X-CSRFToken`` header; the blueprint's guard checks that header.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_login import current_user

from mgf_assess.api import access
from mgf_assess.api.blueprint import bp, respond, token_required
from mgf_assess.api.bodies import Field, between, one_of, read_body
from mgf_assess.api.representations import stored_answer_json
from mgf_assess.assessments import operations
from mgf_assess.assessments.models import ANSWER_STATUSES

MAX_REVISION = 2**31 - 1
ANSWER_BODY = [
    Field("value", nullable=True, description="the answer when status is answered: yes/no or an option "
          "code, a list of option codes, a number, a text or an ISO date, as the question's type says"),
    Field("status", (str,), check=one_of(ANSWER_STATUSES),
          description="answered (default), na (not applicable: needs a justification) or unknown"),
    Field("justification", (str,), nullable=True, description="why not applicable, or a note"),
    Field("base_revision", (int,), required=True, check=between(0, MAX_REVISION),
          description="the revision the new answer is based on: 0 for a never-answered question"),
]


@bp.put("/assessments/<int:assessment_id>/answers/<qid>")
@token_required
def put_answer(assessment_id: int, qid: str):
    """Save one answer if ``base_revision`` is still its revision (409 with the current one if not)."""
    found = access.assessment(assessment_id)
    target = access.question(found, qid)
    refusal = _l("This assessment is %(state)s: answers cannot change now.", state=found.state)
    access.require_state_or_role("answer.edit", "answer.author", target, refusal)
    body = read_body(ANSWER_BODY)
    payload = {key: body[key] for key in ("value", "status", "justification") if key in body}
    saved = operations.save_answer(current_user, found, qid, payload, body["base_revision"])
    return respond(stored_answer_json(saved))
