"""What the country changed since the assessment was returned, read from the audit log.

After the last ``assessment.return`` event of the assessment (or after a given moment), in
the order they happened:

* ``answer``: each changed answer once, with its value before the first change and after the
  last one, and who changed it last and when (answers changed and changed back are left out);
* ``evidence_added`` / ``evidence_removed``: each piece of evidence, with its citation;
* ``reply``: each reply to a query thread — any audit event whose action starts with
  ``comment.`` and whose new value names ``reply_to`` (written by the review's comments).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from mgf_assess.assessments.models import Assessment
from mgf_assess.core.models import AuditEvent
from mgf_assess.extensions import db
from mgf_assess.review.models import ReviewComment

ANSWER_ACTIONS = ("answer.save", "answer.confirm")
EVIDENCE_KINDS = {"evidence.add": "evidence_added", "evidence.remove": "evidence_removed"}


@dataclass
class Change:
    """One change: its kind, question, author (user id, None for the command line), time,
    and the values before and after (as the audit log keeps them)."""

    kind: str
    question: str | None
    actor_id: int | None
    at: datetime
    old: object = None
    new: object = None
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ChangeSet:
    """The changes after ``since``; ``returned`` is the return event they follow (None when
    asked from a moment)."""

    since: datetime
    returned: AuditEvent | None
    changes: list[Change]


def last_return(assessment: Assessment) -> AuditEvent | None:
    """The latest ``assessment.return`` event of the assessment, None if it was never returned."""
    query = (db.select(AuditEvent).filter_by(action="assessment.return", object_type="assessment",
                                             object_id=str(assessment.id)).order_by(AuditEvent.id.desc()))
    return db.session.scalars(query).first()


def changes_since_return(assessment: Assessment) -> ChangeSet | None:
    """The changes after the last return; None when the assessment was never returned."""
    returned = last_return(assessment)
    if returned is None:
        return None
    return ChangeSet(returned.at, returned, _changes(assessment, AuditEvent.id > returned.id))


def changes_since(assessment: Assessment, moment: datetime) -> ChangeSet:
    """The changes after ``moment`` (an aware UTC datetime)."""
    return ChangeSet(moment, None, _changes(assessment, AuditEvent.at > moment))


def _changes(assessment: Assessment, after) -> list[Change]:
    query = (db.select(AuditEvent).where(after, AuditEvent.country_code == assessment.country_code)
             .order_by(AuditEvent.id))
    answers: dict[str, Change] = {}
    found: list[Change] = []
    for event in db.session.scalars(query):
        change = _change(assessment, event, answers)
        if change is not None:
            found.append(change)
    return [change for change in found if change.kind != "answer" or change.old != change.new]


def _change(assessment: Assessment, event: AuditEvent, answers: dict[str, Change]) -> Change | None:
    """The change an event makes (None: not one of the assessment's, or folded into an
    earlier change of the same answer)."""
    if event.action in ANSWER_ACTIONS and event.object_id.startswith(f"{assessment.id}:"):
        return _answer_change(event, answers)
    values = event.new_value if isinstance(event.new_value, dict) else event.old_value or {}
    if event.action in EVIDENCE_KINDS and values.get("assessment") == assessment.id:
        return Change(EVIDENCE_KINDS[event.action], values.get("question"), event.actor_id, event.at,
                      details={"evidence": int(event.object_id), "citation": values.get("citation")})
    if event.action.startswith("comment.") and values.get("reply_to") and _comment_of(assessment, event, values):
        return Change("reply", values.get("question"), event.actor_id, event.at,
                      details={"reply_to": values.get("reply_to"), "comment": _object_number(event)})
    return None


def _answer_change(event: AuditEvent, answers: dict[str, Change]) -> Change | None:
    qid = event.object_id.partition(":")[2]
    shown = _answer_values(event.new_value)
    if qid in answers:
        earlier = answers[qid]
        earlier.new, earlier.actor_id, earlier.at = shown, event.actor_id, event.at
        return None
    answers[qid] = Change("answer", qid, event.actor_id, event.at, _answer_values(event.old_value), shown)
    return answers[qid]


def _answer_values(values) -> dict | None:
    """An answer as the audit log keeps it, without its revision (which changes on every write)."""
    if not isinstance(values, dict):
        return None
    return {key: values.get(key) for key in ("value", "status", "justification")}


def _comment_of(assessment: Assessment, event: AuditEvent, values: dict) -> bool:
    """Whether a comment event belongs to the assessment: it names the assessment, is logged on
    it, or its comment row is one of the assessment's."""
    if values.get("assessment") is not None:
        return values.get("assessment") == assessment.id
    if event.object_type == "assessment":
        return event.object_id == str(assessment.id)
    number = _object_number(event)
    comment = db.session.get(ReviewComment, number) if number is not None else None
    return comment is not None and comment.assessment_id == assessment.id


def _object_number(event: AuditEvent) -> int | None:
    text = event.object_id.rpartition(":")[2]
    return int(text) if text.isdigit() and event.object_type != "assessment" else None
