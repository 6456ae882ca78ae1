"""What a workflow transition does besides changing the state.

``workflow.Transition.step`` names a function of this module; ``operations.run_transition``
calls it under the assessment's lock, before the state changes. A step refuses by raising
(nothing is changed then) and may return the score snapshot it took.

Publication is a flag beside the state: ``published`` and ``unpublished`` set and clear
``published_at``. A reopened assessment is no longer validated, so it must not stay public:
the ``reopen`` step calls ``unpublish_on_reopen`` (which audits the withdrawal itself).
"""

from __future__ import annotations

from mgf_assess.assessments.errors import NotReady, OpenQueries
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.readiness import readiness_of
from mgf_assess.assessments.scoring_bridge import score_assessment
from mgf_assess.core import audit
from mgf_assess.database import utcnow
from mgf_assess.results.models import ScoreSnapshot
from mgf_assess.results.operations import record_snapshot
from mgf_assess.review.queries import open_queries


def submitted(actor, assessment: Assessment) -> ScoreSnapshot:
    """Refuse a submission that is not ready (NotReady, listing every question in the way:
    see ``readiness``); else note the time and keep the self-assessed score as the
    ``submitted`` snapshot."""
    result = score_assessment(assessment)
    found = readiness_of(assessment, result)
    if not found.ready:
        raise NotReady(found)
    assessment.submitted_at = utcnow()
    return record_snapshot(actor, assessment, "submitted", result)


def reviewed(actor, assessment: Assessment) -> ScoreSnapshot:
    """Refuse to accept the review while a query is open (OpenQueries, listing them); else keep
    the ``reviewed`` snapshot: self-assessed and validated scores side by side, confidence
    counting accepted evidence only."""
    waiting = open_queries(assessment)
    if waiting:
        raise OpenQueries(waiting)
    return record_snapshot(actor, assessment, "reviewed", score_assessment(assessment, review_done=True))


def validated(actor, assessment: Assessment) -> ScoreSnapshot:
    """The government's sign-off: keep the ``validated`` snapshot, the result of record. The
    new state locks the assessment (``workflow.LOCKED_STATES``)."""
    return record_snapshot(actor, assessment, "validated", score_assessment(assessment, review_done=True))


def reopened(actor, assessment: Assessment) -> None:
    """An admin reopens a validated assessment for review: it is no longer validated, so a
    publication is withdrawn first (audited by ``unpublish_on_reopen``)."""
    unpublish_on_reopen(actor, assessment)


def published(_actor, assessment: Assessment) -> None:
    """Make the validated assessment a public country profile from now on."""
    assessment.published_at = utcnow()


def unpublished(_actor, assessment: Assessment) -> None:
    """Withdraw the public profile (the reason is the transition's comment, audited with it)."""
    assessment.published_at = None


def unpublish_on_reopen(actor, assessment: Assessment) -> bool:
    """Withdraw the publication of an assessment being reopened, and audit it
    (``assessment.unpublish``, reason "reopened"); True when it was published.

    For the ``reopen`` step: call it before the state changes, under the same lock.
    """
    if assessment.published_at is None:
        return False
    old = assessment.published_at.isoformat()
    assessment.published_at = None
    audit.record(actor, "assessment.unpublish", "assessment", assessment.id, old={"published_at": old},
                 new={"published_at": None}, reason="reopened", country=assessment.country_code)
    return True
