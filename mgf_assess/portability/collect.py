"""What an assessment's export holds, read straight from the tables through the ORM models:
the assessment, answers, evidence, review comments (internal ones only when asked), score
overrides, score snapshots, its audit events and the people they name."""

from __future__ import annotations

from dataclasses import dataclass, field

from mgf_assess.assessments.models import Answer, Assessment, Evidence
from mgf_assess.auth.models import User
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db
from mgf_assess.portability.rows import columns, rows
from mgf_assess.results.models import ScoreSnapshot
from mgf_assess.review.models import ReviewComment, ScoreOverride

# Columns naming a person; the export lists those people (name and role) in people.json.
PERSON_COLUMNS = ("actor_id", "author_id", "created_by_id", "updated_by_id", "reviewed_by_id", "resolved_by_id")


@dataclass
class Export:
    """The content of one assessment's export, as plain JSON values."""

    assessment: dict
    answers: list[dict]
    evidence: list[dict]
    review_comments: list[dict]
    score_overrides: list[dict]
    score_snapshots: list[dict]
    audit_events: list[dict]
    people: list[dict] = field(default_factory=list)


def collect(assessment: Assessment, include_internal: bool) -> Export:
    """Everything stored about ``assessment``; internal review comments (and their audit
    events) only with ``include_internal``."""
    of_it = assessment.id
    comments, hidden = _comments(of_it, include_internal)
    evidence = rows(Evidence, Evidence.assessment_id == of_it)
    export = Export(
        assessment={**columns(assessment), "questionnaire": {"family": assessment.questionnaire.family,
                                                              "version": assessment.questionnaire.version}},
        answers=rows(Answer, Answer.assessment_id == of_it), evidence=evidence, review_comments=comments,
        score_overrides=rows(ScoreOverride, ScoreOverride.assessment_id == of_it),
        score_snapshots=rows(ScoreSnapshot, ScoreSnapshot.assessment_id == of_it),
        audit_events=_events(assessment, {item["id"] for item in evidence}, hidden))
    export.people = _people(export)
    return export


def _comments(assessment_id: int, include_internal: bool) -> tuple[list[dict], set[int]]:
    """The comments to export, and the ids of those left out (internal, or replies to one)."""
    every = rows(ReviewComment, ReviewComment.assessment_id == assessment_id)
    hidden = set()
    for comment in every:  # id order: a reply comes after the message it answers
        if not include_internal and (comment["internal"] or comment["reply_to_id"] in hidden):
            hidden.add(comment["id"])
    return [comment for comment in every if comment["id"] not in hidden], hidden


def _events(assessment: Assessment, evidence_ids: set[int], hidden_comments: set[int]) -> list[dict]:
    """The audit events of the assessment, its answers and overrides (object ids
    ``ID:question``), its evidence (also removed evidence: its events name the assessment)
    and its exported review comments."""
    key = str(assessment.id)
    query = db.select(AuditEvent).where(db.or_(
        db.and_(AuditEvent.object_type == "assessment", AuditEvent.object_id == key),
        AuditEvent.object_id.startswith(f"{key}:", autoescape=True),
        db.and_(AuditEvent.object_type.in_(("evidence", "comment")),
                AuditEvent.country_code == assessment.country_code))).order_by(AuditEvent.id)
    comment_ids = {str(c) for c in db.session.scalars(db.select(ReviewComment.id).filter_by(
        assessment_id=assessment.id))} - {str(c) for c in hidden_comments}
    return [columns(event) for event in db.session.scalars(query)
            if _belongs(event, key, {str(i) for i in evidence_ids}, comment_ids)]


def _belongs(event: AuditEvent, key: str, evidence_ids: set[str], comment_ids: set[str]) -> bool:
    if event.object_type == "evidence":
        named = [value.get("assessment") for value in (event.old_value, event.new_value) if isinstance(value, dict)]
        return event.object_id in evidence_ids or int(key) in named
    if event.object_type == "comment":
        return event.object_id in comment_ids
    return True


def _people(export: Export) -> list[dict]:
    """Name and role of everyone the exported rows name."""
    ids = {row[name] for part in (export.answers, export.evidence, export.review_comments, export.score_overrides,
                                   export.score_snapshots, export.audit_events, [export.assessment])
           for row in part for name in PERSON_COLUMNS if row.get(name) is not None}
    users = db.session.scalars(db.select(User).where(User.id.in_(ids)).order_by(User.id)) if ids else []
    return [{"id": user.id, "name": user.name, "role": user.role} for user in users]
