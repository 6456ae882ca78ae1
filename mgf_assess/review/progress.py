"""How far the review of an assessment has come, for the overview and the review queue."""

from __future__ import annotations

from dataclasses import dataclass

from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.extensions import db
from mgf_assess.review.models import ReviewMark, ScoreOverride
from mgf_assess.review.queries import open_query_count


@dataclass(frozen=True)
class ReviewProgress:
    """Counts of the review: questions looked at (of every question of the questionnaire),
    open queries, overrides, and evidence reviewed (accepted or rejected) of all evidence."""

    questions: int
    looked_at: int
    open_queries: int
    overrides: int
    evidence_total: int
    evidence_reviewed: int
    evidence_rejected: int

    @property
    def looked_at_share(self) -> float | None:
        """Share of questions looked at (None for a questionnaire without questions)."""
        return self.looked_at / self.questions if self.questions else None


def _count(model, *conditions) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model).where(*conditions))


def review_progress(assessment: Assessment) -> ReviewProgress:
    """The review's progress, counted in the database (a handful of COUNT queries)."""
    questions = set(definition_for(assessment).question_map)
    marks = db.select(ReviewMark.question_id).filter_by(assessment_id=assessment.id)
    evidence = Evidence.assessment_id == assessment.id
    return ReviewProgress(
        questions=len(questions),
        looked_at=len(set(db.session.scalars(marks)) & questions),
        open_queries=open_query_count(assessment),
        overrides=_count(ScoreOverride, ScoreOverride.assessment_id == assessment.id),
        evidence_total=_count(Evidence, evidence),
        evidence_reviewed=_count(Evidence, evidence, Evidence.accepted.is_not(None)),
        evidence_rejected=_count(Evidence, evidence, Evidence.accepted.is_(False)),
    )
