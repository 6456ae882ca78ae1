"""Reads of the review: open queries, overrides, marks (each a query of its own table)."""

from __future__ import annotations

from dataclasses import dataclass

from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.scoring_bridge import definition_for, score_assessment
from mgf_assess.core import policy
from mgf_assess.extensions import db
from mgf_assess.review.models import ReviewComment, ReviewMark, ScoreOverride
from scoring.api import check_override


def open_queries_filter(assessment: Assessment):
    """The SQL condition of the assessment's open queries: the first message of a query thread
    (``reply_to_id`` None) whose status is ``open``."""
    return db.and_(ReviewComment.assessment_id == assessment.id, ReviewComment.kind == "query",
                   ReviewComment.reply_to_id.is_(None), ReviewComment.status == "open")


def open_queries(assessment: Assessment) -> list[ReviewComment]:
    """The open queries of the assessment, oldest first."""
    query = db.select(ReviewComment).where(open_queries_filter(assessment)).order_by(ReviewComment.id)
    return list(db.session.scalars(query))


def open_query_count(assessment: Assessment) -> int:
    """How many queries of the assessment are open (counted in the database)."""
    query = db.select(db.func.count()).select_from(ReviewComment).where(open_queries_filter(assessment))
    return db.session.scalar(query)


def overrides_of(assessment: Assessment) -> dict[str, ScoreOverride]:
    """The assessment's score overrides by question id."""
    query = db.select(ScoreOverride).filter_by(assessment_id=assessment.id).order_by(ScoreOverride.question_id)
    return {item.question_id: item for item in db.session.scalars(query)}


def marked_questions(assessment: Assessment) -> set[str]:
    """The questions the evaluators have marked as looked at."""
    query = db.select(ReviewMark.question_id).filter_by(assessment_id=assessment.id)
    return set(db.session.scalars(query))


@dataclass(frozen=True)
class SectionReview:
    """What the evaluator's forms on a section page need: the overrides, the questions looked
    at, which questions are scored (only those can be overridden) and the country's own score
    of each (shown beside the validated score, None when it has none)."""

    overrides: dict[str, ScoreOverride]
    marked: set[str]
    scored: set[str]
    self_scores: dict[str, float | None]


def section_review(user, assessment: Assessment) -> SectionReview | None:
    """The review forms' data when the user may review the assessment now, else None."""
    if not policy.can(user, "review.mark", assessment):
        return None
    scored = scored_questions(definition_for(assessment))
    return SectionReview(overrides_of(assessment), marked_questions(assessment), scored, self_scores(assessment))


def scored_questions(definition) -> set[str]:
    """The questions that can be overridden: the scored ones, as the engine decides."""
    probe = {"score": 0, "justification": "probe"}
    return {qid for qid in definition.question_map if not check_override(definition, qid, probe)[1]}


def self_scores(assessment: Assessment) -> dict[str, float | None]:
    """The self-assessed score of every question, by id."""
    result = score_assessment(assessment)
    return {question["id"]: question.get("self_score") for domain in result["domains"]
            for area in domain["areas"] for question in area["questions"]}
