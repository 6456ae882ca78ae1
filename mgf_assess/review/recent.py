"""What the pages show of the changes since the last return: a panel on the overview (counts
per kind, the first changes, the sections they are in) and, on a section page, the questions
that changed with their answer before the return.

Shown only to those who may see the review (``review.view``), once the country has submitted
the returned assessment again: in the states ``submitted``, ``in_review`` and ``reviewed``.
While the assessment is back with the country (``returned``) the changes are still being made,
and once it is validated the review is over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from mgf_assess.auth.models import User
from mgf_assess.core import policy
from mgf_assess.extensions import db
from mgf_assess.review.changes import Change, changes_since_return
from mgf_assess.review.display import question_place
from mgf_assess.review.models import ReviewComment

SHOWN_STATES = frozenset({"submitted", "in_review", "reviewed"})
PANEL_LIMIT = 50  # changes listed on the overview; the section filter shows the rest
KINDS = ("answer", "evidence_added", "evidence_removed", "reply")
FILTER = "return"  # the value of ``?changed=`` that keeps only the changed questions


@dataclass
class ChangeLine:
    """One change as the overview lists it: where its question is and who made it."""

    change: Change
    question: object
    number: str
    area_id: str
    author: str


@dataclass
class ChangesPanel:
    """The overview's panel: since when, how many of each kind, the first lines, the sections."""

    since: datetime
    counts: dict[str, int]
    lines: list[ChangeLine]
    more: int
    areas: list[tuple[object, str, int]] = field(default_factory=list)  # (area, its number, changes)


def shown_changes(user, assessment) -> tuple[list[Change], datetime] | None:
    """The changes since the last return that ``user`` may see here, and the return's time; None when the panel and
    the filter are not shown (never returned, not submitted again, or no right to the review)."""
    if assessment.state not in SHOWN_STATES or not policy.can(user, "review.view", assessment):
        return None
    found = changes_since_return(assessment)
    if found is None:
        return None
    return _query_replies_only(found.changes), found.since


def _query_replies_only(changes: list[Change]) -> list[Change]:
    """Leave out replies in comment threads: only replies to queries are the country's answers
    (and comment threads may be internal to the reviewers)."""
    numbers = [change.details.get("comment") for change in changes if change.kind == "reply"]
    queries = set(db.session.scalars(db.select(ReviewComment.id).where(
        ReviewComment.id.in_([n for n in numbers if n is not None]), ReviewComment.kind == "query"))) if numbers else set()
    return [change for change in changes if change.kind != "reply" or change.details.get("comment") in queries]


def changes_panel(user, assessment, definition) -> ChangesPanel | None:
    """The overview's panel of the changes since the return, None when it is not shown."""
    shown = shown_changes(user, assessment)
    if shown is None:
        return None
    changes, since = shown
    names = _author_names(changes[:PANEL_LIMIT])
    lines = [_line(definition, change, names) for change in changes[:PANEL_LIMIT]]
    counts = {kind: sum(1 for change in changes if change.kind == kind) for kind in KINDS}
    return ChangesPanel(since, counts, lines, max(0, len(changes) - PANEL_LIMIT), _areas(definition, changes))


def _line(definition, change: Change, names: dict[int, str]) -> ChangeLine:
    _domain, area_id, number = question_place(definition, change.question or "")
    return ChangeLine(change, definition.question_map.get(change.question), number, area_id,
                      names.get(change.actor_id, ""))


def _author_names(changes: list[Change]) -> dict[int, str]:
    """The names of the changes' authors, in one query."""
    ids = {change.actor_id for change in changes if change.actor_id is not None}
    if not ids:
        return {}
    return dict(db.session.execute(db.select(User.id, User.name).where(User.id.in_(ids))).all())


def _areas(definition, changes: list[Change]) -> list[tuple[object, str, int]]:
    """The sections with changes, in questionnaire order, with how many changes each has."""
    counts: dict[str, int] = {}
    for change in changes:
        area_id = question_place(definition, change.question or "")[1]
        if area_id:
            counts[area_id] = counts.get(area_id, 0) + 1
    return [(area, f"{d}.{a}", counts[area.id]) for d, domain in enumerate(definition.domains, start=1)
            for a, area in enumerate(domain.areas, start=1) if area.id in counts]


@dataclass
class QuestionChanges:
    """What changed on one question since the return: its answer before (when it changed),
    and which other kinds of change it had."""

    answer_changed: bool = False
    before: dict | None = None
    kinds: set[str] = field(default_factory=set)


def section_changes(user, assessment, section) -> dict[str, QuestionChanges] | None:
    """The section's questions changed since the return, None when the filter is not offered."""
    shown = shown_changes(user, assessment)
    if shown is None:
        return None
    ids = {question.id for question in section.questions}
    found: dict[str, QuestionChanges] = {}
    for change in shown[0]:
        if change.question in ids:
            item = found.setdefault(change.question, QuestionChanges())
            item.kinds.add(change.kind)
            if change.kind == "answer":
                item.answer_changed, item.before = True, change.old
    return found
