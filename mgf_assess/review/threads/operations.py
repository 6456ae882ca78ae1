"""Writes of the review's threads: open a query or a comment on a question, reply, resolve a
query and open it again.

Every function locks the assessment first (``assessments.locking.lock_unlocked``: a validated
assessment is locked), refuses what its
state does not allow (NotEditable), checks its input (OperationError, located), writes,
audits and flushes; it never commits. Who may do it is the access policy's question
(``comment.create``, ``comment.reply``, ``query.resolve``), asked by the caller.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from mgf_assess.assessments import workflow
from mgf_assess.assessments.errors import NotEditable
from mgf_assess.assessments.locking import LOCKED, lock_unlocked
from mgf_assess.assessments.scoring_bridge import definition_for
from mgf_assess.core import audit
from mgf_assess.core.errors import OperationError
from mgf_assess.core.limits import TEXT_MAX, too_long
from mgf_assess.core.policy import REPLY_STATES, RESOLVE_STATES, THREAD_STATES
from mgf_assess.database import utcnow
from mgf_assess.extensions import db
from mgf_assess.notifications.operations import notify_comment
from mgf_assess.review.models import COMMENT_KINDS, ReviewComment

STATE_REFUSALS = {
    "create": _l("This assessment is %(state)s: queries and comments are opened while it is in review."),
    "reply": _l("This assessment is %(state)s: replies are written while it is in review or returned."),
    "resolve": _l("This assessment is %(state)s: queries are resolved while it is in review or returned."),
}


def state_refusal(action: str, state: str) -> str:
    """Why ``action`` (create, reply or resolve) is refused in ``state``, in the user's language."""
    return str(LOCKED) if workflow.is_locked(state) else str(STATE_REFUSALS[action]) % {"state": state}


def _locked_in(assessment, states: frozenset[str], action: str):
    """The assessment under its row lock, refused unless it is in one of ``states``."""
    assessment = lock_unlocked(assessment)
    if assessment.state not in states:
        raise NotEditable(state_refusal(action, assessment.state))
    return assessment


def checked_text(text: str | None) -> str:
    """The message without surrounding spaces; OperationError when empty or too long."""
    text = (text or "").strip()
    if not text:
        raise OperationError({"text": _l("Write the message: the text is required.")})
    if too_long(text, TEXT_MAX):
        raise OperationError({"text": _l("The text is too long: at most %(n)s characters.", n=f"{TEXT_MAX:,}")})
    return text


def _check_thread(assessment, qid: str, kind: str, internal: bool) -> None:
    if qid not in definition_for(assessment).question_map:
        raise OperationError({"question": _l("The questionnaire of this assessment has no question %(id)s.", id=qid)})
    if kind not in COMMENT_KINDS:
        raise OperationError({"kind": _l("The kind is query or comment.")})
    if internal and kind == "query":
        raise OperationError({"internal": _l("A query asks the country: it cannot be internal. "
                                             "Write an internal comment instead.")})


def open_thread(actor, assessment, qid: str, *, kind: str, text: str, internal: bool = False) -> ReviewComment:
    """Start a thread on question ``qid``: a query (open until resolved) or a comment,
    internal or not (queries never are)."""
    _check_thread(assessment, qid, kind, internal)
    text = checked_text(text)
    assessment = _locked_in(assessment, THREAD_STATES, "create")
    comment = ReviewComment(assessment_id=assessment.id, question_id=qid, kind=kind, internal=bool(internal),
                            status="open" if kind == "query" else None, text=text, author_id=_id(actor))
    return _added(actor, assessment, comment)


def reply(actor, assessment, root: ReviewComment, text: str) -> ReviewComment:
    """Add a message to the thread that starts with ``root``; it takes the thread's question,
    kind and internal flag."""
    text = checked_text(text)
    assessment = _locked_in(assessment, REPLY_STATES, "reply")
    comment = ReviewComment(assessment_id=assessment.id, question_id=root.question_id, kind=root.kind,
                            internal=root.internal, reply_to_id=root.id, text=text, author_id=_id(actor))
    return _added(actor, assessment, comment)


def _added(actor, assessment, comment: ReviewComment) -> ReviewComment:
    db.session.add(comment)
    db.session.flush()
    audit.record(actor, "comment.create", "comment", comment.id, country=assessment.country_code,
                 new={"kind": comment.kind, "question": comment.question_id, "reply_to": comment.reply_to_id,
                      "internal": comment.internal})
    notify_comment(actor, assessment, comment)
    return comment


def resolve(actor, assessment, root: ReviewComment) -> ReviewComment:
    """Mark an open query resolved (NotEditable when it is already, OperationError when the
    thread is not a query)."""
    return _set_status(actor, assessment, root, "resolved")


def reopen(actor, assessment, root: ReviewComment) -> ReviewComment:
    """Open a resolved query again."""
    return _set_status(actor, assessment, root, "open")


STATUS_REFUSALS = {"resolved": _l("This query is resolved already."), "open": _l("This query is open already.")}


def _set_status(actor, assessment, root: ReviewComment, status: str) -> ReviewComment:
    if root.kind != "query":
        raise OperationError({"comment": _l("Only queries are resolved: this thread is a comment.")})
    assessment = _locked_in(assessment, RESOLVE_STATES, "resolve")
    db.session.refresh(root)  # as it is now, under the lock
    if root.status == status:
        raise NotEditable(str(STATUS_REFUSALS[status]))
    previous, root.status = root.status, status
    root.resolved_by_id, root.resolved_at = (_id(actor), utcnow()) if status == "resolved" else (None, None)
    db.session.flush()
    action = "comment.resolve" if status == "resolved" else "comment.reopen"
    audit.record(actor, action, "comment", root.id, old={"status": previous}, new={"status": status},
                 country=assessment.country_code)
    return root


def _id(actor) -> int | None:
    return getattr(actor, "id", None)
