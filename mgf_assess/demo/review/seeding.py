"""The demo's review step: which demo assessments to review, and how far to take each.

An assessment is reviewed once: when the demo seeded it, its plan (``demo.countries``) goes
beyond ``submitted``, it is still submitted, and the demo has not reviewed it before (one
``assessment.demo_review`` audit event each). So a second run, or an assessment someone has
since moved on, is never touched.
"""

from __future__ import annotations

import click

from mgf_assess.assessments import operations
from mgf_assess.assessments.models import Assessment
from mgf_assess.assessments.scoring_bridge import definition_for, score_assessment
from mgf_assess.core import audit
from mgf_assess.core.models import AuditEvent
from mgf_assess.demo.countries import (
    COUNTRIES,
    FAMILY,
    IN_REVIEW,
    REOPENED,
    RETURNED,
    REVIEW_PLANS,
    REVIEWED,
    VALIDATED,
)
from mgf_assess.demo.review import texts
from mgf_assess.demo.review.content import (
    Review,
    allowed,
    answer_query,
    review_finished,
    review_in_progress,
)
from mgf_assess.demo.review.summary import summary_line
from mgf_assess.extensions import db
from mgf_assess.review.queries import open_queries

DEMO_EVENT = "assessment.demo_review"
ADMIN = "admin@demo.mgf"
# What follows the review's content, for each plan: the transitions, in order.
AFTER = {IN_REVIEW: (), RETURNED: ("return",), REVIEWED: ("accept",), VALIDATED: ("accept", "validate"),
         REOPENED: ("accept", "validate", "reopen")}


def seed_reviews(users: dict) -> None:
    """Review the demo assessments waiting for it, then print a summary line."""
    waiting = waiting_reviews()
    for assessment, plan in waiting:
        review_one(users, assessment, plan)
    db.session.flush()
    click.echo(summary_line(len(waiting)))


def waiting_reviews() -> list[tuple[Assessment, str]]:
    """(assessment, plan) of the demo's submitted assessments planned further and not yet reviewed."""
    plans = {country.code: country for country in COUNTRIES}
    seeded, reviewed = _marked("assessment.demo_seed"), _marked(DEMO_EVENT)
    query = (db.select(Assessment).filter_by(family=FAMILY, state="submitted")
             .filter(Assessment.country_code.in_(plans)).order_by(Assessment.cycle, Assessment.country_code))
    found = [(assessment, plans[assessment.country_code].plan(assessment.cycle))
             for assessment in db.session.scalars(query)]
    return [(assessment, plan) for assessment, plan in found
            if plan in REVIEW_PLANS and str(assessment.id) in seeded and str(assessment.id) not in reviewed]


def _marked(action: str) -> set[str]:
    return set(db.session.scalars(db.select(AuditEvent.object_id).filter_by(action=action, object_type="assessment")))


def review_one(users: dict, assessment: Assessment, plan: str) -> None:
    """Take one submitted assessment through the review as far as its plan says."""
    job = _job(users, assessment, plan)
    transition(job, "start_review")
    if plan in (IN_REVIEW, RETURNED):
        review_in_progress(job)
    else:
        review_finished(job)
    for name in AFTER[plan]:
        transition(job, name)
    if plan == RETURNED and job.country is not None:  # the country has started on the queries
        answer_query(job, open_queries(job.assessment)[0])
    audit.record(None, DEMO_EVENT, "assessment", assessment.id, country=assessment.country_code,
                 reason="demo data (fictitious review)", new={"plan": plan, "reviewer": job.reviewer.email})


def _job(users: dict, assessment: Assessment, plan: str) -> Review:
    code = assessment.country_code
    evaluator = next((u for u in users.values() if u.role == "evaluator" and code in u.country_codes), None)
    country = next((u for u in users.values() if u.role == "focal_point" and u.country_code == code), None)
    result = score_assessment(assessment)
    scores = {q["id"]: q["self_score"] for domain in result["domains"] for area in domain["areas"]
              for q in area["questions"] if q["scored"] and q["status"] == "answered"}
    admin = users.get(ADMIN)
    return Review(assessment, plan, definition_for(assessment), evaluator or admin, country, scores, admin)


def transition(job: Review, name: str) -> None:
    """Make a workflow transition as the person who would: the government validates (its
    demo focal point, else the admin), an admin reopens, the reviewer does the rest."""
    actor = {"validate": job.country, "reopen": None}.get(name, job.reviewer) or job.admin
    allowed(actor, f"transition.{name}", job.assessment)
    comment = {"return": texts.pick(texts.RETURN_REASONS, *job.key), "reopen": texts.REOPEN_REASON}.get(name)
    operations.run_transition(actor, job.assessment, name, comment=comment)
