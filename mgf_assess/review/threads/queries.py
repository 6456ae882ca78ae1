"""Reading threads: the messages of an assessment grouped by thread, internal ones only for
whoever may see them, and the counts of open queries per question, area, domain and overall."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func

from mgf_assess.core import policy
from mgf_assess.extensions import db
from mgf_assess.review.models import ReviewComment


@dataclass
class Thread:
    """A thread: its first message (which carries kind, status and the internal flag) and the
    replies, oldest first."""

    root: ReviewComment
    replies: list[ReviewComment] = field(default_factory=list)

    @property
    def question_id(self) -> str:
        return self.root.question_id

    @property
    def is_query(self) -> bool:
        return self.root.kind == "query"

    @property
    def is_open(self) -> bool:
        return self.is_query and self.root.status == "open"

    @property
    def messages(self) -> list[ReviewComment]:
        return [self.root, *self.replies]


def threads_of(assessment, *, internal: bool, question: str | None = None, status: str | None = None,
               kind: str | None = None) -> list[Thread]:
    """The assessment's threads, oldest first, filtered on their first message; internal
    threads only when ``internal`` is true (the caller asked the policy)."""
    roots = db.select(ReviewComment).filter_by(assessment_id=assessment.id, reply_to_id=None)
    if not internal:
        roots = roots.filter_by(internal=False)
    for name, value in (("question_id", question), ("status", status), ("kind", kind)):
        if value is not None:
            roots = roots.filter_by(**{name: value})
    threads = {root.id: Thread(root) for root in db.session.scalars(roots.order_by(ReviewComment.id))}
    replies = db.select(ReviewComment).filter(ReviewComment.reply_to_id.in_(list(threads) or [0]))
    for reply in db.session.scalars(replies.order_by(ReviewComment.id)):
        threads[reply.reply_to_id].replies.append(reply)
    return list(threads.values())


def visible_threads(user, assessment, **filters) -> list[Thread]:
    """The threads ``user`` may read (none without ``comment.view``; internal ones with
    ``comment.view_internal``)."""
    if not policy.can(user, "comment.view", assessment):
        return []
    return threads_of(assessment, internal=policy.can(user, "comment.view_internal", assessment), **filters)


def by_question(threads: list[Thread]) -> dict[str, list[Thread]]:
    grouped: dict[str, list[Thread]] = {}
    for thread in threads:
        grouped.setdefault(thread.question_id, []).append(thread)
    return grouped


def thread_root(assessment, comment_id: int) -> ReviewComment | None:
    """The first message of a thread of the assessment, or None (no such message, another
    assessment's, or a reply rather than a thread's first message)."""
    found = db.session.get(ReviewComment, comment_id) if 0 < comment_id <= 2**31 - 1 else None
    if found is None or found.assessment_id != assessment.id or found.reply_to_id is not None:
        return None
    return found


def open_query_counts(assessment) -> dict[str, int]:
    """Open queries per question id (questions without one are absent)."""
    query = (db.select(ReviewComment.question_id, func.count())
             .filter_by(assessment_id=assessment.id, reply_to_id=None, kind="query", status="open")
             .group_by(ReviewComment.question_id))
    return {qid: count for qid, count in db.session.execute(query)}


@dataclass(frozen=True)
class QueryCounts:
    """Open queries per question, area (section) and domain, and in all."""

    questions: dict[str, int]
    areas: dict[str, int]
    domains: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.questions.values())


def rollup(definition, counts: dict[str, int]) -> QueryCounts:
    """``counts`` per question added up per area and per domain of the questionnaire."""
    areas, domains = Counter(), Counter()
    for domain, area, question in definition.iter_questions():
        areas[area.id] += counts.get(question.id, 0)
        domains[domain.id] += counts.get(question.id, 0)
    return QueryCounts(dict(counts), {k: v for k, v in areas.items() if v}, {k: v for k, v in domains.items() if v})


def open_queries(assessment, definition) -> QueryCounts:
    """The assessment's open queries counted per question, area and domain."""
    return rollup(definition, open_query_counts(assessment))
