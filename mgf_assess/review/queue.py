"""The evaluator's review queue: the assessments of the user's countries that the country has
submitted, grouped by state, with their open queries and last activity.

Three queries whatever the number of assessments: the assessments (with their country and
questionnaire version), one grouped count of open queries, and one grouped maximum of the
activity times. *Last activity* is the latest of: ``assessments.updated_at`` (every answer
save moves it), the assessment's own audit events (transitions, assignments: object type
``assessment``), review comments, score overrides and evidence (added or reviewed). Each of
these is read through an indexed ``assessment_id`` (audit events: ``object_id``), so the
query does not scan the whole audit log.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Integer, cast, func, union_all

from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.core import policy
from mgf_assess.core.models import AuditEvent, Country
from mgf_assess.extensions import db
from mgf_assess.questionnaires.definitions import definition_of
from mgf_assess.questionnaires.models import QuestionnaireVersion
from mgf_assess.review.models import ReviewComment, ScoreOverride

# The queue's groups, in the order an evaluator works through them; validated ones come last
# (shown folded: they need no more work, but an evaluator looks them up).
GROUPS = ("submitted", "in_review", "returned", "reviewed", "validated")


class QueuedAssessment(NamedTuple):
    """The columns of an assessment the queue shows, with its country and questionnaire
    version (read as plain rows: building hundreds of ORM objects would cost more than the
    rest of the page)."""

    id: int
    country_code: str
    cycle: int
    state: str
    submitted_at: datetime | None
    updated_at: datetime | None
    country: Country
    questionnaire: QuestionnaireVersion


@dataclass(frozen=True)
class QueueItem:
    """One assessment of the queue."""

    assessment: QueuedAssessment
    open_queries: int
    last_activity: datetime | None
    days_since_submission: int | None
    first_area: str | None  # where the review starts: the questionnaire's first area


@dataclass(frozen=True)
class QueueGroup:
    state: str
    items: tuple[QueueItem, ...]


def review_queue(user, today: date) -> tuple[QueueGroup, ...]:
    """The queue of ``user`` (an evaluator: their countries; an admin: every country), one group
    per state of ``GROUPS`` (empty groups included), oldest submission first in each."""
    assessments = queue_assessments(user)
    ids = [a.id for a in assessments]
    queries, activity = open_query_counts(ids), last_activity(ids)
    areas = {v.id: _first_area(v) for v in {a.questionnaire for a in assessments}}
    items = [_item(a, queries.get(a.id, 0), activity.get(a.id), today, areas[a.questionnaire.id]) for a in assessments]
    return tuple(QueueGroup(state, tuple(i for i in items if i.assessment.state == state)) for state in GROUPS)


def _item(assessment: QueuedAssessment, queries: int, activity: datetime | None, today: date,
          first_area: str | None) -> QueueItem:
    submitted = assessment.submitted_at
    days = None if submitted is None else max((today - submitted.date()).days, 0)
    return QueueItem(assessment, queries, max(filter(None, (activity, assessment.updated_at)), default=None),
                     days, first_area)


def _first_area(version: QuestionnaireVersion) -> str | None:
    # Definitions are parsed once per version and cached: no query per assessment.
    domains = definition_of(version).domains
    return domains[0].areas[0].id if domains and domains[0].areas else None


def queue_assessments(user) -> list[QueuedAssessment]:
    """The assessments of the queue's states the user may see (one query, and one for their
    few questionnaire versions), oldest submission first, then by country code."""
    columns = (Assessment.id, Assessment.country_code, Assessment.cycle, Assessment.state,
               Assessment.submitted_at, Assessment.updated_at)
    query = (db.select(*columns, Country, Assessment.questionnaire_version_id)
             .join(Country, Country.code == Assessment.country_code)
             .where(Assessment.state.in_(GROUPS))
             .order_by(Assessment.submitted_at, Assessment.country_code, Assessment.id))
    countries = policy.country_filter(user)
    if countries is not None:
        query = query.where(Assessment.country_code.in_(countries or {""}))
    rows = db.session.execute(query).all()
    versions = _versions({row[-1] for row in rows})
    return [QueuedAssessment(*row[:-1], versions[row[-1]]) for row in rows]


def _versions(ids: set[int]) -> dict[int, QuestionnaireVersion]:
    if not ids:
        return {}
    query = db.select(QuestionnaireVersion).where(QuestionnaireVersion.id.in_(ids))
    return {version.id: version for version in db.session.scalars(query)}


def open_query_counts(ids: Iterable[int]) -> dict[int, int]:
    """Assessment id → its open queries (threads started by a query, still open); one query."""
    ids = list(ids)
    if not ids:
        return {}
    query = (db.select(ReviewComment.assessment_id, func.count())
             .where(ReviewComment.assessment_id.in_(ids), ReviewComment.kind == "query",
                    ReviewComment.status == "open", ReviewComment.reply_to_id.is_(None))
             .group_by(ReviewComment.assessment_id))
    return dict(db.session.execute(query).all())


def last_activity(ids: Iterable[int]) -> dict[int, datetime]:
    """Assessment id → the time of its latest comment, override, evidence change or own audit
    event (one query; answer saves are ``assessments.updated_at``, which the caller has)."""
    ids = list(ids)
    if not ids:
        return {}
    times = union_all(*_activity_sources(ids)).subquery()
    query = db.select(times.c.assessment_id, func.max(times.c.at)).group_by(times.c.assessment_id)
    return {key: value for key, value in db.session.execute(query).all() if value is not None}


def _activity_sources(ids: list[int]) -> list:
    def source(column_id, column_at, *where):
        return db.select(column_id.label("assessment_id"), column_at.label("at")).where(*where)

    audit_id = cast(AuditEvent.object_id, Integer)
    return [
        source(ReviewComment.assessment_id, ReviewComment.created_at, ReviewComment.assessment_id.in_(ids)),
        source(ScoreOverride.assessment_id, ScoreOverride.updated_at, ScoreOverride.assessment_id.in_(ids)),
        source(Evidence.assessment_id, func.coalesce(Evidence.reviewed_at, Evidence.created_at),
               Evidence.assessment_id.in_(ids)),
        # object_id is text: compared as text so that its index serves, then read as a number
        source(audit_id, AuditEvent.at, AuditEvent.object_id.in_([str(i) for i in ids]),
               AuditEvent.object_type == "assessment"),
    ]
