"""Reads on stored results: an assessment's snapshots, its latest one of a kind, and the
result of the country's previous cycle."""

from __future__ import annotations

from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.queries import previous_assessment
from mgf_assess.assessments.scoring_bridge import score_assessment
from mgf_assess.extensions import db
from mgf_assess.results.models import ScoreSnapshot


def snapshots(assessment: Assessment) -> list[ScoreSnapshot]:
    """Every snapshot of the assessment, oldest first."""
    query = db.select(ScoreSnapshot).filter_by(assessment_id=assessment.id).order_by(ScoreSnapshot.id)
    return list(db.session.scalars(query))


def latest_snapshot(assessment: Assessment, kinds: tuple[str, ...] | None = None) -> ScoreSnapshot | None:
    """The newest snapshot of the assessment (of one of ``kinds`` when given), or None."""
    query = db.select(ScoreSnapshot).filter_by(assessment_id=assessment.id)
    if kinds is not None:
        query = query.where(ScoreSnapshot.kind.in_(kinds))
    return db.session.scalars(query.order_by(ScoreSnapshot.id.desc()).limit(1)).first()


def latest_result(assessment: Assessment) -> dict:
    """The assessment's latest stored result, or the score of its current answers when it has
    no snapshot yet."""
    latest = latest_snapshot(assessment)
    return latest.result if latest is not None else score_assessment(assessment)


def previous_result(assessment: Assessment) -> tuple[Assessment, dict] | None:
    """The country's previous cycle of the same questionnaire family and its latest result."""
    previous = previous_assessment(assessment)
    return None if previous is None else (previous, latest_result(previous))
