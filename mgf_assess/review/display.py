"""What the pages show of the review: the threads of a section's questions with what the user
may do there, a question's place in the questionnaire, the list of a country's queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from mgf_assess.assessments.access import AnswerTarget
from mgf_assess.core import policy
from mgf_assess.review.access import ThreadTarget
from mgf_assess.review.threads.queries import (
    Thread,
    by_question,
    open_query_counts,
    visible_threads,
)


@dataclass
class QuestionReview:
    """One question's threads, its open queries, and whether the user may reply there now."""

    threads: list[Thread] = field(default_factory=list)
    open_count: int = 0
    can_reply: bool = False


@dataclass
class SectionReview:
    """The review part of a section page: shown at all, and what the user may do now."""

    shown: bool
    can_open: bool
    can_internal: bool
    can_resolve: bool
    questions: dict[str, QuestionReview] = field(default_factory=dict)

    def of(self, qid: str) -> QuestionReview:
        return self.questions.get(qid) or QuestionReview()


def section_threads(user, assessment, section) -> SectionReview:
    """The threads of the section's questions as ``user`` may see them, and their rights."""
    target = AnswerTarget(assessment, section.domain.id, section.area.id)
    view = SectionReview(shown=policy.can(user, "comment.view", assessment),
                         can_open=policy.can(user, "comment.create", assessment),
                         can_internal=policy.can(user, "comment.view_internal", assessment),
                         can_resolve=policy.can(user, "query.resolve", assessment))
    if not view.shown:
        return view
    threads, counts = by_question(visible_threads(user, assessment)), open_query_counts(assessment)
    can_reply = policy.can(user, "comment.reply", ThreadTarget(target))
    view.questions = {q.id: QuestionReview(threads.get(q.id, []), counts.get(q.id, 0), can_reply)
                      for q in section.questions}
    return view


def question_place(definition, qid: str) -> tuple[str, str, str]:
    """The question's domain and area ids and its number as the section page shows it
    ("1.2.3"); empty ids and the question id when the questionnaire has no such question."""
    for d_index, domain in enumerate(definition.domains, start=1):
        for a_index, area in enumerate(domain.areas, start=1):
            answerable = [question.id for question in area.questions if question.answerable]
            if qid in answerable:
                return domain.id, area.id, f"{d_index}.{a_index}.{answerable.index(qid) + 1}"
    return "", "", qid


@dataclass
class QueryLine:
    """A query of the list page: the thread, and where its question is."""

    thread: Thread
    area_id: str
    number: str
    label: dict


def query_lines(user, assessment, definition) -> list[QueryLine]:
    """The queries the user may read, open ones first, each in questionnaire order."""
    order = {q.id: index for index, (_d, _a, q) in enumerate(definition.iter_questions())}
    threads = sorted(visible_threads(user, assessment, kind="query"),
                     key=lambda t: (not t.is_open, order.get(t.question_id, len(order)), t.root.id))
    lines = []
    for thread in threads:
        _domain, area_id, number = question_place(definition, thread.question_id)
        question = definition.question_map.get(thread.question_id)
        lines.append(QueryLine(thread, area_id, number, question.label if question else {}))
    return lines
