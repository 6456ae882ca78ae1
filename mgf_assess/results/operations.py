"""Writes on results: recording a score snapshot. Flush, never commit."""

from __future__ import annotations

from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.scoring_bridge import snapshot_inputs
from mgf_assess.extensions import db
from mgf_assess.results.models import REVIEW_KINDS, SNAPSHOT_KINDS, ScoreSnapshot, summary_of


def record_snapshot(actor, assessment: Assessment, kind: str, result: dict) -> ScoreSnapshot:
    """Keep ``result`` (the score of the assessment's current answers) with its inputs, as a
    snapshot of ``kind``; snapshots are never changed afterwards."""
    if kind not in SNAPSHOT_KINDS:
        raise ValueError(f"unknown snapshot kind {kind!r}: one of {', '.join(SNAPSHOT_KINDS)}")
    snapshot = ScoreSnapshot(assessment_id=assessment.id, kind=kind, result=result, summary=summary_of(result),
                             created_by_id=getattr(actor, "id", None), **snapshot_inputs(assessment, review_done=kind in REVIEW_KINDS or None))
    db.session.add(snapshot)
    db.session.flush()
    return snapshot
