"""Who is concerned by an event: the country's focal points and evaluators, the contributors of
a question's section, the people of a thread. Only active accounts are ever concerned."""

from __future__ import annotations

from mgf_assess.assessments.models import Assignment
from mgf_assess.auth.models import User, evaluator_countries
from mgf_assess.extensions import db
from mgf_assess.review.models import ReviewComment


def _active(query) -> list[User]:
    return list(db.session.scalars(query.filter(User.active.is_(True)).order_by(User.id)))


def focal_points(assessment) -> list[User]:
    """The focal points of the assessment's country."""
    return _active(db.select(User).filter_by(role="focal_point", country_code=assessment.country_code))


def evaluators(assessment) -> list[User]:
    """The evaluators assigned to the assessment's country."""
    query = (db.select(User).join(evaluator_countries, evaluator_countries.c.user_id == User.id)
             .filter(User.role == "evaluator", evaluator_countries.c.country_code == assessment.country_code))
    return _active(query)


def section_contributors(assessment, domain_id: str, area_id: str) -> list[User]:
    """Contributors assigned to the question's area or to its domain."""
    assigned = (db.select(Assignment.user_id)
                .filter(Assignment.assessment_id == assessment.id, Assignment.scope_id.in_([domain_id, area_id])))
    query = db.select(User).filter(User.role == "contributor", User.country_code == assessment.country_code,
                                   User.id.in_(assigned))
    return _active(query)


def thread_people(root: ReviewComment) -> list[User]:
    """Whoever wrote in the thread: its author and those who replied."""
    authors = db.select(ReviewComment.author_id).filter(
        (ReviewComment.id == root.id) | (ReviewComment.reply_to_id == root.id))
    return _active(db.select(User).filter(User.id.in_(authors)))


GROUPS = {"focal_points": focal_points, "evaluators": evaluators}
