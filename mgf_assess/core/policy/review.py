"""Rules of the review: the evaluator's writes, the review queue, queries and comments."""

from __future__ import annotations

from mgf_assess.assessments import workflow
from mgf_assess.core.policy.assessments import _answer_author, _country_manager
from mgf_assess.core.policy.registry import COUNTRY_ROLES, RULES, is_admin, rule

# ---- review: the evaluator of the country (or an admin) ----------------------------------
# ``review.act``: whoever reviews the assessment, whatever its state (``.who`` of the review's
# writes, so that the API answers 409 rather than 403 when only the state stands in the way);
# each write then needs the state that allows it (``workflow.REVIEW_STATES``).

@rule("review.act")
def _reviewer(user, assessment) -> bool:
    """An admin, or an evaluator assigned to the assessment's country."""
    return user.role == "admin" or (user.role == "evaluator" and assessment.country_code in user.country_codes)


def _reviewing(user, assessment) -> bool:
    return workflow.is_in_review(assessment.state) and _reviewer(user, assessment)


REVIEW_WRITES = ("override.set", "evidence.review", "review.mark")  # each: in review, by a reviewer
RULES.update({action: _reviewing for action in REVIEW_WRITES})
RULES.update({f"{action}.who": _reviewer for action in REVIEW_WRITES})
RULES.update({
    "assessment.reopen": is_admin,  # unlocks a validated assessment: admins only, with a reason
    "review.view": lambda user, assessment: _reviewer(user, assessment) or _country_manager(user, assessment),
})


@rule("review.queue")
def _review_queue(user, _obj=None) -> bool:
    """The review queue lists the submitted assessments of the evaluator's countries (an
    admin's: every country)."""
    return user.role in ("admin", "evaluator")



# ---- review: queries and comments on questions ------------------------------------------
# Objects: an Assessment, or a ``review.access.ThreadTarget`` (a question of the assessment and
# whether the thread it concerns is internal). ``<action>.who``: may the user do it at all
# (whatever the state, for 403 against 409); ``<action>``: may they do it now.

THREAD_STATES = frozenset({"in_review"})  # an evaluator opens a query or a comment
REPLY_STATES = frozenset({"in_review", "returned"})  # the country answers while it may correct
RESOLVE_STATES = frozenset({"in_review", "returned"})


def _assessment_of(obj):
    return getattr(obj, "assessment", obj)




@rule("comment.view")
def _view_comments(user, obj) -> bool:
    """Threads at all: the country's evaluators and admins, and the country's own users."""
    assessment = _assessment_of(obj)
    if _reviewer(user, assessment):
        return True
    return user.role in COUNTRY_ROLES and user.country_code == assessment.country_code


@rule("comment.view_internal")
def _view_internal(user, obj) -> bool:
    """Internal comments: evaluators and admins only, never the country."""
    return _reviewer(user, _assessment_of(obj))


@rule("comment.create.who")
def _open_thread_who(user, obj) -> bool:
    return _reviewer(user, _assessment_of(obj))


@rule("comment.create")
def _open_thread(user, obj) -> bool:
    """Open a query or a comment on a question: the country's evaluators, during the review."""
    return _assessment_of(obj).state in THREAD_STATES and _open_thread_who(user, obj)


@rule("comment.reply.who")
def _reply_who(user, target) -> bool:
    """Evaluators reply in any thread; the country (the question's authors: ``answer.author``)
    only in threads it sees, never internal ones."""
    if _reviewer(user, target.assessment):
        return True
    return not target.internal and _answer_author(user, target.question)


@rule("comment.reply")
def _reply(user, target) -> bool:
    return target.assessment.state in REPLY_STATES and _reply_who(user, target)


@rule("query.resolve.who")
def _resolve_who(user, obj) -> bool:
    return _reviewer(user, _assessment_of(obj))


@rule("query.resolve")
def _resolve(user, obj) -> bool:
    """Resolve a query, or open it again: the country's evaluators, while the review lasts."""
    return _assessment_of(obj).state in RESOLVE_STATES and _resolve_who(user, obj)


RULES["notification.own"] = lambda user, notification: getattr(notification, "user_id", None) == user.id


