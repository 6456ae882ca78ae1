"""The evaluator's writes during the review: score overrides, evidence review, questions looked at.

Each locks the assessment, refuses a validated one (``Locked``) and any state but ``in_review``
(NotEditable), checks its input (OperationError, located, nothing changed), writes, audits with
the old and new values, and flushes; the route commits. Who may make them is the access
policy's question (``override.set``, ``evidence.review``, ``review.mark``), asked by the caller.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l

from mgf_assess.assessments import workflow
from mgf_assess.assessments.errors import NotEditable
from mgf_assess.assessments.locking import lock_unlocked
from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.assessments.scoring_bridge import definition_for, json_value
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.core.limits import TEXT_MAX, too_long
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.review.models import ReviewMark, ScoreOverride
from scoring.api import check_override

NOT_IN_REVIEW = _l("This assessment is %(state)s: the review's changes (score overrides, evidence review, "
                   "questions looked at) are made only while it is in review.")
REVIEW_VERDICTS = {"accepted": True, "rejected": False}


def lock_for_review(assessment: Assessment) -> Assessment:
    """The assessment under its lock; ``Locked`` when validated, NotEditable unless in review."""
    locked = lock_unlocked(assessment)
    if not workflow.is_in_review(locked.state):
        raise NotEditable(str(NOT_IN_REVIEW) % {"state": locked.state})
    return locked


# ---- score overrides ---------------------------------------------------------------------

def set_override(actor, assessment: Assessment, qid: str, score, justification: str | None) -> ScoreOverride:
    """Set the validated score (0–100, at most two decimals) of a scored question, with its
    justification (required); replaces an earlier override. Audited ``override.set``."""
    value, problems = _override_problems(assessment, qid, score, justification)
    assessment = lock_for_review(assessment)
    if problems:
        raise OperationError(problems)
    found = _override(assessment, qid)
    old = _override_values(found)
    found = found or ScoreOverride(assessment_id=assessment.id, question_id=qid)
    found.score, found.justification, found.updated_at = value, justification.strip(), utcnow()
    found.created_by_id = getattr(actor, "id", None)  # whoever set the score as it stands
    db.session.add(found)
    db.session.flush()
    audit.record(actor, "override.set", "override", f"{assessment.id}:{qid}", old=old, new=_override_values(found),
                 country=assessment.country_code)
    return found


def remove_override(actor, assessment: Assessment, qid: str) -> bool:
    """Remove the override of a question (the self-assessed score counts again); False when
    there was none (nothing written). Audited ``override.remove``."""
    assessment = lock_for_review(assessment)
    found = _override(assessment, qid)
    if found is None:
        return False
    audit.record(actor, "override.remove", "override", f"{assessment.id}:{qid}", old=_override_values(found),
                 country=assessment.country_code)
    db.session.delete(found)
    db.session.flush()
    return True


def _override(assessment: Assessment, qid: str) -> ScoreOverride | None:
    query = db.select(ScoreOverride).filter_by(assessment_id=assessment.id, question_id=qid)
    return db.session.scalars(query.execution_options(populate_existing=True)).first()


def _override_values(found: ScoreOverride | None) -> dict | None:
    if found is None:
        return None
    return {"score": json_value(Decimal(found.score)), "justification": found.justification}


def _override_problems(assessment: Assessment, qid: str, score, justification: str | None) -> tuple[Decimal, dict]:
    """The score as a Decimal, and every problem of the input (question, score, justification)."""
    problems, value = {}, _decimal(score)
    if value is None or not 0 <= value <= 100:
        problems["score"] = _l("The score is a number from 0 to 100.")
    elif -value.as_tuple().exponent > 2:
        problems["score"] = _l("The score has at most two decimals (e.g. 62.5).")
    if not (justification or "").strip():
        problems["justification"] = _l("Say why the validated score differs: a justification is required.")
    elif too_long(justification, TEXT_MAX):
        problems["justification"] = _l("The justification is too long: at most %(n)s characters.", n=f"{TEXT_MAX:,}")
    _override, found = check_override(definition_for(assessment), qid, {"score": 0, "justification": "x"})
    if found:
        problems["question"] = _l("Question %(qid)s has no score to override (it is not scored, or not in this "
                                  "questionnaire).", qid=qid)
    return value, problems


def _decimal(score) -> Decimal | None:
    """The score as a finite Decimal, or None; a decimal comma (62,5) is read as a point, as
    French and Spanish writers type it."""
    if isinstance(score, bool) or not isinstance(score, (int, float, Decimal, str)):
        return None
    text = str(score).strip()
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


# ---- evidence review ---------------------------------------------------------------------

def review_evidence(actor, assessment: Assessment, item: Evidence, status: str, note: str | None = None) -> Evidence:
    """Accept or reject one piece of evidence; a rejection needs a note (what is wrong with it),
    which the country reads. Audited ``evidence.review`` with the verdicts before and after."""
    note = (note or "").strip() or None
    problems = _verdict_problems(status, note)
    assessment = lock_for_review(assessment)
    if problems:
        raise OperationError(problems)
    old = _verdict(item)
    item.accepted, item.review_note = REVIEW_VERDICTS[status], note
    item.reviewed_by_id, item.reviewed_at = getattr(actor, "id", None), utcnow()
    db.session.flush()
    audit.record(actor, "evidence.review", "evidence", item.id, old=old, new=_verdict(item),
                 country=assessment.country_code)
    return item


def review_status(item: Evidence) -> str | None:
    """``accepted``, ``rejected`` or None (not reviewed)."""
    return None if item.accepted is None else ("accepted" if item.accepted else "rejected")


def _verdict(item: Evidence) -> dict:
    return {"question": item.question_id, "status": review_status(item), "note": item.review_note}


def _verdict_problems(status: str, note: str | None) -> dict:
    if status not in REVIEW_VERDICTS:
        return {"status": _l("Choose accepted or rejected.")}
    if status == "rejected" and note is None:
        return {"note": _l("Say why the evidence is rejected, so that the country can replace it.")}
    if too_long(note, TEXT_MAX):
        return {"note": _l("The note is too long: at most %(n)s characters.", n=f"{TEXT_MAX:,}")}
    return {}


# ---- questions looked at -----------------------------------------------------------------

def mark_question(actor, assessment: Assessment, qid: str, looked_at: bool = True) -> bool:
    """Mark a question as looked at (or unmark it); False when it already was so (nothing
    written). Audited ``review.mark`` / ``review.unmark``."""
    if qid not in definition_for(assessment).question_map:
        raise OperationError({"question": _l("This questionnaire has no question %(qid)s.", qid=qid)})
    assessment = lock_for_review(assessment)
    found = db.session.get(ReviewMark, (assessment.id, qid))
    if (found is not None) == looked_at:
        return False
    if looked_at:
        db.session.add(ReviewMark(assessment_id=assessment.id, question_id=qid, user_id=getattr(actor, "id", None)))
    else:
        db.session.delete(found)
    db.session.flush()
    audit.record(actor, "review.mark" if looked_at else "review.unmark", "assessment", assessment.id,
                 new={"question": qid}, country=assessment.country_code)
    return True
