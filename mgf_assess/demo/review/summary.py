"""The one-line summary ``mgf demo`` prints about the demo's reviews in the database."""

from __future__ import annotations

from sqlalchemy import func

from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.demo.countries import COUNTRY_CODES, FAMILY
from mgf_assess.demo.summary import state_counts
from mgf_assess.extensions import db
from mgf_assess.review.models import ReviewComment, ScoreOverride


def _demo_assessments():
    return db.select(Assessment.id).filter(Assessment.family == FAMILY, Assessment.country_code.in_(COUNTRY_CODES))


def _count(model, *conditions) -> int:
    query = db.select(func.count()).select_from(model).filter(model.assessment_id.in_(_demo_assessments()), *conditions)
    return db.session.scalar(query)


def states_now() -> str:
    """E.g. "2019: 2 draft, 31 validated; 2026: …": the demo assessments' states after the review."""
    return "; ".join(f"{cycle}: " + ", ".join(f"{number} {state}" for state, number in sorted(states.items()))
                     for cycle, states in sorted(state_counts().items()))


def summary_line(added: int) -> str:
    """E.g. "Demo reviews: 46 added; 10 open queries, 87 resolved, …; states now 2019: …"."""
    roots = (ReviewComment.reply_to_id.is_(None),)
    queries = {status: _count(ReviewComment, *roots, ReviewComment.kind == "query", ReviewComment.status == status)
               for status in ("open", "resolved")}
    internal = _count(ReviewComment, *roots, ReviewComment.internal.is_(True))
    replies = _count(ReviewComment, ReviewComment.reply_to_id.is_not(None))
    accepted, rejected = (_count(Evidence, Evidence.accepted.is_(verdict)) for verdict in (True, False))
    return (f"Demo reviews: {added} added; {queries['open']} open queries, {queries['resolved']} resolved, "
            f"{replies} replies, {internal} internal comments; {_count(ScoreOverride)} score overrides; "
            f"evidence {accepted} accepted, {rejected} rejected. States now {states_now()}.")
