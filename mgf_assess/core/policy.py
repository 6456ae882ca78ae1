"""The access policy: the one place that answers "may this user do X to this object?".

Views never test roles themselves; they call :func:`require` (or :func:`can` to decide what to
show). An object of a country the user may not see is answered with 404, never 403, so that
its existence is not revealed.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, current_app

from mgf_assess.assessments import workflow

Rule = Callable[[object, object], bool]
RULES: dict[str, Rule] = {}
ALL_COUNTRIES_ROLES = ("admin", "analyst")
COUNTRY_ROLES = ("focal_point", "contributor")


def rule(action: str) -> Callable[[Rule], Rule]:
    def register(function: Rule) -> Rule:
        RULES[action] = function
        return function

    return register


def can_see_country(user, country_code: str | None) -> bool:
    """Whether the user may see data of a country at all."""
    if not _signed_in(user) or country_code is None:
        return False
    if user.role in ALL_COUNTRIES_ROLES:
        return True
    return country_code in user.country_codes


def can(user, action: str, obj: object = None) -> bool:
    """True when ``user`` may do ``action`` to ``obj``; unknown actions are refused."""
    check = RULES.get(action)
    return bool(_signed_in(user) and check and check(user, obj))


def require(user, action: str, obj: object = None) -> None:
    """Abort with 404 when the object is outside the user's countries, 403 when merely not allowed."""
    country = getattr(obj, "country_code", None) if obj is not None else None
    if country is not None and not can_see_country(user, country):
        abort(404)
    if not can(user, action, obj):
        abort(403)


def _signed_in(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def _is_admin(user, _obj=None) -> bool:
    return user.role == "admin"


RULES.update({
    "users.manage": _is_admin,
    "audit.view": _is_admin,
    "questionnaires.manage": _is_admin,
    "questionnaires.view": lambda user, _obj: True,
    "tokens.own": lambda user, _obj: True,
    "session.end": lambda user, record: getattr(record, "user_id", None) == user.id,
    "mfa.turn_off": lambda user, _obj: not mfa_required(user),
    "assessment.unpublish": _is_admin,  # withdraws a public profile: admins only, with a reason
})


def mfa_required(user) -> bool:
    """Whether the user's role must sign in with two-step verification (``MFA_REQUIRED_ROLES``).
    Whoever has turned it on uses it at every sign-in, required or not."""
    return role_requires_mfa(user.role)


def role_requires_mfa(role: str) -> bool:
    return role in current_app.config["MFA_REQUIRED_ROLES"]


@rule("country.view")
def _view_country(user, country) -> bool:
    return can_see_country(user, getattr(country, "code", None))


@rule("user.view")
def _view_user(user, other) -> bool:
    return user.role == "admin" or getattr(other, "id", None) == user.id


# ---- invitations -------------------------------------------------------------------------
# ``invitation.create`` without an object: may the user invite anyone at all (the page); with
# a draft (``auth.invitations.operations.Draft``: role, country_code): may they invite that.

FOCAL_POINT_INVITES = ("contributor",)  # the roles a focal point invites, into their own country


@rule("invitation.create")
def _invite(user, plan) -> bool:
    """An admin invites anyone to any role; a focal point invites contributors of their own
    country (officials of their own or other ministries)."""
    if user.role == "admin":
        return True
    if user.role != "focal_point" or user.country_code is None:
        return False
    return plan is None or (plan.role in FOCAL_POINT_INVITES and plan.country_code == user.country_code)


@rule("invitation.manage")
def _manage_invitation(user, invitation) -> bool:
    """Resend or withdraw an open invitation: an admin any, a focal point those they could make."""
    return _invite(user, invitation)


# ---- assessments -------------------------------------------------------------------------
# Objects: an Assessment (has country_code, state) or an AnswerTarget (assessment + the
# question's domain and area), see mgf_assess.assessments.access. Which states allow what
# comes from the workflow table (mgf_assess.assessments.workflow).

@rule("assessment.view")
def _view_assessment(user, assessment) -> bool:
    if user.role == "analyst":
        return workflow.is_validated(assessment.state)  # analysts read validated results only
    return can_see_country(user, assessment.country_code)


def country_filter(user) -> set[str] | None:
    """The countries whose assessments a list may show the user (None: every country), before
    ``assessment.view`` decides on each one."""
    return None if user.role in ALL_COUNTRIES_ROLES else set(user.country_codes)


@rule("assessment.create")
def _create_assessment(user, country) -> bool:
    code = getattr(country, "code", None)
    return user.role == "admin" or (user.role == "focal_point" and user.country_code == code)


@rule("assessment.manage")
def _country_manager(user, assessment) -> bool:
    """The country's focal point (or an admin): assigns contributors, carries answers forward,
    sees the preliminary score, and makes the country's transitions."""
    return user.role == "admin" or (user.role == "focal_point" and user.country_code == assessment.country_code)


@rule("answer.author")
def _answer_author(user, target) -> bool:
    """Whether the user writes this question's answer in the states that allow answering: the
    API answers 403 to others and 409 to authors when only the state stands in the way."""
    assessment = target.assessment
    if _country_manager(user, assessment):
        return True
    return (user.role == "contributor" and user.country_code == assessment.country_code
            and bool({target.domain_id, target.area_id} & target.assigned_scopes(user)))


@rule("answer.edit")
def _edit_answer(user, target) -> bool:
    return workflow.is_editable(target.assessment.state) and _answer_author(user, target)


@rule("answers.workbook")
def _answers_workbook(user, assessment) -> bool:
    """The offline answers workbook (download it, upload it back): the country's managers and
    contributors. Which rows of an upload a contributor may change is ``answer.author``'s
    question, row by row."""
    if _country_manager(user, assessment):
        return True
    return user.role == "contributor" and user.country_code == assessment.country_code


@rule("answers.import")
def _answers_import(user, assessment) -> bool:
    """Uploading a workbook: ``answers.workbook`` in a state that allows answering."""
    return workflow.is_editable(assessment.state) and _answers_workbook(user, assessment)


@rule("assessment.scores")
def _view_scores(user, assessment) -> bool:
    """The preliminary score is the country managers'; evaluators and analysts see scores once
    the country has submitted (analysts only validated assessments, as for everything else)."""
    if _country_manager(user, assessment):
        return True
    if user.role in ("evaluator", "analyst"):
        return not workflow.is_editable(assessment.state) and _view_assessment(user, assessment)
    return False


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
    "assessment.reopen": _is_admin,  # unlocks a validated assessment: admins only, with a reason
    "review.view": lambda user, assessment: _reviewer(user, assessment) or _country_manager(user, assessment),
})


@rule("review.queue")
def _review_queue(user, _obj=None) -> bool:
    """The review queue lists the submitted assessments of the evaluator's countries (an
    admin's: every country)."""
    return user.role in ("admin", "evaluator")


# ---- transitions, from the workflow table ------------------------------------------------
# ``transition.<name>.who``: may the user make it at all (whatever the state);
# ``transition.<name>``: may the user make it now (the assessment is in one of its states).

def _transition_rules(item: workflow.Transition) -> dict[str, Rule]:
    def who(user, assessment) -> bool:
        return RULES[item.who](user, assessment)

    def now(user, assessment) -> bool:
        return item.applies_to(assessment) and who(user, assessment)

    return {f"transition.{item.name}.who": who, f"transition.{item.name}": now}


for _transition in workflow.TRANSITIONS.values():
    RULES.update(_transition_rules(_transition))


def transitions_for(user, assessment) -> list[workflow.Transition]:
    """The transitions the user may make on the assessment now, in table order."""
    return [item for item in workflow.TRANSITIONS.values() if can(user, f"transition.{item.name}", assessment)]


# ---- review: queries and comments on questions ------------------------------------------
# Objects: an Assessment, or a ``review.access.ThreadTarget`` (a question of the assessment and
# whether the thread it concerns is internal). ``<action>.who``: may the user do it at all
# (whatever the state, for 403 against 409); ``<action>``: may they do it now.

THREAD_STATES = frozenset({"in_review"})  # an evaluator opens a query or a comment
REPLY_STATES = frozenset({"in_review", "returned"})  # the country answers while it may correct
RESOLVE_STATES = frozenset({"in_review", "returned"})


def _assessment_of(obj):
    return getattr(obj, "assessment", obj)


def _country_evaluator(user, assessment) -> bool:
    """An admin, or an evaluator assigned to the assessment's country."""
    return user.role == "admin" or (user.role == "evaluator" and assessment.country_code in user.country_codes)


@rule("comment.view")
def _view_comments(user, obj) -> bool:
    """Threads at all: the country's evaluators and admins, and the country's own users."""
    assessment = _assessment_of(obj)
    if _country_evaluator(user, assessment):
        return True
    return user.role in COUNTRY_ROLES and user.country_code == assessment.country_code


@rule("comment.view_internal")
def _view_internal(user, obj) -> bool:
    """Internal comments: evaluators and admins only, never the country."""
    return _country_evaluator(user, _assessment_of(obj))


@rule("comment.create.who")
def _open_thread_who(user, obj) -> bool:
    return _country_evaluator(user, _assessment_of(obj))


@rule("comment.create")
def _open_thread(user, obj) -> bool:
    """Open a query or a comment on a question: the country's evaluators, during the review."""
    return _assessment_of(obj).state in THREAD_STATES and _open_thread_who(user, obj)


@rule("comment.reply.who")
def _reply_who(user, target) -> bool:
    """Evaluators reply in any thread; the country (the question's authors: ``answer.author``)
    only in threads it sees, never internal ones."""
    if _country_evaluator(user, target.assessment):
        return True
    return not target.internal and _answer_author(user, target.question)


@rule("comment.reply")
def _reply(user, target) -> bool:
    return target.assessment.state in REPLY_STATES and _reply_who(user, target)


@rule("query.resolve.who")
def _resolve_who(user, obj) -> bool:
    return _country_evaluator(user, _assessment_of(obj))


@rule("query.resolve")
def _resolve(user, obj) -> bool:
    """Resolve a query, or open it again: the country's evaluators, while the review lasts."""
    return _assessment_of(obj).state in RESOLVE_STATES and _resolve_who(user, obj)


RULES["notification.own"] = lambda user, notification: getattr(notification, "user_id", None) == user.id


# ---- reports -----------------------------------------------------------------------------

@rule("report.view")
def _view_report(user, assessment) -> bool:
    """The gap report (page and every download) is readable by whoever may view the
    assessment; a preliminary report says so in a banner."""
    return _view_assessment(user, assessment)


# ---- results: comparisons, public profiles, corridors ------------------------------------
# A validated result is the result of record. Analysts and admins see every one; everyone
# else sees the results of their own countries (a country user's, an evaluator's assigned
# ones) and every published one. Anyone, signed in or not, reads a published one as a public
# country profile. A result the user may not see is simply absent from a comparison.

def is_public(assessment) -> bool:
    """Whether the assessment's result is a public country profile: validated and published."""
    return workflow.is_validated(assessment.state) and workflow.is_published(assessment)


@rule("result.view")
def _view_result(user, assessment) -> bool:
    """Whether the user may see the assessment's validated result on its own (a profile row,
    a peer, a rank), rather than only inside an aggregate of several states."""
    if not workflow.is_validated(assessment.state):
        return False
    if user.role in ALL_COUNTRIES_ROLES or is_public(assessment):
        return True
    return can_see_country(user, assessment.country_code)


@rule("result.view_latest")
def _view_latest_result(user, assessment) -> bool:
    """The latest score snapshot in any state (a PRELIMINARY comparison): admins, and
    evaluators for their countries."""
    return user.role == "admin" or (user.role == "evaluator" and assessment.country_code in user.country_codes)


RULES.update({
    "comparisons.view": lambda user, _obj: True,  # each sees what result.view allows
    "comparisons.latest": lambda user, _obj: user.role in ("admin", "evaluator"),
    "corridors.manage": lambda user, _obj: user.role in ALL_COUNTRIES_ROLES,
})


def sees_every_result(user) -> bool:
    """Whether the user may see every validated result individually (no aggregate is then
    withheld from them: they could compute it themselves)."""
    return _signed_in(user) and user.role in ALL_COUNTRIES_ROLES


def peer_countries(user) -> set[str] | None:
    """The countries whose peers the user may look for (None: any country they may see):
    country users look for their own country's peers."""
    return {user.country_code} if user.role in COUNTRY_ROLES and user.country_code else None
