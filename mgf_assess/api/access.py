"""Finding what a request names, under the access policy (404 when it is not the caller's to see)."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from mgf_assess.assessments import queries
from mgf_assess.assessments.access import AnswerTarget, answer_target
from mgf_assess.assessments.errors import NotEditable
from mgf_assess.assessments.locking import refuse_if_locked
from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.core import policy
from mgf_assess.extensions import db

MAX_ID = 2**31 - 1  # the largest id an INTEGER column holds; larger ones cannot exist


def assessment(assessment_id: int, action: str = "assessment.view") -> Assessment:
    """The assessment if the caller may see it (else 404) and do ``action`` on it (else 403)."""
    if not 0 < assessment_id <= MAX_ID:
        abort(404)  # the database would refuse to compare with such a number
    return queries.assessment_for(_caller(), assessment_id, action)


def question(found: Assessment, qid: str) -> AnswerTarget:
    """The question of the assessment's questionnaire; 404 when there is no such question."""
    target = answer_target(found, definition_for(found), qid)
    if target is None:
        abort(404, f"The questionnaire of this assessment has no question {qid!r}.")
    return target


def evidence(found: Assessment, evidence_id: int) -> Evidence:
    """A piece of evidence of the assessment; 404 when the assessment has no such evidence."""
    item = db.session.get(Evidence, evidence_id) if 0 < evidence_id <= MAX_ID else None
    if item is None or item.assessment_id != found.id:
        abort(404, f"This assessment has no evidence {evidence_id}.")
    return item


def require_state_or_role(allowed: str, who: str, obj, refusal) -> None:
    """Refuse an action the policy does not allow: NotEditable (409) with ``refusal`` when only
    the state stands in the way (rule ``who`` allows the caller), 403 when the caller may never.
    ``refusal`` is a lazy string: translated only when it is needed."""
    user = _caller()
    if policy.can(user, allowed, obj):
        return
    if policy.can(user, who, obj):
        refuse_if_locked(getattr(obj, "assessment", obj))  # validated: say so, and who may unlock it
        raise NotEditable(refusal)
    abort(403, "Your account may not do this to this assessment.")


def _caller():
    """The signed-in user itself rather than Flask-Login's proxy, which looks the user up
    again on every attribute the policy reads (the same object either way)."""
    return current_user._get_current_object()
