"""What a demo reviewer writes while an assessment is in review: queries and comments (with the
country's replies), evidence verdicts, score overrides and questions looked at.

Every write goes through the review's operations (locked, checked, audited, notified), after
the access policy has said that the demo's actor may make it. Choices come from stable
hashes (``demo.answers.unit``), so two seeds write the same review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from mgf_assess.assessments.access import answer_target
from mgf_assess.assessments.models import Assessment, Evidence
from mgf_assess.core import policy
from mgf_assess.demo.answers import unit
from mgf_assess.demo.review import texts
from mgf_assess.extensions import db
from mgf_assess.review import operations as review
from mgf_assess.review.access import ThreadTarget
from mgf_assess.review.threads import operations as threads
from scoring.api import Definition

REJECTED_SHARE = 0.05  # of the evidence a finished review rejects
IN_PROGRESS_SHARE = 0.5  # of the evidence reviewed so far while the review is in progress


@dataclass
class Review:
    """One demo assessment under review, and who takes part."""

    assessment: Assessment
    plan: str
    definition: Definition
    reviewer: object  # the country's demo evaluator, else the demo admin
    country: object | None  # the country's demo focal point, if there is one
    scores: dict[str, float]  # self-assessed score of each answered, scored question
    admin: object | None = None  # validates where the country has no demo focal point; reopens
    questions: list[str] = field(default_factory=list)  # the same, in the reviewer's (stable) order
    looked_at: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.questions = sorted(self.scores, key=lambda qid: unit(*self.key, qid, "review order"))

    @property
    def key(self) -> tuple[str, int]:
        return self.assessment.country_code, self.assessment.cycle


def allowed(actor, action: str, obj) -> None:
    """Refuse (RuntimeError) a demo write the access policy would not allow its actor."""
    if not policy.can(actor, action, obj):
        raise RuntimeError(f"demo: {getattr(actor, 'email', actor)} may not {action} "
                           f"({obj.country_code})")


def _target(job: Review, qid: str, internal: bool = False) -> ThreadTarget:
    return ThreadTarget(answer_target(job.assessment, job.definition, qid), internal)


# ---- threads ------------------------------------------------------------------------------

def open_thread(job: Review, qid: str, kind: str, text: str, internal: bool = False):
    """A query or comment of the reviewer on ``qid``; the question counts as looked at."""
    allowed(job.reviewer, "comment.create", _target(job, qid, internal))
    job.looked_at.add(qid)
    return threads.open_thread(job.reviewer, job.assessment, qid, kind=kind, text=text, internal=internal)


def answer_query(job: Review, root) -> None:
    """The country's reply (in its language) when the demo has a focal point for it, else
    the reviewer's note of how the query was settled."""
    author = job.country or job.reviewer
    allowed(author, "comment.reply", _target(job, root.question_id))
    text = (texts.country_reply(author.language, *job.key, root.question_id) if job.country
            else texts.pick(texts.REVIEWER_FOLLOW_UPS, *job.key, root.question_id))
    threads.reply(author, job.assessment, root, text)


def resolve(job: Review, root) -> None:
    allowed(job.reviewer, "query.resolve", job.assessment)
    threads.resolve(job.reviewer, job.assessment, root)


def ask(job: Review, qid: str, answered: bool = False, resolved: bool = False):
    """A query on ``qid``, answered and resolved as asked."""
    root = open_thread(job, qid, "query", texts.pick(texts.QUERIES, *job.key, qid))
    if answered or resolved:
        answer_query(job, root)
    if resolved:
        resolve(job, root)
    return root


def note_internally(job: Review, qid: str) -> None:
    open_thread(job, qid, "comment", texts.pick(texts.INTERNAL_COMMENTS, *job.key, qid), internal=True)


# ---- evidence, overrides, marks -----------------------------------------------------------

def evidence_of(job: Review) -> list[Evidence]:
    query = db.select(Evidence).filter_by(assessment_id=job.assessment.id).order_by(Evidence.id)
    return list(db.session.scalars(query))


def judge(job: Review, item: Evidence, rejected: bool) -> None:
    """Accept a piece of evidence, or reject it with a note the country reads."""
    allowed(job.reviewer, "evidence.review", job.assessment)
    note = texts.pick(texts.REJECTIONS, *job.key, item.id) if rejected else None
    review.review_evidence(job.reviewer, job.assessment, item, "rejected" if rejected else "accepted", note)
    job.looked_at.add(item.question_id)


def override(job: Review, qid: str) -> None:
    """A validated score that differs from the self-assessed one, with its justification."""
    allowed(job.reviewer, "override.set", job.assessment)
    own = job.scores[qid]
    lower = own >= 25  # evaluators mostly temper optimistic answers; a low one may be raised
    moved = 5 * round((own - 15 - 20 * unit(*job.key, qid, "override")) / 5) if lower else own + 20
    score = Decimal(int(min(100, max(0, moved))))
    justification = texts.pick(texts.OVERRIDES[:3] if lower else texts.OVERRIDES[3:], *job.key, qid)
    review.set_override(job.reviewer, job.assessment, qid, score, justification)
    job.looked_at.add(qid)


def mark_looked_at(job: Review) -> None:
    """Mark every question the reviewer wrote about or judged evidence of, in file order."""
    allowed(job.reviewer, "review.mark", job.assessment)
    for qid in job.definition.question_map:
        if qid in job.looked_at:
            review.mark_question(job.reviewer, job.assessment, qid)


# ---- a review in progress, a finished one -------------------------------------------------

def review_in_progress(job: Review) -> None:
    """Half the evidence judged (one piece rejected), a query waiting for the country, one the
    country answered, one resolved, an internal comment and an override."""
    items = [item for item in evidence_of(job) if unit(*job.key, item.id, "reviewed yet") < IN_PROGRESS_SHARE]
    for index, item in enumerate(items):
        judge(job, item, rejected=index == 0)
    first, second, third, fourth, fifth = job.questions[:5]
    ask(job, first)
    ask(job, second, answered=True)
    ask(job, third, resolved=True)
    note_internally(job, fourth)
    override(job, fifth)
    mark_looked_at(job)


def review_finished(job: Review) -> None:
    """Every piece of evidence judged (a few rejected), two queries answered and resolved, a
    comment for the country, an internal comment and one to three overrides."""
    for item in evidence_of(job):
        judge(job, item, rejected=unit(*job.key, item.id, "rejected") < REJECTED_SHARE)
    questions = job.questions
    ask(job, questions[0], resolved=True)
    ask(job, questions[1], resolved=True)
    open_thread(job, questions[2], "comment", texts.pick(texts.COMMENTS, *job.key, questions[2]))
    note_internally(job, questions[3])
    for qid in questions[4:5 + int(3 * unit(*job.key, "overrides"))]:
        override(job, qid)
    mark_looked_at(job)
