"""What a workflow transition does besides changing the state.

``workflow.Transition.step`` names a function of this module; ``operations.run_transition``
calls it under the assessment's lock, before the state changes. A step refuses by raising
(nothing is changed then) and may return the score snapshot it took.
"""

from __future__ import annotations

from mgf_assess.assessments.errors import NotReady
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.readiness import readiness_of
from mgf_assess.assessments.scoring_bridge import score_assessment
from mgf_assess.database import utcnow
from mgf_assess.results.models import ScoreSnapshot
from mgf_assess.results.operations import record_snapshot


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
